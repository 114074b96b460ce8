//! End-to-end tests of the main job: `dyad run` into a database, then `dyad export`,
//! `dyad query` and `dyad stats` out of it.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::repo;
use rusqlite::{Connection, OpenFlags};

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .current_dir(repo())
        .stdin(Stdio::null())
        .output()
        .expect("the dyad binary runs")
}

fn succeeded(output: Output) -> Output {
    assert!(
        output.status.success(),
        "dyad failed: {}\n{}",
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout)
    );
    output
}

fn run_examples(db: &Path) -> String {
    let output = succeeded(dyad(&[
        "run",
        "--db",
        db.to_str().unwrap(),
        "--date",
        "2025-11-20",
        "examples/articles/",
    ]));
    String::from_utf8(output.stdout).unwrap()
}

fn export(db: &Path, format: &str) -> Vec<u8> {
    succeeded(dyad(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        "--format",
        format,
    ]))
    .stdout
}

/// Every row of every table the pipeline writes, in key order, as text.
fn dump(db: &Path) -> Vec<String> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut rows = Vec::new();
    for (table, order) in [
        ("inputs", "location"),
        ("articles", "id"),
        ("sentences", "article_id, idx"),
        ("events", "id"),
        ("event_actors", "event_id, role, position"),
        ("articles_text", "article_id"),
        ("quotes", "article_id, idx"),
    ] {
        let mut statement = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY {order}"))
            .unwrap();
        let columns = statement.column_count();
        let mut query = statement.query([]).unwrap();
        while let Some(row) = query.next().unwrap() {
            let values: Vec<String> = (0..columns)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect();
            rows.push(format!("{table}: {}", values.join(" | ")));
        }
    }
    rows
}

#[test]
fn the_main_job_codes_the_examples_and_prints_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dyad.db");
    let summary = run_examples(&db);
    assert!(summary.contains("this run: 12 articles coded"), "{summary}");
    assert!(summary.contains("inputs: coded 12"), "{summary}");
    assert!(
        summary.contains("events by QuadClass: quad class 1"),
        "{summary}"
    );
    assert!(summary.contains("top dyads: "), "{summary}");
    let events = String::from_utf8(export(&db, "jsonl")).unwrap();
    assert!(events.lines().count() >= 20, "{events}");
}

#[test]
fn running_twice_changes_nothing_and_exports_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dyad.db");
    run_examples(&db);
    let first: Vec<Vec<u8>> = ["jsonl", "plover", "gdelt", "csv", "parquet"]
        .iter()
        .map(|format| export(&db, format))
        .collect();
    let before = dump(&db);
    let summary = run_examples(&db);
    assert!(
        summary.contains("0 articles coded, 0 events; 12 articles already coded"),
        "{summary}"
    );
    let second: Vec<Vec<u8>> = ["jsonl", "plover", "gdelt", "csv", "parquet"]
        .iter()
        .map(|format| export(&db, format))
        .collect();
    assert_eq!(first, second);
    assert_eq!(before, dump(&db));
}

/// Articles enough for a run to take a few seconds: the example briefs with a number added,
/// so each is its own article.
fn write_many_articles(path: &Path, count: usize) {
    let briefs =
        std::fs::read_to_string(repo().join("examples/articles/wire-briefs.jsonl")).unwrap();
    let briefs: Vec<serde_json::Value> = briefs
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let mut lines = String::new();
    for i in 0..count {
        let mut brief = briefs[i % briefs.len()].clone();
        brief["id"] = format!("many-{i}").into();
        brief["url"] = format!("https://wire.dyad.example/many/{i}").into();
        let text = brief["text"].as_str().unwrap().to_string();
        brief["text"] = format!("{text}\n\nThis is report number {i}.").into();
        lines.push_str(&brief.to_string());
        lines.push('\n');
    }
    std::fs::write(path, lines).unwrap();
}

fn stored_articles(db: &Path) -> u64 {
    let Ok(conn) = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return 0;
    };
    conn.query_row("SELECT COUNT(*) FROM articles", [], |row| row.get(0))
        .unwrap_or(0)
}

