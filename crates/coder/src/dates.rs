//! Event dates from the predicate's temporal modifiers, resolved against the publication date:
//! weekdays by tense ("departed on Monday" -> the Monday on or before publication, "will meet on
//! Thursday" -> the next Thursday), "yesterday", "last week", "on Oct. 30", "in 2019".

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::parsed::Parsed;

/// An event's date with the words it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDate {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub value: String,
    /// `day`, `month` or `year`.
    pub precision: String,
    /// The date phrase.
    pub text: String,
    /// First byte of the phrase.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// Whether the event lies before publication, after it, or is not told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Done ("departed").
    Past,
    /// To come ("will meet").
    Future,
}

/// The date given by the temporal modifiers of `word`, if any.
pub fn date_of(
    parsed: &Parsed,
    word: usize,
    tense: Tense,
    published: NaiveDate,
) -> Option<EventDate> {
    for &child in &parsed.children[word] {
        let relation = parsed.full_relation(child);
        // "talks on Tuesday": a noun's date hangs on it as a modifier.
        let noun = matches!(parsed.upos(word), "NOUN" | "PROPN");
        let temporal = relation.starts_with("obl")
            || relation.ends_with(":tmod")
            || relation == "advmod"
            || relation == "nmod:npmod"
            || (noun && relation == "nmod");
        if !temporal {
            continue;
        }
        // "before talks on Tuesday" dates the talks, not the verb they hang on: the words of
        // the modifier without the phrases nested in it.
        let nested: Vec<usize> = parsed
            .children_with(child, "nmod")
            .flat_map(|n| parsed.phrase(n))
            .collect();
        let phrase: Vec<usize> = parsed
            .phrase(child)
            .into_iter()
            .filter(|w| !nested.contains(w))
            .collect();
        let words: Vec<String> = phrase.iter().map(|&w| parsed.form(w).to_string()).collect();
        if let Some((value, precision)) = resolve(&words, tense, published) {
            let first = *phrase.first()?;
            let last = *phrase.last()?;
            let (start, end) = parsed.span(first, last);
            return Some(EventDate {
                value,
                precision: precision.to_string(),
                text: parsed.text[start..end].to_string(),
                start,
                end,
            });
        }
    }
    None
}

/// The date a phrase names, as (value, precision).
fn resolve(words: &[String], tense: Tense, published: NaiveDate) -> Option<(String, &'static str)> {
    let lower: Vec<String> = words
        .iter()
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let has = |w: &str| lower.iter().any(|x| x == w);
    let day = |date: NaiveDate| Some((date.format("%Y-%m-%d").to_string(), "day"));
    if has("yesterday") {
        return day(published - Duration::days(1));
    }
    if has("today") {
        return day(published);
    }
    if has("tomorrow") {
        return day(published + Duration::days(1));
    }
    if let Some(weekday) = lower.iter().find_map(|w| weekday(w)) {
        return day(nearest_weekday(published, weekday, tense));
    }
    if has("week") || has("month") {
        let shift = if has("last") {
            -1
        } else if has("next") {
            1
        } else {
            return None;
        };
        let date = if has("week") {
            published + Duration::days(7 * shift)
        } else {
            shift_month(published, shift as i32)?
        };
        return Some((date.format("%Y-%m").to_string(), "month"));
    }
    if let Some(month) = lower.iter().find_map(|w| month(w)) {
        let day_number = lower
            .iter()
            .find_map(|w| w.parse::<u32>().ok().filter(|d| (1..=31).contains(d)));
        let year = lower
            .iter()
            .find_map(|w| w.parse::<i32>().ok().filter(|y| (1900..=2100).contains(y)));
        let year = year.unwrap_or_else(|| guess_year(published, month, tense));
        return match day_number {
            Some(d) => day(NaiveDate::from_ymd_opt(year, month, d)?),
            None => Some((format!("{year:04}-{month:02}"), "month")),
        };
    }
    let year = lower
        .iter()
        .find_map(|w| w.parse::<i32>().ok().filter(|y| (1900..=2100).contains(y)))?;
    (has("in") || lower.len() == 1).then(|| (format!("{year:04}"), "year"))
}

/// The weekday a word names ("Monday", "Tues.").
fn weekday(word: &str) -> Option<Weekday> {
    let number = dyad_core::calendar::weekday_number(word)?;
    Weekday::try_from(u8::try_from(number).ok()?).ok()
}

/// The month a word names ("Oct.", "October", "Sept").
fn month(word: &str) -> Option<u32> {
    dyad_core::calendar::month_number(word)
}

/// The weekday on or before publication for past events, after it for future ones.
fn nearest_weekday(published: NaiveDate, weekday: Weekday, tense: Tense) -> NaiveDate {
    let today = published.weekday().num_days_from_monday() as i64;
    let wanted = weekday.num_days_from_monday() as i64;
    match tense {
        Tense::Past => published - Duration::days((today - wanted).rem_euclid(7)),
        Tense::Future => {
            let ahead = (wanted - today).rem_euclid(7);
            published + Duration::days(if ahead == 0 { 7 } else { ahead })
        }
    }
}

fn shift_month(date: NaiveDate, shift: i32) -> Option<NaiveDate> {
    let months = date.year() * 12 + date.month0() as i32 + shift;
    NaiveDate::from_ymd_opt(months.div_euclid(12), months.rem_euclid(12) as u32 + 1, 1)
}

/// A month without a year: this year, unless that puts a past event after publication (last
/// year) or a future one before it (next year).
fn guess_year(published: NaiveDate, month: u32, tense: Tense) -> i32 {
    let year = published.year();
    match tense {
        Tense::Past if month > published.month() => year - 1,
        Tense::Future if month < published.month() => year + 1,
        _ => year,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(words: &str, tense: Tense) -> Option<(String, &'static str)> {
        let published = NaiveDate::from_ymd_opt(2025, 10, 28).unwrap(); // a Tuesday
        let words: Vec<String> = words.split(' ').map(str::to_string).collect();
        resolve(&words, tense, published)
    }

    #[test]
    fn weekdays_follow_the_tense() {
        assert_eq!(on("on Monday", Tense::Past).unwrap().0, "2025-10-27");
        assert_eq!(on("on Tuesday", Tense::Past).unwrap().0, "2025-10-28");
        assert_eq!(on("on Thursday", Tense::Future).unwrap().0, "2025-10-30");
        assert_eq!(on("on Tuesday", Tense::Future).unwrap().0, "2025-11-04");
    }

    #[test]
    fn relative_days_months_and_years() {
        assert_eq!(on("yesterday", Tense::Past).unwrap().0, "2025-10-27");
        assert_eq!(
            on("last week", Tense::Past).unwrap(),
            ("2025-10".to_string(), "month")
        );
        assert_eq!(on("on Oct. 30", Tense::Past).unwrap().0, "2025-10-30");
        assert_eq!(on("on Dec. 3", Tense::Past).unwrap().0, "2024-12-03");
        assert_eq!(
            on("in 2019", Tense::Past).unwrap(),
            ("2019".to_string(), "year")
        );
        assert_eq!(on("in Geneva", Tense::Past), None);
    }
}
