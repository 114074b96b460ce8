//! Tests on invented sentences.

use super::*;
use proptest::prelude::*;

fn sentence(text: &str) -> NerSentence {
    let (forms, tags) = text
        .split_whitespace()
        .map(|item| match item.split_once('/') {
            Some((form, tag)) => (form.to_string(), tag.to_string()),
            None => (item.to_string(), "O".to_string()),
        })
        .unzip();
    NerSentence {
        forms,
        upos: Vec::new(),
        tags,
    }
}

fn toy_corpus() -> Vec<NerSentence> {
    [
        "Talia/B-PER Venn/I-PER met officials in Karsk/B-LOC on Monday .",
        "The Ministry/B-ORG of/I-ORG Roads/I-ORG said Talia/B-PER Venn/I-PER left .",
        "Officials in Karsk/B-LOC praised the Ministry/B-ORG of/I-ORG Roads/I-ORG .",
        "Oren/B-PER Dall/I-PER flew to Karsk/B-LOC .",
        "the plan was praised by Oren/B-PER Dall/I-PER .",
    ]
    .iter()
    .map(|text| sentence(text))
    .collect()
}

fn trained() -> Ner {
    Ner::train(&toy_corpus(), &NerConfig { epochs: 8, seed: 3 })
}

fn well_formed(tags: &[String]) -> bool {
    let mut open: Option<&str> = None;
    tags.iter().all(|tag| {
        let fine = match tag.split_once('-') {
            Some(("B", kind)) => {
                open = Some(kind);
                true
            }
            Some(("I", kind)) => open == Some(kind),
            _ if tag == "O" => {
                open = None;
                true
            }
            _ => false,
        };
        fine && ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"].contains(&tag.as_str())
    })
}

#[test]
fn learns_invented_entities() {
    let ner = trained();
    let forms = [
        "Talia", "Venn", "praised", "the", "Ministry", "of", "Roads", "in", "Karsk",
    ];
    let tags = ner.predict(&forms, None);
    assert_eq!(tags[..2], ["B-PER", "I-PER"]);
    assert_eq!(tags[4..7], ["B-ORG", "I-ORG", "I-ORG"]);
    assert_eq!(tags[8], "B-LOC");
}

#[test]
fn saved_model_round_trips_and_rejects_garbage() {
    let ner = trained();
    let bytes = ner.to_bytes();
    assert_eq!(Ner::from_bytes(&bytes).unwrap(), ner);
    assert!(Ner::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    assert!(Ner::from_bytes(b"not a model").is_err());
}

#[test]
fn training_is_deterministic() {
    assert_eq!(trained().to_bytes(), trained().to_bytes());
}

#[test]
fn empty_and_mismatched_inputs_are_fine() {
    let ner = trained();
    assert!(ner.predict(&[], None).is_empty());
    let tags = ner.predict(&["Karsk", "x"], Some(&["PROPN"]));
    assert_eq!(tags.len(), 2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn predict_never_panics_and_is_well_formed(
        forms in prop::collection::vec("\\PC{0,12}", 0..20),
        with_upos in any::<bool>(),
    ) {
        let ner = trained();
        let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
        let upos = vec!["PROPN"; forms.len()];
        let tags = ner.predict(&forms, with_upos.then_some(&upos[..]));
        prop_assert_eq!(tags.len(), forms.len());
        prop_assert!(well_formed(&tags), "{:?}", tags);
    }
}
