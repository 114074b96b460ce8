//! Shared types of the dyad pipeline.
//!
//! Every stage is a plain function from one of these values to the next: ingest produces
//! [`Article`]s, the text stage turns an article body into a [`Doc`] of [`Sentence`]s and
//! [`Token`]s. All offsets are UTF-8 byte offsets into the article body, end exclusive.

mod article;
pub mod calendar;
mod doc;
pub mod jsonl;
mod published;

pub use article::{Article, ContentKind, article_id, fnv1a64};
pub use doc::{Doc, Sentence, Span, Token, universal_relation};
pub use published::{Published, PublishedParseError};
