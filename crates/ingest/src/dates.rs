//! Lenient parsing of publication dates as they appear in pages, feeds and JSON.
//!
//! Precision is kept: a date alone gives [`Published::Date`], a date and time without a zone
//! [`Published::Local`], with a zone [`Published::Zoned`]. Fractions of a second are dropped so
//! that every value serializes in the canonical `Published` form.

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc,
};
use dyad_core::Published;

/// Years outside this range are taken as a misreading rather than a publication date.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Time-zone abbreviations read as fixed offsets (seconds east of UTC). Ambiguous ones take
/// the reading most common in English-language news: CST is U.S. Central, IST is India.
const ZONE_ABBREVIATIONS: &[(&str, i32)] = &[
    ("UTC", 0),
    ("GMT", 0),
    ("UT", 0),
    ("Z", 0),
    ("WET", 0),
    ("WEST", 3600),
    ("BST", 3600),
    ("CET", 3600),
    ("CEST", 2 * 3600),
    ("MET", 3600),
    ("MEST", 2 * 3600),
    ("EET", 2 * 3600),
    ("EEST", 3 * 3600),
    ("MSK", 3 * 3600),
    ("SAST", 2 * 3600),
    ("CAT", 2 * 3600),
    ("EAT", 3 * 3600),
    ("WAT", 3600),
    ("IST", 5 * 3600 + 1800),
    ("PKT", 5 * 3600),
    ("WIB", 7 * 3600),
    ("ICT", 7 * 3600),
    ("HKT", 8 * 3600),
    ("SGT", 8 * 3600),
    ("PHT", 8 * 3600),
    ("AWST", 8 * 3600),
    ("JST", 9 * 3600),
    ("KST", 9 * 3600),
    ("ACST", 9 * 3600 + 1800),
    ("AEST", 10 * 3600),
    ("AEDT", 11 * 3600),
    ("NZST", 12 * 3600),
    ("NZDT", 13 * 3600),
    ("HST", -10 * 3600),
    ("AKST", -9 * 3600),
    ("AKDT", -8 * 3600),
    ("PST", -8 * 3600),
    ("PDT", -7 * 3600),
    ("MST", -7 * 3600),
    ("MDT", -6 * 3600),
    ("CST", -6 * 3600),
    ("CDT", -5 * 3600),
    ("EST", -5 * 3600),
    ("EDT", -4 * 3600),
    ("AST", -4 * 3600),
    ("ADT", -3 * 3600),
    ("NST", -3 * 3600 - 1800),
    ("BRT", -3 * 3600),
    ("ART", -3 * 3600),
];

/// Words that may surround a date in a byline or meta value and carry no information.
const FILLER_WORDS: &[&str] = &["at", "on", "the", "of", "published", "updated", "posted"];

/// Parses a date or date-time in any common form (RFC 3339, RFC 2822, `2025-10-27 09:30`,
/// `October 27, 2025`, `27 Oct 2025`, Unix seconds). `None` when it cannot be read.
pub fn parse_date(text: &str) -> Option<Published> {
    let text = text.trim();
    if text.is_empty() || text.len() > 100 {
        return None;
    }
    let published = if text.bytes().all(|b| b.is_ascii_digit()) {
        parse_all_digits(text)?
    } else if let Some(published) = parse_numeric(text) {
        published
    } else {
        parse_textual(text)?
    };
    YEARS
        .contains(&published.date().year())
        .then_some(published)
}

/// Unix seconds (10 digits), Unix milliseconds (13 digits) or a compact `YYYYMMDD` date.
fn parse_all_digits(digits: &str) -> Option<Published> {
    let number: i64 = digits.parse().ok()?;
    let instant = match digits.len() {
        8 => {
            return NaiveDate::parse_from_str(digits, "%Y%m%d")
                .ok()
                .map(Published::Date);
        }
        10 => DateTime::<Utc>::from_timestamp(number, 0)?,
        13 => DateTime::<Utc>::from_timestamp_millis(number)?,
        _ => return None,
    };
    Some(Published::Zoned(instant.fixed_offset()))
}

