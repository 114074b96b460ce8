//! Splitting one whitespace-free chunk of text into UD English tokens.
//!
//! A chunk is peeled from both ends (opening quotes and brackets in front; closing ones, commas,
//! sentence punctuation and the like behind), then its core is split at the punctuation inside
//! it, except where UD English keeps a word whole: numbers ("50,000", "6.5", "10:30", "9/11"),
//! abbreviations ("U.S.", "p.m."), hyphenated words with a prefix such as "non-" or "e-",
//! names with apostrophes ("O'Reilly"), URLs, e-mail addresses, hashtags and mentions. Clitics
//! ("'s", "n't", "'ll") and fused words ("gonna", "cannot") become tokens of their own.

use crate::chars::{
    char_at, char_before, is_apostrophe, is_closer, is_currency, is_long_dash, is_opener,
    is_straight_quote, is_terminal, is_word_char,
};
use crate::lexicon::{self, AbbreviationClass, DOMAIN_ENDINGS, EMOTICONS, HYPHEN_PREFIXES, UNITS};
use crate::piece::{Emitter, Kind};

/// Clitics UD English splits off the word before them, written after the apostrophe.
const CLITICS: &[&str] = &["s", "re", "ve", "ll", "d", "m"];

/// Splits `text[start..end]`, which holds no whitespace, into pieces.
pub(crate) fn push_chunk(text: &str, start: usize, end: usize, out: &mut Emitter) {
    let chunk = &text[start..end];
    if chunk.bytes().all(|b| b.is_ascii_alphabetic()) {
        push_word(text, start, end, out);
        return;
    }
    if EMOTICONS.contains(&chunk) || (out.at_line_start() && is_list_number(chunk)) {
        let kind = if chunk.starts_with(|c: char| c.is_ascii_digit()) {
            Kind::Number
        } else {
            Kind::Symbol
        };
        out.push(start, end, kind);
        return;
    }
    let lo = push_leading(text, start, end, out);
    let hi = core_end(text, lo, end);
    push_core(text, lo, hi, out);
    push_punctuation(text, hi, end, out, Kind::Closer);
}

/// "1.", "12." or "2.1." opening a line: a list item's or section's number, one token.
fn is_list_number(chunk: &str) -> bool {
    chunk.strip_suffix('.').is_some_and(|number| {
        number.len() <= 8
            && number
                .split('.')
                .all(|part| (1..=2).contains(&part.len()) && all_digits(part))
    })
}

/// Emits the punctuation in front of the word and returns where the word starts.
fn push_leading(text: &str, start: usize, end: usize, out: &mut Emitter) -> usize {
    let mut at = start;
    while at < end {
        let c = char_at(text, at);
        if is_word_char(c) || keeps_leading(text, at, end, c) {
            break;
        }
        let piece_end = whole_symbol_end(text, at, end)
            .unwrap_or_else(|| punctuation_run_end(text, at, end, c));
        let kind = punctuation_kind(c, leading_quote_kind(at == start, piece_end == end));
        out.push(at, piece_end, kind);
        at = piece_end;
    }
    at
}

/// A straight quote in front of a word opens; one ending a chunk of punctuation (`..."`)
/// closes; one standing alone could be either.
fn leading_quote_kind(at_chunk_start: bool, at_chunk_end: bool) -> Kind {
    match (at_chunk_start, at_chunk_end) {
        (true, true) => Kind::Quote,
        (false, true) => Kind::Closer,
        _ => Kind::Opener,
    }
}

/// The end of an emoticon starting at `at` and followed by punctuation or nothing.
fn whole_symbol_end(text: &str, at: usize, end: usize) -> Option<usize> {
    let rest = &text[at..end];
    EMOTICONS
        .iter()
        .filter(|symbol| rest.starts_with(*symbol))
        .map(|symbol| at + symbol.len())
        .find(|&symbol_end| symbol_end == end || !is_word_char(char_at(text, symbol_end)))
}

