//! Parse speed of a saved parser model on EWT + GUM test (gold tags), one core.
//!
//! `cargo run --release -p dyad-nlp --example parser_speed -- model.bin`

use std::time::Instant;

use dyad_nlp::parser::{Parser, TrainTree};

fn main() {
    let path = std::env::args().nth(1).expect("usage: parser_speed MODEL");
    let parser = Parser::from_bytes(&std::fs::read(&path).expect("read model")).expect("model");
    let mut trees = Vec::new();
    for file in [
        "../shared/corpora/ud-en-ewt/en_ewt-ud-test.conllu",
        "../shared/corpora/ud-en-gum/en_gum-ud-test.conllu",
    ] {
        let text = std::fs::read_to_string(file).expect("read treebank");
        let sentences = dyad_text::conllu::parse(&text).expect("valid CoNLL-U");
        trees.extend(sentences.iter().map(TrainTree::from_conllu));
    }
    for round in 1..=3 {
        let (start, mut tokens) = (Instant::now(), 0);
        for tree in &trees {
            tokens += parser.parse_tree(tree).len();
        }
        let rate = tokens as f64 / start.elapsed().as_secs_f64();
        println!("round {round}: {tokens} tokens, {rate:.0} tokens/s");
    }
}
