//! The arc-hybrid and arc-eager transition systems with a single-root constraint, and their
//! dynamic oracles (Goldberg & Nivre 2012, 2013): the cost of a transition is the number of gold
//! arcs it makes unreachable.

/// Moves the next buffer word onto the stack.
pub(super) const SHIFT: usize = 0;
/// Pops the stack top, attaching it to the first buffer word.
pub(super) const LEFT: usize = 1;
/// Arc-hybrid: pops the stack top, attaching it to the word below it. Arc-eager: attaches the
/// first buffer word to the stack top and pushes it.
pub(super) const RIGHT: usize = 2;
/// Arc-eager only: pops a stack top that already has its head.
pub(super) const REDUCE: usize = 3;
/// Number of transition classes (arc-hybrid never uses `REDUCE`).
pub(super) const TRANSITIONS: usize = 4;

/// The transition system a parser uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransitionSystem {
    /// Shift, left-arc from the buffer, right-arc within the stack (Kuhlmann et al. 2011).
    ArcHybrid,
    /// Shift, left-arc, right-arc, reduce (Nivre 2003).
    ArcEager,
}

/// Marks a word that has no head yet.
pub(super) const NO_HEAD: usize = usize::MAX;
/// Cost of a transition that is not allowed.
pub(super) const FORBIDDEN: u32 = u32::MAX;

/// A parser configuration. Node 0 is the artificial root, words are `1..=n`, and `n + 1`
/// stands for "no such node" so features can index it without branching.
pub(super) struct State {
    pub system: TransitionSystem,
    pub stack: Vec<usize>,
    /// Whether each node is on the stack (the root always is).
    on_stack: Vec<bool>,
    /// First word of the buffer; `n + 1` when the buffer is empty.
    pub next: usize,
    pub n: usize,
    pub heads: Vec<usize>,
    pub labels: Vec<u16>,
    /// Leftmost and second-leftmost children.
    pub left: Vec<[usize; 2]>,
    /// Rightmost and second-rightmost children.
    pub right: Vec<[usize; 2]>,
    pub left_count: Vec<u16>,
    pub right_count: Vec<u16>,
    /// Sets of the labels of the left and right children, one bit per label.
    pub left_labels: Vec<u128>,
    pub right_labels: Vec<u128>,
}

impl State {
    pub fn new(n: usize, system: TransitionSystem) -> State {
        let none = n + 1;
        let mut on_stack = vec![false; n + 2];
        on_stack[0] = true;
        State {
            system,
            stack: vec![0],
            on_stack,
            next: 1,
            n,
            heads: vec![NO_HEAD; n + 2],
            labels: vec![u16::MAX; n + 2],
            left: vec![[none; 2]; n + 2],
            right: vec![[none; 2]; n + 2],
            left_count: vec![0; n + 2],
            right_count: vec![0; n + 2],
            left_labels: vec![0; n + 2],
            right_labels: vec![0; n + 2],
        }
    }

    pub fn none(&self) -> usize {
        self.n + 1
    }

    pub fn is_terminal(&self) -> bool {
        self.next > self.n && self.stack.len() == 1
    }

    /// The `depth`-th stack item from the top, or the "none" node.
    pub fn stack_at(&self, depth: usize) -> usize {
        let len = self.stack.len();
        if depth < len {
            self.stack[len - 1 - depth]
        } else {
            self.none()
        }
    }

    /// The `offset`-th buffer word, or the "none" node.
    pub fn buffer_at(&self, offset: usize) -> usize {
        (self.next + offset).min(self.none())
    }

    /// Whether a transition may be taken. The root only takes a child when nothing else is
    /// left, which guarantees exactly one root word.
    pub fn allows(&self, transition: usize) -> bool {
        match self.system {
            TransitionSystem::ArcHybrid => self.hybrid_allows(transition),
            TransitionSystem::ArcEager => self.eager_allows(transition),
        }
    }

