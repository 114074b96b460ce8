//! Sentence boundaries over the scanner's pieces.
//!
//! A sentence ends:
//! - after sentence punctuation (". ! ? ..." with the closing quotes and brackets after it, and
//!   a short bracketed note such as "[12]") when the next token does not start with a lowercase
//!   letter or continue the punctuation; in informal text a lowercase word after "." "!" "?"
//!   that directly follow a word also starts a sentence, but not after a closing quote
//!   ("'Why?' he asked") or an ellipsis. A quotation ending in "?" or "!" followed by a speaker
//!   and a verb of saying ("“Why?” Smith asked.") continues its sentence;
//! - after an abbreviation that may end a sentence ("Inc.", "U.S.") when the next word is one
//!   that usually opens a sentence ("The", "He", ...) or starts a new line; after "etc." before
//!   any capitalised word;
//! - at a blank line, always;
//! - at a line break after a headline-like line (title case, capitals, or much shorter than the
//!   next line, without final punctuation), or before a bulleted line;
//! - after a dateline at the start of a line: "TOKYO (Reuters) -", "WASHINGTON —",
//!   "SEOUL, Oct 27 (AP) —" form a sentence of their own, so the first real sentence of the
//!   article parses as a sentence and the dateline's place is easy to find.
//!
//! Punctuation inside a whitespace-free chunk ("alt.religion") never ends a sentence.

use std::ops::Range;

use crate::chars::char_at;
use crate::lexicon::{AbbreviationClass, SENTENCE_STARTERS, SPEECH_VERBS};
use crate::piece::{Gap, Kind, Piece};

/// The sentences of `pieces`, as ranges of piece indices covering all pieces in order.
///
/// An abbreviation that ends a sentence gives up its period to a token of its own ("in the
/// U.S." -> "U.S" + "."), as UD English EWT does, so every sentence ends in punctuation the
/// parser knows; `pieces` is updated accordingly.
pub(crate) fn split(text: &str, pieces: &mut Vec<Piece>) -> Vec<Range<usize>> {
    if pieces.is_empty() {
        return Vec::new();
    }
    let mut ends = vec![false; pieces.len()];
    mark_punctuation_ends(text, pieces, &mut ends);
    mark_line_ends(text, pieces, &mut ends);
    mark_datelines(text, pieces, &mut ends);
    *ends.last_mut().expect("pieces is not empty") = true;
    split_final_periods(text, pieces, &mut ends);
    ranges_from_ends(&ends)
}

/// Splits the period off abbreviations that end a sentence (before any closing quotes), but
/// not off initials ("Plan B."), where the letter alone would read as a word.
fn split_final_periods(text: &str, pieces: &mut Vec<Piece>, ends: &mut Vec<bool>) {
    let final_abbreviation = |i: usize, pieces: &[Piece], ends: &[bool]| {
        matches!(pieces[i].kind, Kind::Abbreviation(_)) && sentence_ends_in_closers(pieces, ends, i)
    };
    if !(0..pieces.len()).any(|i| final_abbreviation(i, pieces, ends)) {
        return;
    }
    let mut new_pieces = Vec::with_capacity(pieces.len() + 8);
    let mut new_ends = Vec::with_capacity(pieces.len() + 8);
    for i in 0..pieces.len() {
        let piece = pieces[i];
        let period = piece.end - 1;
        if final_abbreviation(i, pieces, ends) && text[piece.start..period].chars().nth(1).is_some()
        {
            new_pieces.push(Piece {
                end: period,
                kind: Kind::Word,
                ..piece
            });
            new_pieces.push(Piece {
                start: period,
                end: piece.end,
                kind: Kind::Terminal,
                gap: Gap::None,
            });
            new_ends.push(false);
        } else {
            new_pieces.push(piece);
        }
        new_ends.push(ends[i]);
    }
    *pieces = new_pieces;
    *ends = new_ends;
}

/// Whether the sentence containing piece `i` ends at `i` or after closers only.
fn sentence_ends_in_closers(pieces: &[Piece], ends: &[bool], i: usize) -> bool {
    let mut at = i;
    loop {
        if ends[at] {
            return true;
        }
        at += 1;
        if !matches!(pieces[at].kind, Kind::Closer | Kind::Quote) {
            return false;
        }
    }
}

