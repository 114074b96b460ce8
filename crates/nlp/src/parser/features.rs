//! Feature templates in the style of Zhang & Nivre (2011), for arc-eager and arc-hybrid: words,
//! tags, suffixes, distances, valencies, heads, children and their labels, label sets, pairs and
//! triples of stack and buffer items.

use super::state::{NO_HEAD, State};
use crate::perceptron::FeatureHasher;

/// Id of a missing label (also the label of the root and "none" nodes).
const NO_LABEL: u64 = u64::MAX;

/// A sentence reduced to hashed ids per node: 0 is the root, `n + 1` is "none".
pub(super) struct Encoded {
    words: Vec<u64>,
    tags: Vec<u64>,
    upos: Vec<u64>,
    suffixes: Vec<u64>,
    capitalised: Vec<u64>,
}

impl Encoded {
    /// Encodes a sentence; missing tags read as `_`.
    pub fn new(forms: &[&str], upos: &[&str], xpos: &[&str]) -> Encoded {
        let n = forms.len();
        let mut encoded = Encoded {
            words: Vec::with_capacity(n + 2),
            tags: Vec::with_capacity(n + 2),
            upos: Vec::with_capacity(n + 2),
            suffixes: Vec::with_capacity(n + 2),
            capitalised: Vec::with_capacity(n + 2),
        };
        encoded.push_special("<root>");
        for (index, form) in forms.iter().enumerate() {
            let tag = xpos.get(index).copied().unwrap_or("_");
            let universal = upos.get(index).copied().unwrap_or("_");
            encoded.push_word(form, tag, universal);
        }
        encoded.push_special("<none>");
        encoded
    }

    fn push_special(&mut self, name: &str) {
        let id = hash_str(1, name);
        self.words.push(id);
        self.tags.push(id);
        self.upos.push(id);
        self.suffixes.push(id);
        self.capitalised.push(0);
    }

    fn push_word(&mut self, form: &str, tag: &str, universal: &str) {
        let normal = normalise(form);
        let chars: Vec<char> = normal.chars().collect();
        let suffix: String = chars[chars.len().saturating_sub(3)..].iter().collect();
        self.words.push(hash_str(2, &normal));
        self.tags.push(hash_str(3, tag));
        self.upos.push(hash_str(4, universal));
        self.suffixes.push(hash_str(5, &suffix));
        let upper = form.chars().next().is_some_and(char::is_uppercase);
        self.capitalised.push(u64::from(upper));
    }
}

fn hash_str(kind: u32, text: &str) -> u64 {
    FeatureHasher::new(kind).str(text).done()
}

/// Lowercased form with digits folded to 0, so numbers share statistics.
fn normalise(form: &str) -> String {
    form.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

/// Distances grouped so that long ones share weights.
fn bucket(distance: usize) -> u64 {
    match distance {
        0..=4 => distance as u64,
        5..=6 => 5,
        7..=10 => 6,
        _ => 7,
    }
}

/// Collects features, numbering templates in the order they are added: inserting or removing a
/// template renumbers every later one, so saved models must then be retrained.
struct Sink<'a> {
    out: &'a mut Vec<u64>,
    template: u32,
}

impl Sink<'_> {
    fn add(&mut self, parts: &[u64]) {
        self.template += 1;
        let mut hasher = FeatureHasher::new(self.template);
        for &part in parts {
            hasher = hasher.num(part);
        }
        self.out.push(hasher.done());
    }
}

/// The ids of one node in a configuration.
#[derive(Clone, Copy)]
struct Node {
    w: u64,
    p: u64,
    u: u64,
    l: u64,
}

fn node(encoded: &Encoded, state: &State, index: usize) -> Node {
    let label = state.labels[index];
    Node {
        w: encoded.words[index],
        p: encoded.tags[index],
        u: encoded.upos[index],
        l: if label == u16::MAX {
            NO_LABEL
        } else {
            u64::from(label)
        },
    }
}

