//! Training every model from the UD English treebanks, deterministically for a seed.

use std::path::{Path, PathBuf};

use dyad_text::conllu::{self, ConlluSentence};

use crate::lemmatizer::Lemmatizer;
use crate::models::Models;
use crate::ner::{self, Ner, NerConfig, NerSentence};
use crate::parser::{Parser, ParserConfig, TrainTree};
use crate::tagger::{Tagger, TaggerConfig};

/// The training corpora could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// A file is missing or unreadable.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the file system said.
        source: std::io::Error,
    },
    /// A file is not valid CoNLL-U or IOB2.
    #[error("{path}: {reason}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong, with its line.
        reason: String,
    },
}

/// The files of `../shared/corpora` that training reads: the train and dev splits (the
/// settings were chosen on dev first; the shipped models then learn from both), never test.
pub struct Corpora {
    /// UD English EWT, train then dev.
    pub ewt: Vec<ConlluSentence>,
    /// How many of `ewt` are the train split: the entity recognizer counts its word statistics
    /// over EWT train only, because UNER's labels are on EWT dev.
    pub ewt_train_len: usize,
    /// UD English GUM, train then dev.
    pub gum: Vec<ConlluSentence>,
    /// GUM train then dev as CoNLL-U text, for its entity annotations (same sentences as `gum`).
    pub gum_text: String,
    /// UNER English EWT dev labels (IOB2).
    pub uner_dev_text: String,
}

impl Corpora {
    /// Reads the training files below `dir` (the `corpora` folder).
    pub fn load(dir: &Path) -> Result<Corpora, CorpusError> {
        let mut ewt = read_conllu(&dir.join("ud-en-ewt/en_ewt-ud-train.conllu"))?;
        let ewt_train_len = ewt.len();
        ewt.extend(read_conllu(&dir.join("ud-en-ewt/en_ewt-ud-dev.conllu"))?);
        let gum_text = read(&dir.join("ud-en-gum/en_gum-ud-train.conllu"))?
            + "\n"
            + &read(&dir.join("ud-en-gum/en_gum-ud-dev.conllu"))?;
        Ok(Corpora {
            ewt,
            ewt_train_len,
            gum: parse_conllu(&gum_text, &dir.join("ud-en-gum"))?,
            gum_text,
            uner_dev_text: read(&dir.join("uner-en-ewt/en_ewt-ud-dev.iob2"))?,
        })
    }
}

/// Reads a file as text.
pub fn read(path: &Path) -> Result<String, CorpusError> {
    std::fs::read_to_string(path).map_err(|source| CorpusError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Reads and parses a CoNLL-U file.
pub fn read_conllu(path: &Path) -> Result<Vec<ConlluSentence>, CorpusError> {
    parse_conllu(&read(path)?, path)
}

fn parse_conllu(text: &str, path: &Path) -> Result<Vec<ConlluSentence>, CorpusError> {
    conllu::parse(text).map_err(|error| CorpusError::Format {
        path: path.to_path_buf(),
        reason: error.to_string(),
    })
}

/// Settings of a training run.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Seed of every shuffle: the same seed gives the same models.
    pub seed: u64,
    /// Folds for jackknifed tags: the parser and entity recognizer learn from tags predicted by
    /// a tagger that did not see the sentence, as they will meet them at run time.
    pub folds: usize,
    /// Tagger settings.
    pub tagger: TaggerConfig,
    /// Parser settings.
    pub parser: ParserConfig,
    /// Entity recognizer settings.
    pub ner: NerConfig,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            seed: 1,
            folds: 4,
            tagger: TaggerConfig::default(),
            parser: ParserConfig::default(),
            ner: NerConfig::default(),
        }
    }
}

