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

mod query;
pub mod reports;
mod schema;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use query::{ArticleRef, Count, Filter, Report, Stats};
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
}
