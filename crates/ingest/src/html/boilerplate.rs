//! What marks an element as page furniture (navigation, ads, share bars, comments…) rather
//! than article text. The lists are data; the extractor decides when to apply them.

use super::tag::Tag;
use super::tree::Tree;

/// Words in a `class` or `id` that mark page furniture.
///
/// A name such as `article-share_bar` or `articleShareBar` is split into words (`article`,
/// `share`, `bar`). An entry matches a whole word, ignoring case, or the whole name with its
/// separators removed (`sronly` catches `sr-only`); an entry ending in `*` matches any word or
/// joined name starting with it, so `mostread*` catches `most-read-list`.
pub(crate) const BOILERPLATE_NAME_WORDS: &[&str] = &[
    // Advertising and sponsored content.
    "ad",
    "ads",
    "adv",
    "advert*",
    "adslot*",
    "adunit*",
    "adsby*",
    "adcontainer*",
    "adwrapper*",
    "adbanner*",
    "adchoices",
    "googlead*",
    "dfp",
    "gpt",
    "doubleclick",
    "outbrain*",
    "taboola*",
    "sponsor*",
    "promo*",
    "banner*",
    // Reader comments.
    "comment",
    "comments",
    "commenting",
    "commentlist",
    "commentform",
    "disqus*",
    "replies",
    "respond",
    "discussion",
    // Lists of other stories.
    "related*",
    "recommend*",
    "mostread*",
    "mostpopular*",
    "mostviewed*",
    "mostshared*",
    "popular",
    "trending",
    "morestories*",
    "morefrom*",
    "readmore*",
    "readnext*",
    "seealso*",
    "alsoread*",
    "youmay*",
    "latestnews*",
    "upnext*",
    // Sharing and following.
    "share*",
    "sharing",
    "social*",
    "addthis*",
    "followus*",
    // Sign-up and subscription prompts.
    "newsletter*",
    "subscribe*",
    "subscription*",
    "signup*",
    "login*",
    "signin*",
    "donate*",
    "donation*",
    "supportus*",
    // Site navigation and chrome.
    "nav",
    "navbar*",
    "navigation",
    "menu*",
    "submenu",
    "breadcrumb*",
    "crumbs",
    "skip",
    "skiplink*",
    "pagination*",
    "pager",
    "sidebar*",
    "rail",
    "widget*",
    "header",
    "masthead*",
    "footer*",
    "copyright",
    "toolbar*",
    "tools",
    "ticker*",
    // Consent and overlays.
    "cookie*",
    "consent*",
    "gdpr",
    "cmp",
    "onetrust*",
    "popup*",
    "modal*",
    "overlay*",
    "lightbox*",
    "interstitial*",
    // Text that is not the story: captions, credits, bylines, tags, author boxes.
    "caption*",
    "credit*",
    "byline*",
    "meta",
    "tags",
    "tagcloud*",
    "taglist*",
    "keywords",
    "authorbio*",
    "authorinfo*",
    "authorbox*",
    "aboutauthor*",
    // Hidden or screen-reader-only text.
    "hidden",
    "hide",
    "invisible",
    "offscreen",
    "sronly",
    "screenreader*",
    "visuallyhidden*",
    "dnone",
];

/// `role` values of page furniture.
const BOILERPLATE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "toolbar",
    "dialog",
    "alertdialog",
];

/// Class names that name a topic of the story rather than a part of the layout, such as the
/// `tag-social-media` and `category-advertising` that WordPress puts on every post.
const TAXONOMY_CLASS_PREFIXES: &[&str] = &["tag-", "category-", "topic-", "section-"];

/// Elements whose content is never readable text: code, styles, document head, embedded
/// media and form controls. Left out of fragments too.
pub(crate) fn is_never_text(tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        Script
            | Style
            | Noscript
            | Template
            | Head
            | Title
            | Iframe
            | Svg
            | Math
            | Select
            | Option
            | Optgroup
            | Textarea
            | Input
            | Object
            | Embed
            | Applet
            | Canvas
            | Video
            | Audio
            | Map
            | Noembed
            | Noframes
            | Frameset
    )
}

/// Elements that never hold article text: the above, and controls, captions and tickers.
pub(crate) fn is_non_content_tag(tag: Tag) -> bool {
    is_never_text(tag)
        || matches!(
            tag,
            Tag::Button | Tag::Marquee | Tag::Figcaption | Tag::Label
        )
}

/// Elements that hold page furniture by their nature; a page that wraps its whole content in
/// one of them (old ASP.NET pages put everything in a `<form>`) is protected by the caller.
pub(crate) fn is_layout_tag(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Nav | Tag::Header | Tag::Footer | Tag::Aside | Tag::Form | Tag::Dialog | Tag::Menu
    )
}

