//! Place names in a document's tokens, with every place each may name and the words around
//! it that help choose.

use std::ops::Range;

use dyad_core::Doc;

use crate::gazetteer::{Candidate, Gazetteer, NameKind, fold, is_in_capitals};

/// A place name found in the text, not yet resolved.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// Its tokens.
    pub tokens: Range<usize>,
    /// Its sentence.
    pub sentence: usize,
    /// Whether it is in the dateline.
    pub in_dateline: bool,
    /// The places it may name.
    pub candidates: Vec<Candidate>,
    /// A division word follows it, maybe after a list: "Sumy and Kharkiv regions".
    pub division_word: bool,
    /// "the city of X", "the town of X".
    pub settlement_word: bool,
    /// The index (in the found list) of the name it qualifies: "Texas" in "PARIS, Texas".
    pub qualifies: Option<usize>,
}

/// Words after a name that make it a division: "the Kherson region", "Idlib province".
const DIVISION_WORDS: [&str; 20] = [
    "region",
    "regions",
    "province",
    "provinces",
    "state",
    "states",
    "oblast",
    "oblasts",
    "governorate",
    "governorates",
    "district",
    "districts",
    "county",
    "counties",
    "department",
    "departments",
    "prefecture",
    "prefectures",
    "division",
    "territory",
];

/// Small words that may stand lowercase inside a name ("Sea of Marmara", "Trinidad and Tobago").
const NAME_PARTICLES: [&str; 20] = [
    "of", "and", "de", "del", "la", "le", "les", "du", "des", "da", "do", "dos", "das", "upon",
    "on", "the", "al", "el", "am", "sur",
];

/// Capitalised words after a place name that do not make it part of a longer name.
const CALENDAR_WORDS: [&str; 19] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Prepositions that make a country name a location ("in Ukraine", "across the border into
/// Burundi") rather than an actor ("Russia launched").
const LOCATIVE_PREPOSITIONS: [&str; 22] = [
    "in",
    "into",
    "from",
    "across",
    "to",
    "near",
    "at",
    "throughout",
    "inside",
    "outside",
    "around",
    "within",
    "toward",
    "towards",
    "via",
    "through",
    "over",
    "out",
    "off",
    "entering",
    "borders",
    "bordering",
];

/// Words that may stand between the preposition and the country ("in neighbouring Chad");
/// points of the compass ("in south-eastern Poland") are fillers too.
const LOCATIVE_FILLERS: [&str; 7] = [
    "the",
    "neighbouring",
    "neighboring",
    "war-torn",
    "nearby",
    "mainland",
    "rural",
];

/// Whether a word may stand between a locative preposition and a country.
fn is_filler(word: &str) -> bool {
    let compass = ["north", "south", "east", "west", "central"]
        .iter()
        .any(|point| word.contains(point));
    LOCATIVE_FILLERS.contains(&word)
        || word == "-"
        || (compass && word.chars().all(|c| c.is_alphabetic() || c == '-'))
}

/// Nouns before "of" that make the country after it a location ("the capital of Congo").
const PLACE_NOUNS: [&str; 26] = [
    "capital",
    "city",
    "town",
    "part",
    "parts",
    "north",
    "south",
    "east",
    "west",
    "border",
    "borders",
    "coast",
    "outskirts",
    "areas",
    "area",
    "rest",
    "interior",
    "territory",
    "region",
    "province",
    "state",
    "towns",
    "cities",
    "villages",
    "regions",
    "provinces",
];

/// Every place name of `doc`, left to right, never overlapping: at each capitalised word the
/// longest name that starts there.
pub(crate) fn find(gazetteer: &Gazetteer, doc: &Doc) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        let dateline_end = dateline_end(doc, sentence.tokens.clone());
        let mut at = sentence.tokens.start;
        while at < sentence.tokens.end {
            let in_dateline = dateline_end.is_some_and(|end| at < end);
            let name = longest_name(gazetteer, doc, at, sentence.tokens.end, in_dateline);
            let Some((tokens, candidates)) = name else {
                at += 1;
                continue;
            };
            at = tokens.end;
            let qualifies = qualified(doc, &found, tokens.start);
            let candidates = allowed(doc, &tokens, candidates, qualifies.is_some(), in_dateline);
            let part_of_longer_name = !in_dateline
                && (capitalised_word_at(doc, tokens.end, sentence.tokens.end)
                    || (tokens.start > sentence.tokens.start + 1
                        && capitalised_word_at(doc, tokens.start - 1, sentence.tokens.end)
                        && !fold(doc.token_text(tokens.start - 1)).is_empty()));
            // A name the entity recognizer calls a person is one ("Jackson said").
            let person = tokens.clone().any(|t| doc.tokens[t].ner.ends_with("-PER"));
            if candidates.is_empty() || part_of_longer_name || person {
                continue;
            }
            found.push(Found {
                division_word: division_word_follows(doc, tokens.end, sentence.tokens.end)
                    || division_word_before(doc, tokens.start),
                settlement_word: settlement_word_before(doc, tokens.start),
                tokens,
                sentence: index,
                in_dateline,
                candidates,
                qualifies,
            });
        }
    }
    found
}

