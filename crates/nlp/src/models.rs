//! The shipped models as one bundle: loading, saving, and annotating a [`Doc`].

use std::path::{Path, PathBuf};

use dyad_core::Doc;

use crate::lemmatizer::Lemmatizer;
use crate::ner::Ner;
use crate::parser::{ParseInput, Parser};
use crate::perceptron::WeightsError;
use crate::tagger::Tagger;

/// Marks a dyad model file and its format version.
const MAGIC: &[u8; 8] = b"DYADMDL1";

/// A model file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the file system said.
        source: std::io::Error,
    },
    /// The file is not the model it should be, or is damaged.
    #[error("{path}: {reason} (rebuild the models with `dyad train`)")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
}

/// The tagger, lemmatizer, parser and entity recognizer that annotate a document.
pub struct Models {
    /// Part-of-speech tagger (UPOS and XPOS).
    pub tagger: Tagger,
    /// Lemmatizer.
    pub lemmatizer: Lemmatizer,
    /// Dependency parser.
    pub parser: Parser,
    /// Named-entity recognizer.
    pub ner: Ner,
    /// Hash of the model files, recorded with everything the models produce.
    version: String,
}

/// The annotations of one sentence, as predicted; written into a `Doc` by [`Models::annotate`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SentenceAnalysis {
    /// Universal POS per word.
    pub upos: Vec<String>,
    /// Penn Treebank tag per word.
    pub xpos: Vec<String>,
    /// Lemma per word.
    pub lemmas: Vec<String>,
    /// Head per word: 0 for the root, else the 1-based position of the head in the sentence.
    pub heads: Vec<usize>,
    /// Dependency relation per word.
    pub deprels: Vec<String>,
    /// IOB2 entity tag per word.
    pub entities: Vec<String>,
}

