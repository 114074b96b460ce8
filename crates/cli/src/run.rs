//! `dyad run`: the main job. Reads every input, codes each article and stores it with its
//! events in the database, then prints what the database holds.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use dyad_core::Article;
use dyad_ingest::Outcome;
use dyad_nlp::Models;
use dyad_store::{CodedArticle, InputOutcome, Stats, Store, Versions};
use dyad_tone::ToneScorer;
use rayon::prelude::*;

use crate::ReadArgs;
use crate::report::Reporter;

/// Arguments of `dyad run`.
#[derive(Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// The database to write (created when missing).
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    /// Folder of the models (default: the models/ folder dyad was built with).
    #[arg(long)]
    models: Option<PathBuf>,
    /// Knowledge-base folders read after the shipped one; their entries override it.
    #[arg(long = "kb", value_name = "DIR")]
    kb: Vec<PathBuf>,
    /// Also re-code the stored articles that other models or another knowledge base coded.
    #[arg(long)]
    recode: bool,
    /// Articles coded together across the cores before they are stored.
    #[arg(long, default_value_t = 64, hide = true)]
    batch: usize,
}

/// Articles waiting to be coded, with where each was read from.
type Batch = Vec<(String, Article)>;

/// What one run did, beside what the reporter counts, and the articles coded but not yet
/// stored.
#[derive(Default)]
struct RunTally {
    coded: u64,
    unchanged: u64,
    events: u64,
    pending: Vec<CodedInput>,
}

/// The pipeline a run codes with.
struct Pipeline {
    models: Models,
    coder: crate::code::EventCoder,
    tone: ToneScorer,
    versions: Versions,
}

impl Pipeline {
    /// Parses and codes every article of `batch` across the cores while the articles coded
    /// before are stored, each in its own transaction: storing, which one thread does, no
    /// longer waits for coding, nor coding for it.
    fn code_and_store(
        &self,
        batch: &mut Batch,
        store: &mut Store,
        tally: &mut RunTally,
    ) -> anyhow::Result<()> {
        let todo = std::mem::take(batch);
        let previous = std::mem::take(&mut tally.pending);
        let (coded, stored) = rayon::join(
            || self.code(todo),
            || self.store(previous, store, &mut tally.coded, &mut tally.events),
        );
        tally.pending = coded;
        stored
    }

    /// Stores the articles still waiting.
    fn finish(&self, store: &mut Store, tally: &mut RunTally) -> anyhow::Result<()> {
        let pending = std::mem::take(&mut tally.pending);
        self.store(pending, store, &mut tally.coded, &mut tally.events)
    }

    fn code(&self, batch: Batch) -> Vec<CodedInput> {
        batch
            .into_par_iter()
            .map(|(location, article)| {
                let published = article.published.as_ref().map(|p| p.date());
                let doc = self.models.annotate_text(&article.body);
                let events = published
                    .map(|date| self.coder.code(&article.id, &doc, date))
                    .unwrap_or_default();
                let tone = self.tone.article(&doc);
                let quotes = dyad_quotes::quotes(&doc);
                CodedInput {
                    location,
                    article,
                    doc,
                    events,
                    tone,
                    quotes,
                }
            })
            .collect()
    }

    fn store(
        &self,
        coded: Vec<CodedInput>,
        store: &mut Store,
        articles: &mut u64,
        events: &mut u64,
    ) -> anyhow::Result<()> {
        for input in &coded {
            store
                .save_article(&CodedArticle {
                    location: &input.location,
                    article: &input.article,
                    doc: &input.doc,
                    events: &input.events,
                    versions: &self.versions,
                    tone: &input.tone,
                    quotes: &input.quotes,
                })
                .with_context(|| {
                    format!(
                        "{}: cannot store article {}",
                        input.location, input.article.id
                    )
                })?;
            *articles += 1;
            *events += input.events.len() as u64;
        }
        Ok(())
    }
}

/// One article as the pipeline left it, waiting to be stored.
struct CodedInput {
    location: String,
    article: Article,
    doc: dyad_core::Doc,
    events: Vec<dyad_coder::Event>,
    tone: dyad_tone::ArticleTone,
    quotes: Vec<dyad_quotes::Quote>,
}

