//! Article metadata from JSON-LD (`<script type="application/ld+json">`).
//!
//! Pages nest the article anywhere: at the top level, in a list, inside `@graph`, under
//! `mainEntity`; authors and publishers are often references (`{"@id": …}`) to other nodes of
//! the graph. Everything is read leniently: malformed JSON and unexpected shapes are skipped.

use std::collections::HashMap;

use serde_json::{Map, Value};

/// Schema.org types of news articles, best first; a page's main article is the first object
/// of the best-ranked type found.
const ARTICLE_TYPES: &[&[&str]] = &[
    &[
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "AskPublicNewsArticle",
    ],
    &[
        "Article",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
        "SatiricalArticle",
        "SocialMediaPosting",
    ],
];

/// Objects read from one page at most; a larger graph is truncated, not an error.
const MAX_OBJECTS: usize = 10_000;

/// What the page's JSON-LD says about its article.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct JsonLdArticle {
    /// `headline`, else `name`.
    pub(crate) headline: Option<String>,
    /// `datePublished` (else `dateCreated`) as written; parsed by the caller.
    pub(crate) date_published: Option<String>,
    /// Author names, references resolved, URLs left out, duplicates removed.
    pub(crate) authors: Vec<String>,
    /// The publisher's name.
    pub(crate) publisher: Option<String>,
    /// `articleBody` as given: paragraphs may be separated by newlines, may even be HTML.
    pub(crate) body: Option<String>,
    /// `url`, else the `@id` of `mainEntityOfPage`.
    pub(crate) url: Option<String>,
    /// Name of a `WebSite` object, a last resort for the site name.
    pub(crate) website_name: Option<String>,
}

/// Reads the JSON-LD blocks of a page (the contents of its ld+json scripts).
pub(crate) fn read_json_ld<'s>(scripts: impl IntoIterator<Item = &'s str>) -> JsonLdArticle {
    let values: Vec<Value> = scripts.into_iter().filter_map(parse_leniently).collect();
    let graph = Graph::new(&values);
    let mut result = JsonLdArticle {
        website_name: graph
            .objects
            .iter()
            .find(|o| has_type(o, &["WebSite"]))
            .and_then(|o| string_field(o, "name")),
        ..JsonLdArticle::default()
    };
    let Some(article) = graph.main_article() else {
        return result;
    };
    result.headline = string_field(article, "headline").or_else(|| string_field(article, "name"));
    result.date_published =
        string_field(article, "datePublished").or_else(|| string_field(article, "dateCreated"));
    result.authors = article
        .get("author")
        .map(|author| graph.names(author))
        .unwrap_or_default();
    result.publisher = article
        .get("publisher")
        .and_then(|publisher| graph.names(publisher).into_iter().next());
    result.body = article
        .get("articleBody")
        .and_then(Value::as_str)
        .map(str::to_string)
        .filter(|b| !b.trim().is_empty());
    result.url = string_field(article, "url")
        .or_else(|| article.get("mainEntityOfPage").and_then(graph_id_or_string));
    result
}

/// Parses a script's text, tolerating the wrappers pages put around it (HTML comments,
/// CDATA markers, stray text before the first brace).
fn parse_leniently(text: &str) -> Option<Value> {
    if let Ok(value) = serde_json::from_str(text) {
        return Some(value);
    }
    let start = text.find(['{', '['])?;
    let end = text.rfind(['}', ']'])?;
    if end <= start {
        return None;
    }
    serde_json::from_str(&text[start..=end]).ok()
}

/// Every JSON object of the page's JSON-LD in breadth-first order, with an index by `@id`.
struct Graph<'v> {
    objects: Vec<&'v Map<String, Value>>,
    by_id: HashMap<&'v str, &'v Map<String, Value>>,
}

impl<'v> Graph<'v> {
    fn new(values: &'v [Value]) -> Self {
        let mut objects = Vec::new();
        let mut queue: std::collections::VecDeque<&Value> = values.iter().collect();
        while let Some(value) = queue.pop_front() {
            if objects.len() >= MAX_OBJECTS {
                break;
            }
            match value {
                Value::Object(object) => {
                    objects.push(object);
                    queue.extend(object.values().filter(|v| v.is_object() || v.is_array()));
                }
                Value::Array(items) => queue.extend(items),
                _ => {}
            }
        }
        let mut by_id = HashMap::new();
        for object in &objects {
            // The fullest object with an id wins over bare references to it.
            if let Some(id) = object.get("@id").and_then(Value::as_str) {
                let entry = by_id.entry(id).or_insert(*object);
                if object.len() > entry.len() {
                    *entry = *object;
                }
            }
        }
        Graph { objects, by_id }
    }