#[test]
fn a_run_killed_midway_and_run_again_gives_the_database_of_an_uninterrupted_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("many.jsonl");
    write_many_articles(&input, 400);
    let input = input.to_str().unwrap();

    let whole = dir.path().join("whole.db");
    succeeded(dyad(&["run", "--db", whole.to_str().unwrap(), input]));

    let killed = dir.path().join("killed.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args([
            "run",
            "--db",
            killed.to_str().unwrap(),
            "--batch",
            "4",
            input,
        ])
        .current_dir(repo())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while stored_articles(&killed) < 20 && started.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "the run ended before it could be killed: give it more articles"
    );
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let partial = stored_articles(&killed);
    assert!(
        (20..400).contains(&partial),
        "{partial} articles when killed"
    );

    let summary = String::from_utf8(
        succeeded(dyad(&["run", "--db", killed.to_str().unwrap(), input])).stdout,
    )
    .unwrap();
    assert!(summary.contains("articles already coded"), "{summary}");
    assert_eq!(dump(&whole), dump(&killed));
}

#[test]
fn the_gdelt_export_has_61_valid_columns_per_row() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dyad.db");
    run_examples(&db);
    let table = String::from_utf8(export(&db, "gdelt")).unwrap();
    assert!(table.lines().count() >= 10);
    for line in table.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 61, "{line}");
        assert!(fields[0].parse::<u64>().is_ok(), "GLOBALEVENTID: {line}");
        assert!(
            fields[1].len() == 8 && fields[1].parse::<u32>().is_ok(),
            "SQLDATE: {line}"
        );
        assert_eq!(&fields[1][..6], fields[2], "MonthYear: {line}");
        assert_eq!(&fields[1][..4], fields[3], "Year: {line}");
        let (code, base, root) = (fields[26], fields[27], fields[28]);
        assert!(
            code.starts_with(base) && base.starts_with(root) && root.len() == 2,
            "{line}"
        );
        assert!(
            ["1", "2", "3", "4"].contains(&fields[29]),
            "QuadClass: {line}"
        );
        let goldstein: f64 = fields[30].parse().unwrap();
        assert!(
            (-10.0..=10.0).contains(&goldstein),
            "GoldsteinScale: {line}"
        );
        for country in [fields[7], fields[17]] {
            assert!(
                country.is_empty() || country.len() == 3,
                "CountryCode: {line}"
            );
        }
        assert!(
            !fields[5].is_empty() || !fields[15].is_empty(),
            "no actor: {line}"
        );
        assert!(
            fields[59].len() == 14 && fields[59].parse::<u64>().is_ok(),
            "DATEADDED: {line}"
        );
        assert!(!fields[60].is_empty(), "SOURCEURL: {line}");
    }
}

