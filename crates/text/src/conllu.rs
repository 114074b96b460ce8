//! Minimal CoNLL-U reading and writing.
//!
//! [`parse`] keeps what tokenization and later training need: per sentence its `# text`,
//! `# sent_id`, whether `# newdoc` or `# newpar` precede it, its multiword tokens, and all ten
//! raw columns of every syntactic word. Empty nodes (ids such as `8.1`) are skipped.
//! [`to_doc`] rebuilds a text and its tokens from the word forms; [`write()`] prints a [`Doc`].

use std::fmt::Write as _;

use dyad_core::{Doc, Sentence, Span, Token};
use thiserror::Error;

/// A CoNLL-U input that cannot be read; `line` is 1-based.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConlluError {
    /// A word line without exactly ten tab-separated columns.
    #[error("line {line}: expected 10 tab-separated columns, found {found}")]
    ColumnCount {
        /// Line number.
        line: usize,
        /// Columns found.
        found: usize,
    },
    /// An ID column that is not a number, a range `a-b` or an empty node `a.b`.
    #[error("line {line}: malformed ID {id:?}")]
    BadId {
        /// Line number.
        line: usize,
        /// The ID as written.
        id: String,
    },
    /// Word IDs that do not run 1, 2, 3, ... or a range that does not start at the next word.
    #[error("line {line}: ID {id:?} out of sequence, expected {expected}")]
    OutOfSequence {
        /// Line number.
        line: usize,
        /// The ID as written.
        id: String,
        /// The word ID expected here.
        expected: usize,
    },
    /// A multiword token whose range is not followed by all its words.
    #[error("line {line}: multiword token {id:?} is not followed by its words")]
    IncompleteRange {
        /// Line number of the range line.
        line: usize,
        /// The range as written.
        id: String,
    },
}

/// One syntactic word: its ID and all ten columns as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConlluWord {
    /// The 1-based word ID.
    pub id: usize,
    /// ID, FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS, MISC.
    pub columns: [String; 10],
}

impl ConlluWord {
    /// The word form.
    pub fn form(&self) -> &str {
        &self.columns[1]
    }

    /// The universal part-of-speech tag.
    pub fn upos(&self) -> &str {
        &self.columns[3]
    }

    /// The head word's ID as written (`0` for the root, `_` when absent).
    pub fn head(&self) -> &str {
        &self.columns[6]
    }

    /// The dependency relation.
    pub fn deprel(&self) -> &str {
        &self.columns[7]
    }

    /// The MISC column.
    pub fn misc(&self) -> &str {
        &self.columns[9]
    }

    /// False when MISC holds `SpaceAfter=No`.
    pub fn space_after(&self) -> bool {
        space_after(self.misc())
    }
}

/// A multiword token: the surface of words `first..=last` (for instance "Google's" over
/// "Google" and "'s").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultiwordToken {
    /// ID of the first word.
    pub first: usize,
    /// ID of the last word.
    pub last: usize,
    /// The surface form.
    pub form: String,
    /// False when MISC holds `SpaceAfter=No`.
    pub space_after: bool,
}

/// One sentence of a CoNLL-U file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluSentence {
    /// The `# text` comment, if any.
    pub text: Option<String>,
    /// The `# sent_id` comment, if any.
    pub sent_id: Option<String>,
    /// A `# newdoc` comment precedes the sentence.
    pub newdoc: bool,
    /// A `# newpar` comment precedes the sentence.
    pub newpar: bool,
    /// Syntactic words in order; `words[i].id == i + 1`.
    pub words: Vec<ConlluWord>,
    /// Multiword tokens in order.
    pub multiword_tokens: Vec<MultiwordToken>,
    /// 1-based line number of the sentence's first line, for messages.
    pub line: usize,
}

