//! Organisations (`organisations.toml`) and the generic agent nouns that give a sector
//! (`agents.toml`).

use std::path::Path;

use serde::Deserialize;

use crate::error::{KbError, check_entries, read_toml};

/// An organisation news names: an IGO, armed group, party, NGO, court, company or media outlet.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Unique id, lowercase ASCII with hyphens.
    pub id: String,
    /// Usual English name.
    pub name: String,
    /// Other names and abbreviations (matched case-sensitively).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Actor code ("IGONAT", "LBNREB", "CHNMED").
    pub code: String,
    /// What kind of organisation it is.
    pub kind: OrganisationKind,
    /// ISO alpha-3 code of a national organisation's country.
    pub country: Option<String>,
    /// Member states of an IGO, where clear-cut.
    #[serde(default)]
    pub members: Vec<String>,
}

/// The kinds of organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    /// Intergovernmental organisation or one of its bodies.
    Igo,
    /// Rebels, militias, insurgents, terrorist groups, cartels.
    ArmedGroup,
    /// Political party.
    Party,
    /// Non-governmental organisation.
    Ngo,
    /// International or national court.
    Court,
    /// Company.
    Company,
    /// News outlet.
    Media,
}

/// Generic words for one kind of actor ("premier", "troops"), which with a country give an
/// actor code ("Japanese premier" -> JPNGOV).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agent {
    /// Lowercase nouns or noun phrases naming the agent.
    pub words: Vec<String>,
    /// CAMEO sector code ("GOV", "MIL", "REB").
    pub sector: String,
    /// Why, where not obvious.
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganisationFile {
    #[serde(default)]
    organisation: Vec<Organisation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AgentFile {
    #[serde(default)]
    agent: Vec<Agent>,
}

/// Reads and checks one organisations file.
pub(crate) fn read_organisations(path: &Path) -> Result<Vec<Organisation>, KbError> {
    let file: OrganisationFile = read_toml(path)?;
    check_entries(
        path,
        &file.organisation,
        |organisation| &organisation.id,
        check_organisation,
    )?;
    Ok(file.organisation)
}

/// Reads and checks one agents file.
pub(crate) fn read_agents(path: &Path) -> Result<Vec<Agent>, KbError> {
    let file: AgentFile = read_toml(path)?;
    for agent in &file.agent {
        let entry = agent.words.first().cloned().unwrap_or_default();
        let invalid = |reason: String| KbError::Invalid {
            path: path.to_path_buf(),
            entry: entry.clone(),
            reason,
        };
        if agent.words.is_empty() || agent.words.iter().any(|w| w.trim().is_empty()) {
            return Err(invalid("an agent needs words".to_string()));
        }
        if agent.words.iter().any(|w| w.to_lowercase() != *w) {
            return Err(invalid("agent words are lowercase".to_string()));
        }
        if !is_code(&agent.sector, 3) {
            return Err(invalid(format!("sector {:?} is not a code", agent.sector)));
        }
    }
    Ok(file.agent)
}

/// Capital ASCII letters, at least `min` of them.
fn is_code(code: &str, min: usize) -> bool {
    code.len() >= min
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

fn check_organisation(organisation: &Organisation) -> Result<(), String> {
    let id_ok = !organisation.id.is_empty()
        && organisation
            .id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !id_ok {
        return Err("id must be lowercase ASCII letters, digits and hyphens".to_string());
    }
    if !is_code(&organisation.code, 5) {
        return Err(format!(
            "code {:?} is not a CAMEO actor code",
            organisation.code
        ));
    }
    Ok(())
}
