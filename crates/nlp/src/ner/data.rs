//! Training data: named mentions from GUM's coreference entities, and UNER's IOB2 files.
//!
//! GUM marks every entity mention (named or not: "the president", "it", "Paris") with its
//! type. A mention counts as a named entity when its syntactic head (the one token of the
//! mention whose head lies outside it) is a PROPN and its type is person, organization or place
//! (mapped to PER, ORG, LOC). The span kept is the run of name tokens around that head: PROPN
//! words, capitalised words that GUM tags VERB/ADJ/NUM/X ("United" in "United Kingdom"), and the
//! connectors "of", "&", "de", "the", "for", "-" (and "and" before the head) when a name
//! token follows inside the mention. So "the United States" gives "United States", "Emmanuel Macron, the president of
//! France" gives "Emmanuel Macron", and "his Facebook friends" (head "friends") gives nothing.
//! UNER leaves titles and nationalities out, so leading titles ("Mr.", "President") are cut
//! from person spans and spans made only of demonyms ("Americans") are dropped. Nested
//! mentions are flattened longest first, dropping any span that overlaps one kept.

use super::NerSentence;
use super::gazetteer::{self, Category};
use super::tags::TYPES;
use dyad_text::conllu::{self, ConlluError, ConlluWord};

/// Training or evaluation data that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum NerDataError {
    /// The CoNLL-U itself is malformed.
    #[error(transparent)]
    Conllu(#[from] ConlluError),
    /// A GUM `Entity=` annotation that cannot be parsed.
    #[error("sentence at line {line}, word {word}: malformed Entity annotation {value:?}")]
    Entity {
        /// 1-based line where the sentence starts.
        line: usize,
        /// The word's ID.
        word: usize,
        /// The MISC value as written.
        value: String,
    },
    /// An IOB2 word line with fewer than three tab-separated columns.
    #[error("line {line}: expected id, token and tag columns")]
    Columns {
        /// 1-based line number.
        line: usize,
    },
    /// An IOB2 tag that is neither `O` nor `B-X` / `I-X`.
    #[error("line {line}: malformed IOB2 tag {tag:?}")]
    Tag {
        /// 1-based line number.
        line: usize,
        /// The tag as written.
        tag: String,
    },
}

/// One GUM mention: word range (inclusive) and type number in [`TYPES`] if it maps to one.
struct Mention {
    first: usize,
    last: usize,
    kind: Option<usize>,
}

/// Reads GUM CoNLL-U and keeps named person/organization/place mentions as IOB2 tags
/// (see the module documentation for the rule).
pub fn gum_named_entities(conllu: &str) -> Result<Vec<NerSentence>, NerDataError> {
    let mut out = Vec::new();
    for sentence in conllu::parse(conllu)? {
        let mentions = sentence_mentions(&sentence.words, sentence.line)?;
        let spans = named_spans(&sentence.words, &mentions);
        out.push(NerSentence::from_conllu(
            &sentence,
            spans_to_iob2(sentence.words.len(), &spans),
        ));
    }
    Ok(out)
}

/// Mentions opened and closed within the sentence (GUM mentions do not cross sentences; an
/// unclosed one is dropped).
fn sentence_mentions(words: &[ConlluWord], line: usize) -> Result<Vec<Mention>, NerDataError> {
    let mut open: Vec<(String, usize, Option<usize>)> = Vec::new();
    let mut mentions = Vec::new();
    for (index, word) in words.iter().enumerate() {
        let Some(value) = entity_value(word.misc()) else {
            continue;
        };
        let error = || NerDataError::Entity {
            line,
            word: word.id,
            value: value.to_string(),
        };
        parse_brackets(value, index, &mut open, &mut mentions).ok_or_else(error)?;
    }
    Ok(mentions)
}

fn entity_value(misc: &str) -> Option<&str> {
    misc.split('|')
        .find_map(|item| item.strip_prefix("Entity="))
}

