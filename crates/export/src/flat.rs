//! Flat rows: one event per row, every column a plain value, for spreadsheets, CSV and
//! columnar files.

use std::io::Write;

use dyad_coder::Event;
use dyad_coder::actors::Actor;

use crate::Context;

/// The columns of a flat row, in order.
pub const FLAT_COLUMNS: [&str; 30] = [
    "event_id",
    "article_id",
    "sentence_index",
    "date",
    "date_precision",
    "cameo",
    "cameo_root",
    "plover_type",
    "plover_mode",
    "quad_class",
    "goldstein",
    "source_codes",
    "source_countries",
    "source_text",
    "target_codes",
    "target_countries",
    "target_text",
    "action",
    "modality",
    "place",
    "place_country",
    "place_latitude",
    "place_longitude",
    "pattern",
    "confidence",
    "num_mentions",
    "num_sources",
    "num_articles",
    "url",
    "sentence",
];

/// One event as a flat row. Actor lists are joined with `;` in their order.
#[derive(Debug, Clone, PartialEq)]
pub struct FlatEvent {
    /// Event id.
    pub event_id: String,
    /// Article id.
    pub article_id: String,
    /// 0-based sentence index.
    pub sentence_index: i64,
    /// Event date, when the text gives one.
    pub date: Option<String>,
    /// day, month or year.
    pub date_precision: Option<String>,
    /// CAMEO code.
    pub cameo: String,
    /// CAMEO root.
    pub cameo_root: String,
    /// PLOVER type.
    pub plover_type: String,
    /// PLOVER mode.
    pub plover_mode: String,
    /// QuadClass.
    pub quad_class: i64,
    /// Goldstein score.
    pub goldstein: f64,
    /// Source actor codes.
    pub source_codes: String,
    /// Source countries.
    pub source_countries: String,
    /// Source words.
    pub source_text: String,
    /// Target actor codes.
    pub target_codes: String,
    /// Target countries.
    pub target_countries: String,
    /// Target words.
    pub target_text: String,
    /// The action's words.
    pub action: String,
    /// Modality.
    pub modality: String,
    /// The place's name ("Kherson Oblast").
    pub place: Option<String>,
    /// The place's country.
    pub place_country: Option<String>,
    /// The place's latitude.
    pub place_latitude: Option<f64>,
    /// The place's longitude.
    pub place_longitude: Option<f64>,
    /// Pattern that fired.
    pub pattern: String,
    /// Coder confidence.
    pub confidence: f64,
    /// Reports of the event across articles.
    pub num_mentions: i64,
    /// Distinct outlets that reported it.
    pub num_sources: i64,
    /// Distinct articles that reported it.
    pub num_articles: i64,
    /// The article's URL.
    pub url: Option<String>,
    /// The sentence.
    pub sentence: String,
}

impl FlatEvent {
    /// The row of `event`.
    pub fn new(event: &Event, context: &Context) -> FlatEvent {
        let join = |actors: &[Actor], field: fn(&Actor) -> String| {
            actors.iter().map(field).collect::<Vec<_>>().join(";")
        };
        let place = event.location.as_ref();
        let coverage = context.coverage(event);
        let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        FlatEvent {
            event_id: event.event_id.clone(),
            article_id: event.article_id.clone(),
            sentence_index: i64::try_from(event.sentence_index).unwrap_or(i64::MAX),
            date: event.date.as_ref().map(|d| d.value.clone()),
            date_precision: event.date.as_ref().map(|d| d.precision.clone()),
            cameo: event.cameo.clone(),
            cameo_root: event.cameo_root.clone(),
            plover_type: event.plover.kind.clone(),
            plover_mode: event.plover.mode.clone(),
            quad_class: i64::from(event.quad_class),
            goldstein: f64::from(event.goldstein),
            source_codes: join(&event.source, |a| a.code.clone()),
            source_countries: join(&event.source, |a| a.country.clone().unwrap_or_default()),
            source_text: join(&event.source, |a| a.text.clone()),
            target_codes: join(&event.target, |a| a.code.clone()),
            target_countries: join(&event.target, |a| a.country.clone().unwrap_or_default()),
            target_text: join(&event.target, |a| a.text.clone()),
            action: event.action.text.clone(),
            modality: event.modality.clone(),
            place: place.map(|p| p.name.clone()),
            place_country: place.map(|p| p.country.clone()).filter(|c| !c.is_empty()),
            place_latitude: place.map(|p| p.latitude),
            place_longitude: place.map(|p| p.longitude),
            pattern: event.pattern.clone(),
            confidence: f64::from(event.confidence),
            num_mentions: count(coverage.mentions),
            num_sources: count(coverage.sources),
            num_articles: count(coverage.articles),
            url: context.article(event).url,
            sentence: event.sentence.clone(),
        }
    }

    /// The row's values as text, in the order of [`FLAT_COLUMNS`] (absent values empty).
    pub fn fields(&self) -> [String; FLAT_COLUMNS.len()] {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        let degrees = |value: Option<f64>| value.map(|v| format!("{v:.4}")).unwrap_or_default();
        [
            self.event_id.clone(),
            self.article_id.clone(),
            self.sentence_index.to_string(),
            text(&self.date),
            text(&self.date_precision),
            self.cameo.clone(),
            self.cameo_root.clone(),
            self.plover_type.clone(),
            self.plover_mode.clone(),
            self.quad_class.to_string(),
            format!("{:.1}", self.goldstein),
            self.source_codes.clone(),
            self.source_countries.clone(),
            self.source_text.clone(),
            self.target_codes.clone(),
            self.target_countries.clone(),
            self.target_text.clone(),
            self.action.clone(),
            self.modality.clone(),
            text(&self.place),
            text(&self.place_country),
            degrees(self.place_latitude),
            degrees(self.place_longitude),
            self.pattern.clone(),
            format!("{:.2}", self.confidence),
            self.num_mentions.to_string(),
            self.num_sources.to_string(),
            self.num_articles.to_string(),
            text(&self.url),
            self.sentence.clone(),
        ]
    }
}

/// Writes a header and one row per event, quoted as RFC 4180 says.
pub fn write_csv(events: &[Event], context: &Context, out: &mut impl Write) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(FLAT_COLUMNS)?;
    for event in events {
        writer.write_record(FlatEvent::new(event, context).fields())?;
    }
    writer.flush()
}