impl Models {
    /// The file names of the four models in a models folder.
    pub const FILES: [&'static str; 4] = ["tagger.bin", "lemmatizer.bin", "parser.bin", "ner.bin"];

    /// Bundles trained models.
    pub fn new(tagger: Tagger, lemmatizer: Lemmatizer, parser: Parser, ner: Ner) -> Models {
        let mut models = Models {
            tagger,
            lemmatizer,
            parser,
            ner,
            version: String::new(),
        };
        let payloads = models.payloads();
        models.version = version_of(&payloads.each_ref().map(Vec::as_slice));
        models
    }

    /// Loads the four model files from `dir`.
    pub fn load(dir: &Path) -> Result<Models, ModelError> {
        let [tagger, lemmatizer, parser, ner] =
            Self::FILES.map(|name| read_model(&dir.join(name), name));
        let (tagger, lemmatizer, parser, ner) = (tagger?, lemmatizer?, parser?, ner?);
        let format = |name: &str, error: WeightsError| ModelError::Format {
            path: dir.join(name),
            reason: error.to_string(),
        };
        let version = version_of(&[&tagger, &lemmatizer, &parser, &ner]);
        Ok(Models {
            tagger: Tagger::from_bytes(&tagger).map_err(|e| format("tagger.bin", e))?,
            lemmatizer: Lemmatizer::from_bytes(&lemmatizer)
                .map_err(|e| format("lemmatizer.bin", e))?,
            parser: Parser::from_bytes(&parser).map_err(|e| format("parser.bin", e))?,
            ner: Ner::from_bytes(&ner).map_err(|e| format("ner.bin", e))?,
            version,
        })
    }

    /// Writes the four model files into `dir` (created if missing).
    pub fn save(&self, dir: &Path) -> Result<(), ModelError> {
        std::fs::create_dir_all(dir).map_err(|source| ModelError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        for (name, payload) in Self::FILES.iter().zip(self.payloads()) {
            let path = dir.join(name);
            let mut bytes = header(name);
            bytes.extend_from_slice(&payload);
            std::fs::write(&path, bytes).map_err(|source| ModelError::Io { path, source })?;
        }
        Ok(())
    }

    /// A short hash of the models, so every output can say which models produced it.
    pub fn version(&self) -> &str {
        &self.version
    }

    fn payloads(&self) -> [Vec<u8>; 4] {
        [
            self.tagger.to_bytes(),
            self.lemmatizer.to_bytes(),
            self.parser.to_bytes(),
            self.ner.to_bytes(),
        ]
    }

    /// Predicts every annotation of one sentence from its word forms.
    pub fn analyse(&self, forms: &[&str]) -> SentenceAnalysis {
        let tags = self.tagger.predict(forms);
        let retagged = words_to_retag(forms, &tags);
        let tags = if retagged.is_empty() {
            tags
        } else {
            self.tagger.predict_as(forms, &retagged)
        };
        let analysis = self.analyse_tagged(forms, tags);
        let analysis = self.repair_clause_verb(forms, analysis);
        let analysis = self.repair_past_read_as_participle(forms, analysis);
        if !lacks_main_verb(forms, &analysis) {
            return analysis;
        }
        // A full sentence parsed as a bare noun phrase ("Gunmen shot dead a mayor ..." with
        // "shot" tagged a noun): read the likeliest words with a past tense's form ("shot",
        // not "visit") as that verb, and keep the first reading the parser then makes the
        // sentence's head with a subject before it. Only before the first verb: a later one
        // would take the place of a verb already read.
        let first_verb = (analysis.upos.iter())
            .position(|upos| upos == "VERB" || upos == "AUX")
            .unwrap_or(forms.len());
        (self
            .tagger
            .past_verb_readings(forms, first_verb)
            .into_iter())
        .filter(|&word| Lemmatizer::is_past_tense(forms[word]))
        .filter(|&word| !later_verb_lacks_subject(&analysis, word))
        .take(2)
        .map(|verb| {
            let tags = self.tagger.predict_as(forms, &[(verb, PAST_VERB)]);
            (verb, self.analyse_tagged(forms, tags))
        })
        .find(|(verb, repaired)| heads_clause(repaired, *verb))
        .map_or(analysis, |(_, repaired)| repaired)
    }

    /// "... after the Algerian army shot down a Malian drone" with "shot" tagged a noun: an
    /// irregular past tense between a noun and the start of another phrase ("down", "a",
    /// "its", a number) is read as the verb it is, when the parser then gives it a subject.
    fn repair_clause_verb(&self, forms: &[&str], analysis: SentenceAnalysis) -> SentenceAnalysis {
        let starts_phrase = |word: usize| {
            matches!(
                analysis.xpos.get(word).map(String::as_str),
                Some("DT" | "PRP$" | "CD" | "RP")
            ) || matches!(
                forms.get(word),
                Some(&("down" | "up" | "off" | "out" | "dead"))
            )
        };
        let Some(verb) = (1..forms.len()).find(|&word| {
            analysis.upos[word] == "NOUN"
                && matches!(analysis.upos[word - 1].as_str(), "NOUN" | "PROPN")
                && starts_phrase(word + 1)
                && Lemmatizer::is_irregular_past(forms[word])
        }) else {
            return analysis;
        };
        self.reread_as_past(forms, analysis, verb, has_subject_before)
    }

    /// "Dominican immigration agents detained and deported 1,860 Haitian migrants", "Gunmen
    /// killed at least 42 villagers", "Thousands of people rallied outside parliament ...,
    /// and riot police detained ...": the sentence's first verb, a past form tagged a
    /// participle with no auxiliary, that the parser made the root, a modifier of the
    /// sentence's head noun, or a modifier of a noun that shares its verb with another
    /// subject, is read as the past tense when no finite verb follows in its clause; the
    /// repair is kept when the verb then has an active subject before it. "Militia fighters
    /// armed with guns killed ..." keeps its participle: a finite verb follows it.
    fn repair_past_read_as_participle(
        &self,
        forms: &[&str],
        analysis: SentenceAnalysis,
    ) -> SentenceAnalysis {
        let Some(verb) = (analysis.upos.iter()).position(|u| u == "VERB" || u == "AUX") else {
            return analysis;
        };
        let has_child = |word: usize, label: &str| {
            (0..forms.len())
                .any(|w| analysis.heads[w] == word + 1 && analysis.deprels[w].starts_with(label))
        };
        let head = analysis.heads[verb].checked_sub(1);
        let head_is_loose = |noun: usize| {
            // The head noun is the root, or one of two subjects of the same verb.
            analysis.heads[noun] == 0
                || (analysis.deprels[noun] == "nsubj"
                    && (noun + 1..forms.len()).any(|other| {
                        analysis.heads[other] == analysis.heads[noun]
                            && analysis.deprels[other] == "nsubj"
                    }))
        };
        let read_as_participle = verb > 0
            && analysis.xpos[verb] == "VBN"
            && Lemmatizer::is_past_tense(forms[verb])
            && !has_child(verb, "aux")
            && !has_child(verb, "nsubj:outer")
            && match head {
                None => true,
                Some(noun) => analysis.deprels[verb] == "acl" && head_is_loose(noun),
            };
        if !read_as_participle || has_active_subject_before(&analysis, verb) {
            return analysis;
        }
        if finite_verb_follows(forms, &analysis, verb) {
            return analysis;
        }
        self.reread_as_past(forms, analysis, verb, has_active_subject_before)
    }

    /// The sentence analysed again with `verb` read as a past tense, kept when the new parse
    /// gives the verb a subject as `has_subject` sees it; else the first analysis.
    fn reread_as_past(
        &self,
        forms: &[&str],
        analysis: SentenceAnalysis,
        verb: usize,
        has_subject: fn(&SentenceAnalysis, usize) -> bool,
    ) -> SentenceAnalysis {
        let tags = self.tagger.predict_as(forms, &[(verb, PAST_VERB)]);
        let repaired = self.analyse_tagged(forms, tags);
        if has_subject(&repaired, verb) {
            repaired
        } else {
            analysis
        }
    }

    /// "..., the foreign ministry said.": the clause before the comma and the attribution
    /// after it parsed apart and joined as UD joins them (the attribution's verb a
    /// `parataxis` of the clause's head), so the attribution cannot pull the clause apart.
    fn parse_around_attribution(
        &self,
        input: &ParseInput<'_>,
        comma: usize,
    ) -> Vec<(usize, String)> {
        let n = input.forms.len();
        let part = |range: std::ops::Range<usize>, last: Option<usize>| {
            (
                pick(input.forms, range.clone(), last),
                pick(input.upos, range.clone(), last),
                pick(input.xpos, range, last),
            )
        };
        let (forms, upos, xpos) = part(0..comma, Some(n - 1));
        let clause = self.parser.parse(&ParseInput {
            forms: &forms,
            upos: &upos,
            xpos: &xpos,
        });
        let (forms, upos, xpos) = part(comma + 1..n - 1, None);
        let attribution = self.parser.parse(&ParseInput {
            forms: &forms,
            upos: &upos,
            xpos: &xpos,
        });
        // Positions are 1-based; the clause's final stop stands at `comma + 1` in its parse.
        let clause_root = clause.iter().position(|(head, _)| *head == 0).unwrap_or(0) + 1;
        let in_sentence = |head: usize| if head == comma + 1 { n } else { head };
        let said = attribution.iter().position(|(h, _)| *h == 0).unwrap_or(0) + comma + 2;
        let mut arcs: Vec<(usize, String)> = clause[..comma]
            .iter()
            .map(|(head, label)| (in_sentence(*head), label.clone()))
            .collect();
        arcs.push((said, "punct".to_string()));
        arcs.extend(attribution.iter().map(|(head, label)| match head {
            0 => (clause_root, "parataxis".to_string()),
            h => (h + comma + 1, label.clone()),
        }));
        let (stop_head, stop_label) = &clause[comma];
        arcs.push((in_sentence(*stop_head), stop_label.clone()));
        arcs
    }

    /// Parses a sentence, its trailing attribution apart when it has one.
    fn parse_sentence(&self, input: &ParseInput<'_>) -> Vec<(usize, String)> {
        match trailing_attribution(input) {
            Some(comma) => self.parse_around_attribution(input, comma),
            None => self.parser.parse(input),
        }
    }

    /// "Moscow on Wednesday rejected ...": a weekday between a subject and its verb often
    /// leaves the verb without its subject. When it does, the sentence is parsed without
    /// "on Wednesday", which is then joined to the verb as its oblique; the repair is kept
    /// only when the verb then has a subject before it.
    fn parse_lifting_day(&self, input: &ParseInput<'_>) -> Vec<(usize, String)> {
        let arcs = self.parse_sentence(input);
        if let Some(on) = weekday_before_verb(input) {
            let verb = on + 2;
            // The weekday itself is no subject ("on Friday rejected" with "Friday" as one).
            let has_subject = |arcs: &[(usize, String)], verb: usize| {
                (0..verb)
                    .filter(|&w| w != on + 1)
                    .any(|w| is_subject_of(arcs[w].0, &arcs[w].1, verb))
            };
            if has_subject(&arcs, verb) {
                return arcs;
            }
            let repaired = self.parse_without_day(input, on, verb);
            return if has_subject(&repaired, verb) {
                repaired
            } else {
                arcs
            };
        }
        // "Carney said on Friday that Ottawa was ready to resume talks" parsed with "that
        // Ottawa was ready" as a relative clause of "Friday": a weekday after a verb of
        // saying heads nothing; the sentence is parsed without it when it does.
        if let Some(on) = weekday_after_saying(input) {
            let day = on + 1;
            let heads_words = (0..arcs.len()).any(|w| w != on && arcs[w].0 == day + 1);
            if heads_words {
                return self.parse_without_day(input, on, on - 1);
            }
        }
        arcs
    }

    /// The sentence parsed without "on <weekday>" at `on`, which is then joined to `verb` as
    /// its oblique.
    fn parse_without_day(
        &self,
        input: &ParseInput<'_>,
        on: usize,
        verb: usize,
    ) -> Vec<(usize, String)> {
        let kept: Vec<usize> = (0..input.forms.len())
            .filter(|&w| w != on && w != on + 1)
            .collect();
        fn keep<'a>(column: &[&'a str], kept: &[usize]) -> Vec<&'a str> {
            kept.iter().map(|&w| column[w]).collect()
        }
        let (forms, upos, xpos) = (
            keep(input.forms, &kept),
            keep(input.upos, &kept),
            keep(input.xpos, &kept),
        );
        let without = self.parser.parse(&ParseInput {
            forms: &forms,
            upos: &upos,
            xpos: &xpos,
        });
        // Back to the whole sentence's 1-based positions: the two lifted words come before
        // every word at or after `on`.
        let full = |head: usize| if head > on { head + 2 } else { head };
        let mut repaired: Vec<(usize, String)> = without
            .into_iter()
            .map(|(head, label)| (full(head), label))
            .collect();
        repaired.insert(on, (on + 2, "case".to_string()));
        repaired.insert(on + 1, (verb + 1, "obl".to_string()));
        repaired
    }

    fn analyse_tagged(&self, forms: &[&str], tags: Vec<(String, String)>) -> SentenceAnalysis {
        let upos: Vec<String> = tags.iter().map(|(upos, _)| upos.clone()).collect();
        let xpos: Vec<String> = tags.into_iter().map(|(_, xpos)| xpos).collect();
        let lemmas = forms
            .iter()
            .zip(upos.iter().zip(&xpos))
            .map(|(form, (upos, xpos))| self.lemmatizer.lemma(form, upos, xpos))
            .collect();
        let upos_refs: Vec<&str> = upos.iter().map(String::as_str).collect();
        let xpos_refs: Vec<&str> = xpos.iter().map(String::as_str).collect();
        let input = ParseInput {
            forms,
            upos: &upos_refs,
            xpos: &xpos_refs,
        };
        let arcs = self.parse_lifting_day(&input);
        // The recognizer was tuned and scored without tags; it reads forms only.
        let entities = self.ner.predict(forms, None);
        let (heads, deprels) = arcs.into_iter().unzip();
        SentenceAnalysis {
            upos,
            xpos,
            lemmas,
            heads,
            deprels,
            entities,
        }
    }

    /// Splits `text` into sentences and tokens and annotates them: the whole NLP stage of one
    /// article body.
    pub fn annotate_text(&self, text: &str) -> Doc {
        let mut doc = dyad_text::tokenize(text);
        self.annotate(&mut doc);
        doc
    }

    /// Annotates every sentence of `doc` in place.
    pub fn annotate(&self, doc: &mut Doc) {
        for sentence in doc.sentences.clone() {
            let forms: Vec<&str> = sentence
                .tokens
                .clone()
                .map(|i| doc.tokens[i].span.of(&doc.text))
                .collect();
            let analysis = self.analyse(&forms);
            write_analysis(doc, sentence.tokens.start, analysis);
        }
    }
}

