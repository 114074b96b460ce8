//! The shipped models, knowledge base and coder scored on the gold events of `tests/gold/`, at
//! the level the coder issue sets its bar on: PLOVER type with source and target countries.

mod common;

use std::path::Path;

use chrono::NaiveDate;
use dyad_coder::gold::{self, Split};
use dyad_coder::score::{Counts, EventKey, Level, add_item};

/// F1 at type + dyad level over the gold items of `split` (all when `None`).
fn type_and_dyad_f1(split: Option<Split>) -> f64 {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (models, coder) = common::pipeline();
    let items = gold::read_dir(&root.join("tests/gold")).unwrap_or_else(|e| panic!("{e}"));
    let mut counts = Counts::default();
    for item in items.iter().filter(|i| split.is_none_or(|s| s == i.split)) {
        let date = NaiveDate::parse_from_str(&item.date, "%Y-%m-%d").unwrap();
        let doc = models.annotate_text(&item.text);
        let coded: Vec<EventKey> = coder
            .code(&item.id, &doc, date)
            .iter()
            .map(EventKey::from_event)
            .collect();
        let gold: Vec<EventKey> = item.events.iter().map(EventKey::from_gold).collect();
        add_item(&mut counts, Level::TypeAndDyad, &gold, &coded);
    }
    counts.f1()
}

/// The bar. Not met yet (held-out F1 62.2, all items 67.0, `dyad eval events
/// tests/gold`), so it is ignored rather than weakened; run it with `--include-ignored`.
#[test]
#[ignore = "issue 4 is open: held-out type + dyad F1 is 62.2, the bar is 85"]
fn type_and_dyad_f1_reaches_the_bar_on_held_out_items() {
    let f1 = type_and_dyad_f1(Some(Split::HeldOut));
    assert!(f1 >= 85.0, "held-out type + dyad F1 {f1:.1} < 85.0");
}

/// What the coder reaches today on all items, so that a change that loses events shows. The
/// floor falls when a harder batch of gold joins the items, never otherwise.
#[test]
fn type_and_dyad_f1_does_not_fall_below_what_it_reached() {
    let f1 = type_and_dyad_f1(None);
    assert!(
        f1 >= 66.8,
        "type + dyad F1 {f1:.1} < 66.8, the last measured floor (67.0 measured)"
    );
}
