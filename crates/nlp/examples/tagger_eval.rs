//! Trains the tagger (and lemmatizer) on EWT + GUM train and reports dev/test accuracy, training
//! time, model size and tagging speed.
//!
//! `cargo run --release -p dyad-nlp --example tagger_eval -- [--epochs N] [--seed S]
//! [--corpora DIR] [--save-tagger FILE] [--save-lemmatizer FILE]`

use std::time::Instant;

use dyad_nlp::lemmatizer::Lemmatizer;
use dyad_nlp::tagger::{Tagger, TaggerConfig};
use dyad_text::conllu::{self, ConlluSentence};

struct Options {
    corpora: String,
    config: TaggerConfig,
    save_tagger: Option<String>,
    save_lemmatizer: Option<String>,
}

fn options() -> Options {
    let mut options = Options {
        corpora: "../shared/corpora".to_string(),
        config: TaggerConfig::default(),
        save_tagger: None,
        save_lemmatizer: None,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let value = pair.get(1).cloned().unwrap_or_default();
        match pair[0].as_str() {
            "--epochs" => options.config.epochs = value.parse().expect("--epochs N"),
            "--seed" => options.config.seed = value.parse().expect("--seed S"),
            "--corpora" => options.corpora = value,
            "--save-tagger" => options.save_tagger = Some(value),
            "--save-lemmatizer" => options.save_lemmatizer = Some(value),
            other => panic!("unknown option {other}"),
        }
    }
    options
}

fn load(corpora: &str, treebank: &str, split: &str) -> Vec<ConlluSentence> {
    let short = treebank.trim_start_matches("ud-en-");
    let path = format!("{corpora}/{treebank}/en_{short}-ud-{split}.conllu");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    conllu::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Counts of correct UPOS, XPOS and lemmas (gold-tag and predicted-tag) over all words.
#[derive(Default)]
struct Score {
    words: usize,
    upos: usize,
    xpos: usize,
    lemma_gold_tags: usize,
    lemma_predicted_tags: usize,
}

impl Score {
    fn percent(&self, correct: usize) -> f64 {
        100.0 * correct as f64 / self.words.max(1) as f64
    }
}

fn evaluate(
    tagger: &Tagger,
    lemmatizer: Option<&Lemmatizer>,
    sentences: &[ConlluSentence],
) -> Score {
    let mut score = Score::default();
    for sentence in sentences {
        let forms: Vec<&str> = sentence.words.iter().map(|w| w.form()).collect();
        let predicted = tagger.predict(&forms);
        for (word, (upos, xpos)) in sentence.words.iter().zip(&predicted) {
            score.words += 1;
            score.upos += usize::from(word.columns[3] == *upos);
            score.xpos += usize::from(word.columns[4] == *xpos);
            if let Some(lemmatizer) = lemmatizer {
                let gold = lemmatizer.lemma(word.form(), &word.columns[3], &word.columns[4]);
                let guess = lemmatizer.lemma(word.form(), upos, xpos);
                score.lemma_gold_tags += usize::from(word.columns[2] == gold);
                score.lemma_predicted_tags += usize::from(word.columns[2] == guess);
            }
        }
    }
    score
}

/// CPU time this thread has run, in seconds (Linux); wall time misleads on a shared machine.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}

/// Tokens per second of wall time and, where known, of this thread's CPU time.
fn tokens_per_second(tagger: &Tagger, sentences: &[ConlluSentence]) -> (f64, Option<f64>) {
    let sentences: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.words.iter().map(|w| w.form()).collect())
        .collect();
    let start = Instant::now();
    let cpu_start = thread_cpu_seconds();
    let mut tokens = 0;
    for _ in 0..3 {
        for forms in &sentences {
            tokens += tagger.predict(forms).len();
        }
    }
    let wall = tokens as f64 / start.elapsed().as_secs_f64();
    let cpu = cpu_start
        .zip(thread_cpu_seconds())
        .map(|(from, to)| tokens as f64 / (to - from));
    (wall, cpu)
}

fn main() {
    let options = options();
    let corpora = &options.corpora;
    let banks = ["ud-en-ewt", "ud-en-gum"];
    let mut train = load(corpora, banks[0], "train");
    train.extend(load(corpora, banks[1], "train"));
    let dev: Vec<_> = banks.iter().map(|b| load(corpora, b, "dev")).collect();
    let test: Vec<_> = banks.iter().map(|b| load(corpora, b, "test")).collect();

    let start = Instant::now();
    let tagger = Tagger::train_observed(&train, &options.config, |epoch, tagger| {
        let ewt = evaluate(tagger, None, &dev[0]);
        let gum = evaluate(tagger, None, &dev[1]);
        println!(
            "epoch {epoch:2}: dev UPOS ewt {:.2} gum {:.2}  XPOS ewt {:.2} gum {:.2}  ({:.0}s)",
            ewt.percent(ewt.upos),
            gum.percent(gum.upos),
            ewt.percent(ewt.xpos),
            gum.percent(gum.xpos),
            start.elapsed().as_secs_f64()
        );
    });
    let training = start.elapsed().as_secs_f64();
    let lemmatizer = Lemmatizer::train(&train);
    let bytes = tagger.to_bytes();
    let lemma_bytes = lemmatizer.to_bytes();
    let tagger = Tagger::from_bytes(&bytes).expect("tagger round trip");
    let lemmatizer = Lemmatizer::from_bytes(&lemma_bytes).expect("lemmatizer round trip");

    println!(
        "epochs {} seed {}",
        options.config.epochs, options.config.seed
    );
    println!("treebank split  UPOS   XPOS   lemma(gold tags) lemma(predicted tags)");
    for (bank, (dev, test)) in banks.iter().zip(dev.iter().zip(&test)) {
        for (split, sentences) in [("dev", dev), ("test", test)] {
            let s = evaluate(&tagger, Some(&lemmatizer), sentences);
            println!(
                "{bank} {split:4}  {:.2}  {:.2}  {:.2}  {:.2}",
                s.percent(s.upos),
                s.percent(s.xpos),
                s.percent(s.lemma_gold_tags),
                s.percent(s.lemma_predicted_tags)
            );
        }
    }
    println!("training time {training:.1}s (tagger, all epochs incl. dev evaluation)");
    println!(
        "tagger model {} bytes, lemmatizer {} bytes",
        bytes.len(),
        lemma_bytes.len()
    );
    let all_test: Vec<ConlluSentence> = test.concat();
    let (wall, cpu) = tokens_per_second(&tagger, &all_test);
    println!(
        "tagging speed {wall:.0} tokens/s wall, {:.0} tokens/s of CPU time (one thread)",
        cpu.unwrap_or(f64::NAN)
    );
    if let Some(path) = &options.save_tagger {
        std::fs::write(path, &bytes).expect("write tagger");
    }
    if let Some(path) = &options.save_lemmatizer {
        std::fs::write(path, &lemma_bytes).expect("write lemmatizer");
    }
}
