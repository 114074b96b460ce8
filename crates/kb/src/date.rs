//! Dates as the knowledge base writes them: a day ("2025-10-21"), or only a month ("2019-05")
//! or a year ("2015") when the exact day is not known.

use std::fmt;

/// A calendar day, ordered by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// Year.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A date as written in the knowledge base, possibly only to the month or year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KbDate {
    /// The first day the written date can mean ("2019-05" -> 2019-05-01).
    pub earliest: Day,
    /// The last day it can mean ("2019-05" -> 2019-05-31).
    pub latest: Day,
}

impl KbDate {
    /// Reads `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `None` for anything else or an impossible day.
    pub fn parse(text: &str) -> Option<KbDate> {
        let parts: Vec<&str> = text.trim().split('-').collect();
        let number = |part: &str, digits: usize| {
            (part.len() == digits && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<i32>().ok())
                .flatten()
        };
        let year = number(parts.first()?, 4)?;
        let month_range = match parts.get(1) {
            Some(part) => {
                let month = u8::try_from(number(part, 2)?).ok()?;
                (1..=12).contains(&month).then_some((month, month))?
            }
            None => (1, 12),
        };
        let (first_month, last_month) = month_range;
        let (first_day, last_day) = match parts.get(2) {
            Some(part) => {
                let day = u8::try_from(number(part, 2)?).ok()?;
                (day >= 1 && day <= days_in_month(year, first_month)).then_some((day, day))?
            }
            None => (1, days_in_month(year, last_month)),
        };
        if parts.len() > 3 {
            return None;
        }
        Some(KbDate {
            earliest: Day {
                year,
                month: first_month,
                day: first_day,
            },
            latest: Day {
                year,
                month: last_month,
                day: last_day,
            },
        })
    }
}

/// Days in `month` of `year` (Gregorian).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u8, day: u8) -> Day {
        Day { year, month, day }
    }

    #[test]
    fn reads_days_months_and_years() {
        let exact = KbDate::parse("2025-10-21").unwrap();
        assert_eq!(
            (exact.earliest, exact.latest),
            (day(2025, 10, 21), day(2025, 10, 21))
        );
        let month = KbDate::parse("2024-02").unwrap();
        assert_eq!(
            (month.earliest, month.latest),
            (day(2024, 2, 1), day(2024, 2, 29))
        );
        let year = KbDate::parse("2015").unwrap();
        assert_eq!(
            (year.earliest, year.latest),
            (day(2015, 1, 1), day(2015, 12, 31))
        );
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for bad in [
            "",
            "2025-13",
            "2025-02-30",
            "25-01-01",
            "2025-1-1",
            "2025-01-01-01",
            "soon",
        ] {
            assert_eq!(KbDate::parse(bad), None, "{bad}");
        }
    }
}
