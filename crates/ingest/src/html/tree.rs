//! A light tree builder: enough of the HTML standard's repairs (implied end tags, void
//! elements, stray and misnested end tags) for text extraction, none of its reparenting.
//!
//! Nodes live in one vector in document order and are only ever appended to the element that
//! is currently open, so every element's descendants are the contiguous range of nodes after
//! it, up to its `end`. Walking a subtree is a loop over indices, skipping one is a jump to
//! `end`: nothing recurses, whatever the nesting depth of the page.

use std::borrow::Cow;

use super::tag::Tag;
use super::tokenizer::{Attr, Token, Tokenizer};

/// Open elements nested deeper than this are flattened into the deepest one, so a page of
/// 100,000 nested `<div>`s costs no more than a flat one.
pub(crate) const MAX_DEPTH: usize = 512;

/// How far down the stack of open elements an end tag (or an implied one) looks for its
/// element. Bounding it keeps stray end tags cheap on deep stacks; real pages close elements
/// far nearer the top than this.
const END_TAG_SEARCH_LIMIT: usize = 64;

/// A node (or attribute) count at which the parser stops, so indices always fit in `u32`.
const MAX_NODES: usize = u32::MAX as usize - 1;

/// An HTML document as a vector of nodes in document order; node 0 is the document itself.
pub(crate) struct Tree<'a> {
    nodes: Vec<Node<'a>>,
    attrs: Vec<Attr<'a>>,
}

/// One node: its parent, the end of its subtree, and what it is.
pub(crate) struct Node<'a> {
    parent: u32,
    end: u32,
    /// What the node is.
    pub(crate) kind: NodeKind<'a>,
}

/// What a node holds.
pub(crate) enum NodeKind<'a> {
    /// The document, parent of everything.
    Document,
    /// An element.
    Element(Element<'a>),
    /// Character data, as written in the page.
    Text(Text<'a>),
}

/// An element and where its attributes are stored.
pub(crate) struct Element<'a> {
    /// The element's tag.
    pub(crate) tag: Tag,
    /// The name as written, needed to match end tags of elements that are [`Tag::Other`].
    pub(crate) name: &'a str,
    attrs_start: u32,
    attrs_end: u32,
}

/// A run of text; `decode` says whether character references in it are live (they are not
/// in scripts, styles and CDATA).
pub(crate) struct Text<'a> {
    /// The text as written in the page.
    pub(crate) raw: &'a str,
    /// Whether character references in `raw` are to be decoded.
    pub(crate) decode: bool,
}

impl<'a> Text<'a> {
    /// The text with character references decoded.
    pub(crate) fn decoded(&self) -> Cow<'a, str> {
        if self.decode {
            html_escape::decode_html_entities(self.raw)
        } else {
            Cow::Borrowed(self.raw)
        }
    }
}

impl<'a> Tree<'a> {
    /// Parses a whole document; never fails, whatever the input.
    pub(crate) fn parse(html: &'a str) -> Tree<'a> {
        let mut tokenizer = Tokenizer::new(html);
        let mut builder = Builder::new(html.len());
        while let Some(token) = tokenizer.next_token(&mut builder.attrs) {
            if builder.nodes.len() >= MAX_NODES || builder.attrs.len() >= MAX_NODES {
                break;
            }
            match token {
                Token::Text { text, decode } => builder.text(text, decode),
                Token::StartTag {
                    tag,
                    name,
                    attrs_start,
                    self_closing,
                } => {
                    if builder.start_tag(tag, name, attrs_start, self_closing) {
                        tokenizer.enter_raw_text(tag);
                    }
                }
                Token::EndTag { tag, name } => builder.end_tag(tag, name),
            }
        }
        builder.finish()
    }

    /// Number of nodes, the document included.
    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    /// The node at `index` (document order).
    pub(crate) fn node(&self, index: usize) -> &Node<'a> {
        &self.nodes[index]
    }

    /// One past the last descendant of `index`.
    pub(crate) fn end(&self, index: usize) -> usize {
        self.nodes[index].end as usize
    }

    /// The parent of `index`, `None` for the document.
    pub(crate) fn parent(&self, index: usize) -> Option<usize> {
        (index != 0).then(|| self.nodes[index].parent as usize)
    }

