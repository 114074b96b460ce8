//! Word lists the tokenizer and sentence splitter consult. They are data, kept together here so
//! that extending them never means touching the scanning code.
//!
//! Matching of abbreviations: an entry written in lowercase matches any casing ("etc", "Etc",
//! "ETC"); an entry with capitals matches itself or its all-capitals form only ("No" matches "No"
//! and "NO" but not "no", which is usually the word at the end of a sentence). The abbreviation
//! tables and the fused words are sorted ignoring case, one entry per lowercase form, for binary
//! search; a test checks that.

use std::cmp::Ordering;

/// How an abbreviation that keeps its period behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbreviationClass {
    /// Titles before a name ("Mr.", "Gen."): never end a sentence.
    Title,
    /// Abbreviations that precede a number ("No. 1", "Fig. 3"): never end a sentence.
    BeforeNumber,
    /// Everything else ("Inc.", "Jan."): may end a sentence.
    Ordinary,
    /// Abbreviations that end a list and so, before a capitalised word, usually a sentence
    /// ("etc.").
    ListEnd,
}

/// Titles and honorifics, written without their period.
const TITLES: &[&str] = &[
    "Adm", "Amb", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Cpt", "Det", "Dr", "Drs", "Fr", "Gen",
    "Gov", "Hon", "Insp", "Lt", "Maj", "Messrs", "Mme", "Mr", "Mrs", "Ms", "Msgr", "Mssrs", "Pres",
    "Prof", "Pvt", "Rep", "Reps", "Rev", "Sen", "Sens", "Sgt", "Sr", "Supt",
];

/// Abbreviations usually followed by a number.
const BEFORE_NUMBER: &[&str] = &[
    "art", "Arts", "ch", "fig", "Figs", "No", "nos", "op", "pp", "sec", "vol", "Vols",
];

/// Other abbreviations that keep their period: months and days ("May" and "June" are never
/// abbreviated with a period), company and place words, US states as newspapers abbreviate
/// them, Latin and scholarly forms, units.
const ORDINARY: &[&str] = &[
    "al", "Ala", "approx", "Apr", "Ariz", "Ark", "Assn", "Attn", "Aug", "Ave", "Blvd", "Bros",
    "ca", "Calif", "cf", "Co", "Colo", "Conn", "Corp", "Cos", "Dec", "Del", "dept", "esp", "Esq",
    "est", "ext", "Feb", "Fla", "Fri", "Ft", "Ga", "govt", "hrs", "Hwy", "ibid", "Ill", "Inc",
    "incl", "Ind", "Jan", "Jr", "Jul", "Jun", "Kan", "Kans", "Ky", "La", "llc", "Ltd", "Mar",
    "Mass", "Md", "Mich", "Minn", "misc", "Miss", "Mo", "Mon", "Mont", "mos", "Mt", "Neb", "Nev",
    "Nov", "Oct", "Okla", "Ore", "Pa", "Penn", "Ph", "Plc", "Pt", "Rd", "Sat", "Sep", "Sept", "Sq",
    "St", "Sun", "Tenn", "Tex", "Thu", "Thur", "Thurs", "Tue", "Tues", "Univ", "Va", "viz", "vs",
    "Vt", "Wash", "Wed", "Wis", "Wyo", "yrs",
];

/// Abbreviations closing a list.
const LIST_ENDS: &[&str] = &["etc", "etcetera"];

/// Hyphenated words whose first part is one of these stay one token ("non-profit", "e-mail");
/// UD English splits other hyphenated compounds ("long - term").
pub(crate) const HYPHEN_PREFIXES: &[&str] = &[
    "anti", "co", "counter", "cross", "e", "ex", "inter", "intra", "mid", "mini", "mis", "multi",
    "neo", "non", "over", "post", "pre", "pro", "proto", "psycho", "re", "semi", "socio", "sub",
    "un",
];

