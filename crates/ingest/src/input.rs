//! Entry points: paths (files and folders) and readers (stdin), and the dispatch by format.

use std::fs::{self, File};
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::Path;

use crate::detect::{Format, SNIFF_BYTES, sniff};
use crate::draft::Draft;
use crate::{
    FailReason, Location, Options, Outcome, Record, SkipReason, charset, feed, html, jsonl, plain,
    warc,
};

/// Reads a file, or every file below a folder (recursively, in name order, skipping hidden
/// entries such as `.git`), and hands each record to `sink`.
pub fn ingest_path(path: &Path, options: &Options, sink: &mut dyn FnMut(Record)) {
    let location = Location::of_input(path.display().to_string());
    match fs::metadata(path) {
        Ok(metadata) if metadata.is_dir() => ingest_folder(path, options, sink),
        Ok(_) => match File::open(path) {
            Ok(file) => ingest_reader(
                &location.input,
                &mut BufReader::with_capacity(256 * 1024, file),
                options,
                sink,
            ),
            Err(error) => sink(Record::new(
                location,
                Outcome::Failed(FailReason::Io(error.to_string())),
            )),
        },
        Err(error) => sink(Record::new(
            location,
            Outcome::Failed(FailReason::Io(error.to_string())),
        )),
    }
}

fn ingest_folder(folder: &Path, options: &Options, sink: &mut dyn FnMut(Record)) {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) => {
            let location = Location::of_input(folder.display().to_string());
            sink(Record::new(
                location,
                Outcome::Failed(FailReason::Io(error.to_string())),
            ));
            return;
        }
    };
    let mut paths: Vec<_> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            !path
                .file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with('.'))
        })
        .collect();
    paths.sort();
    for path in paths {
        // Symbolic links to folders are not followed, so a link cycle cannot loop forever.
        let is_linked_folder =
            fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) && path.is_dir();
        if !is_linked_folder {
            ingest_path(&path, options, sink);
        }
    }
}

/// Reads one input stream named `name` (a file path, or `<stdin>`), detecting its format from
/// its first bytes.
pub fn ingest_reader(
    name: &str,
    reader: &mut dyn BufRead,
    options: &Options,
    sink: &mut dyn FnMut(Record),
) {
    let location = Location::of_input(name);
    let mut prefix = Vec::with_capacity(SNIFF_BYTES);
    if let Err(error) = reader.take(SNIFF_BYTES as u64).read_to_end(&mut prefix) {
        sink(Record::new(
            location,
            Outcome::Failed(FailReason::Io(error.to_string())),
        ));
        return;
    }
    let mut stream = Cursor::new(prefix).chain(reader);
    let format = sniff(stream.get_ref().0.get_ref());
    dispatch(format, &mut stream, &location, options, sink);
}

fn dispatch(
    format: Format,
    stream: &mut dyn BufRead,
    location: &Location,
    options: &Options,
    sink: &mut dyn FnMut(Record),
) {
    match format {
        Format::Empty => sink(Record::new(
            location.clone(),
            Outcome::Skipped(SkipReason::Empty),
        )),
        Format::Binary => sink(Record::new(
            location.clone(),
            Outcome::Skipped(SkipReason::Binary),
        )),
        Format::Gzip => read_gzip(stream, location, options, sink),
        Format::Warc => warc::read_warc(stream, location, options, sink),
        Format::Jsonl => jsonl::read_jsonl(stream, location, options, sink),
        Format::JsonFeed | Format::XmlFeed | Format::Html | Format::Text => {
            read_document(format, stream, location, options, sink)
        }
    }
}

