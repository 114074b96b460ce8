//! Organisations a generic noun refers back to: "the group said" after "Election watchdog
//! Kontra Daya said".

use super::*;

/// Nouns that refer back to an organisation named before: "the group said".
pub(super) const GENERIC_BODIES: &[&str] = &[
    "group",
    "agency",
    "bank",
    "body",
    "organisation",
    "organization",
    "watchdog",
    "regulator",
    "company",
    "firm",
    "corporation",
    "institute",
    "centre",
    "center",
    "charity",
    "coalition",
    "alliance",
    "federation",
    "confederation",
    "union",
    "association",
    "operator",
];

impl Reader<'_> {
    /// The name of the last organisation before token `index` that was the subject of a
    /// clause, without the article or a description before it: "Election watchdog Kontra
    /// Daya" -> "Kontra Daya".
    pub(super) fn last_body_before(&self, index: usize) -> Option<String> {
        self.last_body_between(0, index)
    }

    /// [`Reader::last_body_before`] among the subjects from token `from` on: of a verb in the
    /// parse, or of a speech verb as the attribution reads it ("Danish shipping group A.P.
    /// Moller-Maersk said", which the parser may leave without a subject).
    pub(super) fn last_body_between(&self, from: usize, index: usize) -> Option<String> {
        (from..index)
            .rev()
            .filter(|&i| !self.quoted[i])
            .find_map(|i| {
                let token = self.token(i);
                if token.deprel.starts_with("nsubj") && token.upos != "PRON" {
                    return self.body_named_by(i);
                }
                if !self.is_speech(i) || self.is_according(i) {
                    return None;
                }
                let sentence = self.sentence_of(i)?;
                let subject = self.subject_before(self.clause_start(sentence.start, i), i);
                (!subject.is_empty() && !self.is_pronoun(&subject))
                    .then(|| self.body_name(subject, None))
                    .flatten()
            })
    }

    /// The organisation's name in the subject headed by token `subject`, if it has one: a
    /// capitalised name that is no person's or place's.
    pub(super) fn body_named_by(&self, subject: usize) -> Option<String> {
        let sentence = self.sentence_of(subject)?;
        // "Ukraine's grid operator, Ukrenergo, said": the name in apposition. Not an acronym
        // in brackets: "Médecins Sans Frontières (MSF)".
        let appositive = sentence.clone().find(|&i| {
            self.token(i).head == Some(subject)
                && self.token(i).deprel == "appos"
                && self.token(i).upos == "PROPN"
                && (i == 0 || self.form(i - 1) != "(")
        });
        let subject = appositive.unwrap_or(subject);
        let leftmost = (sentence.start..subject)
            .find(|&i| self.token(i).upos != "PUNCT" && self.governed_by(i, subject))
            .unwrap_or(subject);
        let phrase = self.forward_phrase(leftmost, sentence.end);
        self.body_name(phrase, Some(subject))
    }

    /// The organisation's name a subject phrase gives, without the article or a description
    /// before it: "Election watchdog Kontra Daya" -> "Kontra Daya"; none for a person or a
    /// place, or when the phrase misses its head word `head`.
    pub(super) fn body_name(&self, phrase: Phrase, head: Option<usize>) -> Option<String> {
        let tagged = |i: usize, kind: &str| self.token(i).ner.ends_with(kind);
        let named = phrase.clone().any(|i| {
            self.token(i).upos == "PROPN" && is_capitalised(self.form(i)) && !tagged(i, "-LOC")
        });
        let described = phrase.clone().rev().find(|&i| {
            starts_lowercase(self.form(i))
                && !LINKING_WORDS.contains(&self.form(i))
                && !matches!(self.form(i), "and" | "in" | "to")
        });
        // A body noun before the name outweighs the recognizer's "person" tag ("shipping
        // group A.P. Moller-Maersk").
        let body_noun = described.is_some_and(|i| {
            GENERIC_BODIES.contains(&self.form(i)) || is_institution(self.form(i))
        });
        let person = !body_noun && phrase.clone().any(|i| tagged(i, "-PER"));
        let whole = head.is_none_or(|head| phrase.contains(&head));
        if phrase.is_empty() || !whole || !named || person {
            return None;
        }
        let first = described.map_or(phrase.start, |i| i + 1);
        let first = (first..phrase.end)
            .find(|&i| !is_article(self.form(i)))
            .unwrap_or(first);
        // Not "of Aceh" out of "residents of Aceh": a name starts with a capital.
        (first < phrase.end && is_capitalised(self.form(first))).then(|| {
            self.doc.text[self.token(first).span.start..self.token(phrase.end - 1).span.end]
                .to_string()
        })
    }

    /// Whether token `index` lies under `head` in the parse.
    pub(super) fn governed_by(&self, index: usize, head: usize) -> bool {
        let mut at = index;
        for _ in 0..self.doc.tokens.len() {
            match self.token(at).head {
                Some(parent) if parent == head => return true,
                Some(parent) => at = parent,
                None => return false,
            }
        }
        false
    }
}
