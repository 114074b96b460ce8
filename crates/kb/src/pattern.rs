//! Verb and noun patterns (`patterns/*.toml`): which words, in which syntactic frame, code as
//! which CAMEO event.

use std::path::Path;

use serde::Deserialize;

use crate::error::{KbError, check_entries, read_toml};

/// One pattern: a predicate (a verb, an event noun, or a verb with its event noun as object)
/// and where its target sits.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pattern {
    /// Unique id ("04-meet-with").
    pub id: String,
    /// Lemma of the predicate verb, if any.
    pub verb: Option<String>,
    /// Lemma of the event noun: the verb's object, or the trigger itself without a verb.
    pub noun: Option<String>,
    /// Phrasal particle of the verb ("up" in "step up").
    pub particle: Option<String>,
    /// Where the target is: "obj", "iobj", or the preposition of an oblique or modifier.
    #[serde(default)]
    pub target: Vec<String>,
    /// Where the source is: "subject" (the default), "poss" or "none".
    #[serde(default = "subject")]
    pub source: String,
    /// The CAMEO code the pattern gives.
    pub cameo: String,
    /// An invented sentence the pattern fits.
    pub example: String,
}

fn subject() -> String {
    "subject".to_string()
}

impl Pattern {
    /// How specific the pattern is: more constraints win over fewer for the same word.
    pub fn specificity(&self) -> usize {
        usize::from(self.verb.is_some())
            + usize::from(self.noun.is_some())
            + usize::from(self.particle.as_deref().is_some_and(|p| !p.is_empty()))
            + usize::from(self.target.iter().any(|t| t != "obj" && t != "iobj"))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternFile {
    #[serde(default)]
    pattern: Vec<Pattern>,
}

/// Reads and checks one patterns file.
pub(crate) fn read_file(path: &Path) -> Result<Vec<Pattern>, KbError> {
    let file: PatternFile = read_toml(path)?;
    check_entries(path, &file.pattern, |p| &p.id, check)?;
    Ok(file.pattern)
}

fn check(pattern: &Pattern) -> Result<(), String> {
    let word = |w: &Option<String>| w.as_deref().is_some_and(|w| !w.trim().is_empty());
    if !word(&pattern.verb) && !word(&pattern.noun) {
        return Err("a pattern needs a verb or a noun".to_string());
    }
    if !["subject", "poss", "none"].contains(&pattern.source.as_str()) {
        return Err(format!(
            "source {:?} is not subject, poss or none",
            pattern.source
        ));
    }
    let lowercase = |w: &str| !w.is_empty() && w.to_lowercase() == w;
    if !pattern.target.iter().all(|t| lowercase(t)) {
        return Err("targets are lowercase slots or prepositions".to_string());
    }
    Ok(())
}
