//! The single pass over the text: whitespace is skipped (remembering line breaks) and each
//! whitespace-free chunk is handed to [`crate::chunk`].

use crate::chars::{char_at, line_break_weight};
use crate::chunk::push_chunk;
use crate::piece::{Emitter, Gap, Piece};

/// All pieces of `text` in order.
pub(crate) fn scan(text: &str) -> Vec<Piece> {
    let bytes = text.as_bytes();
    // News text averages about six bytes per token; reserving for that avoids regrowth.
    let mut pieces = Vec::with_capacity(text.len() / 5 + 1);
    let mut at = 0;
    let mut line_breaks: u32 = 0;
    let mut first = true;
    while at < bytes.len() {
        let (is_space, width, breaks) = whitespace_at(text, at);
        if is_space {
            line_breaks += u32::from(breaks);
            at += width;
            continue;
        }
        let end = chunk_end(text, at);
        let gap = gap_for(first, line_breaks);
        push_chunk(text, at, end, &mut Emitter::new(&mut pieces, gap));
        first = false;
        line_breaks = 0;
        at = end;
    }
    pieces
}

/// Whether a whitespace character starts at `at`, its width in bytes, and its line-break
/// weight.
#[inline]
fn whitespace_at(text: &str, at: usize) -> (bool, usize, u8) {
    let b = text.as_bytes()[at];
    if b < 0x80 {
        let next = text.as_bytes().get(at + 1).map(|&n| n as char);
        let is_space = b == b' ' || (0x09..=0x0d).contains(&b);
        return (
            is_space,
            1,
            if is_space {
                line_break_weight(b as char, next)
            } else {
                0
            },
        );
    }
    let c = char_at(text, at);
    if c.is_whitespace() {
        (true, c.len_utf8(), line_break_weight(c, None))
    } else {
        (false, c.len_utf8(), 0)
    }
}

/// End of the whitespace-free chunk starting at `start`.
#[inline]
fn chunk_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = start;
    while at < bytes.len() {
        let b = bytes[at];
        if b < 0x80 {
            if b == b' ' || (0x09..=0x0d).contains(&b) {
                break;
            }
            at += 1;
        } else {
            let c = char_at(text, at);
            if c.is_whitespace() {
                break;
            }
            at += c.len_utf8();
        }
    }
    at
}

fn gap_for(first: bool, line_breaks: u32) -> Gap {
    match line_breaks {
        _ if first => Gap::Paragraph,
        0 => Gap::Space,
        1 => Gap::LineBreak,
        _ => Gap::Paragraph,
    }
}