impl ConlluSentence {
    /// The surface tokens in order: each a multiword token's form with its word range, or a
    /// single word's form.
    pub fn surface_tokens(&self) -> Vec<SurfaceToken<'_>> {
        let mut tokens = Vec::with_capacity(self.words.len());
        let mut ranges = self.multiword_tokens.iter().peekable();
        let mut index = 0;
        while index < self.words.len() {
            let id = index + 1;
            // Ranges out of order (possible in hand-built sentences) are passed over.
            while ranges.next_if(|m| m.first < id).is_some() {}
            if let Some(mwt) = ranges.next_if(|m| m.first == id) {
                let end = mwt.last.clamp(id, self.words.len());
                tokens.push(SurfaceToken {
                    form: &mwt.form,
                    space_after: mwt.space_after,
                    words: &self.words[index..end],
                });
                index = end;
            } else {
                let word = &self.words[index];
                let words = std::slice::from_ref(word);
                tokens.push(SurfaceToken {
                    form: word.form(),
                    space_after: word.space_after(),
                    words,
                });
                index += 1;
            }
        }
        tokens
    }
}

/// A token as written in the text, with the syntactic words it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SurfaceToken<'a> {
    /// The form in the text.
    pub form: &'a str,
    /// False when `SpaceAfter=No`.
    pub space_after: bool,
    /// One word, or the words of a multiword token.
    pub words: &'a [ConlluWord],
}

impl SurfaceToken<'_> {
    /// Byte ranges of the words within `form` when their forms concatenate to it exactly,
    /// ignoring ASCII case; `None` otherwise.
    pub fn word_offsets(&self) -> Option<Vec<(usize, usize)>> {
        let mut offsets = Vec::with_capacity(self.words.len());
        let mut at = 0;
        for word in self.words {
            let end = at + word.form().len();
            let part = self.form.get(at..end)?;
            if !part.eq_ignore_ascii_case(word.form()) {
                return None;
            }
            offsets.push((at, end));
            at = end;
        }
        (at == self.form.len()).then_some(offsets)
    }
}

/// Reads CoNLL-U text. Comments other than `# text`, `# sent_id`, `# newdoc` and `# newpar` are
/// ignored; a malformed line is an error naming it.
pub fn parse(input: &str) -> Result<Vec<ConlluSentence>, ConlluError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut sentences = Vec::new();
    let mut current = ConlluSentence::default();
    let mut pending_range: Option<(usize, String)> = None;
    for (index, raw) in input.lines().enumerate() {
        let line = index + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() {
            finish_sentence(&mut current, &mut sentences, &pending_range)?;
            pending_range = None;
            continue;
        }
        if current.line == 0 {
            current.line = line;
        }
        if let Some(comment) = raw.strip_prefix('#') {
            read_comment(comment, &mut current);
            continue;
        }
        read_word_line(raw, line, &mut current, &mut pending_range)?;
    }
    finish_sentence(&mut current, &mut sentences, &pending_range)?;
    Ok(sentences)
}

fn finish_sentence(
    current: &mut ConlluSentence,
    sentences: &mut Vec<ConlluSentence>,
    pending_range: &Option<(usize, String)>,
) -> Result<(), ConlluError> {
    if let Some(mwt) = current.multiword_tokens.last()
        && mwt.last > current.words.len()
    {
        let (line, id) = pending_range.clone().unwrap_or_default();
        return Err(ConlluError::IncompleteRange { line, id });
    }
    let sentence = std::mem::take(current);
    if sentence.words.is_empty() {
        // Comments without words (for instance at the end of a file) carry the document and
        // paragraph markers over to the next sentence.
        current.newdoc = sentence.newdoc;
        current.newpar = sentence.newpar;
    } else {
        sentences.push(sentence);
    }
    Ok(())
}

