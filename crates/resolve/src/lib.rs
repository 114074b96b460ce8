//! Mentions of knowledge-base entities in tokenized text.
//!
//! A [`Gazetteer`] holds every name of the knowledge base as a token sequence (tokenized by the
//! same tokenizer as the articles, so "U.S." or "Côte d'Ivoire" split the same way on both
//! sides). [`Gazetteer::find`] walks a sentence's tokens and takes, at each position, the longest
//! name that starts there. Proper names match with their case as written (or in capitals, for
//! headlines), so the pronoun "us" is not the United States and "who" is not the WHO; agent
//! nouns ("troops", "premier") match in any case, in the singular or with a regular plural.

use std::collections::HashMap;

use dyad_kb::Kb;

/// What a name can refer to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Referent {
    /// A country, and how it was named.
    Country {
        /// ISO alpha-3 code.
        code: String,
        /// Name, demonym, capital or seat.
        how: CountryName,
    },
    /// A person of the knowledge base, by id.
    Person(String),
    /// An organisation of the knowledge base, by id.
    Organisation(String),
    /// A generic noun giving a sector ("GOV" for "premier").
    Agent(String),
    /// A city, region or other place inside a country ("El Fasher" -> SDN).
    Place {
        /// ISO alpha-3 code of the country it lies in.
        country: String,
    },
}

/// How a country was named: this decides which actor it stands for ("Beijing said" is the
/// government, "Chinese" only gives a nationality).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CountryName {
    /// Its name or an alias ("Japan", "the U.S.").
    Name,
    /// A demonym ("Japanese").
    Demonym,
    /// Its capital, standing for the government ("Beijing said").
    Capital,
    /// A seat of government ("the Kremlin").
    GovernmentSeat,
    /// A seat of the armed forces ("the Pentagon").
    MilitarySeat,
}

/// A name found in a sentence: tokens `start..end` and everything it may refer to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// First token (index into the tokens given to [`Gazetteer::find`]).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// What the name can mean; several when a name is shared (a surname of two people).
    pub referents: Vec<Referent>,
}

/// Every name of a knowledge base, ready to be found in tokens.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Token sequence (exact case) -> referents, for proper names.
    proper: HashMap<Vec<String>, Vec<Referent>>,
    /// Token sequence (lowercase) -> referents, for agent nouns.
    common: HashMap<Vec<String>, Vec<Referent>>,
    /// The longest name, in tokens.
    longest: usize,
    /// For each first token of a name (as written, and lowercased for agent nouns), the most
    /// tokens a name starting with it has: most positions of a sentence start no name, and
    /// this says so without building a single window.
    first_tokens: HashMap<String, usize>,
}

impl Gazetteer {
    /// Collects every name of `kb`.
    pub fn new(kb: &Kb) -> Gazetteer {
        let mut gazetteer = Gazetteer::default();
        for country in kb.countries() {
            let mut add = |names: &[String], how: CountryName| {
                for name in names {
                    let referent = Referent::Country {
                        code: country.code.clone(),
                        how,
                    };
                    gazetteer.add_proper(name, referent);
                }
            };
            add(std::slice::from_ref(&country.name), CountryName::Name);
            add(&country.aliases, CountryName::Name);
            add(country.official.as_slice(), CountryName::Name);
            add(&country.demonyms, CountryName::Demonym);
            // "Serbians", "Afghans", "Israelis": the people, named by a plural demonym.
            let plurals: Vec<String> = country
                .demonyms
                .iter()
                .filter_map(|d| demonym_plural(d))
                .collect();
            add(&plurals, CountryName::Demonym);
            add(&country.capitals, CountryName::Capital);
            add(&country.government_metonyms, CountryName::GovernmentSeat);
            add(&country.military_metonyms, CountryName::MilitarySeat);
        }
        for person in kb.people() {
            for name in std::iter::once(&person.name).chain(&person.aliases) {
                gazetteer.add_proper(name, Referent::Person(person.id.clone()));
            }
        }
        for organisation in kb.organisations() {
            let names = std::iter::once(&organisation.name).chain(&organisation.aliases);
            for name in names {
                let referent = Referent::Organisation(organisation.id.clone());
                gazetteer.add_proper(name, referent);
            }
        }
        // Places after countries, people and organisations, so that "Georgia" is first the
        // country; among places of one name, the most populous first ("Paris" is in France).
        let mut places: Vec<&dyad_kb::Place> = kb
            .places()
            .iter()
            .filter(|p| !p.country.is_empty())
            .collect();
        places.sort_by_key(|p| std::cmp::Reverse(p.population));
        for place in places {
            for name in std::iter::once(&place.name).chain(&place.aliases) {
                let referent = Referent::Place {
                    country: place.country.clone(),
                };
                gazetteer.add_proper(name, referent);
            }
        }
        for agent in kb.agents() {
            for word in &agent.words {
                gazetteer.add_common(word, Referent::Agent(agent.sector.clone()));
            }
        }
        gazetteer
    }

