//! Countries and territories (`countries.toml`).

use std::path::Path;

use serde::Deserialize;

use crate::error::{KbError, check_entries, read_toml};

/// A country or territory and the names news gives it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code, also the CAMEO country code ("JPN").
    pub code: String,
    /// ISO 3166-1 alpha-2 code ("JP").
    pub iso2: String,
    /// Short English name as news writes it.
    pub name: String,
    /// Formal name, when it differs.
    pub official: Option<String>,
    /// Other names and abbreviations ("U.S.", "Britain").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Adjective and people forms ("Japanese", "Emirati").
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Capitals news uses for the government ("Beijing said").
    #[serde(default)]
    pub capitals: Vec<String>,
    /// Other seats that stand for the government ("Kremlin").
    #[serde(default)]
    pub government_metonyms: Vec<String>,
    /// Seats that stand for the armed forces ("Pentagon").
    #[serde(default)]
    pub military_metonyms: Vec<String>,
    /// Africa, Americas, Asia, Europe, Oceania or Middle East.
    pub region: String,
    /// One of the 193 UN member states.
    #[serde(default)]
    pub un_member: bool,
    /// FIPS 10-4 code, which GDELT's geography columns use ("JA" for Japan).
    #[serde(default)]
    pub fips: Option<String>,
    /// Latitude and longitude of the country's centre, for events placed only in the country.
    #[serde(default)]
    pub centre: Option<[f64; 2]>,
    /// Latitude and longitude of the first capital.
    #[serde(default)]
    pub capital_at: Option<[f64; 2]>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryFile {
    #[serde(default)]
    country: Vec<Country>,
}

const REGIONS: [&str; 6] = [
    "Africa",
    "Americas",
    "Asia",
    "Europe",
    "Oceania",
    "Middle East",
];

/// Reads and checks one countries file.
pub(crate) fn read_file(path: &Path) -> Result<Vec<Country>, KbError> {
    let file: CountryFile = read_toml(path)?;
    check_entries(path, &file.country, |country| &country.code, check)?;
    Ok(file.country)
}

fn check(country: &Country) -> Result<(), String> {
    let letters =
        |code: &str, len: usize| code.len() == len && code.bytes().all(|b| b.is_ascii_uppercase());
    if !letters(&country.code, 3) {
        return Err(format!(
            "code {:?} is not three capital letters",
            country.code
        ));
    }
    if !letters(&country.iso2, 2) {
        return Err(format!(
            "iso2 {:?} is not two capital letters",
            country.iso2
        ));
    }
    if country.name.trim().is_empty() {
        return Err("empty name".to_string());
    }
    if !REGIONS.contains(&country.region.as_str()) {
        return Err(format!(
            "region {:?} is not one of {REGIONS:?}",
            country.region
        ));
    }
    Ok(())
}
