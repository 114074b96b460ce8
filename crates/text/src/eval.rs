//! Scoring [`crate::tokenize`] against a UD treebank, CoNLL 2018 style: tokens and sentences
//! count as correct when their spans in the raw text match the gold spans exactly.
//!
//! The raw text is rebuilt from the `# text` lines: sentences of one paragraph joined by one
//! space, paragraphs separated by a blank line at `# newpar` or `# newdoc` (so a file without
//! `# newpar` markers breaks at documents only). Gold tokens are the syntactic words located in
//! that text. The words of a multiword token get their own spans when their forms spell its
//! surface ("Google's" = "Google" + "'s"); otherwise the whole surface counts as one token on
//! both sides: system tokens lying inside it are merged into one before matching.

use std::fmt;

use dyad_core::{Doc, Span};

use crate::conllu::{self, ConlluError, ConlluSentence};

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Items in the gold standard.
    pub gold: usize,
    /// Items the system produced.
    pub system: usize,
    /// System items that match a gold item exactly.
    pub correct: usize,
}

impl Counts {
    /// Correct over system, in percent (100 when the system produced nothing and no gold
    /// exists).
    pub fn precision(&self) -> f64 {
        percent(self.correct, self.system)
    }

    /// Correct over gold, in percent.
    pub fn recall(&self) -> f64 {
        percent(self.correct, self.gold)
    }

    /// Harmonic mean of precision and recall, in percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Counts from two sorted span lists.
    fn matching(gold: &[Span], system: &[Span]) -> Counts {
        Counts {
            gold: gold.len(),
            system: system.len(),
            correct: count_equal(gold, system),
        }
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        if part == 0 { 100.0 } else { 0.0 }
    } else {
        100.0 * part as f64 / whole as f64
    }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P {:6.2} R {:6.2} F1 {:6.2} (gold {}, system {}, correct {})",
            self.precision(),
            self.recall(),
            self.f1(),
            self.gold,
            self.system,
            self.correct
        )
    }
}

/// Token and sentence scores of the tokenizer on one treebank file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TreebankScores {
    /// Exact token span matches.
    pub tokens: Counts,
    /// Exact sentence span matches.
    pub sentences: Counts,
    /// Bytes of rebuilt raw text.
    pub text_bytes: usize,
    /// Gold tokens whose form could not be found in their sentence's `# text` (left out of the
    /// gold counts).
    pub unaligned_tokens: usize,
}

impl fmt::Display for TreebankScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "tokens {} | sentences {}", self.tokens, self.sentences)?;
        if self.unaligned_tokens > 0 {
            write!(
                f,
                " | {} gold tokens not found in # text",
                self.unaligned_tokens
            )?;
        }
        Ok(())
    }
}

/// The raw text of a treebank with its gold token and sentence spans.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoldDocument {
    /// The rebuilt raw text.
    pub text: String,
    /// Gold token spans in order.
    pub tokens: Vec<Span>,
    /// Gold sentence spans in order.
    pub sentences: Vec<Span>,
    /// Surfaces of multiword tokens whose words do not spell them; each is one gold token.
    pub merged: Vec<Span>,
    /// Gold tokens not found in their sentence's text.
    pub unaligned_tokens: usize,
}

/// Parses a CoNLL-U treebank, tokenizes its raw text and scores the result.
pub fn score_treebank(conllu: &str) -> Result<TreebankScores, ConlluError> {
    let gold = gold_document(&conllu::parse(conllu)?);
    let doc = crate::tokenize(&gold.text);
    Ok(score(&gold, &doc))
}

/// Scores `doc`, which must be a tokenization of `gold.text`, against the gold spans.
pub fn score(gold: &GoldDocument, doc: &Doc) -> TreebankScores {
    let system_tokens = merge_inside(&gold.merged, doc.tokens.iter().map(|t| t.span));
    let system_sentences: Vec<Span> = doc.sentences.iter().map(|s| s.span).collect();
    TreebankScores {
        tokens: Counts::matching(&gold.tokens, &system_tokens),
        sentences: Counts::matching(&gold.sentences, &system_sentences),
        text_bytes: gold.text.len(),
        unaligned_tokens: gold.unaligned_tokens,
    }
}

/// Rebuilds the raw text of `sentences` and locates their gold tokens in it.
pub fn gold_document(sentences: &[ConlluSentence]) -> GoldDocument {
    let mut gold = GoldDocument::default();
    for (index, sentence) in sentences.iter().enumerate() {
        if index > 0 {
            gold.text.push_str(if sentence.newpar || sentence.newdoc {
                "\n\n"
            } else {
                " "
            });
        }
        let base = gold.text.len();
        let first_token = gold.tokens.len();
        match &sentence.text {
            Some(text) => gold.text.push_str(text.trim()),
            None => gold
                .text
                .push_str(&conllu::to_doc(std::slice::from_ref(sentence)).text),
        }
        locate_tokens(sentence, base, &mut gold);
        if let (Some(first), Some(last)) = (gold.tokens.get(first_token), gold.tokens.last())
            && gold.tokens.len() > first_token
        {
            gold.sentences.push(Span::new(first.start, last.end));
        }
    }
    gold
}

