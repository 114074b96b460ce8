//! Stored events in the formats the field's tools read: dyad's own JSON lines, PLOVER JSON
//! records, the GDELT 2.0 event table, and flat rows as CSV and Parquet.
//!
//! Every writer is a plain function of the events and the [`Context`] they need (the articles
//! behind them, the knowledge base for country names and FIPS codes); none reads a clock, so
//! exporting the same database twice gives the same bytes.

mod flat;
mod gdelt;
mod parquet;
mod plover;

use std::collections::HashMap;
use std::io::Write;

use dyad_coder::Event;
use dyad_kb::Kb;
use dyad_store::{ArticleRef, Report};
use serde::Serialize;

pub use flat::{FLAT_COLUMNS, FlatEvent};
pub use gdelt::{FACTUAL_MODALITIES, GDELT_COLUMNS};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One event record per line as `dyad code` writes them, with how often each was
    /// reported (`coverage`).
    Jsonl,
    /// One PLOVER event record per line.
    Plover,
    /// The GDELT 2.0 event table: 61 tab-separated columns, one CAMEO dyad per row, events
    /// that happened only (GDELT has no modality).
    Gdelt,
    /// Flat rows with a header, one event per row, actor lists joined by `;`.
    Csv,
    /// The flat rows as a Parquet file, typed columns.
    Parquet,
}

/// What the writers look up beside the events.
pub struct Context<'a> {
    /// The stored articles, by id.
    pub articles: &'a HashMap<String, ArticleRef>,
    /// The knowledge base, for country names, FIPS codes and coordinates.
    pub kb: &'a Kb,
    /// The reports of each event, by the id of its first report.
    pub reports: &'a HashMap<String, Vec<Report>>,
}

/// How often an event was reported, as GDELT counts: every report (mention), the distinct
/// articles, and the distinct outlets (source name, else the URL's host, else the article).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Reports of the event, in every article.
    pub mentions: usize,
    /// Distinct outlets.
    pub sources: usize,
    /// Distinct articles.
    pub articles: usize,
    /// Each report: its event id and article id.
    pub reports: Vec<ReportRef>,
}

/// One report of an event in an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportRef {
    /// The event id of the report.
    pub event_id: String,
    /// The article it was coded from.
    pub article_id: String,
    /// The article's URL.
    pub url: Option<String>,
}

impl Context<'_> {
    /// How often `event` was reported; once, when the database links no other report to it.
    pub fn coverage(&self, event: &Event) -> Coverage {
        let own = [Report {
            event_id: event.event_id.clone(),
            article_id: event.article_id.clone(),
        }];
        let reports = self
            .reports
            .get(&event.event_id)
            .map_or(&own[..], Vec::as_slice);
        let refs: Vec<ReportRef> = reports
            .iter()
            .map(|report| ReportRef {
                event_id: report.event_id.clone(),
                article_id: report.article_id.clone(),
                url: self
                    .articles
                    .get(&report.article_id)
                    .and_then(|a| a.url.clone()),
            })
            .collect();
        let distinct = |key: &dyn Fn(&ReportRef) -> String| {
            refs.iter()
                .map(key)
                .collect::<std::collections::BTreeSet<_>>()
                .len()
        };
        Coverage {
            mentions: refs.len(),
            articles: distinct(&|r| r.article_id.clone()),
            sources: distinct(&|r| self.outlet(&r.article_id)),
            reports: refs,
        }
    }

    /// The outlet of an article: its source name, else its URL's host, else its id.
    fn outlet(&self, article_id: &str) -> String {
        let Some(article) = self.articles.get(article_id) else {
            return article_id.to_string();
        };
        if let Some(source) = &article.source {
            return source.to_lowercase();
        }
        article
            .url
            .as_deref()
            .and_then(|url| url.split("://").nth(1))
            .and_then(|rest| rest.split('/').next())
            .map_or_else(
                || article_id.to_string(),
                |host| host.trim_start_matches("www.").to_string(),
            )
    }

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
        Format::Jsonl => write_jsonl(events, context, out),
        Format::Plover => plover::write(events, context, out),
        Format::Gdelt => gdelt::write(events, context, out),
        Format::Csv => flat::write_csv(events, context, out),
        Format::Parquet => parquet::write(events, context, out),
    }
}

/// An event record with how often it was reported.
#[derive(Serialize)]
struct ReportedEvent<'a> {
    #[serde(flatten)]
    event: &'a Event,
    coverage: Coverage,
}

/// Writes `events` as dyad's event records, one JSON object per line, each with a
/// `coverage` object: its mentions, sources and articles and the list of its reports.
pub fn write_jsonl(
    events: &[Event],
    context: &Context,
    out: &mut impl Write,
) -> std::io::Result<()> {
    for event in events {
        let record = ReportedEvent {
            event,
            coverage: context.coverage(event),
        };
        serde_json::to_writer(&mut *out, &record)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
