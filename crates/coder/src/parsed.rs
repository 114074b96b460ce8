//! One annotated sentence seen as a tree: words with their heads and children, the byte spans
//! they cover in the article, and the knowledge-base names found among them.

use dyad_core::{Doc, Sentence, Token};
use dyad_resolve::{Gazetteer, Mention};

/// Words that can be a verb's phrasal particle ("hand over", "pull out", "step up").
const PARTICLES: &[&str] = &["over", "out", "up", "down", "back", "off", "away", "in"];

/// A parsed sentence, indexed from 0 within the sentence.
pub struct Parsed<'a> {
    /// The article text every span points into.
    pub text: &'a str,
    /// The sentence's tokens.
    pub tokens: &'a [Token],
    /// Head of each word within the sentence (`None` for the root).
    pub heads: Vec<Option<usize>>,
    /// Children of each word, left to right.
    pub children: Vec<Vec<usize>>,
    /// Knowledge-base names found in the sentence.
    pub mentions: Vec<Mention>,
    /// Each word's full relation, as the parser gave it or as a repair set it.
    relations: Vec<&'a str>,
    /// Each word's lemma, lowercased once (its form when the lemma is missing).
    lemmas: Vec<String>,
}

impl<'a> Parsed<'a> {
    /// Views sentence `sentence` of `doc` (annotated by the nlp stage) as a tree.
    pub fn new(doc: &'a Doc, sentence: &Sentence, gazetteer: &Gazetteer) -> Parsed<'a> {
        let tokens = doc.sentence_tokens(sentence);
        let first = sentence.tokens.start;
        let n = tokens.len();
        let mut heads: Vec<Option<usize>> = tokens
            .iter()
            .map(|t| t.head.and_then(|h| h.checked_sub(first)).filter(|&h| h < n))
            .collect();
        break_cycles(&mut heads);
        let mut relations: Vec<&str> = tokens.iter().map(|t| t.deprel.as_str()).collect();
        crate::repair::repair(tokens, &mut heads, &mut relations);
        let children = children_of(&heads);
        let forms: Vec<&str> = tokens.iter().map(|t| t.span.of(&doc.text)).collect();
        let lemmas = tokens
            .iter()
            .zip(&forms)
            .map(|(token, form)| {
                if token.lemma.is_empty() {
                    form.to_lowercase()
                } else {
                    token.lemma.to_lowercase()
                }
            })
            .collect();
        Parsed {
            text: &doc.text,
            tokens,
            heads,
            children,
            mentions: gazetteer.find(&forms),
            relations,
            lemmas,
        }
    }

    /// The knowledge-base names `word` is part of.
    pub fn mentions_at(&self, word: usize) -> impl Iterator<Item = &Mention> {
        self.mentions
            .iter()
            .filter(move |m| (m.start..m.end).contains(&word))
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether the sentence has no words.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The word's text.
    pub fn form(&self, word: usize) -> &'a str {
        self.tokens[word].span.of(self.text)
    }

    /// The word's lemma, lowercased (its form when the lemma is missing).
    pub fn lemma(&self, word: usize) -> &str {
        &self.lemmas[word]
    }

    /// The universal part of the word's relation ("nsubj" for "nsubj:pass").
    pub fn relation(&self, word: usize) -> &str {
        dyad_core::universal_relation(self.relations[word])
    }

    /// The word's full relation ("nsubj:pass").
    pub fn full_relation(&self, word: usize) -> &str {
        self.relations[word]
    }

    /// The word's universal part of speech.
    pub fn upos(&self, word: usize) -> &str {
        &self.tokens[word].upos
    }

    /// The word's language-specific tag ("VBD" for a past-tense verb).
    pub fn xpos(&self, word: usize) -> &str {
        &self.tokens[word].xpos
    }

    /// Children of `word` with universal relation `relation`.
    pub fn children_with<'s>(
        &'s self,
        word: usize,
        relation: &'s str,
    ) -> impl Iterator<Item = usize> + 's {
        self.children[word]
            .iter()
            .copied()
            .filter(move |&child| self.relation(child) == relation)
    }

    /// The obliques and nominal modifiers of `word` ("in Busan", "talks with Japan"), where
    /// prepositional phrases hang.
    pub fn modifiers(&self, word: usize) -> impl Iterator<Item = usize> + '_ {
        self.children[word]
            .iter()
            .copied()
            .filter(|&child| matches!(self.relation(child), "obl" | "nmod"))
    }

    /// The first child of `word` with full relation `full` (e.g. "nsubj:pass").
    pub fn child_full(&self, word: usize, full: &str) -> Option<usize> {
        self.children[word]
            .iter()
            .copied()
            .find(|&child| self.full_relation(child) == full)
    }

    /// The preposition of an oblique or modifier (its `case` child), lowercased. After a
    /// particle the parser joined to it ("pulled out of four villages"), the preposition is
    /// the word after the particle.
    pub fn preposition(&self, word: usize) -> Option<&str> {
        let case = self.children_with(word, "case").next()?;
        let joined = PARTICLES
            .contains(&self.lemma(case))
            .then(|| self.children_with(case, "fixed").next())
            .flatten();
        Some(self.lemma(joined.unwrap_or(case)))
    }

    /// The phrasal particle of a verb ("up" in "step up"): a `compound:prt` child, or one the
    /// parser attached otherwise right after the verb ("handed over" as an adverb, "pulled
    /// out of" as a preposition).
    pub fn particle(&self, verb: usize) -> Option<&str> {
        let children = self.children.get(verb)?;
        if let Some(&particle) = children
            .iter()
            .find(|&&c| self.full_relation(c) == "compound:prt")
        {
            return Some(self.lemma(particle));
        }
        let next = verb + 1;
        let particle_like = next < self.len()
            && PARTICLES.contains(&self.lemma(next))
            && matches!(self.upos(next), "ADV" | "ADP");
        let attached = particle_like
            && match self.heads[next] {
                Some(head) if head == verb => self.relation(next) == "advmod",
                // "handed over two more systems" parsed with "over two" as "more than two":
                // the particle modifies the count of the verb's object.
                Some(count)
                    if self.relation(next) == "advmod"
                        && self.upos(count) == "NUM"
                        && self.heads[count].is_some_and(|noun| self.heads[noun] == Some(verb)) =>
                {
                    true
                }
                // "out" heading "of" in a phrase of the verb's.
                Some(head) => {
                    self.relation(next) == "case"
                        && self.heads[head] == Some(verb)
                        && self.children_with(next, "fixed").next().is_some()
                }
                None => false,
            };
        attached.then(|| self.lemma(next))
    }

    /// An adverb that may be a phrasal particle after the verb's object ("began pulling
    /// troops back from the border"), or may not ("allowed inspectors back into the plant").
    pub fn particle_after_object(&self, verb: usize) -> Option<&str> {
        let after_object = |c: usize| {
            self.children_with(verb, "obj")
                .any(|object| c > object && self.core_phrase(object).contains(&(c - 1)))
        };
        self.children
            .get(verb)?
            .iter()
            .copied()
            .find(|&c| {
                self.relation(c) == "advmod"
                    && PARTICLES.contains(&self.lemma(c))
                    && after_object(c)
            })
            .map(|c| self.lemma(c))
    }

    /// The act a span, round or series of it names ("two weeks of drills", "a fresh round of
    /// talks", "waves of strikes"): the noun after "of".
    pub fn measured_act(&self, noun: usize) -> Option<usize> {
        const MEASURES: [&str; 11] = [
            "hour", "day", "night", "week", "month", "year", "round", "series", "wave", "spate",
            "string",
        ];
        if !MEASURES.contains(&self.lemma(noun)) {
            return None;
        }
        self.children_with(noun, "nmod")
            .find(|&n| self.preposition(n) == Some("of"))
    }

    /// The span, round or series a noun is the act of ("drills" in "two weeks of drills"):
    /// the word that stands in the act's place in the clause.
    pub fn span_of_act(&self, noun: usize) -> Option<usize> {
        self.heads[noun].filter(|&span| self.measured_act(span) == Some(noun))
    }

    /// The verb an infinitive belongs to when the parser hung it on that verb's object:
    /// "ordered two diplomats to leave" with "to leave" modifying "diplomats" gives "ordered".
    pub fn verb_of_object_infinitive(&self, verb: usize) -> Option<usize> {
        let noun = self.heads[verb]?;
        let infinitive = self.relation(verb) == "acl"
            && self
                .children_with(verb, "mark")
                .any(|m| self.lemma(m) == "to");
        let object = matches!(self.relation(noun), "obj" | "iobj");
        (infinitive && object)
            .then(|| self.heads[noun])
            .flatten()
            .filter(|&above| above < noun)
    }

    /// `word` and its conjuncts ("Cambodia and Thailand").
    pub fn with_conjuncts(&self, word: usize) -> Vec<usize> {
        let mut all = vec![word];
        let mut at = 0;
        while at < all.len() {
            let conjuncts: Vec<usize> = self.children_with(all[at], "conj").collect();
            all.extend(conjuncts);
            at += 1;
        }
        all
    }

    /// The words of the noun phrase headed by `word`, without clauses and conjuncts: the part
    /// that names one actor.
    pub fn phrase(&self, word: usize) -> Vec<usize> {
        self.words_under(word, |child| self.phrase_holds(child))
    }

    /// The words of the noun phrase headed by `word` without its prepositional modifiers other
    /// than "of" ("China's foreign ministry" of "China's foreign ministry on Thursday over
    /// Takaichi's remarks"): where the phrase names its own referent.
    pub fn core_phrase(&self, word: usize) -> Vec<usize> {
        self.words_under(word, |child| {
            let outer = self.relation(child) == "nmod"
                && self.full_relation(child) != "nmod:poss"
                && self.preposition(child).is_some_and(|p| p != "of");
            !outer && self.phrase_holds(child)
        })
    }

    /// `word` and, in order, every word below it reached through children `keep` accepts.
    fn words_under(&self, word: usize, keep: impl Fn(usize) -> bool) -> Vec<usize> {
        let mut words = vec![word];
        let mut at = 0;
        while at < words.len() {
            let inside: Vec<usize> = self.children[words[at]]
                .iter()
                .copied()
                .filter(|&child| keep(child))
                .collect();
            words.extend(inside);
            at += 1;
        }
        words.sort_unstable();
        words
    }

    /// Whether `child` belongs to its head's noun phrase (not a clause, conjunct or apposition).
    /// An unlabelled dependent (`dep`) is outside too: it is most often a verb the parser
    /// could not place ("China on Wednesday vetoed ..." with "vetoed" under "China").
    fn phrase_holds(&self, child: usize) -> bool {
        const OUTSIDE: [&str; 10] = [
            "dep",
            "conj",
            "cc",
            "punct",
            "acl",
            "advcl",
            "parataxis",
            "ccomp",
            "xcomp",
            "appos",
        ];
        !OUTSIDE.contains(&self.relation(child))
    }

    /// Byte span from the start of word `first` to the end of word `last`.
    pub fn span(&self, first: usize, last: usize) -> (usize, usize) {
        (self.tokens[first].span.start, self.tokens[last].span.end)
    }
}

