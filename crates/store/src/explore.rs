//! Reading for exploration, as the server's API and web page do: pages of events and articles,
//! one article with everything coded in it, and aggregates by actor, dyad, day and place.
//! Every aggregate takes the same [`Filter`] as the event list, so a chart always shows the
//! events the table lists.

use dyad_coder::Event;
use rusqlite::types::Value;
use serde::Serialize;

use crate::query::{FIRST_REPORT, bind, parse_record};
use crate::{Filter, Store, StoreError};

/// One page of a list, with where the next page starts.
#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// How many items were skipped before this page.
    pub offset: usize,
    /// The most items a page holds.
    pub limit: usize,
    /// The offset of the next page, or none when this is the last.
    pub next_offset: Option<usize>,
}

impl<T> Page<T> {
    /// Makes a page from up to `limit + 1` items read at `offset`: the extra one only tells
    /// that there is a next page, which saves counting every match.
    fn from_one_more(mut items: Vec<T>, offset: usize, limit: usize) -> Page<T> {
        let more = items.len() > limit;
        items.truncate(limit);
        Page {
            items,
            offset,
            limit,
            next_offset: more.then_some(offset + limit),
        }
    }
}

/// An event in a list, with the day it is counted on.
#[derive(Debug, Clone, Serialize)]
pub struct DatedEvent {
    /// The event record.
    #[serde(flatten)]
    pub event: Event,
    /// The event's own day, else its article's publication day: the day time series and
    /// the newest-first order count it on.
    pub day: Option<String>,
}

/// An article in a list: what it is and how many events were coded from it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleSummary {
    /// Article id.
    pub id: String,
    /// Where it was published.
    pub url: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// The outlet.
    pub source: Option<String>,
    /// Publication time as stored.
    pub published: Option<String>,
    /// Average tone, on GDELT's scale.
    pub tone: Option<f64>,
    /// Event reports coded from it.
    pub events: u64,
}

/// A sentence of an article: its byte span in the body and its tone.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SentenceSpan {
    /// 0-based index in the article.
    pub index: usize,
    /// First byte in the body.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// VADER compound score.
    pub tone: Option<f64>,
}

/// A direct quotation in an article with its speaker.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuoteSpan {
    /// First byte of the quotation in the body.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The words quoted.
    pub text: String,
    /// Who said them, when known.
    pub speaker: Option<String>,
    /// First byte of the speaker's mention.
    pub speaker_start: Option<usize>,
    /// One past its last byte.
    pub speaker_end: Option<usize>,
}

/// One article with everything coded in it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleDetail {
    /// Article id.
    pub id: String,
    /// Where it was published.
    pub url: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// The outlet.
    pub source: Option<String>,
    /// Publication time as stored.
    pub published: Option<String>,
    /// Average tone, on GDELT's scale.
    pub tone: Option<f64>,
    /// The text every offset points into.
    pub body: String,
    /// Its sentences.
    pub sentences: Vec<SentenceSpan>,
    /// Every event coded from it, reports of events first seen elsewhere included.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub events: Vec<Event>,
    /// Its direct quotations.
    pub quotes: Vec<QuoteSpan>,
}

/// An actor and how often it acts and is acted upon.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActorCount {
    /// CAMEO-style actor code.
    pub code: String,
    /// The knowledge-base entity, when the actor is a known one.
    pub entity: Option<String>,
    /// Its name, when the actor is a known one.
    pub name: Option<String>,
    /// Its country.
    pub country: Option<String>,
    /// Events it takes part in.
    pub events: u64,
    /// Events where it acts.
    pub as_source: u64,
    /// Events where it is acted upon.
    pub as_target: u64,
}

/// A source and target country and the events between them.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DyadCount {
    /// The source's country.
    pub source: String,
    /// The target's country.
    pub target: String,
    /// Events from source to target.
    pub events: u64,
    /// Of which cooperation (QuadClass 1 and 2).
    pub cooperation: u64,
    /// Of which conflict (QuadClass 3 and 4).
    pub conflict: u64,
    /// Mean Goldstein score.
    pub goldstein: f64,
}

/// The events of one day.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DayCount {
    /// The day, YYYY-MM-DD: the event's own day, else its article's publication day.
    pub day: String,
    /// Events on the day.
    pub events: u64,
    /// Events by QuadClass 1 to 4.
    pub quad_classes: [u64; 4],
    /// Mean Goldstein score.
    pub goldstein: f64,
    /// Mean tone of the articles the events come from.
    pub tone: Option<f64>,
}