#[test]
fn queries_filter_by_country_dyad_code_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dyad.db");
    run_examples(&db);
    let db = db.to_str().unwrap();
    let query = |args: &[&str]| -> Vec<serde_json::Value> {
        let mut all = vec!["query", "--db", db, "--json"];
        all.extend(args);
        String::from_utf8(succeeded(dyad(&all)).stdout)
            .unwrap()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    };
    let countries = |event: &serde_json::Value, side: &str| -> Vec<String> {
        event[side]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|a| a["country"].as_str().map(str::to_string))
            .collect()
    };
    let ukraine = query(&["--country", "UKR"]);
    assert!(!ukraine.is_empty());
    for event in &ukraine {
        let mut both = countries(event, "source");
        both.extend(countries(event, "target"));
        assert!(both.contains(&"UKR".to_string()), "{event}");
    }
    let russia_ukraine = query(&["--dyad", "RUS-UKR"]);
    assert!(!russia_ukraine.is_empty());
    for event in russia_ukraine {
        assert!(countries(&event, "source").contains(&"RUS".to_string()));
        assert!(countries(&event, "target").contains(&"UKR".to_string()));
    }
    // Coercion (17): the examples' arrests and charges in Tbilisi.
    let coercion = query(&["--cameo", "17"]);
    assert!(!coercion.is_empty());
    assert!(
        coercion
            .iter()
            .all(|e| e["cameo"].as_str().unwrap().starts_with("17"))
    );
    assert!(query(&["--text", "ceasefire"]).len() < query(&[]).len());
    let bad = dyad(&["query", "--db", db, "--cameo", "x4"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not digits"));
}

#[test]
fn every_input_that_is_not_coded_is_stored_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(
        dir.path().join("notes.txt"),
        "Kenya and Uganda signed a deal.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("bad.jsonl"),
        "{\"text\": \"ok\"\nnot json\n",
    )
    .unwrap();
    let db = dir.path().join("dyad.db");
    let output = succeeded(dyad(&[
        "run",
        "--db",
        db.to_str().unwrap(),
        dir.path().to_str().unwrap(),
    ]));
    let summary = String::from_utf8(output.stdout).unwrap();
    assert!(summary.contains("why not coded: "), "{summary}");
    let conn = Connection::open(&db).unwrap();
    let outcomes: Vec<(String, String, Option<String>)> = conn
        .prepare("SELECT location, outcome, reason FROM inputs ORDER BY location")
        .unwrap()
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let of = |name: &str| {
        outcomes
            .iter()
            .filter(|(location, _, _)| location.contains(name))
            .map(|(_, outcome, reason)| {
                format!("{outcome}: {}", reason.clone().unwrap_or_default())
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(of("empty.txt"), ["skipped: empty input"]);
    assert_eq!(
        of("notes.txt"),
        ["skipped: no publication date (give one with --date)"]
    );
    let jsonl = of("bad.jsonl");
    assert_eq!(jsonl.len(), 2, "{outcomes:?}");
    assert!(
        jsonl
            .iter()
            .all(|o| o.starts_with("failed: ") || o.starts_with("skipped: ")),
        "{jsonl:?}"
    );
}

/// Codes the syndication fixture's articles `ids` (all when empty) into a new database.
fn run_syndication(dir: &Path, ids: &[&str]) -> PathBuf {
    let fixture = repo().join("tests/fixtures/syndication/articles.jsonl");
    let lines: Vec<String> = std::fs::read_to_string(fixture)
        .unwrap()
        .lines()
        .filter(|line| ids.is_empty() || ids.iter().any(|id| line.contains(&format!("\"{id}\""))))
        .map(str::to_string)
        .collect();
    let input = dir.join(format!("articles-{}.jsonl", lines.len()));
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let db = dir.join(format!("syndication-{}.db", lines.len()));
    succeeded(dyad(&[
        "run",
        "--db",
        db.to_str().unwrap(),
        input.to_str().unwrap(),
    ]));
    db
}

#[test]
fn syndicated_copies_give_one_event_with_several_reports() {
    let dir = tempfile::tempdir().unwrap();
    let all = run_syndication(dir.path(), &[]);
    let original = run_syndication(dir.path(), &["dw-syn-1", "dw-syn-4"]);
    let jsonl = |db: &Path| -> Vec<serde_json::Value> {
        String::from_utf8(export(db, "jsonl"))
            .unwrap()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    };
    let (with_copies, alone) = (jsonl(&all), jsonl(&original));
    assert!(!alone.is_empty(), "the original story gives events");
    assert_eq!(
        with_copies.len(),
        alone.len(),
        "copies of a story must not add events"
    );
    let meeting = with_copies
        .iter()
        .find(|e| e["cameo"] == "040" && e["article_id"] == "dw-syn-1")
        .expect("the meeting is coded from the first article");
    let coverage = &meeting["coverage"];
    assert_eq!(coverage["mentions"], 3, "{coverage}");
    assert_eq!(coverage["articles"], 3, "{coverage}");
    assert_eq!(coverage["sources"], 3, "{coverage}");
    let reported_in: Vec<&str> = coverage["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["article_id"].as_str().unwrap())
        .collect();
    assert_eq!(reported_in, ["dw-syn-1", "dw-syn-2", "dw-syn-3"]);

    // GDELT counts the same: one row with three mentions, sources and articles.
    let gdelt = String::from_utf8(export(&all, "gdelt")).unwrap();
    let rows: Vec<Vec<&str>> = gdelt
        .lines()
        .map(|line| line.split('\t').collect())
        .filter(|row: &Vec<&str>| row[26] == "040")
        .collect();
    assert_eq!(rows.len(), 1, "{gdelt}");
    assert_eq!(&rows[0][31..34], ["3", "3", "3"]);

    let conn = Connection::open_with_flags(&all, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let copies: Vec<(String, Option<String>)> = conn
        .prepare("SELECT id, duplicate_of FROM articles ORDER BY id")
        .unwrap()
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let original_id = Some("dw-syn-1".to_string());
    assert_eq!(
        copies,
        [
            ("dw-syn-1".to_string(), None),
            ("dw-syn-2".to_string(), original_id.clone()),
            ("dw-syn-3".to_string(), original_id),
            ("dw-syn-4".to_string(), None),
        ]
    );
}

#[test]
fn parquet_rows_equal_the_sqlite_rows() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dyad.db");
    run_examples(&db);
    let file = dir.path().join("events.parquet");
    succeeded(dyad(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        "--format",
        "parquet",
        "--out",
        file.to_str().unwrap(),
    ]));

    use parquet::file::reader::{FileReader, SerializedFileReader};
    let reader = SerializedFileReader::new(std::fs::File::open(&file).unwrap()).unwrap();
    let columns = [
        "event_id",
        "article_id",
        "sentence_index",
        "date",
        "cameo",
        "quad_class",
        "goldstein",
        "plover_type",
        "modality",
        "place",
        "place_country",
        "pattern",
    ];
    let mut from_parquet: Vec<Vec<String>> = Vec::new();
    for row in reader.get_row_iter(None).unwrap() {
        let row = row.unwrap();
        let fields: std::collections::HashMap<&str, String> = row
            .get_column_iter()
            .map(|(name, field)| {
                let text = match field {
                    parquet::record::Field::Null => "NULL".to_string(),
                    parquet::record::Field::Str(s) => s.clone(),
                    parquet::record::Field::Double(d) => format!("{d:.1}"),
                    other => other.to_string(),
                };
                (name.as_str(), text)
            })
            .collect();
        from_parquet.push(columns.iter().map(|c| fields[c].clone()).collect());
    }

    let conn = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut statement = conn
        .prepare(
            "SELECT id, article_id, sentence_index, date, cameo, quad_class, goldstein,
                    plover_type, modality, place, place_country, pattern
             FROM events WHERE report_of = id ORDER BY article_id, sentence_index, id",
        )
        .unwrap();
    let from_sqlite: Vec<Vec<String>> = statement
        .query_map([], |row| {
            Ok((0..columns.len())
                .map(|i| match row.get_ref(i).unwrap() {
                    rusqlite::types::ValueRef::Null => "NULL".to_string(),
                    rusqlite::types::ValueRef::Integer(n) => n.to_string(),
                    rusqlite::types::ValueRef::Real(r) => format!("{r:.1}"),
                    rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                    rusqlite::types::ValueRef::Blob(_) => "blob".to_string(),
                })
                .collect())
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!from_sqlite.is_empty());
    assert_eq!(from_parquet, from_sqlite);
}

/// Re-coding replaces each article's full-text row instead of adding another, so a search
/// finds every article once.
#[test]
fn recoding_keeps_one_full_text_row_per_article() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dyad.db");
    run_examples(&db);
    // As if an older coder had written every article, so --recode stores each again.
    Connection::open(&db)
        .unwrap()
        .execute("UPDATE articles SET coder_version = 'older'", [])
        .unwrap();
    let output = succeeded(dyad(&["run", "--db", db.to_str().unwrap(), "--recode"]));
    let summary = String::from_utf8_lossy(&output.stdout);
    assert!(summary.contains("12 articles coded"), "{summary}");
    let conn = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |row| row.get(0)).unwrap() };
    assert_eq!(
        count("SELECT COUNT(*) FROM articles_text"),
        count("SELECT COUNT(*) FROM articles")
    );
    assert_eq!(
        count(
            "SELECT COUNT(*) FROM articles a JOIN articles_text t ON t.rowid = a.text_rowid
             WHERE t.article_id = a.id"
        ),
        count("SELECT COUNT(*) FROM articles")
    );
}
