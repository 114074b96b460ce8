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
        name_after_a_title(tokens, &mut heads, &mut relations);
        subject_taken_for_oblique(tokens, &mut heads, &mut relations);
        oblique_taken_by_participle(tokens, &mut heads, &mut relations);
        relative_clause_taken_for_adverbial(tokens, &mut heads, &mut relations);
        name_split_into_objects(tokens, &mut heads, &mut relations);
        outer_subject_of_a_predicate(&heads, &mut relations);
        participle_taken_for_main_verb(tokens, &mut heads, &mut relations);
        participle_hung_on_infinitive(tokens, &mut heads, &relations);
        clause_taken_for_oblique(tokens, &mut heads, &mut relations);
        name_hung_across_a_conjunct(&mut heads, &relations);
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

/// The words whose head is `head`, left to right.
fn dependents(heads: &[Option<usize>], head: usize) -> impl Iterator<Item = usize> + '_ {
    (0..heads.len()).filter(move |&w| heads[w] == Some(head))
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

/// Repairs a parse the parser makes of a title and a name after a conjunction: in "President
/// Daniel Chapo and opposition leader Venancio Mondlane met", it makes "Venancio" a second
/// subject of "met" instead of the name of "leader". A proper name that is a verb's second
/// subject, right after a common noun inside the verb's first subject, is that noun's name.
fn name_after_a_title(tokens: &[Token], heads: &mut [Option<usize>], relations: &mut [&str]) {
    let is_subject = |relation: &str| dyad_core::universal_relation(relation) == "nsubj";
    for word in 1..tokens.len() {
        let title = word - 1;
        let Some(verb) = heads[word] else { continue };
        if !is_subject(relations[word])
            || tokens[word].upos != "PROPN"
            || tokens[title].upos != "NOUN"
        {
            continue;
        }
        let first_subject =
            (0..title).find(|&w| heads[w] == Some(verb) && is_subject(relations[w]));
        let under_first = first_subject.is_some_and(|first| {
            let mut at = title;
            while let Some(head) = heads[at] {
                if at == first {
                    return true;
                }
                if head == verb {
                    return false;
                }
                at = head;
            }
            false
        });
        if under_first {
            heads[word] = Some(title);
            relations[word] = "appos";
        }
    }
}

/// Repairs a subject the parser took for a bare oblique: in "The two leaders later signed a
/// treaty", it makes "leaders" an unmarked oblique of "later". A bare nominal before its verb
/// (or an adverb of the verb), first in the clause, that is no measure of time, is the subject
/// of a verb that has none.
fn subject_taken_for_oblique(
    tokens: &[Token],
    heads: &mut [Option<usize>],
    relations: &mut [&str],
) {
    for word in 0..tokens.len() {
        let Some(mut verb) = heads[word] else {
            continue;
        };
        if tokens[verb].upos == "ADV" && relations[verb] == "advmod" {
            verb = heads[verb].unwrap_or(verb);
        }
        let oblique = relations[word] == "obl:unmarked"
            && word < verb
            && matches!(tokens[word].upos.as_str(), "NOUN" | "PROPN")
            && tokens[verb].upos == "VERB"
            && !names_a_time(&tokens[word].lemma);
        let tree: &[Option<usize>] = heads;
        let dependents_of = |head: usize| dependents(tree, head);
        let first = dependents_of(verb)
            .filter(|&w| w < word && tree[word] != Some(w))
            .all(|w| matches!(relations[w], "punct" | "cc" | "mark" | "advmod"));
        let has_subject = dependents_of(verb).any(|w| {
            matches!(
                dyad_core::universal_relation(relations[w]),
                "nsubj" | "csubj" | "expl"
            )
        });
        let has_case = dependents_of(word).any(|w| relations[w] == "case");
        if oblique && first && !has_subject && !has_case {
            heads[word] = Some(verb);
            relations[word] = "nsubj";
        }
    }
}