    fn hybrid_allows(&self, transition: usize) -> bool {
        let buffer_empty = self.next > self.n;
        match transition {
            SHIFT => !buffer_empty,
            LEFT => !buffer_empty && self.stack.len() >= 2,
            RIGHT => self.stack.len() >= 3 || (self.stack.len() == 2 && buffer_empty),
            _ => false,
        }
    }

    /// Arc-eager may pop a headless word once the buffer is empty; [`State::finish`] then
    /// attaches it.
    fn eager_allows(&self, transition: usize) -> bool {
        let buffer_empty = self.next > self.n;
        let top = self.stack_at(0);
        let top_is_word = top != 0;
        let top_has_head = self.heads[top] != NO_HEAD;
        match transition {
            SHIFT => !buffer_empty,
            LEFT => !buffer_empty && top_is_word && !top_has_head,
            RIGHT => !buffer_empty && (top_is_word || self.right_count[0] == 0),
            REDUCE => top_is_word && (top_has_head || buffer_empty),
            _ => false,
        }
    }

    /// The (head, dependent) arc an arc transition would add.
    pub fn arc_of(&self, transition: usize) -> (usize, usize) {
        let top = self.stack_at(0);
        match (transition, self.system) {
            (LEFT, _) => (self.next, top),
            (_, TransitionSystem::ArcHybrid) => (self.stack_at(1), top),
            _ => (top, self.next),
        }
    }

    /// Takes a transition; `label` is the arc's label for the two arc transitions.
    pub fn apply(&mut self, transition: usize, label: u16) {
        let eager_right = transition == RIGHT && self.system == TransitionSystem::ArcEager;
        if transition == LEFT || transition == RIGHT {
            let (head, dependent) = self.arc_of(transition);
            self.add_arc(head, dependent, label);
        }
        if transition == SHIFT || eager_right {
            self.on_stack[self.next] = true;
            self.stack.push(self.next);
            self.next += 1;
        } else if let Some(top) = self.stack.pop() {
            self.on_stack[top] = false;
        }
    }

    /// Gives a head to words arc-eager popped without one: they hang from the root word
    /// (the first of them becomes it if the root has no child), so the output is one tree.
    pub fn finish(&mut self, root_label: u16, fallback_label: u16) {
        let mut root_word = (self.right_count[0] > 0).then_some(self.right[0][0]);
        for word in 1..=self.n {
            if self.heads[word] != NO_HEAD {
                continue;
            }
            match root_word {
                Some(root) => self.add_arc(root, word, fallback_label),
                None => {
                    self.add_arc(0, word, root_label);
                    root_word = Some(word);
                }
            }
        }
    }

    fn add_arc(&mut self, head: usize, dependent: usize, label: u16) {
        self.heads[dependent] = head;
        self.labels[dependent] = label;
        let bit = if label < 128 { 1u128 << label } else { 0 };
        if dependent < head {
            let [first, _] = self.left[head];
            self.left[head] = [dependent, first];
            self.left_count[head] += 1;
            self.left_labels[head] |= bit;
        } else {
            let [first, _] = self.right[head];
            self.right[head] = [dependent, first];
            self.right_count[head] += 1;
            self.right_labels[head] |= bit;
        }
    }

    /// A node still on the stack (the root always is).
    fn on_stack(&self, node: usize) -> bool {
        self.on_stack.get(node).copied().unwrap_or(false)
    }

    /// Gold children of `node` still in the buffer.
    fn children_in_buffer(&self, gold: &Gold, node: usize) -> u32 {
        gold.children[node]
            .iter()
            .filter(|&&child| child >= self.next)
            .count() as u32
    }

    /// Whether `node` is a buffer word after the first.
    fn later_in_buffer(&self, node: usize) -> bool {
        node > self.next && node <= self.n
    }

