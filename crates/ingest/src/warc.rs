//! WARC files, plain or gzipped (one gzip member per record, as Common Crawl writes them):
//! every `response` (or `resource`) record holding an HTML page becomes an article.

use std::io::{BufRead, Read};

use crate::draft::Draft;
use crate::{FailReason, Location, Options, Outcome, Record, SkipReason, charset, html};

/// Room for HTTP headers on top of the page-size limit when deciding a record is too large.
const HTTP_HEADER_ALLOWANCE: usize = 1024 * 1024;
/// A WARC header block longer than this is broken, not slow to arrive.
const MAX_HEADER_BYTES: usize = 1024 * 1024;
const READ_CHUNK: usize = 256 * 1024;
const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b, 0x08];

/// Reads an uncompressed WARC stream.
pub(crate) fn read_warc(
    reader: &mut dyn BufRead,
    input: &Location,
    options: &Options,
    sink: &mut dyn FnMut(Record),
) {
    let mut splitter = Splitter::new(input, options);
    let mut chunk = vec![0; READ_CHUNK];
    let mut position = 0u64;
    loop {
        match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(read) => {
                splitter.push(&chunk[..read], Origin::Exact(position), sink);
                position += read as u64;
            }
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => {
                let location = Location {
                    offset: Some(position),
                    ..input.clone()
                };
                sink(Record::new(
                    location,
                    Outcome::Failed(FailReason::Io(error.to_string())),
                ));
                break;
            }
        }
    }
    splitter.finish(sink);
}

/// Reads a gzipped WARC stream member by member, so that a record's location is the byte
/// offset of its gzip member (what WARC indexes record) and a corrupt member costs only the
/// records in it: reading resumes at the next gzip header.
pub(crate) fn read_warc_gz(
    reader: &mut dyn BufRead,
    input: &Location,
    options: &Options,
    sink: &mut dyn FnMut(Record),
) {
    let mut counting = CountingReader {
        inner: reader,
        position: 0,
    };
    let mut splitter = Splitter::new(input, options);
    let mut chunk = vec![0; READ_CHUNK];
    loop {
        let member_offset = counting.position;
        match counting.fill_buf() {
            Ok([]) => break,
            Ok(_) => {}
            Err(error) => {
                let location = Location {
                    offset: Some(member_offset),
                    ..input.clone()
                };
                sink(Record::new(
                    location,
                    Outcome::Failed(FailReason::Io(error.to_string())),
                ));
                break;
            }
        }
        let mut member = flate2::bufread::GzDecoder::new(&mut counting);
        let failure = loop {
            match member.read(&mut chunk) {
                Ok(0) => break None,
                Ok(read) => splitter.push(&chunk[..read], Origin::Member(member_offset), sink),
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(error) => break Some(error),
            }
        };
        drop(member);
        if let Some(error) = failure {
            splitter.abandon_partial_record();
            let message = format!(
                "the member at byte {member_offset} is truncated or corrupt ({error}); reading resumes at the next member"
            );
            let location = Location {
                offset: Some(member_offset),
                ..input.clone()
            };
            sink(Record::new(
                location,
                Outcome::Failed(FailReason::Gzip(message)),
            ));
            if skip_to_next_member(&mut counting, member_offset).is_err() {
                break;
            }
        }
    }
    splitter.finish(sink);
}

/// Counts the bytes consumed from a reader, to know where each gzip member starts.
struct CountingReader<'r> {
    inner: &'r mut dyn BufRead,
    position: u64,
}

impl Read for CountingReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.position += read as u64;
        Ok(read)
    }
}

impl BufRead for CountingReader<'_> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.position += amount as u64;
        self.inner.consume(amount);
    }
}

/// Consumes bytes up to the next gzip header after `failed_member`.
fn skip_to_next_member(reader: &mut CountingReader<'_>, failed_member: u64) -> std::io::Result<()> {
    loop {
        let position = reader.position;
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        // The failed member's own header must not be found again.
        let search_from =
            usize::try_from((failed_member + 1).saturating_sub(position)).unwrap_or(usize::MAX);
        let found = buffer
            .get(search_from.min(buffer.len())..)
            .and_then(|rest| memchr::memmem::find(rest, GZIP_MAGIC))
            .map(|at| at + search_from.min(buffer.len()));
        match found {
            Some(at) => {
                reader.consume(at);
                return Ok(());
            }
            // Keep the last bytes: a header may straddle two buffers.
            None if buffer.len() > GZIP_MAGIC.len() => {
                let amount = buffer.len() - (GZIP_MAGIC.len() - 1);
                reader.consume(amount);
            }
            None => {
                let amount = buffer.len();
                reader.consume(amount);
            }
        }
    }
}

