//! The shipped setting: the parser trained on EWT + GUM train with jackknifed predicted tags
//! (4 folds, each tagged by a tagger trained on the other three), the epoch picked by dev LAS
//! with predicted tags, and dev / test scored with tags from a tagger trained on all of train.
//!
//! `cargo run --release -p dyad-nlp --example parser_jackknife -- [epochs] [save-path]
//! [min_updates] [union]` (`union` also trains on the gold-tagged copies).

use std::time::Instant;

use dyad_nlp::parser::{Parser, ParserConfig, ParserTrainer, TrainTree};
use dyad_nlp::tagger::{Tagger, TaggerConfig};
use dyad_text::conllu::ConlluSentence;

const FOLDS: usize = 4;

fn load(short: &str, part: &str) -> Vec<ConlluSentence> {
    let path = format!("../shared/corpora/ud-en-{short}/en_{short}-ud-{part}.conllu");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    dyad_text::conllu::parse(&text).expect("valid CoNLL-U")
}

/// The sentence's tree with the tagger's tags in place of the gold ones.
fn with_predicted_tags(tagger: &Tagger, sentence: &ConlluSentence) -> TrainTree {
    let mut tree = TrainTree::from_conllu(sentence);
    let forms: Vec<&str> = tree.forms.iter().map(String::as_str).collect();
    let (upos, xpos) = tagger.predict(&forms).into_iter().unzip();
    tree.upos = upos;
    tree.xpos = xpos;
    tree
}

/// Contiguous folds, so that a document's sentences mostly stay together.
fn jackknife(train: &[ConlluSentence]) -> Vec<TrainTree> {
    let size = train.len().div_ceil(FOLDS);
    let mut trees = Vec::with_capacity(train.len());
    for fold in 0..FOLDS {
        let (start, end) = (fold * size, ((fold + 1) * size).min(train.len()));
        let rest: Vec<ConlluSentence> = train[..start]
            .iter()
            .chain(&train[end..])
            .cloned()
            .collect();
        let tagger = Tagger::train(&rest, &TaggerConfig::default());
        trees.extend(
            train[start..end]
                .iter()
                .map(|s| with_predicted_tags(&tagger, s)),
        );
        eprintln!("fold {} tagged", fold + 1);
    }
    trees
}

/// (UAS, LAS, full-label LAS) in percent.
fn evaluate(parser: &Parser, trees: &[TrainTree]) -> (f64, f64, f64) {
    let (mut heads, mut labelled, mut full, mut tokens) = (0, 0, 0, 0);
    for tree in trees {
        for (index, (head, label)) in parser.parse_tree(tree).iter().enumerate() {
            tokens += 1;
            if *head == tree.heads[index] {
                heads += 1;
                labelled += usize::from(
                    dyad_core::universal_relation(label)
                        == dyad_core::universal_relation(&tree.deprels[index]),
                );
                full += usize::from(*label == tree.deprels[index]);
            }
        }
    }
    let percent = |count: usize| 100.0 * count as f64 / tokens.max(1) as f64;
    (percent(heads), percent(labelled), percent(full))
}

fn main() {
    let epochs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let save = std::env::args().nth(2);
    let start = Instant::now();
    let mut train = load("ewt", "train");
    train.extend(load("gum", "train"));
    let mut tagged = jackknife(&train);
    if std::env::args().nth(4).as_deref() == Some("union") {
        tagged.extend(train.iter().map(TrainTree::from_conllu));
    }
    let tagger = Tagger::train(&train, &TaggerConfig::default());
    let tag_all = |short: &str, part: &str| -> Vec<TrainTree> {
        let sentences = load(short, part);
        sentences
            .iter()
            .map(|s| with_predicted_tags(&tagger, s))
            .collect()
    };
    let dev = [
        ("EWT", tag_all("ewt", "dev")),
        ("GUM", tag_all("gum", "dev")),
    ];
    let test = [
        ("EWT", tag_all("ewt", "test")),
        ("GUM", tag_all("gum", "test")),
    ];
    println!("tagging done {:.0}s", start.elapsed().as_secs_f64());

    let defaults = ParserConfig::default();
    let min_updates = std::env::args().nth(3).and_then(|a| a.parse().ok());
    let config = ParserConfig {
        epochs,
        min_updates: min_updates.unwrap_or(defaults.min_updates),
        ..defaults
    };
    println!("{config:?}");
    let mut trainer = ParserTrainer::new(&tagged, &config);
    let mut best: Option<(f64, usize, Parser)> = None;
    for epoch in 1..=epochs {
        trainer.epoch();
        let parser = trainer.freeze();
        let scores: Vec<(f64, f64, f64)> = dev.iter().map(|(_, t)| evaluate(&parser, t)).collect();
        let las = (scores[0].1 + scores[1].1) / 2.0;
        println!(
            "epoch {epoch:2} ({:.0}s) dev EWT UAS {:.2} LAS {:.2} | GUM UAS {:.2} LAS {:.2}",
            start.elapsed().as_secs_f64(),
            scores[0].0,
            scores[0].1,
            scores[1].0,
            scores[1].1
        );
        if best.as_ref().is_none_or(|(score, _, _)| las > *score) {
            best = Some((las, epoch, parser));
        }
    }
    for min_updates in [3, 4, 5, 6, 8] {
        let pruned = trainer.freeze_pruned(min_updates);
        let las: Vec<f64> = dev.iter().map(|(_, t)| evaluate(&pruned, t).1).collect();
        let size = pruned.to_bytes().len();
        println!(
            "last epoch pruned at {min_updates}: {size} bytes, dev LAS EWT {:.2} GUM {:.2}",
            las[0], las[1]
        );
    }
    let (_, epoch, parser) = best.expect("at least one epoch");
    let bytes = parser.to_bytes();
    println!("best epoch {epoch}, model {} bytes", bytes.len());
    for (split, sets) in [("dev", &dev), ("test", &test)] {
        for (name, trees) in sets.iter() {
            let (uas, las, full) = evaluate(&parser, trees);
            println!("{split:4} {name} (predicted tags): UAS {uas:.2} LAS {las:.2} full {full:.2}");
        }
    }
    if let Some(path) = save {
        std::fs::write(&path, &bytes).expect("write model");
        println!("saved {path}");
    }
}
