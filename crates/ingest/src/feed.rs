//! RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed: each item becomes an article.

use dyad_core::ContentKind;
use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};
use serde_json::Value;

use crate::draft::Draft;
use crate::{FailReason, Location, Options, Outcome, Record, SkipReason, dates, html};

/// One feed item as found, before it becomes an article.
#[derive(Debug, Default)]
struct Item {
    /// Byte offset of the item's start tag (XML feeds).
    offset: Option<u64>,
    title: Option<String>,
    link: Option<String>,
    guid: Option<String>,
    date: Option<String>,
    updated: Option<String>,
    summary: Option<String>,
    content: Option<String>,
    author: Option<String>,
}

/// What the feed says of itself.
#[derive(Debug, Default)]
struct Channel {
    title: Option<String>,
    language: Option<String>,
}

/// Reads an XML feed; every item becomes a record. Items before a syntax error are kept and the
/// error is reported as one failed record at its byte offset.
pub(crate) fn read_xml_feed(
    text: &str,
    input: &Location,
    options: &Options,
    sink: &mut dyn FnMut(Record),
) {
    let (channel, items, error) = parse_xml(text);
    emit_items(&channel, items, input, options, sink);
    if let Some((offset, message)) = error {
        let location = Location {
            offset: Some(offset),
            ..input.clone()
        };
        sink(Record::new(
            location,
            Outcome::Failed(FailReason::Feed(message)),
        ));
    }
}

/// Reads a JSON Feed document.
pub(crate) fn read_json_feed(
    text: &str,
    input: &Location,
    options: &Options,
    sink: &mut dyn FnMut(Record),
) {
    let feed: Value = match serde_json::from_str(text) {
        Ok(feed) => feed,
        Err(error) => {
            sink(Record::new(
                input.clone(),
                Outcome::Failed(FailReason::Feed(error.to_string())),
            ));
            return;
        }
    };
    let channel = Channel {
        title: json_string(&feed, "title"),
        language: json_string(&feed, "language"),
    };
    let items = feed["items"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let items = items.iter().map(json_item).collect();
    emit_items(&channel, items, input, options, sink);
}

fn json_item(item: &Value) -> Item {
    let author = item["authors"][0]["name"]
        .as_str()
        .or(item["author"]["name"].as_str());
    Item {
        title: json_string(item, "title"),
        link: json_string(item, "url"),
        guid: json_string(item, "id"),
        date: json_string(item, "date_published"),
        updated: json_string(item, "date_modified"),
        summary: json_string(item, "summary"),
        content: json_string(item, "content_html").or_else(|| json_string(item, "content_text")),
        author: author.map(str::to_string),
        offset: None,
    }
}

fn json_string(value: &Value, key: &str) -> Option<String> {
    value[key].as_str().map(str::to_string)
}

fn emit_items(
    channel: &Channel,
    items: Vec<Item>,
    input: &Location,
    options: &Options,
    sink: &mut dyn FnMut(Record),
) {
    if items.is_empty() {
        sink(Record::new(
            input.clone(),
            Outcome::Skipped(SkipReason::NoText),
        ));
    }
    for (index, item) in items.into_iter().enumerate() {
        let mut location = input.at_record(index as u64 + 1, item.offset);
        location.url = item.link.clone();
        let mut notes = Vec::new();
        let outcome = item_draft(channel, item, &mut notes).finish(options);
        sink(Record {
            location,
            outcome,
            notes,
        });
    }
}

/// The full content when the item has it, else its summary, marked as such.
fn item_draft(channel: &Channel, item: Item, notes: &mut Vec<String>) -> Draft {
    let (body, content) = match (item.content, item.summary) {
        (Some(full), _) if !full.trim().is_empty() => (full, ContentKind::Full),
        (_, Some(summary)) => (summary, ContentKind::Summary),
        _ => (String::new(), ContentKind::Full),
    };
    let raw_date = item.date.or(item.updated);
    let published = raw_date.as_deref().and_then(dates::parse_date);
    if let (Some(raw), None) = (&raw_date, published) {
        notes.push(format!(
            "unparseable date {raw:?}; publication date left empty"
        ));
    }
    let url = item
        .link
        .or_else(|| item.guid.filter(|guid| guid.starts_with("http")));
    Draft {
        url,
        title: item.title.map(|title| html::fragment_text(&title)),
        source: channel.title.clone(),
        author: item
            .author
            .as_deref()
            .map(atom_author_name)
            .map(html::fragment_text),
        published,
        declared_language: channel.language.clone(),
        content,
        body: html::fragment_text(&body),
        ..Draft::default()
    }
}

/// Atom's `<author>` nests `<name>` beside `<email>` and `<uri>`; RSS's is plain text.
fn atom_author_name(author: &str) -> &str {
    author
        .split_once("<name>")
        .and_then(|(_, rest)| rest.split_once("</name>"))
        .map_or(author, |(name, _)| name)
}

/// The field of an item a text run belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Link,
    Guid,
    Date,
    Updated,
    Summary,
    Content,
    Author,
    ChannelTitle,
    ChannelLanguage,
}

