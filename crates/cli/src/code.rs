//! `dyad code`: articles in, one JSON event per line out.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::Args;
use dyad_coder::{Coder, Event};
use dyad_core::Doc;
use dyad_geo::Geocoder;
use dyad_ingest::Outcome;
use dyad_kb::Kb;
use dyad_nlp::Models;

use crate::ReadArgs;
use crate::report::Reporter;

/// Arguments of `dyad code`.
#[derive(Args)]
pub struct CodeArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Folder of the models (default: the models/ folder dyad was built with).
    #[arg(long)]
    models: Option<PathBuf>,
    /// Knowledge-base folders read after the shipped one; their entries override it.
    #[arg(long = "kb", value_name = "DIR")]
    kb: Vec<PathBuf>,
    /// One event per source and target actor (CAMEO dyads, as GDELT counts them) instead of
    /// one event with actor lists (PLOVER style).
    #[arg(long)]
    dyads: bool,
}

/// Arguments of `dyad explain`.
#[derive(Args)]
pub struct ExplainArgs {
    /// The text to explain; stdin when not given.
    text: Option<String>,
    /// Publication date the text is coded against (YYYY-MM-DD).
    #[arg(long, value_parser = crate::parse_date)]
    date: Option<dyad_core::Published>,
    /// Folder of the models (default: the models/ folder dyad was built with).
    #[arg(long)]
    models: Option<PathBuf>,
    /// Knowledge-base folders read after the shipped one; their entries override it.
    #[arg(long = "kb", value_name = "DIR")]
    kb: Vec<PathBuf>,
}

