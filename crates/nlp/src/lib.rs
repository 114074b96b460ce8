//! dyad's own language models, trained from the UD English treebanks: part-of-speech tagger,
//! lemmatizer, dependency parser and named-entity recognizer.

pub mod eval;
pub mod lemmatizer;
pub mod models;
pub mod ner;
pub mod parser;
pub mod perceptron;
pub mod tagger;
pub mod train;

pub use models::{ModelError, Models, SentenceAnalysis};