impl Field {
    fn of_item_child(local_name: &str) -> Option<Field> {
        Some(match local_name {
            "title" => Field::Title,
            "link" => Field::Link,
            "guid" | "id" => Field::Guid,
            "pubDate" | "published" | "date" | "issued" => Field::Date,
            "updated" | "modified" => Field::Updated,
            "description" | "summary" => Field::Summary,
            "encoded" | "content" => Field::Content,
            "creator" | "author" => Field::Author,
            _ => return None,
        })
    }

    fn of_channel_child(local_name: &str) -> Option<Field> {
        match local_name {
            "title" => Some(Field::ChannelTitle),
            "language" => Some(Field::ChannelLanguage),
            _ => None,
        }
    }
}

/// Builds items from XML events. Text inside a field's nested elements (Atom XHTML content,
/// `<author><name>`) is kept, with the nested tags re-written so HTML content stays HTML.
#[derive(Default)]
struct FeedBuilder {
    channel: Channel,
    items: Vec<Item>,
    current: Option<Item>,
    /// Depth of the element stack; the item element's own depth while in an item.
    depth: usize,
    item_depth: usize,
    /// The field being captured, the depth of its element, and the text so far.
    capture: Option<(Field, usize, String)>,
}

fn parse_xml(text: &str) -> (Channel, Vec<Item>, Option<(u64, String)>) {
    let mut reader = Reader::from_str(text);
    let mut builder = FeedBuilder::default();
    let error = loop {
        let offset = reader.buffer_position();
        match reader.read_event() {
            Ok(Event::Eof) => break builder.truncation(text.len() as u64),
            Ok(event) => builder.event(event, offset),
            Err(error) => break Some((reader.error_position(), format!("XML error: {error}"))),
        }
    };
    builder.finish_item();
    (builder.channel, builder.items, error)
}

impl FeedBuilder {
    fn event(&mut self, event: Event<'_>, offset: u64) {
        match event {
            Event::Start(start) => self.start(&start, offset, false),
            Event::Empty(start) => self.start(&start, offset, true),
            Event::End(end) => self.end(&String::from_utf8_lossy(end.local_name().as_ref())),
            Event::Text(text) => self.text(&String::from_utf8_lossy(&text)),
            Event::CData(data) => self.text(&String::from_utf8_lossy(&data)),
            Event::GeneralRef(reference) => self.text(&resolve_reference(&reference)),
            _ => {}
        }
    }

