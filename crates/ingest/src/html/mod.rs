//! HTML pages: main-content extraction and metadata.
//!
//! The parser is our own (see [`tree`]): linear in the input, no recursion over the tree,
//! never panics, so any page a crawler brings back can go through it.

mod boilerplate;
mod extract;
mod jsonld;
mod meta;
mod render;
mod tag;
mod tokenizer;
mod tree;

use dyad_core::Published;

use self::boilerplate::is_never_text;
use self::tree::Tree;

/// What dyad takes from a news page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// Headline: JSON-LD headline, og:title, <h1> or <title>, in that order.
    pub title: Option<String>,
    /// Main text, paragraphs separated by a blank line; empty when the page has none.
    pub body: String,
    /// Publication time from JSON-LD, meta tags, OpenGraph or <time>.
    pub published: Option<Published>,
    /// Byline.
    pub author: Option<String>,
    /// Site or publisher name.
    pub site_name: Option<String>,
    /// Canonical URL (link rel=canonical, og:url).
    pub canonical_url: Option<String>,
    /// Language declared by the page (`<html lang>`), as given.
    pub language: Option<String>,
}

/// Extracts the article of a decoded HTML page.
pub fn extract_page(html: &str) -> Page {
    let tree = Tree::parse(html);
    let extraction = extract::extract_article(&tree);
    let metadata = meta::read_metadata(&tree, extraction.container);
    let body = prefer_json_ld_body(extraction.body, metadata.json_ld_body.as_deref());
    Page {
        title: metadata.title,
        body,
        published: metadata.published,
        author: metadata.author,
        site_name: metadata.site_name,
        canonical_url: metadata.canonical_url,
        language: metadata.language,
    }
}

/// The readable text of an HTML fragment (a feed item's content), paragraphs separated by a
/// blank line, entities decoded, tags dropped.
pub fn fragment_text(html: &str) -> String {
    if !contains_markup(html) {
        return plain_text(html);
    }
    let tree = Tree::parse(html);
    render::render(&tree, &[0], |_, tag| is_never_text(tag))
}

/// The JSON-LD `articleBody` replaces the text found in the markup when that is empty or less
/// than half as long: some pages load their text by script and only the JSON-LD has it.
fn prefer_json_ld_body(dom_body: String, json_ld_body: Option<&str>) -> String {
    let Some(json_ld_body) = json_ld_body else {
        return dom_body;
    };
    let json_ld_text = if contains_markup(json_ld_body) {
        fragment_text(json_ld_body)
    } else {
        paragraphs_of_lines(json_ld_body)
    };
    if json_ld_text.chars().count() > 2 * dom_body.chars().count() {
        json_ld_text
    } else {
        dom_body
    }
}

/// Whether the text has anything the HTML tokenizer would treat as markup.
fn contains_markup(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'<', bytes).any(|at| {
        bytes
            .get(at + 1)
            .is_some_and(|&next| next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?'))
    })
}

/// Text without tags: character references decoded, line endings normalized, trimmed.
fn plain_text(text: &str) -> String {
    let decoded = html_escape::decode_html_entities(text);
    decoded.replace("\r\n", "\n").trim().to_string()
}

/// Plain text with one paragraph per non-empty line, whitespace collapsed in each.
fn paragraphs_of_lines(text: &str) -> String {
    let decoded = html_escape::decode_html_entities(text);
    let paragraphs: Vec<String> = decoded
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_fragment_passes_through_decoded() {
        assert_eq!(
            fragment_text("  Talks &amp; trade.\r\n\r\nMore &lt;soon&gt;. 3 < 4 "),
            "Talks & trade.\n\nMore <soon>. 3 < 4"
        );
    }

    #[test]
    fn html_fragment_keeps_all_text_but_scripts() {
        let html = "<p>First <a href=x>link</a>.</p><script>x()</script><ul><li>One</li><li>Two</li></ul>Tail";
        assert_eq!(fragment_text(html), "First link.\n\nOne\n\nTwo\n\nTail");
    }

    #[test]
    fn json_ld_body_replaces_a_much_shorter_dom_body() {
        assert_eq!(
            prefer_json_ld_body("Short.".into(), Some("Line one.\n\n  Line   two.\n")),
            "Line one.\n\nLine two."
        );
        assert_eq!(
            prefer_json_ld_body("A long enough body.".into(), Some("Short.")),
            "A long enough body."
        );
        assert_eq!(
            prefer_json_ld_body(String::new(), Some("<p>Para</p>")),
            "Para"
        );
    }
}