/// Whether a sentence of at least six words ending in a full stop was parsed with a noun,
/// adjective or number at its head and no copula: a clause that lost its verb to the tagger.
fn lacks_main_verb(forms: &[&str], analysis: &SentenceAnalysis) -> bool {
    const SHORTEST: usize = 6;
    let Some(root) = analysis.heads.iter().position(|&head| head == 0) else {
        return false;
    };
    let has_copula = analysis
        .heads
        .iter()
        .zip(&analysis.deprels)
        .any(|(&head, relation)| head == root + 1 && relation == "cop");
    forms.len() >= SHORTEST
        && forms.last() == Some(&".")
        && matches!(
            analysis.upos[root].as_str(),
            "NOUN" | "PROPN" | "ADJ" | "NUM"
        )
        && !has_copula
}

/// Whether a finite verb after `word` has no subject: the clause's own verb, which lost its
/// subject to the noun phrase before it ("Militia fighters armed with guns killed ...").
fn later_verb_lacks_subject(analysis: &SentenceAnalysis, word: usize) -> bool {
    (word + 1..analysis.xpos.len()).any(|verb| {
        matches!(analysis.xpos[verb].as_str(), "VBD" | "VBZ" | "VBP")
            && !(0..analysis.heads.len())
                .any(|w| is_subject_of(analysis.heads[w], &analysis.deprels[w], verb))
    })
}

