//! Stored events in the formats the field's tools read: dyad's own JSON lines, PLOVER JSON
//! records, the GDELT 2.0 event table, and flat rows as CSV.
//!
//! Every writer is a plain function of the events and the [`Context`] they need (the articles
//! behind them, the knowledge base for country names and FIPS codes); none reads a clock, so
//! exporting the same database twice gives the same bytes.

mod flat;
mod gdelt;
mod plover;

use std::collections::HashMap;
use std::io::Write;

use dyad_coder::Event;
use dyad_kb::Kb;
use dyad_store::ArticleRef;

pub use flat::{FLAT_COLUMNS, FlatEvent};
pub use gdelt::{FACTUAL_MODALITIES, GDELT_COLUMNS};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One event record per line, exactly as `dyad code` writes them.
    Jsonl,
    /// One PLOVER event record per line.
    Plover,
    /// The GDELT 2.0 event table: 61 tab-separated columns, one CAMEO dyad per row, events
    /// that happened only (GDELT has no modality).
    Gdelt,
    /// Flat rows with a header, one event per row, actor lists joined by `;`.
    Csv,
}

/// What the writers look up beside the events.
pub struct Context<'a> {
    /// The stored articles, by id.
    pub articles: &'a HashMap<String, ArticleRef>,
    /// The knowledge base, for country names, FIPS codes and coordinates.
    pub kb: &'a Kb,
}

impl Context<'_> {
    /// The article an event came from (an empty reference if it is not stored).
    fn article(&self, event: &Event) -> ArticleRef {
        self.articles
            .get(&event.article_id)
            .cloned()
            .unwrap_or_else(|| ArticleRef {
                id: event.article_id.clone(),
                ..ArticleRef::default()
            })
    }
}

/// Writes `events` in `format`.
pub fn write(
    format: Format,
    events: &[Event],
    context: &Context,
    out: &mut impl Write,
) -> std::io::Result<()> {
    match format {
        Format::Jsonl => write_jsonl(events, out),
        Format::Plover => plover::write(events, context, out),
        Format::Gdelt => gdelt::write(events, context, out),
        Format::Csv => flat::write_csv(events, context, out),
    }
}

/// Writes `events` as dyad's event records, one JSON object per line.
pub fn write_jsonl(events: &[Event], out: &mut impl Write) -> std::io::Result<()> {
    for event in events {
        serde_json::to_writer(&mut *out, event)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