fn read_comment(comment: &str, sentence: &mut ConlluSentence) {
    let comment = comment.trim_start();
    let (key, value) = match comment.split_once('=') {
        Some((key, value)) => (key.trim(), Some(value.strip_prefix(' ').unwrap_or(value))),
        None => (comment.trim(), None),
    };
    match key {
        "text" => sentence.text = value.map(str::to_string),
        "sent_id" => sentence.sent_id = value.map(|v| v.trim().to_string()),
        _ if key == "newdoc" || key.starts_with("newdoc ") => sentence.newdoc = true,
        _ if key == "newpar" || key.starts_with("newpar ") => sentence.newpar = true,
        _ => {}
    }
}

fn read_word_line(
    raw: &str,
    line: usize,
    sentence: &mut ConlluSentence,
    pending_range: &mut Option<(usize, String)>,
) -> Result<(), ConlluError> {
    let columns: Vec<&str> = raw.split('\t').collect();
    let Ok(columns) = <[&str; 10]>::try_from(columns.as_slice()) else {
        return Err(ConlluError::ColumnCount {
            line,
            found: columns.len(),
        });
    };
    let id = columns[0];
    let expected = sentence.words.len() + 1;
    let bad_id = || ConlluError::BadId {
        line,
        id: id.to_string(),
    };
    let out_of_sequence = || ConlluError::OutOfSequence {
        line,
        id: id.to_string(),
        expected,
    };
    if let Some((first, last)) = id.split_once('-') {
        let first: usize = first.parse().map_err(|_| bad_id())?;
        let last: usize = last.parse().map_err(|_| bad_id())?;
        if first != expected || last < first {
            return Err(out_of_sequence());
        }
        if let Some(previous) = sentence.multiword_tokens.last()
            && previous.last >= expected
        {
            return Err(out_of_sequence());
        }
        let form = columns[1].to_string();
        sentence.multiword_tokens.push(MultiwordToken {
            first,
            last,
            form,
            space_after: space_after(columns[9]),
        });
        *pending_range = Some((line, id.to_string()));
        return Ok(());
    }
    if let Some((whole, fraction)) = id.split_once('.') {
        let valid = whole.parse::<usize>().is_ok() && fraction.parse::<usize>().is_ok();
        return if valid { Ok(()) } else { Err(bad_id()) };
    }
    let number: usize = id.parse().map_err(|_| bad_id())?;
    if number != expected {
        return Err(out_of_sequence());
    }
    sentence.words.push(ConlluWord {
        id: number,
        columns: columns.map(str::to_string),
    });
    Ok(())
}

/// False when a MISC column holds `SpaceAfter=No`.
fn space_after(misc: &str) -> bool {
    !misc.split('|').any(|feature| feature == "SpaceAfter=No")
}

/// Rebuilds a text from the sentences' surface forms and tokenizes it as the treebank does.
///
/// Tokens are written once each, a space after a token unless `SpaceAfter=No`; sentences are
/// separated by a space, or by a blank line at `# newpar` / `# newdoc`. The words of a multiword
/// token get their own spans when their forms spell its surface (ignoring case, as
/// "Don't" = "Do" + "n't"). Otherwise each word but the last gets as many characters of the
/// surface as its form has, the last word the rest, as long as every word gets at least one
/// character; when the surface is too short for that, the multiword token is one token. Forms
/// are trimmed of whitespace; a form that is empty after trimming gives no token.
pub fn to_doc(sentences: &[ConlluSentence]) -> Doc {
    let mut doc = Doc::default();
    for (index, sentence) in sentences.iter().enumerate() {
        if index > 0 {
            doc.text.push_str(if sentence.newpar || sentence.newdoc {
                "\n\n"
            } else {
                " "
            });
        }
        let first_token = doc.tokens.len();
        for token in &sentence.surface_tokens() {
            if push_surface_token(&mut doc, token) && !token.space_after {
                trim_trailing_space(&mut doc.text);
            }
        }
        trim_trailing_space(&mut doc.text);
        let tokens = first_token..doc.tokens.len();
        if let (Some(first), Some(last)) = (doc.tokens.get(tokens.start), doc.tokens.last())
            && !tokens.is_empty()
        {
            doc.sentences.push(Sentence {
                span: Span::new(first.span.start, last.span.end),
                tokens,
            });
        }
    }
    doc
}