    /// Cost of every transition against gold `heads` (projective), `FORBIDDEN` when not allowed.
    pub fn costs(&self, gold: &Gold) -> [u32; TRANSITIONS] {
        let mut costs = [FORBIDDEN; TRANSITIONS];
        for (transition, cost) in costs.iter_mut().enumerate() {
            if !self.allows(transition) {
                continue;
            }
            *cost = match (self.system, transition) {
                (TransitionSystem::ArcHybrid, SHIFT) => self.shift_cost(gold),
                (TransitionSystem::ArcHybrid, LEFT) => self.pop_cost(gold, self.next),
                (TransitionSystem::ArcHybrid, _) => self.pop_cost(gold, self.stack_at(1)),
                (_, SHIFT) => self.eager_shift_cost(gold),
                (_, LEFT) => self.eager_left_cost(gold),
                (_, RIGHT) => self.eager_right_cost(gold),
                _ => self.children_in_buffer(gold, self.stack_at(0)),
            };
        }
        costs
    }

    /// Headless stack words that are gold children of `node`.
    fn headless_children_on_stack(&self, gold: &Gold, node: usize) -> u32 {
        gold.children[node]
            .iter()
            .filter(|&&child| self.on_stack(child) && self.heads[child] == NO_HEAD)
            .count() as u32
    }

    /// Shifting loses the first buffer word's arcs with the stack.
    fn eager_shift_cost(&self, gold: &Gold) -> u32 {
        let word = self.next;
        let head_on_stack = self.on_stack(gold.heads[word]);
        self.headless_children_on_stack(gold, word) + u32::from(head_on_stack)
    }

    /// Left-arc loses the stack top's children in the buffer and a head further on.
    fn eager_left_cost(&self, gold: &Gold) -> u32 {
        let top = self.stack_at(0);
        let head_later = self.later_in_buffer(gold.heads[top]);
        self.children_in_buffer(gold, top) + u32::from(head_later)
    }

    /// Right-arc loses the first buffer word's other possible heads and its headless children
    /// on the stack.
    fn eager_right_cost(&self, gold: &Gold) -> u32 {
        let word = self.next;
        let head = gold.heads[word];
        let head_elsewhere =
            head != self.stack_at(0) && (self.on_stack(head) || self.later_in_buffer(head));
        self.headless_children_on_stack(gold, word) + u32::from(head_elsewhere)
    }

    /// Shifting the first buffer word loses its arcs with every stack item but the top.
    fn shift_cost(&self, gold: &Gold) -> u32 {
        let word = self.next;
        let top = self.stack_at(0);
        let children = gold.children[word]
            .iter()
            .filter(|&&child| self.on_stack(child))
            .count() as u32;
        let head = gold.heads[word];
        children + u32::from(head != top && self.on_stack(head))
    }

    /// Popping the stack top under `new_head` loses its children still in the buffer and its
    /// head if that is elsewhere in the buffer or (for a left arc) the item below it.
    fn pop_cost(&self, gold: &Gold, new_head: usize) -> u32 {
        let top = self.stack_at(0);
        let children = self.children_in_buffer(gold, top);
        let head = gold.heads[top];
        let reachable_elsewhere =
            head != new_head && ((head >= self.next && head != 0) || head == self.stack_at(1));
        children + u32::from(reachable_elsewhere)
    }
}

/// A gold (projectivised) tree in the form the oracle reads.
pub(super) struct Gold {
    /// Head of each node; index 0 (the root) and `n + 1` unused.
    pub heads: Vec<usize>,
    pub children: Vec<Vec<usize>>,
}

impl Gold {
    /// `heads[i]` is the head of word `i + 1` (0 = root).
    pub fn new(heads: &[usize]) -> Gold {
        let n = heads.len();
        let mut all = vec![NO_HEAD; n + 2];
        let mut children = vec![Vec::new(); n + 2];
        for (index, &head) in heads.iter().enumerate() {
            all[index + 1] = head;
            children[head].push(index + 1);
        }
        Gold {
            heads: all,
            children,
        }
    }
}
