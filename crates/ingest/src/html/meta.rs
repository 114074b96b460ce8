//! Page metadata: title, publication time, author, site, canonical URL, language.
//!
//! Each field is taken from the first source that has it, in an order from the most to the
//! least deliberate: JSON-LD, then OpenGraph and other `<meta>` tags, then the markup.

use dyad_core::Published;

use super::jsonld::{JsonLdArticle, read_json_ld};
use super::tag::Tag;
use super::tree::{NodeKind, Tree};
use crate::dates::parse_date;

/// `<meta>` names and properties that carry the publication time, in order of trust.
const PUBLISHED_META_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.issued",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "datepublished",
];

/// Separators between a headline and the site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[
    " | ",
    " - ",
    " \u{2013} ",
    " \u{2014} ",
    " :: ",
    " \u{b7} ",
    " \u{2022} ",
];

/// How many levels above the article container the headline `<h1>` is looked for.
const HEADLINE_SEARCH_LEVELS: usize = 3;

/// The metadata fields of [`super::Page`], documented there.
#[derive(Debug, Default)]
pub(crate) struct Metadata {
    /// Headline, site name stripped.
    pub(crate) title: Option<String>,
    /// Publication time.
    pub(crate) published: Option<Published>,
    /// Byline, "By" stripped; several JSON-LD authors joined with ", ".
    pub(crate) author: Option<String>,
    /// Site or publisher name.
    pub(crate) site_name: Option<String>,
    /// Canonical URL as written in the page.
    pub(crate) canonical_url: Option<String>,
    /// `<html lang>` as written.
    pub(crate) language: Option<String>,
    /// JSON-LD `articleBody`, for pages whose markup hides the text.
    pub(crate) json_ld_body: Option<String>,
}

/// Reads the metadata of a page whose article text was found in `container`.
pub(crate) fn read_metadata(tree: &Tree, container: Option<usize>) -> Metadata {
    let sources = Sources::collect(tree);
    let json_ld = read_json_ld(sources.json_ld_scripts.iter().map(String::as_str));
    let site_name = sources.site_name(&json_ld);
    let canonical_url = sources.canonical_url(&json_ld);
    let title = sources
        .title(&json_ld, container)
        .map(|title| strip_site_name(&title, site_name.as_deref(), canonical_url.as_deref()));
    Metadata {
        title,
        published: sources.published(&json_ld, container),
        author: sources.author(&json_ld),
        site_name,
        canonical_url,
        language: sources.language(),
        json_ld_body: json_ld.body.clone(),
    }
}

/// Everything in the page that metadata is read from, gathered in one pass.
struct Sources<'t, 'a> {
    tree: &'t Tree<'a>,
    /// `(key, content)` of each `<meta>`, the key being its name, property or itemprop.
    meta: Vec<(&'a str, &'a str)>,
    title_element: Option<usize>,
    html_element: Option<usize>,
    canonical_link: Option<&'a str>,
    author_link: Option<usize>,
    date_published_element: Option<usize>,
    json_ld_scripts: Vec<String>,
}

