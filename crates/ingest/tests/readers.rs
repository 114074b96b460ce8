//! Every reader on fixtures written for dyad, including malformed inputs: each gives its
//! documented outcome and the records after it are still read.

use std::io::{BufReader, Cursor, Write};
use std::path::{Path, PathBuf};

use dyad_core::{Article, ContentKind};
use dyad_ingest::{FailReason, Options, Outcome, Record, SkipReason, ingest_path, ingest_reader};

fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative)
}

fn read_with(path: &Path, options: &Options) -> Vec<Record> {
    let mut records = Vec::new();
    ingest_path(path, options, &mut |record| records.push(record));
    records
}

fn read(relative: &str) -> Vec<Record> {
    read_with(&fixture(relative), &Options::default())
}

fn read_bytes(bytes: &[u8], options: &Options) -> Vec<Record> {
    let mut records = Vec::new();
    ingest_reader(
        "<bytes>",
        &mut BufReader::new(Cursor::new(bytes)),
        options,
        &mut |record| records.push(record),
    );
    records
}

fn article(record: &Record) -> &Article {
    match &record.outcome {
        Outcome::Article(article) => article,
        other => panic!("{}: expected an article, got {other}", record.location),
    }
}

fn outcomes(records: &[Record]) -> Vec<String> {
    records
        .iter()
        .map(|record| {
            record
                .outcome
                .to_string()
                .split(" (")
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

#[test]
fn plain_text_with_headline_and_date() {
    let options = Options {
        default_date: Some("2025-11-17".parse().unwrap()),
        ..Options::default()
    };
    let records = read_with(&fixture("inputs/article.txt"), &options);
    assert_eq!(records.len(), 1);
    let article = article(&records[0]);
    assert_eq!(
        article.title.as_deref(),
        Some("Rebels and army agree three-day truce")
    );
    assert!(
        article
            .body
            .starts_with("KHARTOUM (Fixture Wire) — Sudan's army")
    );
    assert!(article.body.contains("\n\nThe U.S. and Saudi Arabia"));
    assert_eq!(article.published.unwrap().to_string(), "2025-11-17");
    assert_eq!(article.language.as_deref(), Some("en"));
    assert_eq!(article.id.len(), 16);
}

#[test]
fn format_is_detected_by_content_not_extension() {
    let with = read("inputs/article.txt");
    let without = read("inputs/article-without-extension");
    assert_eq!(article(&with[0]).body, article(&without[0]).body);
    // Same content and no URL: the same deterministic id.
    assert_eq!(article(&with[0]).id, article(&without[0]).id);
}

#[test]
fn empty_binary_and_latin1_files() {
    assert!(matches!(
        read("inputs/empty.txt")[0].outcome,
        Outcome::Skipped(SkipReason::Empty)
    ));
    assert!(matches!(
        read("inputs/image.png")[0].outcome,
        Outcome::Skipped(SkipReason::Binary)
    ));
    let latin1 = read("inputs/latin1.txt");
    let article = article(&latin1[0]);
    assert!(
        article
            .body
            .contains("MADRID – The Spanish culture minister"),
        "{}",
        article.body
    );
    assert!(article.body.contains("café owned by his cousin"));
    assert!(
        latin1[0]
            .notes
            .iter()
            .any(|note| note.contains("not UTF-8")),
        "{:?}",
        latin1[0].notes
    );
}

#[test]
fn html_without_body_is_skipped_with_reason() {
    let records = read("inputs/nobody.html");
    assert!(
        matches!(records[0].outcome, Outcome::Skipped(SkipReason::NoText)),
        "{}",
        records[0].outcome
    );
}

#[test]
fn jsonl_lines_each_end_in_their_own_outcome() {
    let records = read("jsonl/articles.jsonl");
    let lines: Vec<u64> = records
        .iter()
        .map(|record| record.location.line.unwrap())
        .collect();
    assert_eq!(
        lines,
        [1, 2, 4, 5, 6, 7, 8],
        "the blank line 3 is not a record"
    );
    assert_eq!(
        outcomes(&records),
        [
            "ok",
            "failed: not a JSON object: expected ident at line 1 column 2",
            "failed: not a JSON object: the line is a JSON array",
            "failed: no \"text\", \"body\" or \"html\" field",
            "ok",
            "ok",
            "skipped: language: fr"
        ]
    );
    let first = article(&records[0]);
    assert_eq!(first.id, "brief-1");
    assert_eq!(first.source.as_deref(), Some("Fixture Briefs"));
    assert_eq!(first.published.unwrap().to_string(), "2025-11-21");
    let undated = article(&records[4]);
    assert_eq!(undated.published, None);
    assert!(records[4].notes[0].contains("unparseable date \"next Tuesday-ish\""));
    let from_html = article(&records[5]);
    assert_eq!(from_html.title.as_deref(), Some("Page in a line"));
    assert_eq!(
        from_html.published.unwrap().to_string(),
        "2025-11-19T12:00:00+00:00"
    );
    assert!(
        from_html
            .body
            .starts_with("Rescue teams pulled 14 survivors")
    );
}

#[test]
fn jsonl_invalid_utf8_fails_that_line_only() {
    let records = read("jsonl/invalid-utf8.jsonl");
    assert_eq!(records.len(), 2);
    assert!(
        matches!(
            records[0].outcome,
            Outcome::Failed(FailReason::InvalidUtf8(31))
        ),
        "{}",
        records[0].outcome
    );
    assert_eq!(article(&records[1]).id, "after");
}

#[test]
fn rss_items_full_content_or_summary() {
    let records = read("feeds/rss.xml");
    assert_eq!(records.len(), 3);
    let full = article(&records[0]);
    assert_eq!(
        full.title.as_deref(),
        Some("Leaders sign coastal fisheries pact")
    );
    assert_eq!(
        full.url.as_deref(),
        Some("https://wire.example/2025/11/fisheries-pact")
    );
    assert_eq!(full.source.as_deref(), Some("Fixture Wire"));
    assert_eq!(full.author.as_deref(), Some("Aiko Tanabe"));
    assert_eq!(
        full.published.unwrap().to_string(),
        "2025-11-18T08:15:00+09:00"
    );
    assert_eq!(full.content, ContentKind::Full);
    assert!(
        full.body
            .starts_with("TOKYO (Fixture Wire) - Japan and South Korea signed a pact")
    );
    assert!(
        full.body
            .contains("\n\nThe agreement follows “three rounds” of talks"),
        "{}",
        full.body
    );
    let summary = article(&records[1]);
    assert_eq!(summary.content, ContentKind::Summary);
    assert!(
        summary.body.starts_with("Dock workers in Rotterdam"),
        "{}",
        summary.body
    );
    assert!(!summary.body.contains("<p>"));
    assert!(matches!(
        records[2].outcome,
        Outcome::Skipped(SkipReason::NoText)
    ));
    assert_eq!(records[2].location.record, Some(3));
}

#[test]
fn atom_entries() {
    let records = read("feeds/atom.xml");
    assert_eq!(records.len(), 2);
    let first = article(&records[0]);
    assert_eq!(
        first.title.as_deref(),
        Some("Parliament passes budget after all-night session")
    );
    assert_eq!(first.url.as_deref(), Some("https://atom.example/budget"));
    assert_eq!(first.author.as_deref(), Some("Maria Okafor"));
    assert_eq!(
        first.published.unwrap().to_string(),
        "2025-11-19T23:55:00-05:00"
    );
    assert!(
        first
            .body
            .starts_with("OTTAWA (Fixture Atom Desk) - Canadian lawmakers"),
        "{}",
        first.body
    );
    assert!(
        first
            .body
            .ends_with("Opposition parties voted against the bill.")
    );
    let second = article(&records[1]);
    assert_eq!(
        second.url.as_deref(),
        Some("https://atom.example/vote-date")
    );
    assert_eq!(
        second.published.unwrap().to_string(),
        "2025-11-18T12:00:00+05:30"
    );
    assert_eq!(second.content, ContentKind::Summary);
}

#[test]
fn json_feed_items() {
    let records = read("feeds/feed.json");
    assert_eq!(records.len(), 2);
    let first = article(&records[0]);
    assert_eq!(first.author.as_deref(), Some("Lena Vogt"));
    assert_eq!(first.source.as_deref(), Some("Fixture JSON Feed"));
    assert!(
        first
            .body
            .starts_with("GENEVA (Fixture JSON Feed) - A convoy")
    );
    assert_eq!(
        article(&records[1]).published.unwrap().to_string(),
        "2025-11-20"
    );
}

#[test]
fn feed_with_unparseable_dates_keeps_items_and_says_so() {
    let records = read("feeds/bad-dates.xml");
    assert_eq!(outcomes(&records), ["ok", "ok", "ok"]);
    for record in &records[..2] {
        assert_eq!(article(record).published, None);
        assert!(
            record
                .notes
                .iter()
                .any(|note| note.starts_with("unparseable date")),
            "{:?}",
            record.notes
        );
    }
    assert_eq!(
        article(&records[2]).published.unwrap().to_string(),
        "2025-11-20T07:00:00+00:00"
    );
}

#[test]
fn broken_feed_keeps_items_before_the_error() {
    let records = read("feeds/broken.xml");
    let first = article(&records[0]);
    assert_eq!(first.title.as_deref(), Some("Mayor resigns"));
    assert_eq!(records.len(), 2);
    let last = &records[1];
    assert!(
        matches!(&last.outcome, Outcome::Failed(FailReason::Feed(_))),
        "{}",
        last.outcome
    );
    let bytes = std::fs::read(fixture("feeds/broken.xml")).unwrap();
    let offset = last.location.offset.unwrap() as usize;
    assert!(
        bytes[offset..].starts_with(b"<item><title>Second item"),
        "the failure points at the cut item"
    );
}

/// What the sample WARC holds, record by record, as the generator script writes it.
const SAMPLE_OUTCOMES: [&str; 10] = [
    "skipped: WARC warcinfo record",
    "skipped: WARC request record",
    "ok",
    "skipped: not HTML: image/png",
    "skipped: HTTP status 404",
    "skipped: HTTP status 301",
    "skipped: language: de",
    "skipped: no article text",
    "ok",
    "ok",
];

fn check_sample_warc(records: &[Record]) {
    assert_eq!(outcomes(records), SAMPLE_OUTCOMES);
    let page = article(&records[2]);
    assert_eq!(
        page.url.as_deref(),
        Some("https://fixture.example/world/grain-corridor"),
        "canonical URL wins"
    );
    assert_eq!(
        records[2].location.url.as_deref(),
        Some("https://fixture.example/world/grain-corridor?utm=feed")
    );
    assert_eq!(
        page.title.as_deref(),
        Some("Ministers agree grain corridor extension")
    );
    assert_eq!(page.source.as_deref(), Some("Fixture Times"));
    assert_eq!(
        page.published.unwrap().to_string(),
        "2025-11-18T10:30:00+02:00"
    );
    assert!(
        page.body
            .starts_with("ISTANBUL (Fixture Times) - Turkish and Ukrainian ministers")
    );
    assert!(!page.body.contains("Copyright"));
    let compressed = article(&records[8]);
    assert!(
        compressed
            .body
            .starts_with("NAIROBI (Fixture Times) - A Kenyan court"),
        "{}",
        compressed.body
    );
    assert_eq!(article(&records[9]).body, compressed.body);
}

#[test]
fn warc_plain() {
    let records = read("warc/sample.warc");
    check_sample_warc(&records);
    let offsets: Vec<u64> = records.iter().map(|r| r.location.offset.unwrap()).collect();
    assert_eq!(offsets[0], 0);
    let bytes = std::fs::read(fixture("warc/sample.warc")).unwrap();
    for offset in offsets {
        assert!(
            bytes[offset as usize..].starts_with(b"WARC/1.0"),
            "record offsets point at records"
        );
    }
}

#[test]
fn warc_gzipped_one_member_per_record() {
    let records = read("warc/sample.warc.gz");
    check_sample_warc(&records);
    let bytes = std::fs::read(fixture("warc/sample.warc.gz")).unwrap();
    for record in &records {
        let offset = record.location.offset.unwrap() as usize;
        assert!(
            bytes[offset..].starts_with(&[0x1f, 0x8b]),
            "offsets are gzip member starts"
        );
    }
}

/// Byte offsets of the gzip members of the sample, read from the reader's own locations.
fn member_offsets() -> Vec<usize> {
    read("warc/sample.warc.gz")
        .iter()
        .map(|r| r.location.offset.unwrap() as usize)
        .collect()
}

#[test]
fn truncated_gzip_keeps_what_came_before() {
    let bytes = std::fs::read(fixture("warc/sample.warc.gz")).unwrap();
    let last_member = *member_offsets().last().unwrap();
    let cut = &bytes[..last_member + (bytes.len() - last_member) / 2];
    let records = read_bytes(cut, &Options::default());
    assert_eq!(outcomes(&records[..9]), SAMPLE_OUTCOMES[..9]);
    assert_eq!(records.len(), 10);
    assert!(
        matches!(&records[9].outcome, Outcome::Failed(FailReason::Gzip(_))),
        "{}",
        records[9].outcome
    );
    assert_eq!(records[9].location.offset, Some(last_member as u64));
}

#[test]
fn corrupt_gzip_member_costs_only_its_record() {
    let mut bytes = std::fs::read(fixture("warc/sample.warc.gz")).unwrap();
    let offsets = member_offsets();
    // Overwrite the middle of the deflate data of the first page's member.
    let (start, end) = (offsets[2], offsets[3]);
    for byte in &mut bytes[start + 20..end - 12] {
        *byte = 0xff;
    }
    let records = read_bytes(&bytes, &Options::default());
    let failed: Vec<_> = records
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Failed(_)))
        .collect();
    assert_eq!(failed.len(), 1, "{:?}", outcomes(&records));
    assert_eq!(failed[0].location.offset, Some(start as u64));
    let articles = records
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Article(_)))
        .count();
    assert_eq!(
        articles, 2,
        "the pages after the corrupt member are still read"
    );
}

