//! Lenient parsing of publication dates as they appear in pages, feeds and JSON.

use dyad_core::Published;

/// Parses a date or date-time in any common form (RFC 3339, RFC 2822, `2025-10-27 09:30`,
/// `October 27, 2025`, `27 Oct 2025`, Unix seconds). `None` when it cannot be read.
pub fn parse_date(text: &str) -> Option<Published> {
    text.parse().ok()
}
