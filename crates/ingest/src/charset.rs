//! Turning bytes of unknown encoding into text.
//!
//! The order of evidence follows what browsers do (byte order mark, transport, `<meta>`), with
//! one deliberate difference: a declared legacy encoding loses to UTF-8 when the bytes are valid
//! UTF-8 and contain multi-byte sequences, because servers and CMS templates that announce
//! `ISO-8859-1` over UTF-8 output are far more common than Latin-1 text that happens to be valid
//! UTF-8.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

/// Text decoded from bytes, with the encoding that was used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text.
    pub text: String,
    /// Name of the encoding used (WHATWG label, e.g. "UTF-8", "windows-1252").
    pub encoding: &'static str,
    /// True when some bytes were malformed for that encoding and became U+FFFD.
    pub had_errors: bool,
}

/// How many leading bytes the `<meta charset>` prescan looks at, as in the HTML standard.
const PRESCAN_LIMIT: usize = 1024;

/// How many bytes statistical detection reads; more adds time but hardly any accuracy.
const DETECTION_LIMIT: usize = 256 * 1024;

/// Decodes an HTML page: BOM, then the HTTP `charset` if given, then `<meta charset>` in the
/// first 1024 bytes, then UTF-8 if valid, else statistical detection.
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom_len..]);
    }
    let declared = http_charset
        .and_then(encoding_for_label)
        .or_else(|| prescan_meta_charset(bytes))
        .or_else(|| xml_declaration_encoding(bytes));
    if let Some(encoding) = declared {
        if encoding != UTF_8 && is_utf8_with_multibyte(bytes, encoding) {
            return decode_with(UTF_8, bytes);
        }
        return decode_with(encoding, bytes);
    }
    decode_undeclared(bytes)
}

/// Decodes a text file: BOM, UTF-8 if valid, else statistical detection.
pub fn decode_text(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom_len..]);
    }
    decode_undeclared(bytes)
}

/// The `charset` parameter of an HTTP `Content-Type` value such as
/// `text/html; charset="ISO-8859-1"`, unquoted; `None` when there is none.
pub fn charset_from_content_type(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!value.is_empty()).then_some(value)
    })
}

/// The encoding a label names, or `None` for unknown labels and for the "replacement"
/// encoding, which would turn the whole page into a single U+FFFD.
fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(label.trim().as_bytes())?;
    (encoding != REPLACEMENT).then_some(encoding)
}

/// A label found inside the document itself: the HTML standard maps UTF-16 to UTF-8 there
/// (bytes readable as ASCII cannot be UTF-16) and x-user-defined to windows-1252.
fn encoding_for_document_label(label: &[u8]) -> Option<&'static Encoding> {
    let encoding = encoding_for_label(std::str::from_utf8(label).ok()?)?;
    Some(match encoding {
        e if e == UTF_16LE || e == UTF_16BE => UTF_8,
        e if e == X_USER_DEFINED => WINDOWS_1252,
        e => e,
    })
}

/// True when a declared encoding should yield to UTF-8 (see the module comment). UTF-16 is
/// never overridden: its ASCII-range text is also valid UTF-8.
fn is_utf8_with_multibyte(bytes: &[u8], declared: &'static Encoding) -> bool {
    if declared == UTF_16LE || declared == UTF_16BE {
        return false;
    }
    let ascii_prefix = Encoding::ascii_valid_up_to(bytes);
    ascii_prefix < bytes.len() && std::str::from_utf8(&bytes[ascii_prefix..]).is_ok()
}

fn decode_undeclared(bytes: &[u8]) -> Decoded {
    if std::str::from_utf8(bytes).is_ok() {
        return decode_with(UTF_8, bytes);
    }
    decode_with(detect_encoding(bytes), bytes)
}

fn detect_encoding(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let sample = &bytes[..bytes.len().min(DETECTION_LIMIT)];
    detector.feed(sample, sample.len() == bytes.len());
    detector.guess(None, Utf8Detection::Allow)
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        had_errors,
    }
}