/// Whether the non-word character `c` at `at` starts the word rather than standing alone:
/// "'90s", "#tag", "@name", ".5", "-3", "+44", and a bare clitic such as "'s".
fn keeps_leading(text: &str, at: usize, end: usize, c: char) -> bool {
    let after = at + c.len_utf8();
    let next = if after < end {
        char_at(text, after)
    } else {
        return false;
    };
    match c {
        // Only a letter can start a clitic; checking that first keeps runs of quotes linear.
        '\'' | '’' | '‘' => {
            next.is_ascii_digit()
                || (next.is_alphabetic() && is_bare_clitic(&text[at..core_end(text, at, end)]))
        }
        '#' | '@' => is_word_char(next),
        '.' => next.is_alphanumeric(),
        '-' | '+' => next.is_ascii_digit(),
        _ => false,
    }
}

/// Where the core of the chunk ends: trailing closers, commas, sentence punctuation and
/// symbols are peeled off, but a period that belongs to an abbreviation stays.
fn core_end(text: &str, lo: usize, end: usize) -> usize {
    let mut hi = end;
    while hi > lo {
        let c = char_before(text, hi);
        if is_word_char(c) || !is_trailing_punctuation(c) {
            break;
        }
        if c == '.' && period_belongs_to_word(text, lo, hi, end) {
            break;
        }
        if c == '-' && hi - 1 > lo && is_word_char(char_before(text, hi - 1)) {
            // A word broken off ("th-", "pre- and post-war") keeps its hyphen.
            break;
        }
        hi -= c.len_utf8();
    }
    hi
}

/// Characters that are split off the end of a word. Slashes, plus and hash signs stay, for
/// URLs ("example.com/"), "C++" and "C#".
fn is_trailing_punctuation(c: char) -> bool {
    !matches!(c, '/' | '+' | '#' | '_')
}

/// Whether the period ending at `hi` is part of an abbreviation, initial or dotted acronym.
fn period_belongs_to_word(text: &str, lo: usize, hi: usize, end: usize) -> bool {
    let period = hi - 1;
    if period == lo || is_terminal(char_before(text, period)) {
        return false;
    }
    if hi < end && char_at(text, hi) == '.' {
        return false;
    }
    let word = dotted_word_before(text, lo, period);
    let word_start = period - word.len();
    if word_start > lo && is_apostrophe(char_before(text, word_start)) {
        // "didn't." is not the initial "t."
        return false;
    }
    match lexicon::abbreviation_class(word) {
        Some(AbbreviationClass::BeforeNumber) => next_text_starts_with_digit(text, end),
        Some(_) => true,
        None => is_initial(word) || is_dotted_acronym(word),
    }
}

/// Whether the first non-whitespace character from `at` on is a digit ("No. 5").
fn next_text_starts_with_digit(text: &str, at: usize) -> bool {
    text[at..]
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit())
}

/// The word of letters and periods that ends at `at`: "U.S" in "non-U.S.".
fn dotted_word_before(text: &str, lo: usize, at: usize) -> &str {
    let head = &text[lo..at];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(is_word_char(c) || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

/// Whether `word` (without its final period) keeps the period: a listed abbreviation, a
/// single-letter initial, or a dotted acronym such as "U.S" or "Ph.D".
fn is_abbreviation(word: &str) -> bool {
    is_initial(word) || is_dotted_acronym(word) || lexicon::abbreviation_class(word).is_some()
}

/// A single letter other than the pronoun "I".
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic() && c != 'I')
}

fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        })
}

/// The class a word ending in a kept period gets at a possible sentence end.
fn abbreviation_kind(word: &str) -> Kind {
    let bare = word.strip_suffix('.').unwrap_or(word);
    let bare = dotted_word_before(bare, 0, bare.len());
    let class = lexicon::abbreviation_class(bare).unwrap_or(AbbreviationClass::Ordinary);
    Kind::Abbreviation(class)
}

/// Emits the word between the peeled punctuation: URL, e-mail, tag, or words with the
/// punctuation inside them split off, and a final clitic.
fn push_core(text: &str, lo: usize, hi: usize, out: &mut Emitter) {
    if lo >= hi {
        return;
    }
    let core = &text[lo..hi];
    if is_bare_clitic(core) || is_url_or_email(core) || is_tag(core) {
        out.push(lo, hi, Kind::Word);
        return;
    }
    let body_end = clitic_start(text, lo, hi);
    push_body(text, lo, body_end, out);
    out.push(body_end, hi, Kind::Word);
}

