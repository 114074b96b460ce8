//! dyad's event database: every input's outcome, the articles, their sentences and the events
//! coded from them with all their evidence, in one SQLite file.
//!
//! Writes are one transaction per article, in WAL mode, so a crash or a kill never leaves half
//! an article and the next run picks up where it stopped. Every id is deterministic (articles by
//! URL or text, events by article, sentence, action and code), so storing the same input twice
//! changes nothing. Each article records the coder (with its knowledge base) and the models that
//! coded it, which is how `dyad run --recode` knows what is stale.
//!
//! ```no_run
//! let store = dyad_store::Store::open("dyad.db".as_ref())?;
//! let events = store.events(&dyad_store::Filter::default())?;
//! println!("{} events", events.len());
//! # Ok::<(), dyad_store::StoreError>(())
//! ```

mod explore;
mod query;
pub mod reports;
mod schema;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use explore::{
    ActorFact, ArticleDetail, ArticleSummary, DatedEvent, EventFact, Page, QuoteSpan, SentenceSpan,
};
pub use query::{ArticleRef, Count, Filter, Report, Stats, parse_day, parse_dyad};
pub use schema::SCHEMA_VERSION;
pub use write::{CodedArticle, InputOutcome, Versions};

/// What can go wrong with the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite refused an operation.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The database could not be opened.
    #[error("cannot open the database {path}: {source}")]
    Open {
        /// The database file.
        path: PathBuf,
        /// Why.
        source: rusqlite::Error,
    },
    /// The database was written by a newer dyad.
    #[error(
        "the database has schema version {found}, newer than the {known} this dyad knows: use a newer dyad"
    )]
    NewerSchema {
        /// Version found in the file.
        found: usize,
        /// Newest version this build knows.
        known: usize,
    },
    /// The database was written by an older dyad and opened read-only, so its schema could
    /// not be brought up to date.
    #[error(
        "the database has schema version {found}, older than the {known} this dyad reads: open it once with a command that writes (dyad run) to bring it up to date"
    )]
    OlderSchema {
        /// Version found in the file.
        found: usize,
        /// The version this build reads.
        known: usize,
    },
    /// A stored event record is not valid JSON (the file was edited by hand or is damaged).
    #[error("event {id}: stored record is not a valid event: {source}")]
    BadRecord {
        /// The event id.
        id: String,
        /// Why.
        source: serde_json::Error,
    },
    /// A filter value cannot be used.
    #[error("bad filter: {0}")]
    BadFilter(String),
}

impl StoreError {
    /// Whether the error is a query interrupted at its deadline (see [`Store::set_deadline`]).
    pub fn is_interrupted(&self) -> bool {
        matches!(self, StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::OperationInterrupted)
    }

    /// Whether the error comes from what the caller asked for (a bad filter or full-text
    /// query) rather than from the database.
    pub fn is_bad_request(&self) -> bool {
        matches!(self, StoreError::BadFilter(_))
    }
}

/// An open event database.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (or creates) the database at `path` for writing and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let open_error = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        let mut conn = Connection::open(path).map_err(open_error)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(open_error)?;
        // NORMAL in WAL mode still never corrupts the file; a power cut may lose the last
        // committed articles, which the next run codes again.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Event ids are hashes, so inserts land all over the indexes: a page cache of 64 MiB
        // keeps a large database from reading and writing the same pages again and again.
        conn.pragma_update(None, "cache_size", -65536)?;
        conn.pragma_update(None, "foreign_keys", true)?;
        schema::migrate(&mut conn)?;
        Ok(Store { conn })
    }

    /// Opens an existing database read-only, as queries, exports and the server do.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        schema::refuse_newer(schema::version(&conn)?)?;
        Ok(Store { conn })
    }

    /// The schema version of the open database; [`SCHEMA_VERSION`] once [`Store::open`] has
    /// brought it up to date.
    pub fn schema_version(&self) -> Result<usize, StoreError> {
        schema::version(&self.conn)
    }

    /// Interrupts any query still running at `deadline`, which then fails with an error, so
    /// that one costly request cannot hold a connection for long. Replaces an earlier
    /// deadline.
    pub fn set_deadline(&mut self, deadline: std::time::Instant) -> Result<(), StoreError> {
        // SQLite calls the handler every thousand virtual-machine steps: often enough to stop
        // within a millisecond, rarely enough to cost nothing.
        self.conn
            .progress_handler(1000, Some(move || std::time::Instant::now() > deadline))?;
        Ok(())
    }
}
