//! Renders parts of a tree as paragraphs of plain text.

use super::tag::Tag;
use super::tree::{NodeKind, Tree};

/// Characters that are invisible in a browser and only get in the way of tokenizing: soft
/// hyphens, zero-width spaces and joiners, byte order marks.
const INVISIBLE_CHARACTERS: [char; 4] = ['\u{ad}', '\u{200b}', '\u{2060}', '\u{feff}'];

/// Renders the subtrees at `roots` (in order) as paragraphs separated by a blank line.
/// Elements for which `skip` returns true are left out with everything inside them.
pub(crate) fn render(tree: &Tree, roots: &[usize], skip: impl Fn(usize, Tag) -> bool) -> String {
    let mut writer = ParagraphWriter::default();
    for &root in roots {
        render_subtree(tree, root, &skip, &mut writer);
        writer.paragraph_break();
    }
    writer.out
}

fn render_subtree(
    tree: &Tree,
    root: usize,
    skip: &impl Fn(usize, Tag) -> bool,
    writer: &mut ParagraphWriter,
) {
    // Blocks still open at the current node, by the index where each ends.
    let mut open_blocks: Vec<(usize, Tag)> = Vec::new();
    let end = tree.end(root);
    let mut index = root;
    while index < end {
        while let Some(&(block_end, tag)) = open_blocks.last() {
            if index < block_end {
                break;
            }
            open_blocks.pop();
            writer.close_block(tag);
        }
        match &tree.node(index).kind {
            NodeKind::Document => index += 1,
            NodeKind::Text(text) => {
                writer.text(&text.decoded());
                index += 1;
            }
            NodeKind::Element(element) => {
                let tag = element.tag;
                if skip(index, tag) {
                    if tag.is_block() {
                        writer.paragraph_break();
                    }
                    index = tree.end(index);
                    continue;
                }
                if tag == Tag::Br {
                    writer.line_break();
                } else if tag.is_block() || tag == Tag::Pre {
                    writer.open_block(tag);
                    open_blocks.push((tree.end(index), tag));
                }
                index += 1;
            }
        }
    }
    while let Some((_, tag)) = open_blocks.pop() {
        writer.close_block(tag);
    }
}

/// Collects text into paragraphs, collapsing whitespace outside `<pre>`.
#[derive(Default)]
struct ParagraphWriter {
    out: String,
    paragraph: String,
    /// Whitespace was seen since the last word; it becomes one space before the next word.
    space_pending: bool,
    /// `<br>`s in a row with no text between; two of them end a paragraph.
    line_breaks_in_a_row: u32,
    /// Open `<pre>` elements.
    preformatted: u32,
    paragraph_is_preformatted: bool,
}

impl ParagraphWriter {
    fn open_block(&mut self, tag: Tag) {
        self.paragraph_break();
        if tag == Tag::Pre {
            self.preformatted += 1;
        }
    }

    fn close_block(&mut self, tag: Tag) {
        self.paragraph_break();
        if tag == Tag::Pre {
            self.preformatted = self.preformatted.saturating_sub(1);
        }
    }

    fn text(&mut self, text: &str) {
        if text.contains(INVISIBLE_CHARACTERS) {
            let visible: String = text
                .chars()
                .filter(|c| !INVISIBLE_CHARACTERS.contains(c))
                .collect();
            self.visible_text(&visible);
        } else {
            self.visible_text(text);
        }
    }

    fn visible_text(&mut self, text: &str) {
        if self.preformatted > 0 {
            self.preformatted_text(text);
            return;
        }
        let mut words = text.split_whitespace();
        let Some(first) = words.next() else {
            self.space_pending |= !text.is_empty();
            return;
        };
        if self.space_pending || text.starts_with(char::is_whitespace) {
            self.space();
        }
        self.paragraph.push_str(first);
        for word in words {
            self.paragraph.push(' ');
            self.paragraph.push_str(word);
        }
        self.space_pending = text.ends_with(char::is_whitespace);
        self.line_breaks_in_a_row = 0;
    }

    fn preformatted_text(&mut self, text: &str) {
        if text.trim().is_empty() && self.paragraph.is_empty() {
            return;
        }
        self.paragraph.push_str(&text.replace("\r\n", "\n"));
        self.paragraph_is_preformatted = true;
        self.line_breaks_in_a_row = 0;
    }

    fn space(&mut self) {
        if !self.paragraph.is_empty() && !self.paragraph.ends_with('\n') {
            self.paragraph.push(' ');
        }
    }

    /// A `<br>`: a new line, or a new paragraph when it is the second in a row.
    fn line_break(&mut self) {
        self.line_breaks_in_a_row += 1;
        if self.line_breaks_in_a_row >= 2 {
            self.paragraph_break();
            return;
        }
        if !self.paragraph.is_empty() {
            let trimmed = self.paragraph.trim_end_matches([' ', '\t']).len();
            self.paragraph.truncate(trimmed);
            self.paragraph.push('\n');
        }
        self.space_pending = false;
    }

    fn paragraph_break(&mut self) {
        let text = if self.paragraph_is_preformatted {
            self.paragraph.trim_start_matches(['\n', '\r']).trim_end()
        } else {
            self.paragraph.trim()
        };
        if !text.is_empty() {
            if !self.out.is_empty() {
                self.out.push_str("\n\n");
            }
            self.out.push_str(text);
        }
        self.paragraph.clear();
        self.space_pending = false;
        self.line_breaks_in_a_row = 0;
        self.paragraph_is_preformatted = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(html: &str) -> String {
        let tree = Tree::parse(html);
        render(&tree, &[0], |_, tag| {
            matches!(tag, Tag::Script | Tag::Style)
        })
    }

    #[test]
    fn paragraphs_and_collapsed_whitespace() {
        assert_eq!(
            rendered("<p>  One\n  two  </p><p>Three</p>"),
            "One two\n\nThree"
        );
        assert_eq!(rendered("<p>A<b>b</b>c <i> d </i> e</p>"), "Abc d e");
    }

    #[test]
    fn line_breaks() {
        assert_eq!(
            rendered("<p>Line one<br>line two</p>"),
            "Line one\nline two"
        );
        assert_eq!(
            rendered("<div>Para one<br><br>Para two</div>"),
            "Para one\n\nPara two"
        );
        assert_eq!(rendered("<p><br>Lead</p>"), "Lead");
    }

    #[test]
    fn entities_and_nbsp() {
        assert_eq!(
            rendered("<p>Tom&nbsp;&amp;&#160;Jerry &eacute;t&#233; &lt;b&gt;</p>"),
            "Tom & Jerry \u{e9}t\u{e9} <b>"
        );
    }

    #[test]
    fn preformatted_text_keeps_lines() {
        assert_eq!(
            rendered("<p>a</p><pre>\n  x = 1\n  y = 2\n</pre>"),
            "a\n\n  x = 1\n  y = 2"
        );
    }

    #[test]
    fn skipped_elements_vanish() {
        assert_eq!(rendered("<p>a<script>var x = '<p>';</script>b</p>"), "ab");
    }

    #[test]
    fn invisible_characters_are_removed() {
        assert_eq!(
            rendered("<p>Bundes&shy;regierung\u{200b}</p>"),
            "Bundesregierung"
        );
    }
}