/// A clitic standing alone, as in "Jones 's" or "do n't".
fn is_bare_clitic(core: &str) -> bool {
    let mut chars = core.chars();
    match chars.next() {
        Some(c) if is_apostrophe(c) => {
            let rest = chars.as_str();
            lexicon::contains_ignore_case(CLITICS, rest) || rest.eq_ignore_ascii_case("em")
        }
        Some('n' | 'N') => is_negation(core),
        _ => false,
    }
}

fn is_negation(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(chars.next(), Some('n' | 'N'))
        && matches!(chars.next(), Some(c) if is_apostrophe(c))
        && matches!(chars.next(), Some('t' | 'T'))
        && chars.next().is_none()
}

/// Where a final clitic ("n't", "'s", "'ll", ...) starts, or `hi` when there is none.
fn clitic_start(text: &str, lo: usize, hi: usize) -> usize {
    let core = &text[lo..hi];
    negation_start(core)
        .or_else(|| {
            CLITICS
                .iter()
                .find_map(|clitic| apostrophe_clitic_start(core, clitic))
        })
        .map_or(hi, |at| lo + at)
}

/// Where "n't" starts in a word ending with it after at least one letter ("do|n't").
fn negation_start(word: &str) -> Option<usize> {
    let mut chars = word.char_indices().rev();
    let (_, t) = chars.next()?;
    let (_, apostrophe) = chars.next()?;
    let (n_at, n) = chars.next()?;
    let negation = matches!(t, 't' | 'T') && is_apostrophe(apostrophe) && matches!(n, 'n' | 'N');
    (negation && word[..n_at].ends_with(char::is_alphabetic)).then_some(n_at)
}

/// Where the apostrophe of `clitic` starts in a word ending with it ("Japan|'s").
fn apostrophe_clitic_start(word: &str, clitic: &str) -> Option<usize> {
    let clitic_at = word.len().checked_sub(clitic.len())?;
    if !word.is_char_boundary(clitic_at) || !word[clitic_at..].eq_ignore_ascii_case(clitic) {
        return None;
    }
    let apostrophe = word[..clitic_at]
        .chars()
        .next_back()
        .filter(|&c| is_apostrophe(c))?;
    let apostrophe_at = clitic_at - apostrophe.len_utf8();
    let head = &word[..apostrophe_at];
    // "1960's" and "80's" stay whole.
    let decade = clitic.eq_ignore_ascii_case("s") && head.ends_with(|c: char| c.is_ascii_digit());
    // "U.N.'s" splits after the acronym's last period.
    let acronym = head
        .strip_suffix('.')
        .is_some_and(|bare| is_dotted_acronym(bare) || is_initial(bare));
    ((head.ends_with(is_word_char) || acronym) && !decade).then_some(apostrophe_at)
}

/// URLs and e-mail addresses stay whole.
fn is_url_or_email(core: &str) -> bool {
    const PREFIXES: &[&str] = &["http://", "https://", "ftp://", "www.", "mailto:"];
    if PREFIXES.iter().any(|p| {
        core.len() > p.len()
            && core
                .get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p))
    }) {
        return true;
    }
    match core.find('@') {
        Some(at) if at > 0 => {
            let domain = &core[at + 1..];
            domain.contains('.')
                && !domain.ends_with('.')
                && core
                    .chars()
                    .all(|c| is_word_char(c) || matches!(c, '.' | '-' | '@' | '+' | '%'))
        }
        _ => false,
    }
}

/// Hashtags and @mentions.
fn is_tag(core: &str) -> bool {
    let mut chars = core.chars();
    let (Some(sign), Some(first)) = (chars.next(), chars.next()) else {
        return false;
    };
    let starts_right = match sign {
        '#' => first.is_alphabetic(),
        '@' => is_word_char(first),
        _ => false,
    };
    starts_right && chars.all(is_word_char)
}

/// Splits a core without its final clitic into words and the punctuation between them.
fn push_body(text: &str, lo: usize, hi: usize, out: &mut Emitter) {
    let mut at = lo;
    while at < hi {
        let c = char_at(text, at);
        if is_word_char(c) || (at == lo && is_number_sign(text, at, hi, c)) {
            at = push_joined_word(text, at, hi, out);
        } else {
            let end = punctuation_run_end(text, at, hi, c);
            out.push(at, end, punctuation_kind(c, Kind::Quote));
            at = end;
        }
    }
}