/// Runs the main job.
pub fn run(args: &RunArgs) -> anyhow::Result<ExitCode> {
    let models = crate::models::load(&crate::models::models_dir(args.models.as_deref()))?;
    let coder = crate::code::load_coder(&args.kb)?;
    let versions = Versions {
        coder: coder.version().to_string(),
        models: models.version().to_string(),
    };
    let pipeline = Pipeline {
        models,
        coder,
        tone: ToneScorer::new(),
        versions,
    };
    let mut store = Store::open(&args.db)?;
    let mut tally = RunTally::default();
    let mut batch: Batch = Vec::new();
    let batch_size = args.batch.max(1);
    if args.recode {
        for (location, article) in store.articles()? {
            if !store.is_current(&article.id, &pipeline.versions)? {
                batch.push((location, article));
            }
            if batch.len() >= batch_size {
                pipeline.code_and_store(&mut batch, &mut store, &mut tally)?;
            }
        }
        pipeline.code_and_store(&mut batch, &mut store, &mut tally)?;
        pipeline.finish(&mut store, &mut tally)?;
    }
    let mut reporter = Reporter::new(args.read.json_logs);
    let mut failure: Option<anyhow::Error> = None;
    if !(args.recode && args.read.paths.is_empty()) {
        crate::ingest::for_each_record(&args.read, &mut |record| {
            reporter.record(&record);
            if failure.is_some() {
                return;
            }
            let location = record.location.to_string();
            let stored = match record.outcome {
                Outcome::Article(article) if article.published.is_none() => {
                    let reason = "no publication date (give one with --date)";
                    reporter.problem(&format!("{location}: skipped: {reason}"));
                    store.save_input(&location, InputOutcome::Skipped, reason)
                }
                Outcome::Article(article) => {
                    match store.is_current(&article.id, &pipeline.versions) {
                        Ok(true) => {
                            tally.unchanged += 1;
                            store.save_coded_input(&location, &article.id)
                        }
                        Ok(false) => {
                            batch.push((location.clone(), *article));
                            Ok(())
                        }
                        Err(error) => Err(error),
                    }
                }
                Outcome::Skipped(reason) => {
                    store.save_input(&location, InputOutcome::Skipped, &reason.to_string())
                }
                Outcome::Failed(reason) => {
                    store.save_input(&location, InputOutcome::Failed, &reason.to_string())
                }
            };
            let coded = match stored {
                Err(error) => Err(anyhow::Error::from(error).context(location.clone())),
                Ok(()) if batch.len() >= batch_size => {
                    pipeline.code_and_store(&mut batch, &mut store, &mut tally)
                }
                Ok(()) => Ok(()),
            };
            failure = coded.err();
            reporter.progress_message(format!("{} coded, {} events", tally.coded, tally.events));
        });
    }
    if let Some(error) = failure {
        return Err(error);
    }
    pipeline.code_and_store(&mut batch, &mut store, &mut tally)?;
    pipeline.finish(&mut store, &mut tally)?;
    store.link_reports()?;
    reporter.finish();
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "this run: {} articles coded, {} events; {} articles already coded by these models and knowledge base",
        tally.coded, tally.events, tally.unchanged
    )?;
    write_stats(&mut out, &args.db, &store.stats(5)?)?;
    Ok(ExitCode::SUCCESS)
}

/// Prints what a database holds, as `dyad run` ends and `dyad stats` does.
pub fn write_stats(
    out: &mut impl Write,
    db: &std::path::Path,
    stats: &Stats,
) -> anyhow::Result<()> {
    let list = |counts: &[dyad_store::Count]| {
        if counts.is_empty() {
            return "none".to_string();
        }
        counts
            .iter()
            .map(|c| format!("{} {}", c.label, c.count))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(
        out,
        "{}: {} articles ({} copies of another), {} events from {} reports",
        db.display(),
        stats.articles,
        stats.copies,
        stats.events,
        stats.reports
    )?;
    writeln!(out, "  inputs: {}", list(&stats.inputs))?;
    if !stats.reasons.is_empty() {
        writeln!(out, "  why not coded: {}", list(&stats.reasons))?;
    }
    writeln!(out, "  events by QuadClass: {}", list(&stats.quad_classes))?;
    writeln!(out, "  top dyads: {}", list(&stats.top_dyads))?;
    writeln!(out, "  top places: {}", list(&stats.top_places))?;
    Ok(())
}