/// The words of `range`, then the word at `last`.
fn pick<'a>(words: &[&'a str], range: std::ops::Range<usize>, last: Option<usize>) -> Vec<&'a str> {
    let mut out: Vec<&'a str> = words[range].to_vec();
    out.extend(last.map(|l| words[l]));
    out
}

/// The comma before a trailing attribution ("..., the foreign ministry said.", "..., a
/// military spokesman told reporters on Monday."): a short noun phrase and a verb of saying
/// between the sentence's last comma and its final stop, after a clause of its own.
fn trailing_attribution(input: &ParseInput) -> Option<usize> {
    const LONGEST: usize = 10;
    let n = input.forms.len();
    if n < 8 || !matches!(input.forms[n - 1], "." | "!" | "?") {
        return None;
    }
    let comma = (0..n - 1).rev().find(|&i| input.forms[i] == ",")?;
    let tail = comma + 1..n - 1;
    if comma < 5 || tail.len() < 2 || tail.len() > LONGEST {
        return None;
    }
    let says = |i: usize| {
        matches!(input.forms[i], "said" | "says" | "told") && matches!(input.xpos[i], "VBD" | "VBZ")
    };
    let saying = tail.clone().find(|&i| says(i))?;
    let only_verb = tail
        .clone()
        .all(|i| i == saying || !matches!(input.upos[i], "VERB" | "AUX"));
    let starts_with_subject = matches!(
        input.upos[comma + 1],
        "DET" | "ADJ" | "NOUN" | "PROPN" | "PRON" | "NUM"
    );
    // The clause before must have a verb of its own.
    let clause_has_verb = (0..comma).any(|i| input.upos[i] == "VERB");
    (saying > comma + 1 && only_verb && starts_with_subject && clause_has_verb).then_some(comma)
}

