//! Trains the dependency parser on EWT + GUM train (gold tags), picks the epoch by dev LAS,
//! and prints dev and test UAS / LAS per treebank, training time, model size and speed.
//!
//! `cargo run --release -p dyad-nlp --example parser_eval -- [epochs] [seed] [min_updates]
//! [explore] [hybrid|eager] [save-path]`

use std::time::Instant;

use dyad_nlp::parser::{Parser, ParserConfig, ParserTrainer, TrainTree, TransitionSystem};

const CORPORA: &str = "../shared/corpora";

fn load(treebank: &str, part: &str) -> Vec<TrainTree> {
    let short = treebank.trim_start_matches("ud-en-");
    let path = format!("{CORPORA}/{treebank}/en_{short}-ud-{part}.conllu");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let sentences = dyad_text::conllu::parse(&text).expect("valid CoNLL-U");
    sentences.iter().map(TrainTree::from_conllu).collect()
}

/// Attachment scores in percent.
struct Scores {
    uas: f64,
    las: f64,
    full_las: f64,
    tokens: usize,
    seconds: f64,
}

fn evaluate(parser: &Parser, trees: &[TrainTree]) -> Scores {
    let (mut heads, mut labelled, mut full, mut tokens) = (0, 0, 0, 0);
    let start = Instant::now();
    for tree in trees {
        let parsed = parser.parse_tree(tree);
        for (index, (head, label)) in parsed.iter().enumerate() {
            tokens += 1;
            if *head != tree.heads[index] {
                continue;
            }
            heads += 1;
            labelled += usize::from(
                dyad_core::universal_relation(label)
                    == dyad_core::universal_relation(&tree.deprels[index]),
            );
            full += usize::from(*label == tree.deprels[index]);
        }
    }
    let percent = |count: usize| 100.0 * count as f64 / tokens.max(1) as f64;
    Scores {
        uas: percent(heads),
        las: percent(labelled),
        full_las: percent(full),
        tokens,
        seconds: start.elapsed().as_secs_f64(),
    }
}

fn arg<T: std::str::FromStr>(index: usize, default: T) -> T {
    std::env::args()
        .nth(index)
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let defaults = ParserConfig::default();
    let config = ParserConfig {
        epochs: arg(1, defaults.epochs),
        seed: arg(2, defaults.seed),
        min_updates: arg(3, defaults.min_updates),
        explore: arg(4, defaults.explore),
        system: match std::env::args().nth(5).as_deref() {
            Some("eager") => TransitionSystem::ArcEager,
            Some("hybrid") => TransitionSystem::ArcHybrid,
            _ => defaults.system,
        },
        // Followed epoch by epoch, so a single run (no averaging of runs).
        runs: 1,
    };
    let save: Option<String> = std::env::args().nth(6);
    println!("{config:?}");
    let mut train = load("ud-en-ewt", "train");
    train.extend(load("ud-en-gum", "train"));
    let dev = [
        ("EWT", load("ud-en-ewt", "dev")),
        ("GUM", load("ud-en-gum", "dev")),
    ];
    let test = [
        ("EWT", load("ud-en-ewt", "test")),
        ("GUM", load("ud-en-gum", "test")),
    ];

    let start = Instant::now();
    let mut trainer = ParserTrainer::new(&train, &config);
    let mut best: Option<(f64, usize, Parser)> = None;
    for epoch in 1..=config.epochs {
        trainer.epoch();
        let parser = trainer.freeze();
        let scores: Vec<Scores> = dev
            .iter()
            .map(|(_, trees)| evaluate(&parser, trees))
            .collect();
        let las = scores.iter().map(|s| s.las).sum::<f64>() / 2.0;
        println!(
            "epoch {epoch:2} ({:.0}s) dev EWT UAS {:.2} LAS {:.2} | GUM UAS {:.2} LAS {:.2}",
            start.elapsed().as_secs_f64(),
            scores[0].uas,
            scores[0].las,
            scores[1].uas,
            scores[1].las
        );
        if best.as_ref().is_none_or(|(score, _, _)| las > *score) {
            best = Some((las, epoch, parser));
        }
    }
    for min_updates in [2, 3, 4, 6, 8] {
        let pruned = trainer.freeze_pruned(min_updates);
        let las: Vec<f64> = dev.iter().map(|(_, t)| evaluate(&pruned, t).las).collect();
        let size = pruned.to_bytes().len();
        println!(
            "last epoch pruned at {min_updates}: {size} bytes, dev LAS EWT {:.2} GUM {:.2}",
            las[0], las[1]
        );
    }
    let (_, epoch, parser) = best.expect("at least one epoch");
    println!(
        "training {:.0}s, best epoch {epoch}",
        start.elapsed().as_secs_f64()
    );
    let bytes = parser.to_bytes();
    println!(
        "model {} bytes, features {:?}",
        bytes.len(),
        parser.feature_counts()
    );
    let parser = Parser::from_bytes(&bytes).expect("round trip");
    let (mut tokens, mut seconds) = (0, 0.0);
    for (split, sets) in [("dev", &dev), ("test", &test)] {
        for (name, trees) in sets.iter() {
            let s = evaluate(&parser, trees);
            println!(
                "{split:4} {name}: UAS {:.2} LAS {:.2} full-label LAS {:.2} ({} tokens)",
                s.uas, s.las, s.full_las, s.tokens
            );
            tokens += s.tokens;
            seconds += s.seconds;
        }
    }
    println!("speed {:.0} tokens/s (one core)", tokens as f64 / seconds);
    if let Some(path) = save {
        std::fs::write(&path, &bytes).expect("write model");
        println!("saved {path}");
    }
}
