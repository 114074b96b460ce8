//! The gold quotes of `tests/gold-quotes/` and how a speaker is scored against them.

use std::path::Path;

use serde::Deserialize;

use crate::Quote;

/// One gold article.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldArticle {
    /// Item id ("qt-001").
    pub id: String,
    /// "tune" or "held-out".
    pub split: String,
    /// Publication date.
    pub date: String,
    /// The article body.
    pub text: String,
    /// Every quote, in order.
    pub quotes: Vec<GoldQuote>,
}

/// One gold quote.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    /// The quoted words, exactly as between the marks.
    pub quote: String,
    /// The fullest name or description of the speaker; `None` for words nobody said.
    pub speaker: Option<String>,
}

/// Reads a gold file (one article per line).
pub fn read(path: &Path) -> Result<Vec<GoldArticle>, String> {
    dyad_core::jsonl::read_records(path)
}

/// A speaker as compared: lowercase, without a leading article, straight apostrophes, single
/// spaces.
pub fn normalise(name: &str) -> String {
    let lower = name.trim().to_lowercase().replace('’', "'");
    let bare = ["the ", "a ", "an "]
        .iter()
        .find_map(|article| lower.strip_prefix(article))
        .unwrap_or(&lower);
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How one gold quote came out: the quote found with the same words, if any, and whether its
/// speaker is the gold speaker.
pub struct Judged<'a> {
    /// The gold quote.
    pub gold: &'a GoldQuote,
    /// The quote found with exactly the gold words.
    pub found: Option<&'a Quote>,
    /// Whether the found quote's speaker equals the gold speaker, as compared by [`normalise`].
    pub right: bool,
}

/// Each gold quote of `article` against the quotes `found` in its text.
pub fn judge<'a>(article: &'a GoldArticle, found: &'a [Quote]) -> Vec<Judged<'a>> {
    article
        .quotes
        .iter()
        .map(|gold| {
            let quote = found.iter().find(|q| q.text(&article.text) == gold.quote);
            let said = quote
                .and_then(|q| q.speaker.as_ref())
                .map(|s| normalise(&s.name));
            let right = quote.is_some() && said == gold.speaker.as_deref().map(normalise);
            Judged {
                gold,
                found: quote,
                right,
            }
        })
        .collect()
}

/// Counts of one article: (gold quotes, quotes found, speakers right).
pub fn score(article: &GoldArticle, found: &[Quote]) -> (usize, usize, usize) {
    let judged = judge(article, found);
    let seen = judged.iter().filter(|j| j.found.is_some()).count();
    let right = judged.iter().filter(|j| j.right).count();
    (article.quotes.len(), seen, right)
}