/// Prints, sentence by sentence, the parse, the names found and why each event was or was not
/// coded.
pub fn explain(args: &ExplainArgs) -> anyhow::Result<ExitCode> {
    let text = match &args.text {
        Some(text) => text.clone(),
        None => std::io::read_to_string(std::io::stdin()).context("cannot read stdin")?,
    };
    let date = match args.date {
        Some(published) => published.date(),
        None => chrono::Utc::now().date_naive(),
    };
    let models = crate::models::load(&crate::models::models_dir(args.models.as_deref()))?;
    let coder = load_coder(&args.kb)?;
    let doc = models.annotate_text(&text);
    let mut out = std::io::stdout().lock();
    writeln!(out, "coded as published on {date}")?;
    for sentence in coder.coder.explain(&doc, date) {
        writeln!(out, "{sentence}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The coder and the geocoder of one knowledge base: events with their places.
pub struct EventCoder {
    /// Codes events from the parse.
    pub coder: Coder,
    /// Finds and resolves the places they happen in.
    pub geocoder: Geocoder,
}

impl EventCoder {
    /// Codes an annotated document published on `published` and places each event.
    pub fn code(&self, article_id: &str, doc: &Doc, published: NaiveDate) -> Vec<Event> {
        let mut events = self.coder.code(article_id, doc, published);
        dyad_geo::locate(&mut events, doc, &self.geocoder.places(doc));
        events
    }

    /// The version every event records.
    pub fn version(&self) -> &str {
        self.coder.version()
    }
}

/// The event coder of the shipped knowledge base and the user's folders, in that order.
pub fn load_coder(extra: &[PathBuf]) -> anyhow::Result<EventCoder> {
    let kb = load_kb(extra)?;
    let geocoder = Geocoder::new(&kb);
    Ok(EventCoder {
        coder: Coder::new(kb),
        geocoder,
    })
}

/// The shipped knowledge base and the user's folders, in that order.
pub fn load_kb(extra: &[PathBuf]) -> anyhow::Result<Kb> {
    let mut dirs = vec![Kb::shipped_dir()];
    dirs.extend(extra.iter().cloned());
    Kb::load(&dirs).context("cannot read the knowledge base")
}

/// Parses and codes one text published on `date`.
pub fn code_text(
    models: &Models,
    coder: &EventCoder,
    id: &str,
    text: &str,
    date: NaiveDate,
) -> Vec<Event> {
    coder.code(id, &models.annotate_text(text), date)
}

/// Reads every input, codes each article and writes its events.
pub fn run(args: &CodeArgs) -> anyhow::Result<ExitCode> {
    let models = crate::models::load(&crate::models::models_dir(args.models.as_deref()))?;
    let coder = load_coder(&args.kb)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut reporter = Reporter::new(args.read.json_logs);
    let mut write_error = None;
    crate::ingest::for_each_record(&args.read, &mut |record| {
        reporter.record(&record);
        let Outcome::Article(article) = &record.outcome else {
            return;
        };
        let Some(published) = article.published.as_ref().map(|p| p.date()) else {
            eprintln!(
                "{}: not coded: no publication date (give one with --date)",
                record.location
            );
            return;
        };
        let mut events = code_text(&models, &coder, &article.id, &article.body, published);
        if args.dyads {
            events = dyad_coder::cameo_dyads(&events);
        }
        for event in events {
            if write_error.is_none() {
                let written = serde_json::to_writer(&mut out, &event)
                    .map_err(anyhow::Error::from)
                    .and_then(|()| Ok(out.write_all(b"\n")?));
                write_error = written.err();
            }
        }
    });
    reporter.finish();
    if let Some(error) = write_error {
        return Err(error.context("cannot write the events"));
    }
    out.flush().context("cannot write the events")?;
    Ok(ExitCode::SUCCESS)
}

/// Scores the coder on the gold items of `dir` and prints the three levels, for all items,
/// the tuning items and the held-out items.
pub fn eval_events(
    dir: &Path,
    models_dir: Option<&Path>,
    kb: &[PathBuf],
    show_errors: bool,
) -> anyhow::Result<()> {
    use dyad_coder::gold::{self, Split};
    use dyad_coder::score::{EventKey, score};
    let models = crate::models::load(&crate::models::models_dir(models_dir))?;
    let coder = load_coder(kb)?;
    let items = gold::read_dir(dir)?;
    let mut out = std::io::stdout().lock();
    let mut rows: Vec<(Split, Vec<EventKey>, Vec<EventKey>)> = Vec::new();
    for item in &items {
        let date = chrono::NaiveDate::parse_from_str(&item.date, "%Y-%m-%d")
            .with_context(|| format!("{}: date {}", item.id, item.date))?;
        let coded = code_text(&models, &coder, &item.id, &item.text, date);
        let gold_keys: Vec<EventKey> = item.events.iter().map(EventKey::from_gold).collect();
        let coded_keys: Vec<EventKey> = coded.iter().map(EventKey::from_event).collect();
        if show_errors && item.split == Split::Tune {
            print_differences(&mut out, item, &gold_keys, &coded_keys, &coded)?;
        }
        rows.push((item.split, gold_keys, coded_keys));
    }
    for (name, wanted) in [
        ("all", None),
        ("tune", Some(Split::Tune)),
        ("held out", Some(Split::HeldOut)),
    ] {
        let chosen = rows
            .iter()
            .filter(|(split, _, _)| wanted.is_none_or(|w| w == *split));
        let count = chosen.clone().count();
        writeln!(out, "{name} ({count} items):")?;
        for (level, counts) in score(chosen.map(|(_, g, c)| (&g[..], &c[..]))) {
            writeln!(
                out,
                "  {:38} P {:5.1} R {:5.1} F1 {:5.1} (gold {}, coded {}, right {})",
                level.name(),
                counts.precision(),
                counts.recall(),
                counts.f1(),
                counts.gold,
                counts.system,
                counts.correct
            )?;
        }
    }
    Ok(())
}

/// One tuning item's gold and coded events, when they differ at the dyad level.
fn print_differences(
    out: &mut impl Write,
    item: &dyad_coder::gold::GoldItem,
    gold: &[dyad_coder::score::EventKey],
    coded: &[dyad_coder::score::EventKey],
    events: &[dyad_coder::Event],
) -> std::io::Result<()> {
    let line = |k: &dyad_coder::score::EventKey| {
        format!("{} {} {:?} -> {:?}", k.cameo, k.plover, k.source, k.target)
    };
    let mut gold_lines: Vec<String> = gold.iter().map(line).collect();
    let coded_lines: Vec<String> = coded.iter().map(line).collect();
    let strip = |l: &String| l.split_once(' ').map(|(_, rest)| rest.to_string());
    let mut a: Vec<_> = gold_lines.iter().filter_map(strip).collect();
    let mut b: Vec<_> = coded_lines.iter().filter_map(strip).collect();
    a.sort();
    b.sort();
    if a == b {
        return Ok(());
    }
    gold_lines.sort();
    let mut coded_rows: Vec<(String, &dyad_coder::Event)> =
        coded_lines.into_iter().zip(events).collect();
    coded_rows.sort_by(|a, b| a.0.cmp(&b.0));
    writeln!(out, "- {} {}", item.id, item.text.replace('\n', " "))?;
    for l in &gold_lines {
        writeln!(out, "    gold  {l}")?;
    }
    for (l, e) in coded_rows {
        writeln!(
            out,
            "    coded {l}  [{} \"{}\" {}]",
            e.pattern, e.action.text, e.modality
        )?;
    }
    Ok(())
}
