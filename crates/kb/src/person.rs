//! People and the roles they held (`people/*.toml`): the role in force on an article's date
//! gives the actor code.

use std::path::Path;

use serde::Deserialize;

use crate::date::{Day, KbDate};
use crate::error::{KbError, read_toml};

/// A person news names, with every role the knowledge base knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Unique id: the full name in lowercase ASCII with hyphens.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Other names used alone (usually the surname).
    pub aliases: Vec<String>,
    /// The month the roles were last known to be true (`YYYY-MM`).
    pub known: String,
    /// Offices held, each with its dates and actor code.
    pub roles: Vec<Role>,
}

/// An office held from one date to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// The office in lowercase ("prime minister").
    pub office: String,
    /// ISO alpha-3 code of the country, when the office is a country's.
    pub country: Option<String>,
    /// The actor code the role gives ("JPNGOV", "IGOUNO").
    pub code: String,
    /// First day in office (the first day the written date can mean).
    pub from: Day,
    /// Last day in office, or `None` while held.
    pub to: Option<Day>,
    /// The dates are known only roughly.
    pub approx: bool,
}

impl Role {
    /// Whether the role is held on `day`.
    pub fn in_force(&self, day: Day) -> bool {
        self.from <= day && self.to.is_none_or(|to| day <= to)
    }
}

impl Person {
    /// The role in force on `day`; of several, the one taken up last (on a handover day the
    /// successor's role has begun).
    pub fn role_on(&self, day: Day) -> Option<&Role> {
        // Of roles begun the same day the first listed is the main one (Macron is President
        // of France before co-prince of Andorra); `max_by_key` keeps the last of equals.
        self.roles
            .iter()
            .rev()
            .filter(|role| role.in_force(day))
            .max_by_key(|role| role.from)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PeopleFile {
    #[serde(default)]
    person: Vec<RawPerson>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    id: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    known: String,
    #[serde(default)]
    role: Vec<RawRole>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    office: String,
    country: Option<String>,
    code: String,
    from: String,
    to: Option<String>,
    #[serde(default)]
    approx: bool,
}

/// Reads and checks one people file.
pub(crate) fn read_file(path: &Path) -> Result<Vec<Person>, KbError> {
    let file: PeopleFile = read_toml(path)?;
    file.person
        .into_iter()
        .map(|raw| {
            let id = raw.id.clone();
            person(raw).map_err(|reason| KbError::Invalid {
                path: path.to_path_buf(),
                entry: id,
                reason,
            })
        })
        .collect()
}

fn person(raw: RawPerson) -> Result<Person, String> {
    let id_ok = !raw.id.is_empty()
        && raw
            .id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !id_ok {
        return Err("id must be lowercase ASCII letters, digits and hyphens".to_string());
    }
    if raw.name.trim().is_empty() {
        return Err("empty name".to_string());
    }
    if KbDate::parse(&raw.known).is_none() {
        return Err(format!("known {:?} is not a date", raw.known));
    }
    let roles = raw.role.into_iter().map(role).collect::<Result<_, _>>()?;
    Ok(Person {
        id: raw.id,
        name: raw.name,
        aliases: raw.aliases,
        known: raw.known,
        roles,
    })
}

fn role(raw: RawRole) -> Result<Role, String> {
    let date = |text: &str| {
        KbDate::parse(text).ok_or_else(|| format!("role {:?}: {text:?} is not a date", raw.office))
    };
    let from = date(&raw.from)?.earliest;
    let to = raw.to.as_deref().map(date).transpose()?.map(|d| d.latest);
    if to.is_some_and(|to| to < from) {
        return Err(format!("role {:?} ends before it begins", raw.office));
    }
    let code_ok = raw.code.len() >= 5 && raw.code.bytes().all(|b| b.is_ascii_uppercase());
    if !code_ok {
        return Err(format!(
            "role {:?}: code {:?} is not a CAMEO actor code",
            raw.office, raw.code
        ));
    }
    Ok(Role {
        office: raw.office,
        country: raw.country,
        code: raw.code,
        from,
        to,
        approx: raw.approx,
    })
}
