//! Direct quotations and who said them.
//!
//! [`find_quotes`] finds the quoted spans of an article body: straight and curly marks, a quote
//! split around its attribution as two quotes, and a quote that runs over paragraphs (a
//! paragraph left open and the next opened again, as wires write them) as one. [`attribute`]
//! then reads each quote's speaker from the words around it in an annotated document:
//! "…," Trump said / said Trump / Trump said: "…" / according to / he told reporters / the
//! minister said, resolving pronouns and role nouns to the fullest name the article gives, and
//! carries a speaker over to the quotes that follow without an attribution of their own.

pub mod gold;
mod names;
mod speaker;

use dyad_core::Doc;

pub use speaker::attribute;

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// First byte inside the opening mark.
    pub start: usize,
    /// The byte of the closing mark (end exclusive of the quoted words).
    pub end: usize,
    /// Who said it, when the article says.
    pub speaker: Option<Speaker>,
}

/// The speaker of a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The fullest name or description the article gives ("Kaja Kallas", "spokesman for the
    /// Kenyan police").
    pub name: String,
    /// First byte of the words that attribute the quote ("he", "the minister", "Kallas").
    pub start: usize,
    /// One past their last byte.
    pub end: usize,
}

impl Quote {
    /// The quoted words.
    pub fn text<'t>(&self, body: &'t str) -> &'t str {
        &body[self.start..self.end]
    }
}

/// The quotes of an annotated document, each with its speaker when one can be read.
pub fn quotes(doc: &Doc) -> Vec<Quote> {
    attribute(doc, find_quotes(&doc.text))
}

/// The quoted spans of `text`, without speakers.
pub fn find_quotes(text: &str) -> Vec<Quote> {
    let mut quotes = Vec::new();
    // (first byte inside, the closing mark that ends it)
    let mut open: Option<(usize, char)> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match (open, c) {
            (None, '"') => open = Some((at + 1, '"')),
            (None, '“') => open = Some((at + c.len_utf8(), '”')),
            (Some((start, close)), c) if c == close => {
                push_quote(&mut quotes, text, start, at);
                open = None;
            }
            (Some((start, close)), '\n') if paragraph_ends(text, at) => {
                // A quote left open at a paragraph's end goes on if the next paragraph opens
                // with a mark again; otherwise it ends with the paragraph.
                let next = text[at..]
                    .find(|c: char| !c.is_whitespace())
                    .map(|i| at + i);
                let reopens = next.is_some_and(|n| {
                    let mark = text[n..].chars().next();
                    mark == Some(if close == '”' { '“' } else { '"' })
                });
                if reopens {
                    let n = next.unwrap_or(at);
                    while chars.peek().is_some_and(|&(i, _)| i <= n) {
                        chars.next();
                    }
                } else {
                    push_quote(&mut quotes, text, start, text[..at].trim_end().len());
                    open = None;
                }
            }
            _ => {}
        }
    }
    if let Some((start, _)) = open {
        push_quote(&mut quotes, text, start, text.trim_end().len());
    }
    quotes
}

fn push_quote(quotes: &mut Vec<Quote>, text: &str, start: usize, end: usize) {
    if end > start && !text[start..end].trim().is_empty() {
        quotes.push(Quote {
            start,
            end,
            speaker: None,
        });
    }
}

/// Whether the line break at `at` ends a paragraph (a blank line follows).
fn paragraph_ends(text: &str, at: usize) -> bool {
    let rest = &text[at + 1..];
    let line_end = rest.find('\n');
    match line_end {
        Some(end) => rest[..end].trim().is_empty(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        find_quotes(text).iter().map(|q| q.text(text)).collect()
    }

    #[test]
    fn straight_and_curly_marks_and_split_quotes() {
        assert_eq!(
            spans("\"We are ready,\" she said, \"but not at any price.\""),
            ["We are ready,", "but not at any price."]
        );
        assert_eq!(
            spans("“It is ‘unfair,’ ” he said of the “so-called” deal."),
            ["It is ‘unfair,’ ", "so-called"]
        );
    }

    #[test]
    fn a_quote_over_two_paragraphs_is_one() {
        let text = "He said: \"First part.\n\n\"Second part.\"\n\nNext.";
        assert_eq!(spans(text), ["First part.\n\n\"Second part."]);
        let unclosed = "\"Left open.\n\nA new paragraph \"quoted\".";
        assert_eq!(spans(unclosed), ["Left open.", "quoted"]);
    }
}