/// Events that happened in a country.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MapCountry {
    /// ISO alpha-3 code.
    pub country: String,
    /// Events placed there.
    pub events: u64,
    /// Their mean Goldstein score.
    pub goldstein: f64,
}

/// Events that happened at a place with coordinates.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MapPlace {
    /// The place's name.
    pub name: String,
    /// Its country, when it lies in one.
    pub country: Option<String>,
    /// Decimal degrees north.
    pub latitude: f64,
    /// Decimal degrees east.
    pub longitude: f64,
    /// Events placed there.
    pub events: u64,
}

/// The most rows an aggregate returns when the caller sets no limit.
const AGGREGATE_LIMIT: usize = 1000;

impl Store {
    /// A page of the events that pass `filter`, newest first.
    pub fn event_page(
        &self,
        filter: &Filter,
        offset: usize,
        limit: usize,
    ) -> Result<Page<DatedEvent>, StoreError> {
        let one_more = Filter {
            limit: Some(limit + 1),
            offset: Some(offset),
            newest_first: true,
            ..filter.clone()
        };
        let (selection, values) = self.selection(&one_more)?;
        let rows = self.rows(
            &format!("SELECT e.id, e.record, e.day {selection}"),
            values,
            |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get(2)?,
                ))
            },
        )?;
        let events = rows
            .into_iter()
            .map(|(id, record, day)| {
                Ok(DatedEvent {
                    event: parse_record(id, &record)?,
                    day,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(Page::from_one_more(events, offset, limit))
    }

    /// The event with this id, or none.
    pub fn event(&self, id: &str) -> Result<Option<Event>, StoreError> {
        let events = self.event_records(
            "SELECT e.id, e.record FROM events e WHERE e.id = ?1",
            vec![Value::Text(id.to_string())],
        )?;
        Ok(events.into_iter().next())
    }

    /// A page of articles, newest first; those matching `text` (FTS5 syntax) when it is given.
    pub fn article_page(
        &self,
        text: Option<&str>,
        offset: usize,
        limit: usize,
    ) -> Result<Page<ArticleSummary>, StoreError> {
        if let Some(text) = text {
            self.check_text_query(text)?;
        }
        let mut values = Vec::new();
        let matching = match text {
            Some(text) => format!(
                "WHERE a.id IN (SELECT article_id FROM articles_text WHERE articles_text MATCH {})",
                bind(&mut values, text)
            ),
            None => String::new(),
        };
        values.push(Value::Integer(to_i64(limit + 1)));
        values.push(Value::Integer(to_i64(offset)));
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles a {matching}
             ORDER BY a.published DESC, a.id LIMIT ?{} OFFSET ?{}",
            values.len() - 1,
            values.len()
        );
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map(rusqlite::params_from_iter(values), summary_from_row)?;
        let items = rows.collect::<Result<Vec<_>, _>>()?;
        Ok(Page::from_one_more(items, offset, limit))
    }

    /// The article with this id and everything coded in it, or none.
    pub fn article(&self, id: &str) -> Result<Option<ArticleDetail>, StoreError> {
        let found = self.conn.query_row(
            &format!("SELECT {SUMMARY_COLUMNS}, a.body FROM articles a WHERE a.id = ?1"),
            [id],
            |row| Ok((summary_from_row(row)?, row.get::<_, String>(7)?)),
        );
        let (summary, body) = match found {
            Ok(found) => found,
            Err(rusqlite::Error::QueryReturnedNoRows) => return Ok(None),
            Err(error) => return Err(error.into()),
        };
        let mut statement = self.conn.prepare(
            "SELECT idx, start, end, tone FROM sentences WHERE article_id = ?1 ORDER BY idx",
        )?;
        let sentences = statement
            .query_map([id], |row| {
                Ok(SentenceSpan {
                    index: row.get(0)?,
                    start: row.get(1)?,
                    end: row.get(2)?,
                    tone: row.get(3)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut statement = self.conn.prepare(
            "SELECT start, end, text, speaker, speaker_start, speaker_end FROM quotes
             WHERE article_id = ?1 ORDER BY idx",
        )?;
        let quotes = statement
            .query_map([id], |row| {
                Ok(QuoteSpan {
                    start: row.get(0)?,
                    end: row.get(1)?,
                    text: row.get(2)?,
                    speaker: row.get(3)?,
                    speaker_start: row.get(4)?,
                    speaker_end: row.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let events = self.event_records(
            "SELECT e.id, e.record FROM events e WHERE e.article_id = ?1
             ORDER BY e.sentence_index, e.id",
            vec![Value::Text(id.to_string())],
        )?;
        Ok(Some(ArticleDetail {
            id: summary.id,
            url: summary.url,
            title: summary.title,
            source: summary.source,
            published: summary.published,
            tone: summary.tone,
            body,
            sentences,
            events,
            quotes,
        }))
    }

    /// The actors of the events that pass `filter`, most active first.
    pub fn actor_counts(
        &self,
        filter: &Filter,
        limit: Option<usize>,
    ) -> Result<Vec<ActorCount>, StoreError> {
        let (clause, values) = self.where_clause(filter)?;
        let sql = format!(
            "SELECT a.code, a.entity, MAX(a.name), MAX(a.country), COUNT(DISTINCT e.id) AS n,
                    COUNT(DISTINCT CASE WHEN a.role = 'source' THEN e.id END),
                    COUNT(DISTINCT CASE WHEN a.role = 'target' THEN e.id END)
             FROM events e JOIN event_actors a ON a.event_id = e.id {clause}
             GROUP BY a.code, a.entity ORDER BY n DESC, a.code, a.entity LIMIT {}",
            limit.unwrap_or(AGGREGATE_LIMIT)
        );
        self.rows(&sql, values, |row| {
            Ok(ActorCount {
                code: row.get(0)?,
                entity: row.get(1)?,
                name: row.get(2)?,
                country: row.get(3)?,
                events: row.get(4)?,
                as_source: row.get(5)?,
                as_target: row.get(6)?,
            })
        })
    }

    /// The source and target countries of the events that pass `filter`, busiest first.
    pub fn dyad_counts(
        &self,
        filter: &Filter,
        limit: Option<usize>,
    ) -> Result<Vec<DyadCount>, StoreError> {
        let (clause, values) = self.where_clause(filter)?;
        let sql = format!(
            "SELECT s.country, t.country, COUNT(DISTINCT e.id) AS n,
                    COUNT(DISTINCT CASE WHEN e.quad_class <= 2 THEN e.id END),
                    COUNT(DISTINCT CASE WHEN e.quad_class >= 3 THEN e.id END),
                    ROUND(AVG(e.goldstein), 2)
             FROM events e
             JOIN event_actors s ON s.event_id = e.id AND s.role = 'source'
             JOIN event_actors t ON t.event_id = e.id AND t.role = 'target'
             {clause} AND s.country IS NOT NULL AND t.country IS NOT NULL
             GROUP BY s.country, t.country ORDER BY n DESC, s.country, t.country LIMIT {}",
            limit.unwrap_or(AGGREGATE_LIMIT)
        );
        self.rows(&sql, values, |row| {
            Ok(DyadCount {
                source: row.get(0)?,
                target: row.get(1)?,
                events: row.get(2)?,
                cooperation: row.get(3)?,
                conflict: row.get(4)?,
                goldstein: row.get(5)?,
            })
        })
    }

    /// The events that pass `filter` by day, in order of days; events with no day are left
    /// out.
    pub fn day_counts(&self, filter: &Filter) -> Result<Vec<DayCount>, StoreError> {
        let (clause, values) = self.where_clause(filter)?;
        let sql = format!(
            "SELECT e.day, e.quad_class, COUNT(*), SUM(e.goldstein), SUM(ar.tone), COUNT(ar.tone)
             FROM events e JOIN articles ar ON ar.id = e.article_id
             {clause} AND e.day IS NOT NULL
             GROUP BY e.day, e.quad_class ORDER BY e.day"
        );
        struct Cell {
            day: String,
            quad_class: usize,
            events: u64,
            goldstein: f64,
            tone: Option<f64>,
            toned: u64,
        }
        let cells = self.rows(&sql, values, |row| {
            Ok(Cell {
                day: row.get(0)?,
                quad_class: row.get(1)?,
                events: row.get(2)?,
                goldstein: row.get(3)?,
                tone: row.get(4)?,
                toned: row.get(5)?,
            })
        })?;
        let mut days: Vec<DayCount> = Vec::new();
        let mut tones: Vec<(f64, u64)> = Vec::new();
        for cell in cells {
            if days.last().is_none_or(|d| d.day != cell.day) {
                days.push(DayCount {
                    day: cell.day.clone(),
                    events: 0,
                    quad_classes: [0; 4],
                    goldstein: 0.0,
                    tone: None,
                });
                tones.push((0.0, 0));
            }
            let (day, tone) = (days.last_mut(), tones.last_mut());
            let (Some(day), Some(tone)) = (day, tone) else {
                continue;
            };
            day.events += cell.events;
            if let Some(slot) = cell
                .quad_class
                .checked_sub(1)
                .and_then(|q| day.quad_classes.get_mut(q))
            {
                *slot += cell.events;
            }
            // Summed here and divided below, so the mean weighs every event alike.
            day.goldstein += cell.goldstein;
            tone.0 += cell.tone.unwrap_or(0.0);
            tone.1 += cell.toned;
        }
        for (day, (tone, toned)) in days.iter_mut().zip(tones) {
            day.goldstein = round2(day.goldstein / day.events.max(1) as f64);
            day.tone = (toned > 0).then(|| round2(tone / toned as f64));
        }
        Ok(days)
    }

    /// Where the events that pass `filter` happened: by country, and by place with
    /// coordinates, busiest first.
    pub fn map_counts(
        &self,
        filter: &Filter,
        limit: Option<usize>,
    ) -> Result<(Vec<MapCountry>, Vec<MapPlace>), StoreError> {
        let (clause, values) = self.where_clause(filter)?;
        let limit = limit.unwrap_or(AGGREGATE_LIMIT);
        let countries = self.rows(
            &format!(
                "SELECT e.place_country, COUNT(*) AS n, ROUND(AVG(e.goldstein), 2) FROM events e
                 {clause} AND e.place_country IS NOT NULL
                 GROUP BY e.place_country ORDER BY n DESC, e.place_country LIMIT {limit}"
            ),
            values.clone(),
            |row| {
                Ok(MapCountry {
                    country: row.get(0)?,
                    events: row.get(1)?,
                    goldstein: row.get(2)?,
                })
            },
        )?;
        let places = self.rows(
            &format!(
                "SELECT e.place, e.place_country, AVG(e.latitude), AVG(e.longitude), COUNT(*) AS n
                 FROM events e {clause} AND e.place IS NOT NULL AND e.latitude IS NOT NULL
                 GROUP BY e.place, e.place_country ORDER BY n DESC, e.place LIMIT {limit}"
            ),
            values,
            |row| {
                Ok(MapPlace {
                    name: row.get(0)?,
                    country: row.get(1)?,
                    latitude: row.get(2)?,
                    longitude: row.get(3)?,
                    events: row.get(4)?,
                })
            },
        )?;
        Ok((countries, places))
    }

    /// How many events (first reports) and articles the database holds.
    pub fn totals(&self) -> Result<(u64, u64), StoreError> {
        let events = self.conn.query_row(
            &format!("SELECT COUNT(*) FROM events e WHERE {FIRST_REPORT}"),
            [],
            |row| row.get(0),
        )?;
        let articles = self
            .conn
            .query_row("SELECT COUNT(*) FROM articles", [], |row| row.get(0))?;
        Ok((events, articles))
    }

    /// Runs `sql` with `values` and reads every row with `read`.
    fn rows<T>(
        &self,
        sql: &str,
        values: Vec<Value>,
        read: impl FnMut(&rusqlite::Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let mut statement = self.conn.prepare(sql)?;
        let rows = statement.query_map(rusqlite::params_from_iter(values), read)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

const SUMMARY_COLUMNS: &str = "a.id, a.url, a.title, a.source, a.published, a.tone,
    (SELECT COUNT(*) FROM events c WHERE c.article_id = a.id)";

fn summary_from_row(row: &rusqlite::Row) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: row.get(0)?,
        url: row.get(1)?,
        title: row.get(2)?,
        source: row.get(3)?,
        published: row.get(4)?,
        tone: row.get(5)?,
        events: row.get(6)?,
    })
}

/// Rounds a mean to two decimals: more digits only show the noise of summing floats.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