/// The position of "on" in "<noun> on <weekday> <finite verb>", the wire's way of dating an
/// act between its subject and its verb.
fn weekday_before_verb(input: &ParseInput) -> Option<usize> {
    (1..input.forms.len().saturating_sub(2)).find(|&on| {
        input.forms[on] == "on"
            && is_weekday(input.forms[on + 1])
            && matches!(input.xpos[on + 2], "VBD" | "VBZ" | "VBP")
            && matches!(input.upos[on - 1], "NOUN" | "PROPN")
    })
}

/// The position of "on" in "<verb of saying> on <weekday> <clause>" ("said on Friday that
/// ...", "told reporters" excepted: the verb must come right before).
fn weekday_after_saying(input: &ParseInput) -> Option<usize> {
    (1..input.forms.len().saturating_sub(2)).find(|&on| {
        input.forms[on] == "on"
            && is_weekday(input.forms[on + 1])
            && matches!(
                input.forms[on - 1],
                "said" | "says" | "announced" | "added" | "warned"
            )
            && !matches!(
                input.forms[on + 2],
                "." | "," | ";" | "night" | "evening" | "morning"
            )
    })
}

/// Whether `word` is a day's whole name, capitalised ("Friday", not "Fri" or "friday").
fn is_weekday(word: &str) -> bool {
    word.len() >= 6
        && word.starts_with(char::is_uppercase)
        && dyad_core::calendar::weekday_number(word).is_some()
}

