//! Who an actor phrase names: a person by the role they hold on the article's date, an
//! organisation, a government by its capital or seat, or a country with the sector an agent
//! noun gives ("Japanese premier" -> JPNGOV). A phrase that names no known entity and no
//! country gives no actor: dyad never guesses a country.

use dyad_kb::{Day, Kb};
use dyad_resolve::{CountryName, Mention, Referent};
use serde::Serialize;

use crate::parsed::Parsed;

/// One actor of an event, with the words it was read from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    /// The words naming the actor.
    pub text: String,
    /// First byte of `text` in the article.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Knowledge-base id of a person or organisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// Its knowledge-base name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// CAMEO actor code ("USAGOV", "JPN", "IGOUNO").
    pub code: String,
    /// ISO alpha-3 country, when the actor has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// CAMEO sector ("GOV"), when the code has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
}

/// The actors named by `word` and its conjuncts ("Cambodia and Thailand" -> two).
pub fn actors_of(parsed: &Parsed, kb: &Kb, word: usize, day: Day) -> Vec<Actor> {
    parsed
        .with_conjuncts(word)
        .into_iter()
        .filter_map(|w| actor_of(parsed, kb, w, day))
        .collect()
}

/// The actor named by the noun phrase headed by `word` (with its apposition), if any.
pub fn actor_of(parsed: &Parsed, kb: &Kb, word: usize, day: Day) -> Option<Actor> {
    let mut words = parsed.phrase(word);
    for appos in parsed.children_with(word, "appos") {
        words.extend(parsed.phrase(appos));
    }
    let found: Vec<&Mention> = parsed
        .mentions
        .iter()
        .filter(|m| (m.start..m.end).any(|w| words.contains(&w)))
        .collect();
    person(parsed, kb, &found, day)
        .or_else(|| organisation(parsed, kb, &found))
        .or_else(|| country(parsed, &found))
}

fn evidence(parsed: &Parsed, mentions: &[&Mention]) -> (String, usize, usize) {
    let first = mentions.iter().map(|m| m.start).min().unwrap_or(0);
    let last = mentions.iter().map(|m| m.end).max().unwrap_or(1) - 1;
    let (start, end) = parsed.span(first, last);
    (parsed.text[start..end].to_string(), start, end)
}

fn split_code(code: &str) -> (Option<String>, Option<String>) {
    if code.starts_with("IGO") || code.starts_with("NGO") || code.len() < 3 {
        return (None, None);
    }
    let country = Some(code[..3].to_string());
    let sector = (code.len() > 3).then(|| code[3..].to_string());
    (country, sector)
}

fn person(parsed: &Parsed, kb: &Kb, found: &[&Mention], day: Day) -> Option<Actor> {
    for mention in found {
        // A name shared by several people (a surname) is used only when one of them holds a
        // role on the day.
        let holders: Vec<_> = mention
            .referents
            .iter()
            .filter_map(|r| match r {
                Referent::Person(id) => kb.person(id),
                _ => None,
            })
            .filter_map(|p| p.role_on(day).map(|role| (p, role)))
            .collect();
        if let [(person, role)] = holders[..] {
            let (text, start, end) = evidence(parsed, &[mention]);
            let (country, sector) = split_code(&role.code);
            return Some(Actor {
                text,
                start,
                end,
                entity: Some(person.id.clone()),
                name: Some(person.name.clone()),
                code: role.code.clone(),
                country,
                sector,
            });
        }
    }
    None
}

fn organisation(parsed: &Parsed, kb: &Kb, found: &[&Mention]) -> Option<Actor> {
    for mention in found {
        for referent in &mention.referents {
            if let Referent::Organisation(id) = referent
                && let Some(org) = kb.organisation(id)
            {
                let (text, start, end) = evidence(parsed, &[mention]);
                let (country, sector) = split_code(&org.code);
                return Some(Actor {
                    text,
                    start,
                    end,
                    entity: Some(org.id.clone()),
                    name: Some(org.name.clone()),
                    code: org.code.clone(),
                    country: org.country.clone().or(country),
                    sector,
                });
            }
        }
    }
    None
}

fn country(parsed: &Parsed, found: &[&Mention]) -> Option<Actor> {
    let mut place: Option<(&Mention, &str, CountryName)> = None;
    let mut agent: Option<(&Mention, &str)> = None;
    for mention in found {
        for referent in &mention.referents {
            match referent {
                Referent::Country { code, how } if place.is_none() => {
                    place = Some((mention, code, *how));
                }
                Referent::Agent(sector) if agent.is_none() => agent = Some((mention, sector)),
                _ => {}
            }
        }
    }
    let (place_mention, code, how) = place?;
    let sector = match how {
        CountryName::Capital | CountryName::GovernmentSeat => Some("GOV"),
        CountryName::MilitarySeat => Some("MIL"),
        CountryName::Name | CountryName::Demonym => agent.map(|(_, sector)| sector),
    };
    let mut used = vec![place_mention];
    if let (Some((agent_mention, _)), CountryName::Name | CountryName::Demonym) = (agent, how) {
        used.push(agent_mention);
    }
    let (text, start, end) = evidence(parsed, &used);
    Some(Actor {
        text,
        start,
        end,
        entity: None,
        name: None,
        code: format!("{code}{}", sector.unwrap_or("")),
        country: Some(code.to_string()),
        sector: sector.map(str::to_string),
    })
}
