//! Word statistics from POS-tagged text: how often each word is a proper noun and how often it
//! is written with a capital away from the sentence start. They let the recognizer know that
//! "miramar" or "noida" name something even when web text writes them in lowercase and the NER
//! training data never saw them; any treebank (no entity labels needed) can feed them. Each
//! word also keeps its most frequent UPOS, a stand-in tagger when the caller passes none.

use super::NerSentence;
use crate::perceptron::{WeightsError, read_strings, write_strings};
use std::collections::HashMap;

/// Code of a word the lexicon has never seen.
pub(crate) const UNKNOWN: u8 = u8::MAX;

/// The UPOS tags in a fixed order, to store a word's most frequent one as a byte.
const UPOS: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
];

/// Lowercase word -> (packed proper-noun ratio, capitalisation ratio and frequency buckets;
/// index of its most frequent UPOS in [`UPOS`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Lexicon {
    codes: HashMap<String, (u8, u8)>,
}

#[derive(Default)]
struct Counts {
    seen: u32,
    proper: u32,
    /// Occurrences after the sentence's first word, and how many of them were capitalised.
    inner: u32,
    capitalised: u32,
    by_upos: [u32; UPOS.len()],
}

impl Lexicon {
    /// Counts over every sentence that has UPOS (others count for capitalisation only).
    pub(crate) fn build<'a>(sentences: impl IntoIterator<Item = &'a NerSentence>) -> Lexicon {
        let mut counts: HashMap<String, Counts> = HashMap::new();
        for sentence in sentences {
            for (index, form) in sentence.forms.iter().enumerate() {
                let entry = counts.entry(form.to_lowercase()).or_default();
                entry.seen += 1;
                let upos = sentence.upos.get(index).map_or("", String::as_str);
                entry.proper += u32::from(upos == "PROPN");
                if let Some(tag) = UPOS.iter().position(|known| *known == upos) {
                    entry.by_upos[tag] += 1;
                }
                if index > 0 {
                    entry.inner += 1;
                    let capital = form.chars().next().is_some_and(char::is_uppercase);
                    entry.capitalised += u32::from(capital);
                }
            }
        }
        let codes = counts
            .into_iter()
            .filter(|(_, counts)| counts.seen >= 2 || counts.proper > 0)
            .map(|(word, counts)| (word, (pack(&counts), most_frequent(&counts.by_upos))))
            .collect();
        Lexicon { codes }
    }

    /// The code of a lowercase word and its most frequent UPOS ("" if unknown);
    /// [`UNKNOWN`] if unseen.
    pub(crate) fn lookup(&self, lower: &str) -> (u8, &'static str) {
        self.codes
            .get(lower)
            .map_or((UNKNOWN, ""), |&(code, upos)| {
                (code, UPOS.get(usize::from(upos)).copied().unwrap_or(""))
            })
    }

    /// Appends the lexicon in the model format (sorted, so saving is deterministic).
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        let mut entries: Vec<(&String, &(u8, u8))> = self.codes.iter().collect();
        entries.sort();
        let words: Vec<String> = entries.iter().map(|(word, _)| (*word).clone()).collect();
        write_strings(&words, out);
        out.extend(entries.iter().flat_map(|(_, (code, upos))| [*code, *upos]));
    }

    /// Reads a lexicon written by [`Lexicon::write`] at `*at`, advancing it.
    pub(crate) fn read(bytes: &[u8], at: &mut usize) -> Result<Lexicon, WeightsError> {
        let words = read_strings(bytes, at)?;
        let codes = bytes
            .get(*at..*at + 2 * words.len())
            .ok_or(WeightsError(*at))?;
        *at += 2 * words.len();
        let pairs = codes.chunks_exact(2).map(|pair| (pair[0], pair[1]));
        Ok(Lexicon {
            codes: words.into_iter().zip(pairs).collect(),
        })
    }
}

/// Index of the most frequent UPOS (the first on ties); past the end when none was seen.
fn most_frequent(by_upos: &[u32; UPOS.len()]) -> u8 {
    let best = (0..UPOS.len()).max_by_key(|&tag| (by_upos[tag], usize::MAX - tag));
    match best {
        Some(tag) if by_upos[tag] > 0 => tag as u8,
        _ => UPOS.len() as u8,
    }
}

/// Packs three buckets into one byte (at most 5 * 5 * 3 = 75 values).
fn pack(counts: &Counts) -> u8 {
    let proper = ratio_bucket(counts.proper, counts.seen);
    let capitalised = ratio_bucket(counts.capitalised, counts.inner);
    let frequency = match counts.seen {
        0..=2 => 0,
        3..=9 => 1,
        _ => 2,
    };
    proper * 15 + capitalised * 3 + frequency
}

fn ratio_bucket(part: u32, whole: u32) -> u8 {
    if whole == 0 {
        return 0;
    }
    if part == 0 {
        return 1;
    }
    match part as f64 / whole as f64 {
        r if r < 0.3 => 2,
        r if r < 0.7 => 3,
        _ => 4,
    }
}

/// The proper-noun bucket of a code (0 = no evidence, 1 = never ... 4 = mostly).
pub(crate) fn proper_bucket(code: u8) -> u8 {
    if code == UNKNOWN { 5 } else { code / 15 }
}

/// The capitalisation bucket of a code.
pub(crate) fn capital_bucket(code: u8) -> u8 {
    if code == UNKNOWN { 5 } else { code / 3 % 5 }
}
