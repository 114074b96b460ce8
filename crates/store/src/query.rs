//! Reading: events by filter, stored articles for re-coding, and the figures of `dyad stats`.

use std::collections::HashMap;

use dyad_coder::Event;
use dyad_core::Article;
use rusqlite::types::Value;

use crate::{Store, StoreError};

/// Which events to read. Every field that is set must hold; unset fields match everything.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// An actor on either side: a CAMEO code prefix ("USAGOV", "RUS"), a knowledge-base id
    /// ("donald-trump") or a name ("Donald Trump").
    pub actor: Option<String>,
    /// A country (ISO alpha-3) on either side.
    pub country: Option<String>,
    /// Source and target countries ("USA", "CHN"): the source side has the first and the
    /// target side the second.
    pub dyad: Option<(String, String)>,
    /// CAMEO code prefix ("04", "042").
    pub cameo: Option<String>,
    /// PLOVER type ("CONSULT").
    pub plover: Option<String>,
    /// QuadClass, 1 to 4.
    pub quad_class: Option<u8>,
    /// First day, inclusive (YYYY-MM-DD): an event's day is its own date's, else its
    /// article's publication day.
    pub from: Option<String>,
    /// Last day, inclusive (YYYY-MM-DD).
    pub to: Option<String>,
    /// Place name or country (ISO alpha-3) of the event.
    pub place: Option<String>,
    /// Full-text query over the articles' titles and bodies (SQLite FTS5 syntax).
    pub text: Option<String>,
    /// Most events to return.
    pub limit: Option<usize>,
}

/// Reads "USA-CHN" as source and target countries.
pub fn parse_dyad(text: &str) -> Result<(String, String), StoreError> {
    match text.split_once('-') {
        Some((source, target)) if !source.is_empty() && !target.is_empty() => {
            Ok((source.to_uppercase(), target.to_uppercase()))
        }
        _ => Err(StoreError::BadFilter(format!(
            "{text:?} is not SRC-TGT, e.g. USA-CHN"
        ))),
    }
}

/// Checks a day written YYYY-MM-DD and gives it back in that form.
pub fn parse_day(text: &str) -> Result<String, StoreError> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(|day| day.to_string())
        .map_err(|_| StoreError::BadFilter(format!("{text:?} is not a date (YYYY-MM-DD)")))
}

/// A count under a label, for the figures of `dyad stats`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// What is counted ("USA -> CHN", "quad class 1").
    pub label: String,
    /// How many.
    pub count: u64,
}

/// What a database holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Inputs by outcome (coded, skipped, failed).
    pub inputs: Vec<Count>,
    /// Skipped and failed inputs by reason.
    pub reasons: Vec<Count>,
    /// Articles stored.
    pub articles: u64,
    /// Articles that are copies of another (syndicated or republished).
    pub copies: u64,
    /// Distinct events: the reports of one event across articles count once.
    pub events: u64,
    /// Event reports: every event coded from every article.
    pub reports: u64,
    /// Events by QuadClass, 1 to 4.
    pub quad_classes: Vec<Count>,
    /// The most frequent source -> target country pairs.
    pub top_dyads: Vec<Count>,
    /// The most frequent event places.
    pub top_places: Vec<Count>,
}

impl Filter {
    /// Refuses values no event can have the form of: a CAMEO code that is not digits, a
    /// QuadClass outside 1 to 4.
    pub fn validate(&self) -> Result<(), StoreError> {
        if let Some(cameo) = &self.cameo
            && (cameo.is_empty() || !cameo.chars().all(|c| c.is_ascii_digit()))
        {
            return Err(StoreError::BadFilter(format!(
                "CAMEO code {cameo:?} is not digits"
            )));
        }
        if let Some(quad) = self.quad_class
            && !(1..=4).contains(&quad)
        {
            return Err(StoreError::BadFilter(format!(
                "QuadClass {quad} is not 1 to 4"
            )));
        }
        Ok(())
    }

