//! Finding the article in a page: drop furniture, pick the main container, render it.
//!
//! Three linear passes over the node vector. First, elements that never hold text (scripts,
//! form controls, media) are dropped, and text is measured. Second, layout elements (`<nav>`,
//! `<aside>`…), hidden elements and elements whose class, id or role name furniture are
//! dropped, unless they contain the article's marker or a large share of the page's prose in
//! several paragraphs: a `<div class="has-sidebar">` wrapper, an ASP.NET page-wide `<form>` or
//! an `aria-hidden` page behind a consent dialog does not take the article with it. Third, text
//! is measured again and the container chosen: `itemprop=articleBody`, else the main
//! `<article>`, else the block whose paragraphs score best (readability-style: paragraph
//! evidence flows to parent and grandparent, damped by link density), with sibling blocks that
//! score nearly as well.

use super::boilerplate::{
    has_boilerplate_name, has_boilerplate_role, is_hidden, is_layout_tag, is_non_content_tag,
};
use super::render::render;
use super::tag::Tag;
use super::tree::{NodeKind, Tree};

/// Paragraph-like elements shorter than this (in non-space bytes) are no evidence of prose.
const MIN_SCORED_PARAGRAPH: u32 = 25;

/// A furniture element is kept when it holds at least this share of the page's prose…
const PROTECTED_PROSE_SHARE: f64 = 0.4;
/// …in at least this many paragraphs (a lone cookie notice on an empty page is no article).
const PROTECTED_MIN_PARAGRAPHS: u32 = 3;

/// A body is only article text when one paragraph has at least this much text…
const MIN_ARTICLE_PARAGRAPH_WEIGHT: usize = 80;
/// …or all paragraphs together have at least this much (see [`text_weight`]).
const MIN_ARTICLE_WEIGHT: usize = 200;

/// Blocks whose text is at least this share of link text are link lists, not prose.
const LINK_LIST_DENSITY: f64 = 0.6;

/// The article text of a page and where it came from.
pub(crate) struct Extraction {
    /// Paragraphs separated by a blank line; empty when the page has no article text.
    pub(crate) body: String,
    /// The element the text was taken from.
    pub(crate) container: Option<usize>,
}

/// Extracts the main text of a parsed page.
pub(crate) fn extract_article(tree: &Tree) -> Extraction {
    let mut analysis = Analysis::new(tree);
    analysis.drop_furniture();
    let roots = analysis.choose_roots();
    // The chosen roots (in document order, so sorted) are rendered whatever their link density.
    let is_root = |index: usize| roots.binary_search(&index).is_ok();
    let body = render(tree, &roots, |index, tag| {
        !is_root(index) && analysis.is_left_out_of_body(index, tag)
    });
    let body = if looks_like_article_text(&body) {
        body
    } else {
        String::new()
    };
    Extraction {
        body,
        container: roots.first().copied(),
    }
}

/// Text measurements of one node, in non-space bytes of the page.
#[derive(Debug, Clone, Copy, Default)]
struct TextStats {
    /// All visible text inside.
    text: u32,
    /// Text inside links.
    links: u32,
    /// Text of paragraph-like blocks that are not mostly links.
    prose: u32,
    /// Paragraph-like blocks with prose inside, the node included.
    paragraphs: u32,
    /// Whether the node is itself a paragraph-like block.
    is_paragraph: bool,
}

impl TextStats {
    fn link_density(self) -> f64 {
        if self.text == 0 {
            0.0
        } else {
            f64::from(self.links) / f64::from(self.text)
        }
    }
}

struct Analysis<'t, 'a> {
    tree: &'t Tree<'a>,
    /// Roots of subtrees left out of the article.
    removed: Vec<bool>,
    stats: Vec<TextStats>,
}

impl<'t, 'a> Analysis<'t, 'a> {
    fn new(tree: &'t Tree<'a>) -> Self {
        let mut analysis = Analysis {
            tree,
            removed: vec![false; tree.len()],
            stats: Vec::new(),
        };
        analysis.remove_where(|_, _, tag| is_non_content_tag(tag));
        analysis.measure();
        analysis
    }

    /// Second pass: layout elements, hidden elements, furniture by name or role.
    fn drop_furniture(&mut self) {
        let protected = self.protected_nodes();
        let total_prose = f64::from(self.stats[0].prose);
        let stats = std::mem::take(&mut self.stats);
        self.remove_where(|tree, index, tag| {
            let is_furniture = is_layout_tag(tag)
                || is_hidden(tree, index)
                || has_boilerplate_role(tree, index)
                || (!matches!(tag, Tag::Html | Tag::Body | Tag::Main)
                    && has_boilerplate_name(tree, index));
            let holds_the_prose = f64::from(stats[index].prose)
                >= total_prose * PROTECTED_PROSE_SHARE
                && stats[index].paragraphs >= PROTECTED_MIN_PARAGRAPHS;
            is_furniture && !protected[index] && !holds_the_prose
        });
        self.measure();
    }

