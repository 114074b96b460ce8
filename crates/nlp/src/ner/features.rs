//! Feature extraction: what the perceptron sees for each word.

use super::gazetteer::{self, Category};
use super::lexicon::{self, Lexicon};
use crate::perceptron::FeatureHasher;

/// One word with the views of it the features use, computed once per sentence.
pub(crate) struct Word<'a> {
    form: &'a str,
    lower: String,
    shape: String,
    upos: &'a str,
    gazetteer: Option<(Category, u8)>,
    lexicon: u8,
    /// The word's most frequent UPOS in the lexicon's text ("" if unknown).
    usual_upos: &'static str,
}

/// Placeholder for positions before the sentence and after it.
const EDGE: &str = "<edge>";

/// Analyses a sentence; `upos` is used only when it has one tag per word.
pub(crate) fn analyse<'a>(
    forms: &[&'a str],
    upos: Option<&[&'a str]>,
    lexicon: &Lexicon,
) -> Vec<Word<'a>> {
    let upos = upos.filter(|tags| tags.len() == forms.len());
    let lowers: Vec<String> = forms.iter().map(|form| form.to_lowercase()).collect();
    let gazetteer = gazetteer::tag(forms, &lowers);
    lowers
        .into_iter()
        .zip(gazetteer)
        .enumerate()
        .map(|(index, (lower, gazetteer))| Word {
            form: forms[index],
            shape: shape(forms[index]),
            lexicon: lexicon.lookup(&lower).0,
            usual_upos: lexicon.lookup(&lower).1,
            lower,
            upos: upos.map_or("", |tags| tags[index]),
            gazetteer,
        })
        .collect()
}

/// Character classes with runs collapsed: "McDonald's" -> "XxXx'x", "2010" -> "d".
fn shape(form: &str) -> String {
    let mut shape = String::new();
    let mut previous = None;
    for character in form.chars().take(24) {
        let class = if character.is_uppercase() {
            'X'
        } else if character.is_lowercase() {
            'x'
        } else if character.is_numeric() {
            'd'
        } else {
            character
        };
        if previous != Some(class) {
            shape.push(class);
            previous = Some(class);
        }
    }
    shape
}

fn is_capitalised(form: &str) -> bool {
    form.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the sentence is written in ordinary case: some word after the first is
/// capitalised. Sentences in all lowercase (common in web text) make case a weak cue.
/// (Separating headline and all-caps styles as well was tried: it did not help.)
fn case_style(words: &[Word]) -> u64 {
    u64::from(words.iter().skip(1).any(|word| is_capitalised(word.form)))
}

/// The features of every word that do not depend on earlier decisions, concatenated;
/// `offsets[i]..offsets[i + 1]` are word i's.
pub(crate) fn static_features(words: &[Word], features: &mut Vec<u64>, offsets: &mut Vec<usize>) {
    features.clear();
    offsets.clear();
    let style = case_style(words);
    for index in 0..words.len() {
        offsets.push(features.len());
        word_features(words, index, style, features);
    }
    offsets.push(features.len());
}

fn lower_at<'w>(words: &'w [Word], index: isize) -> &'w str {
    usize::try_from(index)
        .ok()
        .and_then(|index| words.get(index))
        .map_or(EDGE, |word| word.lower.as_str())
}

fn word_at<'w, 'a>(words: &'w [Word<'a>], index: isize) -> Option<&'w Word<'a>> {
    usize::try_from(index)
        .ok()
        .and_then(|index| words.get(index))
}

fn word_features(words: &[Word], index: usize, style: u64, out: &mut Vec<u64>) {
    let word = &words[index];
    let at = index as isize;
    let capitalised = is_capitalised(word.form);
    let initial = index == 0;
    out.push(FeatureHasher::new(0).done());
    out.push(FeatureHasher::new(1).str(word.form).done());
    out.push(FeatureHasher::new(2).str(&word.lower).done());
    out.push(FeatureHasher::new(3).str(&word.shape).done());
    affixes(&word.lower, out);
    let case = case_code((capitalised, initial, style));
    out.push(FeatureHasher::new(6).num(case).done());
    out.push(FeatureHasher::new(7).num(case).str(&word.lower).done());
    for offset in [-2isize, -1, 1, 2] {
        let template = 10 + (offset + 2) as u32;
        out.push(
            FeatureHasher::new(template)
                .str(lower_at(words, at + offset))
                .done(),
        );
    }
    let (before, after) = (lower_at(words, at - 1), lower_at(words, at + 1));
    out.push(FeatureHasher::new(15).str(before).str(&word.lower).done());
    out.push(FeatureHasher::new(16).str(&word.lower).str(after).done());
    for offset in [-1isize, 1] {
        let shape = word_at(words, at + offset).map_or(EDGE, |w| w.shape.as_str());
        let template = 17 + (offset + 1) as u32 / 2;
        out.push(
            FeatureHasher::new(template)
                .str(shape)
                .str(&word.shape)
                .done(),
        );
    }
    gazetteer_features(words, at, out);
    upos_features(words, at, out);
    lexicon_features(words, at, capitalised, out);
}