/// Whether the parse makes `verb` the sentence's head, with a subject before it.
fn heads_clause(analysis: &SentenceAnalysis, verb: usize) -> bool {
    analysis.heads.get(verb) == Some(&0) && has_subject_before(analysis, verb)
}

/// Whether the parse gives `verb` a subject before it.
fn has_subject_before(analysis: &SentenceAnalysis, verb: usize) -> bool {
    (0..verb).any(|word| is_subject_of(analysis.heads[word], &analysis.deprels[word], verb))
}

/// Whether a finite verb of `verb`'s own clause follows it, before the next comma: not one
/// joined to it by "and" or "or", nor one of a relative clause ("that would allow").
fn finite_verb_follows(forms: &[&str], analysis: &SentenceAnalysis, verb: usize) -> bool {
    let clause_end = (verb + 1..forms.len())
        .find(|&w| matches!(forms[w], "," | ";" | "."))
        .unwrap_or(forms.len());
    let in_relative_clause = |w: usize| {
        (w.saturating_sub(3)..w)
            .any(|r| matches!(forms[r].to_lowercase().as_str(), "that" | "which" | "who"))
    };
    (verb + 1..clause_end).any(|w| {
        matches!(analysis.xpos[w].as_str(), "VBD" | "VBZ" | "VBP" | "MD")
            && !in_relative_clause(w)
            && !matches!(forms[w - 1], "and" | "or")
    })
}

/// Whether the parse gives `verb` an active subject (`nsubj`, not `nsubj:pass`) before it.
fn has_active_subject_before(analysis: &SentenceAnalysis, verb: usize) -> bool {
    (0..verb).any(|word| analysis.heads[word] == verb + 1 && analysis.deprels[word] == "nsubj")
}

/// Whether a word with this 1-based head and label is a subject of the (0-based) `verb`.
fn is_subject_of(head: usize, label: &str, verb: usize) -> bool {
    head == verb + 1 && label.starts_with("nsubj")
}