/// Features of a configuration for choosing the next transition.
pub(super) fn transition_features(encoded: &Encoded, state: &State, out: &mut Vec<u64>) {
    out.clear();
    let mut sink = Sink { out, template: 0 };
    let (s0i, s1i, s2i) = (state.stack_at(0), state.stack_at(1), state.stack_at(2));
    let (n0i, n1i, n2i) = (state.buffer_at(0), state.buffer_at(1), state.buffer_at(2));
    let at = |index: usize| node(encoded, state, index);
    let (s0, s1, s2, n0, n1, n2) = (at(s0i), at(s1i), at(s2i), at(n0i), at(n1i), at(n2i));
    let (s0l, s0l2) = (at(state.left[s0i][0]), at(state.left[s0i][1]));
    let (s0r, s0r2) = (at(state.right[s0i][0]), at(state.right[s0i][1]));
    let (s1l, s1r) = (at(state.left[s1i][0]), at(state.right[s1i][0]));
    let (n0l, n0l2) = (at(state.left[n0i][0]), at(state.left[n0i][1]));
    let head_of = |index: usize| match state.heads.get(index) {
        Some(&head) if head != NO_HEAD => head,
        _ => state.none(),
    };
    let s0h = at(head_of(s0i));

    sink.add(&[]);
    single_words(&mut sink, [s0, n0, n1, n2, s1]);
    sink.add(&[s2.p]);
    sink.add(&[s2.w]);
    word_pairs(&mut sink, s0, n0, n1, s1);
    word_triples(
        &mut sink,
        [s0, s1, s2, n0, n1, n2],
        [s0l, s0r, n0l, s1l, s1r],
    );
    distances(&mut sink, state, [s0i, s1i, n0i], [s0, s1, n0]);
    valencies(&mut sink, state, [s0i, s1i, n0i], [s0, s1, n0]);
    children(&mut sink, [s0l, s0r, n0l, s1l, s1r, s0l2, s0r2, n0l2]);
    sink.add(&[s0.p, s0l.p, s0l2.p]);
    sink.add(&[s0.p, s0r.p, s0r2.p]);
    sink.add(&[n0.p, n0l.p, n0l2.p]);
    sink.add(&[s1.p, s1r.p, s0.p]);
    sink.add(&[s1.p, s1l.p, s0.p]);
    sink.add(&[s0h.w]);
    sink.add(&[s0h.p]);
    sink.add(&[s0.l]);
    sink.add(&[s0h.p, s0.p, n0.p]);
    label_sets(&mut sink, state, [s0i, s1i, n0i], [s0, s1, n0]);
    let suffix = |index: usize| encoded.suffixes[index];
    let cap = |index: usize| encoded.capitalised[index];
    sink.add(&[suffix(n0i)]);
    sink.add(&[suffix(s0i)]);
    sink.add(&[suffix(n1i)]);
    sink.add(&[suffix(s0i), suffix(n0i)]);
    sink.add(&[n0.p, cap(n0i), s0.p, cap(s0i)]);
    sink.add(&[s0.u, n0.u]);
    sink.add(&[s1.u, s0.u, n0.u]);
    sink.add(&[n0.u, n1.u]);
}

fn single_words(sink: &mut Sink, nodes: [Node; 5]) {
    for node in nodes {
        sink.add(&[node.w, node.p]);
        sink.add(&[node.w]);
        sink.add(&[node.p]);
    }
}

fn word_pairs(sink: &mut Sink, s0: Node, n0: Node, n1: Node, s1: Node) {
    sink.add(&[s0.w, s0.p, n0.w, n0.p]);
    sink.add(&[s0.w, s0.p, n0.w]);
    sink.add(&[s0.w, n0.w, n0.p]);
    sink.add(&[s0.w, s0.p, n0.p]);
    sink.add(&[s0.p, n0.w, n0.p]);
    sink.add(&[s0.w, n0.w]);
    sink.add(&[s0.p, n0.p]);
    sink.add(&[n0.p, n1.p]);
    sink.add(&[n0.w, n1.w]);
    sink.add(&[s1.p, s0.p]);
    sink.add(&[s1.w, s0.w]);
    sink.add(&[s1.w, s1.p, s0.p]);
    sink.add(&[s1.p, s0.w, s0.p]);
    sink.add(&[s1.w, n0.w]);
    sink.add(&[s1.p, n0.p]);
}

fn word_triples(sink: &mut Sink, [s0, s1, s2, n0, n1, n2]: [Node; 6], kids: [Node; 5]) {
    let [s0l, s0r, n0l, s1l, s1r] = kids;
    sink.add(&[n0.p, n1.p, n2.p]);
    sink.add(&[s0.p, n0.p, n1.p]);
    sink.add(&[s1.p, s0.p, n0.p]);
    sink.add(&[s0.p, s0l.p, n0.p]);
    sink.add(&[s0.p, s0r.p, n0.p]);
    sink.add(&[s0.p, n0.p, n0l.p]);
    sink.add(&[s2.p, s1.p, s0.p]);
    sink.add(&[s1.p, s1l.p, s1r.p, s0.p]);
    sink.add(&[s1.w, s0.p, n0.p]);
    sink.add(&[s1.p, s0.w, n0.p]);
    sink.add(&[s1.p, s0.p, n0.w]);
    sink.add(&[s0.w, n0.p, n1.p]);
    sink.add(&[s0.p, n0.w, n1.p]);
}

fn distances(sink: &mut Sink, state: &State, [s0i, s1i, n0i]: [usize; 3], nodes: [Node; 3]) {
    let [s0, s1, n0] = nodes;
    let none = state.none();
    let gap = |a: usize, b: usize| {
        if a == none || b == none {
            0
        } else {
            bucket(b.abs_diff(a))
        }
    };
    let d = gap(s0i, n0i);
    sink.add(&[s0.w, d]);
    sink.add(&[s0.p, d]);
    sink.add(&[n0.w, d]);
    sink.add(&[n0.p, d]);
    sink.add(&[s0.w, n0.w, d]);
    sink.add(&[s0.p, n0.p, d]);
    let d1 = gap(s1i, s0i);
    sink.add(&[s1.p, s0.p, d1]);
    sink.add(&[s1.w, s0.w, d1]);
    sink.add(&[s1.p, s0.p, n0.p, d1, d]);
}

