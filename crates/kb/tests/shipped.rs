//! The shipped knowledge base loads, and its entries keep the rules a coder relies on.

use std::collections::HashSet;

use dyad_kb::{Day, Kb};

fn shipped() -> Kb {
    Kb::load(&[Kb::shipped_dir()]).unwrap_or_else(|error| panic!("shipped kb: {error}"))
}

fn day(text: &str) -> Day {
    dyad_kb::KbDate::parse(text).unwrap().earliest
}

#[test]
fn every_un_member_state_is_there_once() {
    let kb = shipped();
    let members = kb.countries().iter().filter(|c| c.un_member).count();
    assert_eq!(members, 193);
    assert!(kb.countries().len() >= 249, "every ISO 3166-1 entry");
    let codes: HashSet<&str> = kb.countries().iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes.len(), kb.countries().len(), "codes are unique");
    let iso2: HashSet<&str> = kb.countries().iter().map(|c| c.iso2.as_str()).collect();
    assert_eq!(iso2.len(), kb.countries().len(), "alpha-2 codes are unique");
}

#[test]
fn a_name_means_one_country() {
    let kb = shipped();
    let mut seen: HashSet<String> = HashSet::new();
    for country in kb.countries() {
        let names = std::iter::once(&country.name)
            .chain(&country.aliases)
            .chain(&country.demonyms)
            .chain(&country.capitals);
        let own: HashSet<String> = names.map(|n| n.to_lowercase()).collect();
        for name in own {
            assert!(seen.insert(name.clone()), "{name:?} names two countries");
        }
    }
    let usa = kb.country("USA").unwrap();
    assert!(usa.aliases.iter().any(|a| a == "U.S."));
    assert_eq!(kb.country("JPN").unwrap().demonyms, ["Japanese"]);
}

#[test]
fn roles_point_at_known_countries() {
    let kb = shipped();
    let ids: HashSet<&str> = kb.people().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), kb.people().len(), "ids are unique after merging");
    for person in kb.people() {
        for role in &person.roles {
            let country = &role.code[..3];
            let known = country == "IGO" || kb.country(country).is_some();
            assert!(known, "{}: code {} has no country", person.id, role.code);
            if let Some(code) = &role.country {
                assert!(kb.country(code).is_some(), "{}: country {code}", person.id);
            }
        }
    }
}

