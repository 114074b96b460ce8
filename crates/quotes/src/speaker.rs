//! Who said a quote: the attribution after it ("…," he said / said Trump), or before it
//! (Trump said: "…" / according to …), resolved to the fullest name the article gives.

use dyad_core::{Doc, Token};

use crate::{Quote, Speaker};

/// Words that attribute speech, as written (the lemmatizer is not needed for these).
const SPEECH_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "stated",
    "states",
    "announced",
    "declared",
    "warned",
    "warns",
    "warning",
    "insisted",
    "argued",
    "noted",
    "asked",
    "replied",
    "responded",
    "explained",
    "claimed",
    "posted",
    "tweeted",
    "called",
    "calling",
    "described",
    "describing",
    "urged",
    "vowed",
    "stressed",
    "complained",
    "acknowledged",
    "confirmed",
    "denied",
    "accused",
    "accusing",
    "predicted",
    "suggested",
    "recalled",
    "continued",
    "according",
    "promised",
    "pledged",
    "dismissed",
    "condemned",
    "praised",
    "labelled",
    "labeled",
    "branded",
    "characterised",
    "characterized",
];

/// Words that may stand in a speaker's phrase beside names and nouns ("Secretary of State",
/// "spokesman for the police").
const LINKING_WORDS: &[&str] = &["of", "for", "at", "'s", "’s", "the"];

const PERSON_PRONOUNS: &[&str] = &["he", "she", "He", "She"];
const GROUP_PRONOUNS: &[&str] = &["they", "it", "we", "They", "It", "We"];

/// Fills in the speaker of each of `quotes` (found in `doc.text`).
pub fn attribute(doc: &Doc, mut quotes: Vec<Quote>) -> Vec<Quote> {
    let reader = Reader::new(doc, &quotes);
    let mut previous: Option<(usize, Speaker)> = None;
    for (index, quote) in quotes.iter_mut().enumerate() {
        let found = reader
            .after(quote)
            .or_else(|| reader.before(quote))
            .map(|phrase| reader.resolve(phrase, quote.start, previous.as_ref().map(|p| &p.1)));
        let speaker = found.or_else(|| {
            let (last, speaker) = previous.as_ref()?;
            reader.continues(*last, index).then(|| speaker.clone())
        });
        if let Some(speaker) = &speaker {
            previous = Some((index, speaker.clone()));
        }
        quote.speaker = speaker;
    }
    quotes
}

/// A phrase of tokens, by index range.
type Phrase = std::ops::Range<usize>;

struct Reader<'d> {
    doc: &'d Doc,
    /// For each token, whether it lies inside a quote or is a quote mark.
    quoted: Vec<bool>,
    /// Byte offsets where paragraphs start.
    paragraphs: Vec<usize>,
    /// Quote spans, for continuation checks.
    spans: Vec<(usize, usize)>,
    /// Names of people as the entity recognizer found them: (start byte, text).
    people: Vec<(usize, String)>,
    /// Runs of capitalised proper nouns without their titles, which may be fuller forms of a
    /// name ("Friedrich Merz" for "Merz").
    names: Vec<(usize, String)>,
}

impl<'d> Reader<'d> {
    fn new(doc: &'d Doc, quotes: &[Quote]) -> Reader<'d> {
        let quoted = doc
            .tokens
            .iter()
            .map(|token| {
                let form = token.span.of(&doc.text);
                matches!(form, "\"" | "“" | "”" | "``" | "''")
                    || quotes
                        .iter()
                        .any(|q| token.span.start >= q.start && token.span.end <= q.end)
            })
            .collect();
        let mut paragraphs = vec![0];
        let mut from = 0;
        while let Some(at) = doc.text[from..].find("\n\n") {
            paragraphs.push(from + at + 2);
            from += at + 2;
        }
        Reader {
            doc,
            quoted,
            paragraphs,
            spans: quotes.iter().map(|q| (q.start, q.end)).collect(),
            people: people(doc),
            names: name_runs(doc),
        }
    }

    fn form(&self, index: usize) -> &'d str {
        self.doc.tokens[index].span.of(&self.doc.text)
    }