/// Looks for `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…charset=…">` in
/// the first 1024 bytes, skipping comments, as the HTML standard's prescan does.
fn prescan_meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_LIMIT)];
    let mut pos = 0;
    while let Some(offset) = memchr::memchr(b'<', &head[pos..]) {
        pos += offset;
        let rest = &head[pos..];
        if rest.starts_with(b"<!--") {
            pos += memchr::memmem::find(&rest[4..], b"-->").map_or(rest.len(), |end| end + 7);
        } else if starts_with_ignore_case(&rest[1..], b"meta")
            && rest
                .get(5)
                .is_some_and(|&b| b.is_ascii_whitespace() || b == b'/')
        {
            let (encoding, consumed) = meta_tag_charset(&rest[5..]);
            if encoding.is_some() {
                return encoding;
            }
            pos += 5 + consumed;
        } else {
            pos += 1;
        }
    }
    None
}

/// Reads the attributes of one `<meta` tag (starting after the tag name) and returns the
/// encoding it declares and how many bytes the tag used.
fn meta_tag_charset(tag: &[u8]) -> (Option<&'static Encoding>, usize) {
    let mut attributes = ByteAttributes { bytes: tag, pos: 0 };
    let mut charset = None;
    let mut content_charset = None;
    let mut is_content_type = false;
    while let Some((name, value)) = attributes.next_attribute() {
        if name.eq_ignore_ascii_case(b"charset") {
            charset = charset.or(Some(value));
        } else if name.eq_ignore_ascii_case(b"http-equiv") {
            is_content_type |= value.eq_ignore_ascii_case(b"content-type");
        } else if name.eq_ignore_ascii_case(b"content") {
            content_charset = content_charset.or_else(|| charset_in_content(value));
        }
    }
    let label = charset.or(if is_content_type {
        content_charset
    } else {
        None
    });
    (label.and_then(encoding_for_document_label), attributes.pos)
}

/// The charset named in a `content="text/html; charset=…"` value.
fn charset_in_content(content: &[u8]) -> Option<&[u8]> {
    let at = content
        .windows(7)
        .position(|w| w.eq_ignore_ascii_case(b"charset"))?;
    let rest = trim_ascii_start(&content[at + 7..]);
    let rest = trim_ascii_start(rest.strip_prefix(b"=")?);
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| b == b';' || b == b'"' || b == b'\'' || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

/// The `encoding` of an `<?xml … encoding="…"?>` declaration at the very start (XHTML pages).
fn xml_declaration_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_LIMIT)];
    let declaration = head.strip_prefix(b"<?xml")?;
    let end = memchr::memmem::find(declaration, b"?>")?;
    let mut attributes = ByteAttributes {
        bytes: &declaration[..end],
        pos: 0,
    };
    while let Some((name, value)) = attributes.next_attribute() {
        if name.eq_ignore_ascii_case(b"encoding") {
            return encoding_for_document_label(value);
        }
    }
    None
}

