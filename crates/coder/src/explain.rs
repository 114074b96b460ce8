//! Why the coder did or did not produce each event: the parse, the names it found, and a note
//! for every pattern tried and every event kept or rejected. This is how users debug the
//! knowledge base (`dyad explain`).

use std::fmt;

use dyad_resolve::Referent;

use crate::event::Event;
use crate::parsed::Parsed;

/// Notes on the coder's decisions, kept only when an explanation was asked for, so that
/// coding without one formats nothing.
#[derive(Debug, Default)]
pub struct Notes {
    lines: Option<Vec<String>>,
}

impl Notes {
    /// Notes that keep nothing (plain coding).
    pub fn off() -> Notes {
        Notes { lines: None }
    }

    /// Notes that keep every line.
    pub fn on() -> Notes {
        Notes {
            lines: Some(Vec::new()),
        }
    }

    /// Adds the line `make` formats, if notes are kept.
    pub fn add(&mut self, make: impl FnOnce() -> String) {
        if let Some(lines) = &mut self.lines {
            lines.push(make());
        }
    }

    /// Takes the lines kept so far.
    pub fn take(&mut self) -> Vec<String> {
        self.lines.as_mut().map(std::mem::take).unwrap_or_default()
    }
}

/// One sentence explained.
#[derive(Debug, Clone)]
pub struct SentenceExplanation {
    /// Index of the sentence in the document.
    pub index: usize,
    /// The sentence's text.
    pub text: String,
    /// One line per word: index, form, lemma, part of speech, head and relation.
    pub words: Vec<String>,
    /// One line per knowledge-base name found, with what it can refer to.
    pub mentions: Vec<String>,
    /// The coder's decisions, in the order it made them.
    pub notes: Vec<String>,
    /// The events the sentence gave.
    pub events: Vec<Event>,
}

impl SentenceExplanation {
    /// The parse and mentions of `parsed`, with `notes` and `events`.
    pub(crate) fn new(
        index: usize,
        text: &str,
        parsed: &Parsed,
        notes: Vec<String>,
        events: Vec<Event>,
    ) -> SentenceExplanation {
        let words = (0..parsed.len())
            .map(|w| {
                let head = parsed.heads[w].map_or("root".to_string(), |h| (h + 1).to_string());
                format!(
                    "{:>3} {:<16} {:<14} {:<6} {:>4} {}",
                    w + 1,
                    parsed.form(w),
                    parsed.lemma(w),
                    parsed.upos(w),
                    head,
                    parsed.full_relation(w)
                )
            })
            .collect();
        let mentions = parsed
            .mentions
            .iter()
            .map(|m| {
                let words: Vec<&str> = (m.start..m.end).map(|w| parsed.form(w)).collect();
                let referents: Vec<String> = m.referents.iter().map(describe).collect();
                format!(
                    "words {}-{} \"{}\": {}",
                    m.start + 1,
                    m.end,
                    words.join(" "),
                    referents.join(", ")
                )
            })
            .collect();
        SentenceExplanation {
            index,
            text: text.to_string(),
            words,
            mentions,
            notes,
            events,
        }
    }
}

fn describe(referent: &Referent) -> String {
    match referent {
        Referent::Country { code, how } => format!("country {code} ({how:?})"),
        Referent::Person(id) => format!("person {id}"),
        Referent::Organisation(id) => format!("organisation {id}"),
        Referent::Agent(sector) => format!("agent noun, sector {sector}"),
        Referent::Place { country } => format!("place in {country}"),
    }
}

impl fmt::Display for SentenceExplanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "sentence {}: {}", self.index, self.text)?;
        writeln!(
            f,
            "  parse (word, form, lemma, part of speech, head, relation):"
        )?;
        for line in &self.words {
            writeln!(f, "    {line}")?;
        }
        writeln!(f, "  names found in the knowledge base:")?;
        if self.mentions.is_empty() {
            writeln!(f, "    none")?;
        }
        for line in &self.mentions {
            writeln!(f, "    {line}")?;
        }
        writeln!(f, "  decisions:")?;
        if self.notes.is_empty() {
            writeln!(f, "    no word of the sentence has a pattern")?;
        }
        for line in &self.notes {
            writeln!(f, "    {line}")?;
        }
        writeln!(f, "  events:")?;
        if self.events.is_empty() {
            writeln!(f, "    none")?;
        }
        for event in &self.events {
            let actors = |list: &[crate::actors::Actor]| {
                let named: Vec<String> = list
                    .iter()
                    .map(|a| format!("{}={}", a.text, a.code))
                    .collect();
                format!("[{}]", named.join(", "))
            };
            writeln!(
                f,
                "    {} {} {} -> {} \"{}\" {} date {} pattern {}",
                event.cameo,
                event.plover.kind,
                actors(&event.source),
                actors(&event.target),
                event.action.text,
                event.modality,
                event.date.as_ref().map_or("none", |d| d.value.as_str()),
                event.pattern
            )?;
        }
        Ok(())
    }
}