/// Where bytes handed to the splitter came from.
#[derive(Debug, Clone, Copy)]
enum Origin {
    /// Uncompressed: the file offset of the first byte.
    Exact(u64),
    /// Compressed: the offset of the gzip member they were inflated from.
    Member(u64),
}

/// Cuts a byte stream into WARC records, whatever chunks it arrives in.
struct Splitter<'a> {
    input: &'a Location,
    options: &'a Options,
    pending: Vec<u8>,
    /// Where the bytes of `pending` came from: (index in `pending`, origin), in order.
    origins: Vec<(usize, Origin)>,
    /// Bytes of an oversized record still to be discarded.
    skip: u64,
    /// Bytes discarded while looking for the next record, not yet reported.
    garbage: usize,
    garbage_offset: Option<u64>,
    records: u64,
}

impl<'a> Splitter<'a> {
    fn new(input: &'a Location, options: &'a Options) -> Self {
        Splitter {
            input,
            options,
            pending: Vec::new(),
            origins: Vec::new(),
            skip: 0,
            garbage: 0,
            garbage_offset: None,
            records: 0,
        }
    }

    fn push(&mut self, data: &[u8], origin: Origin, sink: &mut dyn FnMut(Record)) {
        // The tail of an oversized record, already reported, is passed over.
        let skipped = self.skip.min(data.len() as u64);
        self.skip -= skipped;
        let data = &data[skipped as usize..];
        if data.is_empty() {
            return;
        }
        let origin = match origin {
            Origin::Exact(offset) => Origin::Exact(offset + skipped),
            member => member,
        };
        self.origins.push((self.pending.len(), origin));
        self.pending.extend_from_slice(data);
        self.drain_records(sink);
    }

    /// The file offset of `pending[index]` (its gzip member's offset when compressed).
    fn offset_of(&self, index: usize) -> Option<u64> {
        let (start, origin) = self
            .origins
            .iter()
            .rev()
            .find(|(start, _)| *start <= index)?;
        Some(match origin {
            Origin::Exact(offset) => offset + (index - start) as u64,
            Origin::Member(offset) => *offset,
        })
    }

    fn drain_records(&mut self, sink: &mut dyn FnMut(Record)) {
        let mut start = 0;
        while let Step::Consumed(end) = self.next_record(start, sink) {
            start = end;
        }
        self.discard_front(start);
    }

    /// Drops the first `amount` bytes of `pending`, keeping the origins of the rest.
    fn discard_front(&mut self, amount: usize) {
        if amount == 0 {
            return;
        }
        let first_kept = self.offset_of(amount);
        self.pending.drain(..amount);
        let mut origins: Vec<(usize, Origin)> = self
            .origins
            .iter()
            .filter(|(start, _)| *start > amount)
            .map(|(start, origin)| (start - amount, *origin))
            .collect();
        if !self.pending.is_empty() {
            let head = match self
                .origins
                .iter()
                .rev()
                .find(|(start, _)| *start <= amount)
            {
                Some((_, Origin::Member(offset))) => Origin::Member(*offset),
                _ => Origin::Exact(first_kept.unwrap_or(0)),
            };
            origins.insert(0, (0, head));
        }
        self.origins = origins;
    }

    /// Looks for one whole record at `pending[start..]`.
    fn next_record(&mut self, start: usize, sink: &mut dyn FnMut(Record)) -> Step {
        let rest = &self.pending[start..];
        let leading_newlines = rest
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        let start = start + leading_newlines;
        if start == self.pending.len() {
            return Step::NeedMore;
        }
        if !self.pending[start..].starts_with(b"WARC/") {
            return self.skip_garbage(start);
        }
        self.report_garbage(sink);
        let rest = &self.pending[start..];
        let Some(header_end) = memchr::memmem::find(rest, b"\r\n\r\n").map(|at| at + 4) else {
            if rest.len() > MAX_HEADER_BYTES {
                self.fail_at(
                    start,
                    "a record header longer than 1 MiB; looking for the next record".into(),
                    sink,
                );
                return Step::Consumed(start + 5);
            }
            return Step::NeedMore;
        };
        let headers = parse_headers(&rest[..header_end]);
        let Some(length) =
            header(&headers, "content-length").and_then(|v| v.trim().parse::<usize>().ok())
        else {
            self.fail_at(
                start,
                "a record without a valid Content-Length; looking for the next record".into(),
                sink,
            );
            return Step::Consumed(start + header_end);
        };
        if length > self.options.max_document_bytes + HTTP_HEADER_ALLOWANCE {
            return self.skip_oversized(start, header_end, length, &headers, sink);
        }
        if rest.len() < header_end + length {
            return Step::NeedMore;
        }
        self.records += 1;
        let mut location = self.input.at_record(self.records, self.offset_of(start));
        location.url = header(&headers, "warc-target-uri").map(str::to_string);
        let block = &rest[header_end..header_end + length];
        sink(record_outcome(&headers, block, location, self.options));
        Step::Consumed(start + header_end + length)
    }