/// Applies one word's brackets: `(id-type-...` opens, `(id-type-...)` is a one-word mention,
/// `id)` closes the latest open mention with that id. `None` on malformed input.
fn parse_brackets(
    value: &str,
    index: usize,
    open: &mut Vec<(String, usize, Option<usize>)>,
    mentions: &mut Vec<Mention>,
) -> Option<()> {
    let mut rest = value;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('(') {
            let end = after.find(['(', ')']).unwrap_or(after.len());
            let spec = &after[..end];
            let mut fields = spec.split('-');
            let id = fields.next().filter(|id| !id.is_empty())?.to_string();
            let kind = fields.next().and_then(type_number);
            if after[end..].starts_with(')') {
                mentions.push(Mention {
                    first: index,
                    last: index,
                    kind,
                });
                rest = &after[end + 1..];
            } else {
                open.push((id, index, kind));
                rest = &after[end..];
            }
        } else {
            let end = rest.find(')')?;
            let id = &rest[..end];
            let position = open.iter().rposition(|(open_id, _, _)| open_id == id)?;
            let (_, first, kind) = open.remove(position);
            mentions.push(Mention {
                first,
                last: index,
                kind,
            });
            rest = &rest[end + 1..];
        }
    }
    Some(())
}

fn type_number(gum_type: &str) -> Option<usize> {
    let mapped = match gum_type {
        "person" => "PER",
        "organization" => "ORG",
        "place" => "LOC",
        _ => return None,
    };
    TYPES.iter().position(|kind| *kind == mapped)
}

/// The flat named spans `(first, last inclusive, type)` of a sentence's mentions.
fn named_spans(words: &[ConlluWord], mentions: &[Mention]) -> Vec<(usize, usize, usize)> {
    let mut candidates: Vec<(usize, usize, usize)> = mentions
        .iter()
        .filter_map(|mention| Some((named_run(words, mention)?, mention.kind?)))
        .map(|((first, last), kind)| (first, last, kind))
        .collect();
    candidates.sort_by_key(|&(first, last, _)| (usize::MAX - (last - first), first));
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    for candidate in candidates {
        if !kept
            .iter()
            .any(|k| k.0 <= candidate.1 && candidate.0 <= k.1)
        {
            kept.push(candidate);
        }
    }
    kept
}

/// The run of name tokens around the mention's head, if the head is a PROPN.
fn named_run(words: &[ConlluWord], mention: &Mention) -> Option<(usize, usize)> {
    mention.kind?;
    let head = mention_head(words, mention)?;
    if words[head].upos() != "PROPN" {
        return None;
    }
    let mut first = head;
    while let Some(next) = extend(words, first, mention.first, -1) {
        first = next;
    }
    let mut last = head;
    while let Some(next) = extend(words, last, mention.last, 1) {
        last = next;
    }
    while first < last && is_category(&words[first], Category::PersonTitle) {
        first += 1;
    }
    let demonyms_only = (first..=last).all(|i| is_category(&words[i], Category::Demonym));
    (!demonyms_only).then_some((first, last))
}

fn is_category(word: &ConlluWord, category: Category) -> bool {
    gazetteer::word_category(&word.form().to_lowercase()) == Some(category)
}

/// The next name token from `from` in direction `step`, skipping connectors, not beyond
/// `limit`.
fn extend(words: &[ConlluWord], from: usize, limit: usize, step: isize) -> Option<usize> {
    let mut at = from;
    loop {
        if at == limit {
            return None;
        }
        at = at.checked_add_signed(step)?;
        if is_name_word(&words[at]) {
            return Some(at);
        }
        if !is_connector(words[at].form(), step < 0) {
            return None;
        }
    }
}

fn mention_head(words: &[ConlluWord], mention: &Mention) -> Option<usize> {
    let inside = |id: usize| id > mention.first && id <= mention.last + 1;
    (mention.first..=mention.last).find(|&index| {
        let head: usize = words[index].head().parse().unwrap_or(0);
        !inside(head)
    })
}

fn is_name_word(word: &ConlluWord) -> bool {
    let capitalised = word.form().chars().next().is_some_and(char::is_uppercase);
    match word.upos() {
        "PROPN" => true,
        "VERB" | "ADJ" | "NUM" | "X" => capitalised,
        _ => false,
    }
}

/// Words that may join name words. "and" only before the head: "National Aeronautics and
/// Space Administration" is one name, but after the head it joins conjuncts ("Rice and
/// Rumsfeld", a plural mention whose head is "Rice").
fn is_connector(form: &str, before_head: bool) -> bool {
    matches!(form, "of" | "&" | "de" | "the" | "for" | "-") || (before_head && form == "and")
}

fn spans_to_iob2(len: usize, spans: &[(usize, usize, usize)]) -> Vec<String> {
    let mut tags = vec!["O".to_string(); len];
    for &(first, last, kind) in spans {
        tags[first] = format!("B-{}", TYPES[kind]);
        for tag in &mut tags[first + 1..=last] {
            *tag = format!("I-{}", TYPES[kind]);
        }
    }
    tags
}

