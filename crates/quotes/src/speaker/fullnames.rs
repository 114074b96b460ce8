//! The fullest form of a name the article gives: a surname completed, a recognised name
//! extended, an acronym spelled out.

use super::*;

impl Reader<'_> {
    /// A name the recognizer found at byte `at`, with the capitalised words around it within
    /// tokens `begin..end` that it left out: "Otieno" -> "Otieno Were", "Lenz" -> "Marion
    /// Stüber-Lenz".
    pub(super) fn name_run_from(
        &self,
        at: usize,
        name: &str,
        (begin, end): (usize, usize),
    ) -> String {
        let mut first = self.doc.tokens.partition_point(|t| t.span.start < at);
        let mut last = self
            .doc
            .tokens
            .partition_point(|t| t.span.end <= at + name.len());
        while first > begin
            && (self.is_glued_hyphen(first - 1)
                || (self.token(first - 1).upos == "PROPN"
                    && is_capitalised(self.form(first - 1))
                    && !is_title(self.form(first - 1))))
        {
            first -= 1;
        }
        while last < end
            && is_capitalised(self.form(last))
            && self.token(last - 1).span.end < self.token(last).span.start
            && !is_title(self.form(last))
        {
            last += 1;
        }
        if first >= last {
            return name.to_string();
        }
        let start = self.token(first).span.start.min(at);
        let stop = self.token(last - 1).span.end.max(at + name.len());
        self.doc.text[start..stop].to_string()
    }

    /// A run of two or more capitalised names that ends a phrase, after its titles:
    /// "Kremlin spokesman Dmitry Peskov" -> "Dmitry Peskov", "Kenyan President William Ruto"
    /// -> "William Ruto".
    pub(super) fn trailing_name(&self, phrase: Phrase) -> Option<String> {
        let capitalised = |i: usize| {
            let form = self.form(i);
            is_capitalised(form) && (self.token(i).upos == "PROPN" || is_title(form))
        };
        let mut first = phrase.end;
        while first > phrase.start && capitalised(first - 1) {
            first -= 1;
        }
        let last_title = (first..phrase.end).rev().find(|&i| is_title(self.form(i)));
        let name_start = last_title.map_or(first, |title| title + 1);
        // "spokesman Dmitry Peskov", not "the Institute of Marine Science" nor "the Agriculture
        // and Livestock Confederation".
        let inside_a_name = first > phrase.start + 1
            && matches!(self.form(first - 1), "of" | "for" | "and")
            && is_capitalised(self.form(first - 2));
        let titled = last_title.is_some()
            || (first > phrase.start && starts_lowercase(self.form(first - 1)) && !inside_a_name);
        (phrase.end.saturating_sub(name_start) >= 2 && titled).then(|| {
            self.doc.text[self.token(name_start).span.start..self.token(phrase.end - 1).span.end]
                .to_string()
        })
    }

    /// The fullest form of `name` the article gives: "Kallas" -> "Kaja Kallas", and for a
    /// name given first ("Wang", "Prabowo") the name it opens: "Wang Yi".
    pub(super) fn fullest(&self, name: &str) -> String {
        let last = name.split_whitespace().last().unwrap_or(name);
        // "Ferdinand Marcos Jr." ends, for this purpose, with "Marcos".
        let without_suffix = |candidate: &'_ str| -> String {
            let words: Vec<&str> = candidate.split_whitespace().collect();
            match words.split_last() {
                Some((suffix, rest)) if is_name_suffix(suffix) => rest.join(" "),
                _ => candidate.to_string(),
            }
        };
        // "Al-Tayeb" at a sentence's start for "Ahmed al-Tayeb".
        let ending = |candidate: &str| {
            let core = without_suffix(candidate).to_lowercase();
            core.split_whitespace().last() == Some(last.to_lowercase().as_str())
                && core.ends_with(&name.to_lowercase())
        };
        let opening = |candidate: &str| {
            !name.contains(' ')
                && candidate != name
                && candidate.split_whitespace().next() == Some(name)
        };
        let fuller = |list: &[(usize, String)], fits: &dyn Fn(&str) -> bool| {
            list.iter()
                .map(|(_, candidate)| candidate.as_str())
                .filter(|candidate| fits(candidate))
                .max_by_key(|candidate| candidate.split_whitespace().count())
                .map(str::to_string)
        };
        let from_runs = fuller(&self.names, &ending).unwrap_or_else(|| name.to_string());
        let best = match fuller(&self.people, &ending) {
            Some(found) if found.len() >= from_runs.len() || !from_runs.ends_with(&found) => found,
            _ => from_runs,
        };
        if best != name {
            return best;
        }
        // "Cruz" for "Elena Cruz Tejerina", with two surnames.
        let inside = |candidate: &str| {
            let words: Vec<&str> = candidate.split_whitespace().collect();
            !name.contains(' ') && words.len() >= 3 && words[1..words.len() - 1].contains(&name)
        };
        // "Choi Dong-hwan" from the name runs over the recognizer's "Choi Dong".
        let opened = [
            fuller(&self.people, &opening),
            fuller(&self.names, &opening),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|candidate| candidate.len());
        opened
            .or_else(|| fuller(&self.people, &inside))
            .or_else(|| fuller(&self.names, &inside))
            .unwrap_or(best)
    }

    /// The name an acronym stands for where the article spells it out: "RSF" after "the
    /// paramilitary Rapid Support Forces (RSF)" -> "Rapid Support Forces".
    pub(super) fn expand_acronym(&self, word: &str) -> Option<String> {
        let acronym = word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase());
        if !acronym {
            return None;
        }
        let tokens = &self.doc.tokens;
        // "the National Liberation Army, known by its Spanish initials ELN": the name before
        // the comma that introduces the acronym.
        let introduced = (1..tokens.len()).find_map(|i| {
            let named = self.form(i) == word
                && matches!(self.form(i - 1), "initials" | "as" | "acronym" | "or");
            let comma = (i.saturating_sub(8)..i)
                .rev()
                .find(|&c| self.form(c) == ",")?;
            named.then_some(comma)
        });
        let Some(open) = (1..tokens.len().saturating_sub(2))
            .find(|&i| self.form(i) == "(" && self.form(i + 1) == word && self.form(i + 2) == ")")
            .or(introduced)
        else {
            return self.spelled_by_initials(word);
        };
        let mut first = open;
        while first > 0
            && (matches!(self.token(first - 1).upos.as_str(), "NOUN" | "PROPN")
                || is_capitalised(self.form(first - 1)))
        {
            first -= 1;
        }
        while first < open && !is_capitalised(self.form(first)) {
            first += 1;
        }
        (first < open).then(|| {
            self.doc.text[self.token(first).span.start..self.token(open - 1).span.end].to_string()
        })
    }

    /// A name in the article whose capitalised words begin with the letters of `acronym`:
    /// "HRCP" -> "Human Rights Commission of Pakistan".
    pub(super) fn spelled_by_initials(&self, acronym: &str) -> Option<String> {
        let letters: Vec<char> = acronym.chars().collect();
        let tokens = &self.doc.tokens;
        (0..tokens.len()).find_map(|first| {
            let mut matched = 0;
            let mut last = first;
            for index in first..tokens.len() {
                let form = self.form(index);
                if matched == letters.len() {
                    break;
                }
                if form.starts_with(letters[matched]) && is_capitalised(form) {
                    matched += 1;
                    last = index;
                } else if !(index > first && matches!(form, "of" | "for" | "and" | "on")) {
                    break;
                }
            }
            (matched == letters.len() && last > first).then(|| {
                self.doc.text[self.token(first).span.start..self.token(last).span.end].to_string()
            })
        })
    }
}
