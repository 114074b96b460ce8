//! Tag sets: the IOB2 tags the recognizer reads, learns and writes, the transition rule that
//! keeps output well formed, and exact-span scoring. (BILOU classes were tried: with greedy
//! decoding a wrong B- forces the span on over the next word, "Bush nominated Jennifer M.")

use std::collections::BTreeMap;

/// Entity types the recognizer predicts, in class order.
pub(crate) const TYPES: [&str; 3] = ["PER", "ORG", "LOC"];

/// Number of classes: O plus B- and I- per type.
pub(crate) const CLASSES: usize = 1 + 2 * TYPES.len();

/// The O class.
pub(crate) const OUTSIDE: usize = 0;

/// Position of a word inside an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Begin = 0,
    Inside = 1,
}

/// The class of `part` of type number `kind`.
pub(crate) fn class_of(part: Part, kind: usize) -> usize {
    1 + 2 * kind + part as usize
}

/// The part and type number of a class; `None` for O.
pub(crate) fn decode(class: usize) -> Option<(Part, usize)> {
    if class == OUTSIDE || class >= CLASSES {
        return None;
    }
    let part = if (class - 1).is_multiple_of(2) {
        Part::Begin
    } else {
        Part::Inside
    };
    Some((part, (class - 1) / 2))
}

/// Whether class `next` may follow class `previous` (O at sentence start): I-X only
/// continues an X.
pub(crate) fn allowed(previous: usize, next: usize) -> bool {
    match decode(next) {
        Some((Part::Inside, kind)) => decode(previous).is_some_and(|(_, before)| before == kind),
        _ => true,
    }
}

/// The IOB2 tag of a class.
pub(crate) fn iob2_of(class: usize) -> String {
    match decode(class) {
        None => "O".to_string(),
        Some((Part::Begin, kind)) => format!("B-{}", TYPES[kind]),
        Some((Part::Inside, kind)) => format!("I-{}", TYPES[kind]),
    }
}

/// Entity spans `(start, end exclusive, type)` of an IOB2 sequence, read leniently as
/// conlleval does: an `I-X` that does not continue an `X` starts a new span.
pub fn iob2_spans(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut spans: Vec<(usize, usize, String)> = Vec::new();
    let mut open = false;
    for (index, tag) in tags.iter().enumerate() {
        let (prefix, kind) = tag.split_once('-').unwrap_or((tag.as_str(), ""));
        let continues = open
            && prefix == "I"
            && spans
                .last()
                .is_some_and(|span| span.2 == kind && span.1 == index);
        if continues {
            if let Some(span) = spans.last_mut() {
                span.1 = index + 1;
            }
        } else if (prefix == "B" || prefix == "I") && !kind.is_empty() {
            spans.push((index, index + 1, kind.to_string()));
            open = true;
        } else {
            open = false;
        }
    }
    spans
}

/// The classes of an IOB2 sequence (normalised: a stray I- starts a span); types outside
/// [`TYPES`] become O.
pub(crate) fn classes_of_iob2(tags: &[String]) -> Vec<usize> {
    let mut classes = vec![OUTSIDE; tags.len()];
    for (start, end, kind) in iob2_spans(tags) {
        let Some(kind) = TYPES.iter().position(|known| *known == kind) else {
            continue;
        };
        classes[start] = class_of(Part::Begin, kind);
        for class in &mut classes[start + 1..end] {
            *class = class_of(Part::Inside, kind);
        }
    }
    classes
}

/// Counts for precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpanCounts {
    /// Predicted spans that match a gold span exactly (boundaries and type).
    pub correct: usize,
    /// Predicted spans.
    pub predicted: usize,
    /// Gold spans.
    pub gold: usize,
}

impl SpanCounts {
    /// Precision in [0, 1] (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    /// Recall in [0, 1] (0 when there is no gold span).
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    /// Harmonic mean of precision and recall, in [0, 1].
    pub fn f1(&self) -> f64 {
        ratio(2 * self.correct, self.predicted + self.gold)
    }

    fn add(&mut self, other: SpanCounts) {
        self.correct += other.correct;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Exact-span scores: overall and per entity type.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpanScores {
    /// All types together (micro-averaged).
    pub overall: SpanCounts,
    /// Each type seen in gold or predicted tags.
    pub per_type: BTreeMap<String, SpanCounts>,
}

/// Scores predicted IOB2 sentences against gold ones: a span counts only when its boundaries
/// and type both match. A missing predicted sentence counts as predicting nothing.
pub fn span_f1(gold: &[Vec<String>], predicted: &[Vec<String>]) -> SpanScores {
    let mut scores = SpanScores::default();
    let empty = Vec::new();
    for (index, gold_tags) in gold.iter().enumerate() {
        let predicted_tags = predicted.get(index).unwrap_or(&empty);
        score_sentence(gold_tags, predicted_tags, &mut scores);
    }
    scores
}

fn score_sentence(gold: &[String], predicted: &[String], scores: &mut SpanScores) {
    let gold_spans = iob2_spans(gold);
    let predicted_spans = iob2_spans(predicted);
    for span in &gold_spans {
        count(scores, &span.2, |counts| counts.gold += 1);
    }
    for span in &predicted_spans {
        let correct = usize::from(gold_spans.contains(span));
        count(scores, &span.2, |counts| {
            counts.predicted += 1;
            counts.correct += correct;
        });
    }
}

fn count(scores: &mut SpanScores, kind: &str, change: impl Fn(&mut SpanCounts)) {
    let mut delta = SpanCounts::default();
    change(&mut delta);
    scores.overall.add(delta);
    scores
        .per_type
        .entry(kind.to_string())
        .or_default()
        .add(delta);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn classes_round_trip_and_normalise_stray_inside() {
        let iob2 = tags("B-PER I-PER O B-LOC B-LOC I-ORG O I-LOC");
        let classes = classes_of_iob2(&iob2);
        let back: Vec<String> = classes.iter().map(|&class| iob2_of(class)).collect();
        assert_eq!(back, tags("B-PER I-PER O B-LOC B-LOC B-ORG O B-LOC"));
    }

    #[test]
    fn inside_only_continues_its_type() {
        let begin_per = class_of(Part::Begin, 0);
        let inside_per = class_of(Part::Inside, 0);
        let inside_org = class_of(Part::Inside, 1);
        assert!(allowed(begin_per, inside_per));
        assert!(allowed(inside_per, OUTSIDE));
        assert!(!allowed(begin_per, inside_org));
        assert!(!allowed(OUTSIDE, inside_per));
    }

    #[test]
    fn scores_exact_spans_only() {
        let gold = vec![tags("B-PER I-PER O B-LOC")];
        let predicted = vec![tags("B-PER O O B-LOC")];
        let scores = span_f1(&gold, &predicted);
        assert_eq!(scores.overall.correct, 1);
        assert_eq!(scores.overall.predicted, 2);
        assert_eq!(scores.overall.gold, 2);
        assert_eq!(scores.per_type["PER"].correct, 0);
        assert!((scores.per_type["LOC"].f1() - 1.0).abs() < 1e-9);
    }
}
