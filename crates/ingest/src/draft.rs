//! The last step every reader shares: from the fields it found to an [`Outcome`].

use dyad_core::{Article, ContentKind, Published, article_id};

use crate::{Options, Outcome, SkipReason, language};

/// The fields a reader found, before the checks every article passes.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    /// An id the input gave (JSONL `id`); otherwise one is derived.
    pub id: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub published: Option<Published>,
    /// The language the input declares (`<html lang>`, JSONL `language`), used when detection
    /// is unsure.
    pub declared_language: Option<String>,
    pub content: ContentKind,
    pub body: String,
}

impl Draft {
    /// Normalises the body, detects its language and gives the article, or the reason it is
    /// skipped.
    pub fn finish(self, options: &Options) -> Outcome {
        let body = normalise_body(&self.body);
        if body.is_empty() {
            return Outcome::Skipped(SkipReason::NoText);
        }
        let language = language::detect(&body).or_else(|| {
            self.declared_language
                .as_deref()
                .and_then(language::primary_subtag)
        });
        if let Some(code) = &language
            && !options.languages.is_empty()
            && !options.languages.iter().any(|l| l == code)
        {
            return Outcome::Skipped(SkipReason::Language(code.clone()));
        }
        let url = self.url.filter(|url| !url.trim().is_empty());
        let id = self.id.unwrap_or_else(|| article_id(url.as_deref(), &body));
        Outcome::Article(Box::new(Article {
            id,
            url,
            title: clean_field(self.title),
            source: clean_field(self.source),
            author: clean_field(self.author),
            published: self.published.or(options.default_date),
            language,
            content: self.content,
            body,
        }))
    }
}

/// Unix line endings, no trailing spaces on lines, at most one blank line between paragraphs,
/// no leading or trailing blank lines: offsets downstream point into this exact text, so it is
/// settled here once.
fn normalise_body(raw: &str) -> String {
    let mut body = String::with_capacity(raw.len());
    let mut blank_lines = 0;
    for line in raw.split('\n') {
        let line = line.trim_end_matches([' ', '\t', '\r', '\u{a0}']);
        if line.trim().is_empty() {
            blank_lines += 1;
            continue;
        }
        if !body.is_empty() {
            body.push_str(if blank_lines > 0 { "\n\n" } else { "\n" });
        }
        blank_lines = 0;
        body.push_str(line);
    }
    body
}

/// Collapses whitespace in a one-line field and drops it when empty.
fn clean_field(field: Option<String>) -> Option<String> {
    let field = field?;
    let cleaned = field.split_whitespace().collect::<Vec<_>>().join(" ");
    (!cleaned.is_empty()).then_some(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_normalisation_keeps_paragraphs() {
        assert_eq!(
            normalise_body("\r\n  \nA b. \r\nC\r\n\r\n\r\nD\n\n"),
            "A b.\nC\n\nD"
        );
    }

    #[test]
    fn empty_body_is_skipped() {
        let draft = Draft {
            body: " \n\t".into(),
            ..Draft::default()
        };
        assert!(matches!(
            draft.finish(&Options::default()),
            Outcome::Skipped(SkipReason::NoText)
        ));
    }
}
