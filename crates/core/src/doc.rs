use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A half-open range of UTF-8 byte offsets into a text: `text[start..end]`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The slice of `text` this span covers.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// The span as a `Range`, for slicing.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// One token (a UD syntactic word): a span of the document text and, once the nlp stage has
/// run, its annotations (empty strings and `None` until then).
///
/// A token's form is always the exact text it spans; clitics such as "n't" in "don't" are
/// separate tokens over their own bytes, so no token carries text that is not in the body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Where the token is in the document text.
    pub span: Span,
    /// Universal part of speech (`NOUN`, `VERB`, `PROPN`, ...).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub upos: String,
    /// Penn Treebank tag (`NNS`, `VBD`, ...).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub xpos: String,
    /// Dictionary form ("signed" -> "sign").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lemma: String,
    /// Index in [`Doc::tokens`] of the syntactic head; `None` for the sentence root or before
    /// parsing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<usize>,
    /// UD v2 relation to the head, with subtype (`nsubj:pass`, `obl:agent`); `root` for the root.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub deprel: String,
    /// Named-entity tag in IOB2 (`B-PER`, `I-ORG`, `O`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ner: String,
}

impl Token {
    /// An unannotated token over `span`.
    pub fn new(span: Span) -> Self {
        Token {
            span,
            ..Token::default()
        }
    }
}

/// The universal part of a UD relation: "nsubj" for "nsubj:pass" (what LAS is scored on).
pub fn universal_relation(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

/// One sentence: a span of the text and the range of its tokens in [`Doc::tokens`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// From the first byte of the first token to the end of the last one.
    pub span: Span,
    /// Indices into [`Doc::tokens`].
    pub tokens: Range<usize>,
}

/// A document: the text it owns and the sentences and tokens that point into it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Doc {
    /// The article body; every span indexes into it.
    pub text: String,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// All tokens of all sentences, in text order.
    pub tokens: Vec<Token>,
}

impl Doc {
    /// The surface form of token `index`.
    pub fn token_text(&self, index: usize) -> &str {
        self.tokens[index].span.of(&self.text)
    }

    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.clone()]
    }

    /// Whether the token at `index` is directly followed by whitespace or the end of the text,
    /// which is what CoNLL-U's `SpaceAfter=No` records the absence of.
    pub fn space_after(&self, index: usize) -> bool {
        let end = self.tokens[index].span.end;
        match self.text[end..].chars().next() {
            None => true,
            Some(next) => next.is_whitespace(),
        }
    }
}