/// Children of each word, left to right.
fn children_of(heads: &[Option<usize>]) -> Vec<Vec<usize>> {
    let mut children = vec![Vec::new(); heads.len()];
    for (word, head) in heads.iter().enumerate() {
        if let Some(head) = *head {
            children[head].push(word);
        }
    }
    children
}

/// Whether a word names a time, which is never an actor: "on Wednesday", "in March", "on the
/// day".
pub fn names_a_time(word: &str) -> bool {
    dyad_core::calendar::weekday_number(word).is_some()
        || dyad_core::calendar::month_number(word).is_some()
        || matches!(
            word.to_lowercase().as_str(),
            "day"
                | "days"
                | "week"
                | "weeks"
                | "month"
                | "months"
                | "year"
                | "years"
                | "weekend"
                | "night"
                | "morning"
                | "evening"
                | "afternoon"
                | "hour"
                | "hours"
                | "minute"
                | "decade"
                | "time"
                | "today"
                | "yesterday"
                | "tonight"
                | "tomorrow"
        )
}

/// Makes the heads a forest: a word whose chain of heads never reaches a root (a cycle, which
/// the parser never makes but a document from elsewhere may have) loses its head, so every
/// walk up or down the tree ends.
fn break_cycles(heads: &mut [Option<usize>]) {
    for word in 0..heads.len() {
        let mut at = word;
        let mut steps = 0;
        while let Some(head) = heads[at] {
            steps += 1;
            if steps > heads.len() {
                heads[word] = None;
                break;
            }
            at = head;
        }
    }
}
