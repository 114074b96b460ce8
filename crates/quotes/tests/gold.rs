//! Quote attribution scored on the gold quotes of `tests/gold-quotes/` with the shipped models.

use std::path::Path;

use dyad_nlp::Models;
use dyad_quotes::gold::{GoldArticle, read, score};

/// (gold quotes, found, right speaker) over the articles of `split` ("all" for every one).
fn scores(split: &str) -> (usize, usize, usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let models = Models::load(&root.join("models")).expect("the shipped models load");
    let articles: Vec<GoldArticle> =
        read(&root.join("tests/gold-quotes/quotes.jsonl")).expect("the gold file reads");
    let mut total = (0, 0, 0);
    for article in articles
        .iter()
        .filter(|a| split == "all" || a.split == split)
    {
        let doc = models.annotate_text(&article.text);
        let (gold, found, right) = score(article, &dyad_quotes::quotes(&doc));
        total = (total.0 + gold, total.1 + found, total.2 + right);
    }
    total
}

fn share(part: usize, whole: usize) -> f64 {
    100.0 * part as f64 / whole.max(1) as f64
}

#[test]
fn every_gold_quote_is_found() {
    let (gold, found, _) = scores("all");
    assert!(gold >= 200, "{gold} gold quotes");
    assert_eq!(found, gold, "found {found} of {gold} quotes");
}

/// Today's floor on every article, so a change that loses attributions fails.
#[test]
fn speakers_do_not_fall_below_todays_floor() {
    let (gold, _, right) = scores("all");
    let accuracy = share(right, gold);
    assert!(
        accuracy >= 95.0,
        "right speaker for {accuracy:.1}% of quotes"
    );
}

/// The bar: 90% right speaker on the articles never used for tuning.
#[test]
fn speakers_reach_the_bar_on_held_out_articles() {
    let (gold, _, right) = scores("held-out");
    let accuracy = share(right, gold);
    assert!(
        accuracy >= 90.0,
        "right speaker for {accuracy:.1}% of held-out quotes"
    );
}

proptest::proptest! {
    /// Any text, however its marks are balanced, gives quotes whose spans lie inside it on
    /// character boundaries, and attribution never panics.
    #[test]
    fn any_text_gives_valid_spans(text in "[a-zA-Z ,.\"“”‘’\n—-]{0,200}") {
        let mut doc = dyad_text::tokenize(&text);
        for token in &mut doc.tokens {
            token.upos = "PROPN".to_string();
        }
        for quote in dyad_quotes::quotes(&doc) {
            proptest::prop_assert!(quote.start <= quote.end && quote.end <= text.len());
            proptest::prop_assert!(text.is_char_boundary(quote.start) && text.is_char_boundary(quote.end));
        }
    }
}
