//! Who said a quote: the attribution after it ("…," he said / said Trump), or before it
//! (Trump said: "…" / according to …), resolved to the fullest name the article gives.

use dyad_core::{Doc, Token};

use crate::names::{
    is_article, is_capitalised, is_institution, is_name_particle, is_name_suffix, is_title,
    name_runs, people, starts_lowercase, strip_article,
};
use crate::{Quote, Speaker};

mod bodies;
mod fullnames;
mod labels;
mod reference;

use bodies::GENERIC_BODIES;

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
    "calls",
    "blamed",
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
    "shouted",
    "chanted",
    "cautioned",
    "conceded",
    "admitted",
    "remarked",
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
    "spoke",
    "adding",
    "defended",
];

/// Words that may stand in a speaker's phrase beside names and nouns ("Secretary of State",
/// "spokesman for the police").
const LINKING_WORDS: &[&str] = &["of", "for", "at", "'s", "’s", "the"];

/// Words that open a relative clause whose subject speaks: "what prosecutors described as",
/// "a shift that Mark Rutte said would".
const RELATIVE_WORDS: &[&str] = &["what", "which", "whom", "that"];

/// Words that open a relative clause after a description of a speaker: "X, who runs a
/// company, said".
const RELATIVE_PRONOUNS: &[&str] = &["who", "whose", "which"];

const PERSON_PRONOUNS: &[&str] = &["he", "she", "He", "She"];
const GROUP_PRONOUNS: &[&str] = &["they", "it", "we", "They", "It", "We"];

/// Fills in the speaker of each of `quotes` (found in `doc.text`).
pub fn attribute(doc: &Doc, mut quotes: Vec<Quote>) -> Vec<Quote> {
    let reader = Reader::new(doc, &quotes);
    let mut previous: Option<(usize, Speaker)> = None;
    for (index, quote) in quotes.iter_mut().enumerate() {
        if reader.is_label(quote) {
            continue;
        }
        let found = reader
            .after(quote)
            .or_else(|| reader.before(quote))
            .map(|phrase| {
                let said_before = previous.as_ref().map(|(at, speaker)| Said {
                    speaker,
                    quote_start: reader.spans[*at].0,
                });
                reader.resolve(phrase, quote.start, said_before)
            });
        let speaker = found
            .or_else(|| {
                let (last, speaker) = previous.as_ref()?;
                reader.continues(*last, index).then(|| speaker.clone())
            })
            .or_else(|| reader.reported_before(quote));
        if let Some(speaker) = &speaker {
            previous = Some((index, speaker.clone()));
        }
        quote.speaker = speaker;
    }
    quotes
}

/// The name after a possessive that names its owner only by a common noun, when the name is
/// the whole rest of the phrase: "the country's Flood Forecasting and Warning Centre" ->
/// "Flood Forecasting and Warning Centre"; not "South Africa's Constitutional Court" nor
/// "Starmer's spokesman".
fn owned_name(phrase: &str) -> Option<&str> {
    let (owner, name) = phrase
        .split_once("'s ")
        .or_else(|| phrase.split_once("’s "))?;
    if !starts_lowercase(owner) {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = words
        .iter()
        .all(|w| is_capitalised(w) || matches!(*w, "of" | "and" | "for"));
    (words.len() >= 2 && capitalised && is_capitalised(words[0])).then_some(name)
}

/// The later in the text of a name the recognizer found and a name after a title; the
/// recognizer's on a tie.
fn later<'n>(
    recognised: Option<&'n (usize, String)>,
    titled: Option<&'n (usize, String)>,
) -> Option<&'n (usize, String)> {
    match (recognised, titled) {
        (Some(person), Some(name)) if name.0 > person.0 => Some(name),
        (person, name) => person.or(name),
    }
}