    /// The WHERE clause and its parameters.
    fn to_sql(&self) -> Result<(String, Vec<Value>), StoreError> {
        self.validate()?;
        let mut clauses: Vec<String> = vec![FIRST_REPORT.to_string()];
        let mut values: Vec<Value> = Vec::new();
        if let Some(actor) = &self.actor {
            let prefix = bind(&mut values, &format!("{}%", actor.to_uppercase()));
            let exact = bind(&mut values, actor);
            clauses.push(format!(
                "EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND
                   (a.code LIKE {prefix} OR a.entity = {exact} OR a.name = {exact} COLLATE NOCASE))"
            ));
        }
        if let Some(country) = &self.country {
            let p = bind(&mut values, &country.to_uppercase());
            clauses.push(format!(
                "EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND +a.country = {p})"
            ));
        }
        if let Some((source, target)) = &self.dyad {
            for (role, country) in [("source", source), ("target", target)] {
                let p = bind(&mut values, &country.to_uppercase());
                clauses.push(format!(
                    "EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id
                       AND a.role = '{role}' AND +a.country = {p})"
                ));
            }
        }
        if let Some(cameo) = &self.cameo {
            let p = bind(&mut values, &format!("{cameo}%"));
            clauses.push(format!("e.cameo LIKE {p}"));
        }
        if let Some(plover) = &self.plover {
            let p = bind(&mut values, &plover.to_uppercase());
            clauses.push(format!("e.plover_type = {p}"));
        }
        if let Some(quad) = self.quad_class {
            values.push(Value::Integer(i64::from(quad)));
            clauses.push(format!("e.quad_class = ?{}", values.len()));
        }
        if let Some(from) = &self.from {
            let p = bind(&mut values, from);
            clauses.push(format!("e.day >= {p}"));
        }
        if let Some(to) = &self.to {
            let p = bind(&mut values, to);
            clauses.push(format!("e.day <= {p}"));
        }
        if let Some(place) = &self.place {
            let name = bind(&mut values, place);
            let code = bind(&mut values, &place.to_uppercase());
            clauses.push(format!(
                "(e.place = {name} COLLATE NOCASE OR e.place_country = {code})"
            ));
        }
        if let Some(text) = &self.text {
            let p = bind(&mut values, text);
            clauses.push(format!(
                "e.article_id IN (SELECT article_id FROM articles_text WHERE articles_text MATCH {p})"
            ));
        }
        Ok((format!("WHERE {}", clauses.join(" AND ")), values))
    }
}

/// Reads a stored event record.
pub(crate) fn parse_record(id: String, record: &str) -> Result<Event, StoreError> {
    serde_json::from_str(record).map_err(|source| StoreError::BadRecord { id, source })
}

/// Adds `value` to the parameters and gives its placeholder.
pub(crate) fn bind(values: &mut Vec<Value>, value: &str) -> String {
    values.push(Value::Text(value.to_string()));
    format!("?{}", values.len())
}

/// One report of an event: the event as coded from one sentence of one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The event id of this report.
    pub event_id: String,
    /// The article it was coded from.
    pub article_id: String,
}

/// What an export or a list says of an article, without its body.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleRef {
    /// Article id.
    pub id: String,
    /// Where it was published.
    pub url: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// The outlet.
    pub source: Option<String>,
    /// Publication time as stored ("2025-10-27" or RFC 3339).
    pub published: Option<String>,
    /// Average tone, on GDELT's scale.
    pub tone: Option<f64>,
}

impl Store {
    /// Every stored article's reference, by id.
    pub fn article_refs(&self) -> Result<HashMap<String, ArticleRef>, StoreError> {
        let mut statement = self
            .conn
            .prepare(&format!("SELECT {ARTICLE_REF_COLUMNS} FROM articles a"))?;
        let rows = statement.query_map([], article_ref_from_row)?;
        let mut refs = HashMap::new();
        for row in rows {
            let article = row?;
            refs.insert(article.id.clone(), article);
        }
        Ok(refs)
    }

    /// The events that pass `filter`, by article, sentence and id, as the event records
    /// `dyad code` writes: one per event, its first report standing for the others (see
    /// [`Store::reports`]).
    pub fn events(&self, filter: &Filter) -> Result<Vec<Event>, StoreError> {
        let (clause, mut values) = self.where_clause(filter)?;
        let mut sql = format!(
            "SELECT e.id, e.record FROM events e {clause}
             ORDER BY e.article_id, e.sentence_index, e.id"
        );
        if let Some(limit) = filter.limit {
            values.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
            sql.push_str(&format!(" LIMIT ?{}", values.len()));
        }
        self.event_records(&sql, values)
    }