/// Appends a token's surface and a space, and pushes its words' spans; false when the form
/// is empty and nothing was added.
fn push_surface_token(doc: &mut Doc, token: &SurfaceToken) -> bool {
    let form = token.form.trim();
    if form.is_empty() {
        return false;
    }
    let start = doc.text.len();
    doc.text.push_str(form);
    for (from, to) in word_spans(form, token) {
        doc.tokens
            .push(Token::new(Span::new(start + from, start + to)));
    }
    doc.text.push(' ');
    true
}

/// Byte ranges within `form` for the words of `token`; see [`to_doc`].
fn word_spans(form: &str, token: &SurfaceToken) -> Vec<(usize, usize)> {
    if token.words.len() <= 1 {
        return vec![(0, form.len())];
    }
    if let Some(offsets) = (SurfaceToken { form, ..*token }).word_offsets() {
        return offsets;
    }
    let boundaries: Vec<usize> = form.char_indices().map(|(i, _)| i).collect();
    if boundaries.len() < token.words.len() {
        return vec![(0, form.len())];
    }
    let mut spans = Vec::with_capacity(token.words.len());
    let mut char_at = 0;
    for (index, word) in token.words.iter().enumerate() {
        let words_left = token.words.len() - index - 1;
        let start = boundaries[char_at];
        if words_left == 0 {
            spans.push((start, form.len()));
            break;
        }
        let wanted = word.form().chars().count().max(1);
        char_at = (char_at + wanted).min(boundaries.len() - words_left);
        spans.push((start, boundaries[char_at]));
    }
    spans
}

fn trim_trailing_space(text: &mut String) {
    let trimmed = text.trim_end().len();
    text.truncate(trimmed);
}

/// Writes `doc` as CoNLL-U: `# sent_id` (1-based), `# text`, then per token its ID, FORM and
/// whatever annotations it has (LEMMA, UPOS, XPOS, HEAD, DEPREL; `_` where there are none),
/// with `SpaceAfter=No` and the entity tag (`NER=B-PER`) in MISC. Line breaks and tabs inside a
/// sentence's text or a form are written as spaces.
pub fn write(doc: &Doc) -> String {
    let mut out = String::with_capacity(doc.text.len() * 4);
    for (index, sentence) in doc.sentences.iter().enumerate() {
        let text = one_line(sentence.span.of(&doc.text));
        let _ = writeln!(out, "# sent_id = {}\n# text = {text}", index + 1);
        for (position, token_index) in sentence.tokens.clone().enumerate() {
            let token = &doc.tokens[token_index];
            let form = one_line(doc.token_text(token_index));
            let head = match (token.head, token.deprel.is_empty()) {
                (_, true) => "_".to_string(),
                (None, false) => "0".to_string(),
                (Some(head), false) => (head + 1 - sentence.tokens.start).to_string(),
            };
            let mut misc = Vec::new();
            if !doc.space_after(token_index) {
                misc.push("SpaceAfter=No".to_string());
            }
            if !token.ner.is_empty() {
                misc.push(format!("NER={}", token.ner));
            }
            let _ = writeln!(
                out,
                "{}\t{form}\t{}\t{}\t{}\t_\t{head}\t{}\t_\t{}",
                position + 1,
                or_underscore(&token.lemma),
                or_underscore(&token.upos),
                or_underscore(&token.xpos),
                or_underscore(&token.deprel),
                if misc.is_empty() {
                    "_".to_string()
                } else {
                    misc.join("|")
                },
            );
        }
        out.push('\n');
    }
    out
}

fn or_underscore(value: &str) -> String {
    if value.is_empty() {
        "_".to_string()
    } else {
        one_line(value)
    }
}

fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# newpar\n# sent_id = s1\n# text = We can't go.\n\
        1\tWe\twe\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n\
        2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n\
        2\tca\tcan\tAUX\tMD\t_\t4\taux\t_\t_\n\
        3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
        4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
        4.1\tgone\t_\t_\t_\t_\t_\t_\t_\t_\n\
        5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n\
        # sent_id = s2\n# text = Yes.\n\
        1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n\
        2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n";

    #[test]
    fn parses_words_ranges_and_markers() {
        let sentences = parse(SAMPLE).unwrap();
        assert_eq!(sentences.len(), 2);
        let first = &sentences[0];
        assert!(first.newdoc && first.newpar);
        assert_eq!(first.text.as_deref(), Some("We can't go."));
        assert_eq!(first.sent_id.as_deref(), Some("s1"));
        assert_eq!(first.words.len(), 5);
        assert_eq!(first.words[3].upos(), "VERB");
        assert!(!first.words[3].space_after());
        assert_eq!(first.multiword_tokens[0].form, "can't");
        assert!(!sentences[1].newpar);
    }

    #[test]
    fn rebuilds_text_with_word_spans() {
        let doc = to_doc(&parse(SAMPLE).unwrap());
        assert_eq!(doc.text, "We can't go. Yes.");
        let forms: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.token_text(i)).collect();
        assert_eq!(forms, ["We", "ca", "n't", "go", ".", "Yes", "."]);
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.sentences[1].span.of(&doc.text), "Yes.");
    }

    #[test]
    fn splits_a_surface_that_does_not_spell_its_words() {
        let input = "1-2\tgotcha\t_\t_\t_\t_\t_\t_\t_\t_\n\
            1\tgot\t_\t_\t_\t_\t_\t_\t_\t_\n2\tyou\t_\t_\t_\t_\t_\t_\t_\t_\n";
        let doc = to_doc(&parse(input).unwrap());
        let forms: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.token_text(i)).collect();
        assert_eq!(forms, ["got", "cha"]);
    }

    #[test]
    fn writes_space_after() {
        let doc = crate::tokenize("Hi, you.");
        let out = write(&doc);
        assert!(out.starts_with("# sent_id = 1\n# text = Hi, you.\n1\tHi\t_"));
        assert!(out.contains("1\tHi\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"));
        assert!(out.contains("3\tyou\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n4\t.\t"));
        let reread = parse(&out).unwrap();
        assert_eq!(to_doc(&reread).text, "Hi, you.");
    }

    #[test]
    fn hand_built_sentences_with_bad_ranges_do_not_panic() {
        let mut sentence = parse(SAMPLE).unwrap().remove(0);
        sentence.multiword_tokens[0].last = 0;
        sentence.multiword_tokens.push(MultiwordToken {
            first: 1,
            last: 99,
            form: "x".into(),
            space_after: true,
        });
        let tokens = sentence.surface_tokens();
        let words: usize = tokens.iter().map(|t| t.words.len()).sum();
        assert_eq!(words, sentence.words.len());
        assert!(!to_doc(&[sentence]).text.is_empty());
    }

    #[test]
    fn malformed_lines_name_their_line() {
        let err = parse("# text = x\n1\tx\n").unwrap_err();
        assert_eq!(err, ConlluError::ColumnCount { line: 2, found: 2 });
        let err =
            parse("1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n3\ty\t_\t_\t_\t_\t_\t_\t_\t_\n").unwrap_err();
        assert!(matches!(err, ConlluError::OutOfSequence { line: 2, .. }));
        let err = parse("x\tx\t_\t_\t_\t_\t_\t_\t_\t_\n").unwrap_err();
        assert!(matches!(err, ConlluError::BadId { line: 1, .. }));
        let err =
            parse("1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n\n").unwrap_err();
        assert!(matches!(err, ConlluError::IncompleteRange { line: 1, .. }));
    }
}