fn ranges_from_ends(ends: &[bool]) -> Vec<Range<usize>> {
    let mut ranges = Vec::with_capacity(ends.len() / 16 + 1);
    let mut start = 0;
    for (i, _) in ends.iter().enumerate().filter(|(_, end)| **end) {
        ranges.push(start..i + 1);
        start = i + 1;
    }
    ranges
}

/// Sentence ends after terminal punctuation and sentence-final abbreviations.
fn mark_punctuation_ends(text: &str, pieces: &[Piece], ends: &mut [bool]) {
    let mut quotes = QuoteParity::default();
    let mut i = 0;
    while i < pieces.len() {
        let piece = pieces[i];
        if piece.gap == Gap::Paragraph {
            quotes = QuoteParity::default();
        }
        quotes.note(text, piece);
        let may_end = match piece.kind {
            Kind::Terminal => true,
            Kind::Abbreviation(class) => {
                matches!(
                    class,
                    AbbreviationClass::Ordinary | AbbreviationClass::ListEnd
                )
            }
            _ => false,
        };
        if !may_end {
            i += 1;
            continue;
        }
        let last = extend_over_closers(text, pieces, i, &mut quotes);
        ends[last] |= ends_after(text, pieces, i, last);
        i = last + 1;
    }
}

/// Whether a sentence ends after `pieces[last]`, where `pieces[i]` is sentence punctuation or
/// an abbreviation and `pieces[i + 1..=last]` the closing quotes and brackets after it.
fn ends_after(text: &str, pieces: &[Piece], i: usize, last: usize) -> bool {
    let Some(&next) = pieces.get(last + 1) else {
        return false;
    };
    let closed = last > i;
    if closed && introduces_speaker(text, &pieces[last + 1..]) {
        return false;
    }
    let after_word = i > 0 && pieces[i - 1].kind == Kind::Word;
    ends_before(text, pieces[i], next, closed, after_word)
}

/// Tracks whether a straight double quote is open, so a lone `"` after a period can be told
/// apart as closing or opening.
#[derive(Default)]
struct QuoteParity {
    open: bool,
}

impl QuoteParity {
    fn note(&mut self, text: &str, piece: Piece) {
        if is_double_quote(text, piece) {
            self.open = !self.open;
        }
    }
}

/// "”" can only close a quotation, so it belongs to the sentence before it even when sloppy
/// typing put a space before it ("her. ” The").
fn is_right_double_quote(text: &str, piece: Piece) -> bool {
    &text[piece.start..piece.end] == "\u{201d}"
}

fn is_double_quote(text: &str, piece: Piece) -> bool {
    &text[piece.start..piece.end] == "\""
}

/// The index of the last closing quote or bracket that follows the sentence punctuation at
/// `at` and so belongs to its sentence.
fn extend_over_closers(text: &str, pieces: &[Piece], at: usize, quotes: &mut QuoteParity) -> usize {
    let mut last = at;
    while let Some(&next) = pieces.get(last + 1) {
        if let Some(citation_end) = citation_after(text, pieces, last) {
            last = citation_end;
            continue;
        }
        let closes = match next.kind {
            Kind::Closer => next.gap <= Gap::Space,
            Kind::Quote => {
                next.gap == Gap::None
                    || (next.gap == Gap::Space
                        && (quotes.open || is_right_double_quote(text, next)))
            }
            _ => false,
        };
        if !closes {
            break;
        }
        quotes.note(text, next);
        last += 1;
    }
    last
}

/// The index of the "]" of a short bracketed note such as "[12]" or "[citation needed]"
/// right after piece `at`: such notes after a sentence's final period belong to that sentence.
fn citation_after(text: &str, pieces: &[Piece], at: usize) -> Option<usize> {
    const MAX_PIECES: usize = 6;
    let open = pieces.get(at + 1)?;
    if open.gap > Gap::Space || &text[open.start..open.end] != "[" {
        return None;
    }
    let inside = pieces.get(at + 2..)?.iter().take(MAX_PIECES);
    for (offset, piece) in inside.enumerate() {
        if piece.gap > Gap::Space {
            return None;
        }
        if &text[piece.start..piece.end] == "]" {
            return (offset > 0).then_some(at + 2 + offset);
        }
    }
    None
}

