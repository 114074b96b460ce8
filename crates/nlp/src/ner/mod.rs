//! Named-entity recognizer: PER, ORG and LOC spans as IOB2 tags.
//!
//! A greedy left-to-right IOB2 labeler with the shared averaged perceptron. Each word's
//! features (word, lowercase, shape, affixes, case with sentence-initial and
//! all-lowercase-sentence handling, neighbours within two words, a small gazetteer, word
//! statistics from a treebank (see `lexicon`), UPOS when given) are combined with the two
//! previous decisions. Decoding only considers classes that may follow the previous one, so the
//! output is always well-formed IOB2.
//!
//! Training drops the gold UPOS of half the sentences (chosen anew each epoch) so one model
//! serves both callers with predicted tags and callers without any, and lowercases one
//! sentence in eight, because web text often ignores case and edited training text never does.

mod data;
mod features;
mod gazetteer;
mod lexicon;
mod tags;

pub use data::{NerDataError, gum_named_entities, read_iob2};
pub use tags::{SpanCounts, SpanScores, iob2_spans, span_f1};

use crate::perceptron::{Trainer, Weights, WeightsError, XorShift};
use features::Word;
use lexicon::Lexicon;
use tags::{CLASSES, OUTSIDE};

/// File signature of a saved recognizer (format version in the last byte).
const MAGIC: &[u8; 8] = b"DYADNER\x04";

/// One training sentence in this many is shown lowercased.
const LOWERCASE_ONE_IN: u64 = 8;

/// Features updated fewer times than this are pruned from the saved model. 1 keeps them all:
/// 2 shrinks the model from 1.8 to 1.1 MB at the same dev F1 but forgets names seen once.
const MIN_UPDATES: u32 = 1;

/// Training settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NerConfig {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Seed of the shuffle and of UPOS dropout; same seed, same model.
    pub seed: u64,
}

impl Default for NerConfig {
    fn default() -> Self {
        NerConfig {
            epochs: 10,
            seed: 7,
        }
    }
}

/// One training or evaluation sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NerSentence {
    /// Words.
    pub forms: Vec<String>,
    /// Universal POS tags, one per word, or empty when unknown.
    pub upos: Vec<String>,
    /// IOB2 tags, one per word (`O`, `B-PER`, `I-LOC`, ...).
    pub tags: Vec<String>,
}

impl NerSentence {
    /// The forms and UPOS of a treebank sentence with the given tags.
    pub fn from_conllu(sentence: &dyad_text::conllu::ConlluSentence, tags: Vec<String>) -> Self {
        NerSentence {
            forms: sentence
                .words
                .iter()
                .map(|w| w.form().to_string())
                .collect(),
            upos: sentence
                .words
                .iter()
                .map(|w| w.upos().to_string())
                .collect(),
            tags,
        }
    }
}

/// A trained named-entity recognizer.
#[derive(Debug, Clone, PartialEq)]
pub struct Ner {
    weights: Weights,
    lexicon: Lexicon,
}

/// Reusable buffers for one sentence's features.
#[derive(Default)]
struct Scratch {
    features: Vec<u64>,
    offsets: Vec<usize>,
    current: Vec<u64>,
}

impl Scratch {
    /// Fills `current` with word `index`'s features given the two previous classes.
    fn word(&mut self, words: &[Word], index: usize, history: (usize, usize)) -> &[u64] {
        let static_part = &self.features[self.offsets[index]..self.offsets[index + 1]];
        self.current.clear();
        self.current.extend_from_slice(static_part);
        features::history_features(words, index, history.0, history.1, &mut self.current);
        &self.current
    }
}

/// The best-scoring class allowed after `previous`.
fn best_allowed(scores: &[f32], previous: usize) -> usize {
    let mut best: Option<usize> = None;
    for (class, &score) in scores.iter().enumerate() {
        let better = best.is_none_or(|best| score > scores[best]);
        if better && tags::allowed(previous, class) {
            best = Some(class);
        }
    }
    // Some class is always allowed; O only as a guard against an empty score vector.
    best.unwrap_or(OUTSIDE)
}

impl Ner {
    /// Trains on `sentences` (IOB2; types other than PER/ORG/LOC are ignored). Word
    /// statistics (how often a word is a proper noun, how often capitalised) come from the
    /// sentences that have UPOS.
    pub fn train(sentences: &[NerSentence], config: &NerConfig) -> Ner {
        Ner::train_with_lexicon(sentences, sentences, config)
    }

