//! Reading for exploration, as the server's API and web page do: pages of articles, one
//! article with everything coded in it, events by id or rowid, and the facts of every event
//! and actor that a server keeps in memory to filter and aggregate them (see `dyad-server`).

use dyad_coder::Event;
use rusqlite::types::Value;
use serde::Serialize;

use crate::ArticleRef;
use crate::query::{ARTICLE_REF_COLUMNS, FIRST_REPORT, article_ref_from_row, bind, parse_record};
use crate::{Store, StoreError};

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
    /// What it is.
    #[serde(flatten)]
    pub article: ArticleRef,
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
    /// What it is.
    #[serde(flatten)]
    pub article: ArticleRef,
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

impl Store {
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
            "SELECT {ARTICLE_REF_COLUMNS},
                    (SELECT COUNT(*) FROM events c WHERE c.article_id = a.id)
             FROM articles a {matching}
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
            &format!("SELECT {ARTICLE_REF_COLUMNS}, a.body FROM articles a WHERE a.id = ?1"),
            [id],
            |row| Ok((article_ref_from_row(row)?, row.get::<_, String>(6)?)),
        );
        let (article, body) = match found {
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
            article,
            body,
            sentences,
            events,
            quotes,
        }))
    }

    /// How many events the database holds (reports of one event count once).
    pub fn event_count(&self) -> Result<u64, StoreError> {
        Ok(self.conn.query_row(
            &format!("SELECT COUNT(*) FROM events e WHERE {FIRST_REPORT}"),
            [],
            |row| row.get(0),
        )?)
    }

    /// How many articles the database holds.
    pub fn article_count(&self) -> Result<u64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM articles", [], |row| row.get(0))?)
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

fn summary_from_row(row: &rusqlite::Row) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        article: article_ref_from_row(row)?,
        events: row.get(6)?,
    })
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// What a server keeps in memory of an event to filter and aggregate it without SQL.
#[derive(Debug, Clone)]
pub struct EventFact {
    /// The event's rowid, to read its record back.
    pub rowid: i64,
    /// Its article.
    pub article_id: String,
    /// Its day: its own date's, else its article's publication day.
    pub day: Option<String>,
    /// QuadClass, 1 to 4.
    pub quad_class: u8,
    /// CAMEO code.
    pub cameo: String,
    /// PLOVER type.
    pub plover: String,
    /// Goldstein score.
    pub goldstein: f64,
    /// Its article's tone.
    pub tone: Option<f64>,
    /// Where it happened.
    pub place: Option<String>,
    /// The country it happened in.
    pub place_country: Option<String>,
    /// The place's latitude.
    pub latitude: Option<f64>,
    /// The place's longitude.
    pub longitude: Option<f64>,
}

/// What a server keeps in memory of an event's actor.
#[derive(Debug, Clone)]
pub struct ActorFact {
    /// Whether it acts (else it is acted upon).
    pub source: bool,
    /// Its country.
    pub country: Option<String>,
    /// Its CAMEO-style code.
    pub code: String,
    /// Its knowledge-base entity.
    pub entity: Option<String>,
    /// Its name.
    pub name: Option<String>,
}

impl Store {
    /// Every event (reports of one event count once), newest first, as facts.
    pub fn for_each_event_fact(&self, mut visit: impl FnMut(EventFact)) -> Result<(), StoreError> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT e.rowid, e.day, e.quad_class, e.cameo, e.plover_type, e.goldstein, ar.tone,
                    e.place, e.place_country, e.latitude, e.longitude, e.article_id
             FROM events e JOIN articles ar ON ar.id = e.article_id
             WHERE {FIRST_REPORT} ORDER BY e.day DESC, e.id DESC"
        ))?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            visit(EventFact {
                rowid: row.get(0)?,
                day: row.get(1)?,
                quad_class: row.get(2)?,
                cameo: row.get(3)?,
                plover: row.get(4)?,
                goldstein: row.get(5)?,
                tone: row.get(6)?,
                place: row.get(7)?,
                place_country: row.get(8)?,
                latitude: row.get(9)?,
                longitude: row.get(10)?,
                article_id: row.get(11)?,
            });
        }
        Ok(())
    }

    /// Every actor of every event (reports of one event count once): its event's rowid and
    /// the actor.
    pub fn for_each_actor(&self, mut visit: impl FnMut(i64, ActorFact)) -> Result<(), StoreError> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT e.rowid, a.role = 'source', a.country, a.code, a.entity, a.name
             FROM event_actors a JOIN events e ON e.id = a.event_id WHERE {FIRST_REPORT}"
        ))?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            visit(
                row.get(0)?,
                ActorFact {
                    source: row.get(1)?,
                    country: row.get(2)?,
                    code: row.get(3)?,
                    entity: row.get(4)?,
                    name: row.get(5)?,
                },
            );
        }
        Ok(())
    }

    /// The ids of the articles whose title or body matches `text` (FTS5 syntax).
    pub fn articles_matching(&self, text: &str) -> Result<Vec<String>, StoreError> {
        self.check_text_query(text)?;
        self.rows(
            "SELECT article_id FROM articles_text WHERE articles_text MATCH ?1",
            vec![Value::Text(text.to_string())],
            |row| row.get(0),
        )
    }

    /// The events with these rowids, in the order given, each with its day.
    pub fn dated_events(&self, rowids: &[i64]) -> Result<Vec<DatedEvent>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT e.id, e.record, e.day FROM events e WHERE e.rowid = ?1")?;
        let mut events = Vec::with_capacity(rowids.len());
        for rowid in rowids {
            let (id, record, day): (String, String, Option<String>) =
                statement.query_row([rowid], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?;
            events.push(DatedEvent {
                event: parse_record(id, &record)?,
                day,
            });
        }
        Ok(events)
    }

    /// A number that changes whenever another connection commits to the database, so a
    /// reader can tell that what it keeps in memory is stale.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .pragma_query_value(None, "data_version", |row| row.get(0))?)
    }
}
