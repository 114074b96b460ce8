//! The gold set in `tests/gold/` is well formed and covers what the coder issue asks: at least
//! 300 items, every CAMEO root at least 8 times, every modality, at least 8 articles, a quarter
//! held out, and only codes the knowledge base knows.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use dyad_coder::gold::{self, GoldItem, MODALITIES, Split};
use dyad_kb::{Kb, KbDate};

fn items() -> Vec<GoldItem> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/gold");
    gold::read_dir(&dir).unwrap_or_else(|error| panic!("{error}"))
}

fn kb() -> Kb {
    Kb::load(&[Kb::shipped_dir()]).unwrap_or_else(|error| panic!("{error}"))
}

#[test]
fn every_event_uses_codes_the_knowledge_base_knows() {
    let (items, kb) = (items(), kb());
    let mut ids = HashSet::new();
    for item in &items {
        assert!(ids.insert(item.id.as_str()), "{}: id given twice", item.id);
        assert!(KbDate::parse(&item.date).is_some(), "{}: date", item.id);
        for event in &item.events {
            let code = kb
                .cameo(&event.cameo)
                .unwrap_or_else(|| panic!("{}: no CAMEO code {}", item.id, event.cameo));
            assert_eq!(
                code.plover_type, event.plover,
                "{}: {}",
                item.id, event.cameo
            );
            assert!(MODALITIES.contains(&event.modality.as_str()), "{}", item.id);
            for country in event.source.iter().chain(&event.target) {
                // An international or non-governmental organisation stands as its own code.
                let organisation = country.starts_with("IGO") || country.starts_with("NGO");
                let known = organisation || kb.country(country).is_some();
                assert!(known, "{}: actor country {country}", item.id);
            }
            if let Some(date) = &event.date {
                assert!(
                    KbDate::parse(date).is_some(),
                    "{}: event date {date}",
                    item.id
                );
            }
        }
    }
}

#[test]
fn the_set_covers_what_the_coder_must_handle() {
    let items = items();
    assert!(items.len() >= 300, "{} items", items.len());
    let articles = items
        .iter()
        .filter(|item| item.text.contains("\n\n"))
        .count();
    assert!(articles >= 8, "{articles} articles");
    let held_out = items.iter().filter(|i| i.split == Split::HeldOut).count();
    let share = held_out as f64 / items.len() as f64;
    assert!((0.2..=0.3).contains(&share), "held out {share:.2}");
    let mut roots: HashMap<&str, usize> = HashMap::new();
    let mut modalities: HashSet<&str> = HashSet::new();
    for event in items.iter().flat_map(|item| &item.events) {
        *roots.entry(&event.cameo[..2]).or_default() += 1;
        modalities.insert(event.modality.as_str());
    }
    for root in 1..=20 {
        let root = format!("{root:02}");
        let count = roots.get(root.as_str()).copied().unwrap_or(0);
        assert!(count >= 8, "CAMEO root {root}: {count} events");
    }
    for modality in MODALITIES {
        assert!(modalities.contains(modality), "no {modality} event");
    }
    let nothing = items.iter().filter(|item| item.events.is_empty()).count();
    assert!(
        nothing >= 20,
        "{nothing} items where nothing should be coded"
    );
}
