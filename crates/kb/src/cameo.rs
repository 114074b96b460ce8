//! The CAMEO event codes with their Goldstein weights, quad classes and PLOVER equivalents
//! (`cameo.toml`).

use std::path::Path;

use serde::Deserialize;

use crate::error::{KbError, check_entries, read_toml};

/// One CAMEO event code.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CameoCode {
    /// The code as a string with its leading zero ("036", "0211"); roots have two digits.
    pub cameo: String,
    /// Short lowercase name.
    pub name: String,
    /// Weight on the Goldstein scale, -10 (most hostile) to +10 (most cooperative).
    pub goldstein: f32,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// The PLOVER event type, empty where PLOVER does not code the act.
    pub plover_type: String,
    /// The PLOVER mode, empty when none.
    pub plover_mode: String,
    /// PLOVER contexts the code implies.
    pub plover_context: Vec<String>,
    /// The act is announced, promised or threatened rather than done.
    pub future: bool,
    /// An invented sentence the code fits.
    pub example: String,
}

impl CameoCode {
    /// The two-digit root ("03" for "036").
    pub fn root(&self) -> &str {
        &self.cameo[..2.min(self.cameo.len())]
    }
}

/// PLOVER's sixteen event types.
pub const PLOVER_TYPES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CameoFile {
    #[serde(default)]
    code: Vec<CameoCode>,
}

/// Reads and checks one CAMEO file.
pub(crate) fn read_file(path: &Path) -> Result<Vec<CameoCode>, KbError> {
    let file: CameoFile = read_toml(path)?;
    check_entries(path, &file.code, |code| &code.cameo, check)?;
    Ok(file.code)
}

/// The quad class of a root, by the split dyad uses (01-05, 06-09, 10-14, 15-20).
pub fn quad_class_of_root(root: u8) -> Option<u8> {
    match root {
        1..=5 => Some(1),
        6..=9 => Some(2),
        10..=14 => Some(3),
        15..=20 => Some(4),
        _ => None,
    }
}

fn check(code: &CameoCode) -> Result<(), String> {
    let digits = code.cameo.bytes().all(|b| b.is_ascii_digit());
    if !digits || !(2..=4).contains(&code.cameo.len()) {
        return Err("a CAMEO code has two to four digits".to_string());
    }
    let root: u8 = code.root().parse().map_err(|_| "bad root".to_string())?;
    if quad_class_of_root(root) != Some(code.quad_class) {
        return Err(format!(
            "quad class {} does not match root {}",
            code.quad_class,
            code.root()
        ));
    }
    if !(-10.0..=10.0).contains(&code.goldstein) {
        return Err(format!("Goldstein {} is outside -10..10", code.goldstein));
    }
    if !code.plover_type.is_empty() && !PLOVER_TYPES.contains(&code.plover_type.as_str()) {
        return Err(format!("{:?} is not a PLOVER type", code.plover_type));
    }
    Ok(())
}
