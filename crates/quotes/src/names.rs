//! Names of people in an annotated document: as the entity recognizer found them, as runs of
//! capitalised words, and without the titles before them ("Kenyan President William Ruto" ->
//! "William Ruto").

use dyad_core::Doc;

/// The people the entity recognizer found, in text order: (start byte, name).
pub(crate) fn people(doc: &Doc) -> Vec<(usize, String)> {
    let mut found: Vec<(usize, String)> = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    for (index, token) in doc.tokens.iter().enumerate() {
        let inside = token.ner == "I-PER" && current.is_some();
        if inside {
            if let Some((_, end)) = current.as_mut() {
                *end = token.span.end;
            }
            continue;
        }
        if let Some((start, end)) = current.take() {
            found.push((start, doc.text[start..end].to_string()));
        }
        // "Henning Vogt" with "Henning" tagged a verb is still a name, as the recognizer
        // goes on into the next word.
        let capitalised = token.span.of(&doc.text).starts_with(char::is_uppercase);
        let continued = doc
            .tokens
            .get(index + 1)
            .is_some_and(|next| next.ner == "I-PER");
        if token.ner.ends_with("-PER") && (token.upos == "PROPN" || (capitalised && continued)) {
            current = Some((token.span.start, token.span.end));
        }
    }
    if let Some((start, end)) = current {
        found.push((start, doc.text[start..end].to_string()));
    }
    // The recognizer sometimes takes an institution for a person ("Autonomous Bougainville
    // Government").
    found.retain(|(_, name)| !name.split_whitespace().last().is_some_and(is_institution));
    // Possessive endings and titles are not part of a name.
    for (start, name) in &mut found {
        let (offset, bare) = without_titles(name);
        *start += offset;
        *name = bare.to_string();
        for suffix in ["'s", "’s"] {
            if let Some(stripped) = name.strip_suffix(suffix) {
                *name = stripped.to_string();
            }
        }
    }
    found
}

/// A name without the words up to its last title, and the byte offset of what is left:
/// "Kenyan President William Ruto" -> (15, "William Ruto"). A name that is all titles stays.
pub(crate) fn without_titles(name: &str) -> (usize, &str) {
    let mut offset = 0;
    let mut rest = name;
    let mut cut = None;
    while let Some((word, after)) = rest.split_once(' ') {
        offset += word.len() + 1;
        rest = after;
        if is_title(word) {
            cut = Some(offset);
        }
    }
    match cut {
        Some(at) => (at, &name[at..]),
        None => (0, name),
    }
}

/// Capitalised words that are titles before a name ("President", "Minister").
pub(crate) fn is_title(word: &str) -> bool {
    matches!(
        word,
        "President"
            | "Minister"
            | "Secretary"
            | "Chancellor"
            | "Premier"
            | "Spokesman"
            | "Spokeswoman"
            | "Spokesperson"
            | "General"
            | "Gen."
            | "Leader"
            | "Chief"
            | "Ambassador"
            | "Envoy"
            | "Governor"
            | "Mayor"
            | "Senator"
            | "Rep."
            | "Sen."
            | "King"
            | "Queen"
            | "Prince"
            | "Emir"
            | "Sheikh"
            | "Pope"
            | "Commissioner"
            | "Director"
            | "Director-General"
            | "Secretary-General"
            | "Speaker"
            | "Judge"
            | "Representative"
            | "Justice"
            | "Rights"
            | "State"
            | "Trade"
            | "Foreign"
            | "Defence"
            | "Defense"
            | "Interior"
            | "Finance"
            | "Prime"
            | "Vice"
            | "Deputy"
            | "Commander"
            | "Chairman"
            | "Chair"
            | "Dr."
            | "Mr."
            | "Mrs."
            | "Ms."
            | "Dr"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Prof"
            | "Lawmaker"
            | "Human"
            | "High"
            | "Superintendent"
            | "Inspector"
            | "Colonel"
            | "Col."
            | "Lieutenant"
            | "Lt."
            | "Captain"
            | "Capt."
            | "Admiral"
            | "Adm."
            | "Sergeant"
            | "Brigadier"
            | "Marshal"
            | "Archbishop"
            | "Bishop"
            | "Cardinal"
            | "Rabbi"
            | "Imam"
            | "Professor"
            | "Prof."
            | "Ombudsman"
            | "Attorney"
            | "Prosecutor"
            | "Mufti"
            | "Officer"
            | "Chairperson"
            | "Chairwoman"
            | "Congressman"
            | "Congresswoman"
            | "Councillor"
            | "Councilor"
            | "Assemblyman"
            | "Assemblywoman"
            | "Major"
            | "Maj."
            | "Executive"
            | "CEO"
            | "Father"
            | "Pastor"
            | "Reverend"
            | "Rev."
            | "Ayatollah"
            | "Mullah"
            | "Maulana"
            | "Mahant"
            | "Swami"
            | "Patriarch"
    )
}

