//! Telling formats apart by their content, so a misnamed file is still read right.

/// The formats dyad reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Nothing at all.
    Empty,
    /// A gzip stream (a WARC file when its first member starts with `WARC/`).
    Gzip,
    /// A WARC file.
    Warc,
    /// One JSON article object per line.
    Jsonl,
    /// A JSON Feed document.
    JsonFeed,
    /// An RSS, RDF or Atom feed.
    XmlFeed,
    /// An HTML page.
    Html,
    /// Plain text: an article with an optional headline line.
    Text,
    /// Not text.
    Binary,
}

/// How many leading bytes decide the format.
pub(crate) const SNIFF_BYTES: usize = 64 * 1024;

/// The format of an input from its first bytes (up to [`SNIFF_BYTES`]).
pub fn sniff(prefix: &[u8]) -> Format {
    if prefix.is_empty() {
        return Format::Empty;
    }
    if prefix.starts_with(&[0x1f, 0x8b]) {
        return Format::Gzip;
    }
    // Before the binary check: WARC records hold images and other binary payloads.
    let head = skip_bom_and_space(prefix);
    if head.starts_with(b"WARC/") {
        return Format::Warc;
    }
    if is_binary(prefix) {
        return Format::Binary;
    }
    if head.is_empty() {
        return Format::Empty;
    }
    if head.starts_with(b"{") {
        return if contains_ignoring_case(head, b"jsonfeed.org/version") {
            Format::JsonFeed
        } else {
            Format::Jsonl
        };
    }
    if head.starts_with(b"<") {
        return sniff_markup(head);
    }
    Format::Text
}

/// Feeds and pages both start with `<`; the first root element tells them apart.
fn sniff_markup(head: &[u8]) -> Format {
    let feed_at = ["<rss", "<feed", "<rdf:rdf"]
        .iter()
        .filter_map(|tag| find_ignoring_case(head, tag.as_bytes()))
        .min();
    let html_at = ["<html", "<!doctype html", "<head", "<body"]
        .iter()
        .filter_map(|tag| find_ignoring_case(head, tag.as_bytes()))
        .min();
    match (feed_at, html_at) {
        (Some(feed), Some(html)) if feed < html => Format::XmlFeed,
        (Some(_), None) => Format::XmlFeed,
        _ => Format::Html,
    }
}

/// NUL bytes (outside UTF-16) or many control characters mean the bytes are not text.
fn is_binary(prefix: &[u8]) -> bool {
    if prefix.starts_with(&[0xff, 0xfe]) || prefix.starts_with(&[0xfe, 0xff]) {
        return false;
    }
    if prefix.contains(&0) {
        return true;
    }
    let controls = prefix
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    controls * 20 > prefix.len()
}

fn skip_bom_and_space(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

fn find_ignoring_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

fn contains_ignoring_case(haystack: &[u8], needle: &[u8]) -> bool {
    find_ignoring_case(haystack, needle).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_content() {
        assert_eq!(sniff(b""), Format::Empty);
        assert_eq!(sniff(b"  \n"), Format::Empty);
        assert_eq!(sniff(b"\x1f\x8b\x08\x00"), Format::Gzip);
        assert_eq!(sniff(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n"), Format::Warc);
        assert_eq!(sniff(b"{\"id\": 1, \"text\": \"x\"}\n"), Format::Jsonl);
        assert_eq!(
            sniff(b"{\n \"version\": \"https://jsonfeed.org/version/1.1\"}"),
            Format::JsonFeed
        );
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
            Format::XmlFeed
        );
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Format::XmlFeed
        );
        assert_eq!(sniff(b"\xef\xbb\xbf<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff(b"<div>fragment</div>"), Format::Html);
        assert_eq!(sniff(b"Headline\n\nBody text."), Format::Text);
        assert_eq!(sniff(b"caf\xe9 latin-1 text"), Format::Text);
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
            Format::Binary
        );
    }

    #[test]
    fn a_page_that_mentions_a_feed_is_a_page() {
        assert_eq!(
            sniff(b"<html><head><link type=\"application/rss+xml\"><rss"),
            Format::Html
        );
    }
}
