//! The span invariants of `tokenize` on random and adversarial text, and no panics there or in
//! CoNLL-U reading.

use dyad_core::Doc;
use dyad_text::tokenize;
use proptest::prelude::*;

/// Checks every invariant `tokenize` promises, with a message naming the first one broken.
fn check_invariants(doc: &Doc) -> Result<(), String> {
    let text = &doc.text;
    let mut covered_to = 0;
    for (i, token) in doc.tokens.iter().enumerate() {
        let span = token.span;
        if span.start >= span.end || span.end > text.len() {
            return Err(format!("token {i} has bad span {span:?}"));
        }
        if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
            return Err(format!("token {i} {span:?} is not on char boundaries"));
        }
        let form = span.of(text);
        if form.starts_with(char::is_whitespace) || form.ends_with(char::is_whitespace) {
            return Err(format!("token {i} {form:?} has whitespace at an edge"));
        }
        if span.start < covered_to {
            return Err(format!(
                "token {i} {span:?} overlaps or precedes the one before"
            ));
        }
        let gap = &text[covered_to..span.start];
        if !gap.chars().all(char::is_whitespace) {
            return Err(format!("{gap:?} before token {i} is not covered"));
        }
        covered_to = span.end;
    }
    if !text[covered_to..].chars().all(char::is_whitespace) {
        return Err("text after the last token is not covered".into());
    }
    check_sentences(doc)
}

fn check_sentences(doc: &Doc) -> Result<(), String> {
    let mut next_token = 0;
    for (i, sentence) in doc.sentences.iter().enumerate() {
        let range = sentence.tokens.clone();
        if range.start != next_token || range.is_empty() || range.end > doc.tokens.len() {
            return Err(format!(
                "sentence {i} has token range {range:?}, expected to start at {next_token}"
            ));
        }
        let (first, last) = (doc.tokens[range.start].span, doc.tokens[range.end - 1].span);
        if sentence.span.start != first.start || sentence.span.end != last.end {
            return Err(format!(
                "sentence {i} span {:?} does not match its tokens",
                sentence.span
            ));
        }
        for pair in doc.tokens[range.clone()].windows(2) {
            let between = &doc.text[pair[0].span.end..pair[1].span.start];
            if line_breaks(between) >= 2 {
                return Err(format!("sentence {i} spans a blank line"));
            }
        }
        next_token = range.end;
    }
    if next_token != doc.tokens.len() {
        return Err(format!(
            "sentences cover {next_token} of {} tokens",
            doc.tokens.len()
        ));
    }
    Ok(())
}

/// Line breaks in whitespace, "\r\n" counting once and a paragraph separator twice.
fn line_breaks(whitespace: &str) -> usize {
    let mut count = 0;
    let mut chars = whitespace.chars().peekable();
    while let Some(c) = chars.next() {
        count += match c {
            '\r' if chars.peek() == Some(&'\n') => 0,
            '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{000B}' => 1,
            '\u{2029}' | '\u{000C}' => 2,
            _ => 0,
        };
    }
    count
}

/// Fragments that exercise every rule of the tokenizer and sentence splitter.
const FRAGMENTS: &[&str] = &[
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{a0}",
    "\u{2029}",
    "\u{3000}",
    "\u{85}",
    ".",
    "..",
    "...",
    "…",
    "!",
    "?",
    "?!",
    ",",
    ";",
    ":",
    "-",
    "--",
    "—",
    "–",
    "'",
    "’",
    "‘",
    "\"",
    "“",
    "”",
    "`",
    "``",
    "''",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "«",
    "»",
    "/",
    "\\",
    "&",
    "@",
    "#",
    "$",
    "%",
    "+",
    "*",
    "=",
    "<",
    ">",
    "|",
    "~",
    "^",
    "_",
    "'s",
    "n't",
    "’re",
    "'ll",
    "s'",
    "U.S.",
    "U.S",
    "Mr.",
    "No.",
    "etc.",
    "e.g.",
    "p.m.",
    "Inc.",
    "W.",
    "I.",
    "a.",
    "Jan.",
    "TOKYO",
    "WASHINGTON",
    "(Reuters)",
    "(AP)",
    "Oct",
    "27",
    "50,000",
    "6.5",
    "10:30",
    "9/11",
    "3-2",
    "$221bn",
    "1990s",
    "5pm",
    "'90s",
    "-3",
    "+44",
    ".5",
    "http://",
    "https://a.b/c",
    "www.",
    "x@y.com",
    "@",
    "#tag",
    ":)",
    ":-(",
    "<3",
    "gonna",
    "cannot",
    "Cannot",
    "don't",
    "O'Neil",
    "non-",
    "e-mail",
    "well-known",
    "a",
    "b",
    "The",
    "the",
    "He",
    "word",
    "WORD",
    "x",
    "é",
    "\u{301}",
    "\u{200d}",
    "🙂",
    "👍🏽",
    "東京",
    "مرحبا",
    "\u{0}",
    "\u{7f}",
    "\u{1b}",
    "\u{feff}",
    "\u{fffd}",
    "\u{10ffff}",
    "[1]",
    "[...]",
    "1.",
    "2.1.",
    "•",
    "*",
    "·",
];

