//! Gold-tree preparation: validity checks and projectivisation by lifting, so that the
//! arc-hybrid oracle (exact for projective trees) can be used on every training sentence.

/// Whether `heads` (0 = root, else 1-based) form a tree: heads in range and no cycles.
pub(super) fn is_tree(heads: &[usize]) -> bool {
    let n = heads.len();
    if heads.iter().any(|&head| head > n) {
        return false;
    }
    (1..=n).all(|word| reaches_root(heads, word))
}

fn reaches_root(heads: &[usize], word: usize) -> bool {
    let mut current = word;
    for _ in 0..=heads.len() {
        if current == 0 {
            return true;
        }
        current = heads[current - 1];
    }
    false
}

/// Whether `ancestor` dominates `word` (or is it).
fn dominates(heads: &[usize], ancestor: usize, word: usize) -> bool {
    let mut current = word;
    for _ in 0..=heads.len() {
        if current == ancestor {
            return true;
        }
        if current == 0 {
            return false;
        }
        current = heads[current - 1];
    }
    false
}

fn is_projective_arc(heads: &[usize], dependent: usize) -> bool {
    let head = heads[dependent - 1];
    let (low, high) = (head.min(dependent), head.max(dependent));
    (low + 1..high).all(|between| dominates(heads, head, between))
}

/// Lifts non-projective arcs (the shortest first) to the grandparent until the tree is
/// projective. Labels stay with the dependents.
pub(super) fn projectivise(heads: &[usize]) -> Vec<usize> {
    let mut heads = heads.to_vec();
    while let Some(dependent) = shortest_nonprojective(&heads) {
        let head = heads[dependent - 1];
        heads[dependent - 1] = if head == 0 { 0 } else { heads[head - 1] };
    }
    heads
}

fn shortest_nonprojective(heads: &[usize]) -> Option<usize> {
    (1..=heads.len())
        .filter(|&dependent| heads[dependent - 1] != 0 && !is_projective_arc(heads, dependent))
        .min_by_key(|&dependent| heads[dependent - 1].abs_diff(dependent))
}