    fn main_article(&self) -> Option<&'v Map<String, Value>> {
        ARTICLE_TYPES
            .iter()
            .find_map(|types| self.objects.iter().find(|o| has_type(o, types)))
            .or_else(|| self.objects.iter().find(|o| o.contains_key("headline")))
            .or_else(|| {
                self.objects
                    .iter()
                    .find(|o| has_type(o, &["WebPage"]) && o.contains_key("datePublished"))
            })
            .copied()
    }

    /// Names in an author or publisher value: a string, an object with a name, a reference to
    /// one by `@id`, or a list of these.
    fn names(&self, value: &'v Value) -> Vec<String> {
        let items: Vec<&Value> = match value {
            Value::Array(items) => items.iter().collect(),
            other => vec![other],
        };
        let mut names: Vec<String> = Vec::new();
        for item in items {
            let name = match item {
                Value::String(name) => clean_text(name),
                Value::Object(object) => self.resolve(object).and_then(|o| string_field(o, "name")),
                _ => None,
            };
            if let Some(name) = name.filter(|n| !looks_like_url(n) && !names.contains(n)) {
                names.push(name);
            }
        }
        names
    }

    fn resolve(&self, object: &'v Map<String, Value>) -> Option<&'v Map<String, Value>> {
        if object.contains_key("name") {
            return Some(object);
        }
        let id = object.get("@id")?.as_str()?;
        self.by_id.get(id).copied()
    }
}

/// Whether `@type` (a string or a list, possibly with a `schema:` prefix or full URL) is one of
/// `types`.
fn has_type(object: &Map<String, Value>, types: &[&str]) -> bool {
    let matches = |value: &Value| {
        value.as_str().is_some_and(|t| {
            let name = t.rsplit(['/', ':', '#']).next().unwrap_or(t);
            types.contains(&name)
        })
    };
    match object.get("@type") {
        Some(Value::Array(list)) => list.iter().any(matches),
        Some(value) => matches(value),
        None => false,
    }
}

/// A text field: a string, the first string of a list, or an object's `@value`; entities
/// decoded and whitespace collapsed. Empty strings count as absent.
fn string_field(object: &Map<String, Value>, key: &str) -> Option<String> {
    match object.get(key)? {
        Value::String(text) => clean_text(text),
        Value::Array(items) => items
            .iter()
            .find_map(|item| item.as_str().and_then(clean_text)),
        Value::Object(inner) => inner
            .get("@value")
            .and_then(Value::as_str)
            .and_then(clean_text),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// `mainEntityOfPage` is either a URL or a `WebPage` object with an `@id`.
fn graph_id_or_string(value: &Value) -> Option<String> {
    match value {
        Value::String(url) => clean_text(url),
        Value::Object(object) => object
            .get("@id")
            .and_then(Value::as_str)
            .and_then(clean_text),
        _ => None,
    }
}

fn clean_text(text: &str) -> Option<String> {
    let decoded = html_escape::decode_html_entities(text);
    let cleaned = decoded.split_whitespace().collect::<Vec<_>>().join(" ");
    (!cleaned.is_empty()).then_some(cleaned)
}

fn looks_like_url(text: &str) -> bool {
    text.starts_with("http://") || text.starts_with("https://") || text.starts_with("www.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_inside_graph_with_references() {
        let json = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"https://n.example/#site","name":"Example Wire"},
            {"@type":"Organization","@id":"https://n.example/#org","name":"Example Wire Ltd"},
            {"@type":["NewsArticle"],"headline":"Talks &amp; more","datePublished":"2025-10-27T09:30:00+09:00",
             "author":[{"@id":"https://n.example/#a1"},{"@type":"Person","name":"Ken Mori"}],
             "publisher":{"@id":"https://n.example/#org"},
             "mainEntityOfPage":{"@id":"https://n.example/news/1"}},
            {"@type":"Person","@id":"https://n.example/#a1","name":"Aiko Tanaka"}]}"#;
        let article = read_json_ld([json]);
        assert_eq!(article.headline.as_deref(), Some("Talks & more"));
        assert_eq!(
            article.date_published.as_deref(),
            Some("2025-10-27T09:30:00+09:00")
        );
        assert_eq!(article.authors, ["Aiko Tanaka", "Ken Mori"]);
        assert_eq!(article.publisher.as_deref(), Some("Example Wire Ltd"));
        assert_eq!(article.url.as_deref(), Some("https://n.example/news/1"));
        assert_eq!(article.website_name.as_deref(), Some("Example Wire"));
    }

    #[test]
    fn news_article_beats_earlier_generic_article() {
        let blocks = [
            r#"[{"@type":"Article","headline":"Generic"}]"#,
            r#"{"@type":"http://schema.org/NewsArticle","headline":"News","author":"Desk Staff"}"#,
        ];
        let article = read_json_ld(blocks);
        assert_eq!(article.headline.as_deref(), Some("News"));
        assert_eq!(article.authors, ["Desk Staff"]);
    }

    #[test]
    fn malformed_json_is_ignored_and_wrappers_are_tolerated() {
        assert_eq!(
            read_json_ld(["{\"@type\": \"NewsArticle\", "]),
            JsonLdArticle::default()
        );
        let wrapped = "<!--\n{\"@type\":\"NewsArticle\",\"headline\":\"Wrapped\"}\n-->";
        assert_eq!(read_json_ld([wrapped]).headline.as_deref(), Some("Wrapped"));
    }

    #[test]
    fn author_urls_are_not_names() {
        let json = r#"{"@type":"NewsArticle","author":["https://n.example/staff/ken","Ken Mori"]}"#;
        assert_eq!(read_json_ld([json]).authors, ["Ken Mori"]);
    }
}
