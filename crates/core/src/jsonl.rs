//! Files of one JSON record per line, as the gold sets are written.

use std::path::Path;

use serde::de::DeserializeOwned;

/// Reads every non-blank line of `path` as one record; an error names the file and line.
pub fn read_records<T: DeserializeOwned>(path: &Path) -> Result<Vec<T>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))
        })
        .collect()
}