    /// The element at `index`, if it is one.
    pub(crate) fn element(&self, index: usize) -> Option<&Element<'a>> {
        match &self.nodes[index].kind {
            NodeKind::Element(element) => Some(element),
            _ => None,
        }
    }

    /// The tag of the element at `index`, if it is one.
    pub(crate) fn tag(&self, index: usize) -> Option<Tag> {
        self.element(index).map(|element| element.tag)
    }

    /// The raw value of the first attribute called `name` (any case).
    pub(crate) fn attr(&self, index: usize, name: &str) -> Option<&'a str> {
        let element = self.element(index)?;
        self.attrs[element.attrs_start as usize..element.attrs_end as usize]
            .iter()
            .find(|attr| attr.name.eq_ignore_ascii_case(name))
            .map(|attr| attr.value)
    }

    /// The value of attribute `name` with character references decoded and surrounding
    /// whitespace removed.
    pub(crate) fn attr_decoded(&self, index: usize, name: &str) -> Option<Cow<'a, str>> {
        let raw = self.attr(index, name)?.trim();
        Some(html_escape::decode_html_entities(raw))
    }

    /// Whether the whitespace-separated attribute `name` contains `token` (any case), as in
    /// `rel="canonical"` or `itemprop="articleBody"`.
    pub(crate) fn attr_has_token(&self, index: usize, name: &str, token: &str) -> bool {
        self.attr(index, name).is_some_and(|value| {
            value
                .split_ascii_whitespace()
                .any(|t| t.eq_ignore_ascii_case(token))
        })
    }

    /// The direct children of `index`.
    pub(crate) fn children(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.end(index);
        let mut next = index + 1;
        std::iter::from_fn(move || {
            let child = next;
            (child < end).then(|| {
                next = self.end(child);
                child
            })
        })
    }

    /// Whether `ancestor` contains `index` (or is it).
    pub(crate) fn contains(&self, ancestor: usize, index: usize) -> bool {
        ancestor <= index && index < self.end(ancestor)
    }

    /// All the text inside `index`, decoded, whitespace collapsed to single spaces.
    pub(crate) fn text_content(&self, index: usize) -> String {
        let mut out = String::new();
        for node in &self.nodes[index..self.end(index)] {
            if let NodeKind::Text(text) = &node.kind {
                for word in text.decoded().split_whitespace() {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(word);
                }
            }
        }
        out
    }
}

/// The state of tree construction.
struct Builder<'a> {
    nodes: Vec<Node<'a>>,
    attrs: Vec<Attr<'a>>,
    /// Open elements, innermost last; the document (node 0) is always at the bottom.
    stack: Vec<u32>,
    /// How many elements of each tag are open, to drop end tags with nothing to close at once.
    open_count: [u32; Tag::COUNT],
    /// Start tags past [`MAX_DEPTH`] that were kept as empty elements; the same number of end
    /// tags is then ignored.
    flattened: u32,
    /// Open `<svg>` and `<math>` elements, inside which `<x/>` closes itself.
    foreign_depth: u32,
    seen_html: bool,
    seen_head: bool,
    seen_body: bool,
}

impl<'a> Builder<'a> {
    fn new(input_len: usize) -> Self {
        let mut nodes = Vec::with_capacity(input_len / 32 + 1);
        nodes.push(Node {
            parent: 0,
            end: 1,
            kind: NodeKind::Document,
        });
        Builder {
            nodes,
            attrs: Vec::new(),
            stack: vec![0],
            open_count: [0; Tag::COUNT],
            flattened: 0,
            foreign_depth: 0,
            seen_html: false,
            seen_head: false,
            seen_body: false,
        }
    }