fn lexicon_features(words: &[Word], at: isize, capitalised: bool, out: &mut Vec<u64>) {
    let code =
        |offset: isize| word_at(words, at + offset).map_or(lexicon::UNKNOWN - 1, |w| w.lexicon);
    let proper = |offset: isize| u64::from(lexicon::proper_bucket(code(offset)));
    let capital = u64::from(lexicon::capital_bucket(code(0)));
    let shown = u64::from(capitalised);
    out.push(FeatureHasher::new(60).num(u64::from(code(0))).done());
    out.push(FeatureHasher::new(61).num(proper(0)).num(shown).done());
    out.push(FeatureHasher::new(62).num(capital).num(shown).done());
    out.push(FeatureHasher::new(63).num(proper(-1)).num(proper(0)).done());
    out.push(FeatureHasher::new(64).num(proper(0)).num(proper(1)).done());
    out.push(
        FeatureHasher::new(65)
            .num(proper(-1))
            .num(proper(0))
            .num(proper(1))
            .done(),
    );
    let usual = |offset: isize| word_at(words, at + offset).map_or(EDGE, |w| w.usual_upos);
    out.push(FeatureHasher::new(66).str(usual(0)).num(shown).done());
    out.push(FeatureHasher::new(67).str(usual(-1)).str(usual(0)).done());
    out.push(FeatureHasher::new(68).str(usual(0)).str(usual(1)).done());
}

/// Case pattern as a number: capitalised, sentence-initial, sentence case style.
fn case_code((capitalised, initial, style): (bool, bool, u64)) -> u64 {
    u64::from(capitalised) | u64::from(initial) << 1 | style << 2
}

fn affixes(lower: &str, out: &mut Vec<u64>) {
    let chars: Vec<char> = lower.chars().collect();
    for length in 1..=4usize.min(chars.len()) {
        let prefix: String = chars[..length].iter().collect();
        let suffix: String = chars[chars.len() - length..].iter().collect();
        out.push(FeatureHasher::new(4).num(length as u64).str(&prefix).done());
        out.push(FeatureHasher::new(5).num(length as u64).str(&suffix).done());
    }
}

fn gazetteer_features(words: &[Word], at: isize, out: &mut Vec<u64>) {
    for offset in [-1isize, 0, 1, 2] {
        let template = 30 + (offset + 1) as u32;
        let entry = word_at(words, at + offset).and_then(|word| word.gazetteer);
        if let Some((category, part)) = entry {
            let hint = FeatureHasher::new(template).num(category as u64);
            out.push(hint.done());
            if offset == 0 {
                let capitalised = is_capitalised(words[at as usize].form);
                out.push(hint.num(u64::from(part)).num(u64::from(capitalised)).done());
            }
        }
    }
}

fn upos_features(words: &[Word], at: isize, out: &mut Vec<u64>) {
    let upos = |offset: isize| word_at(words, at + offset).map_or(EDGE, |word| word.upos);
    if upos(0).is_empty() {
        return;
    }
    out.push(FeatureHasher::new(40).str(upos(0)).done());
    out.push(FeatureHasher::new(41).str(upos(-1)).str(upos(0)).done());
    out.push(FeatureHasher::new(42).str(upos(0)).str(upos(1)).done());
    let word = &words[at as usize];
    out.push(FeatureHasher::new(43).str(upos(0)).str(&word.shape).done());
}

/// Features of the decisions already taken for the two previous words.
pub(crate) fn history_features(
    words: &[Word],
    index: usize,
    previous: usize,
    before_previous: usize,
    out: &mut Vec<u64>,
) {
    let word = &words[index];
    let (previous, before_previous) = (previous as u64, before_previous as u64);
    out.push(FeatureHasher::new(50).num(previous).done());
    out.push(
        FeatureHasher::new(51)
            .num(previous)
            .num(before_previous)
            .done(),
    );
    out.push(FeatureHasher::new(52).num(previous).str(&word.lower).done());
    out.push(FeatureHasher::new(53).num(previous).str(&word.shape).done());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("McDonald's"), "XxXx'x");
        assert_eq!(shape("2010"), "d");
        assert_eq!(shape("U.S."), "X.X.");
    }
}
