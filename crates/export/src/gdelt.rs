//! The GDELT 2.0 event table: 61 tab-separated columns in the order of the GDELT 2.0 Event
//! Codebook, one CAMEO dyad per row, no header (GDELT's files have none).
//!
//! GDELT has no modality: every row it holds is read as something that happened. So only
//! events coded as asserted, reported or historical are written; negated, future,
//! hypothetical and conditional ones stay out (they are in the other formats).
//!
//! Where dyad knows less than GDELT's columns ask for, the column is empty (ethnic and religion
//! codes, second-level divisions) rather than guessed. NumMentions, NumSources and NumArticles
//! count the reports the database links to the event (see `Context::coverage`); AvgTone is
//! the article's.
//! DATEADDED is the article's publication time in UTC, not the time of the run, so that the
//! same database always exports the same bytes.

use std::io::Write;

use chrono::{Datelike, NaiveDate, Timelike};
use dyad_coder::Event;
use dyad_coder::actors::Actor;
use dyad_core::Published;

use crate::{Context, Coverage};

/// The 61 column names, in the codebook's order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The modalities of events that happened, the only ones GDELT's table can hold.
pub const FACTUAL_MODALITIES: [&str; 3] = ["asserted", "reported", "historical"];

/// Writes one row per CAMEO dyad of the factual `events`.
pub fn write(events: &[Event], context: &Context, out: &mut impl Write) -> std::io::Result<()> {
    let factual = events
        .iter()
        .filter(|event| FACTUAL_MODALITIES.contains(&event.modality.as_str()));
    for event in factual {
        let coverage = context.coverage(event);
        for dyad in dyad_coder::cameo_dyads(std::slice::from_ref(event)) {
            write_row(&row(&dyad, &coverage, context), out)?;
        }
    }
    Ok(())
}

/// Writes one tab-separated line.
fn write_row(row: &[String], out: &mut impl Write) -> std::io::Result<()> {
    debug_assert_eq!(row.len(), GDELT_COLUMNS.len());
    let cleaned: Vec<String> = row.iter().map(|field| clean(field)).collect();
    out.write_all(cleaned.join("\t").as_bytes())?;
    out.write_all(b"\n")
}

/// A field with the characters that would break a tab-separated line replaced by spaces.
fn clean(field: &str) -> String {
    field.replace(['\t', '\n', '\r'], " ")
}

/// The 61 fields of one dyad.
fn row(event: &Event, coverage: &Coverage, context: &Context) -> Vec<String> {
    let article = context.article(event);
    let published: Option<Published> = article.published.as_deref().and_then(|p| p.parse().ok());
    let date = event_day(event).or_else(|| published.as_ref().map(Published::date));
    let mut row = vec![global_event_id(&event.event_id).to_string()];
    match date {
        Some(day) => row.extend([
            day.format("%Y%m%d").to_string(),
            day.format("%Y%m").to_string(),
            day.year().to_string(),
            format!(
                "{:.4}",
                f64::from(day.year()) + f64::from(day.ordinal()) / 365.0
            ),
        ]),
        None => row.extend(std::iter::repeat_n(String::new(), 4)),
    }
    row.extend(actor_fields(event.source.first(), context));
    row.extend(actor_fields(event.target.first(), context));
    row.extend([
        if event.sentence_index == 0 { "1" } else { "0" }.to_string(),
        event.cameo.clone(),
        event.cameo.chars().take(3).collect(),
        event.cameo_root.clone(),
        event.quad_class.to_string(),
        format!("{:.1}", event.goldstein),
        coverage.mentions.to_string(),
        coverage.sources.to_string(),
        coverage.articles.to_string(),
        format!("{:.4}", article.tone.unwrap_or(0.0)),
    ]);
    // Actor geography is where each actor was when acting; dyad does not code it yet.
    row.extend(no_geo());
    row.extend(no_geo());
    row.extend(action_geo(event, context));
    row.push(published.as_ref().map(date_added).unwrap_or_default());
    row.push(
        article
            .url
            .clone()
            .or(article.source.clone())
            .unwrap_or_else(|| format!("dyad:article:{}", article.id)),
    );
    row
}

