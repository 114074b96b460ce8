use super::*;
use proptest::prelude::*;

/// Invented sentences: (form, upos, xpos) per word.
const SENTENCES: &[&[(&str, &str, &str)]] = &[
    &[
        ("The", "DET", "DT"),
        ("envoys", "NOUN", "NNS"),
        ("signed", "VERB", "VBD"),
        ("a", "DET", "DT"),
        ("deal", "NOUN", "NN"),
        (".", "PUNCT", "."),
    ],
    &[
        ("Rebels", "NOUN", "NNS"),
        ("attacked", "VERB", "VBD"),
        ("the", "DET", "DT"),
        ("town", "NOUN", "NN"),
        ("on", "ADP", "IN"),
        ("Monday", "PROPN", "NNP"),
        (".", "PUNCT", "."),
    ],
    &[
        ("Ministers", "NOUN", "NNS"),
        ("will", "AUX", "MD"),
        ("meet", "VERB", "VB"),
        ("in", "ADP", "IN"),
        ("Geneva", "PROPN", "NNP"),
        (".", "PUNCT", "."),
    ],
];

fn corpus() -> Vec<ConlluSentence> {
    SENTENCES
        .iter()
        .map(|words| {
            let text: String = words
                .iter()
                .enumerate()
                .map(|(i, (form, upos, xpos))| {
                    format!("{}\t{form}\t_\t{upos}\t{xpos}\t_\t0\tdep\t_\t_\n", i + 1)
                })
                .collect();
            dyad_text::conllu::parse(&(text + "\n")).unwrap().remove(0)
        })
        .collect()
}

fn tiny_tagger() -> Tagger {
    Tagger::train(
        &corpus(),
        &TaggerConfig {
            epochs: 10,
            seed: 7,
            runs: 2,
        },
    )
}

fn pair(upos: &str, xpos: &str) -> (String, String) {
    (upos.to_string(), xpos.to_string())
}

#[test]
fn learns_its_training_sentences() {
    let tagger = tiny_tagger();
    for words in SENTENCES {
        let forms: Vec<&str> = words.iter().map(|w| w.0).collect();
        let expected: Vec<_> = words.iter().map(|w| pair(w.1, w.2)).collect();
        assert_eq!(tagger.predict(&forms), expected);
    }
}

#[test]
fn generalises_from_suffixes_and_context() {
    let tagger = tiny_tagger();
    let tags = tagger.predict(&["The", "rebels", "signed", "a", "truce", "."]);
    assert_eq!(tags[0], pair("DET", "DT"));
    assert_eq!(tags[2], pair("VERB", "VBD"));
    assert_eq!(tags[5], pair("PUNCT", "."));
}

#[test]
fn same_seed_same_model() {
    assert_eq!(tiny_tagger().to_bytes(), tiny_tagger().to_bytes());
}

#[test]
fn round_trips_through_bytes() {
    let tagger = tiny_tagger();
    let bytes = tagger.to_bytes();
    assert_eq!(Tagger::from_bytes(&bytes).unwrap(), tagger);
    assert!(Tagger::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    assert!(Tagger::from_bytes(b"not a model").is_err());
}

#[test]
fn odd_inputs_get_one_tag_per_word() {
    let tagger = tiny_tagger();
    assert!(tagger.predict(&[]).is_empty());
    assert_eq!(tagger.predict(&["", "🙂", "\t"]).len(), 3);
    assert_eq!(tagger.predict(&vec!["word"; 1000]).len(), 1000);
    let untrained = Tagger::train(&[], &TaggerConfig::default());
    assert_eq!(untrained.predict(&["a"]).len(), 1);
}

#[test]
fn shuffle_is_a_permutation() {
    let mut items: Vec<usize> = (0..50).collect();
    XorShift::new(0).shuffle(&mut items);
    let mut sorted = items.clone();
    sorted.sort();
    assert_eq!(sorted, (0..50).collect::<Vec<_>>());
    assert_ne!(items, sorted);
}

proptest! {
    #[test]
    fn predict_never_panics(forms in proptest::collection::vec(".{0,12}", 0..40)) {
        let tagger = tiny_tagger();
        let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
        prop_assert_eq!(tagger.predict(&forms).len(), forms.len());
    }
}

#[test]
fn taggers_of_different_sentences_do_not_average() {
    let other = Tagger::train(&corpus()[..2], &TaggerConfig::default());
    assert!(Tagger::mean(&[tiny_tagger(), other]).is_none());
    assert!(Tagger::mean(&[]).is_none());
}