    fn token(&self, index: usize) -> &'d Token {
        &self.doc.tokens[index]
    }

    fn paragraph(&self, byte: usize) -> usize {
        self.paragraphs.partition_point(|&start| start <= byte)
    }

    fn is_speech(&self, index: usize) -> bool {
        SPEECH_WORDS.contains(&self.form(index))
    }

    /// The speaker phrase of an attribution right after the quote: `…," she said` or
    /// `…," said the ministry`.
    fn after(&self, quote: &Quote) -> Option<Phrase> {
        let paragraph = self.paragraph(quote.start.max(quote.end));
        let first = self
            .doc
            .tokens
            .partition_point(|t| t.span.start < quote.end);
        let mut words = Vec::new();
        for index in first..self.doc.tokens.len() {
            let token = self.token(index);
            if self.paragraph(token.span.start) != paragraph || words.len() >= 12 {
                break;
            }
            if self.quoted[index] {
                if words.is_empty() {
                    continue; // the closing mark
                }
                break;
            }
            let form = self.form(index);
            if words.is_empty() && form == "," {
                continue;
            }
            if matches!(form, "." | "!" | "?" | ";") {
                break;
            }
            words.push(index);
        }
        // A quote that ends its sentence with a full stop is not attributed by what follows.
        let closed = self.doc.text[..quote.end].trim_end().ends_with('.');
        if closed && words.first().is_some_and(|&i| !self.is_speech(i)) {
            return None;
        }
        let verb = words.iter().position(|&i| self.is_speech(i))?;
        if verb == 0 {
            let start = *words.get(1)?;
            let phrase = self.forward_phrase(start, words.last().copied()? + 1);
            return (!phrase.is_empty()).then_some(phrase);
        }
        // "Kenji Morimoto, a professor at a Tokyo university, told Reuters": the name before
        // the apposition.
        let end = words[..verb]
            .iter()
            .position(|&i| self.form(i) == ",")
            .unwrap_or(verb);
        if end == 0 || (end == verb && verb > 8) {
            return None;
        }
        let phrase = words[0]..words[end - 1] + 1;
        let plausible = phrase.clone().all(|i| self.token(i).upos != "AUX")
            && self.token(phrase.end - 1).upos != "VERB"
            && phrase
                .clone()
                .any(|i| matches!(self.token(i).upos.as_str(), "NOUN" | "PROPN" | "PRON"));
        plausible.then(|| self.trim_adverbs(phrase))
    }

    /// The speaker phrase of an attribution before the quote in its sentence: `Trump said: "…"`,
    /// `according to the ministry, "…"`, `X warned of "overwhelming" force`.
    fn before(&self, quote: &Quote) -> Option<Phrase> {
        let opening = self
            .doc
            .tokens
            .partition_point(|t| t.span.end <= quote.start);
        let sentence = self
            .doc
            .sentences
            .iter()
            .find(|s| s.tokens.contains(&opening.saturating_sub(1)))?;
        let start = self.clause_start(sentence.tokens.start, opening);
        let verb = (start..opening.saturating_sub(1))
            .rev()
            .find(|&i| !self.quoted[i] && self.is_speech(i))?;
        if self.form(verb) == "according" {
            let to = verb + 1;
            let phrase = self.forward_phrase(to + 1, opening);
            return (!phrase.is_empty()).then_some(phrase);
        }
        let mut end = verb;
        while end > start && matches!(self.token(end - 1).upos.as_str(), "ADV" | "AUX" | "PART") {
            end -= 1;
        }
        let mut begin = end;
        while begin > start && self.form(begin - 1) != "," && !self.quoted[begin - 1] {
            begin -= 1;
        }
        if begin == end || self.has_verb(begin..end) {
            // "X, who met Y last week, said" or "Asked about it, X said": the subject is the
            // clause's first phrase.
            begin = start;
        }
        let phrase = self.forward_phrase(begin, end);
        if !phrase.is_empty() {
            return Some(phrase);
        }
        // "X said ... "…" and accused ... of "…"": the second verb shares the sentence's subject.
        let subject_start = self.clause_start(sentence.tokens.start, sentence.tokens.start + 1);
        let phrase = self.forward_phrase(subject_start, verb);
        (!phrase.is_empty()).then_some(phrase)
    }

    fn has_verb(&self, phrase: Phrase) -> bool {
        phrase
            .into_iter()
            .any(|i| matches!(self.token(i).upos.as_str(), "VERB" | "AUX"))
    }

    /// Where the clause before `opening` starts: after a dateline, or after an earlier quote
    /// of the same sentence.
    fn clause_start(&self, sentence_start: usize, opening: usize) -> usize {
        let mut start = sentence_start;
        // A wire dateline ends with a dash within its first words: "BEIJING, Sept 9 (Reuters) -".
        if let Some(dash) = (start..opening.min(start + 14))
            .find(|&i| matches!(self.form(i), "-" | "—" | "–" | "--"))
            && self.form(start).chars().all(|c| !c.is_lowercase())
        {
            start = dash + 1;
        }
        let before_mark = opening.saturating_sub(1);
        if let Some(last_quoted) = (start..before_mark).rev().find(|&i| self.quoted[i]) {
            start = last_quoted + 1;
            while start < before_mark && matches!(self.form(start), "," | "and" | "but") {
                start += 1;
            }
        }
        start
    }

    /// The noun phrase that starts at `start`: names, nouns, adjectives and the words that
    /// link them ("Secretary of State Marco Rubio", "a person familiar with the talks"), up to
    /// a comma, a verb or `end`.
    fn forward_phrase(&self, start: usize, end: usize) -> Phrase {
        let mut stop = start;
        while stop < end && !self.quoted[stop] {
            let token = self.token(stop);
            let form = self.form(stop);
            let fits = matches!(
                token.upos.as_str(),
                "PROPN" | "NOUN" | "ADJ" | "DET" | "NUM" | "PRON"
            ) || LINKING_WORDS.contains(&form)
                || (form == "familiar" || form == "with") && stop > start
                || (form == "-" && stop > start);
            if !fits || form == "," {
                break;
            }
            // A pronoun is a phrase of its own ("he told reporters").
            if token.upos == "PRON" && token.xpos != "PRP$" && !form.ends_with("'s") {
                return if stop == start {
                    start..start + 1
                } else {
                    start..stop
                };
            }
            stop += 1;
        }
        // A phrase does not end on a linking word ("the ministry of").
        while stop > start && LINKING_WORDS.contains(&self.form(stop - 1)) {
            stop -= 1;
        }
        start..stop
    }

    fn trim_adverbs(&self, phrase: Phrase) -> Phrase {
        let mut end = phrase.end;
        while end > phrase.start && self.token(end - 1).upos == "ADV" {
            end -= 1;
        }
        phrase.start..end
    }

    /// Whether quote `index` goes on from quote `last` without an attribution of its own: in
    /// the same paragraph, or opening the next one.
    fn continues(&self, last: usize, index: usize) -> bool {
        let (last_start, _) = self.spans[last];
        let (start, _) = self.spans[index];
        let (here, there) = (self.paragraph(start), self.paragraph(last_start));
        if here == there {
            return true;
        }
        let paragraph_start = self.paragraphs[here - 1];
        here == there + 1 && self.doc.text[paragraph_start..start].trim().len() <= 3
    }

    /// The speaker a phrase names.
    fn resolve(&self, phrase: Phrase, before: usize, previous: Option<&Speaker>) -> Speaker {
        let start = self.token(phrase.start).span.start;
        let end = self.token(phrase.end - 1).span.end;
        let speaker = |name: String| Speaker { name, start, end };
        let first = self.form(phrase.start);
        if phrase.len() == 1 && PERSON_PRONOUNS.contains(&first) {
            if let Some((_, name)) = self.people.iter().rev().find(|(at, _)| *at < before) {
                return speaker(self.fullest(name));
            }
            if let Some(previous) = previous {
                return speaker(previous.name.clone());
            }
        }
        if phrase.len() == 1
            && GROUP_PRONOUNS.contains(&first)
            && let Some(previous) = previous
        {
            return speaker(previous.name.clone());
        }
        // A person named in the phrase is the speaker ("foreign ministry spokesperson Lin Jian").
        if let Some((_, name)) = self
            .people
            .iter()
            .rev()
            .find(|(at, name)| *at >= start && at + name.len() <= end)
        {
            return speaker(self.fullest(name));
        }
        if let Some(name) = self.trailing_name(phrase.clone()) {
            return speaker(self.fullest(&name));
        }
        let text = self.doc.text[start..end].to_string();
        let bare = strip_article(&text);
        let definite = text.len() != bare.len() && first.eq_ignore_ascii_case("the");
        if definite
            && bare.split_whitespace().count() <= 3
            && starts_lowercase(bare)
            && let Some(name) = self.antecedent(bare, before, previous)
        {
            return speaker(name);
        }
        let all_names = phrase.clone().all(|i| self.token(i).upos == "PROPN");
        if all_names && phrase.len() <= 2 {
            return speaker(self.fullest(bare));
        }
        speaker(bare.to_string())
    }

    /// A run of two or more capitalised names that ends a phrase after a lowercase title word:
    /// "Kremlin spokesman Dmitry Peskov" -> "Dmitry Peskov".
    fn trailing_name(&self, phrase: Phrase) -> Option<String> {
        let capitalised = |i: usize| {
            self.token(i).upos == "PROPN"
                && self.form(i).chars().next().is_some_and(char::is_uppercase)
        };
        let mut first = phrase.end;
        while first > phrase.start && capitalised(first - 1) {
            first -= 1;
        }
        let titled = first > phrase.start && {
            let title = self.form(first - 1);
            title.chars().next().is_some_and(char::is_lowercase) || is_title(title)
        };
        (phrase.end - first >= 2 && titled).then(|| {
            self.doc.text[self.token(first).span.start..self.token(phrase.end - 1).span.end]
                .to_string()
        })
    }

    /// The fullest form of `name` the article gives: "Kallas" -> "Kaja Kallas".
    fn fullest(&self, name: &str) -> String {
        let last = name.split_whitespace().last().unwrap_or(name);
        let fuller = |list: &[(usize, String)]| {
            list.iter()
                .map(|(_, candidate)| candidate.as_str())
                .filter(|candidate| {
                    candidate.split_whitespace().last() == Some(last) && candidate.ends_with(name)
                })
                .max_by_key(|candidate| candidate.split_whitespace().count())
                .map(str::to_string)
        };
        let from_runs = fuller(&self.names).unwrap_or_else(|| name.to_string());
        match fuller(&self.people) {
            Some(found) if found.len() >= from_runs.len() || !from_runs.ends_with(&found) => found,
            _ => from_runs,
        }
    }

    /// Who "the minister" or "the spokesman" is: the last person introduced with that title
    /// ("Foreign Minister Wang Yi"), or an earlier speaker described with that noun.
    fn antecedent(&self, role: &str, before: usize, previous: Option<&Speaker>) -> Option<String> {
        let head = role.split_whitespace().last()?.to_lowercase();
        if let Some(previous) = previous
            && previous.name.to_lowercase().contains(&head)
        {
            return Some(previous.name.clone());
        }
        let titled = self.people.iter().rev().find(|(at, _)| {
            *at < before && {
                let window_start = self.doc.text[..*at]
                    .char_indices()
                    .rev()
                    .nth(40)
                    .map_or(0, |(i, _)| i);
                self.doc.text[window_start..*at]
                    .to_lowercase()
                    .contains(&head)
            }
        })?;
        Some(self.fullest(&titled.1))
    }
}