/// A date written with digits first: `2025-10-27`, `2025/10/27`, `27.10.2025`, followed by an
/// optional time and zone in any of the usual notations.
fn parse_numeric(text: &str) -> Option<Published> {
    let (date, mut cursor) = leading_numeric_date(text)?;
    cursor.skip_separator_before_time();
    if cursor.at_end() {
        return Some(Published::Date(date));
    }
    let time = cursor.time()?;
    cursor.skip_spaces();
    let time = cursor.meridiem(time)?;
    cursor.skip_spaces();
    let offset = cursor.zone();
    cursor.skip_spaces();
    cursor.skip_bracketed_zone_name();
    if !cursor.at_end() {
        return None;
    }
    build(date, Some(time), offset)
}

fn leading_numeric_date(text: &str) -> Option<(NaiveDate, Cursor<'_>)> {
    let mut cursor = Cursor::new(text);
    if let Some(date) = cursor.year_month_day() {
        return Some((date, cursor));
    }
    Cursor::new(text).day_month_year_dotted()
}

/// Dates with a month name in any order: `Mon, 27 Oct 2025 09:30:00 GMT`, `October 27, 2025`,
/// `Oct. 27, 2025 9:30 a.m. EDT`, `27 October 2025`, `Mon Oct 27 09:30:00 +0000 2025`.
fn parse_textual(text: &str) -> Option<Published> {
    let mut fields = TextualFields::default();
    let mut cursor = Cursor::new(text);
    loop {
        cursor.skip_while(|b| b.is_ascii_whitespace() || matches!(b, b',' | b'/'));
        cursor.skip_bracketed_zone_name();
        if cursor.at_end() {
            break;
        }
        fields.read_next(&mut cursor)?;
    }
    let date = NaiveDate::from_ymd_opt(fields.year?, fields.month?, fields.day?)?;
    build(date, fields.time, fields.offset)
}

/// What the textual parser has found so far.
#[derive(Default)]
struct TextualFields {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    time: Option<NaiveTime>,
    offset: Option<FixedOffset>,
}

impl TextualFields {
    /// Reads one token at the cursor into the fields; `None` when the token makes no sense.
    fn read_next(&mut self, cursor: &mut Cursor) -> Option<()> {
        let byte = cursor.peek()?;
        if byte.is_ascii_digit() {
            if let Some(time) = cursor.clone().time_if_present() {
                let (time, rest) = time;
                *cursor = rest;
                cursor.skip_spaces();
                self.time = Some(cursor.meridiem(time)?);
                return Some(());
            }
            return self.read_number(cursor);
        }
        if (byte == b'+' || byte == b'-') && self.time.is_some() && self.offset.is_none() {
            self.offset = Some(cursor.numeric_offset()?);
            return Some(());
        }
        if byte == b'-' || byte == b'.' {
            cursor.advance(1);
            return Some(());
        }
        if byte.is_ascii_alphabetic() {
            return self.read_word(cursor);
        }
        None
    }

    fn read_number(&mut self, cursor: &mut Cursor) -> Option<()> {
        let digits = cursor.take_while(|b| b.is_ascii_digit());
        let value: u32 = digits.parse().ok()?;
        let ordinal = cursor.take_while(|b| b.is_ascii_alphabetic());
        if !ordinal.is_empty()
            && !["st", "nd", "rd", "th"]
                .iter()
                .any(|s| ordinal.eq_ignore_ascii_case(s))
        {
            return None;
        }
        match digits.len() {
            4 if self.year.is_none() && ordinal.is_empty() => self.year = Some(value as i32),
            1 | 2 if self.day.is_none() => self.day = Some(value),
            2 if self.year.is_none() && ordinal.is_empty() => {
                self.year = Some(two_digit_year(value))
            }
            _ => return None,
        }
        Some(())
    }

