//! Character classes the scanner works with.

/// Whether `c` continues a word: letters, digits, underscore, and the combining marks and
/// joiners that belong to the character before them.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric() || is_combining(c)
    }
}

/// Combining marks, zero-width joiners, variation selectors and emoji modifiers: never the
/// start of a token of their own when something precedes them.
#[inline]
pub(crate) fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{094F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0020}'..='\u{E007F}'
    )
}

/// Sentence-final punctuation; runs of these ("?!", "...") form one token.
#[inline]
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Opening brackets and quotes that are unambiguous.
#[inline]
pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '“' | '‘' | '«' | '‹' | '„' | '‚' | '¿' | '¡' | '`'
    )
}

/// Closing brackets and quotes that are unambiguous.
#[inline]
pub(crate) fn is_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '”' | '’' | '»' | '›')
}

/// Quote characters that open or close depending on where they stand.
#[inline]
pub(crate) fn is_straight_quote(c: char) -> bool {
    matches!(c, '"' | '\'')
}

/// Apostrophes as they appear inside words: straight, right single quote, modifier letter
/// apostrophe, and the backtick some keyboards produce.
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`')
}

/// Dashes that always stand alone.
#[inline]
pub(crate) fn is_long_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―' | '‒' | '⸺' | '⸻')
}

/// Currency signs written before an amount.
#[inline]
pub(crate) fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '₹' | '₩' | '₽' | '₪' | '¢')
}

/// Line-break weight of a whitespace character: 1 for a line break, 2 for characters that
/// separate paragraphs by themselves, 0 otherwise. A lone '\r' counts as a line break; in
/// "\r\n" only the '\n' counts.
#[inline]
pub(crate) fn line_break_weight(c: char, next: Option<char>) -> u8 {
    match c {
        '\n' | '\u{0085}' | '\u{2028}' | '\u{000B}' => 1,
        '\r' if next != Some('\n') => 1,
        '\u{2029}' | '\u{000C}' => 2,
        _ => 0,
    }
}

/// The character starting at byte `at` of `text`; `at` must be a char boundary inside it.
#[inline]
pub(crate) fn char_at(text: &str, at: usize) -> char {
    text[at..].chars().next().unwrap_or('\0')
}

/// The character ending at byte `at` of `text`; `at` must be a char boundary after its start.
#[inline]
pub(crate) fn char_before(text: &str, at: usize) -> char {
    text[..at].chars().next_back().unwrap_or('\0')
}