/// Words written without an apostrophe that UD English splits into two or three syntactic words,
/// with the byte lengths of the parts after the first ("gonna" -> "gon" + "na").
pub(crate) const FUSED_WORDS: &[(&str, &[usize])] = &[
    ("aint", &[2]),
    ("arent", &[2]),
    ("cannot", &[3]),
    ("cant", &[2]),
    ("couldnt", &[2]),
    ("didnt", &[2]),
    ("doesnt", &[2]),
    ("dont", &[2]),
    ("dunno", &[1, 2]),
    ("gimme", &[2]),
    ("gonna", &[2]),
    ("gotta", &[2]),
    ("havent", &[2]),
    ("im", &[1]),
    ("isnt", &[2]),
    ("itll", &[2]),
    ("ive", &[2]),
    ("lemme", &[2]),
    ("outta", &[2]),
    ("thats", &[1]),
    ("theyre", &[2]),
    ("wanna", &[2]),
    ("wasnt", &[2]),
    ("whats", &[1]),
    ("wont", &[2]),
    ("wouldnt", &[2]),
    ("youll", &[2]),
    ("youre", &[2]),
];

/// Letters that may follow a number inside one chunk and form a separate token ("5pm" -> "5" +
/// "pm", "$221bn" -> "$" + "221" + "bn"). Ordinals and decades ("3rd", "1990s") stay whole.
pub(crate) const UNITS: &[&str] = &[
    "am", "bn", "cm", "ft", "g", "gb", "ghz", "hrs", "k", "kg", "km", "kmh", "kph", "kw", "lb",
    "lbs", "m", "mb", "mg", "mi", "min", "ml", "mm", "mn", "mph", "oz", "pm", "tn", "yrs",
];

/// Endings after a period that make "name.ending" a domain or file name, kept as one token.
pub(crate) const DOMAIN_ENDINGS: &[&str] = &[
    "au", "biz", "ca", "cn", "co", "com", "de", "doc", "docx", "edu", "fr", "gif", "gov", "htm",
    "html", "in", "info", "io", "jp", "jpg", "mil", "net", "org", "pdf", "php", "png", "ppt",
    "pptx", "ru", "txt", "uk", "us", "xls", "xlsx", "zip",
];

/// Capitalised words that commonly open a sentence; after an abbreviation that may end a
/// sentence ("in the U.S. The ..."), one of these makes the period a sentence end too.
pub(crate) const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "After",
    "All",
    "Also",
    "An",
    "And",
    "Are",
    "As",
    "At",
    "But",
    "By",
    "Did",
    "Do",
    "Does",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "My",
    "No",
    "Not",
    "Now",
    "Officials",
    "On",
    "One",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Thus",
    "To",
    "Under",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
];

/// Verbs of saying: after a quotation that ends in "?" or "!", a capitalised name followed by
/// one of these ("“Why?” Smith asked.") continues the sentence.
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "added",
    "adds",
    "answered",
    "asked",
    "asks",
    "called",
    "continued",
    "cried",
    "declared",
    "demanded",
    "explained",
    "exclaimed",
    "howled",
    "insisted",
    "noted",
    "recalled",
    "replied",
    "replies",
    "said",
    "say",
    "says",
    "screamed",
    "shouted",
    "sighed",
    "thought",
    "told",
    "wondered",
    "wrote",
    "yelled",
];

/// Emoticons kept as one token when they make up a whole chunk.
pub(crate) const EMOTICONS: &[&str] = &[
    ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":p", ":-p", ":/", ":O", ":o",
    ":|", "=)", "=(", "(:", "):", ":'(", "<3", "^_^", "^^", "-_-", "XD", "xD",
];

/// The class of `word` (written without its final period) if it is a known abbreviation.
pub(crate) fn abbreviation_class(word: &str) -> Option<AbbreviationClass> {
    const LONGEST: usize = 8;
    if word.len() > LONGEST {
        None
    } else if matches_any(TITLES, word) {
        Some(AbbreviationClass::Title)
    } else if matches_any(BEFORE_NUMBER, word) {
        Some(AbbreviationClass::BeforeNumber)
    } else if matches_any(ORDINARY, word) {
        Some(AbbreviationClass::Ordinary)
    } else if matches_any(LIST_ENDS, word) {
        Some(AbbreviationClass::ListEnd)
    } else {
        None
    }
}

