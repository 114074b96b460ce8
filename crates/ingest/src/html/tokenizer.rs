//! A forgiving HTML tokenizer: tags with attributes, text, CDATA; comments, doctypes and
//! processing instructions are consumed and dropped.
//!
//! Every position it stops at is an ASCII byte, so slicing the input never splits a character,
//! and every scan moves forward, so the work is linear in the input. Character references are
//! not decoded here: text and attribute values are handed on raw and decoded only when used.

use memchr::{memchr, memmem};

use super::tag::Tag;

/// One attribute as written: the name in its original case, the value with character
/// references still encoded.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Attr<'a> {
    /// The name as written.
    pub(crate) name: &'a str,
    /// The value as written, character references not decoded; empty for `<x hidden>`.
    pub(crate) value: &'a str,
}

/// What the tokenizer found next.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Token<'a> {
    /// `<name attr=value …>`; its attributes were appended to the caller's list from
    /// `attrs_start` on.
    StartTag {
        tag: Tag,
        name: &'a str,
        attrs_start: usize,
        self_closing: bool,
    },
    /// `</name>`.
    EndTag { tag: Tag, name: &'a str },
    /// Character data; `decode` says whether character references in it are live.
    Text { text: &'a str, decode: bool },
}

/// Turns an HTML string into [`Token`]s.
pub(crate) struct Tokenizer<'a> {
    html: &'a str,
    pos: usize,
    /// Set by the tree builder after a start tag whose content is raw text.
    raw_text: Option<Tag>,
    /// Raw-text elements whose end tag is known not to occur after `pos` any more; remembering
    /// this keeps a page full of unclosed `<title>`s linear.
    missing_raw_end_tags: Vec<Tag>,
    /// Quote characters known not to occur after `pos` any more.
    missing_double_quote: bool,
    missing_single_quote: bool,
}

/// What a `<` at the current position turned out to start.
enum Markup<'a> {
    Token(Token<'a>),
    /// A comment, doctype or similar, consumed without a token.
    Skipped,
    /// A `<` that is plain text ("a < b").
    PlainLessThan,
}

impl<'a> Tokenizer<'a> {
    /// A tokenizer at the start of `html`.
    pub(crate) fn new(html: &'a str) -> Self {
        Tokenizer {
            html,
            pos: 0,
            raw_text: None,
            missing_raw_end_tags: Vec::new(),
            missing_double_quote: false,
            missing_single_quote: false,
        }
    }

    /// Makes the tokenizer read the content of `tag` (script, style, title…) as text up to
    /// its end tag.
    pub(crate) fn enter_raw_text(&mut self, tag: Tag) {
        self.raw_text = Some(tag);
    }

    /// The next token; attributes of a start tag are pushed onto `attrs`.
    pub(crate) fn next_token(&mut self, attrs: &mut Vec<Attr<'a>>) -> Option<Token<'a>> {
        if let Some(tag) = self.raw_text.take()
            && let Some(token) = self.raw_text_content(tag)
        {
            return Some(token);
        }
        while self.pos < self.html.len() {
            if self.bytes()[self.pos] == b'<' {
                match self.markup(attrs) {
                    Markup::Token(token) => return Some(token),
                    Markup::Skipped => continue,
                    Markup::PlainLessThan => {}
                }
            }
            return Some(self.text());
        }
        None
    }

    fn bytes(&self) -> &'a [u8] {
        self.html.as_bytes()
    }

    fn byte_at(&self, pos: usize) -> Option<u8> {
        self.bytes().get(pos).copied()
    }

