//! Trains the named-entity recognizer on GUM train (named mentions) plus UNER EWT dev, then
//! prints exact-span F1 on UNER EWT test and GUM test, training time, model size and speed.
//!
//! `cargo run --release -p dyad-nlp --example ner_eval [CORPORA_DIR]`
//! Word statistics come from UD EWT train (forms and UPOS only). Unless `NER_SELF_TRAIN=0`, a
//! second model is then trained with EWT train added, tagged by the first (self-training: the
//! web genres of UNER test, whose entity labels for EWT train are not available here).
//!
//! Environment: `NER_EPOCHS`, `NER_SEED`, `NER_UNER_COPIES`, `NER_SELF_TRAIN`, `NER_HOLDOUT`
//! (UNER dev sentences kept out of training and scored, for tuning), `NER_MODEL` (path to write
//! the model to).

use dyad_nlp::ner::{Ner, NerConfig, NerSentence, SpanScores, gum_named_entities, read_iob2};
use std::time::Instant;

type Failure = Box<dyn std::error::Error>;

fn main() -> Result<(), Failure> {
    let corpora = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpora".to_string());
    let read = |path: &str| std::fs::read_to_string(format!("{corpora}/{path}"));
    let gum_train = gum_named_entities(&read("ud-en-gum/en_gum-ud-train.conllu")?)?;
    let gum_dev = gum_named_entities(&read("ud-en-gum/en_gum-ud-dev.conllu")?)?;
    let gum_test = gum_named_entities(&read("ud-en-gum/en_gum-ud-test.conllu")?)?;
    let uner_dev = read_iob2(&read("uner-en-ewt/en_ewt-ud-dev.iob2")?)?;
    let uner_test = read_iob2(&read("uner-en-ewt/en_ewt-ud-test.iob2")?)?;
    // Untagged for entities: only forms and UPOS feed the word statistics.
    let ewt_train = gum_named_entities(&read("ud-en-ewt/en_ewt-ud-train.conllu")?)?;

    let holdout = env_number("NER_HOLDOUT", 0).min(uner_dev.len());
    let (uner_held, uner_train) = uner_dev.split_at(holdout);
    // UNER is the target domain (web text): repeating it weighs it against GUM's 9,900.
    let copies = env_number("NER_UNER_COPIES", 3);
    let uner_copies = std::iter::repeat_n(uner_train, copies).flatten();
    let training: Vec<NerSentence> = gum_train.iter().chain(uner_copies).cloned().collect();
    let config = NerConfig {
        epochs: env_number("NER_EPOCHS", NerConfig::default().epochs),
        seed: env_number("NER_SEED", NerConfig::default().seed as usize) as u64,
    };
    println!(
        "training on {} sentences ({} GUM train, {} UNER dev x {copies}), {} epochs, seed {}",
        training.len(),
        gum_train.len(),
        uner_train.len(),
        config.epochs,
        config.seed
    );
    let started = Instant::now();
    let mut ner = Ner::train_with_lexicon(&training, &ewt_train, &config);
    if env_number("NER_SELF_TRAIN", 1) == 1 {
        ner = self_train(&ner, &training, &ewt_train, &config);
    }
    println!("training time: {:.1} s", started.elapsed().as_secs_f64());
    let bytes = ner.to_bytes();
    println!("model size: {} bytes", bytes.len());
    if let Ok(path) = std::env::var("NER_MODEL") {
        std::fs::write(path, &bytes)?;
    }

    report("UNER EWT test", &evaluate(&ner, &uner_test, false));
    report("GUM test (no UPOS)", &evaluate(&ner, &gum_test, false));
    report("GUM test (gold UPOS)", &evaluate(&ner, &gum_test, true));
    report("GUM dev (no UPOS)", &evaluate(&ner, &gum_dev, false));
    if !uner_held.is_empty() {
        report("UNER dev held out", &evaluate(&ner, uner_held, false));
    }
    println!("speed: {:.0} tokens/s on one core", speed(&ner, &uner_test));
    Ok(())
}

/// Retrains with `text` added, tagged by `ner`.
fn self_train(
    ner: &Ner,
    training: &[NerSentence],
    text: &[NerSentence],
    config: &NerConfig,
) -> Ner {
    let tagged = text.iter().map(|sentence| NerSentence {
        tags: ner.predict(&forms(sentence), None),
        ..sentence.clone()
    });
    let all: Vec<NerSentence> = training.iter().cloned().chain(tagged).collect();
    Ner::train_with_lexicon(&all, text, config)
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

fn forms(sentence: &NerSentence) -> Vec<&str> {
    sentence.forms.iter().map(String::as_str).collect()
}

fn evaluate(ner: &Ner, sentences: &[NerSentence], with_upos: bool) -> SpanScores {
    let gold: Vec<Vec<String>> = sentences.iter().map(|s| s.tags.clone()).collect();
    let predicted: Vec<Vec<String>> = sentences
        .iter()
        .map(|sentence| {
            let upos: Vec<&str> = sentence.upos.iter().map(String::as_str).collect();
            let upos = (with_upos && !upos.is_empty()).then_some(&upos[..]);
            ner.predict(&forms(sentence), upos)
        })
        .collect();
    dyad_nlp::ner::span_f1(&gold, &predicted)
}

fn report(name: &str, scores: &SpanScores) {
    let line = |counts: &dyad_nlp::ner::SpanCounts| {
        format!(
            "P {:5.1} R {:5.1} F1 {:5.1} (gold {})",
            100.0 * counts.precision(),
            100.0 * counts.recall(),
            100.0 * counts.f1(),
            counts.gold
        )
    };
    println!("{name}: {}", line(&scores.overall));
    for (kind, counts) in &scores.per_type {
        println!("  {kind}: {}", line(counts));
    }
}

/// Tokens tagged per second on this thread, over at least one second of work.
fn speed(ner: &Ner, sentences: &[NerSentence]) -> f64 {
    let started = Instant::now();
    let mut tokens = 0usize;
    while started.elapsed().as_secs_f64() < 1.0 {
        for sentence in sentences {
            tokens += ner.predict(&forms(sentence), None).len();
        }
    }
    tokens as f64 / started.elapsed().as_secs_f64()
}
