//! PLOVER event records: one JSON object per line, with the PLOVER type, mode and context, the
//! actor and recipient lists (PLOVER keeps compound actors as lists), and the words behind them.

use std::io::Write;

use dyad_coder::actors::Actor;
use dyad_coder::{Event, Location};
use serde::Serialize;

use crate::Context;

/// One PLOVER record.
#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    date: Option<&'a str>,
    date_resolution: Option<&'a str>,
    event_type: &'a str,
    mode: &'a str,
    context: &'a [String],
    actor: Vec<Party<'a>>,
    recipient: Vec<Party<'a>>,
    location: Option<&'a Location>,
    modality: &'a str,
    event_text: &'a str,
    action_text: &'a str,
    cameo: &'a str,
    quad_class: u8,
    goldstein: f32,
    story_id: &'a str,
    source: Option<String>,
    url: Option<String>,
    published: Option<String>,
}

/// An actor or recipient as PLOVER names it.
#[derive(Serialize)]
struct Party<'a> {
    name: &'a str,
    code: &'a str,
    country: Option<&'a str>,
    sector: Option<&'a str>,
    text: &'a str,
    start: usize,
    end: usize,
}

impl<'a> Party<'a> {
    fn new(actor: &'a Actor) -> Party<'a> {
        Party {
            name: actor.name.as_deref().unwrap_or(&actor.text),
            code: &actor.code,
            country: actor.country.as_deref(),
            sector: actor.sector.as_deref(),
            text: &actor.text,
            start: actor.start,
            end: actor.end,
        }
    }
}

/// Writes one PLOVER record per event.
pub fn write(events: &[Event], context: &Context, out: &mut impl Write) -> std::io::Result<()> {
    for event in events {
        let article = context.article(event);
        let record = Record {
            id: &event.event_id,
            date: event.date.as_ref().map(|d| d.value.as_str()),
            date_resolution: event.date.as_ref().map(|d| d.precision.as_str()),
            event_type: &event.plover.kind,
            mode: &event.plover.mode,
            context: &event.plover.context,
            actor: event.source.iter().map(Party::new).collect(),
            recipient: event.target.iter().map(Party::new).collect(),
            location: event.location.as_ref(),
            modality: &event.modality,
            event_text: &event.sentence,
            action_text: &event.action.text,
            cameo: &event.cameo,
            quad_class: event.quad_class,
            goldstein: event.goldstein,
            story_id: &event.article_id,
            source: article.source,
            url: article.url,
            published: article.published,
        };
        serde_json::to_writer(&mut *out, &record)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