/// Reads an IOB2 file (UNER: columns id, token, tag, ...; `#` comments; blank line between
/// sentences). A fourth column other than `-` is taken as UPOS; otherwise `upos` is empty.
pub fn read_iob2(text: &str) -> Result<Vec<NerSentence>, NerDataError> {
    let mut sentences = Vec::new();
    let mut current = NerSentence::default();
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        if line.trim().is_empty() {
            finish(&mut current, &mut sentences);
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() < 3 {
            return Err(NerDataError::Columns { line: line_number });
        }
        check_tag(columns[2], line_number)?;
        current.forms.push(columns[1].to_string());
        current.tags.push(columns[2].to_string());
        current
            .upos
            .push(columns.get(3).copied().unwrap_or("-").to_string());
    }
    finish(&mut current, &mut sentences);
    Ok(sentences)
}

fn check_tag(tag: &str, line: usize) -> Result<(), NerDataError> {
    let well_formed = tag == "O"
        || tag
            .strip_prefix("B-")
            .or_else(|| tag.strip_prefix("I-"))
            .is_some_and(|kind| !kind.is_empty());
    if well_formed {
        Ok(())
    } else {
        Err(NerDataError::Tag {
            line,
            tag: tag.to_string(),
        })
    }
}

fn finish(current: &mut NerSentence, sentences: &mut Vec<NerSentence>) {
    if current.forms.is_empty() {
        return;
    }
    let mut sentence = std::mem::take(current);
    if sentence.upos.iter().all(|upos| upos == "-") {
        sentence.upos.clear();
    }
    sentences.push(sentence);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word_line(id: usize, form: &str, upos: &str, head: usize, misc: &str) -> String {
        format!("{id}\t{form}\t_\t{upos}\t_\t_\t{head}\tdep\t_\t{misc}\n")
    }

    #[test]
    fn keeps_named_heads_and_trims_determiners() {
        let conllu = [
            word_line(1, "Mara", "PROPN", 2, "Entity=(1-person-new-x-cf1-1-sgl)"),
            word_line(2, "visited", "VERB", 0, "_"),
            word_line(3, "the", "DET", 5, "Entity=(2-place-new-x-cf2-2-sgl-Foo"),
            word_line(4, "United", "VERB", 5, "_"),
            word_line(5, "Kingdom", "PROPN", 2, "Entity=2)"),
            word_line(6, "and", "CCONJ", 8, "_"),
            word_line(7, "her", "PRON", 8, "Entity=(3-person-new-x-cf3-1-sgl)"),
            word_line(8, "friends", "NOUN", 5, "Entity=(4-person-new-x-cf4-1-sgl)"),
        ]
        .concat()
            + "\n";
        let sentences = gum_named_entities(&conllu).unwrap();
        assert_eq!(
            sentences[0].tags,
            ["B-PER", "O", "O", "B-LOC", "I-LOC", "O", "O", "O"]
        );
    }

    #[test]
    fn names_the_sentence_of_a_bad_entity() {
        let conllu = format!("# x\n{}\n", word_line(1, "Ada", "PROPN", 0, "Entity=9)"));
        let error = gum_named_entities(&conllu).unwrap_err().to_string();
        assert!(error.contains("line 1, word 1"), "{error}");
    }

    #[test]
    fn cuts_titles_and_coordination() {
        let conllu = [
            word_line(
                1,
                "Mr.",
                "PROPN",
                2,
                "Entity=(1-person-new-x-cf1-1-coref(2-person-new-x-cf1-2-sgl",
            ),
            word_line(2, "Ada", "PROPN", 0, "Entity=2)"),
            word_line(3, "and", "CCONJ", 4, "_"),
            word_line(4, "Bo", "PROPN", 2, "Entity=(3-person-new-x-cf1-1-sgl)1)"),
        ]
        .concat()
            + "\n";
        let sentences = gum_named_entities(&conllu).unwrap();
        assert_eq!(sentences[0].tags, ["O", "B-PER", "O", "B-PER"]);
    }

    #[test]
    fn reads_iob2_and_names_bad_lines() {
        let text = "# c\n1\tAda\tB-PER\t-\n2\tran\tO\t-\n\n1\tx\tQ\t-\n";
        let error = read_iob2(text).unwrap_err();
        assert!(error.to_string().contains("line 5"), "{error}");
        let sentences = read_iob2("1\tAda\tB-PER\t-\n2\tran\tO\t-\n").unwrap();
        assert_eq!(sentences[0].tags, ["B-PER", "O"]);
        assert!(sentences[0].upos.is_empty());
    }
}
