//! Measures tokenization speed on news text, in MB/s on one core.
//!
//! ```text
//! cargo run -p dyad-text --release --example throughput [-- FILE...]
//! ```
//!
//! Without files it uses the news documents of the UD English GUM training set (in
//! `$DYAD_CORPORA` or `shared/corpora` beside the repository), rebuilt as raw text. Each
//! document (paragraphs up to a `# newdoc`, or each file) is tokenized on its own, as the
//! pipeline tokenizes one article at a time, over and over until about 64 MB have been
//! processed; the best of five such runs counts.

use std::path::PathBuf;
use std::time::Instant;

use dyad_text::{conllu, eval, tokenize};

const TARGET_BYTES: usize = 64 << 20;
const RUNS: usize = 5;

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let documents = if files.is_empty() {
        gum_news()
    } else {
        read_all(&files)
    };
    let sample_bytes: usize = documents.iter().map(String::len).sum();
    if sample_bytes == 0 {
        eprintln!("no text to measure");
        return;
    }
    let rounds = TARGET_BYTES.div_ceil(sample_bytes);
    let mut best = f64::INFINITY;
    let mut tokens = 0;
    for _ in 0..RUNS {
        tokens = 0;
        let started = Instant::now();
        for _ in 0..rounds {
            for document in &documents {
                tokens += tokenize(document).tokens.len();
            }
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    let megabytes = (sample_bytes * rounds) as f64 / 1e6;
    println!(
        "{} documents x {rounds}: {megabytes:.1} MB, {tokens} tokens; best of {RUNS} runs {best:.3} s = {:.1} MB/s",
        documents.len(),
        megabytes / best
    );
}

fn read_all(files: &[String]) -> Vec<String> {
    files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect()
}

/// The raw texts of the GUM training set's news documents.
fn gum_news() -> Vec<String> {
    let dir = std::env::var_os("DYAD_CORPORA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora")
        });
    let path = dir.join("ud-en-gum/en_gum-ud-train.conllu");
    let Ok(input) = std::fs::read_to_string(&path) else {
        eprintln!("{} not found; pass text files instead", path.display());
        return Vec::new();
    };
    let Ok(sentences) = conllu::parse(&input) else {
        return Vec::new();
    };
    let news = sentences.into_iter().filter(|s| {
        s.sent_id
            .as_deref()
            .is_some_and(|id| id.starts_with("GUM_news"))
    });
    let mut documents: Vec<Vec<_>> = Vec::new();
    for sentence in news {
        match documents.last_mut() {
            Some(document) if !sentence.newdoc => document.push(sentence),
            _ => documents.push(vec![sentence]),
        }
    }
    documents
        .iter()
        .map(|document| eval::gold_document(document).text)
        .collect()
}