/// Whether `rest` opens with a speaker and a verb of saying ("Smith said", "I asked", "asked
/// the minister"), which continue a sentence after a quotation.
fn introduces_speaker(text: &str, rest: &[Piece]) -> bool {
    const MAX_NAME_WORDS: usize = 3;
    rest.iter()
        .take(MAX_NAME_WORDS + 1)
        .take_while(|p| matches!(p.kind, Kind::Word | Kind::Abbreviation(_)) && p.gap == Gap::Space)
        .any(|p| SPEECH_VERBS.contains(&&text[p.start..p.end]))
}

/// Whether a sentence ending in `end` (punctuation or abbreviation) stops before `next`;
/// `closed` tells whether closing quotes or brackets stand between them, `after_word` whether
/// a word comes right before `end`.
fn ends_before(text: &str, end: Piece, next: Piece, closed: bool, after_word: bool) -> bool {
    if next.gap == Gap::Paragraph {
        return true;
    }
    match end.kind {
        // Punctuation inside a chunk ("alt.religion", "CI.taiwan.gov") ends no sentence.
        _ if next.gap == Gap::None => false,
        Kind::Abbreviation(AbbreviationClass::ListEnd) => starts_sentence(text, next),
        Kind::Abbreviation(_) => {
            (next.gap == Gap::LineBreak && !starts_lowercase(text, next))
                || is_sentence_starter(text, next)
        }
        // Outside quotes, "?" or "." before a lowercase word still ends a sentence in informal
        // text ("where did you grow up? india?"); inside them it is usually a quote's end
        // ("'Why?' he asked"), and after an ellipsis a pause.
        _ if !closed && next.kind == Kind::Word && !is_ellipsis(text, end) && after_word => true,
        _ => starts_sentence(text, next),
    }
}

fn is_ellipsis(text: &str, piece: Piece) -> bool {
    let form = &text[piece.start..piece.end];
    form.contains("..") || form.contains('…')
}

/// Whether `next` can open a sentence after sentence punctuation.
fn starts_sentence(text: &str, next: Piece) -> bool {
    match next.kind {
        Kind::Word | Kind::Abbreviation(_) => !starts_lowercase(text, next),
        Kind::Number | Kind::Opener | Kind::Quote | Kind::Symbol | Kind::Dash => true,
        Kind::Terminal | Kind::Separator | Kind::Closer => false,
    }
}

fn starts_lowercase(text: &str, piece: Piece) -> bool {
    char_at(text, piece.start).is_lowercase()
}

fn is_sentence_starter(text: &str, piece: Piece) -> bool {
    piece.kind == Kind::Word && SENTENCE_STARTERS.contains(&&text[piece.start..piece.end])
}

/// Sentence ends at blank lines, after headline-like lines and before bulleted lines.
fn mark_line_ends(text: &str, pieces: &[Piece], ends: &mut [bool]) {
    let mut line_start = 0;
    for i in 1..pieces.len() {
        let gap = pieces[i].gap;
        if gap < Gap::LineBreak {
            continue;
        }
        if gap == Gap::Paragraph || line_ends_sentence(text, pieces, line_start..i) {
            ends[i - 1] = true;
        }
        line_start = i;
    }
}

/// Whether the line of `pieces[line]` ends a sentence at its line break.
fn line_ends_sentence(text: &str, pieces: &[Piece], line: Range<usize>) -> bool {
    let Some(&next) = pieces.get(line.end) else {
        return true;
    };
    if is_bullet(text, next) {
        return true;
    }
    if starts_lowercase(text, next) {
        return false;
    }
    let last = pieces[line.end - 1];
    if matches!(last.kind, Kind::Separator | Kind::Dash | Kind::Opener) {
        return false;
    }
    let next_line_len = line_length(pieces, line.end);
    let line_len = pieces[line.end - 1].end - pieces[line.start].start;
    is_title_like(text, &pieces[line]) || (line_len <= 100 && line_len * 3 < next_line_len * 2)
}

