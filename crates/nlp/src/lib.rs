//! dyad's own language models, trained from the UD English treebanks: part-of-speech tagger,
//! lemmatizer, dependency parser and named-entity recognizer.

pub mod perceptron;