impl<'t, 'a> Sources<'t, 'a> {
    fn collect(tree: &'t Tree<'a>) -> Self {
        let mut sources = Sources {
            tree,
            meta: Vec::new(),
            title_element: None,
            html_element: None,
            canonical_link: None,
            author_link: None,
            date_published_element: None,
            json_ld_scripts: Vec::new(),
        };
        // SVG has <title> elements of its own; they are not the page's title.
        let mut inside_svg_until = 0;
        for index in 1..tree.len() {
            let Some(tag) = tree.tag(index) else { continue };
            match tag {
                Tag::Svg => inside_svg_until = inside_svg_until.max(tree.end(index)),
                Tag::Title if index >= inside_svg_until => {
                    sources.title_element.get_or_insert(index);
                }
                Tag::Html => {
                    sources.html_element.get_or_insert(index);
                }
                Tag::Meta => sources.add_meta(index),
                Tag::Link if tree.attr_has_token(index, "rel", "canonical") => {
                    sources.canonical_link = sources.canonical_link.or(tree.attr(index, "href"));
                }
                Tag::Script
                    if tree
                        .attr(index, "type")
                        .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) =>
                {
                    sources.json_ld_scripts.push(raw_text(tree, index));
                }
                _ => {}
            }
            if tag == Tag::A && tree.attr_has_token(index, "rel", "author") {
                sources.author_link.get_or_insert(index);
            }
            if tag != Tag::Meta && tree.attr_has_token(index, "itemprop", "datePublished") {
                sources.date_published_element.get_or_insert(index);
            }
        }
        sources
    }

    fn add_meta(&mut self, index: usize) {
        let Some(content) = self.tree.attr(index, "content") else {
            return;
        };
        for key_attr in ["name", "property", "itemprop"] {
            if let Some(key) = self.tree.attr(index, key_attr) {
                self.meta.push((key.trim(), content));
            }
        }
    }

    /// The decoded, trimmed content of the first `<meta>` with this key; empty counts as absent.
    fn meta(&self, key: &str) -> Option<String> {
        self.meta_values(key).next()
    }

    fn meta_values<'k>(&'k self, key: &'k str) -> impl Iterator<Item = String> + 'k {
        self.meta
            .iter()
            .filter(move |(k, _)| k.eq_ignore_ascii_case(key))
            .filter_map(|(_, content)| clean(content))
    }

    fn title(&self, json_ld: &JsonLdArticle, container: Option<usize>) -> Option<String> {
        json_ld
            .headline
            .clone()
            .or_else(|| self.meta("og:title"))
            .or_else(|| self.meta("twitter:title"))
            .or_else(|| {
                self.headline_element(container)
                    .and_then(|h1| non_empty(self.tree.text_content(h1)))
            })
            .or_else(|| {
                self.title_element
                    .and_then(|title| non_empty(self.tree.text_content(title)))
            })
    }

    /// The first `<h1>` in the article container or a few levels around it (the headline often
    /// sits in a header next to the text), never reaching up to the page's own header.
    fn headline_element(&self, container: Option<usize>) -> Option<usize> {
        let tree = self.tree;
        let mut scope = container?;
        for _ in 0..=HEADLINE_SEARCH_LEVELS {
            if let Some(h1) = (scope..tree.end(scope)).find(|&i| tree.tag(i) == Some(Tag::H1)) {
                return Some(h1);
            }
            match tree.parent(scope) {
                Some(parent) if !matches!(tree.tag(parent), None | Some(Tag::Body | Tag::Html)) => {
                    scope = parent
                }
                _ => return None,
            }
        }
        None
    }

    fn published(&self, json_ld: &JsonLdArticle, container: Option<usize>) -> Option<Published> {
        if let Some(date) = json_ld.date_published.as_deref().and_then(parse_date) {
            return Some(date);
        }
        for key in PUBLISHED_META_KEYS {
            if let Some(date) = self.meta_values(key).find_map(|value| parse_date(&value)) {
                return Some(date);
            }
        }
        if let Some(date) = self
            .date_published_element
            .and_then(|i| self.element_date(i))
        {
            return Some(date);
        }
        let scope = self.article_scope(container)?;
        (scope..self.tree.end(scope))
            .filter(|&i| self.tree.tag(i) == Some(Tag::Time))
            .find_map(|time| {
                self.tree
                    .attr_decoded(time, "datetime")
                    .and_then(|d| parse_date(&d))
            })
    }

    /// A date carried by an element: its `content` or `datetime` attribute, else its text.
    fn element_date(&self, index: usize) -> Option<Published> {
        ["content", "datetime"]
            .iter()
            .find_map(|attr| self.tree.attr_decoded(index, attr))
            .and_then(|value| parse_date(&value))
            .or_else(|| parse_date(&self.tree.text_content(index)))
    }

    /// Where `<time>` elements count as the article's: the `<article>` around the container,
    /// else the container's parent (its header is often a sibling of the text).
    fn article_scope(&self, container: Option<usize>) -> Option<usize> {
        let tree = self.tree;
        let container = container?;
        let mut at = Some(container);
        while let Some(index) = at {
            if tree.tag(index) == Some(Tag::Article) {
                return Some(index);
            }
            at = tree.parent(index);
        }
        match tree.parent(container) {
            Some(parent) if parent != 0 => Some(parent),
            _ => Some(container),
        }
    }

    fn author(&self, json_ld: &JsonLdArticle) -> Option<String> {
        let from_json_ld = (!json_ld.authors.is_empty()).then(|| json_ld.authors.join(", "));
        from_json_ld
            .or_else(|| self.meta("author"))
            .or_else(|| {
                self.meta_values("article:author")
                    .find(|a| !looks_like_url(a))
            })
            .or_else(|| {
                self.author_link
                    .and_then(|link| non_empty(self.tree.text_content(link)))
            })
            .map(|author| strip_by(&author).to_string())
            .filter(|author| !author.is_empty())
    }

    fn site_name(&self, json_ld: &JsonLdArticle) -> Option<String> {
        self.meta("og:site_name")
            .or_else(|| json_ld.publisher.clone())
            .or_else(|| self.meta("application-name"))
            .or_else(|| json_ld.website_name.clone())
    }

    fn canonical_url(&self, json_ld: &JsonLdArticle) -> Option<String> {
        self.canonical_link
            .and_then(clean)
            .or_else(|| self.meta("og:url"))
            .or_else(|| json_ld.url.clone())
    }

    fn language(&self) -> Option<String> {
        let html = self.html_element?;
        ["lang", "xml:lang"]
            .iter()
            .find_map(|attr| self.tree.attr_decoded(html, attr))
            .and_then(|l| non_empty(l.into()))
    }
}