/// Bytes from the start of the line beginning at `start` to its last piece's end.
fn line_length(pieces: &[Piece], start: usize) -> usize {
    let end = pieces[start + 1..]
        .iter()
        .position(|p| p.gap >= Gap::LineBreak)
        .map_or(pieces.len(), |offset| start + 1 + offset);
    pieces[end - 1].end - pieces[start].start
}

/// A line starting with a bullet character.
fn is_bullet(text: &str, piece: Piece) -> bool {
    matches!(piece.kind, Kind::Symbol | Kind::Dash)
        && matches!(
            char_at(text, piece.start),
            '•' | '*' | '·' | '▪' | '■' | '‣' | '◦' | '-' | '–' | '—'
        )
}

/// Whether the words of a line are capitalised as in a headline: every word of four letters or
/// more starts with a capital, and there is at least one word.
fn is_title_like(text: &str, line: &[Piece]) -> bool {
    let mut words = 0;
    for piece in line.iter().filter(|p| p.kind == Kind::Word) {
        let word = &text[piece.start..piece.end];
        words += 1;
        if word.len() >= 4 && word.starts_with(char::is_lowercase) {
            return false;
        }
    }
    words > 0
}

/// Sentence ends after datelines at the start of lines (a byline may stand on the line before).
fn mark_datelines(text: &str, pieces: &[Piece], ends: &mut [bool]) {
    for (i, piece) in pieces.iter().enumerate() {
        if piece.gap >= Gap::LineBreak
            && let Some(end) = dateline_end(text, pieces, i)
        {
            ends[end] = true;
        }
    }
}

/// The index of the last piece of a dateline starting at `start`, if there is one: a place in
/// capitals ("TOKYO", "NEW YORK", "SAN FRANCISCO/BEIJING"), optionally followed by a comma and
/// more of the place or a date, optionally a parenthesised agency, then a standalone dash or
/// colon; or, without a dash, the place in capitals and the agency. A place not in capitals
/// ("Seoul, South Korea (AP) —") needs both the agency and the dash.
fn dateline_end(text: &str, pieces: &[Piece], start: usize) -> Option<usize> {
    const MAX_PIECES: usize = 16;
    let first = pieces[start];
    let capital_place = is_all_capitals(&text[first.start..first.end]);
    if first.kind != Kind::Word || (!capital_place && !char_at(text, first.start).is_uppercase()) {
        return None;
    }
    let mut in_place = true;
    let mut in_parens = false;
    let mut agency = false;
    let limit = pieces.len().min(start + MAX_PIECES);
    for i in start + 1..limit {
        let piece = pieces[i];
        if piece.gap >= Gap::LineBreak {
            return None;
        }
        let form = &text[piece.start..piece.end];
        match piece.kind {
            Kind::Dash if piece.gap != Gap::None && !in_parens => {
                return (capital_place || agency).then_some(i);
            }
            Kind::Separator if form == ":" && !in_parens => return capital_place.then_some(i),
            Kind::Separator if form == "," => in_place = false,
            Kind::Opener if form == "(" => in_parens = true,
            Kind::Closer if form == ")" && in_parens => {
                in_parens = false;
                agency = true;
                let next = pieces.get(i + 1)?;
                if capital_place && next.kind == Kind::Word && !starts_lowercase(text, *next) {
                    return Some(i);
                }
            }
            Kind::Word if in_parens => {}
            Kind::Word if in_place => {
                if !is_all_capitals(form) {
                    return None;
                }
            }
            Kind::Word | Kind::Number | Kind::Abbreviation(_) => {
                if starts_lowercase(text, piece) {
                    return None;
                }
            }
            Kind::Symbol if form == "/" => {}
            _ => return None,
        }
    }
    None
}

/// A word of two or more letters, all of them capitals.
fn is_all_capitals(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        letters += usize::from(c.is_alphabetic());
    }
    letters >= 2
}