    fn read_word(&mut self, cursor: &mut Cursor) -> Option<()> {
        let word = cursor.take_while(|b| b.is_ascii_alphabetic());
        if cursor.peek() == Some(b'.') {
            cursor.advance(1);
        }
        if let Some(month) = dyad_core::calendar::month_number(word) {
            if self.month.replace(month).is_some() {
                return None;
            }
            return Some(());
        }
        if dyad_core::calendar::weekday_number(word).is_some()
            || FILLER_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
        {
            return Some(());
        }
        let offset = zone_abbreviation(word)?;
        if self.offset.is_some() {
            return None;
        }
        // "GMT+9", "UTC-05:00": the abbreviation is only the base of an explicit offset.
        self.offset = Some(match cursor.peek() {
            Some(b'+' | b'-') => cursor.numeric_offset()?,
            _ => offset,
        });
        Some(())
    }
}

/// RFC 2822's rule for two-digit years.
fn two_digit_year(value: u32) -> i32 {
    if value < 50 {
        2000 + value as i32
    } else {
        1900 + value as i32
    }
}

fn zone_abbreviation(word: &str) -> Option<FixedOffset> {
    let (_, seconds) = ZONE_ABBREVIATIONS
        .iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name))?;
    FixedOffset::east_opt(*seconds)
}

/// Joins the parts into the most precise `Published` they support.
fn build(
    date: NaiveDate,
    time: Option<NaiveTime>,
    offset: Option<FixedOffset>,
) -> Option<Published> {
    let Some(time) = time else {
        // A zone without a time says nothing more than the date.
        return Some(Published::Date(date));
    };
    let local = NaiveDateTime::new(date, time);
    match offset {
        None => Some(Published::Local(local)),
        Some(offset) => offset
            .from_local_datetime(&local)
            .single()
            .map(Published::Zoned),
    }
}

