//! The per-input report on stderr: a line per problem, a line per input, a total.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};

use dyad_ingest::{Outcome, Record};
use indicatif::{ProgressBar, ProgressStyle};

/// Counts of what became of the records of one input (or of all inputs).
#[derive(Debug, Default, Clone)]
pub struct Tally {
    /// Articles read.
    pub articles: u64,
    /// Skipped records by reason kind.
    pub skipped: BTreeMap<String, u64>,
    /// Failed records.
    pub failed: u64,
}

impl Tally {
    fn add(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Article(_) => self.articles += 1,
            Outcome::Skipped(reason) => *self.skipped.entry(reason.kind()).or_default() += 1,
            Outcome::Failed(_) => self.failed += 1,
        }
    }

    fn merge(&mut self, other: &Tally) {
        self.articles += other.articles;
        self.failed += other.failed;
        for (kind, count) in &other.skipped {
            *self.skipped.entry(kind.clone()).or_default() += count;
        }
    }

    fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ok, {} skipped", self.articles, self.skipped_total())?;
        if !self.skipped.is_empty() {
            let reasons: Vec<String> = self
                .skipped
                .iter()
                .map(|(kind, n)| format!("{n} {kind}"))
                .collect();
            write!(f, " ({})", reasons.join(", "))?;
        }
        write!(f, ", {} failed", self.failed)
    }
}

/// Reports records as they come: problems and notes at once, a summary line per input when
/// the next input starts, totals at the end. Shows a spinner when stderr is a terminal.
pub struct Reporter {
    current_input: Option<String>,
    current: Tally,
    total: Tally,
    inputs: u64,
    progress: Option<ProgressBar>,
    /// Whether lines go out as JSON objects, for pipelines.
    json: bool,
}

impl Reporter {
    /// A reporter writing to stderr: plain lines with a progress bar on a terminal, or JSON
    /// objects (`{"report": "..."}`) when `json` is set.
    pub fn new(json: bool) -> Self {
        let progress = (std::io::stderr().is_terminal() && !json).then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} {pos} records ({per_sec}) {msg}")
                    .expect("static template"),
            );
            bar
        });
        Reporter {
            current_input: None,
            current: Tally::default(),
            total: Tally::default(),
            inputs: 0,
            progress,
            json,
        }
    }

    /// Accounts for one record, printing its problem or notes.
    pub fn record(&mut self, record: &Record) {
        if self.current_input.as_deref() != Some(record.location.input.as_str()) {
            self.finish_input();
            self.current_input = Some(record.location.input.clone());
            self.inputs += 1;
        }
        self.current.add(&record.outcome);
        for note in &record.notes {
            self.line(&format!("note: {}: {note}", record.location));
        }
        if !matches!(record.outcome, Outcome::Article(_)) {
            self.line(&format!("{}: {}", record.location, record.outcome));
        }
        if let Some(bar) = &self.progress {
            bar.inc(1);
        }
    }

    /// Shows `message` beside the count of records on a terminal ("120 events").
    pub fn progress_message(&self, message: String) {
        if let Some(bar) = &self.progress {
            bar.set_message(message);
        }
    }

    /// Prints a problem that is not a record's (an article that could not be stored).
    pub fn problem(&self, text: &str) {
        self.line(text);
    }

    fn finish_input(&mut self) {
        if let Some(input) = self.current_input.take() {
            let tally = std::mem::take(&mut self.current);
            self.line(&format!("{input}: {tally}"));
            self.total.merge(&tally);
        }
    }

    fn line(&self, text: &str) {
        match &self.progress {
            Some(bar) => bar.println(text),
            None if self.json => {
                let object = serde_json::json!({ "report": text });
                let _ = writeln!(std::io::stderr(), "{object}");
            }
            None => {
                let _ = writeln!(std::io::stderr(), "{text}");
            }
        }
    }

    /// Prints the last input's line and the totals, and gives them back.
    pub fn finish(mut self) -> Tally {
        self.finish_input();
        if let Some(bar) = &self.progress {
            bar.finish_and_clear();
        }
        let inputs = self.inputs;
        self.line(&format!("total: {inputs} inputs: {}", self.total));
        self.total
    }
}
