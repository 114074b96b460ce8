//! Scores the shipped models (`models/`) on the held-out test sets and fails under the bars of
//! the language-models issue. The corpora live in `shared/corpora` beside the repository (or
//! `$DYAD_CORPORA`); without them the tests print a note and pass.

use std::path::Path;
use std::sync::OnceLock;

use dyad_nlp::Models;
use dyad_nlp::eval::{score_entities, score_gold_tokens, score_raw_text};
use dyad_text::eval::shared_corpora;

fn models() -> &'static Models {
    static MODELS: OnceLock<Models> = OnceLock::new();
    MODELS.get_or_init(|| {
        let dir = shipped_models_dir();
        Models::load(&dir).unwrap_or_else(|error| panic!("the shipped models do not load: {error}"))
    })
}

/// The sentences of a test file, or `None` (after a note) without the corpora.
fn test_set(relative: &str) -> Option<Vec<dyad_text::conllu::ConlluSentence>> {
    let dir = match shared_corpora() {
        Ok(dir) => dir,
        Err(note) => {
            println!("{note}");
            return None;
        }
    };
    Some(dyad_nlp::train::read_conllu(&dir.join(relative)).expect("the test set reads"))
}

fn check_treebank(relative: &str) {
    let Some(sentences) = test_set(relative) else {
        return;
    };
    let accuracy = score_gold_tokens(models(), &sentences);
    println!("{relative}: {accuracy}");
    println!("{relative}: {}", score_raw_text(models(), &sentences));
    assert!(
        accuracy.upos_percent() >= 95.5,
        "UPOS {:.2} < 95.5",
        accuracy.upos_percent()
    );
    assert!(
        accuracy.uas_percent() >= 86.0,
        "UAS {:.2} < 86.0",
        accuracy.uas_percent()
    );
    assert!(
        accuracy.las_percent() >= 83.0,
        "LAS {:.2} < 83.0",
        accuracy.las_percent()
    );
}

#[test]
fn ewt_test_tags_and_parses_above_the_bar() {
    check_treebank("ud-en-ewt/en_ewt-ud-test.conllu");
}

#[test]
fn gum_test_tags_and_parses_above_the_bar() {
    check_treebank("ud-en-gum/en_gum-ud-test.conllu");
}

#[test]
fn uner_ewt_test_entities_above_the_bar() {
    let dir = match shared_corpora() {
        Ok(dir) => dir,
        Err(note) => return println!("{note}"),
    };
    let text = std::fs::read_to_string(dir.join("uner-en-ewt/en_ewt-ud-test.iob2")).unwrap();
    let sentences = dyad_nlp::ner::read_iob2(&text).unwrap();
    let scores = score_entities(models(), &sentences);
    println!("UNER EWT test: {}", dyad_nlp::eval::entity_line(&scores));
    let f1 = 100.0 * scores.overall.f1();
    assert!(f1 >= 60.0, "entity F1 {f1:.2} < 60.0");
}

#[test]
fn issue_examples_lemmatize() {
    let analysis = models().analyse(&[
        "Trump", "signed", "deals", "and", "met", "Lula", ";", "talks", "averted", "a", "crisis",
        ".",
    ]);
    assert_eq!(analysis.lemmas[1], "sign");
    assert_eq!(analysis.lemmas[4], "meet");
    assert_eq!(analysis.lemmas[7], "talk");
    assert_eq!(analysis.lemmas[8], "avert");
}

/// `$DYAD_MODELS`, or the repository's `models/`.
fn shipped_models_dir() -> std::path::PathBuf {
    std::env::var_os("DYAD_MODELS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models"))
}