    /// Text up to the next `<` that starts markup.
    fn text(&mut self) -> Token<'a> {
        let start = self.pos;
        let mut search_from = self.pos + 1;
        let end = loop {
            match memchr(b'<', &self.bytes()[search_from.min(self.html.len())..]) {
                None => break self.html.len(),
                Some(offset) => {
                    let at = search_from + offset;
                    if self.starts_markup(at) {
                        break at;
                    }
                    search_from = at + 1;
                }
            }
        };
        self.pos = end;
        Token::Text {
            text: &self.html[start..end],
            decode: true,
        }
    }

    /// Whether the `<` at `at` opens a tag, end tag, comment, doctype or instruction.
    fn starts_markup(&self, at: usize) -> bool {
        match self.byte_at(at + 1) {
            Some(b) if b.is_ascii_alphabetic() => true,
            Some(b'!' | b'?') => true,
            Some(b'/') => self.byte_at(at + 2).is_some(),
            _ => false,
        }
    }

    fn markup(&mut self, attrs: &mut Vec<Attr<'a>>) -> Markup<'a> {
        if !self.starts_markup(self.pos) {
            return Markup::PlainLessThan;
        }
        let rest = &self.bytes()[self.pos..];
        match rest[1] {
            b'!' if rest.starts_with(b"<!--") => self.comment(),
            b'!' if rest.len() >= 9 && rest[..9].eq_ignore_ascii_case(b"<![cdata[") => self.cdata(),
            b'!' | b'?' => self.skip_past(b'>'),
            b'/' if rest[2].is_ascii_alphabetic() => self.end_tag(),
            b'/' if rest[2] == b'>' => {
                self.pos += 3;
                Markup::Skipped
            }
            b'/' => self.skip_past(b'>'),
            _ => self.start_tag(attrs),
        }
    }

    fn comment(&mut self) -> Markup<'a> {
        let body = self.pos + 4;
        // "<!-->" and "<!--->" are complete (empty) comments.
        let end = if self.bytes()[body..].starts_with(b">") {
            body + 1
        } else if self.bytes()[body..].starts_with(b"->") {
            body + 2
        } else {
            memmem::find(&self.bytes()[body..], b"-->").map_or(self.html.len(), |at| body + at + 3)
        };
        self.pos = end;
        Markup::Skipped
    }

    fn cdata(&mut self) -> Markup<'a> {
        let body = self.pos + 9;
        let (text_end, next) = match memmem::find(&self.bytes()[body..], b"]]>") {
            Some(at) => (body + at, body + at + 3),
            None => (self.html.len(), self.html.len()),
        };
        self.pos = next;
        Markup::Token(Token::Text {
            text: &self.html[body..text_end],
            decode: false,
        })
    }

    /// Consumes everything up to and including the next `byte` (or to the end).
    fn skip_past(&mut self, byte: u8) -> Markup<'a> {
        self.pos =
            memchr(byte, &self.bytes()[self.pos..]).map_or(self.html.len(), |at| self.pos + at + 1);
        Markup::Skipped
    }

    fn end_tag(&mut self) -> Markup<'a> {
        self.pos += 2;
        let name = self.tag_name();
        // Attributes on end tags mean nothing; an end tag cut off by the end of input is dropped.
        match memchr(b'>', &self.bytes()[self.pos..]) {
            Some(at) => self.pos += at + 1,
            None => {
                self.pos = self.html.len();
                return Markup::Skipped;
            }
        }
        Markup::Token(Token::EndTag {
            tag: Tag::from_name(name),
            name,
        })
    }

    fn start_tag(&mut self, attrs: &mut Vec<Attr<'a>>) -> Markup<'a> {
        self.pos += 1;
        let name = self.tag_name();
        let attrs_start = attrs.len();
        let mut self_closing = false;
        loop {
            self.skip_whitespace();
            match self.byte_at(self.pos) {
                None => {
                    // A tag cut off by the end of input is dropped, as browsers do.
                    attrs.truncate(attrs_start);
                    return Markup::Skipped;
                }
                Some(b'>') => {
                    self.pos += 1;
                    break;
                }
                Some(b'/') => {
                    self.pos += 1;
                    if self.byte_at(self.pos) == Some(b'>') {
                        self_closing = true;
                    }
                }
                Some(_) => attrs.push(self.attribute()),
            }
        }
        Markup::Token(Token::StartTag {
            tag: Tag::from_name(name),
            name,
            attrs_start,
            self_closing,
        })
    }

    fn tag_name(&mut self) -> &'a str {
        let start = self.pos;
        while self
            .byte_at(self.pos)
            .is_some_and(|b| !b.is_ascii_whitespace() && b != b'/' && b != b'>')
        {
            self.pos += 1;
        }
        &self.html[start..self.pos]
    }

    fn skip_whitespace(&mut self) {
        while self
            .byte_at(self.pos)
            .is_some_and(|b| b.is_ascii_whitespace())
        {
            self.pos += 1;
        }
    }

    /// One `name`, `name=value`, `name="value"` or `name='value'`, starting at a byte that is
    /// neither whitespace, `/` nor `>`.
    fn attribute(&mut self) -> Attr<'a> {
        let start = self.pos;
        // A leading '=' belongs to the name, as in the HTML standard.
        self.pos += 1;
        while self
            .byte_at(self.pos)
            .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'/' | b'>' | b'='))
        {
            self.pos += 1;
        }
        let name = &self.html[start..self.pos];
        self.skip_whitespace();
        if self.byte_at(self.pos) != Some(b'=') {
            return Attr { name, value: "" };
        }
        self.pos += 1;
        self.skip_whitespace();
        Attr {
            name,
            value: self.attribute_value(),
        }
    }

    fn attribute_value(&mut self) -> &'a str {
        match self.byte_at(self.pos) {
            Some(quote @ (b'"' | b'\'')) => self.quoted_value(quote),
            _ => {
                let start = self.pos;
                while self
                    .byte_at(self.pos)
                    .is_some_and(|b| !b.is_ascii_whitespace() && b != b'>')
                {
                    self.pos += 1;
                }
                &self.html[start..self.pos]
            }
        }
    }

    /// A quoted value. When the closing quote never comes, the value ends at the next `>`
    /// instead of swallowing the rest of the page.
    fn quoted_value(&mut self, quote: u8) -> &'a str {
        let start = self.pos + 1;
        let missing = if quote == b'"' {
            self.missing_double_quote
        } else {
            self.missing_single_quote
        };
        let close = if missing {
            None
        } else {
            memchr(quote, &self.bytes()[start..])
        };
        match close {
            Some(at) => {
                self.pos = start + at + 1;
                &self.html[start..start + at]
            }
            None => {
                if quote == b'"' {
                    self.missing_double_quote = true;
                } else {
                    self.missing_single_quote = true;
                }
                let end =
                    memchr(b'>', &self.bytes()[start..]).map_or(self.html.len(), |at| start + at);
                self.pos = end;
                &self.html[start..end]
            }
        }
    }

    /// The content of a raw-text element up to its end tag, or `None` when it is empty or
    /// when the element goes back to ordinary parsing because its end tag is missing.
    fn raw_text_content(&mut self, tag: Tag) -> Option<Token<'a>> {
        let start = self.pos;
        let end = match self.find_raw_end_tag(tag) {
            Some(end) => end,
            None if tag.needs_end_tag_for_raw_text() => return None,
            None => self.html.len(),
        };
        self.pos = end;
        (end > start).then(|| Token::Text {
            text: &self.html[start..end],
            decode: tag.decodes_entities(),
        })
    }

    /// Position of the `</tag` that ends a raw-text element, matched without regard to case
    /// and only when followed by a delimiter.
    fn find_raw_end_tag(&mut self, tag: Tag) -> Option<usize> {
        if self.missing_raw_end_tags.contains(&tag) {
            return None;
        }
        let name = raw_text_name(tag);
        let bytes = self.bytes();
        let mut from = self.pos;
        while let Some(offset) = memmem::find(&bytes[from..], b"</") {
            let at = from + offset;
            let after_name = at + 2 + name.len();
            let name_matches = bytes
                .get(at + 2..after_name)
                .is_some_and(|n| n.eq_ignore_ascii_case(name));
            let delimited = bytes
                .get(after_name)
                .is_none_or(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>');
            if name_matches && delimited {
                return Some(at);
            }
            from = at + 2;
        }
        self.missing_raw_end_tags.push(tag);
        None
    }
}