/// A position in the text being parsed. All positions are at ASCII bytes or the end, so
/// slicing never splits a character.
#[derive(Clone)]
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Cursor { text, pos: 0 }
    }

    fn at_end(&self) -> bool {
        self.pos >= self.text.len()
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn advance(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.text.len());
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn take_while(&mut self, keep: impl Fn(u8) -> bool) -> &'a str {
        let start = self.pos;
        self.skip_while(keep);
        &self.text[start..self.pos]
    }

    fn skip_while(&mut self, skip: impl Fn(u8) -> bool) {
        while self.peek().is_some_and(&skip) {
            self.pos += 1;
        }
    }

    fn skip_spaces(&mut self) {
        self.skip_while(|b| b == b' ' || b == b'\t');
    }

    /// Exactly `len` digits.
    fn digits(&mut self, len: usize) -> Option<u32> {
        let end = self.pos + len;
        let digits = self.text.get(self.pos..end)?;
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        self.pos = end;
        digits.parse().ok()
    }

    /// One or two digits.
    fn short_number(&mut self) -> Option<u32> {
        let digits = self.take_while(|b| b.is_ascii_digit());
        if digits.is_empty() || digits.len() > 2 {
            return None;
        }
        digits.parse().ok()
    }

    /// `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYY.MM.DD` (the separator must be the same twice).
    fn year_month_day(&mut self) -> Option<NaiveDate> {
        let year = self.digits(4)? as i32;
        let separator = self.peek().filter(|b| matches!(b, b'-' | b'/' | b'.'))?;
        self.advance(1);
        let month = self.short_number()?;
        if !self.eat(separator) {
            return None;
        }
        let day = self.short_number()?;
        NaiveDate::from_ymd_opt(year, month, day)
    }

    /// `DD.MM.YYYY`, the usual European numeric form; slashes are left alone because
    /// `10/11/2025` means different days in different countries.
    fn day_month_year_dotted(mut self) -> Option<(NaiveDate, Self)> {
        let day = self.short_number()?;
        if !self.eat(b'.') {
            return None;
        }
        let month = self.short_number()?;
        if !self.eat(b'.') {
            return None;
        }
        let year = self.digits(4)? as i32;
        Some((NaiveDate::from_ymd_opt(year, month, day)?, self))
    }

    fn skip_separator_before_time(&mut self) {
        if !self.eat(b'T') && !self.eat(b't') {
            self.skip_while(|b| b.is_ascii_whitespace() || b == b',');
        }
    }

    /// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff` (fraction dropped).
    fn time(&mut self) -> Option<NaiveTime> {
        let hour = self.short_number()?;
        if !self.eat(b':') {
            return None;
        }
        let minute = self.digits(2)?;
        let second = if self.eat(b':') { self.digits(2)? } else { 0 };
        if (self.eat(b'.') || self.eat(b',')) && self.take_while(|b| b.is_ascii_digit()).is_empty()
        {
            return None;
        }
        NaiveTime::from_hms_opt(hour, minute, second)
    }

    /// A time at the cursor, with the cursor after it, if the next token is one.
    fn time_if_present(mut self) -> Option<(NaiveTime, Self)> {
        let time = self.time()?;
        Some((time, self))
    }

    /// Applies a following `AM`/`PM`/`a.m.`/`p.m.`; a 12-hour clock must have hours 1 to 12.
    fn meridiem(&mut self, time: NaiveTime) -> Option<NaiveTime> {
        let rest = &self.text[self.pos..];
        let marker = ["a.m.", "p.m.", "am", "pm", "a.m", "p.m"]
            .into_iter()
            .find(|m| {
                rest.len() >= m.len()
                    && rest.as_bytes()[..m.len()].eq_ignore_ascii_case(m.as_bytes())
            })
            .filter(|m| {
                !rest
                    .as_bytes()
                    .get(m.len())
                    .is_some_and(|b| b.is_ascii_alphabetic())
            });
        let Some(marker) = marker else {
            return Some(time);
        };
        self.advance(marker.len());
        let hour = time.hour();
        if !(1..=12).contains(&hour) {
            return None;
        }
        let is_pm = marker.starts_with(['p', 'P']);
        let hour24 = match (hour, is_pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, false) => h,
            (h, true) => h + 12,
        };
        NaiveTime::from_hms_opt(hour24, time.minute(), time.second())
    }

    /// `Z`, a numeric offset, or a zone abbreviation such as `GMT` or `JST`; `None` when the
    /// text at the cursor is none of those (the cursor is then left where it was).
    fn zone(&mut self) -> Option<FixedOffset> {
        match self.peek()? {
            b'Z' | b'z' => {
                self.advance(1);
                FixedOffset::east_opt(0)
            }
            b'+' | b'-' => {
                let start = self.pos;
                let offset = self.numeric_offset();
                if offset.is_none() {
                    self.pos = start;
                }
                offset
            }
            b if b.is_ascii_alphabetic() => {
                let start = self.pos;
                let word = self.take_while(|b| b.is_ascii_alphabetic());
                let offset = zone_abbreviation(word).map(|base| match self.peek() {
                    Some(b'+' | b'-') => self.numeric_offset(),
                    _ => Some(base),
                });
                match offset {
                    Some(Some(offset)) => Some(offset),
                    _ => {
                        self.pos = start;
                        None
                    }
                }
            }
            _ => None,
        }
    }

    /// `+09:00`, `+0900`, `+09`, `+530`; `-5` after a zone name, as in `GMT-5`.
    fn numeric_offset(&mut self) -> Option<FixedOffset> {
        let sign = match self.peek()? {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        self.advance(1);
        let digits = self.take_while(|b| b.is_ascii_digit());
        let (hours, minutes): (i32, i32) = match digits.len() {
            1 | 2 => {
                let minutes = if self.eat(b':') { self.digits(2)? } else { 0 };
                (digits.parse().ok()?, minutes as i32)
            }
            3 | 4 => {
                let (hours, minutes) = digits.split_at(digits.len() - 2);
                (hours.parse().ok()?, minutes.parse().ok()?)
            }
            _ => return None,
        };
        if hours > 14 || minutes > 59 {
            return None;
        }
        FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
    }

    /// `[Asia/Tokyo]` after an offset (RFC 9557) or a parenthesized zone name such as
    /// `(Japan Standard Time)` in JavaScript's date format; the offset already says all.
    fn skip_bracketed_zone_name(&mut self) {
        for (open, close) in [(b'[', b']'), (b'(', b')')] {
            if self.peek() == Some(open)
                && let Some(end) = self.text[self.pos..].find(close as char)
            {
                self.pos += end + 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> String {
        parse_date(text)
            .map(|p| p.to_string())
            .unwrap_or_else(|| "None".to_string())
    }

    #[test]
    fn rfc3339_forms() {
        assert_eq!(
            parsed("2025-10-27T09:30:00+09:00"),
            "2025-10-27T09:30:00+09:00"
        );
        assert_eq!(parsed("2025-10-27T09:30:00Z"), "2025-10-27T09:30:00+00:00");
        assert_eq!(parsed("2025-10-27T09:30Z"), "2025-10-27T09:30:00+00:00");
        assert_eq!(
            parsed("2025-10-27T09:30:00.123456Z"),
            "2025-10-27T09:30:00+00:00"
        );
        assert_eq!(
            parsed("2025-10-27t09:30:00-04:00"),
            "2025-10-27T09:30:00-04:00"
        );
    }

    #[test]
    fn iso_without_zone_is_local() {
        assert_eq!(
            parse_date("2025-10-27T09:30:00"),
            Some(Published::Local(local(2025, 10, 27, 9, 30, 0)))
        );
        assert_eq!(parsed("2025-10-27T09:30"), "2025-10-27T09:30:00");
        assert_eq!(parsed("2025-10-27 09:30:15"), "2025-10-27T09:30:15");
    }

    #[test]
    fn iso_with_space_and_short_offsets() {
        assert_eq!(
            parsed("2025-10-27 09:30:00 +0900"),
            "2025-10-27T09:30:00+09:00"
        );
        assert_eq!(
            parsed("2025-10-27 09:30:00+09"),
            "2025-10-27T09:30:00+09:00"
        );
        assert_eq!(
            parsed("2025-10-27T09:30:00-0530"),
            "2025-10-27T09:30:00-05:30"
        );
        assert_eq!(parsed("2025-10-27 09:30 UTC"), "2025-10-27T09:30:00+00:00");
        assert_eq!(
            parsed("2025-10-27T09:30:00+09:00[Asia/Tokyo]"),
            "2025-10-27T09:30:00+09:00"
        );
    }

    #[test]
    fn date_only_forms() {
        assert_eq!(
            parse_date("2025-10-27"),
            Some(Published::Date(
                NaiveDate::from_ymd_opt(2025, 10, 27).unwrap()
            ))
        );
        assert_eq!(parsed("2025/10/27"), "2025-10-27");
        assert_eq!(parsed("2025-1-5"), "2025-01-05");
        assert_eq!(parsed("27.10.2025"), "2025-10-27");
        assert_eq!(parsed("20251027"), "2025-10-27");
    }

    #[test]
    fn rfc2822_forms() {
        assert_eq!(
            parsed("Mon, 27 Oct 2025 09:30:00 GMT"),
            "2025-10-27T09:30:00+00:00"
        );
        assert_eq!(
            parsed("Mon, 27 Oct 2025 09:30:00 +0000"),
            "2025-10-27T09:30:00+00:00"
        );
        assert_eq!(
            parsed("27 Oct 2025 09:30 -0400"),
            "2025-10-27T09:30:00-04:00"
        );
        assert_eq!(
            parsed("Mon, 27 Oct 25 09:30:00 EST"),
            "2025-10-27T09:30:00-05:00"
        );
    }

    #[test]
    fn zone_names_are_fixed_offsets() {
        for (zone, offset) in [
            ("UTC", "+00:00"),
            ("EST", "-05:00"),
            ("EDT", "-04:00"),
            ("PST", "-08:00"),
            ("PDT", "-07:00"),
            ("CET", "+01:00"),
            ("CEST", "+02:00"),
            ("JST", "+09:00"),
            ("KST", "+09:00"),
            ("IST", "+05:30"),
        ] {
            assert_eq!(
                parsed(&format!("Mon, 27 Oct 2025 09:30:00 {zone}")),
                format!("2025-10-27T09:30:00{offset}")
            );
        }
        assert_eq!(
            parsed("Oct 27, 2025 09:30 GMT+9"),
            "2025-10-27T09:30:00+09:00"
        );
    }

    #[test]
    fn month_name_forms() {
        assert_eq!(parsed("October 27, 2025"), "2025-10-27");
        assert_eq!(parsed("Oct. 27, 2025"), "2025-10-27");
        assert_eq!(parsed("Sept. 3, 2025"), "2025-09-03");
        assert_eq!(parsed("27 October 2025"), "2025-10-27");
        assert_eq!(parsed("27-Oct-2025"), "2025-10-27");
        assert_eq!(parsed("Monday, October 27th, 2025"), "2025-10-27");
        assert_eq!(parsed("Published October 27, 2025"), "2025-10-27");
    }

    #[test]
    fn month_name_with_time() {
        assert_eq!(parsed("October 27, 2025 9:30 AM"), "2025-10-27T09:30:00");
        assert_eq!(
            parsed("Oct. 27, 2025 9:30 p.m. EDT"),
            "2025-10-27T21:30:00-04:00"
        );
        assert_eq!(parsed("Oct 27, 2025 12:05 am"), "2025-10-27T00:05:00");
        assert_eq!(
            parsed("Mon Oct 27 09:30:00 +0000 2025"),
            "2025-10-27T09:30:00+00:00"
        );
        assert_eq!(
            parsed("Updated 9:30 AM EDT, Mon October 27, 2025"),
            "2025-10-27T09:30:00-04:00"
        );
        assert_eq!(
            parsed("Mon Oct 27 2025 09:30:00 GMT+0900 (Japan Standard Time)"),
            "2025-10-27T09:30:00+09:00"
        );
    }

    #[test]
    fn epoch_seconds_and_milliseconds() {
        assert_eq!(parsed("1761557400"), "2025-10-27T09:30:00+00:00");
        assert_eq!(parsed("1761557400000"), "2025-10-27T09:30:00+00:00");
        assert_eq!(parsed("176155740"), "None");
    }

    #[test]
    fn nonsense_is_rejected() {
        for text in [
            "",
            "   ",
            "yesterday",
            "1850-01-01",
            "2101-01-01",
            "2025-13-01",
            "2025-02-30",
            "2025-10-27T25:00:00Z",
            "2025-10-27T09:30:00+99:00",
            "2025-10-27 and then some",
            "October 2025",
            "October 27",
            "32 October 2025",
            "10/27/2025",
            "Page 3 of 2025",
            "13:30 PM October 27, 2025",
            "9999999999999",
            "Oct 27, 2025 Oct",
        ] {
            assert_eq!(parse_date(text), None, "{text:?}");
        }
    }

    #[test]
    fn non_ascii_input_does_not_panic() {
        assert_eq!(parse_date("2025年10月27日"), None);
        assert_eq!(parse_date("27 октября 2025"), None);
        assert_eq!(parse_date("2025-10-27T09:30:00\u{a0}Z"), None);
    }

    fn local(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d)
            .unwrap()
            .and_hms_opt(h, mi, s)
            .unwrap()
    }
}