fn adversarial_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..80).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn random_text_keeps_the_invariants(text in "\\PC*") {
        let doc = tokenize(&text);
        prop_assert_eq!(&doc.text, &text);
        if let Err(message) = check_invariants(&doc) {
            return Err(TestCaseError::fail(format!("{message} in {text:?}")));
        }
    }

    #[test]
    fn random_chars_of_any_kind_keep_the_invariants(text in any::<String>()) {
        if let Err(message) = check_invariants(&tokenize(&text)) {
            return Err(TestCaseError::fail(format!("{message} in {text:?}")));
        }
    }

    #[test]
    fn adversarial_text_keeps_the_invariants(text in adversarial_text()) {
        if let Err(message) = check_invariants(&tokenize(&text)) {
            return Err(TestCaseError::fail(format!("{message} in {text:?}")));
        }
    }
}

/// CoNLL-U-like lines from fragments that include every kind of ID and malformation.
fn conllu_like_text() -> impl Strategy<Value = String> {
    const IDS: &[&str] = &[
        "1",
        "2",
        "3",
        "1-2",
        "2-3",
        "1-1",
        "3-2",
        "1.1",
        "0",
        "-1",
        "x",
        "99999999999999999999999",
        "",
    ];
    const FIELDS: &[&str] = &["_", "a", "don't", "SpaceAfter=No", "", " ", "é", "\r"];
    let word_line = (
        prop::sample::select(IDS),
        prop::collection::vec(prop::sample::select(FIELDS), 0..11),
    )
        .prop_map(|(id, fields)| format!("{id}\t{}", fields.join("\t")));
    let comment = prop::sample::select(
        &[
            "# text = a b",
            "# newdoc",
            "# newpar id = p",
            "# sent_id = 1",
            "#",
            "",
        ][..],
    )
    .prop_map(str::to_string);
    prop::collection::vec(prop_oneof![word_line, comment], 0..30).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #[test]
    fn conllu_reading_never_panics(text in conllu_like_text(), noise in "\\PC*") {
        for input in [text.as_str(), noise.as_str()] {
            if let Ok(sentences) = dyad_text::conllu::parse(input) {
                let doc = dyad_text::conllu::to_doc(&sentences);
                prop_assert_eq!(check_invariants(&doc), Ok(()));
                let _ = dyad_text::eval::score_treebank(input);
                let _ = dyad_text::conllu::write(&doc);
            }
        }
    }
}

/// A megabyte without spaces in several shapes: each must finish (in linear time, or this test
/// would take minutes) and keep the invariants.
#[test]
fn long_inputs_without_spaces() {
    const SIZE: usize = 1 << 20;
    let units = [
        "a",
        ".",
        "-",
        "'",
        "'(",
        "a.",
        "U.S.",
        "'s",
        "a-",
        "--a",
        "))",
        "\"",
        "🙂",
        "1,",
        "x@",
        "#a",
        ".)",
        "a'",
        "é\u{301}",
        "东",
        "[1]",
        "\u{0}",
    ];
    for unit in units {
        let text = unit.repeat(SIZE / unit.len());
        let doc = tokenize(&text);
        assert_eq!(check_invariants(&doc), Ok(()), "for {unit:?} repeated");
    }
}

#[test]
fn empty_and_blank_inputs() {
    for text in ["", " ", "\n\n\n", "\u{a0}\u{3000}\t"] {
        let doc = tokenize(text);
        assert!(
            doc.tokens.is_empty() && doc.sentences.is_empty(),
            "for {text:?}"
        );
    }
}

#[test]
fn the_checker_catches_broken_docs() {
    use dyad_core::{Sentence, Span, Token};
    let token = |start, end| Token::new(Span::new(start, end));
    let mut doc = tokenize("ab cd\n\nef");
    assert_eq!(check_invariants(&doc), Ok(()));
    let good = doc.clone();
    doc.tokens[1] = token(2, 5);
    assert!(check_invariants(&doc).is_err(), "whitespace at an edge");
    doc = good.clone();
    doc.tokens.remove(1);
    doc.sentences[0].tokens = 0..1;
    doc.sentences[0].span = Span::new(0, 2);
    doc.sentences[1].tokens = 1..2;
    assert!(check_invariants(&doc).is_err(), "uncovered text");
    doc = good.clone();
    doc.sentences = vec![Sentence {
        span: Span::new(0, 9),
        tokens: 0..3,
    }];
    assert!(
        check_invariants(&doc).is_err(),
        "a sentence across a blank line"
    );
}