    fn finish(mut self) -> Tree<'a> {
        while self.stack.len() > 1 {
            self.pop();
        }
        self.nodes[0].end = self.nodes.len() as u32;
        Tree {
            nodes: self.nodes,
            attrs: self.attrs,
        }
    }

    fn current(&self) -> u32 {
        *self.stack.last().unwrap_or(&0)
    }

    fn current_tag(&self) -> Tag {
        self.tag_at(self.stack.len() - 1)
    }

    fn tag_at(&self, stack_index: usize) -> Tag {
        match &self.nodes[self.stack[stack_index] as usize].kind {
            NodeKind::Element(element) => element.tag,
            _ => Tag::Html,
        }
    }

    fn text(&mut self, text: &'a str, decode: bool) {
        if self.current_tag() == Tag::Head && !text.trim_ascii().is_empty() {
            self.close_head();
        }
        let parent = self.current();
        let index = self.nodes.len() as u32;
        self.nodes.push(Node {
            parent,
            end: index + 1,
            kind: NodeKind::Text(Text { raw: text, decode }),
        });
    }

    /// Handles a start tag; returns true when the tokenizer must read its content as raw text.
    fn start_tag(
        &mut self,
        tag: Tag,
        name: &'a str,
        attrs_start: usize,
        self_closing: bool,
    ) -> bool {
        if self.is_ignored_start_tag(tag) {
            self.attrs.truncate(attrs_start);
            return false;
        }
        if self.current_tag() == Tag::Head && !is_head_content(tag) {
            self.close_head();
        }
        self.close_implied_by(tag);
        let in_foreign = self.foreign_depth > 0;
        let is_leaf = tag.is_void() || (self_closing && (in_foreign || tag.is_foreign()));
        let too_deep = !is_leaf && self.stack.len() >= MAX_DEPTH && !tag.is_raw_text();
        if too_deep {
            self.flattened += 1;
        }
        let index = self.push_element(tag, name, attrs_start);
        if is_leaf || too_deep {
            return false;
        }
        self.open(index, tag);
        tag.is_raw_text() && !in_foreign
    }

    /// Repeated `<html>`, `<head>` and `<body>` tags are ignored, as browsers do.
    fn is_ignored_start_tag(&mut self, tag: Tag) -> bool {
        let seen = match tag {
            Tag::Html => &mut self.seen_html,
            Tag::Head => &mut self.seen_head,
            Tag::Body => &mut self.seen_body,
            _ => return false,
        };
        let ignored = *seen;
        *seen = true;
        // A <head> after body content has started is as good as a repeated one.
        ignored || (tag == Tag::Head && self.seen_body)
    }

    fn push_element(&mut self, tag: Tag, name: &'a str, attrs_start: usize) -> u32 {
        let parent = self.current();
        let index = self.nodes.len() as u32;
        let element = Element {
            tag,
            name,
            attrs_start: attrs_start as u32,
            attrs_end: self.attrs.len() as u32,
        };
        self.nodes.push(Node {
            parent,
            end: index + 1,
            kind: NodeKind::Element(element),
        });
        index
    }

    fn open(&mut self, index: u32, tag: Tag) {
        self.stack.push(index);
        self.open_count[tag.index()] += 1;
        if tag.is_foreign() {
            self.foreign_depth += 1;
        }
    }

    fn pop(&mut self) {
        let Some(index) = self.stack.pop() else {
            return;
        };
        let end = self.nodes.len() as u32;
        let node = &mut self.nodes[index as usize];
        node.end = end;
        if let NodeKind::Element(element) = &node.kind {
            let tag = element.tag;
            self.open_count[tag.index()] -= 1;
            if tag.is_foreign() {
                self.foreign_depth -= 1;
            }
        }
    }

    /// Pops open elements until the one at `stack_index` is closed too.
    fn pop_through(&mut self, stack_index: usize) {
        while self.stack.len() > stack_index.max(1) {
            self.pop();
        }
    }

    fn close_head(&mut self) {
        if let Some(at) = self.find_open(|tag| tag == Tag::Head, |_| false, usize::MAX) {
            self.pop_through(at);
        }
    }

    /// Searches the open elements from the innermost outwards, at most `limit` of them, for one
    /// that `is_target`; gives up at one that `stops` the search.
    fn find_open(
        &self,
        is_target: impl Fn(Tag) -> bool,
        stops: impl Fn(Tag) -> bool,
        limit: usize,
    ) -> Option<usize> {
        for stack_index in (1..self.stack.len()).rev().take(limit) {
            let tag = self.tag_at(stack_index);
            if is_target(tag) {
                return Some(stack_index);
            }
            if stops(tag) {
                return None;
            }
        }
        None
    }

    /// Closes what a start tag implicitly ends: an open `<p>` before a block, the previous
    /// `<li>`, `<td>`, `<tr>`, `<option>`, or a heading before another heading.
    fn close_implied_by(&mut self, tag: Tag) {
        if tag.closes_paragraph() && self.open_count[Tag::P.index()] > 0 {
            self.close_implied(|t| t == Tag::P, |t| t.is_structural());
        }
        match tag {
            Tag::Li => self.close_implied(|t| t == Tag::Li, stops_list_item),
            Tag::Dd | Tag::Dt => {
                self.close_implied(|t| matches!(t, Tag::Dd | Tag::Dt), stops_list_item)
            }
            Tag::Td | Tag::Th => {
                self.close_implied(|t| matches!(t, Tag::Td | Tag::Th), is_table_section)
            }
            Tag::Tr => self.close_implied(|t| t == Tag::Tr, is_table_section),
            Tag::Tbody | Tag::Thead | Tag::Tfoot => self.close_implied(
                |t| matches!(t, Tag::Tbody | Tag::Thead | Tag::Tfoot),
                |t| t == Tag::Table,
            ),
            Tag::A if self.open_count[Tag::A.index()] > 0 => {
                self.close_implied(|t| t == Tag::A, |t| t.is_structural())
            }
            Tag::Option | Tag::Optgroup => {
                self.close_implied(|t| t == Tag::Option, |t| t != Tag::Option)
            }
            t if t.is_heading() => self.close_implied(|t| t.is_heading(), |_| true),
            _ => {}
        }
    }

    fn close_implied(&mut self, is_target: impl Fn(Tag) -> bool, stops: impl Fn(Tag) -> bool) {
        if let Some(at) = self.find_open(is_target, stops, END_TAG_SEARCH_LIMIT) {
            self.pop_through(at);
        }
    }

    fn end_tag(&mut self, tag: Tag, name: &'a str) {
        if self.flattened > 0 {
            self.flattened -= 1;
            return;
        }
        match tag {
            // Content after </body> still belongs to the body, as in browsers.
            Tag::Html | Tag::Body => return,
            Tag::Br => {
                let attrs_start = self.attrs.len();
                self.start_tag(Tag::Br, name, attrs_start, false);
                return;
            }
            Tag::Other => {}
            _ if self.open_count[tag.index()] == 0 => return,
            _ => {}
        }
        let is_target = |open: Tag, stack_index: usize| {
            open == tag
                && (tag != Tag::Other || self.open_name(stack_index).eq_ignore_ascii_case(name))
        };
        let mut found = None;
        for stack_index in (1..self.stack.len()).rev().take(END_TAG_SEARCH_LIMIT) {
            let open = self.tag_at(stack_index);
            if is_target(open, stack_index) {
                found = Some(stack_index);
                break;
            }
            if end_tag_stops_at(tag, open) {
                break;
            }
        }
        if let Some(at) = found {
            self.pop_through(at);
        }
    }

    fn open_name(&self, stack_index: usize) -> &str {
        match &self.nodes[self.stack[stack_index] as usize].kind {
            NodeKind::Element(element) => element.name,
            _ => "",
        }
    }
}