/// The text of a raw-text element such as a script.
fn raw_text(tree: &Tree, index: usize) -> String {
    (index + 1..tree.end(index))
        .filter_map(|i| match &tree.node(i).kind {
            NodeKind::Text(text) => Some(text.raw),
            _ => None,
        })
        .collect()
}

/// An attribute value decoded, whitespace collapsed; `None` when empty.
fn clean(value: &str) -> Option<String> {
    non_empty(
        html_escape::decode_html_entities(value)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

fn non_empty(text: String) -> Option<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == text.len() {
        Some(text)
    } else {
        Some(trimmed.to_string())
    }
}

fn looks_like_url(text: &str) -> bool {
    text.contains("://") || text.starts_with("www.") || text.starts_with('/')
}

/// "By Jane Doe" is a byline; the name is "Jane Doe".
fn strip_by(author: &str) -> &str {
    let trimmed = author.trim();
    match trimmed.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => trimmed[3..].trim_start(),
        _ => trimmed,
    }
}

/// Removes a site name from the end (`Headline | Site`) or start (`Site - Headline`) of a
/// title, when the part matches the site name or the canonical URL's domain.
pub(crate) fn strip_site_name(
    title: &str,
    site_name: Option<&str>,
    canonical_url: Option<&str>,
) -> String {
    let names: Vec<String> = site_name
        .map(comparable)
        .into_iter()
        .chain(canonical_url.and_then(domain_name))
        .filter(|n| !n.is_empty())
        .collect();
    if names.is_empty() {
        return title.to_string();
    }
    let is_site = |part: &str| names.contains(&comparable(part));
    for separator in TITLE_SEPARATORS {
        if let Some((headline, suffix)) = title.rsplit_once(separator)
            && is_site(suffix)
            && !headline.trim().is_empty()
        {
            return headline.trim().to_string();
        }
        if let Some((prefix, headline)) = title.split_once(separator)
            && is_site(prefix)
            && !headline.trim().is_empty()
        {
            return headline.trim().to_string();
        }
    }
    title.to_string()
}

/// A site name reduced for comparison: letters and digits only, lower case, no leading "the".
fn comparable(name: &str) -> String {
    let reduced: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match reduced.strip_prefix("the") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => reduced,
    }
}

/// The distinctive label of a URL's host, comparable with a site name:
/// `https://www.example-times.co.uk/x` gives `exampletimes`.
fn domain_name(url: &str) -> Option<String> {
    let host = url
        .split("://")
        .nth(1)?
        .split(['/', '?', '#', ':'])
        .next()?;
    let labels: Vec<&str> = host
        .split('.')
        .filter(|l| !l.eq_ignore_ascii_case("www"))
        .collect();
    let label = labels
        .iter()
        .rev()
        .skip(1)
        .copied()
        .find(|l| l.len() > 3 || !matches!(*l, "co" | "com" | "org" | "net" | "ac" | "gov"))?;
    Some(comparable(label))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffix_and_prefix_are_stripped() {
        assert_eq!(
            strip_site_name("Talks resume | Example Wire", Some("Example Wire"), None),
            "Talks resume"
        );
        assert_eq!(
            strip_site_name(
                "The Example Wire - Talks resume",
                Some("Example Wire"),
                None
            ),
            "Talks resume"
        );
        assert_eq!(
            strip_site_name(
                "Talks resume - Example Wire",
                None,
                Some("https://www.example-wire.co.uk/a/b")
            ),
            "Talks resume"
        );
    }

    #[test]
    fn unrelated_suffix_is_kept() {
        assert_eq!(
            strip_site_name("Japan - China talks resume", Some("Example Wire"), None),
            "Japan - China talks resume"
        );
        assert_eq!(
            strip_site_name("Talks | Example Wire", None, None),
            "Talks | Example Wire"
        );
    }

    #[test]
    fn bylines_lose_their_by() {
        assert_eq!(strip_by("By Aiko Tanaka"), "Aiko Tanaka");
        assert_eq!(strip_by("Byron Lee"), "Byron Lee");
    }

    #[test]
    fn domain_labels() {
        assert_eq!(
            domain_name("https://news.example.com/x").as_deref(),
            Some("example")
        );
        assert_eq!(
            domain_name("https://www.example-wire.co.uk").as_deref(),
            Some("examplewire")
        );
        assert_eq!(domain_name("not a url"), None);
    }
}
