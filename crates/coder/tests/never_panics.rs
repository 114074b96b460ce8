//! The coder on any input: random text through the whole pipeline, and documents whose
//! annotation no parser would give (cycles, heads out of range, unknown relations), code
//! without a panic and without hanging.

mod common;

use chrono::NaiveDate;
use proptest::prelude::*;

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 10, 28).unwrap()
}

/// Words that make the coder work: actors, event verbs, pronouns, dates, punctuation.
const WORDS: [&str; 24] = [
    "Japan", "China", "Trump", "Xi", "met", "warned", "that", "it", "would", "attack", "he", "the",
    "two", "leaders", "on", "Monday", "if", "talks", "with", "and", ",", ".", "not", "urged",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_codes(words in proptest::collection::vec(0..WORDS.len(), 0..60)) {
        let text: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
        let (models, coder) = common::pipeline();
        let mut doc = dyad_text::tokenize(&text.join(" "));
        models.annotate(&mut doc);
        for event in coder.code("any", &doc, date()) {
            prop_assert!(event.action.start <= event.action.end);
            prop_assert!(event.action.end <= doc.text.len());
        }
    }

    #[test]
    fn any_annotation_codes(
        words in proptest::collection::vec(0..WORDS.len(), 1..40),
        heads in proptest::collection::vec(proptest::option::of(0usize..50), 40),
        relations in proptest::collection::vec(0usize..8, 40),
    ) {
        const RELATIONS: [&str; 8] =
            ["nsubj", "obj", "xcomp", "conj", "obl", "nmod", "ccomp", "weird:thing"];
        let text: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
        let (models, coder) = common::pipeline();
        let mut doc = dyad_text::tokenize(&text.join(" "));
        models.annotate(&mut doc);
        for (i, token) in doc.tokens.iter_mut().enumerate() {
            token.head = heads[i % heads.len()];
            token.deprel = RELATIONS[relations[i % relations.len()]].to_string();
        }
        let _ = coder.code("odd", &doc, date());
        let _ = coder.explain(&doc, date());
    }
}
