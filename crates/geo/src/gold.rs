//! The gold places of `tests/gold-places/` and how a resolved place is scored against them.

use std::path::Path;

use dyad_core::Span;
use serde::Deserialize;

use crate::{PlaceMention, fold};

/// One gold text.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldText {
    /// Item id ("pl-001").
    pub id: String,
    /// "tune" or "held-out".
    pub split: String,
    /// Publication date.
    pub date: String,
    /// The text.
    pub text: String,
    /// Every place mention, in order.
    pub places: Vec<GoldPlace>,
}

/// One gold place mention.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldPlace {
    /// The exact words of the text.
    pub mention: String,
    /// Which whole-word occurrence of `mention` is meant (1 = first).
    pub occurrence: usize,
    /// The place's usual English name.
    pub name: String,
    /// ISO alpha-3 code.
    pub country: String,
    /// First-level division, scored leniently (not at all here).
    pub admin1: Option<String>,
    /// Decimal degrees north.
    pub lat: f64,
    /// Decimal degrees east.
    pub lon: f64,
}

/// Reads a gold file (one text per line).
pub fn read(path: &Path) -> Result<Vec<GoldText>, String> {
    dyad_core::jsonl::read_records(path)
}

/// How far apart two points may be and still be one place, in kilometres: a city's centre
/// as two people write it differs by a few kilometres, a city and its division by more.
const SAME_PLACE_KM: f64 = 25.0;

/// What became of one gold mention.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Found and resolved to the gold place.
    Right,
    /// Found but resolved elsewhere: the name and country chosen.
    Wrong(String, String),
    /// Not found as a place name.
    Missed,
}

/// The outcome of each gold mention of `text`, given the places found in it.
pub fn score(text: &GoldText, found: &[PlaceMention]) -> Vec<Outcome> {
    text.places
        .iter()
        .map(|gold| {
            let Some(span) = whole_word_occurrence(&text.text, &gold.mention, gold.occurrence)
            else {
                return Outcome::Missed;
            };
            let Some(mention) = found.iter().find(|m| m.span == span) else {
                return Outcome::Missed;
            };
            if is_same_place(gold, mention) {
                Outcome::Right
            } else {
                Outcome::Wrong(mention.place.name.clone(), mention.place.country.clone())
            }
        })
        .collect()
}

/// The same place: the same country, and the same name or a point nearby. A division the
/// gold names without its suffix ("Rakhine" for "Rakhine State") is the same division.
fn is_same_place(gold: &GoldPlace, mention: &PlaceMention) -> bool {
    let place = &mention.place;
    let near = kilometres((gold.lat, gold.lon), (place.latitude, place.longitude)) <= SAME_PLACE_KM;
    let is_division = matches!(place.kind.as_str(), "admin1" | "region");
    let bare = place
        .name
        .rsplit_once(' ')
        .map_or(place.name.as_str(), |(bare, _)| bare);
    let same_division = is_division && gold.admin1.is_none() && fold(bare) == fold(&gold.name);
    place.country == gold.country
        && (fold(&place.name) == fold(&gold.name) || near || same_division)
}

/// Great-circle distance.
fn kilometres((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let d_phi = (lat2 - lat1).to_radians();
    let d_lambda = (lon2 - lon1).to_radians();
    let a = (d_phi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (d_lambda / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

/// The span of the `occurrence`-th match of `needle` with no letter or digit on either side.
fn whole_word_occurrence(haystack: &str, needle: &str, occurrence: usize) -> Option<Span> {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    haystack
        .match_indices(needle)
        .filter(|(start, _)| {
            let before = haystack[..*start].chars().next_back();
            let after = haystack[start + needle.len()..].chars().next();
            !is_word(before) && !is_word(after)
        })
        .nth(occurrence.checked_sub(1)?)
        .map(|(start, _)| Span::new(start, start + needle.len()))
}