/// Elements that may sit in `<head>`; anything else starts the body.
fn is_head_content(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Title
            | Tag::Meta
            | Tag::Link
            | Tag::Base
            | Tag::Script
            | Tag::Style
            | Tag::Noscript
            | Tag::Template
    )
}

/// A new `<li>` closes the previous one only within the same list.
fn stops_list_item(open: Tag) -> bool {
    open.is_structural() && !matches!(open, Tag::Div | Tag::P | Tag::Address)
}

fn is_table_section(open: Tag) -> bool {
    matches!(
        open,
        Tag::Table | Tag::Tbody | Tag::Thead | Tag::Tfoot | Tag::Tr
    )
}

/// Whether an end tag for `closing` must not close elements past the open `open`.
///
/// Phrasing end tags (`</b>`, `</span>`) do not tear down blocks opened inside them; block end
/// tags do not reach out of a table cell; table end tags stay within their table.
fn end_tag_stops_at(closing: Tag, open: Tag) -> bool {
    match closing {
        Tag::Table => open == Tag::Template,
        Tag::Td | Tag::Th | Tag::Tr | Tag::Tbody | Tag::Thead | Tag::Tfoot | Tag::Caption => {
            open == Tag::Table
        }
        Tag::Li => open.is_table_scope() || matches!(open, Tag::Ul | Tag::Ol),
        _ if closing.is_structural() => open.is_table_scope(),
        _ => open.is_structural(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as nested s-expressions, text quoted, for compact assertions.
    fn outline(html: &str) -> String {
        let tree = Tree::parse(html);
        let mut out = String::new();
        let mut open: Vec<usize> = Vec::new();
        for index in 1..tree.len() {
            while open.last().is_some_and(|&end| index >= end) {
                open.pop();
                out.push(')');
            }
            match &tree.node(index).kind {
                NodeKind::Element(element) => {
                    out.push('(');
                    out.push_str(&element.name.to_ascii_lowercase());
                    open.push(tree.end(index));
                }
                NodeKind::Text(text) => out.push_str(&format!("{:?}", text.decoded())),
                NodeKind::Document => {}
            }
        }
        out.push_str(&")".repeat(open.len()));
        out
    }

    #[test]
    fn paragraphs_close_each_other() {
        assert_eq!(
            outline("<p>one<p>two<div>three</div>"),
            "(p\"one\")(p\"two\")(div\"three\")"
        );
    }

    #[test]
    fn list_items_and_cells_close_implicitly() {
        assert_eq!(outline("<ul><li>a<li>b</ul>"), "(ul(li\"a\")(li\"b\"))");
        assert_eq!(
            outline("<table><tr><td>a<td>b<tr><td>c</table>"),
            "(table(tr(td\"a\")(td\"b\"))(tr(td\"c\")))"
        );
        assert_eq!(
            outline("<ul><li>a<ul><li>b</ul><li>c</ul>"),
            "(ul(li\"a\"(ul(li\"b\")))(li\"c\"))"
        );
    }

    #[test]
    fn void_elements_have_no_children() {
        assert_eq!(
            outline("<p>a<br>b<img src=x>c</p>"),
            "(p\"a\"(br)\"b\"(img)\"c\")"
        );
    }

    #[test]
    fn stray_end_tags_are_ignored() {
        assert_eq!(outline("<div>a</span></p></div></div>b"), "(div\"a\")\"b\"");
    }

    #[test]
    fn misnested_inline_end_tags_do_not_close_blocks() {
        assert_eq!(outline("<b><div>x</b>y</div>z"), "(b(div\"x\"\"y\")\"z\")");
        assert_eq!(outline("<b><i>x</b>y</i>"), "(b(i\"x\"))\"y\"");
    }

    #[test]
    fn head_closes_when_body_content_starts() {
        assert_eq!(
            outline("<html><head><title>t</title><p>body text"),
            "(html(head(title\"t\"))(p\"body text\"))"
        );
    }

    #[test]
    fn repeated_html_and_body_tags_are_ignored() {
        assert_eq!(
            outline("<body><p>a</body><body><p>b</html>c"),
            "(body(p\"a\")(p\"b\"\"c\"))"
        );
    }

    #[test]
    fn self_closing_only_counts_in_svg() {
        assert_eq!(
            outline("<div/>a<svg><path/>b</svg>"),
            "(div\"a\"(svg(path)\"b\"))"
        );
    }

    #[test]
    fn custom_elements_match_their_end_tags_by_name() {
        assert_eq!(outline("<x-a><x-b>t</x-a>u"), "(x-a(x-b\"t\"))\"u\"");
        assert_eq!(outline("<x-a>t</x-c>u</x-a>"), "(x-a\"t\"\"u\")");
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let depth = 100_000;
        let html = format!(
            "{}deep{}after",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let tree = Tree::parse(&html);
        let deepest = (0..tree.len())
            .filter(|&i| tree.tag(i) == Some(Tag::Div))
            .count();
        assert_eq!(deepest, depth);
        let mut max_depth = 0;
        for index in 0..tree.len() {
            let mut depth = 0;
            let mut at = index;
            while let Some(parent) = tree.parent(at) {
                depth += 1;
                at = parent;
            }
            max_depth = max_depth.max(depth);
            if index > 2 * MAX_DEPTH {
                break;
            }
        }
        assert!(max_depth <= MAX_DEPTH);
        let after = tree.len() - 1;
        assert_eq!(
            tree.parent(after),
            Some(0),
            "text after the last </div> is back at the top"
        );
    }

    #[test]
    fn subtree_ranges_are_consistent() {
        let tree = Tree::parse("<div><p>a<b>b</b></p><ul><li>c</ul></div><p>d");
        for index in 1..tree.len() {
            let parent = tree.parent(index).unwrap();
            assert!(tree.contains(parent, index));
            assert!(tree.end(index) <= tree.end(parent));
        }
        assert_eq!(tree.children(1).count(), 2);
    }
}
