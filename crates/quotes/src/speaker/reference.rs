//! What a pronoun, role noun or unattributed quote refers back to: the paragraph's last
//! speaker, a person introduced with a role, a description, a protagonist.

use super::*;

impl Reader<'_> {
    /// Who reported speech at the end of the paragraph before the one holding byte `at`, when
    /// a name, after the previous quote and with nobody named between it and byte `before`:
    /// "Hauwa Suleiman, a mother of four, said her children were home. ¶ "…," she said".
    pub(super) fn reported_in_paragraph_before(
        &self,
        at: usize,
        before: usize,
        said_before: Option<Said>,
    ) -> Option<Phrase> {
        let paragraph_start = self.paragraphs[self.paragraph(at) - 1];
        let last = self
            .doc
            .tokens
            .partition_point(|t| t.span.start < paragraph_start)
            .checked_sub(1)?;
        let subject = self.last_speaker_in_paragraph(last)?;
        let subject_start = self.token(subject.start).span.start;
        let after_quote = said_before.is_none_or(|said| said.quote_start < subject_start);
        let subject_end = self.token(subject.end - 1).span.end;
        let named_after = self
            .last_person_before(before)
            .is_some_and(|(p, _)| p > subject_end);
        (after_quote && self.is_named(&subject) && !named_after).then_some(subject)
    }

    /// The person a paragraph opens with, introduced by an apposition or a title: "Suyanto, a
    /// 61-year-old rubber farmer, waded through the water. "…," he said", "Judge Farzana
    /// Rahman found Karim guilty. "…," she said".
    pub(super) fn paragraph_protagonist(&self, index: usize) -> Option<String> {
        let paragraph_start = self.paragraphs[self.paragraph(self.token(index).span.start) - 1];
        let mut first = self
            .doc
            .tokens
            .partition_point(|t| t.span.start < paragraph_start);
        // "In the coastal town of Palo, Liza Dumalagan, 38, stood …": past a place phrase.
        if first < index && self.token(first).upos == "ADP" {
            first = (first..index).find(|&i| self.form(i) == ",")? + 1;
        }
        // "Judge Farzana Rahman found …": titles before the name.
        let titled = first < index && is_title(self.form(first));
        while first < index && is_title(self.form(first)) {
            first += 1;
        }
        let mut end = first;
        while end < index && end - first < 4 && is_capitalised(self.form(end)) && !self.quoted[end]
        {
            end += 1;
        }
        let appositive = end > first
            && end + 1 < index
            && self.form(end) == ","
            && (matches!(self.form(end + 1), "a" | "an") || self.token(end + 1).upos == "NUM");
        // A titled name right before its verb is the paragraph's subject too.
        let titled_subject = titled && end < index && self.token(end).upos == "VERB";
        let name = end > first
            && (first..end)
                .all(|i| self.token(i).upos == "PROPN" && !self.token(i).ner.ends_with("-ORG"));
        ((appositive || titled_subject) && name).then(|| {
            self.doc.text[self.token(first).span.start..self.token(end - 1).span.end].to_string()
        })
    }

    /// The phrase a relative pronoun at `index` stands for: the stretch before its comma,
    /// and for "who" the name that ends it ("the government of President Javier Milei, who").
    pub(super) fn relative_antecedent(&self, index: usize) -> Option<Phrase> {
        let comma = index.checked_sub(1).filter(|&c| self.form(c) == ",")?;
        let sentence = self.sentence_of(index)?;
        // The noun phrase that ends at the comma: "walkouts from nationalist lawmakers".
        let mut begin = comma;
        while begin > sentence.start
            && !self.quoted[begin - 1]
            && (matches!(
                self.token(begin - 1).upos.as_str(),
                "NOUN" | "PROPN" | "ADJ" | "DET" | "NUM"
            ) || matches!(self.form(begin - 1), "of" | "'s" | "’s")
                || self.is_glued_hyphen(begin - 1))
            && !RELATIVE_PRONOUNS.contains(&self.form(begin - 1))
        {
            begin -= 1;
        }
        let phrase = begin..comma;
        if phrase.is_empty() || self.form(begin) == "of" {
            return None;
        }
        if self.form(index) == "who" {
            let mut name = phrase.end;
            while name > phrase.start
                && (self.token(name - 1).upos == "PROPN" || self.is_glued_hyphen(name - 1))
            {
                name -= 1;
            }
            if name < phrase.end && name > phrase.start {
                return Some(name..phrase.end);
            }
        }
        Some(phrase)
    }

    /// The subject of the last speech verb before token `pronoun` in its paragraph, outside
    /// quotes, when it is a person: named, or described by a common noun ("a spokesman for
    /// the ECOWAS Commission"), not an institution or a pronoun.
    pub(super) fn last_speaker_in_paragraph(&self, pronoun: usize) -> Option<Phrase> {
        self.last_subject_in_paragraph(pronoun)
            .filter(|subject| !self.is_pronoun(subject) && self.is_person(subject))
    }

    /// Whether a subject names or describes a person rather than an institution.
    pub(super) fn is_person(&self, subject: &Phrase) -> bool {
        self.is_named(subject) || !self.is_institution_noun(subject.clone())
    }

    /// The subject of the last speech verb before token `index` in its paragraph, outside
    /// quotes: a person, an institution or a pronoun.
    pub(super) fn last_subject_in_paragraph(&self, index: usize) -> Option<Phrase> {
        let paragraph = self.paragraph(self.token(index).span.start);
        let verb = (0..index)
            .rev()
            .take_while(|&i| self.paragraph(self.token(i).span.start) == paragraph)
            .find(|&i| !self.quoted[i] && self.is_speech(i) && !self.is_according(i))?;
        let sentence = self.sentence_of(verb)?;
        let start = self.clause_start(sentence.start, verb);
        // "…," said Shirin Akter, a garment worker. "…," she said: the subject follows.
        let after_quote = (sentence.start..verb)
            .rev()
            .find(|&i| self.form(i) != ",")
            .is_some_and(|i| self.quoted[i]);
        // "Camps are at breaking point, said Leila Haddad, who heads …": inverted too.
        let inverted = verb > sentence.start
            && self.form(verb - 1) == ","
            && matches!(self.form(verb), "said" | "says")
            && verb + 1 < sentence.end
            && self.token(verb + 1).upos == "PROPN";
        let words: Vec<usize> = (verb..sentence.end)
            .take_while(|&i| !self.quoted[i] && !matches!(self.form(i), "." | "!" | "?" | ";"))
            .collect();
        let subject = if after_quote {
            self.inverted(&words)?
        } else if inverted {
            // Not "X, speaking on condition of anonymity, said Bangkok would …".
            self.inverted(&words)
                .unwrap_or_else(|| self.subject_before(start, verb))
        } else {
            self.subject_before(start, verb)
        };
        (!subject.is_empty()).then_some(subject)
    }

    /// The last person named before byte `before`: by the entity recognizer, or a name after a
    /// title ("Foreign Minister Badr Abdelatty").
    pub(super) fn last_person_before(&self, before: usize) -> Option<(usize, String)> {
        let recognised = self.people.iter().rev().find(|(at, _)| *at < before);
        let titled = self.titled.iter().rev().find(|(at, _)| *at < before);
        later(recognised, titled).cloned()
    }

    /// Who "the minister", "the source" or "the statement" is: an earlier speaker described
    /// with that noun, the last person introduced with that title ("Foreign Minister Wang
    /// Yi"), whoever spoke "in a statement", the thing introduced as "a ... source", or for a
    /// leader's title the last speaker.
    pub(super) fn antecedent(
        &self,
        role: &str,
        before: usize,
        previous: Option<&Speaker>,
    ) -> Option<String> {
        let head = role.split_whitespace().last()?.to_lowercase();
        // "the official" may be the "senior Hamas official" before; "the former president's
        // legal team" is not "a member of the special counsel team".
        let role_words: Vec<String> = role
            .split_whitespace()
            .map(|w| w.to_lowercase().replace('’', "'"))
            .collect();
        // "the judge" was introduced as "Justice Helen Marsh".
        let covers = |text: &str| {
            let text = text.to_lowercase().replace('’', "'");
            role_words
                .iter()
                .all(|w| text.contains(w.as_str()) || (w == "judge" && text.contains("justice")))
        };
        if let Some(previous) = previous
            && covers(&previous.name)
        {
            return Some(previous.name.clone());
        }
        // The last person, recognised or after a title, introduced with those words just
        // before the name ("Foreign Minister Wang Yi" for "the minister").
        // The window stops at the name before, so that "Judge Farzana Rahman found Mizanur
        // Karim guilty" introduces only Rahman as a judge.
        let name_ends: Vec<usize> = self
            .people
            .iter()
            .chain(&self.titled)
            .map(|(at, name)| at + name.len())
            .collect();
        let introduced_with_role = |(at, _): &&(usize, String)| {
            *at < before && {
                let mut window_start = self.doc.text[..*at]
                    .char_indices()
                    .rev()
                    .nth(40)
                    .map_or(0, |(i, _)| i);
                if let Some(&end) = name_ends.iter().filter(|&&end| end <= *at).max() {
                    window_start = window_start.max(end);
                }
                covers(&self.doc.text[window_start..*at])
            }
        };
        // "the bank" is nobody introduced as a bank's economist.
        let person_noun = !is_institution(&head);
        let recognised = self.people.iter().rev().find(introduced_with_role);
        let titled = self.titled.iter().rev().find(introduced_with_role);
        let person = later(recognised, titled).filter(|_| person_noun);
        let described = self
            .introduced(&head, before)
            .filter(|(described, _, _)| head == "statement" || covers(described));
        // "Hamas official Basem Naim said …. A U.S. official who spoke on condition of
        // anonymity said …. "…," the official said": whichever came last.
        match (person, described) {
            (Some((at, name)), Some((_, speaker, mentioned))) => {
                return Some(if *at > mentioned {
                    self.fullest(name)
                } else {
                    speaker
                });
            }
            (Some((_, name)), None) => return Some(self.fullest(name)),
            (None, Some((_, speaker, _))) => return Some(speaker),
            (None, None) => {}
        }
        let leader = matches!(
            head.as_str(),
            "leader" | "president" | "premier" | "chief" | "minister" | "chancellor" | "king"
        );
        if leader && let Some(previous) = previous {
            return Some(previous.name.clone());
        }
        None
    }

    /// What the article introduced earlier with `head`, as (description, speaker, byte where
    /// the head word stands): "A
    /// shipping industry source told Reuters" -> "shipping industry source" for both; "Moana
    /// Voice, a community group, said" -> the description and "Moana Voice"; for "statement",
    /// who spoke "in a statement".
    pub(super) fn introduced(&self, head: &str, before: usize) -> Option<(String, String, usize)> {
        let last = self.doc.tokens.partition_point(|t| t.span.start < before);
        // Not "ministry" modifying another noun ("ministry spokesman Ali al-Tamimi").
        let mention = (0..last).rev().find(|&i| {
            !self.quoted[i]
                && self.form(i).eq_ignore_ascii_case(head)
                && !(self.token(i).deprel == "compound" && starts_lowercase(self.form(i)))
        })?;
        if head == "statement" {
            // "X said in a statement": X, resolved as of that sentence.
            let sentence = self.sentence_of(mention)?;
            let verb = (sentence.start..mention)
                .rev()
                .find(|&i| self.is_speech(i))?;
            let start = self.clause_start(sentence.start, verb);
            let phrase = self.subject_before(start, verb);
            if phrase.is_empty() {
                return None;
            }
            let name = self.resolve_subject(phrase).name;
            return Some((name.clone(), name, self.token(mention).span.start));
        }
        let mut first = mention;
        // "the Agriculture and Forestry Ministry": "and" inside a name.
        while first > 0
            && !self.quoted[first - 1]
            && (matches!(
                self.token(first - 1).upos.as_str(),
                "NOUN" | "ADJ" | "PROPN"
            ) || is_capitalised(self.form(first - 1))
                || (self.form(first - 1) == "and" && self.between_names(first - 1)))
            && !is_article(self.form(first - 1))
        {
            first -= 1;
        }
        // "two people familiar with the matter": a number counts as an indefinite article
        // and stays in the description.
        if first > 0 && !self.quoted[first - 1] && self.token(first - 1).upos == "NUM" {
            first -= 1;
        }
        // "Bangladesh's health ministry": a named owner determines the description and is
        // part of it.
        let owner = first
            .checked_sub(1)
            .filter(|&i| matches!(self.form(i), "'s" | "’s"));
        let owner_start = owner.and_then(|apostrophe| {
            let mut at = apostrophe;
            while at > 0 && !self.quoted[at - 1] && is_capitalised(self.form(at - 1)) {
                at -= 1;
            }
            (at < apostrophe).then_some(at)
        });
        let owned = owner_start.is_some();
        if let Some(start) = owner_start {
            first = start;
        }
        let counted = self.token(first).upos == "NUM";
        let article = first.checked_sub(1).map(|i| self.form(i).to_lowercase());
        let indefinite = counted || matches!(article.as_deref(), Some("a" | "an"));
        let definite = owned || article.as_deref() == Some("the");
        let phrase = self.with_postmodifier(self.forward_phrase(first, last), last);
        if phrase.is_empty() {
            return None;
        }
        // "a spokesman for the Kenyan police" describes more than "the spokesman" does; so does
        // "the Senegalese navy" or "the Ministry of Hydrocarbons and Energy" than "the navy".
        let fuller = first < mention || phrase.end > mention + 1;
        // "African Union leaders": a name before the noun determines it as an article would.
        let named = is_capitalised(self.form(mention))
            || (first < mention && self.token(first).upos == "PROPN");
        if !fuller || !(indefinite || definite || named) {
            return None;
        }
        let text = self.doc.text[self.token(first).span.start..self.token(phrase.end - 1).span.end]
            .to_string();
        // "Moana Voice, a community group that holds vigils, said": the name the
        // description is in apposition to.
        let comma = first
            .checked_sub(2)
            .filter(|&c| indefinite && self.form(c) == ",");
        if let Some(comma) = comma {
            let mut start = comma;
            while start > 0
                && !self.quoted[start - 1]
                && self.token(start - 1).upos == "PROPN"
                && is_capitalised(self.form(start - 1))
            {
                start -= 1;
            }
            if start < comma {
                let name =
                    &self.doc.text[self.token(start).span.start..self.token(comma - 1).span.end];
                return Some((text, self.fullest(name), self.token(mention).span.start));
            }
        }
        Some((text.clone(), text, self.token(mention).span.start))
    }
}