/// Repairs a prepositional phrase the parser hung on a participle after it: in "imposed
/// sanctions on James Kabarebe, Rwanda's minister of state, accusing him of ...", it makes "on"
/// a marker of "accusing", "James" its oblique and "minister" its subject. The phrase before
/// the comma is the governing verb's, and the noun phrase between is its apposition.
fn oblique_taken_by_participle(
    tokens: &[Token],
    heads: &mut [Option<usize>],
    relations: &mut [&str],
) {
    for participle in 0..tokens.len() {
        let Some(governing) = heads[participle] else {
            continue;
        };
        if tokens[participle].xpos != "VBG" || relations[participle] != "advcl" {
            continue;
        }
        let tree: &[Option<usize>] = heads;
        let under = |w: usize| dependents(tree, w).filter(move |&c| c < participle);
        let Some(marker) =
            under(participle).find(|&m| relations[m] == "mark" && tokens[m].upos == "ADP")
        else {
            continue;
        };
        let Some(oblique) = under(participle).find(|&x| {
            dyad_core::universal_relation(relations[x]) == "obl"
                && x > marker
                && (marker + 1..x).all(|w| tree[w] == Some(x))
        }) else {
            continue;
        };
        let comma_before = (oblique..participle).any(|w| tokens[w].upos == "PUNCT");
        if !comma_before || governing > marker {
            continue;
        }
        let subjects: Vec<usize> = under(participle)
            .filter(|&s| s > oblique && dyad_core::universal_relation(relations[s]) == "nsubj")
            .collect();
        heads[marker] = Some(oblique);
        relations[marker] = "case";
        heads[oblique] = Some(governing);
        relations[oblique] = "obl";
        for subject in subjects {
            heads[subject] = Some(oblique);
            relations[subject] = "appos";
        }
    }
}

/// Repairs a relative clause without "that" the parser took for an adverbial clause: in "will
/// release four soldiers they kidnapped last month", it makes "kidnapped" a clause of
/// "release". A clause with no marker and no object whose pronoun subject follows its head
/// verb's object right away tells of that object.
fn relative_clause_taken_for_adverbial(
    tokens: &[Token],
    heads: &mut [Option<usize>],
    relations: &mut [&str],
) {
    for clause in 0..tokens.len() {
        let Some(verb) = heads[clause] else { continue };
        if relations[clause] != "advcl" || tokens[clause].upos != "VERB" {
            continue;
        }
        let tree: &[Option<usize>] = heads;
        let under = |w: usize| dependents(tree, w);
        let Some(subject) = under(clause).find(|&c| relations[c] == "nsubj" && c < clause) else {
            continue;
        };
        let unmarked =
            under(clause).all(|c| !matches!(relations[c], "mark" | "obj" | "ccomp" | "xcomp"));
        let antecedent = subject
            .checked_sub(1)
            .filter(|&before| tree[before] == Some(verb) && relations[before] == "obj");
        if let (true, "PRON", Some(antecedent)) =
            (unmarked, tokens[subject].upos.as_str(), antecedent)
        {
            heads[clause] = Some(antecedent);
            relations[clause] = "acl:relcl";
        }
    }
}

/// Repairs a name the parser split into several objects of one verb: in "thanked President
/// José Raúl Mulino's government", it makes "President", "José" and "government" three
/// objects. A proper name that is an object with no words of its own, right before another
/// word of the verb's next object, is part of that object's phrase.
fn name_split_into_objects(tokens: &[Token], heads: &mut [Option<usize>], relations: &mut [&str]) {
    // Right to left, so each word joins the phrase the word after it has already joined.
    for word in (0..tokens.len().saturating_sub(1)).rev() {
        let Some(verb) = heads[word] else { continue };
        let next = word + 1;
        let leaf = !heads.contains(&Some(word));
        if relations[word] != "obj" || tokens[word].upos != "PROPN" || !leaf {
            continue;
        }
        // The next word belongs to a later object of the same verb.
        let mut at = next;
        let mut later_object = false;
        for _ in 0..tokens.len() {
            if heads[at] == Some(verb) {
                later_object = relations[at] == "obj";
                break;
            }
            let Some(head) = heads[at] else { break };
            at = head;
        }
        if later_object && matches!(tokens[next].upos.as_str(), "PROPN" | "NOUN") {
            heads[word] = Some(next);
            relations[word] = "compound";
        }
    }
}

/// Repairs a subject the parser marked as the outer subject of a copular phrase it took for
/// the verb's: in "Papikyan is due to travel to Athens", it hangs "due" on "travel" and makes
/// "Papikyan" its outer subject. A verb's only subject is its subject.
fn outer_subject_of_a_predicate(heads: &[Option<usize>], relations: &mut [&str]) {
    for word in 0..heads.len() {
        let Some(verb) = heads[word] else { continue };
        let alone =
            !dependents(heads, verb).any(|w| w != word && relations[w].starts_with("nsubj"));
        if relations[word] == "nsubj:outer" && alone {
            relations[word] = "nsubj";
        }
    }
}