/// The people the entity recognizer found, in text order: (start byte, name).
fn people(doc: &Doc) -> Vec<(usize, String)> {
    let mut found: Vec<(usize, String)> = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    for token in &doc.tokens {
        let inside = token.ner == "I-PER" && current.is_some();
        if inside {
            if let Some((_, end)) = current.as_mut() {
                *end = token.span.end;
            }
            continue;
        }
        if let Some((start, end)) = current.take() {
            found.push((start, doc.text[start..end].to_string()));
        }
        if token.ner.ends_with("-PER") && token.upos == "PROPN" {
            current = Some((token.span.start, token.span.end));
        }
    }
    if let Some((start, end)) = current {
        found.push((start, doc.text[start..end].to_string()));
    }
    // Possessive endings and titles are not part of a name.
    for (start, name) in &mut found {
        while let Some((first, rest)) = name.split_once(' ')
            && is_title(first)
            && rest.contains(' ')
        {
            *start += first.len() + 1;
            *name = rest.to_string();
        }
        for suffix in ["'s", "’s"] {
            if let Some(stripped) = name.strip_suffix(suffix) {
                *name = stripped.to_string();
            }
        }
    }
    found
}

/// Capitalised words that are titles before a name ("President", "Minister").
fn is_title(word: &str) -> bool {
    matches!(
        word,
        "President"
            | "Minister"
            | "Secretary"
            | "Chancellor"
            | "Premier"
            | "Spokesman"
            | "Spokeswoman"
            | "Spokesperson"
            | "General"
            | "Gen."
            | "Leader"
            | "Chief"
            | "Ambassador"
            | "Envoy"
            | "Governor"
            | "Mayor"
            | "Senator"
            | "Rep."
            | "Sen."
            | "King"
            | "Queen"
            | "Prince"
            | "Emir"
            | "Sheikh"
            | "Pope"
            | "Commissioner"
            | "Director"
            | "Director-General"
            | "Secretary-General"
            | "Speaker"
            | "Judge"
            | "Representative"
            | "Justice"
            | "Rights"
            | "State"
            | "Trade"
            | "Foreign"
            | "Defence"
            | "Defense"
            | "Interior"
            | "Finance"
            | "Prime"
            | "Vice"
            | "Deputy"
            | "Commander"
            | "Chairman"
            | "Chair"
            | "Dr."
            | "Mr."
            | "Mrs."
            | "Ms."
            | "Lawmaker"
            | "Human"
            | "High"
    )
}

