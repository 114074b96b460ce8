//! Reads news articles from every input a user has: plain text, JSONL, HTML pages, RSS/Atom/JSON
//! feeds, WARC files (plain or gzipped), folders and stdin.
//!
//! Every input ends as a [`Record`] whose [`Outcome`] is an article, a skip with its reason, or a
//! failure with its reason; the [`Location`] says where (file, line, record, byte offset). One bad
//! record never stops the rest, and nothing is dropped without a record saying why.
//!
//! ```no_run
//! let options = dyad_ingest::Options::default();
//! dyad_ingest::ingest_path("articles/".as_ref(), &options, &mut |record| {
//!     println!("{}: {}", record.location, record.outcome);
//! });
//! ```

pub mod charset;
pub mod dates;
mod detect;
mod draft;
mod feed;
pub mod html;
mod input;
mod jsonl;
mod language;
mod outcome;
mod plain;
mod warc;

pub use detect::Format;
pub use input::{ingest_path, ingest_reader};
pub use outcome::{FailReason, Location, Outcome, Record, SkipReason};

use dyad_core::Published;

/// How to read inputs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Publication date for inputs that carry none (plain text).
    pub default_date: Option<Published>,
    /// ISO 639-1 codes of the languages to keep; articles detected as another language are
    /// skipped with the reason `language: xx`. Empty keeps every language.
    pub languages: Vec<String>,
    /// Largest single document (page, text file, feed, JSONL line) read, in bytes; larger ones are
    /// skipped with the reason, so one huge page cannot exhaust memory on a crawl.
    pub max_document_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            default_date: None,
            languages: vec!["en".to_string()],
            max_document_bytes: 16 * 1024 * 1024,
        }
    }
}
