use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// When an article was published, as precisely as its input said.
///
/// Serialized as a string: `2025-10-27`, `2025-10-27T09:30:00` (no zone known) or
/// `2025-10-27T09:30:00+09:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// Only the calendar date is known.
    Date(NaiveDate),
    /// Date and time, but the input gave no time zone.
    Local(NaiveDateTime),
    /// Date and time with its UTC offset.
    Zoned(DateTime<FixedOffset>),
}

impl Published {
    /// The calendar date of publication, in the publisher's own time zone when known.
    pub fn date(&self) -> NaiveDate {
        match self {
            Published::Date(date) => *date,
            Published::Local(local) => local.date(),
            Published::Zoned(zoned) => zoned.date_naive(),
        }
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Published::Date(date) => write!(f, "{}", date.format("%Y-%m-%d")),
            Published::Local(local) => write!(f, "{}", local.format("%Y-%m-%dT%H:%M:%S")),
            Published::Zoned(zoned) => write!(f, "{}", zoned.to_rfc3339()),
        }
    }
}

/// A publication time that is not one of the three forms [`Published`] serializes to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a date (YYYY-MM-DD) or date-time (RFC 3339): {0:?}")]
pub struct PublishedParseError(pub String);

impl FromStr for Published {
    type Err = PublishedParseError;

    /// Parses exactly the forms `Display` writes; lenient parsing of dates found in the wild
    /// lives in the ingest crate.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if let Ok(zoned) = DateTime::parse_from_rfc3339(s) {
            return Ok(Published::Zoned(zoned));
        }
        if let Ok(local) = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S") {
            return Ok(Published::Local(local));
        }
        if let Ok(date) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Ok(Published::Date(date));
        }
        Err(PublishedParseError(s.to_string()))
    }
}

impl Serialize for Published {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Published {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_precision() {
        for text in [
            "2025-10-27",
            "2025-10-27T09:30:00",
            "2025-10-27T09:30:00+09:00",
        ] {
            let published: Published = text.parse().unwrap();
            assert_eq!(published.to_string(), text);
        }
        let zoned: Published = "2025-10-27T23:30:00-05:00".parse().unwrap();
        assert_eq!(zoned.date().to_string(), "2025-10-27");
    }

    #[test]
    fn rejects_other_forms() {
        assert!("27 Oct 2025".parse::<Published>().is_err());
    }
}
