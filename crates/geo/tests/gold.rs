//! Place resolution scored on the gold places of `tests/gold-places/` with the shipped
//! knowledge base.

use std::path::Path;

use dyad_geo::Geocoder;
use dyad_geo::gold::{GoldText, Outcome, read, score};

/// (gold mentions, right place) over the texts of `split` ("all" for every one).
fn scores(split: &str) -> (usize, usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let kb = dyad_kb::Kb::load(&[root.join("kb")]).expect("the shipped knowledge base reads");
    let geocoder = Geocoder::new(&kb);
    let texts: Vec<GoldText> =
        read(&root.join("tests/gold-places/places.jsonl")).expect("the gold file reads");
    let mut total = (0, 0);
    for text in texts.iter().filter(|t| split == "all" || t.split == split) {
        let outcomes = score(text, &geocoder.places(&dyad_text::tokenize(&text.text)));
        total.0 += outcomes.len();
        total.1 += outcomes.iter().filter(|o| **o == Outcome::Right).count();
    }
    total
}

fn share(part: usize, whole: usize) -> f64 {
    100.0 * part as f64 / whole.max(1) as f64
}

#[test]
fn the_gold_has_enough_mentions() {
    let (all, _) = scores("all");
    let (held_out, _) = scores("held-out");
    assert!(
        all >= 100 && held_out >= 100,
        "{all} mentions, {held_out} held out"
    );
}

#[test]
fn held_out_places_reach_the_bar() {
    let (gold, right) = scores("held-out");
    let accuracy = share(right, gold);
    assert!(
        accuracy >= 90.0,
        "right place for {accuracy:.1}% of held-out mentions"
    );
}

#[test]
fn every_place_reaches_the_bar() {
    let (gold, right) = scores("all");
    let accuracy = share(right, gold);
    assert!(
        accuracy >= 90.0,
        "right place for {accuracy:.1}% of mentions"
    );
}