/// The label a repair gives a word it reads as a past-tense verb.
const PAST_VERB: (&str, &str) = ("VERB", "VBD");

/// Words the first tagging read wrongly by a rule of English, with their right labels:
/// - "ready to resume talks" with "resume" a noun: the word after an infinitive "to" is a
///   verb unless it is an adverb ("to quickly resume");
/// - "gathered outside parliament" with "outside" an adverb: before a noun phrase it is the
///   preposition;
/// - "an arms embargo" with "embargo" a verb: after "a" and a noun it is a noun;
/// - "accused neighbouring Eritrea", "its acting President" with the participle a verb:
///   before a name or a title it is an adjective;
/// - "Human Rights Watch" with "Watch" a verb: a capitalised word after another inside a
///   sentence is part of a name;
/// - "froze" read as a bare verb: a form that is only ever a past tense is one.
fn words_to_retag(
    forms: &[&str],
    tags: &[(String, String)],
) -> Vec<(usize, (&'static str, &'static str))> {
    // "urged the fighters to free 14 pupils" with "to" read as a preposition: before a word
    // that starts a noun phrase of its own, the word after "to" is still a verb.
    let starts_phrase = |i: usize| {
        tags.get(i).is_some_and(|(upos, xpos)| {
            matches!(upos.as_str(), "DET" | "NUM" | "PRON") || xpos == "PRP$"
        })
    };
    let after_to = (1..forms.len())
        .filter(|&i| {
            let infinitive = tags[i - 1].1 == "TO"
                || (forms[i - 1] == "to" && tags[i].0 == "ADJ" && starts_phrase(i + 1));
            infinitive && matches!(tags[i].0.as_str(), "NOUN" | "ADJ")
        })
        .flat_map(|i| [(i - 1, ("PART", "TO")), (i, ("VERB", "VB"))]);
    let before_phrase = (0..forms.len().saturating_sub(1))
        .filter(|&i| {
            matches!(forms[i].to_lowercase().as_str(), "outside" | "inside")
                && tags[i].0 == "ADV"
                && matches!(
                    tags[i + 1].0.as_str(),
                    "DET" | "NOUN" | "PROPN" | "ADJ" | "NUM"
                )
        })
        .map(|i| (i, ("ADP", "IN")));
    // "accused neighbouring Eritrea", "South Korea's acting President" with the participle
    // a verb: before a name or a title it describes.
    let neighbouring = (0..forms.len().saturating_sub(1))
        .filter(|&i| {
            let describing = match forms[i].to_lowercase().as_str() {
                "neighbouring" | "neighboring" => true,
                "acting" => forms[i + 1].starts_with(char::is_uppercase),
                _ => false,
            };
            describing
                && tags[i].0 == "VERB"
                && matches!(tags[i + 1].0.as_str(), "PROPN" | "NOUN" | "ADJ")
        })
        .map(|i| (i, ("ADJ", "JJ")));
    // "an arms embargo" with "embargo" a verb: "a" and a noun are no subject of a plural or
    // bare verb, so the word ends the noun phrase.
    // The same after "a" and words that describe ("a Philippine fisheries vessel").
    let opened_by_article = |noun: usize| {
        let mut at = noun;
        while at > 0 && matches!(tags[at - 1].0.as_str(), "NOUN" | "ADJ" | "PROPN" | "NUM") {
            at -= 1;
        }
        at > 0 && matches!(forms[at - 1].to_lowercase().as_str(), "a" | "an")
    };
    let after_article_noun = (2..forms.len())
        .filter(|&i| {
            tags[i - 1].0 == "NOUN"
                && opened_by_article(i - 1)
                && matches!(tags[i].1.as_str(), "VB" | "VBP")
        })
        .map(|i| (i, ("NOUN", "NN")));
    // "Human Rights Watch said" with "Watch" a verb: a capitalised word inside a run of
    // capitalised words is part of a name.
    let in_name = (1..forms.len())
        .filter(|&i| {
            let capitalised = |w: usize| forms[w].starts_with(char::is_uppercase);
            capitalised(i)
                && capitalised(i - 1)
                && i >= 2
                && tags[i].0 == "VERB"
                && matches!(tags[i - 1].0.as_str(), "NOUN" | "PROPN" | "ADJ")
        })
        .map(|i| (i, ("PROPN", "NNP")));
    // "Britain on Wednesday froze the assets" with "froze" a bare verb: a form that is only
    // ever a past tense is one ("lay", "found", "saw", "wound", "fell", "ground" and "bore"
    // are also bare verbs of their own, and forms like "put" are both).
    const ALSO_BARE: [&str; 9] = [
        "lay", "found", "saw", "wound", "fell", "ground", "bore", "left", "lit",
    ];
    let past_only = (0..forms.len())
        .filter(|&i| {
            let lower = forms[i].to_lowercase();
            matches!(tags[i].1.as_str(), "VB" | "VBP")
                && Lemmatizer::irregular_past(&lower).is_some_and(|lemma| lemma != lower)
                && !ALSO_BARE.contains(&lower.as_str())
        })
        .map(|i| (i, PAST_VERB));
    // "said on Friday that Ottawa was ready" with "that" a relative pronoun of "Friday": a
    // day names no one, so "that" after it opens the clause said.
    let said_on_day = (3..forms.len())
        .filter(|&i| {
            forms[i] == "that"
                && forms[i - 2] == "on"
                && is_weekday(forms[i - 1])
                && matches!(tags[i - 3].1.as_str(), "VBD" | "VBZ" | "VBP")
                && tags[i].0 != "SCONJ"
        })
        .map(|i| (i, ("SCONJ", "IN")));
    after_to
        .chain(said_on_day)
        .chain(before_phrase)
        .chain(past_only)
        .chain(in_name)
        .chain(after_article_noun)
        .chain(neighbouring)
        .collect()
}

