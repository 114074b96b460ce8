//! The database schema, as an ordered list of migrations. The database's `user_version` is the
//! number of migrations applied; opening a database applies the ones it lacks, each in its own
//! transaction, so a database written by any earlier dyad opens in this one.

use rusqlite::Connection;

use crate::StoreError;

/// Migration `i` brings a database from version `i` to version `i + 1`. Never edit one that
/// has shipped: add a new one.
const MIGRATIONS: &[&str] = &[
    // 1: inputs, articles, sentences, events with their actors, full-text search.
    r#"
    CREATE TABLE inputs (
        location   TEXT PRIMARY KEY,
        outcome    TEXT NOT NULL CHECK (outcome IN ('coded', 'skipped', 'failed')),
        reason     TEXT,
        article_id TEXT
    );
    CREATE TABLE articles (
        id             TEXT PRIMARY KEY,
        url            TEXT,
        title          TEXT,
        source         TEXT,
        author         TEXT,
        published      TEXT,
        language       TEXT,
        content        TEXT NOT NULL,
        body           TEXT NOT NULL,
        location       TEXT NOT NULL,
        coder_version  TEXT NOT NULL,
        models_version TEXT NOT NULL
    );
    CREATE TABLE sentences (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx        INTEGER NOT NULL,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE TABLE events (
        id             TEXT PRIMARY KEY,
        article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        sentence_index INTEGER NOT NULL,
        cameo          TEXT NOT NULL,
        cameo_root     TEXT NOT NULL,
        quad_class     INTEGER NOT NULL,
        goldstein      REAL NOT NULL,
        plover_type    TEXT NOT NULL,
        plover_mode    TEXT NOT NULL,
        date           TEXT,
        date_precision TEXT,
        place          TEXT,
        place_country  TEXT,
        modality       TEXT NOT NULL,
        pattern        TEXT NOT NULL,
        confidence     REAL NOT NULL,
        coder_version  TEXT NOT NULL,
        models_version TEXT NOT NULL,
        record         TEXT NOT NULL
    );
    CREATE INDEX events_by_article ON events(article_id, sentence_index);
    CREATE INDEX events_by_date ON events(date);
    CREATE INDEX events_by_cameo ON events(cameo);
    CREATE TABLE event_actors (
        event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        role     TEXT NOT NULL CHECK (role IN ('source', 'target')),
        position INTEGER NOT NULL,
        code     TEXT NOT NULL,
        country  TEXT,
        sector   TEXT,
        entity   TEXT,
        name     TEXT,
        text     TEXT NOT NULL,
        start    INTEGER NOT NULL,
        end      INTEGER NOT NULL,
        PRIMARY KEY (event_id, role, position)
    ) WITHOUT ROWID;
    CREATE INDEX event_actors_by_country ON event_actors(country, role);
    CREATE INDEX event_actors_by_code ON event_actors(code);
    CREATE VIRTUAL TABLE articles_text USING fts5(article_id UNINDEXED, title, body);
    "#,
    // 2: tone of articles (GDELT-style average) and sentences (VADER compound).
    r#"
    ALTER TABLE articles ADD COLUMN tone REAL;
    ALTER TABLE sentences ADD COLUMN tone REAL;
    "#,
    // 3: copies of one story and reports of one event; direct quotations with speakers.
    r#"
    ALTER TABLE articles ADD COLUMN minhash BLOB;
    ALTER TABLE articles ADD COLUMN duplicate_of TEXT;
    ALTER TABLE events ADD COLUMN merge_key TEXT;
    ALTER TABLE events ADD COLUMN day TEXT;
    ALTER TABLE events ADD COLUMN report_of TEXT;
    CREATE INDEX events_by_report ON events(report_of);
    CREATE TABLE quotes (
        article_id    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx           INTEGER NOT NULL,
        start         INTEGER NOT NULL,
        end           INTEGER NOT NULL,
        text          TEXT NOT NULL,
        speaker       TEXT,
        speaker_start INTEGER,
        speaker_end   INTEGER,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    "#,
    // 4: coordinates of the event's place, for maps; events by day, for time series; each
    // article's full-text row, so replacing an article need not scan the full-text table.
    r#"
    ALTER TABLE events ADD COLUMN latitude REAL;
    ALTER TABLE events ADD COLUMN longitude REAL;
    UPDATE events SET latitude = json_extract(record, '$.location.latitude'),
                      longitude = json_extract(record, '$.location.longitude');
    CREATE INDEX events_by_day ON events(day, id);
    ALTER TABLE articles ADD COLUMN text_rowid INTEGER;
    CREATE TEMP TABLE text_rows AS SELECT article_id, rowid AS text_rowid FROM articles_text;
    CREATE INDEX temp.text_rows_by_article ON text_rows(article_id);
    UPDATE articles SET text_rowid =
        (SELECT t.text_rowid FROM temp.text_rows t WHERE t.article_id = articles.id);
    DROP TABLE temp.text_rows;
    "#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

/// Applies the migrations `conn` lacks. A database from a newer dyad is refused rather than
/// written with a schema this build does not know.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let found = version(conn)?;
    refuse_newer(found)?;
    for (done, sql) in MIGRATIONS.iter().enumerate().skip(found) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", done + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// Refuses a database written by a newer dyad, whose schema this build does not know.
pub fn refuse_newer(found: usize) -> Result<(), StoreError> {
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found,
            known: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// The schema version of an open database.
pub fn version(conn: &Connection) -> Result<usize, StoreError> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database at version 3 gains the coordinates of the events it already holds.
    #[test]
    fn migration_4_fills_coordinates_and_full_text_rows_from_what_is_stored() {
        let mut conn = Connection::open_in_memory().unwrap();
        for sql in &MIGRATIONS[..3] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 3).unwrap();
        conn.execute_batch(
            r#"INSERT INTO articles (id, content, body, location, coder_version, models_version)
                   VALUES ('a', 'text', 'Talks in Geneva.', 'x', 'c', 'm');
               INSERT INTO articles_text (article_id, title, body) VALUES ('b', '', 'Other.');
               INSERT INTO articles_text (article_id, title, body)
                   VALUES ('a', '', 'Talks in Geneva.');
               INSERT INTO events (id, article_id, sentence_index, cameo, cameo_root,
                   quad_class, goldstein, plover_type, plover_mode, modality, pattern,
                   confidence, coder_version, models_version, record)
               VALUES ('e', 'a', 0, '040', '04', 1, 1.0, 'CONSULT', '', 'asserted', 'p', 0.9,
                   'c', 'm', '{"location": {"latitude": 46.2, "longitude": 6.15}}');"#,
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let (latitude, longitude): (f64, f64) = conn
            .query_row("SELECT latitude, longitude FROM events", [], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .unwrap();
        assert_eq!((latitude, longitude), (46.2, 6.15));
        let text: String = conn
            .query_row(
                "SELECT t.body FROM articles a JOIN articles_text t ON t.rowid = a.text_rowid",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(
            text, "Talks in Geneva.",
            "the article knows its full-text row"
        );
        assert_eq!(version(&conn).unwrap(), SCHEMA_VERSION);
    }
}
