//! `dyad query`, `dyad export` and `dyad stats`: reading the database `dyad run` wrote.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Args, ValueEnum};
use dyad_export::Format;
use dyad_kb::Kb;
use dyad_store::{Filter, Store};

/// Which events: every filter given must hold.
#[derive(Args, Clone, Default)]
pub struct FilterArgs {
    /// The database `dyad run` wrote.
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    /// An actor on either side: CAMEO code prefix (USAGOV, RUS), knowledge-base id
    /// (donald-trump) or name ("Donald Trump").
    #[arg(long)]
    actor: Option<String>,
    /// A country (ISO alpha-3) on either side.
    #[arg(long)]
    country: Option<String>,
    /// Source and target countries, as SRC-TGT (USA-CHN).
    #[arg(long, value_parser = parse_dyad)]
    dyad: Option<(String, String)>,
    /// CAMEO code or prefix (04, 042).
    #[arg(long)]
    cameo: Option<String>,
    /// PLOVER type (CONSULT, PROTEST...).
    #[arg(long)]
    plover: Option<String>,
    /// QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    quad_class: Option<u8>,
    /// Events on or after this day (YYYY-MM-DD): an event's own date, else its article's
    /// publication day.
    #[arg(long, value_parser = parse_day)]
    from: Option<String>,
    /// Events on or before this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_day)]
    to: Option<String>,
    /// Place name or country (ISO alpha-3) of the event.
    #[arg(long)]
    place: Option<String>,
    /// Words the article must contain (SQLite full-text syntax: "cease fire", talks OR summit).
    #[arg(long)]
    text: Option<String>,
    /// At most this many events.
    #[arg(long)]
    limit: Option<usize>,
}

impl FilterArgs {
    fn filter(&self) -> Filter {
        Filter {
            actor: self.actor.clone(),
            country: self.country.clone(),
            dyad: self.dyad.clone(),
            cameo: self.cameo.clone(),
            plover: self.plover.clone(),
            quad_class: self.quad_class,
            from: self.from.clone(),
            to: self.to.clone(),
            place: self.place.clone(),
            text: self.text.clone(),
            limit: self.limit,
        }
    }
}

fn parse_dyad(text: &str) -> Result<(String, String), String> {
    dyad_store::parse_dyad(text).map_err(|e| e.to_string())
}

fn parse_day(text: &str) -> Result<String, String> {
    dyad_store::parse_day(text).map_err(|e| e.to_string())
}

/// Arguments of `dyad query`.
#[derive(Args)]
pub struct QueryArgs {
    #[command(flatten)]
    filter: FilterArgs,
    /// Print the event records as JSON lines instead of a table.
    #[arg(long)]
    json: bool,
}

/// Arguments of `dyad export`.
#[derive(Args)]
pub struct ExportArgs {
    #[command(flatten)]
    filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// Write to this file instead of stdout.
    #[arg(long, short)]
    out: Option<PathBuf>,
}

/// The formats of `dyad export`.
#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// dyad's event records, one JSON object per line (as `dyad code` writes them).
    Jsonl,
    /// PLOVER event records, one JSON object per line.
    Plover,
    /// The GDELT 2.0 event table: 61 tab-separated columns, one CAMEO dyad per row.
    Gdelt,
    /// One event per row with a header.
    Csv,
    /// The rows of csv as a Parquet file with typed columns (give --out FILE).
    Parquet,
}

/// Arguments of `dyad stats`.
#[derive(Args)]
pub struct StatsArgs {
    /// The database `dyad run` wrote.
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    /// How many dyads and places to list.
    #[arg(long, default_value_t = 10)]
    top: usize,
}

fn open(db: &Path) -> anyhow::Result<Store> {
    if !db.exists() {
        anyhow::bail!(
            "{}: no such database (dyad run writes one; name another with --db)",
            db.display()
        );
    }
    Ok(Store::open_read_only(db)?)
}

/// Prints the events that pass the filters, as a table or as JSON lines.
pub fn query(args: &QueryArgs) -> anyhow::Result<ExitCode> {
    let store = open(&args.filter.db)?;
    let events = store.events(&args.filter.filter())?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.json {
        let lookups = Lookups::read(&store)?;
        dyad_export::write_jsonl(&events, &lookups.context(), &mut out)?;
    } else {
        writeln!(
            out,
            "date\tcameo\tsource\taction\ttarget\tmodality\tsentence"
        )?;
        for event in &events {
            let side = |actors: &[dyad_coder::actors::Actor]| {
                let codes: Vec<&str> = actors.iter().map(|a| a.code.as_str()).collect();
                if codes.is_empty() {
                    "-".to_string()
                } else {
                    codes.join("+")
                }
            };
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}:{}",
                event.date.as_ref().map_or("-", |d| d.value.as_str()),
                event.cameo,
                side(&event.source),
                event.action.text,
                side(&event.target),
                event.modality,
                event.article_id,
                event.sentence_index
            )?;
        }
    }
    out.flush()?;
    eprintln!("{} events", events.len());
    Ok(ExitCode::SUCCESS)
}

/// What the exports look up beside the events: articles, reports, the knowledge base.
struct Lookups {
    articles: HashMap<String, dyad_store::ArticleRef>,
    reports: HashMap<String, Vec<dyad_store::Report>>,
    kb: Kb,
}

impl Lookups {
    fn read(store: &Store) -> anyhow::Result<Lookups> {
        Ok(Lookups {
            articles: store.article_refs()?,
            reports: store.reports()?,
            kb: Kb::load(&[Kb::shipped_dir()]).context("cannot read the knowledge base")?,
        })
    }

    fn context(&self) -> dyad_export::Context<'_> {
        dyad_export::Context {
            articles: &self.articles,
            kb: &self.kb,
            reports: &self.reports,
        }
    }
}

/// Writes the events that pass the filters in one of the field's formats.
pub fn export(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let store = open(&args.filter.db)?;
    let events = store.events(&args.filter.filter())?;
    let lookups = Lookups::read(&store)?;
    let context = lookups.context();
    let format = match args.format {
        ExportFormat::Jsonl => Format::Jsonl,
        ExportFormat::Plover => Format::Plover,
        ExportFormat::Gdelt => Format::Gdelt,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Parquet => Format::Parquet,
    };
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(&mut out);
    dyad_export::write(format, &events, &context, &mut out).context("cannot write the export")?;
    out.flush().context("cannot write the export")?;
    Ok(ExitCode::SUCCESS)
}

/// Prints what the database holds.
pub fn stats(args: &StatsArgs) -> anyhow::Result<ExitCode> {
    let store = open(&args.db)?;
    let mut out = std::io::stdout().lock();
    crate::run::write_stats(&mut out, &args.db, &store.stats(args.top)?)?;
    Ok(ExitCode::SUCCESS)
}