/// Writes one sentence's predictions into the tokens starting at `first`.
fn write_analysis(doc: &mut Doc, first: usize, analysis: SentenceAnalysis) {
    let SentenceAnalysis {
        upos,
        xpos,
        lemmas,
        heads,
        deprels,
        entities,
    } = analysis;
    let columns = upos
        .into_iter()
        .zip(xpos)
        .zip(lemmas)
        .zip(heads)
        .zip(deprels)
        .zip(entities);
    for (offset, (((((upos, xpos), lemma), head), deprel), ner)) in columns.enumerate() {
        let token = &mut doc.tokens[first + offset];
        token.upos = upos;
        token.xpos = xpos;
        token.lemma = lemma;
        token.head = (head > 0).then(|| first + head - 1);
        token.deprel = deprel;
        token.ner = ner;
    }
}

fn header(name: &str) -> Vec<u8> {
    let mut bytes = MAGIC.to_vec();
    bytes.extend_from_slice(&(name.len() as u32).to_le_bytes());
    bytes.extend_from_slice(name.as_bytes());
    bytes
}

/// The payload of a model file after checking its header names the expected model.
fn read_model(path: &Path, name: &str) -> Result<Vec<u8>, ModelError> {
    let bytes = std::fs::read(path).map_err(|source| ModelError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let expected = header(name);
    if !bytes.starts_with(&expected) {
        let reason = format!("not a dyad {name} model of this version");
        return Err(ModelError::Format {
            path: path.to_path_buf(),
            reason,
        });
    }
    Ok(bytes[expected.len()..].to_vec())
}

/// FNV-1a over the payloads, as 16 hex digits.
fn version_of(payloads: &[&[u8]]) -> String {
    let mut hasher = crate::perceptron::FeatureHasher::new(0);
    for payload in payloads {
        std::hash::Hasher::write(&mut hasher, payload);
    }
    format!("{:016x}", hasher.done())
}
