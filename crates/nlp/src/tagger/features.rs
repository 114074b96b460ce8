//! Feature extraction for the tagger: what a word looks like, what surrounds it, and which tags
//! were predicted around it.

use crate::perceptron::FeatureHasher;

/// Stand-in tag index for positions before the sentence start or after its end.
pub const NO_TAG: u64 = u64::MAX;

/// Feature templates; numbered once so saved models keep their meaning.
mod template {
    pub const WORD: u32 = 1;
    pub const EXACT: u32 = 2;
    pub const SUFFIX: u32 = 3; // + length - 1, up to 6
    pub const PREFIX: u32 = 7; // + length - 1, up to 10
    pub const SHAPE: u32 = 11;
    pub const FLAGS: u32 = 12;
    pub const PREV_WORD: u32 = 13;
    pub const PREV2_WORD: u32 = 14;
    pub const NEXT_WORD: u32 = 15;
    pub const NEXT2_WORD: u32 = 16;
    pub const PREV_SUFFIX: u32 = 17;
    pub const NEXT_SUFFIX: u32 = 18;
    pub const PREV_BIGRAM: u32 = 19;
    pub const NEXT_BIGRAM: u32 = 20;
    pub const NEXT_SHAPE: u32 = 21;
    pub const AMBIGUITY: u32 = 22;
    pub const PREV_AMBIGUITY: u32 = 23;
    pub const NEXT_AMBIGUITY: u32 = 24;
    pub const NEXT2_AMBIGUITY: u32 = 25;
    pub const AMBIGUITY_PAIR: u32 = 26;
    pub const PREV_TAG: u32 = 30;
    pub const PREV_TAGS: u32 = 31;
    pub const PREV_TAG_WORD: u32 = 32;
    pub const PREV_TAG_SUFFIX: u32 = 34;
    pub const PREV_TAG_AMBIGUITY: u32 = 35;
    pub const NEXT_TAG: u32 = 40;
    pub const NEXT_TAGS: u32 = 41;
    pub const AROUND_TAGS: u32 = 42;
    pub const NEXT_TAG_WORD: u32 = 43;
    pub const NEXT2_TAG: u32 = 44;
}

/// What one word contributes to features, hashed once per sentence so both passes and all
/// neighbours reuse it.
pub struct WordInfo {
    /// Lowercased form with digits folded to `0`.
    word: u64,
    /// The form exactly as written.
    exact: u64,
    suffixes: [u64; 4],
    prefixes: [u64; 4],
    shape: u64,
    flags: u64,
    /// The set of labels the word took in training ([`Ambiguity`]), 0 when rare or unseen.
    ambiguity: u64,
}

/// Lowercased form -> hash of the labels it takes in training: what a word can be, which
/// tells more about its neighbours than the word itself does.
pub type Ambiguity = std::collections::HashMap<String, u64>;

/// The form the word features and [`Ambiguity`] use: lowercased, digits folded to `0`.
pub fn normalize(form: &str) -> String {
    form.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

/// The hash standing for a set of labels (given sorted).
pub fn ambiguity_class(labels: &[u16]) -> u64 {
    labels
        .iter()
        .fold(FeatureHasher::new(u32::MAX - 2), |h, &l| {
            h.num(u64::from(l))
        })
        .done()
}

const FLAG_CAPITALISED: u64 = 1;
const FLAG_ALL_CAPS: u64 = 2;
const FLAG_DIGIT: u64 = 4;
const FLAG_HYPHEN: u64 = 8;
const FLAG_NO_LETTER: u64 = 16;

/// The stand-ins for words beyond the sentence edges.
fn boundary(offset: isize) -> WordInfo {
    let marker = FeatureHasher::new(u32::MAX).num(offset as u64).done();
    WordInfo {
        word: marker,
        exact: marker,
        suffixes: [marker; 4],
        prefixes: [marker; 4],
        shape: marker,
        flags: marker,
        ambiguity: marker,
    }
}

fn hash_str(text: &str) -> u64 {
    FeatureHasher::new(u32::MAX - 1).str(text).done()
}

impl WordInfo {
    /// Whether the word is frequent and always took `label` in training, so a first-pass
    /// `label` needs no second look.
    pub fn settled_as(&self, label: u16) -> bool {
        self.ambiguity == ambiguity_class(&[label])
    }

    /// Hashes the parts of `form` that features look at.
    pub fn new(form: &str, ambiguity: &Ambiguity) -> WordInfo {
        let normal = normalize(form);
        // Affixes are hashed as slices at character boundaries, without building strings.
        let mut suffixes = [0; 4];
        let mut prefixes = [0; 4];
        let mut ends = normal.char_indices().rev().map(|(at, _)| at);
        let mut last_start = 0;
        for length in 1..=4 {
            last_start = ends.next().unwrap_or(last_start);
            suffixes[length - 1] = hash_str(&normal[last_start..]);
            let end = normal
                .char_indices()
                .nth(length)
                .map_or(normal.len(), |(at, _)| at);
            prefixes[length - 1] = hash_str(&normal[..end]);
        }
        WordInfo {
            word: hash_str(&normal),
            exact: hash_str(form),
            suffixes,
            prefixes,
            shape: hash_str(&shape(form)),
            flags: flags(form),
            ambiguity: ambiguity.get(&normal).copied().unwrap_or(0),
        }
    }
}

/// The word's shape with runs collapsed: "McCain" -> "XxXx", "1,200" -> "d,d".
fn shape(form: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in form.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if last != Some(class) {
            out.push(class);
            last = Some(class);
        }
    }
    out
}

