//! What became of each input: an article, a skip or a failure, and where.

use std::fmt;

use dyad_core::Article;

/// One input unit (a file, a JSONL line, a feed item, a WARC record) and what became of it.
#[derive(Debug, Clone)]
pub struct Record {
    /// Where the input is.
    pub location: Location,
    /// What became of it.
    pub outcome: Outcome,
    /// Things the user should know that did not stop the article (an unparseable date, a
    /// guessed encoding).
    pub notes: Vec<String>,
}

impl Record {
    /// A record with no notes.
    pub fn new(location: Location, outcome: Outcome) -> Self {
        Record {
            location,
            outcome,
            notes: Vec::new(),
        }
    }
}

/// What became of one input.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// An article was read.
    Article(Box<Article>),
    /// Deliberately not read as an article, and why.
    Skipped(SkipReason),
    /// Could not be read, and why.
    Failed(FailReason),
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Article(article) => write!(f, "ok ({})", article.id),
            Outcome::Skipped(reason) => write!(f, "skipped: {reason}"),
            Outcome::Failed(reason) => write!(f, "failed: {reason}"),
        }
    }
}

/// Why an input was skipped: it was readable but is not an article dyad should code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SkipReason {
    /// The file or stream has no bytes.
    #[error("empty input")]
    Empty,
    /// The bytes are not text (NUL bytes or control characters).
    #[error("binary data, not text")]
    Binary,
    /// Nothing that reads as article text was found (an empty page, a menu-only page).
    #[error("no article text")]
    NoText,
    /// The article is in a language not asked for.
    #[error("language: {0}")]
    Language(String),
    /// The document is larger than `Options::max_document_bytes`.
    #[error(
        "too large: {size} bytes, over the limit of {limit} bytes (raise it with --max-document-mb)"
    )]
    TooLarge {
        /// Size of the document in bytes (at least this much was seen).
        size: usize,
        /// The limit in force.
        limit: usize,
    },
    /// A WARC record that is part of the capture protocol, not a page (request, warcinfo,
    /// metadata, revisit).
    #[error("WARC {0} record")]
    WarcRecordType(String),
    /// An HTTP response that is not a page: an image, a script, a PDF.
    #[error("not HTML: {0}")]
    NotHtml(String),
    /// An HTTP response with an error or redirect status.
    #[error("HTTP status {0}")]
    HttpStatus(u16),
}

impl SkipReason {
    /// A short label that groups reasons in a summary ("language", "HTTP status").
    pub fn kind(&self) -> String {
        match self {
            SkipReason::Language(code) => format!("language: {code}"),
            SkipReason::TooLarge { .. } => "too large".to_string(),
            SkipReason::NotHtml(_) => "not HTML".to_string(),
            other => other.to_string(),
        }
    }
}

/// Why an input could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FailReason {
    /// The file system refused.
    #[error("cannot read: {0}")]
    Io(String),
    /// A line of a JSONL file that is not a JSON object.
    #[error("not a JSON object: {0}")]
    Json(String),
    /// Bytes that must be UTF-8 (JSON) are not.
    #[error("invalid UTF-8 at byte {0}")]
    InvalidUtf8(usize),
    /// A JSONL article without a `text` or `html` field.
    #[error("no \"text\", \"body\" or \"html\" field")]
    NoTextField,
    /// A gzip stream that is corrupt or cut short.
    #[error("gzip: {0}")]
    Gzip(String),
    /// A WARC file whose structure is broken.
    #[error("WARC: {0}")]
    Warc(String),
    /// A feed that is not well-formed XML or JSON.
    #[error("feed: {0}")]
    Feed(String),
}

/// Where an input is: the file (or `<stdin>`), and inside it the line, record or byte offset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Location {
    /// File path, or `<stdin>`.
    pub input: String,
    /// 1-based line number (JSONL).
    pub line: Option<u64>,
    /// 1-based record or item number (WARC record, feed item).
    pub record: Option<u64>,
    /// Byte offset in the file (WARC records: of the record or its gzip member).
    pub offset: Option<u64>,
    /// URL of the record, when it has one.
    pub url: Option<String>,
}

impl Location {
    /// The location of a whole input.
    pub fn of_input(input: impl Into<String>) -> Self {
        Location {
            input: input.into(),
            ..Location::default()
        }
    }

    /// The same input, at a line.
    pub fn at_line(&self, line: u64) -> Self {
        Location {
            input: self.input.clone(),
            line: Some(line),
            ..Location::default()
        }
    }

    /// The same input, at a record (item) number and optional byte offset.
    pub fn at_record(&self, record: u64, offset: Option<u64>) -> Self {
        Location {
            input: self.input.clone(),
            record: Some(record),
            offset,
            ..Location::default()
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.input)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(record) = self.record {
            write!(f, ": record {record}")?;
        }
        if let Some(offset) = self.offset {
            write!(f, " at byte {offset}")?;
        }
        if let Some(url) = &self.url {
            write!(f, " ({url})")?;
        }
        Ok(())
    }
}
