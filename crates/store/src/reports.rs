//! The same story and the same event reported many times.
//!
//! Each article carries a MinHash signature of its word trigrams; articles whose signatures
//! agree on at least half their values (an estimate of the share of trigrams they have in
//! common) are copies of one story, found through bands of the signature as in
//! locality-sensitive hashing. Each event carries a merge key (CAMEO root, source and target
//! codes, place) and a day; events of one key at most a day apart are reports of one event.
//! [`Store::link_reports`] recomputes both over the whole database, so the result does not
//! depend on the order articles arrived in or on a run that was killed half-way.

use std::collections::HashMap;

use dyad_coder::Event;
use rusqlite::params;

use crate::{Store, StoreError};

/// Values in a signature.
const SIGNATURE_LEN: usize = 32;
/// Values per band: two articles are compared when all values of one band agree.
const BAND_ROWS: usize = 4;
/// The share of equal signature values from which two articles are copies of one story.
const COPY_SIMILARITY: f64 = 0.5;

/// The MinHash signature of a text's lowercase word trigrams, as stored (32 little-endian
/// u64). A text of fewer than three words has the signature of its words.
pub fn signature(text: &str) -> Vec<u8> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let shingles: Vec<u64> = if words.len() < 3 {
        words
            .iter()
            .map(|w| dyad_core::fnv1a64(w.as_bytes()))
            .collect()
    } else {
        words
            .windows(3)
            .map(|w| dyad_core::fnv1a64(w.join(" ").as_bytes()))
            .collect()
    };
    let mut bytes = Vec::with_capacity(SIGNATURE_LEN * 8);
    for seed in 0..SIGNATURE_LEN as u64 {
        let min = shingles
            .iter()
            .map(|&s| mix(s ^ seed.wrapping_mul(0x9E37_79B9_7F4A_7C15)))
            .min()
            .unwrap_or(u64::MAX);
        bytes.extend_from_slice(&min.to_le_bytes());
    }
    bytes
}

/// A bijective scrambling of 64 bits (splitmix64's finaliser): one hash function per seed.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn values(signature: &[u8]) -> Vec<u64> {
    signature
        .chunks_exact(8)
        .map(|chunk| u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])))
        .collect()
}

fn similarity(a: &[u64], b: &[u64]) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / a.len().max(1) as f64
}

/// What makes two events reports of one: CAMEO root, source and target codes, place.
pub fn merge_key(event: &Event) -> String {
    let codes = |actors: &[dyad_coder::actors::Actor]| {
        let mut codes: Vec<&str> = actors.iter().map(|a| a.code.as_str()).collect();
        codes.sort_unstable();
        codes.join("+")
    };
    let place = event.location.as_ref().map_or("", |p| p.name.as_str());
    format!(
        "{}|{}|{}|{}",
        event.cameo_root,
        codes(&event.source),
        codes(&event.target),
        place
    )
}

impl Store {
    /// Links copies of one story (`articles.duplicate_of`) and reports of one event
    /// (`events.report_of`, the first report's id) across the whole database, in one
    /// transaction.
    pub fn link_reports(&mut self) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        link_copies(&tx)?;
        link_events(&tx)?;
        tx.commit()?;
        Ok(())
    }
}