/// Runs of two or more capitalised proper nouns (joined by in-word hyphens: "Lee Jae-myung"),
/// each without the titles before it: "Kenyan President William Ruto" -> "William Ruto".
fn name_runs(doc: &Doc) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let mut flush = |run: &mut Vec<usize>| {
        let after_title = run
            .iter()
            .rposition(|&i| is_title(doc.tokens[i].span.of(&doc.text)))
            .map_or(0, |p| p + 1);
        let words = &run[after_title..];
        let capitalised_words = words
            .iter()
            .filter(|&&i| doc.tokens[i].span.of(&doc.text) != "-")
            .count();
        if capitalised_words >= 2 {
            let start = doc.tokens[words[0]].span.start;
            let end = doc.tokens[*words.last().unwrap_or(&words[0])].span.end;
            found.push((start, doc.text[start..end].to_string()));
        }
        run.clear();
    };
    for (index, token) in doc.tokens.iter().enumerate() {
        let form = token.span.of(&doc.text);
        let joined_to_previous = run
            .last()
            .is_some_and(|&p| doc.tokens[p].span.end == token.span.start);
        let previous_is_hyphen = run
            .last()
            .is_some_and(|&p| doc.tokens[p].span.of(&doc.text) == "-");
        let capitalised =
            token.upos == "PROPN" && form.chars().next().is_some_and(char::is_uppercase);
        let in_name = capitalised
            || (form == "-" && joined_to_previous)
            || (previous_is_hyphen && joined_to_previous && form.chars().all(char::is_alphabetic));
        if in_name {
            run.push(index);
        } else {
            flush(&mut run);
        }
    }
    flush(&mut run);
    found
}

fn strip_article(text: &str) -> &str {
    for article in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = text.strip_prefix(article) {
            return rest;
        }
    }
    text
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}