/// GDELT ids are positive integers: the low 63 bits of the FNV-1a hash of the dyad's id.
fn global_event_id(event_id: &str) -> u64 {
    dyad_core::fnv1a64(event_id.as_bytes()) & 0x7fff_ffff_ffff_ffff
}

/// The event's own date when the text gives a day.
fn event_day(event: &Event) -> Option<NaiveDate> {
    let date = event.date.as_ref().filter(|d| d.precision == "day")?;
    NaiveDate::parse_from_str(date.value.get(..10)?, "%Y-%m-%d").ok()
}

/// Code, name, country, known group, ethnic, two religions and three type codes.
fn actor_fields(actor: Option<&Actor>, context: &Context) -> [String; 10] {
    let Some(actor) = actor else {
        return Default::default();
    };
    let country = actor.country.clone().unwrap_or_default();
    // International and non-governmental organisations are GDELT's known groups: IGOUNO -> UNO.
    let known_group = ["IGO", "NGO", "MNC"]
        .iter()
        .find_map(|prefix| actor.code.strip_prefix(prefix))
        .map(str::to_string)
        .unwrap_or_default();
    let name = actor
        .name
        .clone()
        .or_else(|| {
            (actor.code == country)
                .then(|| context.kb.country(&country).map(|c| c.name.clone()))
                .flatten()
        })
        .unwrap_or_else(|| actor.text.clone());
    [
        actor.code.clone(),
        name.to_uppercase(),
        country,
        known_group,
        String::new(),
        String::new(),
        String::new(),
        actor.sector.clone().unwrap_or_default(),
        String::new(),
        String::new(),
    ]
}

/// Type 0 and empty fields: no geography.
fn no_geo() -> [String; 8] {
    let mut geo: [String; 8] = Default::default();
    geo[0] = "0".to_string();
    geo
}

/// The event's place: type 1 for a country, 2 and 3 for a U.S. state and city, 5 and 4
/// for a division and city elsewhere, with the full name ("Paris, Texas, United States"), the
/// country's FIPS code (also as ADM1 code, as GDELT does when the division is unknown), and
/// the coordinates. Seas and disputed areas have no country and no geography here.
fn action_geo(event: &Event, context: &Context) -> [String; 8] {
    let Some(place) = event.location.as_ref() else {
        return no_geo();
    };
    let Some(country) = context.kb.country(&place.country) else {
        return no_geo();
    };
    let fips = country.fips.clone().unwrap_or_default();
    let division = matches!(place.kind.as_str(), "admin1" | "region" | "disputed");
    let kind = match (place.kind.as_str(), country.code == "USA", division) {
        ("country", _, _) => "1",
        (_, true, true) => "2",
        (_, true, false) => "3",
        (_, false, true) => "5",
        (_, false, false) => "4",
    };
    let full_name = if place.kind == "country" {
        country.name.clone()
    } else {
        let parts = [
            Some(&place.name),
            place.admin1.as_ref(),
            Some(&country.name),
        ];
        parts
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    };
    let feature = if place.kind == "country" {
        fips.clone()
    } else {
        place.name.clone()
    };
    [
        kind.to_string(),
        full_name,
        fips.clone(),
        fips,
        String::new(),
        format!("{:.4}", place.latitude),
        format!("{:.4}", place.longitude),
        feature,
    ]
}

/// YYYYMMDDHHMMSS in UTC; a date without a time is taken at midnight.
fn date_added(published: &Published) -> String {
    let time = match published {
        Published::Date(day) => day.and_hms_opt(0, 0, 0).unwrap_or_default(),
        Published::Local(local) => *local,
        Published::Zoned(zoned) => zoned.naive_utc(),
    };
    format!(
        "{}{:02}{:02}{:02}",
        time.date().format("%Y%m%d"),
        time.hour(),
        time.minute(),
        time.second()
    )
}