    fn add_proper(&mut self, name: &str, referent: Referent) {
        let tokens = tokens_of(name);
        self.note_first_token(&tokens);
        add_to(&mut self.proper, tokens, referent, &mut self.longest);
    }

    fn note_first_token(&mut self, tokens: &[String]) {
        if let Some(first) = tokens.first() {
            let most = self.first_tokens.entry(first.clone()).or_default();
            *most = (*most).max(tokens.len());
        }
    }

    /// The most tokens a name starting with `token` can have (0: none starts with it).
    fn names_starting_with(&self, token: &str) -> usize {
        let as_written = self.first_tokens.get(token).copied().unwrap_or(0);
        let lower = token.to_lowercase();
        let lowercase = self.first_tokens.get(&lower).copied().unwrap_or(0);
        // A headline's "JAPAN" may start "Japan ...".
        let title = title_case_of_capitals(&[token.to_string()])
            .and_then(|t| self.first_tokens.get(&t[0]).copied())
            .unwrap_or(0);
        as_written.max(lowercase).max(title)
    }

    fn add_common(&mut self, word: &str, referent: Referent) {
        let tokens: Vec<String> = tokens_of(word).iter().map(|t| t.to_lowercase()).collect();
        self.note_first_token(&tokens);
        if let Some(plural) = regular_plural(&tokens) {
            self.note_first_token(&plural);
            add_to(
                &mut self.common,
                plural,
                referent.clone(),
                &mut self.longest,
            );
        }
        add_to(&mut self.common, tokens, referent, &mut self.longest);
    }

    /// The mentions in one sentence's `tokens`, left to right, never overlapping: at each
    /// position the longest name wins, proper names before agent nouns of the same length.
    pub fn find<S: AsRef<str>>(&self, tokens: &[S]) -> Vec<Mention> {
        let mut mentions = Vec::new();
        let mut at = 0;
        while at < tokens.len() {
            match self.longest_at(tokens, at) {
                Some(mention) => {
                    at = mention.end;
                    if !is_part_of_region(tokens, &mention) && !is_inside_compound(tokens, &mention)
                    {
                        mentions.push(mention);
                    }
                }
                None => at += 1,
            }
        }
        mentions
    }

    fn longest_at<S: AsRef<str>>(&self, tokens: &[S], start: usize) -> Option<Mention> {
        let most = self
            .names_starting_with(tokens[start].as_ref())
            .min(self.longest)
            .min(tokens.len() - start);
        for length in (1..=most).rev() {
            let window = &tokens[start..start + length];
            let exact: Vec<String> = window.iter().map(|t| t.as_ref().to_string()).collect();
            let found = self
                .proper
                .get(&exact)
                .or_else(|| self.proper.get(&title_case_of_capitals(&exact)?))
                .or_else(|| {
                    let lower: Vec<String> = exact.iter().map(|t| t.to_lowercase()).collect();
                    self.common.get(&lower)
                });
            if let Some(referents) = found {
                return Some(Mention {
                    start,
                    end: start + length,
                    referents: referents.clone(),
                });
            }
        }
        None
    }
}

/// Words that make a country name or demonym part of a region's name when they come right
/// before it and the two are not a known name together ("South American", "Latin American").
const REGION_WORDS: [&str; 12] = [
    "South",
    "North",
    "Latin",
    "Central",
    "East",
    "West",
    "Southeast",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Pan",
];

/// Whether a mention sits between hyphens inside a longer word: "AU" in "PORT-AU-PRINCE" is
/// no African Union.
fn is_inside_compound<S: AsRef<str>>(tokens: &[S], mention: &Mention) -> bool {
    let hyphen = |i: usize| tokens.get(i).is_some_and(|t| t.as_ref() == "-");
    mention.start > 0 && hyphen(mention.start - 1) && hyphen(mention.end)
}

