//! dyad's knowledge base: the countries and the people (with dated roles) that actor codes come
//! from, read from plain TOML files that people review in a diff and extend with `--kb DIR`.
//!
//! A knowledge base is a list of folders read in order: the shipped `kb/` first, then the
//! user's. In each folder `cameo.toml` holds the `[[code]]` tables of the CAMEO event codes,
//! `countries.toml` holds `[[country]]` tables, `organisations.toml` `[[organisation]]` tables,
//! `agents.toml` `[[agent]]` tables, `patterns/*.toml` `[[pattern]]` tables, and
//! `people/*.toml` (and `people.toml`) `[[person]]` tables, `places.toml` (and `places/*.toml`) `[[place]]` tables. A later folder's entry replaces an earlier one with the same `cameo` code, country
//! `code`, organisation, pattern or person `id`, or agent word; within one folder, the roles of one person
//! spread over several files are merged, so ministers and heads of government can live in
//! different files.

mod cameo;
mod country;
mod date;
mod error;
mod organisation;
mod pattern;
mod person;
mod place;

use std::path::{Path, PathBuf};

pub use cameo::{CameoCode, PLOVER_TYPES, quad_class_of_root};
pub use country::Country;
pub use date::{Day, KbDate, days_in_month};
pub use error::KbError;
pub use organisation::{Agent, Organisation, OrganisationKind};
pub use pattern::Pattern;
pub use person::{Person, Role};
pub use place::Place;

/// The knowledge base in memory.
#[derive(Debug, Default)]
pub struct Kb {
    codes: Vec<CameoCode>,
    countries: Vec<Country>,
    people: Vec<Person>,
    organisations: Vec<Organisation>,
    agents: Vec<Agent>,
    patterns: Vec<Pattern>,
    places: Vec<Place>,
    version: String,
}

impl Kb {
    /// Reads every folder of `dirs` in order (later entries override earlier ones).
    pub fn load<P: AsRef<Path>>(dirs: &[P]) -> Result<Kb, KbError> {
        let mut codes: Vec<CameoCode> = Vec::new();
        let mut countries: Vec<Country> = Vec::new();
        let mut people: Vec<Person> = Vec::new();
        let mut organisations: Vec<Organisation> = Vec::new();
        let mut agents: Vec<Agent> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut places: Vec<Place> = Vec::new();
        for dir in dirs {
            let dir = dir.as_ref();
            let cameo_file = dir.join("cameo.toml");
            if cameo_file.exists() {
                replace_or_push(&mut codes, cameo::read_file(&cameo_file)?, |c| {
                    c.cameo.clone()
                });
            }
            let country_file = dir.join("countries.toml");
            if country_file.exists() {
                let read = country::read_file(&country_file)?;
                replace_or_push(&mut countries, read, |c| c.code.clone());
            }
            for file in single_and_folder(dir, "places")? {
                replace_or_push(&mut places, place::read_file(&file)?, Place::key);
            }
            let organisation_file = dir.join("organisations.toml");
            if organisation_file.exists() {
                let read = organisation::read_organisations(&organisation_file)?;
                replace_or_push(&mut organisations, read, |o| o.id.clone());
            }
            let agent_file = dir.join("agents.toml");
            if agent_file.exists() {
                for agent in organisation::read_agents(&agent_file)? {
                    // A later folder's agent takes over its words from earlier entries.
                    for earlier in &mut agents {
                        earlier.words.retain(|word| !agent.words.contains(word));
                    }
                    agents.retain(|earlier| !earlier.words.is_empty());
                    agents.push(agent);
                }
            }
            for file in toml_files(&dir.join("patterns"))? {
                replace_or_push(&mut patterns, pattern::read_file(&file)?, |p| p.id.clone());
            }
            let mut folder_people: Vec<Person> = Vec::new();
            for file in single_and_folder(dir, "people")? {
                for person in person::read_file(&file)? {
                    match folder_people.iter_mut().find(|p| p.id == person.id) {
                        Some(known) => {
                            for role in person.roles {
                                if !known.roles.contains(&role) {
                                    known.roles.push(role);
                                }
                            }
                        }
                        None => folder_people.push(person),
                    }
                }
            }
            replace_or_push(&mut people, folder_people, |p| p.id.clone());
        }
        Ok(Kb {
            codes,
            countries,
            people,
            organisations,
            agents,
            patterns,
            places,
            version: fingerprint(dirs)?,
        })
    }