#[test]
fn warc_garbage_between_records_is_reported_and_skipped() {
    let records = read("warc/garbage.warc");
    assert_eq!(
        outcomes(&records),
        [
            "ok",
            "failed: WARC: 42 bytes that are not a WARC record were skipped",
            "ok"
        ]
    );
}

#[test]
fn truncated_plain_warc() {
    let bytes = std::fs::read(fixture("warc/sample.warc")).unwrap();
    let records = read_bytes(&bytes[..bytes.len() - 100], &Options::default());
    assert_eq!(outcomes(&records[..9]), SAMPLE_OUTCOMES[..9]);
    assert!(
        records[9]
            .outcome
            .to_string()
            .contains("the file ends inside a record"),
        "{}",
        records[9].outcome
    );
}

#[test]
fn fifty_megabyte_page_is_skipped_by_default_and_read_when_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.html");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    file.write_all(b"<!DOCTYPE html><html><head><title>Huge page</title></head><body><article>")
        .unwrap();
    let paragraph = b"<p>Delegates from forty countries met in Vienna on Monday to discuss nuclear inspections, officials said.</p>\n";
    for _ in 0..(50 * 1024 * 1024 / paragraph.len() + 1) {
        file.write_all(paragraph).unwrap();
    }
    file.write_all(b"</article></body></html>").unwrap();
    file.flush().unwrap();
    drop(file);
    std::fs::write(
        dir.path().join("small.txt"),
        "Talks end\n\nThe talks in Vienna ended on Friday without an agreement, diplomats said.",
    )
    .unwrap();

    let records = read_with(dir.path(), &Options::default());
    assert_eq!(records.len(), 2);
    match &records[0].outcome {
        Outcome::Skipped(SkipReason::TooLarge { size, limit }) => {
            assert!(*size > 50 * 1024 * 1024);
            assert_eq!(*limit, 16 * 1024 * 1024);
        }
        other => panic!("expected too large, got {other}"),
    }
    article(&records[1]);

    let generous = Options {
        max_document_bytes: 64 * 1024 * 1024,
        ..Options::default()
    };
    let records = read_with(&path, &generous);
    let page = article(&records[0]);
    assert_eq!(page.title.as_deref(), Some("Huge page"));
    assert!(page.body.len() > 45 * 1024 * 1024);
}

