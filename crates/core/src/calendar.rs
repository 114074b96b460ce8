//! Month and weekday names as news writes them ("Oct.", "October", "Tues"), shared by the
//! readers of publication dates and the coder's reading of event dates.

/// Month names; a word matches when it is the full name or at least its first three letters.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names, Monday first.
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The month (1 to 12) a word names ("Oct", "October", "Sept"), any case, a final period
/// allowed.
pub fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    if word.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|name| is_name_or_abbreviation(word, name))
        .map(|i| i as u32 + 1)
}

/// The weekday (0 = Monday to 6 = Sunday) a word names ("Tue", "Tuesday"), any case.
pub fn weekday_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    WEEKDAYS
        .iter()
        .position(|name| is_name_or_abbreviation(word, name))
        .map(|i| i as u32)
}

/// "Oct", "October", "Tue", "Tues": a prefix of the name at least three letters long.
fn is_name_or_abbreviation(word: &str, name: &str) -> bool {
    word.len() >= 3
        && word.len() <= name.len()
        && name.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_abbreviations() {
        assert_eq!(month_number("Oct."), Some(10));
        assert_eq!(month_number("september"), Some(9));
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(weekday_number("Tues"), Some(1));
        assert_eq!(weekday_number("Sunday"), Some(6));
        assert_eq!(weekday_number("sun"), Some(6));
        assert_eq!(weekday_number("Mon-"), None);
    }
}