/// The speaker of the quote before, and where that quote starts.
#[derive(Clone, Copy)]
struct Said<'s> {
    speaker: &'s Speaker,
    quote_start: usize,
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
    /// The runs of `names` that followed a title, which are people ("Foreign Minister Badr
    /// Abdelatty").
    titled: Vec<(usize, String)>,
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
        let runs = name_runs(doc);
        Reader {
            doc,
            quoted,
            paragraphs,
            spans: quotes.iter().map(|q| (q.start, q.end)).collect(),
            people: people(doc),
            titled: runs
                .iter()
                .filter(|(_, _, titled)| *titled)
                .map(|(at, name, _)| (*at, name.clone()))
                .collect(),
            names: runs.into_iter().map(|(at, name, _)| (at, name)).collect(),
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

    /// Whether token `index` is the "according" of "according to", in any case.
    fn is_according(&self, index: usize) -> bool {
        self.form(index).eq_ignore_ascii_case("according")
    }

    /// Whether token `index` is a verb of saying; "warning data", "a stated aim" and "was
    /// admitted with a fever" are not.
    fn is_speech(&self, index: usize) -> bool {
        // "was admitted", "was quickly admitted": the auxiliary right before the verb, bar an
        // adverb; not the "be" of "asked not to be named said".
        let passive = || {
            let mut i = index;
            while i > 0 && self.token(i - 1).upos == "ADV" {
                i -= 1;
            }
            i > 0 && self.token(i - 1).deprel == "aux:pass" && self.token(i - 1).head == Some(index)
        };
        // The tagger may take "said" for an adjective ("… to be named said investors …").
        let upos = self.token(index).upos.as_str();
        let not_a_verb =
            upos == "NOUN" || (upos == "ADJ" && !matches!(self.form(index), "said" | "told"));
        (SPEECH_WORDS.contains(&self.form(index)) || self.is_according(index))
            && !not_a_verb
            && !passive()
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
            if self.paragraph(token.span.start) != paragraph || words.len() >= 40 {
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
        // "Kim Yo Jong … warned that Pyongyang would take "…", according to KCNA": the
        // agency reports what the sentence's own speaker said.
        let speaker_before = || {
            let opening = self
                .doc
                .tokens
                .partition_point(|t| t.span.end <= quote.start);
            self.sentence_of(opening).is_some_and(|sentence| {
                (sentence.start..opening)
                    .any(|i| !self.quoted[i] && self.is_speech(i) && !self.is_according(i))
            })
        };
        if verb == 0 && self.is_according(words[0]) && speaker_before() {
            return None;
        }
        if verb == 0 {
            return self.inverted(&words);
        }
        // `…," X said`: the quote ends in punctuation or a comma follows its mark; an
        // "illegal" stoppage is a word inside the sentence.
        let inside = self.doc.text[..quote.end].trim_end();
        let comma_after = self.doc.text[quote.end..]
            .trim_start_matches(['"', '”'])
            .starts_with(',');
        if !inside.ends_with([',', '.', '?', '!']) && !comma_after {
            return None;
        }
        // "Kenji Morimoto, a professor at a Tokyo university, told Reuters": the name before
        // the apposition.
        let end = words[..verb]
            .iter()
            .position(|&i| self.form(i) == ",")
            .unwrap_or(verb);
        // A long stretch is a clause, not a speaker, unless it is one noun phrase ("a
        // spokesperson for the U.N. Office for the Coordination of Humanitarian Affairs").
        let one_noun_phrase = || {
            let stretch = words[0]..words[verb - 1] + 1;
            self.forward_phrase(stretch.start, stretch.end) == stretch
        };
        if end == 0 || (end == verb && verb > 8 && !(verb <= 16 && one_noun_phrase())) {
            return None;
        }
        let phrase = self.trim_adverbs(words[0]..words[end - 1] + 1);
        let phrase = self.with_postmodifier(phrase, words[verb]);
        let noun_phrase =
            !phrase.is_empty() && self.forward_phrase(phrase.start, phrase.end) == phrase;
        // "the executive" with "executive" tagged as an adjective is a noun phrase too.
        let determined_adjective = phrase.len() >= 2
            && self.token(phrase.start).upos == "DET"
            && self.token(phrase.end - 1).upos == "ADJ";
        let plausible = noun_phrase
            && (determined_adjective
                || phrase
                    .clone()
                    .any(|i| matches!(self.token(i).upos.as_str(), "NOUN" | "PROPN" | "PRON")));
        plausible.then_some(phrase)
    }

    /// The speaker after an inverted speech verb: `…," said the ministry` or `…," according to
    /// a diplomat`. Not `…," told reporters` (its subject came before), nor `…," said he would`,
    /// where the verb opens reported speech.
    fn inverted(&self, words: &[usize]) -> Option<Phrase> {
        let verb = self.form(words[0]);
        if matches!(verb, "told" | "tells") {
            return None;
        }
        let skip = if verb == "according" { 2 } else { 1 };
        let start = *words.get(skip)?;
        let phrase = self.forward_phrase(start, words.last().copied()? + 1);
        if phrase.is_empty() {
            return None;
        }
        // "said an EU diplomat involved in the talks" is no "said he would".
        let opens_clause = words.iter().find(|&&i| i >= phrase.end).is_some_and(|&i| {
            matches!(self.token(i).upos.as_str(), "VERB" | "AUX")
                && !matches!(self.form(i), "involved" | "familiar" | "based" | "close")
        });
        if opens_clause {
            return None;
        }
        Some(self.with_postmodifier(phrase, words[words.len() - 1] + 1))
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
        if self.is_according(verb) {
            let to = verb + 1;
            let phrase = self.forward_phrase(to + 1, opening);
            return (!phrase.is_empty()).then(|| self.author_of(phrase, opening));
        }
        // "X said … “…” mines, and called the accusation “…”": a verb joined by "and" to an
        // earlier speech verb shares its subject.
        let mut before_verb = verb;
        while before_verb > start && self.token(before_verb - 1).upos == "ADV" {
            before_verb -= 1;
        }
        let coordinated =
            before_verb > start && matches!(self.form(before_verb - 1), "and" | "but");
        // "X said on Tuesday, calling the plan "…"": the participle's subject is the saying's.
        let participle = before_verb > start
            && self.form(before_verb - 1) == ","
            && self.token(verb).xpos == "VBG";
        let earlier_verb = (sentence.tokens.start..before_verb.saturating_sub(1))
            .rev()
            .find(|&i| !self.quoted[i] && self.is_speech(i) && !self.is_according(i));
        if (coordinated || participle)
            && let Some(earlier) = earlier_verb
        {
            let phrase =
                self.subject_before(self.clause_start(sentence.tokens.start, earlier), earlier);
            if !phrase.is_empty() {
                return Some(phrase);
            }
        }
        let phrase = self.subject_before(start, verb);
        if !phrase.is_empty() {
            return Some(phrase);
        }
        // "X said ... "…" and accused ... of "…"": the second verb shares the sentence's subject,
        // that of its first speech verb ("In a statement, it accused …") if it has one.
        let subject_start = self.clause_start(sentence.tokens.start, sentence.tokens.start + 1);
        let first_verb = (subject_start..verb).find(|&i| !self.quoted[i] && self.is_speech(i));
        if let Some(first_verb) = first_verb {
            let phrase = self.subject_before(subject_start, first_verb);
            if !phrase.is_empty() {
                return Some(phrase);
            }
        }
        let phrase = self.forward_phrase(subject_start, verb);
        (!phrase.is_empty()).then_some(phrase)
    }

    /// Who wrote a document an attribution names: "according to a statement issued by the
    /// bank" -> "the bank"; the phrase itself when it names no author.
    fn author_of(&self, phrase: Phrase, end: usize) -> Phrase {
        let document = matches!(
            self.form(phrase.end - 1),
            "statement" | "report" | "document" | "filing" | "filings" | "letter" | "copy"
        );
        let mut at = phrase.end;
        if at < end && self.token(at).xpos == "VBN" {
            at += 1; // "issued", "released", "seen"
        }
        let by = at < end && matches!(self.form(at), "by" | "from");
        if !document || !by {
            return phrase;
        }
        let author = self.forward_phrase(at + 1, end);
        if author.is_empty() { phrase } else { author }
    }

    /// The subject of the speech verb at `verb` in the clause from `start`, with the words
    /// that restrict it ("a diplomat from a northern member state").
    fn subject_before(&self, start: usize, verb: usize) -> Phrase {
        let subject = self.bare_subject_before(start, verb);
        if subject.is_empty() {
            return subject;
        }
        self.with_postmodifier(subject, verb)
    }

    /// The subject of the speech verb at `verb` in the clause from `start`.
    fn bare_subject_before(&self, start: usize, verb: usize) -> Phrase {
        let mut end = verb;
        while end > start && matches!(self.token(end - 1).upos.as_str(), "ADV" | "AUX" | "PART") {
            end -= 1;
        }
        // "what prosecutors described as": the phrase after a relative word.
        let mut noun_start = end;
        while noun_start > start
            && (matches!(
                self.token(noun_start - 1).upos.as_str(),
                "NOUN" | "PROPN" | "ADJ" | "PRON"
            ) || self.form(noun_start - 1) == "-")
            && !RELATIVE_WORDS.contains(&self.form(noun_start - 1))
        {
            noun_start -= 1;
        }
        if noun_start < end
            && noun_start > start
            && RELATIVE_WORDS.contains(&self.form(noun_start - 1))
        {
            // "The court ... gave parliament 18 months to fix what it called": "it" is the
            // clause's subject.
            let subject = self.forward_phrase(start, end);
            let it = end - noun_start == 1 && matches!(self.form(noun_start), "it" | "they");
            if it && !subject.is_empty() && self.token(subject.start).upos != "PRON" {
                return subject;
            }
            return noun_start..end;
        }
        // The comma-separated stretches before the verb, nearest first: the first that is a
        // noun phrase is the subject ("Kast, 59, promised", "X, who met Y last week, said",
        // "with Secretary General X saying").
        let mut stretch_end = end;
        let mut found: Option<Phrase> = None;
        while stretch_end > start {
            let mut begin = stretch_end;
            while begin > start && self.form(begin - 1) != "," && !self.quoted[begin - 1] {
                begin -= 1;
            }
            // "Dale Whitfield, who runs a company in Midland, Texas, said": what came after a
            // relative pronoun belonged to its clause.
            if RELATIVE_PRONOUNS.contains(&self.form(begin)) {
                // "Milei, who last month called …": the pronoun right before the verb is its
                // subject, and stands for the noun before it.
                if stretch_end == end {
                    return begin..begin + 1;
                }
                found = None;
            }
            let phrase = self.stretch_phrase(begin, stretch_end);
            // "The Kenya Medical Practitioners, Pharmacists and Dentists Union said": a name
            // that lists with commas.
            let phrase = phrase.map(|phrase| self.listed_name(phrase, begin));
            match (&found, phrase) {
                // Not "a widow from Bihar's Gaya district", with places the recognizer took
                // for people: the name ends the phrase.
                (None, Some(phrase))
                    if self.names_someone(&phrase)
                        && self.token(phrase.end - 1).upos == "PROPN"
                        && !self.describes_another(&phrase) =>
                {
                    return phrase;
                }
                (None, Some(phrase)) => found = Some(phrase),
                // "Kallas, the EU's top diplomat, said": the name before the description, which
                // may be a single one the recognizer missed ("Sutrisno, a sand miner, said").
                (Some(_), Some(phrase))
                    if self.names_someone(&phrase)
                        || self.is_bare_name(&phrase)
                        || self.is_single_name(&phrase, begin) =>
                {
                    return phrase;
                }
                (Some(_), _) => break,
                (None, None) => {}
            }
            if begin <= start || self.quoted[begin - 1] {
                break;
            }
            stretch_end = begin - 1;
        }
        found.unwrap_or_else(|| self.forward_phrase(start, end))
    }

    /// The noun phrase a stretch between commas holds, after a leading preposition or
    /// conjunction; none for a clause ("who met Y last week") or a bare number (an age).
    fn stretch_phrase(&self, begin: usize, end: usize) -> Option<Phrase> {
        let mut first = begin;
        while first < end && matches!(self.token(first).upos.as_str(), "ADP" | "SCONJ" | "CCONJ") {
            first += 1;
        }
        // "a sand miner who like many Indonesians uses one name": the description before its
        // relative clause, whatever the tagger made of the clause's verb.
        let end = (first + 1..end)
            .find(|&i| RELATIVE_PRONOUNS.contains(&self.form(i)))
            .unwrap_or(end);
        let only_numbers = (first..end).all(|i| self.token(i).upos == "NUM");
        if first == end || only_numbers || self.has_verb(first..end) {
            return None;
        }
        let phrase = self.forward_phrase(first, end);
        let nominal = phrase
            .clone()
            .any(|i| matches!(self.token(i).upos.as_str(), "NOUN" | "PROPN" | "PRON"));
        (!phrase.is_empty() && nominal).then_some(phrase)
    }

    /// A capitalised institution's name that lists its fields with commas, from the name's
    /// first word: "Pharmacists and Dentists Union" after "Kenya Medical Practitioners,".
    fn listed_name(&self, phrase: Phrase, begin: usize) -> Phrase {
        let words_of_a_name = phrase
            .clone()
            .all(|i| is_capitalised(self.form(i)) || self.form(i) == "and");
        let listed = phrase.clone().any(|i| self.form(i) == "and");
        let institution = is_institution(self.form(phrase.end - 1));
        if !(words_of_a_name && listed && institution) || begin < 2 || self.form(begin - 1) != "," {
            return phrase;
        }
        let mut first = begin - 1;
        while first > 0
            && !self.quoted[first - 1]
            && is_capitalised(self.form(first - 1))
            && !is_article(self.form(first - 1))
        {
            first -= 1;
        }
        if first == begin - 1 {
            return phrase;
        }
        first..phrase.end
    }

    /// Whether a phrase describes its speaker by someone else: "a protege of former President
    /// Rafael Correa", "the lawyer for Sarr", "a hydrologist at Mohammed V University".
    fn describes_another(&self, phrase: &Phrase) -> bool {
        self.noun_complement_within(phrase.start, phrase.end)
    }

    /// Whether a common noun among tokens `first..end` takes a complement after it ("office
    /// of", "lawyer for", "hydrologist at", "adviser to").
    fn noun_complement_within(&self, first: usize, end: usize) -> bool {
        (first + 1..end).any(|i| {
            matches!(self.form(i), "of" | "for" | "at" | "to")
                && self.token(i - 1).upos == "NOUN"
                && starts_lowercase(self.form(i - 1))
        })
    }

    /// The end of a phrase with the words that restrict a description after it, up to a
    /// comma or `limit`: "a diplomat who asked not to be named", "a G20 official involved in
    /// the talks", "a delegate from an African country". A name keeps its own end.
    fn with_postmodifier(&self, phrase: Phrase, limit: usize) -> Phrase {
        let at = phrase.end;
        // The tagger sometimes takes "official" for an adjective.
        let description = !self.names_someone(&phrase)
            && phrase.clone().any(|i| {
                matches!(self.token(i).upos.as_str(), "NOUN" | "ADJ")
                    && starts_lowercase(self.form(i))
            });
        let participle =
            |i: usize| matches!(self.form(i), "involved" | "familiar" | "based" | "close");
        // The participle may already end the phrase: "eight members involved | in the talks".
        // "a Western diplomat in the region who asked not to be named": a place phrase that a
        // relative clause follows belongs to the description.
        let placed_then_relative = matches!(self.form(at), "in" | "at")
            && (at..limit)
                .take_while(|&i| !self.quoted[i] && self.form(i) != ",")
                .any(|i| matches!(self.form(i), "who" | "whose"));
        // "a source in the attorney general's office": a place in an institution.
        let placed_in_body = matches!(self.form(at), "in" | "at")
            && (at..limit)
                .take_while(|&i| !self.quoted[i] && self.form(i) != "," && !self.is_speech(i))
                .last()
                .is_some_and(|i| is_institution(self.form(i)) && starts_lowercase(self.form(i)));
        let opens = at < limit
            && !self.quoted[at]
            && (matches!(self.form(at), "who" | "whose" | "from")
                || placed_then_relative
                || placed_in_body
                || participle(at)
                || (at > phrase.start && participle(at - 1)));
        if !description || !opens {
            return phrase;
        }
        // A speech verb ends it too, but not "who asked not to be named".
        let end = (at..limit)
            .find(|&i| {
                self.quoted[i]
                    || matches!(self.form(i), "," | "." | ";" | ":")
                    || (i > at + 1
                        && self.is_speech(i)
                        && !matches!(self.form(i - 1), "who" | "whose" | "and"))
            })
            .unwrap_or(limit);
        phrase.start..end
    }

    /// Whether a phrase is a name and nothing else: two or more capitalised proper nouns,
    /// which may be joined by in-word hyphens ("Marie-Ange Célestin").
    fn is_bare_name(&self, phrase: &Phrase) -> bool {
        let words = phrase.clone().filter(|&i| !self.is_glued_hyphen(i)).count();
        words >= 2
            && is_capitalised(self.form(phrase.start))
            && phrase.clone().all(|i| {
                self.is_glued_hyphen(i)
                    || (i > 0 && self.is_glued_hyphen(i - 1))
                    || (self.token(i).upos == "PROPN" && is_capitalised(self.form(i)))
                    || (is_name_particle(self.form(i)) && self.between_names(i))
            })
    }

    /// Whether a stretch starting at `begin` is one proper noun alone, not a place after a
    /// preposition ("In Kabul, a police spokesman said") nor an organisation.
    fn is_single_name(&self, phrase: &Phrase, begin: usize) -> bool {
        let token = self.token(phrase.start);
        phrase.len() == 1
            && phrase.start == begin
            && token.upos == "PROPN"
            && is_capitalised(self.form(phrase.start))
            && !token.ner.ends_with("-ORG")
    }

    /// Whether token `index` is a hyphen inside a word: "Marie-Ange", "al-Ansari".
    fn is_glued_hyphen(&self, index: usize) -> bool {
        self.form(index) == "-"
            && index > 0
            && index + 1 < self.doc.tokens.len()
            && self.token(index - 1).span.end == self.token(index).span.start
            && self.token(index).span.end == self.token(index + 1).span.start
    }

    /// Whether a phrase names a person: by the entity recognizer, or as a name after a title.
    fn names_someone(&self, phrase: &Phrase) -> bool {
        let organisation_or_place = |i: usize| {
            let ner = &self.token(i).ner;
            ner.ends_with("-ORG") || ner.ends_with("-LOC")
        };
        // "Salar Norte Minerals", whatever the recognizer says, is a company, and "Geophysical
        // Agency" no name after "Climatology and".
        let capitalised_words = phrase.clone().all(|i| is_capitalised(self.form(i)));
        if phrase.is_empty() || (capitalised_words && is_institution(self.form(phrase.end - 1))) {
            return false;
        }
        let trailing_name = self
            .trailing_name(phrase.clone())
            .filter(|name| !name.split_whitespace().last().is_some_and(is_institution));
        phrase.clone().any(|i| self.token(i).ner.ends_with("-PER"))
            || (trailing_name.is_some() && !phrase.clone().any(organisation_or_place))
    }

    fn has_verb(&self, phrase: Phrase) -> bool {
        phrase
            .into_iter()
            .any(|i| matches!(self.token(i).upos.as_str(), "VERB" | "AUX"))
    }

    /// Where the clause before `opening` starts: after a dateline, or after an earlier quote
    /// of the same sentence.
    fn clause_start(&self, sentence_start: usize, opening: usize) -> usize {
        // A sentence the splitter ran across a paragraph break ("wrote on X.\n\nMSF said")
        // starts for us where the paragraph does.
        let paragraph = self.paragraph(self.token(opening.saturating_sub(1)).span.start);
        let paragraph_start = self.paragraphs[paragraph - 1];
        let mut start = (sentence_start..opening)
            .find(|&i| self.token(i).span.start >= paragraph_start)
            .unwrap_or(sentence_start);
        // A wire dateline ends with a dash within its first words: "BEIJING, Sept 9 (Reuters) -".
        if let Some(dash) = (start..opening.min(start + 14)).find(|&i| {
            matches!(self.form(i), "-" | "—" | "–" | "--")
                && i > 0
                && self.token(i - 1).span.end < self.token(i).span.start
        }) && self.form(start).chars().all(|c| !c.is_lowercase())
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
                || (is_capitalised(form) && !(stop == start && token.xpos.starts_with("VB")))
                || (form == "familiar" || form == "with") && stop > start
                || (form == "-" && stop > start)
                // "the ruling LIBRE party": a participle modifying a noun.
                || (token.deprel == "amod" && stop > start)
                || (is_name_particle(form) && stop > start && self.between_names(stop))
                // "Korean Sport & Olympic Committee".
                || (form == "&" && stop > start && self.between_names(stop))
                // "Nigeria Governors' Forum", "a paediatricians' association": a plural
                // possessive inside a name or description.
                || (matches!(form, "'" | "’")
                    && stop > start
                    && self.form(stop - 1).ends_with('s')
                    && (self.between_names(stop)
                        || (stop + 1 < end && self.token(stop + 1).upos == "NOUN")))
                // "Attention to Persons Deprived of Liberty": inside an institution's name.
                || (matches!(form, "to" | "on")
                    && stop > start
                    && self.between_names(stop)
                    && !self.names_a_day(stop + 1))
                || (matches!(form, "in" | "from" | "to") && stop > start && self.places_a_noun(stop))
                || (form == "and" && stop > start && self.joins_names(stop));
            if !fits || form == "," {
                break;
            }
            // A pronoun is a phrase of its own ("he told reporters"); an acronym the tagger
            // took for one ("WHO") is not.
            let acronym = form.len() >= 2 && form.chars().all(|c| c.is_ascii_uppercase());
            if token.upos == "PRON" && token.xpos != "PRP$" && !form.ends_with("'s") && !acronym {
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

    /// Whether the "in", "from" or "to" at `index` places the common noun before it: "the
    /// mission in Congo", "an official in the Autonomous Bougainville Government", "a woman
    /// from Machakos", "the EU delegation to Georgia", "the Stabilization Mission in the
    /// Democratic Republic of the Congo", but not "Trump in a statement".
    fn places_a_noun(&self, index: usize) -> bool {
        let before = index - 1;
        let noun_before = self.token(before).upos == "NOUN"
            || (is_capitalised(self.form(before)) && is_institution(self.form(before)));
        let mut next = index + 1;
        if next < self.doc.tokens.len() && self.form(next) == "the" {
            next += 1;
        }
        // "a doctor in the town of Debre Tabor".
        let kind_of_place = |i: usize| {
            matches!(
                self.form(i),
                "city" | "town" | "village" | "province" | "region" | "district" | "state"
            )
        };
        if next + 2 < self.doc.tokens.len() && kind_of_place(next) && self.form(next + 1) == "of" {
            next += 2;
        }
        let place_after =
            next < self.doc.tokens.len() && !self.quoted[next] && is_capitalised(self.form(next));
        noun_before && place_after
    }

    /// Whether token `index` names a weekday or month: "China on Tuesday" is no name.
    fn names_a_day(&self, index: usize) -> bool {
        index < self.doc.tokens.len() && {
            let form = self.form(index);
            dyad_core::calendar::weekday_number(form).is_some()
                || dyad_core::calendar::month_number(form).is_some()
        }
    }

    /// Whether token `index` stands between two capitalised words: "de" in "Annelies de Wit".
    fn between_names(&self, index: usize) -> bool {
        let before = (0..index).rev().find(|&i| !is_name_particle(self.form(i)));
        let after = (index + 1..self.doc.tokens.len()).find(|&i| !is_name_particle(self.form(i)));
        before.is_some_and(|i| is_capitalised(self.form(i)))
            && after.is_some_and(|i| is_capitalised(self.form(i)))
    }

    /// Whether the "and" at `index` is inside a name: "Energy and Mines Minister".
    fn joins_names(&self, index: usize) -> bool {
        let next = index + 1;
        next < self.doc.tokens.len()
            && !self.quoted[next]
            && is_capitalised(self.form(index - 1))
            && is_capitalised(self.form(next))
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
    fn resolve(&self, phrase: Phrase, before: usize, said_before: Option<Said>) -> Speaker {
        let previous = said_before.map(|said| said.speaker);
        let phrase = self.apposition(phrase.clone()).unwrap_or(phrase);
        let start = self.token(phrase.start).span.start;
        let end = self.token(phrase.end - 1).span.end;
        let speaker = |name: String| Speaker { name, start, end };
        let first = self.form(phrase.start);
        if phrase.len() == 1 && PERSON_PRONOUNS.contains(&first) {
            // "A spokesman for the commission said …. "…," he said": the one who spoke last
            // in the paragraph, before anyone merely mentioned since.
            let paragraph = self.paragraph(start);
            let previous_here = previous.filter(|p| self.paragraph(p.start) == paragraph);
            if let Some(subject) = self.last_speaker_in_paragraph(phrase.start) {
                let earlier = self.token(subject.start).span.start;
                // "…," said Nadège Joseph. She added: "…": the quote's speaker came later.
                if let Some(previous) = previous_here.filter(|p| p.start > earlier) {
                    return speaker(previous.name.clone());
                }
                return self.resolve_subject(subject);
            }
            if let Some(previous) = previous_here {
                return speaker(previous.name.clone());
            }
            // "Hauwa Suleiman, a mother of four, said her children were home. ¶ "…," she
            // said".
            if let Some(name) = self.paragraph_protagonist(phrase.start) {
                return speaker(self.fullest(&name));
            }
            if let Some(subject) = self.reported_in_paragraph_before(start, before, said_before) {
                return self.resolve_subject(subject);
            }
            // "Gonzalez, a protege of Rafael Correa, said … "…". ¶ "…," she told": nobody named
            // since the last quote, whose speaker goes on.
            let person = self.last_person_before(before);
            let named_since = |said: &Said| person.as_ref().is_some_and(|p| p.0 > said.quote_start);
            if let Some(said) = said_before.filter(|said| !named_since(said)) {
                return speaker(said.speaker.name.clone());
            }
            if let Some((_, name)) = person {
                return speaker(self.fullest(&name));
            }
        }
        // "nationalist lawmakers, who called the measure "…"": whom the relative pronoun
        // stands for.
        if matches!(first, "who" | "which")
            && let Some(antecedent) = self.relative_antecedent(phrase.start)
        {
            return self.resolve(antecedent, before, said_before);
        }
        if phrase.len() == 1 && GROUP_PRONOUNS.contains(&first) {
            // "The Electoral Commission said in a statement …. "…," it said": the body that
            // spoke last in the paragraph, if it spoke after the previous quote's speaker.
            let body = self
                .last_subject_in_paragraph(phrase.start)
                .filter(|subject| !self.is_pronoun(subject) && !self.names_someone(subject));
            let earlier = |subject: &Phrase| self.token(subject.start).span.start;
            let newer = |subject: &Phrase| previous.is_none_or(|p| p.start < earlier(subject));
            if let Some(subject) = body.filter(newer) {
                return self.resolve_subject(subject);
            }
            // "The International Testing Agency welcomed the verdict. "…," it said": a body
            // that was the subject of any verb in the paragraph since the previous quote.
            let paragraph_start = self.paragraphs[self.paragraph(start) - 1];
            let since = previous.map_or(paragraph_start, |p| p.start.max(paragraph_start));
            let from = self.doc.tokens.partition_point(|t| t.span.start < since);
            if let Some(name) = self.last_body_between(from, phrase.start) {
                return speaker(name);
            }
            if let Some(previous) = previous {
                return speaker(previous.name.clone());
            }
        }
        let text = self.doc.text[start..end].to_string();
        let bare = strip_article(&text);
        if let Some(expansion) = self.expand_acronym(bare) {
            return speaker(expansion);
        }
        // "Mexico's National Migration Institute": the institution, not its owner.
        if let Some(name) = owned_name(bare) {
            return speaker(name.to_string());
        }
        // "a man who gave his name only as Jawad": the name given.
        let given = phrase.clone().find(|&i| {
            self.form(i) == "as"
                && i > phrase.start
                && matches!(self.form(i - 1), "name" | "only" | "identified")
                && i + 1 < phrase.end
                && is_capitalised(self.form(i + 1))
        });
        if let Some(as_word) = given {
            let last = (as_word + 1..phrase.end)
                .take_while(|&i| is_capitalised(self.form(i)) || self.is_glued_hyphen(i))
                .last()
                .unwrap_or(as_word + 1);
            let name =
                &self.doc.text[self.token(as_word + 1).span.start..self.token(last).span.end];
            return speaker(name.to_string());
        }
        // A person named in the phrase is the speaker ("foreign ministry spokesperson Lin
        // Jian"), unless the phrase is about something of theirs ("the office of Prime Minister
        // Benjamin Netanyahu"); failing the recognizer, the first name after a title ("Justice
        // Amina Siddiqui of the Islamabad High Court"). Nobody named in a relative clause
        // ("a sand miner who like many Indonesians uses") nor one that only modifies the head
        // noun ("the Paris St Germain defender").
        let clause = phrase
            .clone()
            .find(|&i| RELATIVE_PRONOUNS.contains(&self.form(i)));
        let head_end = clause.map_or(end, |i| self.token(i).span.start);
        let modifier = |at: usize, name: &str| {
            let after = self
                .doc
                .tokens
                .partition_point(|t| t.span.end <= at + name.len());
            after < phrase.end
                && self.token(phrase.end - 1).span.start >= at + name.len()
                && starts_lowercase(self.form(phrase.end - 1))
                && self.token(phrase.end - 1).upos == "NOUN"
                && (after..phrase.end).all(|i| self.token(i).upos != "ADP")
        };
        let inside = |(at, name): &&(usize, String)| {
            *at >= start && at + name.len() <= head_end && !modifier(*at, name)
        };
        let person =
            (self.people.iter().rev().find(inside)).or_else(|| self.titled.iter().find(inside));
        if let Some((at, name)) = person {
            if self.belongs_to_name(start, *at) {
                return speaker(bare.to_string());
            }
            let bounds = (phrase.start, phrase.end);
            return speaker(self.fullest(&self.name_run_from(*at, name, bounds)));
        }
        // An institution's name is whole: "Pharmacists and Dentists Union" is no person's.
        let institution = bare.split_whitespace().last().is_some_and(is_institution)
            && bare
                .split_whitespace()
                .all(|w| is_capitalised(w) || matches!(w, "and" | "of" | "for" | ","));
        if institution {
            return speaker(bare.to_string());
        }
        if let Some(name) = self.trailing_name(phrase.clone()) {
            // "a spokesman for the ECOWAS Commission" is not the commission.
            if self.belongs_to_name(start, end - name.len()) {
                return speaker(bare.to_string());
            }
            return speaker(self.fullest(&name));
        }
        let definite = text.len() != bare.len() && first.eq_ignore_ascii_case("the");
        let head = bare.split_whitespace().last().unwrap_or_default();
        let head_is_noun = starts_lowercase(head);
        // "the U.N. refugee agency" names its body, as "the agency" does not.
        let named_body = is_institution(head)
            && bare
                .split_whitespace()
                .any(|w| w.starts_with(char::is_uppercase));
        let role_noun =
            definite && bare.split_whitespace().count() <= 4 && head_is_noun && !named_body;
        // "The 27-year-old called the ruling "absurd"": the last person named.
        let age = bare.starts_with(|c: char| c.is_ascii_digit()) && bare.ends_with("-year-old");
        if definite && age {
            // The paragraph's named speaker first: "Abdul Wali, a fruit trader, said …. "…,"
            // the 45-year-old said".
            if let Some(subject) = self
                .last_speaker_in_paragraph(phrase.start)
                .filter(|subject| self.is_named(subject))
            {
                return self.resolve_subject(subject);
            }
            if let Some((_, name)) = self.last_person_before(start) {
                return speaker(self.fullest(&name));
            }
        }
        if role_noun && let Some(name) = self.antecedent(bare, start.min(before), previous) {
            return speaker(name);
        }
        // "A member of an observation mission said …. "…," the observer said": a role noun
        // with no antecedent in its words refers to the paragraph's last speaker.
        if role_noun
            && !is_institution(head)
            && let Some(subject) = self.last_speaker_in_paragraph(phrase.start)
        {
            return self.resolve_subject(subject);
        }
        // "Hakimi said he was fit to play "some part". ¶ "…," the Paris St Germain defender
        // said": else the previous quote's speaker, named in this paragraph or the one before.
        let recent = |p: &&Speaker| self.paragraph(start) <= self.paragraph(p.start) + 1;
        if role_noun
            && !is_institution(head)
            && let Some(previous) = previous.filter(recent)
            && self
                .people
                .iter()
                .any(|(_, name)| previous.name.ends_with(name.as_str()))
        {
            return speaker(previous.name.clone());
        }
        // "Election watchdog Kontra Daya said …. "…," the group said": a generic noun for a
        // body refers to the last organisation that was a subject.
        if role_noun
            && GENERIC_BODIES.contains(&head)
            && let Some(name) = self.last_body_before(phrase.start)
        {
            return speaker(name);
        }
        let glued_hyphens = phrase.clone().filter(|&i| self.is_glued_hyphen(i)).count();
        let all_names = phrase
            .clone()
            .all(|i| self.token(i).upos == "PROPN" || self.is_glued_hyphen(i));
        if all_names && phrase.len() - glued_hyphens <= 2 {
            return speaker(self.fullest(bare));
        }
        speaker(bare.to_string())
    }

    /// The speaker of a quote with no attribution of its own that follows reported speech in
    /// its paragraph: "A delegate … said developing nations would judge the deal. "…"". A
    /// quote that opens its paragraph may follow it in the paragraph before, or a lead-in
    /// ending with a colon: "The minister made an appeal to the session: ¶ "…"".
    fn reported_before(&self, quote: &Quote) -> Option<Speaker> {
        let opening = self
            .doc
            .tokens
            .partition_point(|t| t.span.end <= quote.start);
        if let Some(subject) = self.last_speaker_in_paragraph(opening) {
            return Some(self.resolve_subject(subject));
        }
        let mark = opening.checked_sub(1)?;
        let paragraph_start = self.paragraphs[self.paragraph(quote.start) - 1];
        let last_before = mark.checked_sub(1)?;
        if self.token(mark).span.start != paragraph_start || self.quoted[last_before] {
            return None;
        }
        if self.form(last_before) == ":" {
            let sentence = self.sentence_of(last_before)?;
            let root = sentence.clone().find(|&i| self.token(i).head.is_none())?;
            let subject = self.subject_before(self.clause_start(sentence.start, root), root);
            return (!subject.is_empty()).then(|| self.resolve_subject(subject));
        }
        // "He said his brothers had left. ¶ "…"": the pronoun as of its own sentence.
        let subject = self.last_subject_in_paragraph(last_before)?;
        (self.is_pronoun(&subject) || self.is_person(&subject))
            .then(|| self.resolve_subject(subject))
    }

    /// The speaker an earlier sentence's subject names, resolved as of that sentence.
    fn resolve_subject(&self, subject: Phrase) -> Speaker {
        let earlier = self.token(subject.start).span.start;
        self.resolve(subject, earlier, None)
    }

    /// Whether a phrase is a pronoun ("he", "it").
    fn is_pronoun(&self, phrase: &Phrase) -> bool {
        self.token(phrase.start).upos == "PRON"
    }

    /// Whether a phrase names a person in any of the ways a subject can: by the recognizer,
    /// after a title, as a run of proper nouns or as one proper noun alone.
    fn is_named(&self, phrase: &Phrase) -> bool {
        self.names_someone(phrase)
            || self.is_bare_name(phrase)
            || self.is_single_name(phrase, phrase.start)
    }

    /// Whether a described phrase is an institution ("the health ministry", "its statement")
    /// rather than a person: it has no lowercase common noun, or its first one says so.
    fn is_institution_noun(&self, phrase: Phrase) -> bool {
        phrase
            .clone()
            .find(|&i| self.token(i).upos == "NOUN" && starts_lowercase(self.form(i)))
            .is_none_or(|i| is_institution(self.form(i)))
    }

    /// The name in apposition to a phrase that names nobody: "His lawyer, Aissatou Ba, said"
    /// -> "Aissatou Ba".
    fn apposition(&self, phrase: Phrase) -> Option<Phrase> {
        // "Vanuatu's climate minister, Ralph Regenvanu, told": a description, even one naming
        // someone else, gives way to the name beside it.
        let ends_in_name = self.token(phrase.end - 1).upos == "PROPN";
        let named = (self.names_someone(&phrase) && ends_in_name) || self.is_bare_name(&phrase);
        if named || self.form(phrase.end - 1) == "statement" {
            return None;
        }
        let comma = phrase.end;
        if comma + 1 >= self.doc.tokens.len() || self.form(comma) != "," {
            return None;
        }
        let appositive = self.forward_phrase(comma + 1, self.doc.tokens.len());
        // "said its president, Rajeev Malhotra." ends the sentence there.
        let closed = appositive.end < self.doc.tokens.len()
            && (matches!(self.form(appositive.end), "," | ".") || self.is_speech(appositive.end));
        let a_name = self.names_someone(&appositive) || self.is_bare_name(&appositive);
        (!appositive.is_empty() && closed && a_name).then_some(appositive)
    }

    /// Whether the name starting at byte `name_at` is the complement of a common noun in the
    /// phrase from `start`: "the office of ... Netanyahu", "the lawyer for ... Sarr".
    fn belongs_to_name(&self, start: usize, name_at: usize) -> bool {
        let first = self.doc.tokens.partition_point(|t| t.span.start < start);
        let name = self.doc.tokens.partition_point(|t| t.span.start < name_at);
        self.noun_complement_within(first, name)
    }

    /// The token range of the sentence holding token `index`.
    fn sentence_of(&self, index: usize) -> Option<Phrase> {
        self.doc
            .sentences
            .iter()
            .find(|s| s.tokens.contains(&index))
            .map(|s| s.tokens.clone())
    }
}
