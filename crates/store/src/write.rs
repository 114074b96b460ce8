//! Writing: one transaction per article, replacing whatever an earlier run stored for it.

use dyad_coder::Event;
use dyad_coder::actors::Actor;
use dyad_core::{Article, Doc};
use dyad_quotes::Quote;
use dyad_tone::ArticleTone;
use rusqlite::{Connection, Transaction, params};

use crate::{Store, StoreError};

/// The versions of what coded an article, recorded with it and with each of its events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Versions {
    /// The coder and its knowledge base (`Coder::version`).
    pub coder: String,
    /// The language models (`Models::version`).
    pub models: String,
}

/// One article as the pipeline left it: read, parsed and coded.
pub struct CodedArticle<'a> {
    /// Where the article was read from (file, line, record), as reports print it.
    pub location: &'a str,
    /// The article.
    pub article: &'a Article,
    /// Its sentences and tokens.
    pub doc: &'a Doc,
    /// The events coded from it.
    pub events: &'a [Event],
    /// What coded it.
    pub versions: &'a Versions,
    /// Its tone and its sentences'.
    pub tone: &'a ArticleTone,
    /// Its direct quotations.
    pub quotes: &'a [Quote],
}

/// What became of an input that did not give a coded article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputOutcome {
    /// Readable, but not an article to code (empty, another language, a WARC request...).
    Skipped,
    /// Could not be read.
    Failed,
}

impl InputOutcome {
    fn as_str(self) -> &'static str {
        match self {
            InputOutcome::Skipped => "skipped",
            InputOutcome::Failed => "failed",
        }
    }
}

impl Store {
    /// Whether the article `id` is stored and was coded by exactly `versions`, so a re-run
    /// can leave it alone.
    pub fn is_current(&self, id: &str, versions: &Versions) -> Result<bool, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT 1 FROM articles WHERE id = ?1 AND coder_version = ?2 AND models_version = ?3",
        )?;
        Ok(statement.exists(params![id, versions.coder, versions.models])?)
    }

    /// Records an input that gave no article, with the reason.
    pub fn save_input(
        &mut self,
        location: &str,
        outcome: InputOutcome,
        reason: &str,
    ) -> Result<(), StoreError> {
        upsert_input(&self.conn, location, outcome.as_str(), Some(reason), None)
    }

    /// Records an input whose article is already stored and current.
    pub fn save_coded_input(&mut self, location: &str, article_id: &str) -> Result<(), StoreError> {
        upsert_input(&self.conn, location, "coded", None, Some(article_id))
    }

    /// Stores one coded article, its input, sentences and events in one transaction,
    /// replacing what an earlier run stored for the same article.
    pub fn save_article(&mut self, coded: &CodedArticle) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let id = coded.article.id.as_str();
        delete_article(&tx, id)?;
        insert_article(&tx, coded)?;
        for (index, sentence) in coded.doc.sentences.iter().enumerate() {
            tx.prepare_cached(
                "INSERT INTO sentences (article_id, idx, start, end, tone)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                id,
                index,
                sentence.span.start,
                sentence.span.end,
                coded.tone.sentences.get(index)
            ])?;
        }
        let published_day = coded
            .article
            .published
            .as_ref()
            .map(|p| p.date().to_string());
        for event in coded.events {
            insert_event(&tx, event, coded.versions, published_day.as_deref())?;
        }
        for (index, quote) in coded.quotes.iter().enumerate() {
            let speaker = quote.speaker.as_ref();
            tx.prepare_cached(
                "INSERT INTO quotes (article_id, idx, start, end, text, speaker, speaker_start,
                                     speaker_end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                id,
                index,
                quote.start,
                quote.end,
                quote.text(&coded.article.body),
                speaker.map(|s| s.name.as_str()),
                speaker.map(|s| s.start),
                speaker.map(|s| s.end),
            ])?;
        }
        upsert_input(&tx, coded.location, "coded", None, Some(id))?;
        tx.commit()?;
        Ok(())
    }
}

/// What became of the input at `location`; a later run's word replaces an earlier one's.
fn upsert_input(
    conn: &Connection,
    location: &str,
    outcome: &str,
    reason: Option<&str>,
    article_id: Option<&str>,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO inputs (location, outcome, reason, article_id)
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![location, outcome, reason, article_id])?;
    Ok(())
}