/// Whether `word` is an entry of `table`, following the casing rule in the module docs.
fn matches_any(table: &[&str], word: &str) -> bool {
    table
        .binary_search_by(|entry| cmp_ignore_ascii_case(entry, word))
        .is_ok_and(|found| matches_entry(table[found], word))
}

/// Orders strings as their ASCII-lowercase forms would be ordered.
fn cmp_ignore_ascii_case(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|b| b.to_ascii_lowercase())
        .cmp(b.bytes().map(|b| b.to_ascii_lowercase()))
}

fn matches_entry(entry: &str, word: &str) -> bool {
    if entry.len() != word.len() || !entry.eq_ignore_ascii_case(word) {
        return false;
    }
    let entry_lowercase = !entry.bytes().any(|b| b.is_ascii_uppercase());
    entry_lowercase || entry == word || !word.bytes().any(|b| b.is_ascii_lowercase())
}

/// Whether `word` is in `table`, ignoring ASCII case.
pub(crate) fn contains_ignore_case(table: &[&str], word: &str) -> bool {
    table.iter().any(|entry| entry.eq_ignore_ascii_case(word))
}

/// The lengths of the parts after the first if `word` is a fused word such as "gonna".
pub(crate) fn fused_word_parts(word: &str) -> Option<&'static [usize]> {
    // Called for nearly every word: comparing packed integers keeps it to a few cycles.
    if word.len() > 8 {
        return None;
    }
    let key = pack_lowercase(word.as_bytes());
    FUSED_KEYS
        .iter()
        .position(|&k| k == key)
        .map(|found| FUSED_WORDS[found].1)
}

/// Up to eight ASCII-lowercased bytes packed into an integer, for fast comparison.
const fn pack_lowercase(bytes: &[u8]) -> u64 {
    let mut key = 0u64;
    let mut i = 0;
    while i < bytes.len() && i < 8 {
        key = (key << 8) | bytes[i].to_ascii_lowercase() as u64;
        i += 1;
    }
    key
}

/// [`FUSED_WORDS`] packed by [`pack_lowercase`].
const FUSED_KEYS: [u64; FUSED_WORDS.len()] = {
    let mut keys = [0u64; FUSED_WORDS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = pack_lowercase(FUSED_WORDS[i].0.as_bytes());
        i += 1;
    }
    keys
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searched_tables_are_sorted_without_duplicates() {
        let fused: Vec<&str> = FUSED_WORDS.iter().map(|(word, _)| *word).collect();
        assert!(
            fused
                .iter()
                .all(|word| word.len() <= 7 && word.bytes().all(|b| b.is_ascii_lowercase()))
        );
        let abbreviations = [TITLES, BEFORE_NUMBER, ORDINARY, LIST_ENDS].concat();
        assert!(abbreviations.iter().all(|word| word.len() <= 8));
        for table in [TITLES, BEFORE_NUMBER, ORDINARY, LIST_ENDS, fused.as_slice()] {
            for pair in table.windows(2) {
                assert_eq!(
                    cmp_ignore_ascii_case(pair[0], pair[1]),
                    Ordering::Less,
                    "{pair:?}"
                );
            }
        }
    }

    #[test]
    fn abbreviation_casing_rule() {
        assert_eq!(abbreviation_class("Mr"), Some(AbbreviationClass::Title));
        assert_eq!(abbreviation_class("MR"), Some(AbbreviationClass::Title));
        assert_eq!(abbreviation_class("mr"), None);
        assert_eq!(
            abbreviation_class("No"),
            Some(AbbreviationClass::BeforeNumber)
        );
        assert_eq!(abbreviation_class("no"), None);
        assert_eq!(abbreviation_class("Etc"), Some(AbbreviationClass::ListEnd));
        assert_eq!(abbreviation_class("Inc"), Some(AbbreviationClass::Ordinary));
    }
}
