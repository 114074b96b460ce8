//! The scanner's working representation of a token: its span plus what the sentence splitter
//! needs to know about it.

use crate::lexicon::AbbreviationClass;

/// The whitespace that precedes a piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Gap {
    /// Glued to the previous piece (same whitespace-free chunk).
    None,
    /// Spaces or tabs, no line break.
    Space,
    /// Exactly one line break.
    LineBreak,
    /// A blank line (two or more line breaks), or the start of the text.
    Paragraph,
}

/// What a piece is, as far as sentence splitting cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (possibly with digits, apostrophes, internal hyphens or periods).
    Word,
    /// Starts with a digit.
    Number,
    /// A word that keeps its final period.
    Abbreviation(AbbreviationClass),
    /// A run of sentence-final punctuation: ".", "?!", "...".
    Terminal,
    /// An opening bracket or quote.
    Opener,
    /// A closing bracket or quote.
    Closer,
    /// A straight quote standing alone, opening or closing by context.
    Quote,
    /// A hyphen run or a long dash standing as a token.
    Dash,
    /// Comma, semicolon or colon.
    Separator,
    /// Any other symbol.
    Symbol,
}

/// One token as the scanner produces it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What the piece is.
    pub kind: Kind,
    /// The whitespace before it.
    pub gap: Gap,
}

/// Collects pieces, giving the gap before a chunk to the chunk's first piece only.
pub(crate) struct Emitter<'a> {
    out: &'a mut Vec<Piece>,
    gap: Gap,
}

impl<'a> Emitter<'a> {
    /// An emitter whose next piece follows `gap`.
    pub fn new(out: &'a mut Vec<Piece>, gap: Gap) -> Self {
        Emitter { out, gap }
    }

    /// Whether the next piece is the first of a line.
    pub fn at_line_start(&self) -> bool {
        self.gap >= Gap::LineBreak
    }

    /// Appends a piece; empty spans are ignored so callers need not check.
    #[inline]
    pub fn push(&mut self, start: usize, end: usize, kind: Kind) {
        if start < end {
            self.out.push(Piece {
                start,
                end,
                kind,
                gap: self.gap,
            });
            self.gap = Gap::None;
        }
    }
}