/// The longest gazetteer name starting at token `start` and ending by `end`.
fn longest_name(
    gazetteer: &Gazetteer,
    doc: &Doc,
    start: usize,
    end: usize,
    in_dateline: bool,
) -> Option<(Range<usize>, Vec<Candidate>)> {
    if !starts_upper(doc.token_text(start)) {
        return None;
    }
    let most = gazetteer.longest() + 2;
    let mut words: Vec<String> = Vec::new();
    let mut best = None;
    for at in start..end.min(start + most) {
        let text = doc.token_text(at);
        let word = fold(text);
        if word.is_empty() {
            // "Va" "." : a period belongs to the word before it.
            if text != "." {
                break;
            }
            continue;
        }
        let lowercase_word = text.chars().next().is_some_and(char::is_lowercase);
        if at > start && lowercase_word && !NAME_PARTICLES.contains(&text) {
            break;
        }
        words.push(word);
        let key = words.join(" ");
        let candidates = gazetteer.lookup(&key);
        let acronym = !in_dateline
            && is_in_capitals(doc.token_text(start))
            && !gazetteer.is_written_in_capitals(&key);
        if !candidates.is_empty() && starts_upper(text) && !acronym {
            best = Some((start..at + 1, candidates.to_vec()));
        }
    }
    best
}

/// The candidates a name may have where it stands: abbreviations only as qualifiers,
/// countries only as locations.
fn allowed(
    doc: &Doc,
    tokens: &Range<usize>,
    candidates: Vec<Candidate>,
    is_qualifier: bool,
    in_dateline: bool,
) -> Vec<Candidate> {
    let locative = in_dateline || is_qualifier || is_locative(doc, tokens.start);
    let possessive = tokens.end < doc.tokens.len()
        && matches!(doc.token_text(tokens.end), "'s" | "’s" | "'" | "’");
    candidates
        .into_iter()
        .filter(|c| c.by != NameKind::Abbreviation || is_qualifier)
        .filter(|c| c.kind != "country" || (locative && !possessive))
        .collect()
}

/// Whether a locative preposition comes before token `start`, maybe with fillers between
/// ("in neighbouring Chad"), or a country list that began with one ("in Mali and Niger").
fn is_locative(doc: &Doc, start: usize) -> bool {
    let mut at = start;
    while at > 0 {
        at -= 1;
        let word = doc.token_text(at).to_lowercase();
        if is_filler(&word) {
            continue;
        }
        if LOCATIVE_PREPOSITIONS.contains(&word.as_str()) {
            return true;
        }
        if word == "of" {
            return at > 0 && PLACE_NOUNS.contains(&doc.token_text(at - 1).to_lowercase().as_str());
        }
        if word == "with" {
            // "the border with Rwanda"
            let before = at.checked_sub(1).map(|b| doc.token_text(b).to_lowercase());
            return before.is_some_and(|b| b.starts_with("border") || b == "frontier");
        }
        if matches!(word.as_str(), "and" | "or" | ",") && at > 0 {
            // Walk back over the name before the comma or conjunction.
            let mut before = at - 1;
            while before > 0 && starts_upper(doc.token_text(before)) {
                if is_locative(doc, before) {
                    return true;
                }
                before -= 1;
            }
            return false;
        }
        return false;
    }
    false
}

/// The name a qualifier after a comma qualifies: in "PARIS, Texas", "Texas" qualifies "PARIS".
fn qualified(doc: &Doc, found: &[Found], start: usize) -> Option<usize> {
    let last = found.len().checked_sub(1)?;
    let comma = start.checked_sub(1)?;
    (doc.token_text(comma) == "," && found[last].tokens.end == comma).then_some(last)
}

/// Whether a division word follows the name, maybe after more names of a list:
/// "the Sumy and Kharkiv regions", "Donetsk, Luhansk and Zaporizhzhia oblasts".
fn division_word_follows(doc: &Doc, from: usize, end: usize) -> bool {
    for at in from..end.min(from + 8) {
        let text = doc.token_text(at);
        let word = text.to_lowercase();
        if DIVISION_WORDS.contains(&word.as_str()) {
            return true;
        }
        if !(word == "and" || word == "," || starts_upper(text)) {
            return false;
        }
    }
    false
}

/// Whether "province of", "state of" and the like come right before token `start`.
fn division_word_before(doc: &Doc, start: usize) -> bool {
    start >= 2
        && doc.token_text(start - 1) == "of"
        && DIVISION_WORDS.contains(&doc.token_text(start - 2).to_lowercase().as_str())
}

/// Whether "city of", "town of" or "village of" comes right before token `start`.
fn settlement_word_before(doc: &Doc, start: usize) -> bool {
    start >= 2
        && doc.token_text(start - 1) == "of"
        && matches!(
            doc.token_text(start - 2).to_lowercase().as_str(),
            "city" | "town" | "village" | "port" | "towns" | "cities"
        )
}

/// Whether token `at` (before `end`) is a capitalised word that would make a place name next
/// to it part of a longer name ("Islamic State", "Kyiv Mayor"), weekdays and months aside.
fn capitalised_word_at(doc: &Doc, at: usize, end: usize) -> bool {
    if at >= end {
        return false;
    }
    let text = doc.token_text(at);
    starts_upper(text) && text.chars().all(char::is_alphabetic) && !CALENDAR_WORDS.contains(&text)
}

/// Where a sentence's dateline ends, when it opens with one: a first word in capitals, then
/// within a few words a dash ("KYIV, March 3 (Reuters) -", "ALEXANDRIA, Va. (AP) —").
fn dateline_end(doc: &Doc, tokens: Range<usize>) -> Option<usize> {
    let first = doc.token_text((!tokens.is_empty()).then_some(tokens.start)?);
    if !is_in_capitals(first) {
        return None;
    }
    tokens
        .take(16)
        .find(|&t| matches!(doc.token_text(t), "-" | "—" | "–" | "--"))
}

fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}