/// Trains all four models; `progress` hears what is happening.
pub fn train(
    corpora: &Corpora,
    config: &TrainConfig,
    progress: &mut dyn FnMut(&str),
) -> Result<Models, CorpusError> {
    let sentences: Vec<ConlluSentence> = corpora.ewt.iter().chain(&corpora.gum).cloned().collect();
    let tagger_config = TaggerConfig {
        seed: config.seed,
        ..config.tagger.clone()
    };
    progress(&format!(
        "tagger: training on {} sentences",
        sentences.len()
    ));
    let tagger = Tagger::train(&sentences, &tagger_config);
    progress("lemmatizer: training");
    let lemmatizer = Lemmatizer::train(&sentences);
    // One run per fold: the folds only need tags about as good as the shipped tagger's.
    let fold_config = TaggerConfig {
        runs: 1,
        ..tagger_config.clone()
    };
    let predicted = jackknife_tags(&sentences, config.folds, &fold_config, progress);

    // Every tree twice: with jackknifed tags, as the parser meets them at run time, and with
    // gold tags, which keep it from unlearning what the tags mean (+0.3 LAS on EWT).
    let trees: Vec<TrainTree> = sentences
        .iter()
        .zip(&predicted)
        .map(|(sentence, tags)| with_tags(TrainTree::from_conllu(sentence), tags))
        .chain(sentences.iter().map(TrainTree::from_conllu))
        .collect();
    progress(&format!(
        "parser: training on {} trees (jackknifed and gold tags)",
        trees.len()
    ));
    let parser = Parser::train(
        &trees,
        &ParserConfig {
            seed: config.seed,
            ..config.parser.clone()
        },
    );

    let ner_sentences = ner_training_sentences(corpora)?;
    progress(&format!(
        "entities: training on {} sentences, then self-training",
        ner_sentences.len()
    ));
    let ner = train_ner(
        corpora,
        &ner_sentences,
        &NerConfig {
            seed: config.seed,
            ..config.ner.clone()
        },
    );
    Ok(Models::new(tagger, lemmatizer, parser, ner))
}

/// (UPOS, XPOS) per word of each sentence, each predicted by a tagger trained without the
/// sentence's fold.
type SentenceTags = Vec<(String, String)>;

fn jackknife_tags(
    sentences: &[ConlluSentence],
    folds: usize,
    config: &TaggerConfig,
    progress: &mut dyn FnMut(&str),
) -> Vec<SentenceTags> {
    let folds = folds.max(2);
    let mut predicted = vec![Vec::new(); sentences.len()];
    for fold in 0..folds {
        progress(&format!("tagger: jackknife fold {} of {folds}", fold + 1));
        let rest: Vec<ConlluSentence> = sentences
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != fold)
            .map(|(_, s)| s.clone())
            .collect();
        let tagger = Tagger::train(&rest, config);
        for (index, sentence) in sentences
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds == fold)
        {
            let forms: Vec<&str> = sentence.words.iter().map(|w| w.form()).collect();
            predicted[index] = tagger.predict(&forms);
        }
    }
    predicted
}

fn with_tags(mut tree: TrainTree, tags: &SentenceTags) -> TrainTree {
    if tags.len() == tree.forms.len() {
        tree.upos = tags.iter().map(|(upos, _)| upos.clone()).collect();
        tree.xpos = tags.iter().map(|(_, xpos)| xpos.clone()).collect();
    }
    tree
}

/// How often UNER's dev labels are repeated among GUM's far more numerous mentions: UNER's
/// conventions are the ones scored, so they weigh more (tuned on a held-out slice of UNER dev).
const UNER_COPIES: usize = 3;

/// GUM's named mentions and UNER EWT dev's labels, repeated.
fn ner_training_sentences(corpora: &Corpora) -> Result<Vec<NerSentence>, CorpusError> {
    let format = |name: &str, reason: String| CorpusError::Format {
        path: PathBuf::from(name),
        reason,
    };
    let mut sentences = ner::gum_named_entities(&corpora.gum_text)
        .map_err(|e| format("en_gum-ud-{train,dev}.conllu", e.to_string()))?;
    let uner = ner::read_iob2(&corpora.uner_dev_text)
        .map_err(|e| format("en_ewt-ud-dev.iob2", e.to_string()))?;
    for _ in 0..UNER_COPIES {
        sentences.extend(uner.iter().cloned());
    }
    Ok(sentences)
}

/// Trains with word statistics from EWT train, then once more with EWT train added as
/// self-labelled text (+2 F1 on held-out UNER dev).
fn train_ner(corpora: &Corpora, labelled: &[NerSentence], config: &NerConfig) -> Ner {
    let text: Vec<NerSentence> = corpora.ewt[..corpora.ewt_train_len]
        .iter()
        .map(|sentence| {
            NerSentence::from_conllu(sentence, vec!["O".to_string(); sentence.words.len()])
        })
        .collect();
    let first = Ner::train_with_lexicon(labelled, &text, config);
    let self_labelled = text.iter().map(|sentence| {
        let forms: Vec<&str> = sentence.forms.iter().map(String::as_str).collect();
        NerSentence {
            tags: first.predict(&forms, None),
            ..sentence.clone()
        }
    });
    let all: Vec<NerSentence> = labelled.iter().cloned().chain(self_labelled).collect();
    Ner::train_with_lexicon(&all, &text, config)
}
