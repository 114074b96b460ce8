//! The place of each event: the place phrase its predicate governs ("met in Busan", "struck
//! facilities in the Sumy region"), else the article's dateline.

use dyad_coder::{Event, Location};
use dyad_core::{Doc, Span};

use crate::PlaceMention;

/// Relations that end a walk up the tree: a place inside another clause is that clause's
/// ("said on Monday that troops had entered Kursk" places the entering, not the saying).
const CLAUSE_RELATIONS: [&str; 5] = ["ccomp", "advcl", "parataxis", "csubj", "acl:relcl"];

/// The most steps from a place name up to its predicate.
const MOST_STEPS: usize = 6;

/// Sets the `location` of each event of `doc` from the `places` found in it.
pub fn locate(events: &mut [Event], doc: &Doc, places: &[PlaceMention]) {
    let dateline = places.iter().find(|p| p.in_dateline);
    for event in events {
        let governed = places
            .iter()
            .filter(|p| p.sentence == event.sentence_index && !is_actor(event, p.span))
            .filter_map(|p| steps_to_action(doc, p, event).map(|steps| (steps, p)))
            .min_by_key(|(steps, p)| (*steps, p.span.start))
            .map(|(_, p)| p);
        event.location = governed.or(dateline).map(|p| location(doc, p));
    }
}

/// Whether the span is one of the event's actors ("Moscow said" names an actor, not a place).
fn is_actor(event: &Event, span: Span) -> bool {
    let overlaps = |start: usize, end: usize| start < span.end && span.start < end;
    event
        .source
        .iter()
        .chain(&event.target)
        .chain(&event.attribution)
        .any(|actor| overlaps(actor.start, actor.end))
}

/// How many steps up the parse lead from the place name to the event's predicate, within
/// one clause; `None` when they do not meet.
fn steps_to_action(doc: &Doc, place: &PlaceMention, event: &Event) -> Option<usize> {
    let action = token_at(doc, event.sentence_index, event.action.start)?;
    // The name's head word: the token whose head lies outside the name.
    let mut at = place.tokens.clone().find(|&t| {
        doc.tokens[t]
            .head
            .is_none_or(|h| !place.tokens.contains(&h))
    })?;
    for steps in 0..=MOST_STEPS {
        if at == action {
            return Some(steps);
        }
        let token = &doc.tokens[at];
        let clause = CLAUSE_RELATIONS
            .iter()
            .any(|r| token.deprel == *r || dyad_core::universal_relation(&token.deprel) == *r);
        if clause && steps > 0 {
            return None;
        }
        at = token.head?;
    }
    None
}

/// The token of sentence `sentence` that covers byte `start`.
fn token_at(doc: &Doc, sentence: usize, start: usize) -> Option<usize> {
    let tokens = doc.sentences.get(sentence)?.tokens.clone();
    tokens.into_iter().find(|&t| {
        let span = doc.tokens[t].span;
        span.start <= start && start < span.end
    })
}

fn location(doc: &Doc, mention: &PlaceMention) -> Location {
    let place = &mention.place;
    Location {
        text: mention.span.of(&doc.text).to_string(),
        start: mention.span.start,
        end: mention.span.end,
        name: place.name.clone(),
        country: place.country.clone(),
        admin1: (!place.admin1.is_empty()).then(|| place.admin1.clone()),
        kind: place.kind.clone(),
        latitude: place.latitude,
        longitude: place.longitude,
    }
}