/// The lower-case name of a raw-text element, for finding its end tag.
fn raw_text_name(tag: Tag) -> &'static [u8] {
    match tag {
        Tag::Script => b"script",
        Tag::Style => b"style",
        Tag::Textarea => b"textarea",
        Tag::Title => b"title",
        Tag::Xmp => b"xmp",
        Tag::Iframe => b"iframe",
        Tag::Noembed => b"noembed",
        Tag::Noframes => b"noframes",
        Tag::Noscript => b"noscript",
        _ => b"",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens as short strings, switching to raw text the way the tree builder does.
    fn tokens(html: &str) -> Vec<String> {
        let mut tokenizer = Tokenizer::new(html);
        let mut attrs = Vec::new();
        let mut out = Vec::new();
        while let Some(token) = tokenizer.next_token(&mut attrs) {
            out.push(match token {
                Token::StartTag {
                    tag,
                    name,
                    attrs_start,
                    self_closing,
                } => {
                    if tag.is_raw_text() {
                        tokenizer.enter_raw_text(tag);
                    }
                    let list: Vec<String> = attrs[attrs_start..]
                        .iter()
                        .map(|a| format!(" {}={:?}", a.name, a.value))
                        .collect();
                    format!(
                        "<{name}{}{}>",
                        list.concat(),
                        if self_closing { "/" } else { "" }
                    )
                }
                Token::EndTag { name, .. } => format!("</{name}>"),
                Token::Text { text, decode } => {
                    format!("{}{text:?}", if decode { "" } else { "raw" })
                }
            });
        }
        out
    }

    #[test]
    fn tags_attributes_and_text() {
        assert_eq!(
            tokens("<P CLASS=lead id='x' data-a=\"1 > 2\" hidden>Hi</p>"),
            [
                "<P CLASS=\"lead\" id=\"x\" data-a=\"1 > 2\" hidden=\"\">",
                "\"Hi\"",
                "</p>"
            ]
        );
    }

    #[test]
    fn self_closing_and_spaces_around_equals() {
        assert_eq!(
            tokens("<br/><img src = a.png />"),
            ["<br/>", "<img src=\"a.png\"/>"]
        );
    }

    #[test]
    fn comments_doctype_and_instructions_are_dropped() {
        assert_eq!(
            tokens("<!DOCTYPE html><?xml x?><!-- a <b> -->x<!---->y<!-->z"),
            ["\"x\"", "\"y\"", "\"z\""]
        );
    }

    #[test]
    fn unclosed_comment_swallows_the_rest() {
        assert_eq!(tokens("a<!-- b <p>c"), ["\"a\""]);
    }

    #[test]
    fn cdata_is_raw_text() {
        assert_eq!(
            tokens("<![CDATA[a &amp; <b>]]>c"),
            ["raw\"a &amp; <b>\"", "\"c\""]
        );
    }

    #[test]
    fn less_than_in_text_stays_text() {
        assert_eq!(
            tokens("a < b <3 and 1<2 </ >x"),
            ["\"a < b <3 and 1<2 \"", "\"x\""]
        );
        assert_eq!(tokens("ends with <"), ["\"ends with <\""]);
    }

    #[test]
    fn script_content_is_raw_until_its_end_tag() {
        assert_eq!(
            tokens("<script>if (a</b) x = '</div>';</SCRIPT >t"),
            [
                "<script>",
                "raw\"if (a</b) x = '</div>';\"",
                "</SCRIPT>",
                "\"t\""
            ]
        );
    }

    #[test]
    fn title_decodes_entities_and_survives_a_missing_end_tag() {
        assert_eq!(
            tokens("<title>A &amp; B</title>"),
            ["<title>", "\"A &amp; B\"", "</title>"]
        );
        assert_eq!(tokens("<title>A<p>B"), ["<title>", "\"A\"", "<p>", "\"B\""]);
    }

    #[test]
    fn unterminated_quote_ends_at_the_next_angle_bracket() {
        assert_eq!(
            tokens("<a href=\"x>link</a>"),
            ["<a href=\"x\">", "\"link\"", "</a>"]
        );
    }

    #[test]
    fn tag_cut_off_at_end_is_dropped() {
        assert_eq!(tokens("text<div class=\"a\""), ["\"text\""]);
        assert_eq!(tokens("text</div"), ["\"text\""]);
    }

    #[test]
    fn non_ascii_text_and_names() {
        assert_eq!(
            tokens("<p été=\"ü\">日本</p>"),
            ["<p été=\"ü\">", "\"日本\"", "</p>"]
        );
    }
}
