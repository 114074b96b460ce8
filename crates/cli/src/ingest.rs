//! `dyad ingest`: articles as JSONL.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use dyad_ingest::{Outcome, Record};

use crate::ReadArgs;
use crate::report::Reporter;

/// Arguments of `dyad ingest`.
#[derive(Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Write the articles to this file instead of stdout.
    #[arg(long, short)]
    out: Option<PathBuf>,
}

/// Reads every input and writes one JSON article per line.
pub fn run(args: &IngestArgs) -> anyhow::Result<ExitCode> {
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(&mut out);
    let mut reporter = Reporter::new(args.read.json_logs);
    let mut write_error = None;
    for_each_record(&args.read, &mut |record| {
        reporter.record(&record);
        if let (Outcome::Article(article), None) = (&record.outcome, &write_error) {
            let written = serde_json::to_writer(&mut out, article)
                .map_err(anyhow::Error::from)
                .and_then(|()| Ok(out.write_all(b"\n")?));
            write_error = written.err();
        }
    });
    reporter.finish();
    if let Some(error) = write_error {
        return Err(error.context("cannot write the articles"));
    }
    out.flush().context("cannot write the articles")?;
    Ok(ExitCode::SUCCESS)
}

/// Feeds every record of every input named by `read` (stdin when none) to `sink`.
pub fn for_each_record(read: &ReadArgs, sink: &mut dyn FnMut(Record)) {
    let options = read.options();
    let stdin_only = [PathBuf::from("-")];
    let paths = if read.paths.is_empty() {
        &stdin_only[..]
    } else {
        &read.paths[..]
    };
    for path in paths {
        if path.as_os_str() == "-" {
            dyad_ingest::ingest_reader("<stdin>", &mut std::io::stdin().lock(), &options, sink);
        } else {
            dyad_ingest::ingest_path(path, &options, sink);
        }
    }
}