/// Whether a country mention is only part of a region's name.
fn is_part_of_region<S: AsRef<str>>(tokens: &[S], mention: &Mention) -> bool {
    let only_countries = mention
        .referents
        .iter()
        .all(|r| matches!(r, Referent::Country { .. }));
    let before = mention
        .start
        .checked_sub(1)
        .map(|i| tokens[i].as_ref().trim_end_matches('-'));
    only_countries && before.is_some_and(|word| REGION_WORDS.contains(&word))
}

fn add_to(
    map: &mut HashMap<Vec<String>, Vec<Referent>>,
    tokens: Vec<String>,
    referent: Referent,
    longest: &mut usize,
) {
    if tokens.is_empty() {
        return;
    }
    *longest = (*longest).max(tokens.len());
    let referents = map.entry(tokens).or_default();
    if !referents.contains(&referent) {
        referents.push(referent);
    }
}

/// The tokens of a name, as the article tokenizer splits them inside a sentence (followed by a
/// word, so a final period stays part of "U.S." instead of ending a sentence).
fn tokens_of(name: &str) -> Vec<String> {
    let doc = dyad_text::tokenize(&format!("{name} and"));
    doc.tokens
        .iter()
        .filter(|token| token.span.end <= name.len())
        .map(|token| token.span.of(&doc.text).to_string())
        .collect()
}

/// "troops" for "troop", "militias" for "militia", "parties" for "party": the regular plural of
/// the last word; `None` when the word already looks plural or irregular.
fn regular_plural(tokens: &[String]) -> Option<Vec<String>> {
    let last = tokens.last()?;
    if last.ends_with('s') || !last.chars().all(char::is_alphabetic) {
        return None;
    }
    let plural = if let Some(stem) = last.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'i', 'o', 'u'])
    {
        format!("{stem}ies")
    } else if last.ends_with("sh") || last.ends_with("ch") || last.ends_with('x') {
        format!("{last}es")
    } else {
        format!("{last}s")
    };
    let mut out = tokens.to_vec();
    *out.last_mut()? = plural;
    Some(out)
}

/// The plural of a demonym that has one ("Serbian" -> "Serbians"); none for those whose plural
/// is the same word or irregular ("Japanese", "French", "Swiss").
fn demonym_plural(demonym: &str) -> Option<String> {
    let last = demonym.chars().last()?;
    let same_or_irregular = demonym.ends_with("ese")
        || demonym.ends_with("sh")
        || demonym.ends_with("ch")
        || last == 's';
    (!same_or_irregular && last.is_alphabetic()).then(|| format!("{demonym}s"))
}

/// For a headline in capitals ("JAPAN SIGNS DEAL"): the words in title case, so that "JAPAN"
/// finds "Japan"; `None` when some token is not all capitals or is a short acronym-like word
/// ("US" stays "US").
fn title_case_of_capitals(tokens: &[String]) -> Option<Vec<String>> {
    let all_caps = tokens.iter().all(|t| {
        t.chars().count() > 3
            && t.chars().any(char::is_alphabetic)
            && !t.chars().any(char::is_lowercase)
    });
    if !all_caps {
        return None;
    }
    Some(
        tokens
            .iter()
            .map(|t| {
                let mut chars = t.chars();
                let first = chars.next().map(String::from).unwrap_or_default();
                first + &chars.as_str().to_lowercase()
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_the_rules() {
        let plural = |w: &str| regular_plural(&[w.to_string()]).map(|t| t[0].clone());
        assert_eq!(plural("troop").as_deref(), Some("troops"));
        assert_eq!(plural("militia").as_deref(), Some("militias"));
        assert_eq!(plural("party").as_deref(), Some("parties"));
        assert_eq!(plural("attorney").as_deref(), Some("attorneys"));
        assert_eq!(plural("forces"), None);
    }

    #[test]
    fn capitals_become_title_case_but_acronyms_stay() {
        let caps = |t: &[&str]| {
            title_case_of_capitals(&t.iter().map(|s| s.to_string()).collect::<Vec<_>>())
        };
        assert_eq!(caps(&["JAPAN"]), Some(vec!["Japan".to_string()]));
        assert_eq!(caps(&["US"]), None);
        assert_eq!(caps(&["Japan"]), None);
    }
}