    /// The events an SQL query selects as (id, record) rows.
    pub(crate) fn event_records(
        &self,
        sql: &str,
        values: Vec<Value>,
    ) -> Result<Vec<Event>, StoreError> {
        let mut statement = self.conn.prepare(sql)?;
        let rows = statement.query_map(rusqlite::params_from_iter(values), |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })?;
        let mut events = Vec::new();
        for row in rows {
            let (id, record) = row?;
            events.push(parse_record(id, &record)?);
        }
        Ok(events)
    }

    /// The WHERE clause of `filter` and its parameters, once its full-text query is known
    /// to be well formed: a malformed one is the caller's error, not the database's.
    pub(crate) fn where_clause(&self, filter: &Filter) -> Result<(String, Vec<Value>), StoreError> {
        if let Some(text) = &filter.text {
            self.check_text_query(text)?;
        }
        filter.to_sql()
    }

    /// Refuses a malformed full-text query ("\"unbalanced") as a bad filter.
    pub(crate) fn check_text_query(&self, text: &str) -> Result<(), StoreError> {
        self.conn
            .query_row(
                "SELECT COUNT(*) FROM articles_text WHERE articles_text MATCH ?1 LIMIT 1",
                [text],
                |_| Ok(()),
            )
            .map_err(|error| StoreError::BadFilter(format!("full-text query {text:?}: {error}")))
    }

    /// The reports of every event, by the id of its first report: (event id, article id) of
    /// each, the first included, earliest article first.
    pub fn reports(&self) -> Result<HashMap<String, Vec<Report>>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT COALESCE(e.report_of, e.id), e.id, e.article_id FROM events e
             JOIN articles a ON a.id = e.article_id
             ORDER BY a.published, e.article_id, e.sentence_index, e.id",
        )?;
        let rows = statement.query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                Report {
                    event_id: row.get(1)?,
                    article_id: row.get(2)?,
                },
            ))
        })?;
        let mut reports: HashMap<String, Vec<Report>> = HashMap::new();
        for row in rows {
            let (first, report) = row?;
            reports.entry(first).or_default().push(report);
        }
        Ok(reports)
    }

    /// Every stored article with where it was read from, by id (for `--recode`).
    pub fn articles(&self) -> Result<Vec<(String, Article)>, StoreError> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT {ARTICLE_COLUMNS}, location FROM articles ORDER BY id"
        ))?;
        let rows = statement.query_map([], |row| {
            Ok((row.get::<_, String>(9)?, article_from_row(row)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// What the database holds: inputs by outcome and reason, articles, events by QuadClass,
    /// the `top` most frequent dyads and places.
    pub fn stats(&self, top: usize) -> Result<Stats, StoreError> {
        let counts = |sql: &str| -> Result<Vec<Count>, StoreError> {
            let mut statement = self.conn.prepare(sql)?;
            let rows = statement.query_map([], |row| {
                Ok(Count {
                    label: row.get(0)?,
                    count: row.get(1)?,
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        };
        let one = |sql: &str| -> Result<u64, StoreError> {
            Ok(self.conn.query_row(sql, [], |row| row.get(0))?)
        };
        Ok(Stats {
            inputs: counts(
                "SELECT outcome, COUNT(*) FROM inputs GROUP BY outcome ORDER BY outcome",
            )?,
            reasons: counts(&format!(
                "SELECT outcome || ': ' || reason, COUNT(*) AS n FROM inputs
                 WHERE reason IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1 LIMIT {top}"
            ))?,
            articles: one("SELECT COUNT(*) FROM articles")?,
            copies: one("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL")?,
            events: one(&format!("SELECT COUNT(*) FROM events e WHERE {FIRST_REPORT}"))?,
            reports: one("SELECT COUNT(*) FROM events")?,
            quad_classes: counts(&format!(
                "SELECT 'quad class ' || quad_class, COUNT(*) FROM events e WHERE {FIRST_REPORT}
                 GROUP BY quad_class ORDER BY quad_class"
            ))?,
            top_dyads: counts(&format!(
                "SELECT s.country || ' -> ' || t.country AS dyad, COUNT(DISTINCT e.id) AS n
                 FROM events e
                 JOIN event_actors s ON s.event_id = e.id AND s.role = 'source'
                 JOIN event_actors t ON t.event_id = e.id AND t.role = 'target'
                 WHERE s.country IS NOT NULL AND t.country IS NOT NULL AND {FIRST_REPORT}
                 GROUP BY dyad ORDER BY n DESC, dyad LIMIT {top}"
            ))?,
            top_places: counts(&format!(
                "SELECT place, COUNT(*) AS n FROM events e WHERE place IS NOT NULL AND {FIRST_REPORT}
                 GROUP BY place ORDER BY n DESC, place LIMIT {top}"
            ))?,
        })
    }
}

/// The columns [`article_ref_from_row`] reads, first in a query over `articles a`.
pub(crate) const ARTICLE_REF_COLUMNS: &str = "a.id, a.url, a.title, a.source, a.published, a.tone";

/// An article's reference from the first columns of a row ([`ARTICLE_REF_COLUMNS`]).
pub(crate) fn article_ref_from_row(row: &rusqlite::Row) -> rusqlite::Result<ArticleRef> {
    Ok(ArticleRef {
        id: row.get(0)?,
        url: row.get(1)?,
        title: row.get(2)?,
        source: row.get(3)?,
        published: row.get(4)?,
        tone: row.get(5)?,
    })
}

/// The events that stand for themselves: the first report of each event (and those not
/// linked yet, before a run has finished).
pub(crate) const FIRST_REPORT: &str = "(e.report_of = e.id OR e.report_of IS NULL)";

const ARTICLE_COLUMNS: &str = "id, url, title, source, author, published, language, content, body";

fn article_from_row(row: &rusqlite::Row) -> rusqlite::Result<Article> {
    let published: Option<String> = row.get(5)?;
    let content: String = row.get(7)?;
    Ok(Article {
        id: row.get(0)?,
        url: row.get(1)?,
        title: row.get(2)?,
        source: row.get(3)?,
        author: row.get(4)?,
        // Stored by this crate in the form Published parses; anything else is left out.
        published: published.and_then(|p| p.parse().ok()),
        language: row.get(6)?,
        content: serde_json::from_value(serde_json::Value::String(content)).unwrap_or_default(),
        body: row.get(8)?,
    })
}