    fn start(&mut self, start: &BytesStart<'_>, offset: u64, empty: bool) {
        let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
        self.depth += 1;
        if let Some((_, _, text)) = &mut self.capture {
            text.push_str(&format!("<{name}>"));
        } else if name == "item" || name == "entry" {
            self.finish_item();
            self.current = Some(Item {
                offset: Some(offset),
                ..Item::default()
            });
            self.item_depth = self.depth;
        } else if self.current.is_some() && self.depth == self.item_depth + 1 {
            self.start_item_field(start, &name);
        } else if self.current.is_none() && self.depth <= 3 {
            // Channel fields sit at depth 2 (Atom: feed/title) or 3 (RSS: rss/channel/title).
            if let Some(field) = Field::of_channel_child(&name) {
                self.capture = Some((field, self.depth, String::new()));
            }
        }
        if empty {
            self.end(&name);
        }
    }

    /// Atom links carry the URL in `href`; the alternate (or unmarked) link is the article.
    fn start_item_field(&mut self, start: &BytesStart<'_>, name: &str) {
        let Some(field) = Field::of_item_child(name) else {
            return;
        };
        if field == Field::Link {
            let attribute = |key: &[u8]| {
                start
                    .try_get_attribute(key)
                    .ok()
                    .flatten()
                    .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
            };
            let rel = attribute(b"rel");
            if let Some(href) = attribute(b"href") {
                if rel.is_none_or(|rel| rel == "alternate") {
                    self.set_field(field, href);
                }
                return;
            }
        }
        self.capture = Some((field, self.depth, String::new()));
    }

    fn end(&mut self, name: &str) {
        if let Some((field, depth, text)) = self.capture.take() {
            if depth == self.depth {
                self.set_field(field, text);
            } else {
                self.capture = Some((field, depth, text + &format!("</{name}>")));
            }
        } else if self.current.is_some() && self.depth == self.item_depth {
            self.finish_item();
        }
        self.depth = self.depth.saturating_sub(1);
    }

    fn text(&mut self, text: &str) {
        if let Some((_, _, captured)) = &mut self.capture {
            captured.push_str(text);
        }
    }

    fn set_field(&mut self, field: Field, value: String) {
        let value = value.trim().to_string();
        if value.is_empty() {
            return;
        }
        let slot = match (field, &mut self.current) {
            (Field::ChannelTitle, _) => &mut self.channel.title,
            (Field::ChannelLanguage, _) => &mut self.channel.language,
            (_, None) => return,
            (Field::Title, Some(item)) => &mut item.title,
            (Field::Link, Some(item)) => &mut item.link,
            (Field::Guid, Some(item)) => &mut item.guid,
            (Field::Date, Some(item)) => &mut item.date,
            (Field::Updated, Some(item)) => &mut item.updated,
            (Field::Summary, Some(item)) => &mut item.summary,
            (Field::Content, Some(item)) => &mut item.content,
            (Field::Author, Some(item)) => &mut item.author,
        };
        slot.get_or_insert(value);
    }

    /// At the end of the text, open elements mean the feed was cut short: the item in progress
    /// is incomplete, so it is reported as the failure rather than read as an article.
    fn truncation(&mut self, end: u64) -> Option<(u64, String)> {
        if self.depth == 0 {
            return None;
        }
        let offset = self
            .current
            .take()
            .and_then(|item| item.offset)
            .unwrap_or(end);
        Some((
            offset,
            "the feed ends before its closing tags (truncated?); the item here is incomplete"
                .to_string(),
        ))
    }

    fn finish_item(&mut self) {
        if let Some(item) = self.current.take() {
            self.items.push(item);
        }
    }
}

/// XML's five entities and character references become characters; any other entity (HTML's
/// `&nbsp;` in a sloppy feed) is kept as written for the HTML renderer to decode.
fn resolve_reference(reference: &BytesRef<'_>) -> String {
    if let Ok(Some(character)) = reference.resolve_char_ref() {
        return character.to_string();
    }
    let name = String::from_utf8_lossy(reference);
    match name.as_ref() {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        other => format!("&{other};"),
    }
}