/// Emits the word starting at `start`, extended across the separators UD keeps inside a
/// word, and returns where it ends.
fn push_joined_word(text: &str, start: usize, hi: usize, out: &mut Emitter) -> usize {
    let first = start + char_at(text, start).len_utf8();
    let mut left = (start, word_run_end(text, first, hi));
    loop {
        let run_end = left.1;
        if run_end >= hi {
            break;
        }
        let sep = char_at(text, run_end);
        let after = run_end + sep.len_utf8();
        if sep == '.' && (after == hi || abbreviation_before_hyphen(text, start, run_end, hi)) {
            // A period left in the core by `core_end` belongs to an abbreviation, as does the
            // one in "U.S.-led".
            out.push(start, after, abbreviation_kind(&text[start..after]));
            return after;
        }
        if sep == '-' && after == hi {
            // Kept by `core_end`: a word broken off ("th-").
            push_word(text, start, hi, out);
            return hi;
        }
        if sep == '+' && text[run_end..hi].bytes().all(|b| b == b'+') {
            // Kept by `core_end`: a name that ends in plus signs ("OPEC+", "C++").
            push_word(text, start, hi, out);
            return hi;
        }
        if is_currency(sep) && is_currency_prefix(&text[start..run_end]) {
            out.push(start, after, Kind::Symbol);
            return after;
        }
        if after >= hi || !is_word_char(char_at(text, after)) {
            break;
        }
        let right = (after, word_run_end(text, after, hi));
        if !joins(text, start, left, sep, right, hi) {
            break;
        }
        left = right;
    }
    push_word(text, start, left.1, out);
    left.1
}

/// A sign, decimal point or apostrophe that starts a number: "-3", "+44", ".5", "'90s".
fn is_number_sign(text: &str, at: usize, hi: usize, c: char) -> bool {
    let next = at + c.len_utf8();
    let Some(&next_byte) = text.as_bytes().get(next).filter(|_| next < hi) else {
        return false;
    };
    match c {
        '-' | '+' | '\'' | '’' | '‘' => next_byte.is_ascii_digit(),
        '.' => next_byte.is_ascii_alphanumeric(),
        _ => false,
    }
}

/// Whether the word `text[start..period]` is an abbreviation whose period is followed by a
/// hyphen, as in "U.S.-led".
fn abbreviation_before_hyphen(text: &str, start: usize, period: usize, hi: usize) -> bool {
    period + 1 < hi && text.as_bytes()[period + 1] == b'-' && is_abbreviation(&text[start..period])
}

/// End of the run of word characters starting at `at`.
fn word_run_end(text: &str, at: usize, hi: usize) -> usize {
    text[at..hi]
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(hi, |(i, _)| at + i)
}

/// Whether the separator `sep` between the word runs `left` and `right` stays inside one
/// token. `start` is where the token being built began.
fn joins(
    text: &str,
    start: usize,
    left: (usize, usize),
    sep: char,
    right: (usize, usize),
    hi: usize,
) -> bool {
    let l = &text[left.0..left.1];
    let r = &text[right.0..right.1];
    match sep {
        '.' => joins_at_period(l, r, text, right.1, hi),
        ',' => all_digits(l) && all_digits(r) && r.len() == 3,
        ':' => all_digits(l) && r.starts_with(|c: char| c.is_ascii_digit()),
        '/' => (all_digits(l) && all_digits(r)) || is_single_char(l) || is_single_char(r),
        '-' => joins_at_hyphen(l, r, left.0 == start, text, right.1, hi),
        '&' => l.len() <= 3 && r.len() <= 3 && all_letters(l) && all_letters(r),
        '@' => true,
        c => is_apostrophe(c),
    }
}

fn joins_at_period(l: &str, r: &str, text: &str, right_end: usize, hi: usize) -> bool {
    let digits_around =
        l.ends_with(|c: char| c.is_ascii_digit()) && r.starts_with(|c: char| c.is_ascii_digit());
    let acronym = all_letters(l)
        && all_letters(r)
        && ((is_single_char(l) && r.chars().count() <= 2)
            || (is_single_char(r) && l.chars().count() <= 2));
    let one_case =
        !r.bytes().any(|b| b.is_ascii_uppercase()) || !r.bytes().any(|b| b.is_ascii_lowercase());
    let domain = one_case
        && lexicon::contains_ignore_case(DOMAIN_ENDINGS, r)
        && (right_end == hi || matches!(char_at(text, right_end), '/' | ':' | '.' | '?'));
    digits_around || acronym || domain
}