fn delete_article(tx: &Transaction, id: &str) -> Result<(), StoreError> {
    // The full-text row is found by its rowid: the index cannot look up `article_id`, and
    // scanning it for every article stored made a run slower with every article.
    tx.prepare_cached(
        "DELETE FROM articles_text WHERE rowid = (SELECT text_rowid FROM articles WHERE id = ?1)",
    )?
    .execute([id])?;
    // Events, their actors and the sentences go with the article (ON DELETE CASCADE).
    tx.prepare_cached("DELETE FROM articles WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

fn insert_article(tx: &Transaction, coded: &CodedArticle) -> Result<(), StoreError> {
    let article = coded.article;
    let content = serde_json::to_value(article.content)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "full".to_string());
    tx.prepare_cached("INSERT INTO articles_text (article_id, title, body) VALUES (?1, ?2, ?3)")?
        .execute(params![
            article.id,
            article.title.as_deref().unwrap_or(""),
            article.body
        ])?;
    let text_rowid = tx.last_insert_rowid();
    tx.prepare_cached(
        "INSERT INTO articles (id, url, title, source, author, published, language, content, body,
                               location, coder_version, models_version, tone, minhash, text_rowid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        article.id,
        article.url,
        article.title,
        article.source,
        article.author,
        article.published.as_ref().map(|p| p.to_string()),
        article.language,
        content,
        article.body,
        coded.location,
        coded.versions.coder,
        coded.versions.models,
        coded.tone.average,
        crate::reports::signature(&article.body),
        text_rowid,
    ])?;
    Ok(())
}

fn insert_event(
    tx: &Transaction,
    event: &Event,
    versions: &Versions,
    published_day: Option<&str>,
) -> Result<(), StoreError> {
    let record = serde_json::to_string(event).map_err(|source| StoreError::BadRecord {
        id: event.event_id.clone(),
        source,
    })?;
    let place = event.location.as_ref();
    tx.prepare_cached(
        "INSERT OR REPLACE INTO events (id, article_id, sentence_index, cameo, cameo_root,
             quad_class, goldstein, plover_type, plover_mode, date, date_precision, place,
             place_country, modality, pattern, confidence, coder_version, models_version, record,
             merge_key, day, latitude, longitude)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19, ?20, ?21, ?22, ?23)",
    )?
    .execute(params![
        event.event_id,
        event.article_id,
        event.sentence_index,
        event.cameo,
        event.cameo_root,
        event.quad_class,
        f64::from(event.goldstein),
        event.plover.kind,
        event.plover.mode,
        event.date.as_ref().map(|d| d.value.as_str()),
        event.date.as_ref().map(|d| d.precision.as_str()),
        place.map(|p| p.name.as_str()),
        place.map(|p| p.country.as_str()).filter(|c| !c.is_empty()),
        event.modality,
        event.pattern,
        f64::from(event.confidence),
        versions.coder,
        versions.models,
        record,
        crate::reports::merge_key(event),
        event_day(event).or(published_day),
        place.map(|p| p.latitude),
        place.map(|p| p.longitude),
    ])?;
    for (role, actors) in [("source", &event.source), ("target", &event.target)] {
        for (position, actor) in actors.iter().enumerate() {
            insert_actor(tx, &event.event_id, role, position, actor)?;
        }
    }
    Ok(())
}

/// The day an event happened on, when its date is precise to the day.
fn event_day(event: &Event) -> Option<&str> {
    let date = event.date.as_ref()?;
    (date.precision == "day")
        .then(|| date.value.get(..10))
        .flatten()
}

fn insert_actor(
    tx: &Transaction,
    event_id: &str,
    role: &str,
    position: usize,
    actor: &Actor,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT OR REPLACE INTO event_actors (event_id, role, position, code, country, sector,
             entity, name, text, start, end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        event_id,
        role,
        position,
        actor.code,
        actor.country,
        actor.sector,
        actor.entity,
        actor.name,
        actor.text,
        actor.start,
        actor.end,
    ])?;
    Ok(())
}