#[test]
fn a_user_folder_overrides_and_people_merge_within_a_folder() {
    let dir = std::env::temp_dir().join(format!("dyad-kb-test-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("people")).unwrap();
    std::fs::write(
        dir.join("countries.toml"),
        "[[country]]\ncode = \"JPN\"\niso2 = \"JP\"\nname = \"Nihon\"\nregion = \"Asia\"\nun_member = true\n",
    )
    .unwrap();
    let person = |office: &str, from: &str, to: &str| {
        format!(
            "[[person]]\nid = \"ann-example\"\nname = \"Ann Example\"\naliases = [\"Example\"]\nknown = \"2026-11\"\n\n[[person.role]]\noffice = \"{office}\"\ncountry = \"JPN\"\ncode = \"JPNGOV\"\nfrom = \"{from}\"\n{to}"
        )
    };
    std::fs::write(
        dir.join("people/a.toml"),
        person("foreign minister", "2019-05", "to = \"2021-10-04\"\n"),
    )
    .unwrap();
    std::fs::write(
        dir.join("people/b.toml"),
        person("prime minister", "2021-10-04", ""),
    )
    .unwrap();
    let kb = Kb::load(&[Kb::shipped_dir(), dir.clone()]).unwrap();
    assert_eq!(kb.country("JPN").unwrap().name, "Nihon");
    let ann = kb.person("ann-example").unwrap();
    assert_eq!(ann.roles.len(), 2);
    assert_eq!(ann.role_on(day("2019-04-30")), None);
    assert_eq!(
        ann.role_on(day("2019-05-01")).unwrap().office,
        "foreign minister"
    );
    assert_eq!(
        ann.role_on(day("2021-10-04")).unwrap().office,
        "prime minister"
    );
    assert_eq!(ann.role_on(day("2026-01-01")).unwrap().code, "JPNGOV");

    std::fs::write(
        dir.join("people/c.toml"),
        person("king", "2020-01-01", "to = \"2019-01-01\"\n"),
    )
    .unwrap();
    let error = Kb::load(&[&dir]).unwrap_err().to_string();
    assert!(
        error.contains("c.toml") && error.contains("ends before it begins"),
        "{error}"
    );
    std::fs::write(dir.join("people/c.toml"), "[[person]]\nid = 3\n").unwrap();
    let error = Kb::load(&[&dir]).unwrap_err().to_string();
    assert!(
        error.contains("c.toml") && error.contains("line"),
        "{error}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_cameo_code_has_its_parents_and_a_plover_reading() {
    let kb = shipped();
    let codes = kb.cameo_codes();
    assert!(codes.len() >= 280, "all CAMEO 1.1b3 codes: {}", codes.len());
    let roots = codes.iter().filter(|c| c.cameo.len() == 2).count();
    assert_eq!(roots, 20);
    for code in codes {
        let parent = &code.cameo[..code.cameo.len().saturating_sub(1).max(2)];
        assert!(
            kb.cameo(parent).is_some(),
            "{} has no parent {parent}",
            code.cameo
        );
    }
    let meet = kb.cameo("036").unwrap();
    assert!(meet.future);
    assert_eq!(kb.cameo("042").unwrap().plover_type, "CONSULT");
    assert_eq!(kb.cameo("057").unwrap().quad_class, 1);
    assert_eq!(kb.cameo("190").unwrap().plover_type, "ASSAULT");
}

#[test]
fn organisations_and_agents_give_codes() {
    let kb = shipped();
    let ids: HashSet<&str> = kb.organisations().iter().map(|o| o.id.as_str()).collect();
    assert_eq!(
        ids.len(),
        kb.organisations().len(),
        "organisation ids are unique"
    );
    for organisation in kb.organisations() {
        let prefix = &organisation.code[..3];
        let known = ["IGO", "NGO"].contains(&prefix) || kb.country(prefix).is_some();
        assert!(known, "{}: code {}", organisation.id, organisation.code);
        if let Some(country) = &organisation.country {
            assert!(
                kb.country(country).is_some(),
                "{}: {country}",
                organisation.id
            );
        }
        for member in &organisation.members {
            assert!(
                kb.country(member).is_some(),
                "{}: {member}",
                organisation.id
            );
        }
    }
    let nato = kb
        .organisations()
        .iter()
        .find(|o| o.aliases.iter().any(|a| a == "NATO"))
        .unwrap();
    assert_eq!(nato.code, "IGONAT");
    let mut words: HashSet<&str> = HashSet::new();
    for agent in kb.agents() {
        for word in &agent.words {
            assert!(words.insert(word), "agent word {word:?} given twice");
        }
    }
    let sector = |word: &str| {
        kb.agents()
            .iter()
            .find(|a| a.words.iter().any(|w| w == word))
            .map(|a| a.sector.as_str())
    };
    assert_eq!(sector("premier"), Some("GOV"));
    assert_eq!(sector("troops"), Some("MIL"));
    assert_eq!(sector("police"), Some("COP"));
}

#[test]
fn patterns_cover_every_cameo_code() {
    let kb = shipped();
    assert!(
        kb.patterns().len() >= 1500,
        "{} patterns",
        kb.patterns().len()
    );
    let mut covered: HashSet<&str> = HashSet::new();
    for pattern in kb.patterns() {
        let code = kb.cameo(&pattern.cameo);
        assert!(
            code.is_some(),
            "{}: no CAMEO code {}",
            pattern.id,
            pattern.cameo
        );
        covered.insert(pattern.cameo.as_str());
    }
    for code in kb.cameo_codes().iter().filter(|c| c.cameo.len() >= 3) {
        assert!(
            covered.contains(code.cameo.as_str()),
            "no pattern for {}",
            code.cameo
        );
    }
}

#[test]
fn places_lie_in_known_countries_and_a_name_is_once_per_country() {
    let kb = shipped();
    assert!(kb.places().len() >= 1_500, "{} places", kb.places().len());
    let mut seen: HashSet<(String, String)> = HashSet::new();
    for place in kb.places() {
        assert!(
            place.country.is_empty() || kb.country(&place.country).is_some(),
            "{}: unknown country {}",
            place.name,
            place.country
        );
        let key = (place.name.clone(), place.country.clone());
        assert!(
            seen.insert(key),
            "{} twice in {}",
            place.name,
            place.country
        );
    }
    let fasher = kb.places().iter().find(|p| p.name == "El Fasher").unwrap();
    assert_eq!(fasher.country, "SDN");
}
