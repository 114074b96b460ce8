//! Parser accuracy with tags predicted by a saved tagger (as in the shipped pipeline), on EWT and
//! GUM dev and test, gold tokenization.
//!
//! `cargo run --release -p dyad-nlp --example parser_pipeline -- parser.bin tagger.bin`

use dyad_nlp::parser::{ParseInput, Parser, TrainTree};
use dyad_nlp::tagger::Tagger;

/// (UPOS accuracy, UAS, LAS) in percent with predicted tags.
fn evaluate(parser: &Parser, tagger: &Tagger, trees: &[TrainTree]) -> (f64, f64, f64) {
    let (mut tags, mut heads, mut labelled, mut tokens) = (0, 0, 0, 0);
    for tree in trees {
        let forms: Vec<&str> = tree.forms.iter().map(String::as_str).collect();
        let predicted = tagger.predict(&forms);
        let upos: Vec<&str> = predicted.iter().map(|(u, _)| u.as_str()).collect();
        let xpos: Vec<&str> = predicted.iter().map(|(_, x)| x.as_str()).collect();
        let parsed = parser.parse(&ParseInput {
            forms: &forms,
            upos: &upos,
            xpos: &xpos,
        });
        for (index, (head, label)) in parsed.iter().enumerate() {
            tokens += 1;
            tags += usize::from(upos[index] == tree.upos[index]);
            if *head == tree.heads[index] {
                heads += 1;
                labelled += usize::from(
                    dyad_core::universal_relation(label)
                        == dyad_core::universal_relation(&tree.deprels[index]),
                );
            }
        }
    }
    let percent = |count: usize| 100.0 * count as f64 / tokens.max(1) as f64;
    (percent(tags), percent(heads), percent(labelled))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (parser_path, tagger_path) = (args.next(), args.next());
    let (Some(parser_path), Some(tagger_path)) = (parser_path, tagger_path) else {
        eprintln!("usage: parser_pipeline PARSER TAGGER");
        return;
    };
    let parser = Parser::from_bytes(&std::fs::read(parser_path).expect("read parser"))
        .expect("parser model");
    let tagger = Tagger::from_bytes(&std::fs::read(tagger_path).expect("read tagger"))
        .expect("tagger model");
    for (name, short) in [("EWT", "ewt"), ("GUM", "gum")] {
        for part in ["dev", "test"] {
            let path = format!("../shared/corpora/ud-en-{short}/en_{short}-ud-{part}.conllu");
            let text = std::fs::read_to_string(&path).expect("read treebank");
            let sentences = dyad_text::conllu::parse(&text).expect("valid CoNLL-U");
            let trees: Vec<TrainTree> = sentences.iter().map(TrainTree::from_conllu).collect();
            let (upos, uas, las) = evaluate(&parser, &tagger, &trees);
            println!("{part:4} {name}: predicted UPOS {upos:.2}  UAS {uas:.2} LAS {las:.2}");
        }
    }
}