    /// Like [`Ner::train`], with word statistics counted over `tagged_text` instead: sentences
    /// with forms and UPOS whose entity tags are not used (e.g. a treebank's training part,
    /// read with [`gum_named_entities`]). Text apart from the NER sentences is better: the
    /// statistics then cover training words no better than unseen ones.
    pub fn train_with_lexicon(
        sentences: &[NerSentence],
        tagged_text: &[NerSentence],
        config: &NerConfig,
    ) -> Ner {
        let lexicon = Lexicon::build(tagged_text);
        let mut trainer = Trainer::new(CLASSES);
        let mut random = XorShift::new(config.seed);
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        let mut scratch = Scratch::default();
        for _ in 0..config.epochs {
            random.shuffle(&mut order);
            for &index in &order {
                let variant = Variant {
                    keep_upos: random.next_u64().is_multiple_of(2),
                    lowercase: random.next_u64().is_multiple_of(LOWERCASE_ONE_IN),
                };
                let sentence = &sentences[index];
                train_sentence(&mut trainer, sentence, &lexicon, variant, &mut scratch);
            }
        }
        Ner {
            weights: trainer.freeze(MIN_UPDATES),
            lexicon,
        }
    }

    /// IOB2 tags for `forms`, one per word. `upos` (one tag per word, e.g. from the tagger)
    /// improves accuracy a little; it is ignored when its length does not match.
    pub fn predict(&self, forms: &[&str], upos: Option<&[&str]>) -> Vec<String> {
        let words = features::analyse(forms, upos, &self.lexicon);
        let mut scratch = Scratch::default();
        features::static_features(&words, &mut scratch.features, &mut scratch.offsets);
        let mut history = (OUTSIDE, OUTSIDE);
        let mut out = Vec::with_capacity(words.len());
        let mut scores = Vec::with_capacity(CLASSES);
        for index in 0..words.len() {
            let current = scratch.word(&words, index, history);
            self.weights.scores(current, &mut scores);
            let class = best_allowed(&scores, history.0);
            out.push(tags::iob2_of(class));
            history = (class, history.0);
        }
        out
    }

    /// The model in dyad's binary format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        self.weights.write(&mut out);
        self.lexicon.write(&mut out);
        out
    }

    /// Reads a model written by [`Ner::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Ner, WeightsError> {
        if bytes.get(..MAGIC.len()) != Some(MAGIC.as_slice()) {
            return Err(WeightsError(0));
        }
        let mut at = MAGIC.len();
        let weights = Weights::read(bytes, &mut at)?;
        if weights.classes() != CLASSES {
            return Err(WeightsError(at));
        }
        let lexicon = Lexicon::read(bytes, &mut at)?;
        if at != bytes.len() {
            return Err(WeightsError(at));
        }
        Ok(Ner { weights, lexicon })
    }
}

/// How a training sentence is shown to the learner this time.
#[derive(Clone, Copy)]
struct Variant {
    /// Whether its gold UPOS is shown (dropped otherwise, as when no tagger ran).
    keep_upos: bool,
    /// Whether its words are lowercased (web text often is; edited training text rarely).
    lowercase: bool,
}

/// One perceptron pass over a sentence. The history features use the gold classes (the
/// model's own decisions, as at prediction time, were tried and did 2-3 F1 worse).
fn train_sentence(
    trainer: &mut Trainer,
    sentence: &NerSentence,
    lexicon: &Lexicon,
    variant: Variant,
    scratch: &mut Scratch,
) {
    let lowered: Vec<String> = if variant.lowercase {
        sentence
            .forms
            .iter()
            .map(|form| form.to_lowercase())
            .collect()
    } else {
        Vec::new()
    };
    let source = if variant.lowercase {
        &lowered
    } else {
        &sentence.forms
    };
    let forms: Vec<&str> = source.iter().map(String::as_str).collect();
    let upos: Vec<&str> = sentence.upos.iter().map(String::as_str).collect();
    let upos = Some(&upos[..]).filter(|_| variant.keep_upos);
    let words = features::analyse(&forms, upos, lexicon);
    let gold = tags::classes_of_iob2(&sentence.tags);
    features::static_features(&words, &mut scratch.features, &mut scratch.offsets);
    let mut history = (OUTSIDE, OUTSIDE);
    let mut scores = Vec::new();
    for (index, &truth) in gold.iter().enumerate().take(words.len()) {
        let current = scratch.word(&words, index, history);
        trainer.scores(current, &mut scores);
        let guess = best_allowed(&scores, history.0);
        trainer.update(current, truth, guess);
        history = (truth, history.0);
    }
}

#[cfg(test)]
mod tests;
