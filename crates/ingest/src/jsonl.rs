//! JSONL: one article object per line.

use std::io::BufRead;

use serde_json::{Map, Value};

use crate::draft::Draft;
use crate::{FailReason, Location, Options, Outcome, Record, SkipReason, dates, html};

/// Reads every line of a JSONL stream; each non-blank line becomes one record.
pub(crate) fn read_jsonl(
    reader: &mut dyn BufRead,
    input: &Location,
    options: &Options,
    sink: &mut dyn FnMut(Record),
) {
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        number += 1;
        let location = input.at_line(number);
        match read_line_bounded(reader, &mut line, options.max_document_bytes) {
            Ok(LineRead::End) => return,
            Ok(LineRead::Line) => {
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                sink(read_line(&line, location, options));
            }
            Ok(LineRead::TooLong(size)) => {
                let limit = options.max_document_bytes;
                sink(Record::new(
                    location,
                    Outcome::Skipped(SkipReason::TooLarge { size, limit }),
                ));
            }
            Err(error) => {
                sink(Record::new(
                    location,
                    Outcome::Failed(FailReason::Io(error.to_string())),
                ));
                return;
            }
        }
    }
}

enum LineRead {
    Line,
    End,
    /// The line was longer than the limit; it was consumed, this many bytes long.
    TooLong(usize),
}

/// Reads one line into `line` unless it is longer than `limit`, in which case the rest of it is
/// consumed without being kept.
fn read_line_bounded(
    reader: &mut dyn BufRead,
    line: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<LineRead> {
    let mut size = 0;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(if size == 0 {
                LineRead::End
            } else if size > limit {
                LineRead::TooLong(size)
            } else {
                LineRead::Line
            });
        }
        let (taken, done) = match memchr::memchr(b'\n', chunk) {
            Some(newline) => (newline + 1, true),
            None => (chunk.len(), false),
        };
        if size + taken <= limit + 1 {
            line.extend_from_slice(&chunk[..taken]);
        } else {
            line.clear();
        }
        size += taken;
        reader.consume(taken);
        if done {
            return Ok(if size > limit + 1 {
                LineRead::TooLong(size)
            } else {
                LineRead::Line
            });
        }
    }
}

/// One JSONL line to a record.
fn read_line(bytes: &[u8], location: Location, options: &Options) -> Record {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            return Record::new(
                location,
                Outcome::Failed(FailReason::InvalidUtf8(error.valid_up_to())),
            );
        }
    };
    let object = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(object)) => object,
        Ok(other) => {
            let kind = json_kind(&other);
            return Record::new(
                location,
                Outcome::Failed(FailReason::Json(format!("the line is a JSON {kind}"))),
            );
        }
        Err(error) => {
            return Record::new(
                location,
                Outcome::Failed(FailReason::Json(error.to_string())),
            );
        }
    };
    let mut notes = Vec::new();
    let outcome = match draft_from_object(&object, &mut notes) {
        Some(draft) => draft.finish(options),
        None => Outcome::Failed(FailReason::NoTextField),
    };
    Record {
        location,
        outcome,
        notes,
    }
}

/// The article fields of a JSON object; `None` when it has no text at all. Common alternative
/// field names are accepted because exports from other tools name them differently.
fn draft_from_object(object: &Map<String, Value>, notes: &mut Vec<String>) -> Option<Draft> {
    let field = |names: &[&str]| names.iter().find_map(|name| string_field(object, name));
    let mut draft = Draft {
        id: field(&["id", "article_id"]),
        url: field(&["url", "link"]),
        title: field(&["title", "headline"]),
        source: field(&["source", "site", "publisher"]),
        author: field(&["author", "byline"]),
        declared_language: field(&["language", "lang"]),
        ..Draft::default()
    };
    if let Some(date) = field(&[
        "date",
        "published",
        "published_at",
        "publishedAt",
        "pubDate",
    ]) {
        draft.published = dates::parse_date(&date);
        if draft.published.is_none() {
            notes.push(format!(
                "unparseable date {date:?}; publication date left empty"
            ));
        }
    }
    if let Some(text) = field(&["text", "body", "content"]) {
        draft.body = text;
    } else {
        let page = html::extract_page(&field(&["html"])?);
        draft.body = page.body;
        draft.title = draft.title.or(page.title);
        draft.url = draft.url.or(page.canonical_url);
        draft.source = draft.source.or(page.site_name);
        draft.author = draft.author.or(page.author);
        draft.published = draft.published.or(page.published);
        draft.declared_language = draft.declared_language.or(page.language);
    }
    Some(draft)
}

/// A field as a string; numbers are accepted for ids.
fn string_field(object: &Map<String, Value>, name: &str) -> Option<String> {
    match object.get(name)? {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}