    /// Marks as removed every element, outside already removed subtrees, that `remove` picks.
    fn remove_where(&mut self, remove: impl Fn(&Tree, usize, Tag) -> bool) {
        let mut index = 1;
        while index < self.tree.len() {
            if !self.removed[index] {
                match self.tree.tag(index) {
                    Some(tag) if remove(self.tree, index, tag) => self.removed[index] = true,
                    _ => {
                        index += 1;
                        continue;
                    }
                }
            }
            index = self.tree.end(index);
        }
    }

    /// Computes [`TextStats`] bottom-up in one reverse pass: children come after their parent
    /// in the node vector, so each node is complete when it is reached.
    fn measure(&mut self) {
        let tree = self.tree;
        let mut stats = vec![TextStats::default(); tree.len()];
        let mut direct_text = vec![0u32; tree.len()];
        for index in (1..tree.len()).rev() {
            match &tree.node(index).kind {
                NodeKind::Text(text) => stats[index].text = visible_len(text.raw),
                NodeKind::Element(element) => {
                    let own = &mut stats[index];
                    if element.tag == Tag::A {
                        own.links = own.text;
                    }
                    own.is_paragraph = is_paragraph_like(element.tag, direct_text[index]);
                    if own.is_paragraph {
                        own.prose = if own.link_density() < 0.5 {
                            own.text.saturating_sub(own.links)
                        } else {
                            0
                        };
                        own.paragraphs += u32::from(own.prose > 0);
                    }
                }
                NodeKind::Document => {}
            }
            if self.removed[index] {
                continue;
            }
            let parent = tree.parent(index).unwrap_or(0);
            let child = stats[index];
            let into = &mut stats[parent];
            into.text = into.text.saturating_add(child.text);
            into.links = into.links.saturating_add(child.links);
            into.prose = into.prose.saturating_add(child.prose);
            into.paragraphs = into.paragraphs.saturating_add(child.paragraphs);
            if matches!(tree.node(index).kind, NodeKind::Text(_)) {
                direct_text[parent] = direct_text[parent].saturating_add(child.text);
            }
        }
        self.stats = stats;
    }

    /// The article's markers (`itemprop=articleBody`, `<main>`, `role=main`, the `<article>`
    /// with the most prose) and all their ancestors: never dropped as furniture.
    fn protected_nodes(&self) -> Vec<bool> {
        let tree = self.tree;
        let mut protected = vec![false; tree.len()];
        let mut markers: Vec<usize> = (1..tree.len())
            .filter(|&i| {
                tree.attr_has_token(i, "itemprop", "articleBody")
                    || tree.tag(i) == Some(Tag::Main)
                    || tree.attr_has_token(i, "role", "main")
            })
            .collect();
        markers.extend(self.most_prose(|i| tree.tag(i) == Some(Tag::Article)));
        for marker in markers {
            let mut at = Some(marker);
            while let Some(index) = at {
                if protected[index] {
                    break;
                }
                protected[index] = true;
                at = tree.parent(index);
            }
        }
        protected
    }