/// Hidden from readers: the `hidden` attribute, `aria-hidden="true"`, or an inline style with
/// `display: none` or `visibility: hidden`.
pub(crate) fn is_hidden(tree: &Tree, index: usize) -> bool {
    if tree.attr(index, "hidden").is_some() {
        return true;
    }
    if tree
        .attr(index, "aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    tree.attr(index, "style").is_some_and(style_hides)
}

fn style_hides(style: &str) -> bool {
    style.split(';').any(|declaration| {
        let Some((property, value)) = declaration.split_once(':') else {
            return false;
        };
        let property = property.trim();
        let value = value.trim().trim_end_matches("!important").trim();
        (property.eq_ignore_ascii_case("display") && value.eq_ignore_ascii_case("none"))
            || (property.eq_ignore_ascii_case("visibility") && value.eq_ignore_ascii_case("hidden"))
    })
}

/// A `role` that marks page furniture.
pub(crate) fn has_boilerplate_role(tree: &Tree, index: usize) -> bool {
    tree.attr(index, "role").is_some_and(|role| {
        role.split_ascii_whitespace()
            .any(|r| BOILERPLATE_ROLES.iter().any(|b| r.eq_ignore_ascii_case(b)))
    })
}

/// A `class` or `id` with a word from [`BOILERPLATE_NAME_WORDS`].
pub(crate) fn has_boilerplate_name(tree: &Tree, index: usize) -> bool {
    ["class", "id"]
        .iter()
        .any(|attr| tree.attr(index, attr).is_some_and(is_boilerplate_name_list))
}

/// Whether any name in a whitespace-separated list (a `class` value) is boilerplate.
pub(crate) fn is_boilerplate_name_list(names: &str) -> bool {
    names.split_ascii_whitespace().any(is_boilerplate_name)
}

fn is_boilerplate_name(name: &str) -> bool {
    if TAXONOMY_CLASS_PREFIXES.iter().any(|prefix| {
        name.len() > prefix.len()
            && name.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    }) {
        return false;
    }
    name_words(name).any(|word| {
        BOILERPLATE_NAME_WORDS
            .iter()
            .any(|entry| entry_matches_word(entry, word))
    }) || BOILERPLATE_NAME_WORDS
        .iter()
        .any(|entry| entry_matches_joined(entry, name))
}

fn entry_matches_word(entry: &str, word: &[u8]) -> bool {
    match entry.strip_suffix('*') {
        Some(prefix) => {
            word.len() >= prefix.len()
                && word[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
        }
        None => word.eq_ignore_ascii_case(entry.as_bytes()),
    }
}

/// An entry against the name with everything but letters and digits removed.
fn entry_matches_joined(entry: &str, name: &str) -> bool {
    let (expected, is_prefix) = match entry.strip_suffix('*') {
        Some(prefix) => (prefix, true),
        None => (entry, false),
    };
    let mut joined = name.bytes().filter(u8::is_ascii_alphanumeric);
    expected
        .bytes()
        .all(|e| joined.next().is_some_and(|b| b.eq_ignore_ascii_case(&e)))
        && (is_prefix || joined.next().is_none())
}

/// The words of a class name: runs of ASCII letters and digits, also split where a lower-case
/// letter is followed by an upper-case one (`articleShareBar`).
fn name_words(name: &str) -> impl Iterator<Item = &[u8]> {
    let bytes = name.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos < bytes.len() && !bytes[pos].is_ascii_alphanumeric() {
            pos += 1;
        }
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        pos += 1;
        while pos < bytes.len()
            && bytes[pos].is_ascii_alphanumeric()
            && !(bytes[pos].is_ascii_uppercase() && bytes[pos - 1].is_ascii_lowercase())
        {
            pos += 1;
        }
        Some(&bytes[start..pos])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_names() {
        for name in [
            "share-bar",
            "articleShareBar",
            "ad-slot",
            "AdUnit",
            "adslot_top",
            "most-read-list",
            "related-stories",
            "cookie-banner",
            "newsletterSignup",
            "c-comments",
            "site-footer",
            "breadcrumbs",
            "sr-only",
            "d-none",
            "sidebar-right",
            "advertisement",
        ] {
            assert!(is_boilerplate_name(name), "{name}");
        }
    }

    #[test]
    fn content_names() {
        for name in [
            "article-body",
            "story-text",
            "commentary",
            "headline",
            "shadow",
            "loaded",
            "content",
            "entry-content",
            "tag-social-media",
            "category-advertising",
            "paragraph",
            "metadata-free",
        ] {
            assert!(!is_boilerplate_name(name), "{name}");
        }
    }

    #[test]
    fn class_lists() {
        assert!(is_boilerplate_name_list("module  related-links"));
        assert!(!is_boilerplate_name_list("post hentry tag-sharing-economy"));
    }

    #[test]
    fn hidden_styles() {
        assert!(style_hides("color: red; display : none !important"));
        assert!(style_hides("visibility:hidden"));
        assert!(!style_hides("display:block"));
    }
}
