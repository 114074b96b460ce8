//! Precision, recall and F1 of coded events against gold events, at the three levels the coder
//! issue names: PLOVER type; type with source and target countries; CAMEO code to three digits.
//! Events are compared within an item as multisets, so an event coded twice counts once right
//! and once wrong. Figures are in percent, as every other score dyad prints.

use std::collections::HashMap;

pub use dyad_text::eval::Counts;

/// What scoring needs of an event, gold or coded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventKey {
    /// CAMEO code ("0361").
    pub cameo: String,
    /// PLOVER type ("AGREE").
    pub plover: String,
    /// Source countries (or IGO codes), in any order.
    pub source: Vec<String>,
    /// Target countries (or IGO codes), in any order.
    pub target: Vec<String>,
}

impl EventKey {
    /// The key of a gold event.
    pub fn from_gold(event: &crate::gold::GoldEvent) -> EventKey {
        EventKey {
            cameo: event.cameo.clone(),
            plover: event.plover.clone(),
            source: event.source.clone(),
            target: event.target.clone(),
        }
    }

    /// The key of a coded event: each actor by its country (an IGO by its code).
    pub fn from_event(event: &crate::Event) -> EventKey {
        let countries = |actors: &[crate::actors::Actor]| {
            actors
                .iter()
                .map(crate::actors::Actor::country_or_code)
                .collect()
        };
        EventKey {
            cameo: event.cameo.clone(),
            plover: event.plover.kind.clone(),
            source: countries(&event.source),
            target: countries(&event.target),
        }
    }
}

/// The three levels of agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Same PLOVER type.
    Type,
    /// Same PLOVER type and the same source and target countries.
    TypeAndDyad,
    /// Same CAMEO code to three digits.
    Cameo3,
}

impl Level {
    /// Every level, in the order they are reported.
    pub const ALL: [Level; 3] = [Level::Type, Level::TypeAndDyad, Level::Cameo3];

    /// How the level is named in reports.
    pub fn name(self) -> &'static str {
        match self {
            Level::Type => "PLOVER type",
            Level::TypeAndDyad => "type + source and target countries",
            Level::Cameo3 => "CAMEO code, 3 digits",
        }
    }

    fn key(self, event: &EventKey) -> String {
        let countries = |list: &[String]| {
            let mut sorted = list.to_vec();
            sorted.sort();
            sorted.dedup();
            sorted.join(",")
        };
        match self {
            Level::Type => event.plover.clone(),
            Level::TypeAndDyad => format!(
                "{}|{}|{}",
                event.plover,
                countries(&event.source),
                countries(&event.target)
            ),
            Level::Cameo3 => event.cameo.chars().take(3).collect(),
        }
    }
}

/// Adds one item's agreement at `level` to `counts`.
pub fn add_item(counts: &mut Counts, level: Level, gold: &[EventKey], coded: &[EventKey]) {
    let mut remaining: HashMap<String, usize> = HashMap::new();
    for event in gold {
        *remaining.entry(level.key(event)).or_default() += 1;
    }
    for event in coded {
        if let Some(left) = remaining.get_mut(&level.key(event))
            && *left > 0
        {
            *left -= 1;
            counts.correct += 1;
        }
    }
    counts.system += coded.len();
    counts.gold += gold.len();
}

/// Scores items given as (gold events, coded events) at every level.
pub fn score<'a>(
    items: impl IntoIterator<Item = (&'a [EventKey], &'a [EventKey])>,
) -> [(Level, Counts); 3] {
    let mut all = Level::ALL.map(|level| (level, Counts::default()));
    for (gold, coded) in items {
        for (level, counts) in &mut all {
            add_item(counts, *level, gold, coded);
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(cameo: &str, plover: &str, source: &[&str], target: &[&str]) -> EventKey {
        let list = |codes: &[&str]| codes.iter().map(|c| c.to_string()).collect();
        EventKey {
            cameo: cameo.to_string(),
            plover: plover.to_string(),
            source: list(source),
            target: list(target),
        }
    }

    #[test]
    fn levels_count_what_they_compare() {
        let gold = [
            event("042", "CONSULT", &["USA"], &["JPN"]),
            event("057", "AGREE", &["USA"], &["KHM", "THA"]),
        ];
        let coded = [
            event("040", "CONSULT", &["USA"], &["JPN"]),
            event("0571", "AGREE", &["USA"], &["THA", "KHM"]),
            event("057", "AGREE", &["USA"], &["KHM", "THA"]),
        ];
        let [(_, by_type), (_, by_dyad), (_, by_cameo)] = score([(&gold[..], &coded[..])]);
        assert_eq!((by_type.correct, by_type.system, by_type.gold), (2, 3, 2));
        assert_eq!(by_dyad.correct, 2, "list order does not matter");
        assert_eq!(
            by_cameo.correct, 1,
            "040 is not 042; a duplicate 057 counts once"
        );
        assert!((by_type.precision() - 200.0 / 3.0).abs() < 1e-9);
        assert!((by_type.recall() - 100.0).abs() < 1e-9);
        assert!((by_type.f1() - 80.0).abs() < 1e-9);
    }

    #[test]
    fn nothing_to_find_and_nothing_found_is_perfect() {
        let [(_, counts), ..] = score([(&[][..], &[][..])]);
        assert_eq!(counts.f1(), 100.0);
        let stray = [event("190", "ASSAULT", &["RUS"], &["UKR"])];
        let [(_, counts), ..] = score([(&[][..], &stray[..])]);
        assert_eq!((counts.precision(), counts.recall()), (0.0, 100.0));
    }
}
