//! The event record of the contract in DESIGN.md: one JSON line per event.

use serde::Serialize;

use crate::actors::Actor;
use crate::dates::EventDate;

/// One coded event, with the words behind every field.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    /// Where (not yet coded).
    pub location: Option<Actor>,
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

/// PLOVER type, mode and context.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plover {
    /// Event type ("CONSULT"), empty where PLOVER does not code the act.
    #[serde(rename = "type")]
    pub kind: String,
    /// Mode ("visit"), empty when none.
    pub mode: String,
    /// Contexts.
    pub context: Vec<String>,
}

/// The predicate's words.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
