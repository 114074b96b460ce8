//! `dyad`: news articles in, political event data out.
//!
//! The binary only parses the command line, wires the pipeline stages together and reports;
//! every stage lives in its own library crate.

mod bench;
mod code;
mod database;
mod eval;
mod ingest;
mod models;
mod nlp;
mod report;
mod run;
mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use dyad_core::Published;

/// dyad turns news articles into political event data: who did what to whom, when and where,
/// with the words behind every field.
#[derive(Parser)]
#[command(name = "dyad", version, about, long_about = None, after_help = "\
Examples:
  dyad run --date 2025-11-20 examples/articles/      code a folder into dyad.db
  dyad query --dyad USA-CHN --from 2025-10-01  events between two countries
  dyad export --format gdelt -o events.tsv     the GDELT 2.0 event table
  dyad ingest --date 2025-11-20 examples/articles/   read every article in a folder
  dyad ingest page.html feed.xml news.warc.gz  any mix of formats, detected by content
  cat article.txt | dyad nlp --from text       tagged and parsed sentences as CoNLL-U
  dyad code --date 2025-10-27 article.txt      events, one JSON line each
  dyad explain --date 2025-10-27 'Trump met Xi.'  why each event was (not) coded
  dyad train                                   rebuild models/ from ../shared/corpora
  dyad eval text ../shared/corpora/ud-en-gum/en_gum-ud-test.conllu")]
struct Cli {
    /// Log more (-v: info, -vv: debug); logs go to stderr.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    /// Logs and reports on stderr as JSON lines, for pipelines (no progress bar).
    #[arg(long, global = true)]
    json_logs: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The main job: read articles from files, folders or stdin, code them and store articles
    /// and events in a database (dyad.db), then print what it holds.
    Run(run::RunArgs),
    /// Print the stored events that pass the filters, as a table or JSON lines.
    Query(database::QueryArgs),
    /// Write the stored events that pass the filters as JSONL, PLOVER JSON, the GDELT 2.0
    /// event table or CSV.
    Export(database::ExportArgs),
    /// Print what the database holds: inputs, articles, events by QuadClass, top dyads and
    /// places.
    Stats(database::StatsArgs),
    /// Serve the database over HTTP: a JSON API and a web page with the events table,
    /// articles with their evidence, a timeline, a network and a map.
    Serve(serve::ServeArgs),
    /// Read articles from files, folders or stdin and print them as JSONL, one per line, with
    /// a report of every input on stderr.
    Ingest(ingest::IngestArgs),
    /// Split text into sentences and tokens, tag, lemmatize, parse and find named entities;
    /// print the result as CoNLL-U or JSON.
    Nlp(nlp::NlpArgs),
    /// Code articles into events: one JSON event per line on stdout (who did what to whom,
    /// when, with the words behind every field).
    Code(code::CodeArgs),
    /// Show for each sentence of a text the parse, the knowledge-base names found and why each
    /// event was or was not coded: how to debug the knowledge base.
    Explain(code::ExplainArgs),
    /// Train the language models from the treebanks and write them to models/.
    Train(models::TrainArgs),
    /// Score a stage against gold data.
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    /// Measure throughput on generated or given input (release builds give the real figures).
    #[command(subcommand)]
    Bench(bench::BenchCommand),
}

/// Options shared by every command that reads articles.
#[derive(Args, Clone)]
pub struct ReadArgs {
    /// Files, folders (read recursively) or `-` for stdin; stdin when none is given.
    pub paths: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) of inputs that carry none, such as plain text.
    #[arg(long, value_parser = parse_date)]
    pub date: Option<Published>,
    /// Languages to keep, as ISO 639-1 codes; other articles are skipped with the reason.
    #[arg(
        long = "language",
        value_name = "CODE",
        default_value = "en",
        value_delimiter = ','
    )]
    pub languages: Vec<String>,
    /// Keep articles in every language.
    #[arg(long, conflicts_with = "languages")]
    pub all_languages: bool,
    /// Skip any single page, text, feed or JSONL line larger than this many MiB.
    #[arg(long, value_name = "MIB", default_value_t = 16)]
    pub max_document_mb: usize,
    /// Whether reports go to stderr as JSON lines (the global `--json-logs`).
    #[arg(skip)]
    pub json_logs: bool,
}

impl ReadArgs {
    /// The ingest options these arguments ask for.
    pub fn options(&self) -> dyad_ingest::Options {
        dyad_ingest::Options {
            default_date: self.date,
            languages: if self.all_languages {
                Vec::new()
            } else {
                self.languages.clone()
            },
            max_document_bytes: self.max_document_mb.saturating_mul(1024 * 1024),
        }
    }
}

fn parse_date(text: &str) -> Result<Published, String> {
    text.parse::<Published>().map_err(|error| error.to_string())
}

fn main() -> ExitCode {
    restore_default_sigpipe();
    let cli = Cli::parse();
    init_logging(cli.verbose, cli.json_logs);
    let result = match cli.command {
        Command::Run(mut args) => {
            args.read.json_logs = cli.json_logs;
            run::run(&args)
        }
        Command::Query(args) => database::query(&args),
        Command::Export(args) => database::export(&args),
        Command::Stats(args) => database::stats(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Ingest(mut args) => {
            args.read.json_logs = cli.json_logs;
            ingest::run(&args)
        }
        Command::Nlp(args) => nlp::run(&args),
        Command::Code(mut args) => {
            args.read.json_logs = cli.json_logs;
            code::run(&args)
        }
        Command::Explain(args) => code::explain(&args),
        Command::Train(args) => models::run(&args),
        Command::Eval(command) => eval::run(&command),
        Command::Bench(command) => bench::run(&command),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("dyad: error: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// `dyad ... | head` ends dyad quietly when `head` has read enough, as it ends any Unix tool,
/// instead of every print failing (Rust ignores SIGPIPE by default).
fn restore_default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread exists; it only resets the
    // disposition of one signal to the system default.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn init_logging(verbose: u8, json: bool) {
    let level = match verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    let filter =
        tracing_subscriber::EnvFilter::try_from_env("DYAD_LOG").unwrap_or_else(|_| level.into());
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        logs.json().init();
    } else {
        logs.init();
    }
}
