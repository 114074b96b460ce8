//! `dyad bench`: throughput of the stages on one core, on generated or given input.
//!
//! Figures are printed, never asserted: speed depends on the machine.

mod serve;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::Subcommand;
use dyad_ingest::Outcome;
use flate2::Compression;
use flate2::write::GzEncoder;

/// What to measure.
#[derive(Subcommand)]
pub enum BenchCommand {
    /// Ingest throughput: writes a WARC of generated news pages (gzipped, one member per
    /// record, as CC-NEWS does, and uncompressed), then reads it back.
    Ingest {
        /// Pages in the generated WARC.
        #[arg(long, default_value_t = 10_000)]
        pages: usize,
        /// Folder for the generated files (a temporary folder when not given).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Sentence splitting and tokenization throughput over plain-text articles, repeated to
    /// at least 32 MiB.
    Text {
        /// Text files or folders of them.
        #[arg(default_value = "examples/articles")]
        paths: Vec<PathBuf>,
    },
    /// Tagging, lemmatizing, parsing and entity recognition on one core over CoNLL-U files
    /// (their tokens), with model load time and peak memory.
    Nlp {
        /// CoNLL-U files.
        #[arg(default_values = ["../shared/corpora/ud-en-ewt/en_ewt-ud-test.conllu", "../shared/corpora/ud-en-gum/en_gum-ud-test.conllu"])]
        files: Vec<PathBuf>,
        /// Folder of the models (default: the models/ folder dyad was built with).
        #[arg(long)]
        models: Option<PathBuf>,
    },
    /// The main job end to end: writes a gzipped WARC of generated news pages, then times
    /// `dyad run` over it into a new database on one core and on all cores, with the peak
    /// memory of each run.
    Run {
        /// Pages in the generated WARC.
        #[arg(long, default_value_t = 10_000)]
        articles: usize,
        /// Folder for the generated WARC and databases (a temporary folder when not given).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// The server under load: generates a database of events (once; it is kept), starts
    /// `dyad serve` on it and measures the main queries with wrk (p50, p99, requests/s).
    Serve {
        /// Events in the generated database.
        #[arg(long, default_value_t = 1_000_000)]
        events: usize,
        /// The database, generated when it holds fewer events.
        #[arg(long, default_value = "target/bench-serve.db")]
        db: PathBuf,
        /// Seconds of load per query.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Connections wrk keeps open.
        #[arg(long, default_value_t = 8)]
        connections: u32,
    },
    /// The coder against the NLP stage: tokenizing, parsing and coding the texts of the gold
    /// events (wire-style sentences and articles), timed apart, on one core.
    Code {
        /// Folder of gold `*.jsonl` files whose texts are coded.
        #[arg(default_value = "tests/gold")]
        gold: PathBuf,
        /// Times the whole set is coded.
        #[arg(long, default_value_t = 5)]
        repeat: usize,
        /// Folder of the models (default: the models/ folder dyad was built with).
        #[arg(long)]
        models: Option<PathBuf>,
    },
}

/// Runs one benchmark and prints its figures.
pub fn run(command: &BenchCommand) -> anyhow::Result<ExitCode> {
    if cfg!(debug_assertions) {
        eprintln!(
            "note: this is a debug build; run `cargo run --release -- bench ...` for real figures"
        );
    }
    match command {
        BenchCommand::Ingest { pages, dir } => bench_ingest(*pages, dir.as_deref()),
        BenchCommand::Text { paths } => bench_text(paths),
        BenchCommand::Run { articles, dir } => bench_run(*articles, dir.as_deref()),
        BenchCommand::Nlp { files, models } => bench_nlp(files, models.as_deref()),
        BenchCommand::Code {
            gold,
            repeat,
            models,
        } => bench_code(gold, *repeat, models.as_deref()),
        BenchCommand::Serve {
            events,
            db,
            seconds,
            connections,
        } => serve::bench_serve(*events, db, *seconds, *connections),
    }
}

fn bench_ingest(pages: usize, dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let temporary = tempfile::tempdir()?;
    let dir = dir.unwrap_or(temporary.path());
    std::fs::create_dir_all(dir)?;
    let gz_path = dir.join("bench.warc.gz");
    let plain_path = dir.join("bench.warc");
    let html_bytes = write_warcs(pages, &gz_path, &plain_path)?;
    println!(
        "generated {pages} pages, {:.1} MB of HTML",
        megabytes(html_bytes)
    );
    for path in [&gz_path, &plain_path] {
        let file_bytes = std::fs::metadata(path)?.len();
        let started = Instant::now();
        let (mut articles, mut others) = (0u64, 0u64);
        dyad_ingest::ingest_path(
            path,
            &dyad_ingest::Options::default(),
            &mut |record| match record.outcome {
                Outcome::Article(_) => articles += 1,
                _ => others += 1,
            },
        );
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "ingest {}: {:.1} MB file, {articles} articles, {others} other records in {seconds:.2} s: {:.1} MB/s of HTML, {:.0} pages/s (one core)",
            path.file_name().unwrap_or_default().to_string_lossy(),
            megabytes(file_bytes),
            megabytes(html_bytes) / seconds,
            pages as f64 / seconds,
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn bench_run(articles: usize, dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let temporary = tempfile::tempdir()?;
    let dir = dir.unwrap_or(temporary.path());
    std::fs::create_dir_all(dir)?;
    let warc = dir.join("bench.warc.gz");
    write_warcs(articles, &warc, &dir.join("bench.warc"))?;
    let mut bodies = Vec::new();
    dyad_ingest::ingest_path(&warc, &dyad_ingest::Options::default(), &mut |record| {
        if let Outcome::Article(article) = record.outcome {
            bodies.push(article.body);
        }
    });
    let tokens: usize = bodies
        .iter()
        .map(|b| dyad_text::tokenize(b).tokens.len())
        .sum();
    println!(
        "generated {} articles, {tokens} tokens ({:.0} per article), gzipped WARC of {:.1} MB",
        bodies.len(),
        tokens as f64 / bodies.len().max(1) as f64,
        megabytes(std::fs::metadata(&warc)?.len())
    );
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for threads in [1, cores] {
        let db = dir.join(format!("bench-{threads}.db"));
        for stale in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{stale}", db.display()));
        }
        let (seconds, peak_kb) = time_child(
            std::process::Command::new(std::env::current_exe()?)
                .args(["run", "--db"])
                .arg(&db)
                .arg(&warc)
                .env("RAYON_NUM_THREADS", threads.to_string())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null()),
        )?;
        let per_second = bodies.len() as f64 / seconds;
        println!(
            "dyad run on {threads} core(s): {seconds:.1} s, {per_second:.1} articles/s, {:.0} tokens/s per core, peak memory {:.0} MB; a day of GDELT (200,000 articles) would take {:.0} min",
            tokens as f64 / seconds / threads as f64,
            peak_kb as f64 / 1000.0,
            200_000.0 / per_second / 60.0
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs a command to its end; its wall time in seconds and its own peak resident memory in
/// kilobytes (from wait4, so that one child's figure is not another's).
fn time_child(command: &mut std::process::Command) -> anyhow::Result<(f64, i64)> {
    let started = Instant::now();
    let child = command.spawn().context("cannot start dyad run")?;
    let pid = i32::try_from(child.id()).context("process id out of range")?;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our own child, not yet waited for; status and usage are live locals.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    anyhow::ensure!(waited == pid, "cannot wait for dyad run");
    anyhow::ensure!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "dyad run failed"
    );
    Ok((started.elapsed().as_secs_f64(), usage.ru_maxrss))
}

fn bench_text(paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut texts = Vec::new();
    for path in paths {
        dyad_ingest::ingest_path(path, &dyad_ingest::Options::default(), &mut |record| {
            if let Outcome::Article(article) = record.outcome {
                texts.push(article.body);
            }
        });
    }
    anyhow::ensure!(!texts.is_empty(), "no article text found in {paths:?}");
    let corpus_bytes: usize = texts.iter().map(String::len).sum();
    let rounds = (32 * 1024 * 1024usize).div_ceil(corpus_bytes);
    let started = Instant::now();
    let (mut tokens, mut sentences) = (0usize, 0usize);
    for _ in 0..rounds {
        for text in &texts {
            let doc = dyad_text::tokenize(text);
            tokens += doc.tokens.len();
            sentences += doc.sentences.len();
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let bytes = (corpus_bytes * rounds) as u64;
    println!(
        "tokenize: {} articles x {rounds} rounds, {:.1} MB, {tokens} tokens, {sentences} sentences in {seconds:.2} s: {:.1} MB/s, {:.0} tokens/s (one core)",
        texts.len(),
        megabytes(bytes),
        megabytes(bytes) / seconds,
        tokens as f64 / seconds,
    );
    Ok(ExitCode::SUCCESS)
}

fn bench_nlp(files: &[PathBuf], models: Option<&Path>) -> anyhow::Result<ExitCode> {
    let dir = crate::models::models_dir(models);
    let started = Instant::now();
    let models = crate::models::load(&dir)?;
    let load_seconds = started.elapsed().as_secs_f64();
    let model_bytes: u64 = dyad_nlp::Models::FILES
        .iter()
        .filter_map(|name| std::fs::metadata(dir.join(name)).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "models: {:.1} MB on disk, loaded in {load_seconds:.3} s",
        megabytes(model_bytes)
    );
    let mut sentences = Vec::new();
    for file in files {
        sentences.extend(dyad_nlp::train::read_conllu(file)?);
    }
    let forms: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.words.iter().map(|w| w.form()).collect())
        .collect();
    let tokens: usize = forms.iter().map(Vec::len).sum();
    let started = Instant::now();
    for sentence in &forms {
        std::hint::black_box(models.analyse(sentence));
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "tag + lemma + parse + entities: {} sentences, {tokens} tokens in {seconds:.2} s: {:.0} tokens/s (one core)",
        forms.len(),
        tokens as f64 / seconds
    );
    println!(
        "peak memory: {}",
        peak_memory().unwrap_or_else(|| "unknown".to_string())
    );
    Ok(ExitCode::SUCCESS)
}

fn bench_code(gold: &Path, repeat: usize, models: Option<&Path>) -> anyhow::Result<ExitCode> {
    let models = crate::models::load(&crate::models::models_dir(models))?;
    let started = Instant::now();
    let coder = crate::code::load_coder(&[])?;
    println!(
        "knowledge base read and indexed in {:.3} s",
        started.elapsed().as_secs_f64()
    );
    let items = dyad_coder::gold::read_dir(gold)?;
    let mut texts = Vec::new();
    for item in &items {
        let date = chrono::NaiveDate::parse_from_str(&item.date, "%Y-%m-%d")
            .with_context(|| format!("{}: date {}", item.id, item.date))?;
        texts.push((item.text.as_str(), date));
    }
    let (mut nlp_seconds, mut code_seconds) = (0.0, 0.0);
    let (mut tokens, mut events) = (0usize, 0usize);
    for _ in 0..repeat.max(1) {
        for (text, date) in &texts {
            let started = Instant::now();
            let doc = models.annotate_text(text);
            let parsed = Instant::now();
            events += coder.code("bench", &doc, *date).len();
            code_seconds += parsed.elapsed().as_secs_f64();
            nlp_seconds += (parsed - started).as_secs_f64();
            tokens += doc.tokens.len();
        }
    }
    println!(
        "{} texts x {}: {tokens} tokens, {events} events",
        texts.len(),
        repeat.max(1)
    );
    println!(
        "tokenize + tag + lemma + parse + entities: {nlp_seconds:.2} s, {:.0} tokens/s (one core)",
        tokens as f64 / nlp_seconds
    );
    println!(
        "coding: {code_seconds:.2} s, {:.0} tokens/s: {:.1}% of the NLP time (issue 4 budget: 20%)",
        tokens as f64 / code_seconds,
        100.0 * code_seconds / nlp_seconds
    );
    Ok(ExitCode::SUCCESS)
}

/// The process's peak resident memory, as Linux reports it.
fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kilobytes: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{:.1} MB", kilobytes / 1000.0))
}

fn megabytes(bytes: u64) -> f64 {
    bytes as f64 / 1_000_000.0
}

/// Writes the same generated pages as a gzipped WARC (a member per record) and a plain one;
/// returns the bytes of HTML written.
fn write_warcs(pages: usize, gz_path: &Path, plain_path: &Path) -> anyhow::Result<u64> {
    let mut gz = std::io::BufWriter::new(
        std::fs::File::create(gz_path)
            .with_context(|| format!("cannot create {}", gz_path.display()))?,
    );
    let mut plain = std::io::BufWriter::new(std::fs::File::create(plain_path)?);
    let mut generator = PageGenerator::new(0x5eed);
    let mut html_bytes = 0;
    let info = warc_record(
        "warcinfo",
        "",
        "application/warc-fields",
        b"software: dyad bench\r\n",
    );
    write_member(&mut gz, &info)?;
    plain.write_all(&info)?;
    for index in 0..pages {
        let url = format!("https://news.example.org/2025/11/{index}");
        let html = generator.page(index);
        html_bytes += html.len() as u64;
        let http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
            html.len()
        );
        let request = warc_record(
            "request",
            &url,
            "application/http; msgtype=request",
            format!("GET /2025/11/{index} HTTP/1.1\r\nHost: news.example.org\r\n\r\n").as_bytes(),
        );
        let response = warc_record(
            "response",
            &url,
            "application/http; msgtype=response",
            http.as_bytes(),
        );
        for record in [request, response] {
            write_member(&mut gz, &record)?;
            plain.write_all(&record)?;
        }
    }
    gz.flush()?;
    plain.flush()?;
    Ok(html_bytes)
}

fn warc_record(kind: &str, url: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2025-11-20T08:00:00Z\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    record
}

fn write_member(out: &mut impl Write, record: &[u8]) -> std::io::Result<()> {
    let mut encoder = GzEncoder::new(out, Compression::fast());
    encoder.write_all(record)?;
    encoder.finish()?;
    Ok(())
}

/// Generates news pages shaped like real ones: a head with metadata and JSON-LD, inline
/// styles and scripts, navigation, an article of several paragraphs, share bar, related
/// stories and footer. Deterministic for a seed.
struct PageGenerator {
    state: u64,
}

const PEOPLE: &[&str] = &[
    "the prime minister",
    "the foreign minister",
    "President Lula",
    "the defence secretary",
    "Chancellor Merz",
    "the U.N. envoy",
    "rebel commanders",
    "opposition leaders",
];
const VERBS: &[&str] = &[
    "met",
    "criticised",
    "praised",
    "signed a trade deal with",
    "accused",
    "held talks with",
    "threatened",
    "welcomed",
];
const PARTIES: &[&str] = &[
    "Japan",
    "South Korea",
    "the European Union",
    "Brazil",
    "India",
    "Nigeria",
    "Mexico",
    "Indonesia",
    "Ukraine",
    "Turkey",
];
const PLACES: &[&str] = &[
    "in Geneva",
    "in Brasília",
    "at the summit in Seoul",
    "in New Delhi",
    "on the sidelines of the talks",
    "in Jakarta",
];
const TAILS: &[&str] = &[
    "officials said on Tuesday",
    "according to a statement released late on Monday",
    "two diplomats told reporters",
    "the ministry said in a brief statement",
    "state media reported",
];

impl PageGenerator {
    fn new(seed: u64) -> Self {
        PageGenerator { state: seed }
    }

    fn next(&mut self, below: usize) -> usize {
        // xorshift64: deterministic and dependency-free.
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        (self.state % below as u64) as usize
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.next(words.len())]
    }

    fn sentence(&mut self) -> String {
        let (who, verb, whom, place, tail) = (
            self.pick(PEOPLE),
            self.pick(VERBS),
            self.pick(PARTIES),
            self.pick(PLACES),
            self.pick(TAILS),
        );
        let amount = 10 + self.next(900);
        format!(
            "{} {verb} {whom} {place}, {tail}, in a move worth ${amount}bn that analysts called &ldquo;significant&rdquo;.",
            capitalise(who)
        )
    }

    fn page(&mut self, index: usize) -> String {
        let title = format!(
            "{} {} {} in week of talks",
            capitalise(self.pick(PEOPLE)),
            self.pick(VERBS),
            self.pick(PARTIES)
        );
        let mut html = String::with_capacity(64 * 1024);
        html.push_str(&format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} | Example News</title>\
             <meta property=\"og:site_name\" content=\"Example News\"><meta property=\"og:title\" content=\"{title}\">\
             <link rel=\"canonical\" href=\"https://news.example.org/2025/11/{index}\">\
             <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"{title}\",\"datePublished\":\"2025-11-20T0{}:15:00+09:00\",\"author\":{{\"name\":\"Staff Reporter\"}}}}</script>\
             <style>{}</style><script>{}</script></head><body>",
            index % 10,
            ".nav a{color:#333;padding:4px}.story p{margin:0 0 1em} ".repeat(120),
            "window.dataLayer=window.dataLayer||[];function track(e){dataLayer.push(e)} ".repeat(150),
        ));
        html.push_str("<header><nav class=\"menu\"><ul>");
        for section in 0..40 {
            html.push_str(&format!(
                "<li><a href=\"/section/{section}\">Section {section}</a></li>"
            ));
        }
        html.push_str("</ul></nav></header><div class=\"cookie-banner\">We use cookies. <button>Accept</button></div>");
        html.push_str(&format!("<main><article class=\"story\"><h1>{title}</h1><div class=\"byline\">By Staff Reporter</div>"));
        for _ in 0..12 {
            let paragraph: Vec<String> = (0..3).map(|_| self.sentence()).collect();
            html.push_str(&format!("<p>{}</p>", paragraph.join(" ")));
        }
        html.push_str("<div class=\"share-bar\"><a href=\"#\">Share</a><a href=\"#\">Tweet</a></div></article>");
        html.push_str("<aside class=\"related\"><h3>Related stories</h3><ul>");
        for related in 0..8 {
            html.push_str(&format!(
                "<li><a href=\"/related/{related}\">{}</a></li>",
                self.sentence()
            ));
        }
        html.push_str("</ul></aside></main><footer>&copy; 2025 Example News. All rights reserved.</footer></body></html>");
        html
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