/// Finds each surface token of `sentence` in the text from `base` on and records its spans.
fn locate_tokens(sentence: &ConlluSentence, base: usize, gold: &mut GoldDocument) {
    let mut cursor = base;
    for token in sentence.surface_tokens() {
        let form = token.form.trim();
        let rest = &gold.text[cursor..];
        let skipped = rest.len() - rest.trim_start().len();
        let found = if rest[skipped..].starts_with(form) {
            Some(skipped)
        } else {
            rest.find(form)
        };
        let Some(offset) = found.filter(|_| !form.is_empty()) else {
            gold.unaligned_tokens += token.words.len();
            continue;
        };
        let start = cursor + offset;
        let end = start + form.len();
        match token.word_offsets() {
            Some(offsets) if form.len() == token.form.len() => {
                gold.tokens.extend(
                    offsets
                        .iter()
                        .map(|&(from, to)| Span::new(start + from, start + to)),
                );
            }
            _ if token.words.len() > 1 => {
                gold.tokens.push(Span::new(start, end));
                gold.merged.push(Span::new(start, end));
            }
            _ => gold.tokens.push(Span::new(start, end)),
        }
        cursor = end;
    }
}

/// System spans with those lying inside one of the sorted `regions` merged into one span each.
fn merge_inside(regions: &[Span], spans: impl Iterator<Item = Span>) -> Vec<Span> {
    let mut merged: Vec<Span> = Vec::new();
    let mut regions = regions.iter().peekable();
    let mut last_region: Option<Span> = None;
    for span in spans {
        while regions.next_if(|r| r.end <= span.start).is_some() {}
        let region = regions
            .peek()
            .copied()
            .filter(|r| r.start <= span.start && span.end <= r.end);
        match (region, merged.last_mut()) {
            (Some(r), Some(previous)) if last_region == Some(*r) && previous.start >= r.start => {
                previous.end = span.end;
            }
            _ => merged.push(span),
        }
        last_region = region.copied();
    }
    merged
}

/// How many spans appear in both sorted lists.
fn count_equal(a: &[Span], b: &[Span]) -> usize {
    let (mut i, mut j, mut equal) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                equal += 1;
                i += 1;
                j += 1;
            }
        }
    }
    equal
}

/// The treebanks' folder for tests and tools run from a source checkout: `$DYAD_CORPORA`, else
/// `shared/corpora` beside the repository. When it is absent, `Err` holds the note a test prints
/// before skipping.
pub fn shared_corpora() -> Result<std::path::PathBuf, String> {
    let dir = match std::env::var_os("DYAD_CORPORA") {
        Some(dir) => std::path::PathBuf::from(dir),
        None => std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora"),
    };
    if dir.is_dir() {
        Ok(dir)
    } else {
        Err(format!(
            "skipped: ../shared/corpora not found (looked in {})",
            dir.display()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TREEBANK: &str = "# newdoc\n# text = It's late.\n\
        1-2\tIt's\t_\t_\t_\t_\t_\t_\t_\t_\n\
        1\tIt\t_\t_\t_\t_\t_\t_\t_\t_\n2\t's\t_\t_\t_\t_\t_\t_\t_\t_\n\
        3\tlate\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n\
        # newpar\n# text = Go home.\n\
        1\tGo\t_\t_\t_\t_\t_\t_\t_\t_\n2\thome\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\
        3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n";

    #[test]
    fn rebuilds_text_and_gold_spans() {
        let gold = gold_document(&conllu::parse(TREEBANK).unwrap());
        assert_eq!(gold.text, "It's late.\n\nGo home.");
        let forms: Vec<&str> = gold.tokens.iter().map(|s| s.of(&gold.text)).collect();
        assert_eq!(forms, ["It", "'s", "late", ".", "Go", "home", "."]);
        assert_eq!(gold.sentences.len(), 2);
    }

    #[test]
    fn perfect_tokenization_scores_100() {
        let scores = score_treebank(TREEBANK).unwrap();
        assert_eq!(scores.tokens.correct, 7);
        assert_eq!(scores.tokens.f1(), 100.0);
        assert_eq!(scores.sentences.f1(), 100.0);
        assert!(scores.to_string().starts_with("tokens P 100.00"));
    }

    #[test]
    fn merges_system_tokens_inside_unspelled_surfaces() {
        let regions = [Span::new(4, 10)];
        let spans = [
            Span::new(0, 3),
            Span::new(4, 7),
            Span::new(7, 10),
            Span::new(11, 12),
        ];
        let merged = merge_inside(&regions, spans.into_iter());
        assert_eq!(
            merged,
            [Span::new(0, 3), Span::new(4, 10), Span::new(11, 12)]
        );
    }
}