/// Words for institutions, never people: they end an institution's name ("Autonomous
/// Bougainville Government") or head its description ("the health ministry", "its statement").
const INSTITUTION_WORDS: &[&str] = &[
    "government",
    "ministry",
    "commission",
    "council",
    "union",
    "party",
    "army",
    "forces",
    "front",
    "movement",
    "organization",
    "organisation",
    "agency",
    "bank",
    "court",
    "parliament",
    "assembly",
    "office",
    "department",
    "committee",
    "association",
    "federation",
    "institute",
    "university",
    "authority",
    "police",
    "fund",
    "league",
    "alliance",
    "coalition",
    "frontières",
    "frontieres",
    "centre",
    "center",
    "service",
    "board",
    "statement",
    "military",
    "group",
    "company",
    "embassy",
    "administration",
    "bloc",
    "campaign",
    "report",
    "media",
    "authorities",
    "junta",
    "mission",
    "corporation",
    "confederation",
    "chamber",
    "minerals",
    "mining",
    "resources",
    "holdings",
    "industries",
    "airlines",
    "airways",
    "petroleum",
    "motors",
    "technologies",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "corp",
    "corp.",
    "plc",
    "cabinet",
];

/// Whether a word, in any case, is one of the [`INSTITUTION_WORDS`].
pub(crate) fn is_institution(word: &str) -> bool {
    INSTITUTION_WORDS.contains(&word.to_lowercase().as_str())
}

/// Words after a name that are part of it: "Ferdinand Marcos Jr.".
pub(crate) fn is_name_suffix(word: &str) -> bool {
    matches!(word, "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III")
}

/// Lowercase words inside names: "al-Ansari", "bin Salman", "da Silva", "von der Leyen".
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "de", "da", "das", "do", "dos", "del", "della", "di", "du",
    "van", "von", "der", "den", "la", "le", "ul", "dela", "delos", "los", "las", "ter", "ten",
    "zu",
];

/// Whether a lowercase word can stand inside a name: "Annelies de Wit", "Ahmed al-Tayeb".
pub(crate) fn is_name_particle(word: &str) -> bool {
    NAME_PARTICLES.contains(&word)
}

/// Runs of two or more capitalised proper nouns (joined by in-word hyphens: "Lee Jae-myung"),
/// each without the titles before it: "Kenyan President William Ruto" -> "William Ruto", and
/// whether a title came before it.
pub(crate) fn name_runs(doc: &Doc) -> Vec<(usize, String, bool)> {
    let mut found = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let mut flush = |run: &mut Vec<usize>| {
        let title = run
            .iter()
            .rposition(|&i| is_title(doc.tokens[i].span.of(&doc.text)));
        let after_title = title.map_or(0, |p| p + 1);
        let words = &run[after_title..];
        // "spokesman Yahya Saree": a lowercase title before the run.
        let lowercase_title = run.first().is_some_and(|&first| {
            first > 0 && {
                let before = &doc.tokens[first - 1];
                before.upos == "NOUN" && starts_lowercase(before.span.of(&doc.text))
            }
        });
        let capitalised_words = words
            .iter()
            .filter(|&&i| doc.tokens[i].span.of(&doc.text) != "-")
            .count();
        if capitalised_words >= 2 {
            let start = doc.tokens[words[0]].span.start;
            let end = doc.tokens[*words.last().unwrap_or(&words[0])].span.end;
            let titled = title.is_some() || lowercase_title;
            found.push((start, doc.text[start..end].to_string(), titled));
        }
        run.clear();
    };
    for (index, token) in doc.tokens.iter().enumerate() {
        let form = token.span.of(&doc.text);
        let joined_to_previous = run
            .last()
            .is_some_and(|&p| doc.tokens[p].span.end == token.span.start);
        let previous_is_hyphen = run
            .last()
            .is_some_and(|&p| doc.tokens[p].span.of(&doc.text) == "-");
        let capitalised =
            token.upos == "PROPN" && form.chars().next().is_some_and(char::is_uppercase);
        // "Majed al-Ansari", "Mohammed bin Salman", "Ferdinand Marcos Jr.": particles inside a
        // name and suffixes after it.
        // "van der Meulen": a particle may follow another.
        let next_capitalised = doc.tokens[index + 1..]
            .iter()
            .map(|next| next.span.of(&doc.text))
            .find(|next| !NAME_PARTICLES.contains(next))
            .is_some_and(|next| next.chars().next().is_some_and(char::is_uppercase) || next == "-");
        let particle = !run.is_empty() && NAME_PARTICLES.contains(&form) && next_capitalised;
        let suffix = !run.is_empty() && is_name_suffix(form);
        let in_name = capitalised
            || particle
            || suffix
            || (form == "-" && joined_to_previous)
            || (previous_is_hyphen && joined_to_previous && form.chars().all(char::is_alphabetic));
        if in_name {
            run.push(index);
        } else {
            flush(&mut run);
        }
    }
    flush(&mut run);
    found
}

pub(crate) fn strip_article(text: &str) -> &str {
    for article in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = text.strip_prefix(article) {
            return rest;
        }
    }
    text
}

/// Whether a word is a capitalised article, which opens a phrase but is no part of a name.
pub(crate) fn is_article(word: &str) -> bool {
    matches!(word, "The" | "A" | "An")
}

pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

pub(crate) fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}
