//! Scoring the models against held-out treebanks: tags, lemmas and attachment with gold
//! tokenization, attachment from raw text (CoNLL 2018 style), and entity spans.

use std::fmt;

use dyad_core::{Span, universal_relation};
use dyad_text::conllu::ConlluSentence;
use dyad_text::eval::{Counts, gold_document};

use crate::models::Models;
use crate::ner::NerSentence;

/// Accuracy of the models on gold tokens; punctuation included.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TreebankAccuracy {
    /// Words scored.
    pub words: usize,
    /// Words with the gold UPOS.
    pub upos: usize,
    /// Words with the gold XPOS.
    pub xpos: usize,
    /// Words with the gold lemma.
    pub lemma: usize,
    /// Words with the gold head.
    pub uas: usize,
    /// Words with the gold head and the universal part of the gold relation (before ':').
    pub las: usize,
    /// Words with the gold head and the full gold relation, subtype included.
    pub las_full: usize,
}

impl TreebankAccuracy {
    fn percent(&self, count: usize) -> f64 {
        100.0 * count as f64 / self.words.max(1) as f64
    }

    /// UPOS accuracy in percent.
    pub fn upos_percent(&self) -> f64 {
        self.percent(self.upos)
    }

    /// Unlabelled attachment score in percent.
    pub fn uas_percent(&self) -> f64 {
        self.percent(self.uas)
    }

    /// Labelled attachment score (universal relations) in percent.
    pub fn las_percent(&self) -> f64 {
        self.percent(self.las)
    }
}

impl fmt::Display for TreebankAccuracy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "words {} | UPOS {:.2} XPOS {:.2} lemma {:.2} | UAS {:.2} LAS {:.2} (full labels {:.2})",
            self.words,
            self.percent(self.upos),
            self.percent(self.xpos),
            self.percent(self.lemma),
            self.percent(self.uas),
            self.percent(self.las),
            self.percent(self.las_full)
        )
    }
}

/// Annotates the gold words of every sentence and counts what matches the gold annotation.
pub fn score_gold_tokens(models: &Models, sentences: &[ConlluSentence]) -> TreebankAccuracy {
    let mut accuracy = TreebankAccuracy::default();
    for sentence in sentences {
        let forms: Vec<&str> = sentence.words.iter().map(|w| w.form()).collect();
        let analysis = models.analyse(&forms);
        for (index, word) in sentence.words.iter().enumerate() {
            let gold_head = word.head().parse::<usize>().ok();
            let head_ok = gold_head == Some(analysis.heads[index]);
            accuracy.words += 1;
            accuracy.upos += usize::from(analysis.upos[index] == word.upos());
            accuracy.xpos += usize::from(analysis.xpos[index] == word.columns[4]);
            accuracy.lemma += usize::from(analysis.lemmas[index] == word.columns[2]);
            accuracy.uas += usize::from(head_ok);
            accuracy.las += usize::from(
                head_ok
                    && universal_relation(&analysis.deprels[index])
                        == universal_relation(word.deprel()),
            );
            accuracy.las_full += usize::from(head_ok && analysis.deprels[index] == word.deprel());
        }
    }
    accuracy
}

/// "P .. R .. F1 .." of one count, as the raw-text line prints it.
fn prf(counts: &Counts) -> String {
    format!(
        "P {:.2} R {:.2} F1 {:.2}",
        counts.precision(),
        counts.recall(),
        counts.f1()
    )
}

/// Scores from raw text: dyad's own sentences and tokens, aligned to gold by character span.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RawTextScores {
    /// Token spans.
    pub tokens: Counts,
    /// Words whose span, head span and universal relation all match gold.
    pub las: Counts,
    /// Words whose span and head span match gold.
    pub uas: Counts,
}

impl fmt::Display for RawTextScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "from raw text: tokens {} | UAS {} | LAS {}",
            prf(&self.tokens),
            prf(&self.uas),
            prf(&self.las)
        )
    }
}

/// A word as a span with its head's span (`None` for the root) and universal relation.
type Arc = (Span, Option<Span>, String);

/// Tokenizes the raw text rebuilt from the treebank, annotates it, and scores attachment over
/// words aligned by span, as the CoNLL 2018 shared task did.
pub fn score_raw_text(models: &Models, sentences: &[ConlluSentence]) -> RawTextScores {
    let gold = gold_document(sentences);
    let gold_arcs = gold_arcs(sentences, &gold.tokens);
    let mut doc = dyad_text::tokenize(&gold.text);
    models.annotate(&mut doc);
    let system_arcs: Vec<Arc> = doc
        .tokens
        .iter()
        .map(|token| {
            (
                token.span,
                token.head.map(|h| doc.tokens[h].span),
                universal_relation(&token.deprel).to_string(),
            )
        })
        .collect();
    let gold_spans: std::collections::HashMap<Span, &Arc> =
        gold_arcs.iter().map(|arc| (arc.0, arc)).collect();
    let mut scores = RawTextScores::default();
    for prf in [&mut scores.tokens, &mut scores.uas, &mut scores.las] {
        prf.gold = gold_arcs.len();
        prf.system = system_arcs.len();
    }
    for arc in &system_arcs {
        if let Some(gold_arc) = gold_spans.get(&arc.0) {
            scores.tokens.correct += 1;
            let head_ok = gold_arc.1 == arc.1;
            scores.uas.correct += usize::from(head_ok);
            scores.las.correct += usize::from(head_ok && gold_arc.2 == arc.2);
        }
    }
    scores
}

/// Gold arcs over the spans `gold_document` located, word by word in treebank order.
fn gold_arcs(sentences: &[ConlluSentence], spans: &[Span]) -> Vec<Arc> {
    let mut arcs = Vec::with_capacity(spans.len());
    let mut first = 0;
    for sentence in sentences {
        let count = sentence.words.len();
        let Some(sentence_spans) = spans.get(first..first + count) else {
            break;
        };
        for (word, span) in sentence.words.iter().zip(sentence_spans) {
            let head = word
                .head()
                .parse::<usize>()
                .ok()
                .filter(|&h| h > 0 && h <= count)
                .map(|h| sentence_spans[h - 1]);
            arcs.push((*span, head, universal_relation(word.deprel()).to_string()));
        }
        first += count;
    }
    arcs
}

/// Exact-span entity F1 of the models on IOB2-labelled sentences (tags predicted from forms).
pub fn score_entities(models: &Models, sentences: &[NerSentence]) -> crate::ner::SpanScores {
    let predicted: Vec<Vec<String>> = sentences
        .iter()
        .map(|sentence| {
            let forms: Vec<&str> = sentence.forms.iter().map(String::as_str).collect();
            models.analyse(&forms).entities
        })
        .collect();
    let gold: Vec<Vec<String>> = sentences
        .iter()
        .map(|sentence| sentence.tags.clone())
        .collect();
    crate::ner::span_f1(&gold, &predicted)
}

/// Entity scores on one line, in percent: overall, then per type.
pub fn entity_line(scores: &crate::ner::SpanScores) -> String {
    let part = |name: &str, counts: &crate::ner::SpanCounts| {
        format!(
            "{name} P {:.2} R {:.2} F1 {:.2} (gold {}, predicted {})",
            100.0 * counts.precision(),
            100.0 * counts.recall(),
            100.0 * counts.f1(),
            counts.gold,
            counts.predicted
        )
    };
    let mut parts = vec![part("all", &scores.overall)];
    parts.extend(
        scores
            .per_type
            .iter()
            .map(|(kind, counts)| part(kind, counts)),
    );
    parts.join(" | ")
}