fn joins_at_hyphen(
    l: &str,
    r: &str,
    l_is_first: bool,
    text: &str,
    right_end: usize,
    hi: usize,
) -> bool {
    if l_is_first && all_letters(l) && lexicon::contains_ignore_case(HYPHEN_PREFIXES, l) {
        return r.starts_with(char::is_alphabetic);
    }
    if all_digits(l) && all_digits(r) {
        let phone = l.len() == 3 && r.len() == 4;
        let chain = right_end + 1 < hi
            && text.as_bytes()[right_end] == b'-'
            && text.as_bytes()[right_end + 1].is_ascii_digit();
        return phone || chain;
    }
    false
}

/// "US" in "US$5", "HK" in "HK$": capital letters naming the dollar.
fn is_currency_prefix(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn all_letters(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char::is_alphabetic)
}

fn is_single_char(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some() && chars.next().is_none()
}

/// Emits one word, splitting fused words ("gonna") and a unit after a number ("5pm").
fn push_word(text: &str, start: usize, end: usize, out: &mut Emitter) {
    let word = &text[start..end];
    if let Some(parts) = lexicon::fused_word_parts(word).filter(|_| is_lower_or_capitalized(word)) {
        let mut at = end - parts.iter().sum::<usize>();
        out.push(start, at, Kind::Word);
        for len in parts.iter() {
            out.push(at, at + len, Kind::Word);
            at += len;
        }
        return;
    }
    if !word.bytes().take(2).any(|b| b.is_ascii_digit()) {
        out.push(start, end, Kind::Word);
        return;
    }
    let unit_start = word
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .len();
    let unit = &word[unit_start..];
    let after_digit = word[..unit_start].ends_with(|c: char| c.is_ascii_digit());
    if after_digit && !unit.is_empty() && lexicon::contains_ignore_case(UNITS, unit) {
        out.push(start, start + unit_start, Kind::Number);
        out.push(start + unit_start, end, Kind::Word);
    } else {
        out.push(start, end, Kind::Number);
    }
}

/// "gonna" or "Gonna" but not "GONNA" or "IM", which are more often acronyms.
fn is_lower_or_capitalized(word: &str) -> bool {
    word.bytes().skip(1).all(|b| !b.is_ascii_uppercase())
}

/// Emits the punctuation between `at` and `end`, one run at a time.
fn push_punctuation(text: &str, mut at: usize, end: usize, out: &mut Emitter, quote_kind: Kind) {
    while at < end {
        let c = char_at(text, at);
        let run_end = punctuation_run_end(text, at, end, c);
        out.push(at, run_end, punctuation_kind(c, quote_kind));
        at = run_end;
    }
}

/// Where the punctuation token starting with `c` at `at` ends: sentence punctuation groups into
/// one token ("?!", "..."), as do repeats of the same non-bracket character ("--", "``", "**");
/// everything else is a token per character.
fn punctuation_run_end(text: &str, at: usize, end: usize, c: char) -> usize {
    let groups_with = |next: char| {
        if is_terminal(c) {
            is_terminal(next)
        } else {
            (next == c && !matches!(c, '(' | ')' | '[' | ']' | '{' | '}'))
                || (c == '‘' && next == '’')
        }
    };
    let mut run_end = at + c.len_utf8();
    while run_end < end {
        let next = char_at(text, run_end);
        if is_word_char(next) || !groups_with(next) {
            break;
        }
        run_end += next.len_utf8();
    }
    run_end
}

/// The kind of a punctuation token starting with `c`; straight quotes get `quote_kind`, which
/// depends on where in the chunk they stand.
fn punctuation_kind(c: char, quote_kind: Kind) -> Kind {
    if is_terminal(c) {
        Kind::Terminal
    } else if is_straight_quote(c) {
        quote_kind
    } else if is_opener(c) {
        Kind::Opener
    } else if is_closer(c) {
        Kind::Closer
    } else if c == '-' || is_long_dash(c) {
        Kind::Dash
    } else if matches!(c, ',' | ';' | ':') {
        Kind::Separator
    } else {
        Kind::Symbol
    }
}