/// Each article is a copy of the earliest article (by publication, then id) it shares most
/// of its text with.
fn link_copies(tx: &rusqlite::Transaction) -> Result<(), StoreError> {
    let mut articles: Vec<(String, Vec<u64>, Option<String>)> = Vec::new();
    {
        let mut statement = tx.prepare(
            "SELECT id, minhash, duplicate_of FROM articles WHERE minhash IS NOT NULL
             ORDER BY published, id",
        )?;
        let rows = statement.query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                values(&row.get::<_, Vec<u8>>(1)?),
                row.get::<_, Option<String>>(2)?,
            ))
        })?;
        for row in rows {
            articles.push(row?);
        }
    }
    let mut bands: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    // For each article, the index of the original it copies.
    let mut original_of: Vec<usize> = Vec::with_capacity(articles.len());
    for (index, (_, signature, _)) in articles.iter().enumerate() {
        let keys: Vec<(usize, u64)> = signature
            .chunks(BAND_ROWS)
            .enumerate()
            .map(|(band, rows)| {
                let bytes: Vec<u8> = rows.iter().flat_map(|v| v.to_le_bytes()).collect();
                (band, dyad_core::fnv1a64(&bytes))
            })
            .collect();
        let copied = keys
            .iter()
            .filter_map(|key| bands.get(key))
            .flatten()
            .copied()
            .filter(|&earlier| similarity(signature, &articles[earlier].1) >= COPY_SIMILARITY)
            .min();
        original_of.push(copied.map_or(index, |earlier| original_of[earlier]));
        for key in keys {
            bands.entry(key).or_default().push(index);
        }
    }
    let mut update = tx.prepare("UPDATE articles SET duplicate_of = ?2 WHERE id = ?1")?;
    for (index, (id, _, stored)) in articles.iter().enumerate() {
        let original = original_of[index];
        let duplicate_of = (original != index).then(|| articles[original].0.clone());
        if duplicate_of != *stored {
            update.execute(params![id, duplicate_of])?;
        }
    }
    Ok(())
}

/// An event as the linking reads it: id, merge key, day and the report it is linked to now.
type StoredReport = (String, Option<String>, Option<String>, Option<String>);

/// Each event reports the earliest event of its merge key whose day is at most one day
/// before its own, following the chain of such days.
fn link_events(tx: &rusqlite::Transaction) -> Result<(), StoreError> {
    let mut events: Vec<StoredReport> = Vec::new();
    {
        // Within a day, the report of the earliest article comes first and stands for all.
        let mut statement = tx.prepare(
            "SELECT e.id, e.merge_key, e.day, e.report_of FROM events e
             JOIN articles a ON a.id = e.article_id
             ORDER BY e.merge_key, e.day, a.published, e.article_id, e.sentence_index, e.id",
        )?;
        let rows = statement.query_map([], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })?;
        for row in rows {
            events.push(row?);
        }
    }
    let mut update = tx.prepare("UPDATE events SET report_of = ?2 WHERE id = ?1")?;
    let mut head: Option<(usize, chrono::NaiveDate)> = None;
    for index in 0..events.len() {
        let (id, key, day, stored) = &events[index];
        let day = day
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let same_event = match (head, key, day) {
            (Some((first, last_day)), Some(key), Some(day)) => {
                events[first].1.as_deref() == Some(key.as_str()) && (day - last_day).num_days() <= 1
            }
            _ => false,
        };
        head = match (same_event, head, day) {
            (true, Some((first, _)), Some(day)) => Some((first, day)),
            (_, _, Some(day)) if key.is_some() => Some((index, day)),
            _ => None,
        };
        let report_of = head.map_or(id.clone(), |(first, _)| events[first].0.clone());
        if stored.as_deref() != Some(report_of.as_str()) {
            update.execute(params![id, report_of])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_with_other_boilerplate_are_similar_and_other_stories_are_not() {
        let story = "The foreign ministers of the two countries met in the capital on Tuesday \
                     and agreed to reopen the border crossing that has been closed since the \
                     spring, officials said after talks that lasted most of the day.";
        let copy = format!("{story} Reporting by a correspondent; editing by a desk editor.");
        let other = "Heavy rain flooded the coastal districts overnight and forced the closure \
                     of schools and the main port, the weather office said on Wednesday.";
        let (a, b, c) = (
            values(&signature(story)),
            values(&signature(&copy)),
            values(&signature(other)),
        );
        assert!(
            similarity(&a, &b) >= COPY_SIMILARITY,
            "{}",
            similarity(&a, &b)
        );
        assert!(similarity(&a, &c) < 0.2, "{}", similarity(&a, &c));
    }
}
