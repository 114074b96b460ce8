//! Plain-text articles: an optional headline line, then the body.

use crate::draft::Draft;

/// Longest first line still taken for a headline.
const MAX_HEADLINE_CHARS: usize = 200;

/// Reads a plain-text article. The first line is its headline when it is short, does not end
/// like a sentence, and a blank line separates it from more text.
pub(crate) fn read_text(text: &str) -> Draft {
    let text = text.trim_start_matches('\u{feff}');
    match split_headline(text) {
        Some((title, body)) => Draft {
            title: Some(title.to_string()),
            body: body.to_string(),
            ..Draft::default()
        },
        None => Draft {
            body: text.to_string(),
            ..Draft::default()
        },
    }
}

fn split_headline(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    let (first, rest) = text.split_once('\n')?;
    let first = first.trim();
    let (blank, body) = rest.split_once('\n')?;
    let looks_like_headline = !first.is_empty()
        && first.chars().count() <= MAX_HEADLINE_CHARS
        && !first.ends_with(['.', ',', ';', ':'])
        && blank.trim().is_empty()
        && !body.trim().is_empty();
    looks_like_headline.then_some((first, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_then_body() {
        let draft = read_text("Leaders meet in Geneva\n\nGENEVA (dyad wire) - Talks began.\n");
        assert_eq!(draft.title.as_deref(), Some("Leaders meet in Geneva"));
        assert_eq!(draft.body, "GENEVA (dyad wire) - Talks began.\n");
    }

    #[test]
    fn no_headline_when_first_line_is_a_sentence() {
        let draft = read_text("Talks began on Monday.\n\nThey ended on Tuesday.");
        assert_eq!(draft.title, None);
        assert!(draft.body.starts_with("Talks began"));
    }
}
