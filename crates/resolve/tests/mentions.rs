//! Names of the shipped knowledge base found in wire-style sentences written for these tests.

use std::sync::OnceLock;

use dyad_kb::Kb;
use dyad_resolve::{CountryName, Gazetteer, Referent};

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let kb = Kb::load(&[Kb::shipped_dir()]).unwrap_or_else(|error| panic!("{error}"));
        Gazetteer::new(&kb)
    })
}

/// (mention text, referents) for a sentence, tokenized as articles are.
fn mentions(sentence: &str) -> Vec<(String, Vec<Referent>)> {
    let doc = dyad_text::tokenize(sentence);
    let tokens: Vec<&str> = doc.tokens.iter().map(|t| t.span.of(&doc.text)).collect();
    gazetteer()
        .find(&tokens)
        .into_iter()
        .map(|m| (tokens[m.start..m.end].join(" "), m.referents))
        .collect()
}

fn country(code: &str, how: CountryName) -> Referent {
    Referent::Country {
        code: code.to_string(),
        how,
    }
}

#[test]
fn leaders_countries_and_capitals() {
    let found = mentions(
        "Japanese Prime Minister Sanae Takaichi hosted U.S. President Donald Trump in Tokyo.",
    );
    let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Japanese",
            "Prime Minister",
            "Sanae Takaichi",
            "U.S.",
            "President",
            "Donald Trump",
            "Tokyo"
        ]
    );
    assert_eq!(found[0].1, [country("JPN", CountryName::Demonym)]);
    assert_eq!(found[1].1, [Referent::Agent("GOV".to_string())]);
    assert_eq!(found[2].1, [Referent::Person("sanae-takaichi".to_string())]);
    assert_eq!(found[3].1, [country("USA", CountryName::Name)]);
    assert_eq!(found[6].1, [country("JPN", CountryName::Capital)]);
}

#[test]
fn longest_name_wins_and_case_protects_common_words() {
    let found = mentions("South Korea told us the WHO would help who it could.");
    let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["South Korea", "WHO"]);
    assert_eq!(found[0].1, [country("KOR", CountryName::Name)]);
}

#[test]
fn agent_nouns_match_in_the_plural_and_seats_stand_for_governments() {
    let found = mentions("The Kremlin said Russian troops and Ukrainian police clashed.");
    let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        ["Kremlin", "Russian", "troops", "Ukrainian", "police"]
    );
    assert_eq!(found[0].1, [country("RUS", CountryName::GovernmentSeat)]);
    assert_eq!(found[2].1, [Referent::Agent("MIL".to_string())]);
    assert_eq!(found[4].1, [Referent::Agent("COP".to_string())]);
}

#[test]
fn headlines_in_capitals_still_name_countries() {
    let found = mentions("JAPAN AND CAMBODIA SIGN TRADE DEAL");
    let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
    assert!(
        texts.contains(&"JAPAN") && texts.contains(&"CAMBODIA"),
        "{texts:?}"
    );
}

#[test]
fn a_region_is_not_its_country() {
    let found =
        mentions("The EU signed a deal with South American countries and Latin American banks.");
    let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
    assert!(!texts.contains(&"American"), "{texts:?}");
}
