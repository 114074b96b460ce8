//! Language identification of article bodies.

/// How much of a body is looked at: enough for a sure guess, cheap on long articles.
const SAMPLE_BYTES: usize = 4096;

/// The ISO 639-1 code of the body's language, when the detector is sure of it.
pub(crate) fn detect(body: &str) -> Option<String> {
    let sample = &body[..floor_char_boundary(body, SAMPLE_BYTES)];
    // The character trigrams whatlang weighs mislead it on short English text ("A suicide
    // bomber blew himself up at a market ..." came out a sure Catalan): English function
    // words settle it first.
    if reads_as_english(sample) {
        return Some("en".to_string());
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() {
        return None;
    }
    Some(iso_639_1(info.lang().code()).to_string())
}

/// Whether at least one word in six of `sample` (and two words at least) is an English
/// function word that no other language the detector knows writes the same way.
fn reads_as_english(sample: &str) -> bool {
    const FUNCTION_WORDS: [&str; 35] = [
        "the", "of", "and", "to", "was", "were", "with", "said", "for", "from", "that", "has",
        "have", "had", "his", "her", "its", "their", "after", "by", "at", "on", "up", "he", "she",
        "it", "is", "will", "who", "which", "this", "been", "would", "they", "himself",
    ];
    let words: Vec<String> = sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let english = words
        .iter()
        .filter(|w| FUNCTION_WORDS.contains(&w.as_str()))
        .count();
    english >= 2 && english * 6 >= words.len()
}

/// The primary subtag of a declared language tag ("en-GB" -> "en"), if it looks like one.
pub(crate) fn primary_subtag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 && primary.chars().all(|c| c.is_ascii_lowercase())).then_some(primary)
}

fn floor_char_boundary(text: &str, max: usize) -> usize {
    if max >= text.len() {
        return text.len();
    }
    (0..=max)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// whatlang names languages in ISO 639-3; articles and users speak ISO 639-1.
fn iso_639_1(code: &str) -> &str {
    const TABLE: &[(&str, &str)] = &[
        ("afr", "af"),
        ("aka", "ak"),
        ("amh", "am"),
        ("ara", "ar"),
        ("aze", "az"),
        ("bel", "be"),
        ("ben", "bn"),
        ("bul", "bg"),
        ("cat", "ca"),
        ("ces", "cs"),
        ("cmn", "zh"),
        ("dan", "da"),
        ("deu", "de"),
        ("ell", "el"),
        ("eng", "en"),
        ("epo", "eo"),
        ("est", "et"),
        ("fin", "fi"),
        ("fra", "fr"),
        ("guj", "gu"),
        ("heb", "he"),
        ("hin", "hi"),
        ("hrv", "hr"),
        ("hun", "hu"),
        ("hye", "hy"),
        ("ind", "id"),
        ("ita", "it"),
        ("jav", "jv"),
        ("jpn", "ja"),
        ("kan", "kn"),
        ("kat", "ka"),
        ("khm", "km"),
        ("kor", "ko"),
        ("lat", "la"),
        ("lav", "lv"),
        ("lit", "lt"),
        ("mal", "ml"),
        ("mar", "mr"),
        ("mkd", "mk"),
        ("mya", "my"),
        ("nep", "ne"),
        ("nld", "nl"),
        ("nob", "nb"),
        ("ori", "or"),
        ("pan", "pa"),
        ("pes", "fa"),
        ("pol", "pl"),
        ("por", "pt"),
        ("ron", "ro"),
        ("rus", "ru"),
        ("sin", "si"),
        ("slk", "sk"),
        ("slv", "sl"),
        ("sna", "sn"),
        ("spa", "es"),
        ("srp", "sr"),
        ("swe", "sv"),
        ("tam", "ta"),
        ("tel", "te"),
        ("tgl", "tl"),
        ("tha", "th"),
        ("tuk", "tk"),
        ("tur", "tr"),
        ("ukr", "uk"),
        ("urd", "ur"),
        ("uzb", "uz"),
        ("vie", "vi"),
        ("yid", "yi"),
        ("zul", "zu"),
    ];
    TABLE
        .iter()
        .find(|(three, _)| *three == code)
        .map_or(code, |(_, two)| two)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_english_and_german() {
        let english = "The foreign ministers met in Geneva on Tuesday and agreed to resume talks on a ceasefire next week.";
        let german = "Die Außenminister trafen sich am Dienstag in Genf und vereinbarten, die Gespräche über eine Waffenruhe fortzusetzen.";
        assert_eq!(detect(english).as_deref(), Some("en"));
        assert_eq!(detect(german).as_deref(), Some("de"));
        let short = "A suicide bomber blew himself up at a market in Somalia's capital on Monday.";
        assert_eq!(detect(short).as_deref(), Some("en"));
        let french = "Les ministres des Affaires étrangères se sont réunis mardi à Genève et ont convenu de reprendre les pourparlers.";
        let spanish = "Los ministros de Exteriores se reunieron el martes en Ginebra y acordaron reanudar las conversaciones.";
        assert_eq!(detect(french).as_deref(), Some("fr"));
        assert_eq!(detect(spanish).as_deref(), Some("es"));
    }

    #[test]
    fn declared_tags() {
        assert_eq!(primary_subtag("en-GB").as_deref(), Some("en"));
        assert_eq!(primary_subtag("x"), None);
    }
}
