//! The event record of the contract in DESIGN.md: one JSON line per event.

use serde::{Deserialize, Serialize};

use crate::actors::Actor;
use crate::dates::EventDate;

/// One coded event, with the words behind every field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id: a hash of the article, sentence, predicate and code.
    pub event_id: String,
    /// The article's id.
    pub article_id: String,
    /// 0-based sentence index in the article.
    pub sentence_index: usize,
    /// The sentence's text.
    pub sentence: String,
    /// CAMEO event code.
    pub cameo: String,
    /// Its two-digit root.
    pub cameo_root: String,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// Goldstein weight of the code.
    pub goldstein: f32,
    /// The PLOVER reading.
    pub plover: Plover,
    /// Who acted.
    pub source: Vec<Actor>,
    /// Who was acted upon.
    pub target: Vec<Actor>,
    /// The words of the action.
    pub action: Action,
    /// When, if the text says.
    pub date: Option<EventDate>,
    /// Where, from a place phrase tied to the predicate or the article's dateline.
    pub location: Option<Location>,
    /// asserted, negated, future, hypothetical, conditional, reported or historical.
    pub modality: String,
    /// Who claims the event, when reported by someone else.
    pub attribution: Option<Actor>,
    /// The knowledge-base pattern that fired.
    pub pattern: String,
    /// How sure the coder is, 0 to 1.
    pub confidence: f32,
    /// The coder and knowledge-base version.
    pub coder_version: String,
}

/// A resolved place: the words it came from and the gazetteer entry they name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The words as written ("Busan", "KYIV").
    pub text: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The place's usual English name ("Kherson Oblast").
    pub name: String,
    /// ISO alpha-3 code of the country it lies in; empty for a sea or disputed area.
    pub country: String,
    /// The first-level division it lies in, when known and when it is not one itself.
    pub admin1: Option<String>,
    /// country, capital, city, town, admin1, region, camp, crossing, island, sea, disputed or
    /// border.
    pub kind: String,
    /// Decimal degrees north.
    pub latitude: f64,
    /// Decimal degrees east.
    pub longitude: f64,
}

/// PLOVER type, mode and context.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plover {
    /// Event type ("CONSULT"), empty where PLOVER does not code the act.
    #[serde(rename = "type")]
    pub kind: String,
    /// Mode ("visit"), empty when none.
    pub mode: String,
    /// Contexts.
    pub context: Vec<String>,
}

impl Plover {
    /// The PLOVER reading the knowledge base gives a CAMEO code.
    pub fn of(code: &dyad_kb::CameoCode) -> Plover {
        Plover {
            kind: code.plover_type.clone(),
            mode: code.plover_mode.clone(),
            context: code.plover_context.clone(),
        }
    }
}

/// The predicate's words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    /// The words as written.
    pub text: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The lemma of the predicate.
    pub lemma: String,
}

/// The events as CAMEO dyads, for GDELT-style output: one event per source and target actor
/// ("Cambodia and Thailand" against one target gives two events), a joint act of several
/// actors ("A and B signed") one per ordered pair of them. An expanded event's id is its
/// event's id with the pair's positions ("…-0-1"); an event that is already one dyad is kept
/// as it is.
pub fn cameo_dyads(events: &[Event]) -> Vec<Event> {
    let mut dyads = Vec::new();
    for event in events {
        let pairs: Vec<(Option<usize>, Option<usize>)> =
            match (event.source.len(), event.target.len()) {
                (0 | 1, 0 | 1) => {
                    dyads.push(event.clone());
                    continue;
                }
                (sources, 0) => (0..sources)
                    .flat_map(|s| {
                        (0..sources)
                            .filter(move |&t| t != s)
                            .map(move |t| (Some(s), Some(t)))
                    })
                    .collect(),
                (0, targets) => (0..targets).map(|t| (None, Some(t))).collect(),
                (sources, targets) => (0..sources)
                    .flat_map(|s| (0..targets).map(move |t| (Some(s), Some(t))))
                    .collect(),
            };
        // A joint act's other side is another of its own actors.
        let others = if event.target.is_empty() {
            &event.source
        } else {
            &event.target
        };
        let position = |i: Option<usize>| i.map_or("x".to_string(), |i| i.to_string());
        for (s, t) in pairs {
            dyads.push(Event {
                event_id: format!("{}-{}-{}", event.event_id, position(s), position(t)),
                source: s.map(|s| event.source[s].clone()).into_iter().collect(),
                target: t.map(|t| others[t].clone()).into_iter().collect(),
                ..event.clone()
            });
        }
    }
    dyads
}