fn valencies(sink: &mut Sink, state: &State, [s0i, s1i, n0i]: [usize; 3], nodes: [Node; 3]) {
    let [s0, s1, n0] = nodes;
    let count = |counts: &[u16], index: usize| u64::from(counts[index]);
    sink.add(&[s0.w, count(&state.right_count, s0i)]);
    sink.add(&[s0.p, count(&state.right_count, s0i)]);
    sink.add(&[s0.w, count(&state.left_count, s0i)]);
    sink.add(&[s0.p, count(&state.left_count, s0i)]);
    sink.add(&[n0.w, count(&state.left_count, n0i)]);
    sink.add(&[n0.p, count(&state.left_count, n0i)]);
    sink.add(&[s1.p, count(&state.right_count, s1i)]);
    sink.add(&[s1.p, count(&state.left_count, s1i)]);
}

fn children(sink: &mut Sink, kids: [Node; 8]) {
    for kid in kids {
        sink.add(&[kid.w]);
        sink.add(&[kid.p]);
        sink.add(&[kid.l]);
    }
}

fn label_sets(sink: &mut Sink, state: &State, [s0i, s1i, n0i]: [usize; 3], nodes: [Node; 3]) {
    let [s0, s1, n0] = nodes;
    let set = |sets: &[u128], index: usize| {
        let bits = sets[index];
        (bits as u64) ^ ((bits >> 64) as u64).rotate_left(17)
    };
    sink.add(&[s0.w, set(&state.right_labels, s0i)]);
    sink.add(&[s0.p, set(&state.right_labels, s0i)]);
    sink.add(&[s0.w, set(&state.left_labels, s0i)]);
    sink.add(&[s0.p, set(&state.left_labels, s0i)]);
    sink.add(&[n0.w, set(&state.left_labels, n0i)]);
    sink.add(&[n0.p, set(&state.left_labels, n0i)]);
    sink.add(&[
        s1.p,
        set(&state.left_labels, s1i),
        set(&state.right_labels, s1i),
    ]);
}

/// Features for labelling the arc `head -> dependent` at the moment it is made.
pub(super) fn label_features(
    encoded: &Encoded,
    state: &State,
    head: usize,
    dependent: usize,
    out: &mut Vec<u64>,
) {
    out.clear();
    let mut sink = Sink {
        out,
        template: 1000,
    };
    let at = |index: usize| node(encoded, state, index);
    let (h, d) = (at(head), at(dependent));
    let near = |index: usize, step: isize| {
        let moved = index as isize + step;
        if moved < 0 || moved as usize > state.n {
            state.none()
        } else {
            moved as usize
        }
    };
    let (d_prev, d_next) = (at(near(dependent, -1)), at(near(dependent, 1)));
    let (h_prev, h_next) = (at(near(head, -1)), at(near(head, 1)));
    let (dl, dr) = (at(state.left[dependent][0]), at(state.right[dependent][0]));
    let (hl, hr) = (at(state.left[head][0]), at(state.right[head][0]));
    let direction = u64::from(dependent < head);
    let distance = bucket(head.abs_diff(dependent));
    let sets = |index: usize| {
        let (left, right) = (state.left_labels[index], state.right_labels[index]);
        (left as u64) ^ (right as u64).rotate_left(29)
    };

    sink.add(&[direction]);
    sink.add(&[h.w]);
    sink.add(&[h.p]);
    sink.add(&[d.w]);
    sink.add(&[d.p]);
    sink.add(&[h.w, d.w]);
    sink.add(&[h.p, d.p]);
    sink.add(&[h.w, d.p]);
    sink.add(&[h.p, d.w]);
    sink.add(&[h.p, d.p, direction, distance]);
    sink.add(&[h.u, d.u, direction, distance]);
    sink.add(&[d.p, direction, distance]);
    sink.add(&[d.w, direction]);
    sink.add(&[h.w, direction]);
    sink.add(&[encoded.suffixes[dependent], direction]);
    sink.add(&[h.p, d.p, d_prev.p, d_next.p]);
    sink.add(&[h.p, h_prev.p, h_next.p, d.p]);
    sink.add(&[d.p, d_prev.w]);
    sink.add(&[h.p, d.p, dl.l, dr.l]);
    sink.add(&[dl.w, d.p, h.p]);
    sink.add(&[dl.w, dl.l]);
    sink.add(&[dr.w, dr.l, d.p]);
    sink.add(&[d.p, sets(dependent)]);
    sink.add(&[d.w, sets(dependent)]);
    sink.add(&[h.p, d.p, sets(head)]);
    sink.add(&[h.p, hl.l, hr.l, direction]);
    sink.add(&[h.w, d.p, direction]);
    sink.add(&[h.p, d.w, direction]);
    sink.add(&[d.p, encoded.capitalised[dependent], h.p]);
    sink.add(&[h.u, d.u, direction]);
}