    /// Indices of nodes outside removed subtrees, in document order.
    fn kept_nodes(&self) -> impl Iterator<Item = usize> + '_ {
        let mut index = 1;
        std::iter::from_fn(move || {
            while index < self.tree.len() && self.removed[index] {
                index = self.tree.end(index);
            }
            (index < self.tree.len()).then(|| {
                index += 1;
                index - 1
            })
        })
    }

    /// The kept element satisfying `select` with the most prose, if it has any.
    fn most_prose(&self, select: impl Fn(usize) -> bool) -> Option<usize> {
        self.kept_nodes()
            .filter(|&i| select(i))
            .fold(None, |best: Option<usize>, i| match best {
                Some(b) if self.stats[b].prose >= self.stats[i].prose => Some(b),
                _ => Some(i),
            })
            .filter(|&i| self.stats[i].prose > 0)
    }

    /// The subtrees to render as the article, in document order.
    fn choose_roots(&self) -> Vec<usize> {
        let tree = self.tree;
        if let Some(body) = self.most_prose(|i| tree.attr_has_token(i, "itemprop", "articleBody")) {
            return vec![body];
        }
        let scores = self.paragraph_scores();
        let top = best_scored(&scores);
        if let Some(article) = self.most_prose(|i| tree.tag(i) == Some(Tag::Article)) {
            // An <article> that is only a teaser card next to the real text loses to it.
            let is_teaser = top.is_some_and(|top| {
                !tree.contains(article, top)
                    && self.stats[top].prose > 3 * self.stats[article].prose
            });
            if !is_teaser {
                return vec![article];
            }
        }
        match top {
            Some(top) => self.with_related_siblings(top, &scores),
            None => Vec::new(),
        }
    }

    /// Readability-style scores: every paragraph with some prose adds evidence to its parent,
    /// half to its grandparent and a quarter to the level above; each total is then damped by
    /// the element's link density.
    fn paragraph_scores(&self) -> Vec<f64> {
        let tree = self.tree;
        let mut scores = vec![0.0; tree.len()];
        for index in self.kept_nodes() {
            let stats = self.stats[index];
            if !stats.is_paragraph || stats.text < MIN_SCORED_PARAGRAPH || stats.prose == 0 {
                continue;
            }
            let evidence = 1.0 + (f64::from(stats.prose) / 100.0).min(5.0);
            let mut at = tree.parent(index);
            for share in [1.0, 0.5, 0.25] {
                let Some(ancestor) = at.filter(|&a| a != 0) else {
                    break;
                };
                scores[ancestor] += evidence * share;
                at = tree.parent(ancestor);
            }
        }
        for (index, score) in scores.iter_mut().enumerate() {
            *score *= 1.0 - self.stats[index].link_density();
        }
        scores
    }

    /// The top block plus those of its siblings that look like more of the same article: a
    /// good score of their own, or a substantial paragraph with few links.
    fn with_related_siblings(&self, top: usize, scores: &[f64]) -> Vec<usize> {
        let tree = self.tree;
        let parent = match tree.parent(top) {
            Some(parent)
                if parent != 0 && !matches!(tree.tag(top), Some(Tag::Body | Tag::Html)) =>
            {
                parent
            }
            _ => return vec![top],
        };
        let threshold = scores[top] * 0.2;
        tree.children(parent)
            .filter(|&child| !self.removed[child] && tree.element(child).is_some())
            .filter(|&child| {
                let stats = self.stats[child];
                child == top
                    || (scores[child] > 0.0 && scores[child] >= threshold)
                    || (stats.prose >= 80 && stats.link_density() < 0.25)
            })
            .collect()
    }

    /// What the rendered body leaves out: removed subtrees, the headline, and link lists.
    fn is_left_out_of_body(&self, index: usize, tag: Tag) -> bool {
        if self.removed[index] || tag == Tag::H1 {
            return true;
        }
        let stats = self.stats[index];
        let may_be_link_list = matches!(
            tag,
            Tag::Ul
                | Tag::Ol
                | Tag::Dl
                | Tag::Li
                | Tag::P
                | Tag::Div
                | Tag::Section
                | Tag::Table
                | Tag::Td
        );
        may_be_link_list && stats.text > 0 && stats.link_density() >= LINK_LIST_DENSITY
    }
}

/// The element with the highest score, if any scored.
fn best_scored(scores: &[f64]) -> Option<usize> {
    let (index, score) =
        scores.iter().enumerate().fold(
            (0, 0.0),
            |best, (i, &s)| if s > best.1 { (i, s) } else { best },
        );
    (score > 0.0).then_some(index)
}

/// Elements that hold a paragraph of text: the usual ones, and block containers with enough
/// text of their own (old pages write `<div>text<br><br>text</div>`).
fn is_paragraph_like(tag: Tag, direct_text: u32) -> bool {
    use Tag::*;
    matches!(tag, P | Pre | Li | Dd | Td | Th)
        || (direct_text >= MIN_SCORED_PARAGRAPH
            && matches!(
                tag,
                Div | Section | Article | Main | Blockquote | Center | Font | Body
            ))
}

/// Length of text without whitespace, the measure used for all text statistics.
fn visible_len(text: &str) -> u32 {
    let spaces = text.bytes().filter(u8::is_ascii_whitespace).count();
    u32::try_from(text.len() - spaces).unwrap_or(u32::MAX)
}

/// Whether the rendered body is an article rather than scraps (a "page not found" line).
fn looks_like_article_text(body: &str) -> bool {
    text_weight(body) >= MIN_ARTICLE_WEIGHT
        || body
            .split("\n\n")
            .any(|paragraph| text_weight(paragraph) >= MIN_ARTICLE_PARAGRAPH_WEIGHT)
}

/// Amount of text in characters, where a Chinese, Japanese or Korean character counts three:
/// those scripts say in one character about what alphabetic ones say in three.
fn text_weight(text: &str) -> usize {
    text.chars()
        .map(|c| if is_wide_script(c) { 3 } else { 1 })
        .sum()
}

fn is_wide_script(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}' | '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{3FFFF}')
}