/// Repairs a participle phrase the parser took for the main verb: in "The interim government
/// led by Muhammad Yunus has also asked the United Nations to ...", it makes "led" the root
/// and "asked" joined to it. A root past participle with a "by" agent and no auxiliary, joined
/// to a verb with one, describes its subject, and the joined verb is the sentence's.
fn participle_taken_for_main_verb(
    tokens: &[Token],
    heads: &mut [Option<usize>],
    relations: &mut [&str],
) {
    let Some(participle) = (0..tokens.len()).find(|&w| heads[w].is_none()) else {
        return;
    };
    let tree: &[Option<usize>] = heads;
    let under = |w: usize| dependents(tree, w);
    let subject = under(participle).find(|&c| relations[c] == "nsubj" && c < participle);
    let by_agent = under(participle).any(|c| relations[c] == "obl:agent");
    let bare = !under(participle).any(|c| relations[c].starts_with("aux"));
    let main = under(participle).find(|&c| {
        relations[c] == "conj"
            && tokens[c].upos == "VERB"
            && under(c).any(|a| relations[a].starts_with("aux"))
    });
    if let (Some(subject), Some(main), true, true, "VBN") = (
        subject,
        main,
        by_agent,
        bare,
        tokens[participle].xpos.as_str(),
    ) {
        heads[main] = None;
        relations[main] = "root";
        heads[subject] = Some(main);
        heads[participle] = Some(subject);
        relations[participle] = "acl";
    }
}

/// Repairs a participle after a comma the parser hung on an infinitive: in "ordered the head
/// of the office to leave the country within 72 hours, accusing him of interfering", it hangs
/// "accusing" on "leave". The participle tells of the one who ordered, so it hangs on the
/// verb the infinitive completes.
fn participle_hung_on_infinitive(
    tokens: &[Token],
    heads: &mut [Option<usize>],
    relations: &[&str],
) {
    for participle in 1..tokens.len() {
        let Some(infinitive) = heads[participle] else {
            continue;
        };
        let after_comma = tokens[participle].xpos == "VBG"
            && relations[participle] == "advcl"
            && tokens[participle - 1].upos == "PUNCT";
        let marked_to = dependents(heads, infinitive)
            .any(|m| relations[m] == "mark" && tokens[m].lemma == "to");
        let completes = matches!(relations[infinitive], "xcomp" | "advcl")
            && marked_to
            && !dependents(heads, infinitive).any(|s| relations[s].starts_with("nsubj"));
        if after_comma && completes {
            heads[participle] = heads[infinitive];
        }
    }
}

/// Repairs a clause of time the parser split: in "days after Manila protested the presence of
/// Chinese survey ships", it makes "Manila" an oblique ("after Manila") and "protested" a verb
/// joined to the main one. A noun after "since", "after", "before" or "until", right before a
/// verb with no subject, is that verb's subject, and the verb heads the clause of time.
fn clause_taken_for_oblique(tokens: &[Token], heads: &mut [Option<usize>], relations: &mut [&str]) {
    for noun in 0..tokens.len().saturating_sub(1) {
        let verb = noun + 1;
        let Some(old_head) = heads[noun] else {
            continue;
        };
        let tree: &[Option<usize>] = heads;
        let under = |w: usize| dependents(tree, w);
        let Some(marker) = under(noun).find(|&c| {
            relations[c] == "case"
                && matches!(
                    tokens[c].lemma.to_lowercase().as_str(),
                    "since" | "after" | "before" | "until"
                )
        }) else {
            continue;
        };
        let split = dyad_core::universal_relation(relations[noun]) == "obl"
            && matches!(tokens[noun].upos.as_str(), "NOUN" | "PROPN")
            && tokens[verb].upos == "VERB"
            && matches!(tokens[verb].xpos.as_str(), "VBD" | "VBZ" | "VBP")
            && relations[verb] == "conj"
            && !under(verb).any(|c| relations[c].starts_with("nsubj"));
        if split {
            heads[verb] = Some(old_head);
            relations[verb] = "advcl";
            heads[noun] = Some(verb);
            relations[noun] = "nsubj";
            heads[marker] = Some(verb);
            relations[marker] = "mark";
        }
    }
}

/// Repairs the words of a name the parser hung on the name before a conjunction: in "Anwar
/// and President Ferdinand Marcos Jr. signed", it makes "Ferdinand" and "Jr." part of "Anwar".
/// A word of a name after a conjunct belongs to that conjunct.
fn name_hung_across_a_conjunct(heads: &mut [Option<usize>], relations: &[&str]) {
    for word in 0..heads.len() {
        let Some(head) = heads[word] else { continue };
        if !matches!(relations[word], "flat" | "compound" | "nmod:desc") || head > word {
            continue;
        }
        let conjunct = (head + 1..word)
            .rev()
            .find(|&c| heads[c] == Some(head) && relations[c] == "conj");
        if let Some(conjunct) = conjunct {
            heads[word] = Some(conjunct);
        }
    }
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