    fn skip_oversized(
        &mut self,
        start: usize,
        header_end: usize,
        length: usize,
        headers: &[(String, String)],
        sink: &mut dyn FnMut(Record),
    ) -> Step {
        self.records += 1;
        let mut location = self.input.at_record(self.records, self.offset_of(start));
        location.url = header(headers, "warc-target-uri").map(str::to_string);
        let reason = SkipReason::TooLarge {
            size: length,
            limit: self.options.max_document_bytes,
        };
        sink(Record::new(location, Outcome::Skipped(reason)));
        let available = self.pending.len() - start - header_end;
        let consumed = available.min(length);
        self.skip = (length - consumed) as u64;
        Step::Consumed(start + header_end + consumed)
    }

    /// Bytes that do not start a record: skip to the next `WARC/`, reporting them once.
    fn skip_garbage(&mut self, start: usize) -> Step {
        if self.garbage_offset.is_none() {
            self.garbage_offset = self.offset_of(start);
        }
        let rest = &self.pending[start..];
        match memchr::memmem::find(&rest[1..], b"WARC/") {
            Some(at) => {
                self.garbage += at + 1;
                Step::Consumed(start + at + 1)
            }
            None if rest.len() > 5 => {
                self.garbage += rest.len() - 5;
                Step::Consumed(start + rest.len() - 5)
            }
            None => Step::NeedMore,
        }
    }

    fn report_garbage(&mut self, sink: &mut dyn FnMut(Record)) {
        if self.garbage == 0 {
            return;
        }
        let location = Location {
            offset: self.garbage_offset.take(),
            ..self.input.clone()
        };
        let message = format!(
            "{} bytes that are not a WARC record were skipped",
            self.garbage
        );
        sink(Record::new(
            location,
            Outcome::Failed(FailReason::Warc(message)),
        ));
        self.garbage = 0;
    }

    fn fail_at(&mut self, start: usize, message: String, sink: &mut dyn FnMut(Record)) {
        let location = Location {
            offset: self.offset_of(start),
            ..self.input.clone()
        };
        sink(Record::new(
            location,
            Outcome::Failed(FailReason::Warc(message)),
        ));
    }

    /// A gzip member broke: the record it was in the middle of cannot be completed.
    fn abandon_partial_record(&mut self) {
        self.pending.clear();
        self.origins.clear();
        self.skip = 0;
    }

    /// At the end of the stream, whatever is left is a record cut short.
    fn finish(mut self, sink: &mut dyn FnMut(Record)) {
        let leftover = self
            .pending
            .iter()
            .filter(|b| !b.is_ascii_whitespace())
            .count();
        if leftover > 0 && self.pending.trim_ascii_start().starts_with(b"WARC/") {
            let message = format!(
                "the file ends inside a record ({} bytes of it present)",
                self.pending.len()
            );
            self.fail_at(0, message, sink);
        } else if leftover > 0 {
            self.garbage += self.pending.len();
            if self.garbage_offset.is_none() {
                self.garbage_offset = self.offset_of(0);
            }
        }
        self.report_garbage(sink);
    }
}

enum Step {
    /// A record (or skippable bytes) ended at this index of `pending`.
    Consumed(usize),
    /// The next record is not complete yet.
    NeedMore,
}

fn parse_headers(block: &[u8]) -> Vec<(String, String)> {
    String::from_utf8_lossy(block)
        .lines()
        .skip(1)
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_string()))
        .collect()
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

