//! Sentences and tokens with UTF-8 byte offsets, following UD English tokenization.
//!
//! [`tokenize`] is the entry point of the pipeline's text stage; [`conllu`] reads and writes
//! CoNLL-U, and [`eval`] scores the tokenizer against a UD treebank.

mod chars;
mod chunk;
pub mod conllu;
pub mod eval;
mod lexicon;
#[cfg(test)]
mod news_tests;
mod piece;
mod scan;
mod sentences;

use dyad_core::{Doc, Sentence, Span, Token};

/// Splits `text` into sentences and UD English tokens (syntactic words).
///
/// Every token is a non-empty span of `text` on char boundaries, without whitespace at its
/// edges; tokens are in order, do not overlap, and together cover every non-whitespace
/// character. Sentences cover all tokens in order and never span a blank line. Never panics.
pub fn tokenize(text: &str) -> Doc {
    let mut pieces = scan::scan(text);
    let sentences = sentences::split(text, &mut pieces)
        .into_iter()
        .map(|range| Sentence {
            span: Span::new(pieces[range.start].start, pieces[range.end - 1].end),
            tokens: range,
        })
        .collect();
    let tokens = pieces
        .iter()
        .map(|p| Token::new(Span::new(p.start, p.end)))
        .collect();
    Doc {
        text: text.to_string(),
        sentences,
        tokens,
    }
}
