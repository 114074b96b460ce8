//! Places that are not countries (`places.toml`): cities, regions, camps, crossings and seas,
//! with the country each lies in, so that "in El Fasher" places an act in Sudan.

use std::path::Path;

use serde::Deserialize;

use crate::error::{KbError, check_entries, read_toml};

/// A named place and where it is.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// The usual English news spelling ("El Fasher").
    pub name: String,
    /// Other spellings ("Al-Fashir").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// ISO alpha-3 code of the country it lies in; empty for seas and disputed areas.
    pub country: String,
    /// city, town, region, admin1, camp, crossing, island, sea, disputed or border.
    pub kind: String,
    /// The first-level division it lies in, when known.
    #[serde(default)]
    pub admin1: String,
    /// Decimal degrees north.
    pub latitude: f64,
    /// Decimal degrees east.
    pub longitude: f64,
    /// Approximate population; 0 when unknown or not a settlement.
    #[serde(default)]
    pub population: u64,
}

impl Place {
    /// The key that identifies the entry for overrides: name and country.
    pub fn key(&self) -> String {
        format!("{}/{}", self.name, self.country)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceFile {
    #[serde(default)]
    place: Vec<Place>,
}

const KINDS: [&str; 10] = [
    "city", "town", "region", "admin1", "camp", "crossing", "island", "sea", "disputed", "border",
];

/// Reads and checks one places file.
pub(crate) fn read_file(path: &Path) -> Result<Vec<Place>, KbError> {
    let file: PlaceFile = read_toml(path)?;
    check_entries(path, &file.place, |place| &place.name, check)?;
    Ok(file.place)
}

fn check(place: &Place) -> Result<(), String> {
    if place.name.trim().is_empty() {
        return Err("empty name".to_string());
    }
    let code_ok = place.country.is_empty()
        || (place.country.len() == 3 && place.country.bytes().all(|b| b.is_ascii_uppercase()));
    if !code_ok {
        return Err(format!(
            "country {:?} is not three capital letters",
            place.country
        ));
    }
    if !KINDS.contains(&place.kind.as_str()) {
        return Err(format!("kind {:?} is not one of {KINDS:?}", place.kind));
    }
    if !(-90.0..=90.0).contains(&place.latitude) || !(-180.0..=180.0).contains(&place.longitude) {
        return Err(format!(
            "latitude {} / longitude {} out of range",
            place.latitude, place.longitude
        ));
    }
    Ok(())
}
