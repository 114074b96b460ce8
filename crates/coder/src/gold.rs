//! The gold events of `tests/gold/*.jsonl`: sentences and short articles written for dyad, each
//! with the events a careful human coder would code (format in `tests/gold/README.md`).

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// One gold item: a sentence or an article and its events.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldItem {
    /// Unique id, prefixed by the file's theme.
    pub id: String,
    /// Whether the item may be looked at while tuning.
    pub split: Split,
    /// Publication date the text is coded against (`YYYY-MM-DD`).
    pub date: String,
    /// One sentence, or paragraphs separated by a blank line.
    pub text: String,
    /// What the item exercises ("passive", "no event", ...).
    #[serde(default)]
    pub phenomena: Vec<String>,
    /// Every event a careful coder would code, in text order; empty when none.
    pub events: Vec<GoldEvent>,
}

/// Tuning items may be read while building the coder; held-out items never.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Split {
    /// Looked at while building the coder.
    Tune,
    /// Never looked at while tuning.
    HeldOut,
}

/// One event a careful coder codes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldEvent {
    /// Most specific CAMEO code ("036").
    pub cameo: String,
    /// PLOVER event type ("CONSULT").
    pub plover: String,
    /// Countries (or IGO codes) of the source actors.
    pub source: Vec<String>,
    /// Countries (or IGO codes) of the target actors.
    pub target: Vec<String>,
    /// CAMEO actor codes of the source.
    #[serde(default)]
    pub source_actors: Vec<String>,
    /// CAMEO actor codes of the target.
    #[serde(default)]
    pub target_actors: Vec<String>,
    /// The action's words as written.
    pub action: String,
    /// `asserted`, `negated`, `future`, `hypothetical`, `conditional`, `reported`, `historical`.
    pub modality: String,
    /// The event's date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), if the text gives one.
    pub date: Option<String>,
    /// 0-based sentence index in the item's text.
    #[serde(default)]
    pub sentence: usize,
    /// Why, where useful.
    #[serde(default)]
    pub note: Option<String>,
}

/// The modalities of the event contract.
pub const MODALITIES: [&str; 7] = [
    "asserted",
    "negated",
    "future",
    "hypothetical",
    "conditional",
    "reported",
    "historical",
];

/// A gold file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    /// The file cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the file system said.
        source: std::io::Error,
    },
    /// A line is not a gold item.
    #[error("{path}:{line}: {message}")]
    Line {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Reads every `*.jsonl` file of `dir` in name order.
pub fn read_dir(dir: &Path) -> Result<Vec<GoldItem>, GoldError> {
    let io = |source| GoldError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "jsonl"))
        .collect();
    files.sort();
    let mut items = Vec::new();
    for file in files {
        items.extend(read_file(&file)?);
    }
    Ok(items)
}

/// Reads one JSON Lines gold file; blank lines are skipped.
pub fn read_file(path: &Path) -> Result<Vec<GoldItem>, GoldError> {
    let text = std::fs::read_to_string(path).map_err(|source| GoldError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            serde_json::from_str(line).map_err(|error| GoldError::Line {
                path: path.to_path_buf(),
                line: index + 1,
                message: error.to_string(),
            })
        })
        .collect()
}