fn flags(form: &str) -> u64 {
    let mut flags = 0;
    let has_letter = form.chars().any(char::is_alphabetic);
    if form.chars().next().is_some_and(char::is_uppercase) {
        flags |= FLAG_CAPITALISED;
    }
    if has_letter && !form.chars().any(char::is_lowercase) {
        flags |= FLAG_ALL_CAPS;
    }
    if form.chars().any(|c| c.is_ascii_digit()) {
        flags |= FLAG_DIGIT;
    }
    if form.contains('-') {
        flags |= FLAG_HYPHEN;
    }
    if !has_letter {
        flags |= FLAG_NO_LETTER;
    }
    flags
}

/// The words of a sentence with two boundary stand-ins on each side, so neighbours never
/// need bounds checks.
pub struct Context {
    padded: Vec<WordInfo>,
}

impl Context {
    /// Prepares the sentence `forms`.
    pub fn new<S: AsRef<str>>(forms: &[S], ambiguity: &Ambiguity) -> Context {
        let mut padded = Vec::with_capacity(forms.len() + 4);
        padded.extend([boundary(-2), boundary(-1)]);
        padded.extend(
            forms
                .iter()
                .map(|form| WordInfo::new(form.as_ref(), ambiguity)),
        );
        padded.extend([boundary(1), boundary(2)]);
        Context { padded }
    }

    /// Whether word `index` is frequent and always took `label` in training.
    pub fn settled_as(&self, index: usize, label: u16) -> bool {
        self.at(index, 0).settled_as(label)
    }

    /// The word at `index + offset`, or a boundary stand-in.
    fn at(&self, index: usize, offset: isize) -> &WordInfo {
        &self.padded[(index as isize + 2 + offset) as usize]
    }

    /// Features of word `index` that do not depend on tags.
    pub fn local_features(&self, index: usize, out: &mut Vec<u64>) {
        use template::*;
        let word = self.at(index, 0);
        let (prev, prev2) = (self.at(index, -1), self.at(index, -2));
        let (next, next2) = (self.at(index, 1), self.at(index, 2));
        let f = |t: u32, value: u64| FeatureHasher::new(t).num(value).done();
        let f2 = |t: u32, a: u64, b: u64| FeatureHasher::new(t).num(a).num(b).done();
        out.extend([
            f(WORD, word.word),
            f(EXACT, word.exact),
            f(SHAPE, word.shape),
            f2(FLAGS, word.flags, u64::from(index == 0)),
            f(PREV_WORD, prev.word),
            f(PREV2_WORD, prev2.word),
            f(NEXT_WORD, next.word),
            f(NEXT2_WORD, next2.word),
            f(PREV_SUFFIX, prev.suffixes[2]),
            f(NEXT_SUFFIX, next.suffixes[2]),
            f2(PREV_BIGRAM, prev.word, word.word),
            f2(NEXT_BIGRAM, word.word, next.word),
            f(NEXT_SHAPE, next.shape),
            f(AMBIGUITY, word.ambiguity),
            f(PREV_AMBIGUITY, prev.ambiguity),
            f(NEXT_AMBIGUITY, next.ambiguity),
            f(NEXT2_AMBIGUITY, next2.ambiguity),
            f2(AMBIGUITY_PAIR, word.ambiguity, next.ambiguity),
        ]);
        for length in 0..4 {
            out.push(f(SUFFIX + length as u32, word.suffixes[length]));
            out.push(f(PREFIX + length as u32, word.prefixes[length]));
        }
    }

    /// Features from the tags already chosen to the left (`prev`, `prev2`).
    pub fn left_tag_features(&self, index: usize, prev: u64, prev2: u64, out: &mut Vec<u64>) {
        use template::*;
        let word = self.at(index, 0);
        out.extend([
            FeatureHasher::new(PREV_TAG).num(prev).done(),
            FeatureHasher::new(PREV_TAGS).num(prev).num(prev2).done(),
            FeatureHasher::new(PREV_TAG_WORD)
                .num(prev)
                .num(word.word)
                .done(),
            FeatureHasher::new(PREV_TAG_SUFFIX)
                .num(prev)
                .num(word.suffixes[2])
                .done(),
            FeatureHasher::new(PREV_TAG_AMBIGUITY)
                .num(prev)
                .num(word.ambiguity)
                .done(),
        ]);
    }

    /// Features from the first pass's guesses to the right (`next`, `next2`), with the
    /// second pass's tag to the left (`prev`).
    pub fn right_tag_features(
        &self,
        index: usize,
        prev: u64,
        next: u64,
        next2: u64,
        out: &mut Vec<u64>,
    ) {
        use template::*;
        let word = self.at(index, 0);
        out.extend([
            FeatureHasher::new(NEXT_TAG).num(next).done(),
            FeatureHasher::new(NEXT2_TAG).num(next2).done(),
            FeatureHasher::new(NEXT_TAGS).num(next).num(next2).done(),
            FeatureHasher::new(AROUND_TAGS).num(prev).num(next).done(),
            FeatureHasher::new(NEXT_TAG_WORD)
                .num(next)
                .num(word.word)
                .done(),
        ]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("McCain"), "XxXx");
        assert_eq!(shape("1,200"), "d,d");
        assert_eq!(shape(""), "");
    }

    #[test]
    fn flags_describe_case_and_digits() {
        assert_eq!(flags("NATO"), FLAG_CAPITALISED | FLAG_ALL_CAPS);
        assert_eq!(flags("2-1"), FLAG_DIGIT | FLAG_HYPHEN | FLAG_NO_LETTER);
    }
}
