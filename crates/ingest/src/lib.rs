//! Reads news articles from every input a user has.

pub mod charset;
pub mod dates;
pub mod html;
