//! Read-only database connections shared by the requests. A SQLite connection serves one
//! thread at a time, so each request takes an idle one (or opens one) and gives it back.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

use dyad_store::{Store, StoreError};

/// Idle read-only connections to one database.
pub struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
}

/// Connections kept open between requests; more are opened under load and closed after.
const IDLE_KEPT: usize = 8;

impl Pool {
    /// Opens one connection now, so a missing or unreadable database stops the server at
    /// start rather than at the first request.
    pub fn open(path: PathBuf) -> Result<Pool, StoreError> {
        let first = Store::open_read_only(&path)?;
        let found = first.schema_version()?;
        if found < dyad_store::SCHEMA_VERSION {
            return Err(StoreError::OlderSchema {
                found,
                known: dyad_store::SCHEMA_VERSION,
            });
        }
        Ok(Pool {
            path,
            idle: Mutex::new(vec![first]),
        })
    }

    /// Runs `work` on a connection whose queries are interrupted at `deadline`.
    pub fn with_store<T>(
        &self,
        deadline: Instant,
        work: impl FnOnce(&Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let mut store = match idle {
            Some(store) => store,
            None => Store::open_read_only(&self.path)?,
        };
        store.set_deadline(deadline)?;
        let result = work(&store);
        if let Ok(mut idle) = self.idle.lock()
            && idle.len() < IDLE_KEPT
        {
            idle.push(store);
        }
        result
    }
}