    /// A hash of every file read, in hex: stored events say which knowledge base coded them,
    /// and a changed file means stored articles need re-coding.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The shipped knowledge base folder of this source tree (`kb/` at the repository root).
    pub fn shipped_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../kb")
    }

    /// Every CAMEO event code, in file order.
    pub fn cameo_codes(&self) -> &[CameoCode] {
        &self.codes
    }

    /// The CAMEO event code `cameo` ("036").
    pub fn cameo(&self, cameo: &str) -> Option<&CameoCode> {
        self.codes.iter().find(|code| code.cameo == cameo)
    }

    /// Every country, in file order.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// The country with ISO alpha-3 `code`.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|country| country.code == code)
    }

    /// Every person, in file order.
    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// The person with `id`.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|person| person.id == id)
    }

    /// Every organisation, in file order.
    pub fn organisations(&self) -> &[Organisation] {
        &self.organisations
    }

    /// The organisation with `id`.
    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == id)
    }

    /// Every verb and noun pattern, in file order.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// Every place that is not a country, in file order.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// Every agent word group, in file order.
    pub fn agents(&self) -> &[Agent] {
        &self.agents
    }
}

/// Adds `new` to `items`, each replacing the entry with the same key or appended, through an
/// index (pattern and place files are long enough for a search per entry to show in load time).
fn replace_or_push<T>(items: &mut Vec<T>, new: Vec<T>, key: impl Fn(&T) -> String) {
    let mut index: std::collections::HashMap<String, usize> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (key(item), i))
        .collect();
    for item in new {
        match index.get(&key(&item)) {
            Some(&at) => items[at] = item,
            None => {
                index.insert(key(&item), items.len());
                items.push(item);
            }
        }
    }
}

/// `people.toml` and `people/*.toml` of `dir`, in name order.
/// `NAME.toml` of `dir` when it exists, then the `*.toml` files of the folder `NAME/`: big
/// parts of the knowledge base (people, places) may be one file or a folder of them.
fn single_and_folder(dir: &Path, name: &str) -> Result<Vec<PathBuf>, KbError> {
    let mut files = Vec::new();
    let single = dir.join(format!("{name}.toml"));
    if single.exists() {
        files.push(single);
    }
    files.extend(toml_files(&dir.join(name))?);
    Ok(files)
}

/// The FNV-1a hash of the names and bytes of the TOML files of `dirs` (with their `patterns/`
/// `people/` and `places/` folders), in the order they are read.
fn fingerprint<P: AsRef<Path>>(dirs: &[P]) -> Result<String, KbError> {
    let mut hashed = Vec::new();
    for dir in dirs {
        let dir = dir.as_ref();
        for folder in [
            dir.to_path_buf(),
            dir.join("patterns"),
            dir.join("people"),
            dir.join("places"),
        ] {
            for file in toml_files(&folder)? {
                let bytes = std::fs::read(&file).map_err(|source| KbError::Io {
                    path: file.clone(),
                    source,
                })?;
                let name = file.strip_prefix(dir).unwrap_or(&file);
                hashed.extend_from_slice(name.to_string_lossy().as_bytes());
                hashed.push(0);
                hashed.extend_from_slice(&bytes);
            }
        }
    }
    Ok(format!("{:016x}", dyad_core::fnv1a64(&hashed)))
}

/// The `*.toml` files of `folder` in name order; none when it does not exist.
fn toml_files(folder: &Path) -> Result<Vec<PathBuf>, KbError> {
    if !folder.is_dir() {
        return Ok(Vec::new());
    }
    let entries = std::fs::read_dir(folder).map_err(|source| KbError::Io {
        path: folder.to_path_buf(),
        source,
    })?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    found.sort();
    Ok(found)
}