#[test]
fn a_folder_reads_every_file_and_one_bad_file_does_not_stop_the_rest() {
    let records = read_with(&fixture(""), &Options::default());
    let inputs: std::collections::BTreeSet<&str> =
        records.iter().map(|r| r.location.input.as_str()).collect();
    // Every fixture file is an input, make_warc.py included (as plain text).
    let files = walk(&fixture(""));
    assert_eq!(inputs.len(), files.len(), "{inputs:?}");
    assert!(
        records
            .iter()
            .filter(|r| matches!(r.outcome, Outcome::Article(_)))
            .count()
            > 15
    );
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn missing_path_fails_with_reason() {
    let records = read("no/such/file.txt");
    assert!(matches!(
        &records[0].outcome,
        Outcome::Failed(FailReason::Io(_))
    ));
}

#[test]
fn gzipped_jsonl_is_inflated_and_read() {
    let jsonl = std::fs::read(fixture("jsonl/articles.jsonl")).unwrap();
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(&jsonl).unwrap();
    let records = read_bytes(&encoder.finish().unwrap(), &Options::default());
    assert_eq!(records.len(), 7);
    assert_eq!(article(&records[0]).id, "brief-1");
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// Inputs that start like each format and then go wrong.
    fn format_prefixes() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            Just(b"WARC/1.0\r\nContent-Length: 99999\r\n\r\n".to_vec()),
            Just(
                b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 20\r\n\r\nHTTP/1.1 200"
                    .to_vec()
            ),
            Just(vec![0x1f, 0x8b, 0x08, 0x00]),
            Just(b"{\"text\": ".to_vec()),
            Just(b"<?xml version=\"1.0\"?><rss><channel><item><title>".to_vec()),
            Just(b"<!DOCTYPE html><html><body><p>".to_vec()),
            Just(b"{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [".to_vec()),
            Just(Vec::new()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn on_any_bytes(prefix in format_prefixes(), tail in proptest::collection::vec(any::<u8>(), 0..2000)) {
            let mut bytes = prefix;
            bytes.extend_from_slice(&tail);
            let records = read_bytes(&bytes, &Options::default());
            // Every input ends in at least one record: nothing vanishes without a word.
            prop_assert!(!records.is_empty());
        }

        #[test]
        fn on_cut_fixtures(cut in 0usize..5000, which in 0usize..4) {
            let name = ["warc/sample.warc", "warc/sample.warc.gz", "feeds/rss.xml", "feeds/atom.xml"][which];
            let bytes = std::fs::read(fixture(name)).unwrap();
            let cut = cut.min(bytes.len());
            read_bytes(&bytes[..cut], &Options::default());
        }
    }
}
