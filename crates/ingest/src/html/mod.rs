//! HTML pages: main-content extraction and metadata.

use dyad_core::Published;

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
    Page { body: fragment_text(html), ..Page::default() }
}

/// The readable text of an HTML fragment (a feed item's content), paragraphs separated by a
/// blank line, entities decoded, tags dropped.
pub fn fragment_text(html: &str) -> String {
    html.to_string()
}