/// A forgiving reader of `name=value` pairs inside a tag, over raw bytes.
struct ByteAttributes<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> ByteAttributes<'a> {
    fn next_attribute(&mut self) -> Option<(&'a [u8], &'a [u8])> {
        self.skip_while(|b| b.is_ascii_whitespace() || b == b'/');
        if self.pos >= self.bytes.len() || self.bytes[self.pos] == b'>' {
            return None;
        }
        let name =
            self.take_while(|b| !b.is_ascii_whitespace() && !matches!(b, b'=' | b'>' | b'/'));
        let name = if name.is_empty() {
            self.take_one()
        } else {
            name
        };
        self.skip_while(|b| b.is_ascii_whitespace());
        if self.bytes.get(self.pos) != Some(&b'=') {
            return Some((name, b""));
        }
        self.pos += 1;
        self.skip_while(|b| b.is_ascii_whitespace());
        Some((name, self.value()))
    }

    fn value(&mut self) -> &'a [u8] {
        match self.bytes.get(self.pos) {
            Some(&quote @ (b'"' | b'\'')) => {
                self.pos += 1;
                let value = self.take_while(|b| b != quote);
                self.pos = (self.pos + 1).min(self.bytes.len());
                value
            }
            _ => self.take_while(|b| !b.is_ascii_whitespace() && b != b'>'),
        }
    }

    fn take_one(&mut self) -> &'a [u8] {
        let start = self.pos;
        self.pos = (self.pos + 1).min(self.bytes.len());
        &self.bytes[start..self.pos]
    }

    fn take_while(&mut self, keep: impl Fn(u8) -> bool) -> &'a [u8] {
        let start = self.pos;
        self.skip_while(keep);
        &self.bytes[start..self.pos]
    }

    fn skip_while(&mut self, skip: impl Fn(u8) -> bool) {
        while self.pos < self.bytes.len() && skip(self.bytes[self.pos]) {
            self.pos += 1;
        }
    }
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn trim_ascii_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins_over_everything() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<meta charset=\"windows-1252\">caf\u{e9}".as_bytes());
        let decoded = decode_html(&bytes, Some("iso-8859-1"));
        assert_eq!(decoded.encoding, "UTF-8");
        assert_eq!(decoded.text, "<meta charset=\"windows-1252\">caf\u{e9}");
    }

    #[test]
    fn utf16_boms_are_read() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("hi".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode_text(&le).text, "hi");
        assert_eq!(decode_text(&le).encoding, "UTF-16LE");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("hi".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode_text(&be).text, "hi");
        assert_eq!(decode_text(&be).encoding, "UTF-16BE");
    }

    #[test]
    fn http_charset_then_meta() {
        let bytes = b"<meta charset=\"iso-8859-2\"><p>\xB1</p>";
        assert_eq!(
            decode_html(bytes, Some("windows-1252")).text,
            "<meta charset=\"iso-8859-2\"><p>\u{b1}</p>"
        );
        assert_eq!(
            decode_html(bytes, None).text,
            "<meta charset=\"iso-8859-2\"><p>\u{105}</p>"
        );
        // An unknown HTTP label falls through to the meta tag.
        assert_eq!(
            decode_html(bytes, Some("no-such-charset")).encoding,
            "ISO-8859-2"
        );
    }

    #[test]
    fn http_equiv_content_type_is_read() {
        let bytes =
            b"<head><meta http-equiv=Content-Type content='text/html; charset=Shift_JIS'></head>";
        assert_eq!(prescan_meta_charset(bytes), Some(encoding_rs::SHIFT_JIS));
        let no_equiv = b"<meta content='text/html; charset=Shift_JIS'>";
        assert_eq!(prescan_meta_charset(no_equiv), None);
    }

    #[test]
    fn meta_inside_comment_is_ignored() {
        let bytes = b"<!-- <meta charset=koi8-r> --><meta charset=windows-1251>";
        assert_eq!(prescan_meta_charset(bytes), Some(encoding_rs::WINDOWS_1251));
    }

    #[test]
    fn meta_after_1024_bytes_is_not_seen() {
        let mut bytes = vec![b' '; 1100];
        bytes.extend_from_slice(b"<meta charset=koi8-r>");
        assert_eq!(prescan_meta_charset(&bytes), None);
    }

    #[test]
    fn utf16_meta_label_means_utf8() {
        assert_eq!(prescan_meta_charset(b"<meta charset=utf-16>"), Some(UTF_8));
    }

    #[test]
    fn declared_latin1_over_utf8_bytes_is_read_as_utf8() {
        let bytes = "<meta charset=iso-8859-1><p>Z\u{fc}rich</p>".as_bytes();
        let decoded = decode_html(bytes, None);
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.text.contains("Z\u{fc}rich"));
    }

    #[test]
    fn xml_declaration_is_a_last_resort() {
        let bytes = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html><p>\xE9</p>";
        assert_eq!(decode_html(bytes, None).text.chars().last(), Some('>'));
        assert!(decode_html(bytes, None).text.contains('\u{e9}'));
    }

    #[test]
    fn undeclared_legacy_bytes_are_detected() {
        let text = "La r\u{e9}union du minist\u{e8}re des affaires \u{e9}trang\u{e8}res a \u{e9}t\u{e9} report\u{e9}e \u{e0} jeudi.";
        let (bytes, _, _) = WINDOWS_1252.encode(text);
        let decoded = decode_text(&bytes);
        assert_eq!(decoded.text, text);
        assert!(!decoded.had_errors);
    }

    #[test]
    fn errors_are_reported() {
        let decoded = decode_html(b"<meta charset=utf-8>\xFF\xFE\xFD", None);
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.had_errors);
        assert!(!decode_text(b"plain ascii").had_errors);
    }

    #[test]
    fn replacement_label_is_not_used() {
        let decoded = decode_html(b"<p>hello</p>", Some("iso-2022-kr"));
        assert_eq!(decoded.text, "<p>hello</p>");
    }

    #[test]
    fn content_type_parameter() {
        assert_eq!(
            charset_from_content_type("text/html; charset=\"ISO-8859-1\""),
            Some("ISO-8859-1")
        );
        assert_eq!(
            charset_from_content_type("text/html;Charset=utf-8 "),
            Some("utf-8")
        );
        assert_eq!(charset_from_content_type("text/html"), None);
    }
}