/// A gzipped WARC is read member by member; any other gzipped input is inflated and read as
/// what it turns out to be (`articles.jsonl.gz`, `feed.xml.gz`).
fn read_gzip(
    stream: &mut dyn BufRead,
    location: &Location,
    options: &Options,
    sink: &mut dyn FnMut(Record),
) {
    if first_member_starts_with(stream, b"WARC/") {
        return warc::read_warc_gz(stream, location, options, sink);
    }
    let mut inflated = BufReader::new(flate2::bufread::MultiGzDecoder::new(stream));
    let mut prefix = Vec::with_capacity(SNIFF_BYTES);
    if let Err(error) = (&mut inflated)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut prefix)
    {
        sink(Record::new(
            location.clone(),
            Outcome::Failed(FailReason::Gzip(error.to_string())),
        ));
        return;
    }
    let format = match sniff(&prefix) {
        // A gzip inside a gzip is not something a news source produces.
        Format::Gzip => Format::Binary,
        format => format,
    };
    let mut stream = Cursor::new(prefix).chain(inflated);
    dispatch(format, &mut stream, location, options, sink);
}

/// Inflates the start of the first gzip member found in the stream's buffer, without
/// consuming anything.
fn first_member_starts_with(stream: &mut dyn BufRead, expected: &[u8]) -> bool {
    let Ok(buffered) = stream.fill_buf() else {
        return false;
    };
    let mut head = vec![0; expected.len()];
    let mut decoder = flate2::bufread::GzDecoder::new(buffered);
    decoder.read_exact(&mut head).is_ok() && head == expected
}

/// Formats read whole: one page, one text, one feed, at most `max_document_bytes` long.
fn read_document(
    format: Format,
    stream: &mut dyn BufRead,
    location: &Location,
    options: &Options,
    sink: &mut dyn FnMut(Record),
) {
    let bytes = match read_bounded(stream, options.max_document_bytes) {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(size)) => {
            let reason = SkipReason::TooLarge {
                size,
                limit: options.max_document_bytes,
            };
            return sink(Record::new(location.clone(), Outcome::Skipped(reason)));
        }
        Err(error) => {
            return sink(Record::new(
                location.clone(),
                Outcome::Failed(FailReason::Io(error.to_string())),
            ));
        }
    };
    let decoded = match format {
        Format::Html => charset::decode_html(&bytes, None),
        _ => charset::decode_text(&bytes),
    };
    let mut notes = Vec::new();
    if decoded.encoding != "UTF-8" {
        notes.push(format!("not UTF-8: read as {}", decoded.encoding));
    }
    if decoded.had_errors {
        notes.push(format!(
            "bytes not valid in {} were replaced by U+FFFD",
            decoded.encoding
        ));
    }
    let draft = match format {
        Format::XmlFeed => {
            return with_notes(notes, sink, |sink| {
                feed::read_xml_feed(&decoded.text, location, options, sink)
            });
        }
        Format::JsonFeed => {
            return with_notes(notes, sink, |sink| {
                feed::read_json_feed(&decoded.text, location, options, sink)
            });
        }
        Format::Html => page_draft(&decoded.text),
        _ => plain::read_text(&decoded.text),
    };
    sink(Record {
        location: location.clone(),
        outcome: draft.finish(options),
        notes,
    });
}

/// Adds the document's notes (its encoding) to each record a multi-record reader emits.
fn with_notes(
    notes: Vec<String>,
    sink: &mut dyn FnMut(Record),
    read: impl FnOnce(&mut dyn FnMut(Record)),
) {
    read(&mut |mut record: Record| {
        record.notes.splice(0..0, notes.iter().cloned());
        sink(record)
    });
}

fn page_draft(text: &str) -> Draft {
    let page = html::extract_page(text);
    Draft {
        url: page.canonical_url,
        title: page.title,
        source: page.site_name,
        author: page.author,
        published: page.published,
        declared_language: page.language,
        body: page.body,
        ..Draft::default()
    }
}

/// The whole stream if it is at most `limit` bytes, else `Err(size)` with its full size
/// (counted without keeping the bytes).
fn read_bounded(stream: &mut dyn BufRead, limit: usize) -> std::io::Result<Result<Vec<u8>, usize>> {
    let mut bytes = Vec::new();
    stream.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() <= limit {
        return Ok(Ok(bytes));
    }
    let rest = std::io::copy(stream, &mut std::io::sink())?;
    Ok(Err(bytes.len() + rest as usize))
}
