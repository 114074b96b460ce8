//! Every place name of the knowledge base as a key of folded words, with the places it can
//! name: countries, capitals and the `places` of the knowledge base.

use std::collections::{HashMap, HashSet};

use dyad_kb::Kb;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// One place a name can stand for.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The place's usual English name.
    pub name: String,
    /// ISO alpha-3 code; empty for seas and disputed areas.
    pub country: String,
    /// The first-level division it lies in; empty when none or unknown.
    pub admin1: String,
    /// country, capital, city, town, admin1, region, camp, crossing, island, sea, disputed or
    /// border.
    pub kind: String,
    /// Decimal degrees north.
    pub latitude: f64,
    /// Decimal degrees east.
    pub longitude: f64,
    /// Approximate population; 0 when unknown.
    pub population: u64,
    /// How the name was matched.
    pub by: NameKind,
}

/// Which of a place's names a key came from: some names need a context to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// Its name or an alias.
    Full,
    /// A division's name without its suffix ("Kherson" for "Kherson Oblast"): it names the
    /// division only beside a word such as "region".
    Bare,
    /// A postal abbreviation ("Va.", "N.H."): only after "Town," in a dateline or phrase.
    Abbreviation,
}

/// Suffixes a first-level division carries when a city has its bare name.
const DIVISION_SUFFIXES: [&str; 12] = [
    " Oblast",
    " Province",
    " State",
    " Governorate",
    " Region",
    " Krai",
    " District",
    " County",
    " Prefecture",
    " Department",
    " Division",
    " Republic",
];

/// Forms of a state's name whose rest is also used alone ("Republic of the Congo").
const STATE_PREFIXES: [&str; 4] = [
    "Democratic Republic of the ",
    "Democratic Republic of ",
    "Republic of the ",
    "Republic of ",
];

/// The place names of a knowledge base, by folded key.
#[derive(Debug, Default)]
pub struct Gazetteer {
    by_key: HashMap<String, Vec<Candidate>>,
    /// Keys of names written in capitals ("NYC", "DRC"): outside a dateline, a word in
    /// capitals is an acronym ("NIS" the oil company, not Niš) unless a name is written so.
    in_capitals: HashSet<String>,
    /// The most words a name has.
    longest: usize,
}

impl Gazetteer {
    /// Collects the countries, capitals and places of `kb`.
    pub fn new(kb: &Kb) -> Gazetteer {
        let mut gazetteer = Gazetteer::default();
        for country in kb.countries() {
            let [lat, lon] = country.centre.unwrap_or([0.0, 0.0]);
            let candidate = Candidate {
                name: country.name.clone(),
                country: country.code.clone(),
                admin1: String::new(),
                kind: "country".to_string(),
                latitude: lat,
                longitude: lon,
                population: 0,
                by: NameKind::Full,
            };
            let names = std::iter::once(&country.name)
                .chain(&country.aliases)
                .chain(country.official.iter());
            for name in names {
                gazetteer.add(name, candidate.clone());
                // "in Congo" may be either Congo: the context decides.
                let short = STATE_PREFIXES.iter().find_map(|p| name.strip_prefix(p));
                if let Some(short) = short {
                    gazetteer.add(short, candidate.clone());
                }
            }
            let [lat, lon] = country.capital_at.unwrap_or([lat, lon]);
            for capital in &country.capitals {
                let candidate = Candidate {
                    name: capital.clone(),
                    kind: "capital".to_string(),
                    latitude: lat,
                    longitude: lon,
                    ..candidate.clone()
                };
                gazetteer.add(capital, candidate);
            }
        }
        for place in kb.places() {
            // "Paris, Texas" is Paris, named with its state to keep it apart from Paris,
            // France in the knowledge base; in text the state is a name of its own.
            let bare = |name: &str| {
                name.split_once(", ")
                    .map_or(name, |(bare, _)| bare)
                    .to_string()
            };
            let candidate = Candidate {
                name: bare(&place.name),
                country: place.country.clone(),
                admin1: place.admin1.clone(),
                kind: place.kind.clone(),
                latitude: place.latitude,
                longitude: place.longitude,
                population: place.population,
                by: NameKind::Full,
            };
            for alias in &place.aliases {
                let by = if alias.ends_with('.') && alias.len() <= 6 {
                    NameKind::Abbreviation
                } else {
                    NameKind::Full
                };
                gazetteer.add(
                    &bare(alias),
                    Candidate {
                        by,
                        ..candidate.clone()
                    },
                );
            }
            if place.kind == "admin1" || place.kind == "region" {
                let bare = DIVISION_SUFFIXES
                    .iter()
                    .find_map(|suffix| place.name.strip_suffix(suffix));
                if let Some(bare) = bare {
                    let by = NameKind::Bare;
                    gazetteer.add(
                        bare,
                        Candidate {
                            by,
                            ..candidate.clone()
                        },
                    );
                }
            }
            gazetteer.add(&bare(&place.name), candidate);
        }
        gazetteer
    }

    fn add(&mut self, name: &str, candidate: Candidate) {
        let words = name_words(name);
        if words.is_empty() {
            return;
        }
        self.longest = self.longest.max(words.len());
        let key = words.join(" ");
        if is_in_capitals(name) {
            self.in_capitals.insert(key.clone());
        }
        let candidates = self.by_key.entry(key).or_default();
        let same = |c: &Candidate| c.name == candidate.name && c.country == candidate.country;
        match candidates.iter_mut().find(|c| same(c)) {
            // A name that is both a full name and a bare or abbreviated one is a full name.
            Some(known) if candidate.by == NameKind::Full => known.by = NameKind::Full,
            Some(_) => {}
            None => candidates.push(candidate),
        }
    }

    /// The places whose name folds to `key` (see [`fold`]).
    pub fn lookup(&self, key: &str) -> &[Candidate] {
        self.by_key.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether some name of key `key` is written in capitals.
    pub fn is_written_in_capitals(&self, key: &str) -> bool {
        self.in_capitals.contains(key)
    }

    /// The most words a name has.
    pub fn longest(&self) -> usize {
        self.longest
    }
}

/// The folded words of a name, split as the tokenizer splits text, so that a name and a run
/// of tokens compare by their keys.
fn name_words(name: &str) -> Vec<String> {
    let doc = dyad_text::tokenize(name);
    doc.tokens
        .iter()
        .map(|token| fold(token.span.of(&doc.text)))
        .filter(|word| !word.is_empty())
        .collect()
}

/// Whether a name or word is written in capitals ("NYC", "U.S."): two letters or more and
/// none lowercase.
pub fn is_in_capitals(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !text.chars().any(char::is_lowercase)
}

/// A word without case, accents, periods or apostrophes: "Zárate" and "ZARATE" are "zarate",
/// "N.H." is "nh", "Côte d'Ivoire"'s "d'Ivoire" is "divoire".
pub fn fold(word: &str) -> String {
    word.nfkd()
        .filter(|c| !is_combining_mark(*c) && !matches!(c, '.' | '\'' | '’'))
        .flat_map(char::to_lowercase)
        .collect()
}