/// One WARC record to a record of dyad's: pages become articles, everything else says why not.
fn record_outcome(
    headers: &[(String, String)],
    block: &[u8],
    location: Location,
    options: &Options,
) -> Record {
    let kind = header(headers, "warc-type")
        .unwrap_or("unknown")
        .to_ascii_lowercase();
    let page = match kind.as_str() {
        "response" => match http_response(block) {
            Ok(response) => response,
            Err(outcome) => return Record::new(location, outcome),
        },
        "resource" => HttpBody {
            content_type: header(headers, "content-type").map(str::to_string),
            body: block.to_vec(),
        },
        other => {
            return Record::new(
                location,
                Outcome::Skipped(SkipReason::WarcRecordType(other.to_string())),
            );
        }
    };
    let content_type = page.content_type.unwrap_or_default();
    if !is_html(&content_type) {
        let shown = if content_type.is_empty() {
            "no content type".to_string()
        } else {
            content_type
        };
        return Record::new(location, Outcome::Skipped(SkipReason::NotHtml(shown)));
    }
    if page.body.len() > options.max_document_bytes {
        let reason = SkipReason::TooLarge {
            size: page.body.len(),
            limit: options.max_document_bytes,
        };
        return Record::new(location, Outcome::Skipped(reason));
    }
    let decoded = charset::decode_html(
        &page.body,
        charset::charset_from_content_type(&content_type),
    );
    let extracted = html::extract_page(&decoded.text);
    let url = extracted
        .canonical_url
        .filter(|url| url.starts_with("http"))
        .or(location.url.clone());
    let draft = Draft {
        url,
        title: extracted.title,
        source: extracted.site_name,
        author: extracted.author,
        published: extracted.published,
        declared_language: extracted.language,
        body: extracted.body,
        ..Draft::default()
    };
    let mut notes = Vec::new();
    if decoded.had_errors {
        notes.push(format!(
            "bytes not valid in {} were replaced",
            decoded.encoding
        ));
    }
    Record {
        location,
        outcome: draft.finish(options),
        notes,
    }
}

struct HttpBody {
    content_type: Option<String>,
    body: Vec<u8>,
}

/// The status, content type and (de-chunked, decompressed) body of an HTTP response.
fn http_response(block: &[u8]) -> Result<HttpBody, Outcome> {
    let http_failure =
        |message: &str| Outcome::Failed(FailReason::Warc(format!("HTTP response: {message}")));
    let header_end = memchr::memmem::find(block, b"\r\n\r\n")
        .map(|at| at + 4)
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|at| at + 2))
        .ok_or_else(|| http_failure("no end of headers"))?;
    let head = String::from_utf8_lossy(&block[..header_end]);
    let status_line = head.lines().next().unwrap_or_default();
    let status: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| http_failure(&format!("bad status line {status_line:?}")))?;
    if status != 200 {
        return Err(Outcome::Skipped(SkipReason::HttpStatus(status)));
    }
    let headers = parse_headers(&block[..header_end]);
    let mut body = block[header_end..].to_vec();
    if header(&headers, "transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        body = dechunk(&body).ok_or_else(|| http_failure("broken chunked encoding"))?;
    }
    match header(&headers, "content-encoding")
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        None | Some("identity") | Some("") => {}
        Some("gzip") | Some("x-gzip") => {
            body = inflate(flate2::read::MultiGzDecoder::new(body.as_slice()))
                .ok_or_else(|| http_failure("corrupt gzip body"))?
        }
        Some("deflate") => {
            body = inflate(flate2::read::ZlibDecoder::new(body.as_slice()))
                .ok_or_else(|| http_failure("corrupt deflate body"))?
        }
        Some(other) => {
            return Err(http_failure(&format!(
                "unsupported content encoding {other:?}"
            )));
        }
    }
    Ok(HttpBody {
        content_type: header(&headers, "content-type").map(str::to_string),
        body,
    })
}

fn inflate(mut decoder: impl Read) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    decoder.read_to_end(&mut out).ok()?;
    Some(out)
}

/// Undoes HTTP/1.1 chunked transfer encoding.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let line_end = memchr::memmem::find(data, b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size + 2..).unwrap_or_default();
    }
}

fn is_html(content_type: &str) -> bool {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    mime == "text/html" || mime == "application/xhtml+xml"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dechunks() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\n\r\n").unwrap(),
            b"Wikipedia"
        );
        assert_eq!(dechunk(b"zz\r\n"), None);
    }

    #[test]
    fn html_content_types() {
        assert!(is_html("Text/HTML; charset=utf-8"));
        assert!(!is_html("image/png"));
    }
}
