//! Tone: how positive or negative a sentence and an article read, from the VADER lexicon.
//!
//! VADER scores a sentence as proportions of positive, negative and neutral words and a compound
//! score in [-1, 1]. GDELT's `AvgTone` is the percentage of positive words minus the percentage
//! of negative words in the article (-100 to 100, most news between -10 and 10); the article
//! tone here is that figure, with VADER's word weights and each sentence weighted by its length.

use dyad_core::Doc;
use vader_parity::SentimentIntensityAnalyzer;

/// Scores tone; build once and share (the lexicon is parsed on construction).
pub struct ToneScorer {
    analyzer: SentimentIntensityAnalyzer,
}

/// The tone of an article and of each of its sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleTone {
    /// VADER's compound score of each sentence, in [-1, 1], in sentence order.
    pub sentences: Vec<f64>,
    /// Percentage of positive minus percentage of negative words, as GDELT's `AvgTone`.
    pub average: f64,
}

impl Default for ToneScorer {
    fn default() -> Self {
        ToneScorer::new()
    }
}

impl ToneScorer {
    /// A scorer with the VADER 3.3.2 lexicon.
    pub fn new() -> ToneScorer {
        ToneScorer {
            analyzer: SentimentIntensityAnalyzer::new(),
        }
    }

    /// VADER's compound score of `text`, in [-1, 1].
    pub fn sentence(&self, text: &str) -> f64 {
        self.analyzer.polarity_scores(text).compound
    }

    /// The tone of every sentence of `doc` and of the whole article.
    pub fn article(&self, doc: &Doc) -> ArticleTone {
        let mut sentences = Vec::with_capacity(doc.sentences.len());
        let mut weighted = 0.0;
        let mut words = 0.0;
        for sentence in &doc.sentences {
            let text = &doc.text[sentence.span.start..sentence.span.end];
            let scores = self.analyzer.polarity_scores(text);
            sentences.push(scores.compound);
            let length = sentence.tokens.len() as f64;
            weighted += (scores.pos - scores.neg) * length;
            words += length;
        }
        let average = if words > 0.0 {
            100.0 * weighted / words
        } else {
            0.0
        };
        ArticleTone { sentences, average }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn praise_reads_positive_and_killing_negative() {
        let scorer = ToneScorer::new();
        assert!(scorer.sentence("The minister praised the excellent cooperation.") > 0.3);
        assert!(scorer.sentence("Gunmen killed 12 villagers in a brutal attack.") < -0.3);
        assert_eq!(scorer.sentence("The meeting is on Tuesday."), 0.0);
    }

    #[test]
    fn the_article_average_is_on_gdelts_scale() {
        let scorer = ToneScorer::new();
        let doc = dyad_text::tokenize(
            "Troops killed dozens of protesters in a horrific massacre. Rescuers mourned the dead.",
        );
        let tone = scorer.article(&doc);
        assert_eq!(tone.sentences.len(), 2);
        assert!(tone.sentences.iter().all(|&t| t < 0.0), "{tone:?}");
        assert!((-100.0..-5.0).contains(&tone.average), "{tone:?}");
        let empty = scorer.article(&Doc::default());
        assert_eq!(empty.average, 0.0);
    }
}
