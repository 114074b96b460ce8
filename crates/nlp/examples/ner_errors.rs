//! Error listing for tuning: trains like `ner_eval` with `NER_HOLDOUT` UNER dev sentences
//! (the last ones) held out and prints the missed and spurious spans on them.
//!
//! `cargo run --release -p dyad-nlp --example ner_errors [CORPORA_DIR]`

use dyad_nlp::ner::{Ner, NerConfig, NerSentence, gum_named_entities, iob2_spans, read_iob2};

type Failure = Box<dyn std::error::Error>;

fn main() -> Result<(), Failure> {
    let corpora = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpora".to_string());
    let read = |path: &str| std::fs::read_to_string(format!("{corpora}/{path}"));
    let gum_train = gum_named_entities(&read("ud-en-gum/en_gum-ud-train.conllu")?)?;
    let uner_dev = read_iob2(&read("uner-en-ewt/en_ewt-ud-dev.iob2")?)?;
    let holdout: usize = std::env::var("NER_HOLDOUT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    let (rest, held) = uner_dev.split_at(uner_dev.len() - holdout.min(uner_dev.len()));
    let ewt_train = gum_named_entities(&read("ud-en-ewt/en_ewt-ud-train.conllu")?)?;
    // Weighted as in `ner_eval`.
    let uner_copies = std::iter::repeat_n(rest, 3).flatten();
    let training: Vec<NerSentence> = gum_train.iter().chain(uner_copies).cloned().collect();
    let ner = Ner::train_with_lexicon(&training, &ewt_train, &NerConfig::default());
    for sentence in held {
        let forms: Vec<&str> = sentence.forms.iter().map(String::as_str).collect();
        let predicted = iob2_spans(&ner.predict(&forms, None));
        let gold = iob2_spans(&sentence.tags);
        let show = |(start, end, kind): &(usize, usize, String)| {
            format!("{kind} [{}]", sentence.forms[*start..*end].join(" "))
        };
        for span in gold.iter().filter(|span| !predicted.contains(span)) {
            println!("MISS {} | {}", show(span), forms.join(" "));
        }
        for span in predicted.iter().filter(|span| !gold.contains(span)) {
            println!("SPURIOUS {} | {}", show(span), forms.join(" "));
        }
    }
    Ok(())
}
