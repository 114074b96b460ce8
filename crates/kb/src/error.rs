//! What can go wrong reading the knowledge base, always with the file and the entry.

use std::path::PathBuf;

/// A knowledge-base file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    /// The file or folder cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the file system said.
        source: std::io::Error,
    },
    /// The file is not valid TOML or has a field of the wrong kind.
    #[error("{path}: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// The parser's message, with line and column.
        message: String,
    },
    /// An entry breaks a rule of the knowledge base (a bad code, an impossible date).
    #[error("{path}: entry {entry}: {reason}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The entry's code or id.
        entry: String,
        /// What is wrong.
        reason: String,
    },
}

/// Reads and parses one TOML file.
pub(crate) fn read_toml<T: serde::de::DeserializeOwned>(
    path: &std::path::Path,
) -> Result<T, KbError> {
    let text = std::fs::read_to_string(path).map_err(|source| KbError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    toml::from_str(&text).map_err(|error| KbError::Syntax {
        path: path.to_path_buf(),
        message: error.to_string(),
    })
}

/// Checks every entry of a file with `check`, naming the first bad one by `key`.
pub(crate) fn check_entries<T>(
    path: &std::path::Path,
    entries: &[T],
    key: impl Fn(&T) -> &str,
    check: impl Fn(&T) -> Result<(), String>,
) -> Result<(), KbError> {
    for entry in entries {
        check(entry).map_err(|reason| KbError::Invalid {
            path: path.to_path_buf(),
            entry: key(entry).to_string(),
            reason,
        })?;
    }
    Ok(())
}
