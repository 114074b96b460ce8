//! The shipped pipeline on any token sequence: no panic, one analysis per word, a tree.

use std::path::Path;
use std::sync::OnceLock;

use dyad_nlp::Models;
use proptest::prelude::*;

fn models() -> &'static Models {
    static MODELS: OnceLock<Models> = OnceLock::new();
    MODELS.get_or_init(|| Models::load(&shipped_models_dir()).expect("shipped models load"))
}

/// Heads form one tree: exactly one root, and every word reaches it without a cycle.
fn assert_tree(heads: &[usize]) {
    if heads.is_empty() {
        return;
    }
    assert_eq!(
        heads.iter().filter(|&&h| h == 0).count(),
        1,
        "one root: {heads:?}"
    );
    for start in 1..=heads.len() {
        let mut at = start;
        for _ in 0..=heads.len() {
            if at == 0 {
                break;
            }
            assert!(at <= heads.len(), "head out of range: {heads:?}");
            at = heads[at - 1];
        }
        assert_eq!(at, 0, "cycle through word {start}: {heads:?}");
    }
}

fn check(forms: &[&str]) {
    let analysis = models().analyse(forms);
    for column in [
        &analysis.upos,
        &analysis.xpos,
        &analysis.lemmas,
        &analysis.deprels,
        &analysis.entities,
    ] {
        assert_eq!(column.len(), forms.len());
    }
    assert_eq!(analysis.heads.len(), forms.len());
    assert_tree(&analysis.heads);
}

#[test]
fn adversarial_sentences() {
    check(&[]);
    check(&[""]);
    check(&["."; 50]);
    check(&["😀", "🇯🇵", "日本", "Москва", "القاهرة", "x\u{0301}"]);
    let long: Vec<String> = (0..1000).map(|i| format!("word{i}")).collect();
    check(&long.iter().map(String::as_str).collect::<Vec<_>>());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_tokens(forms in proptest::collection::vec("\\PC{0,12}", 0..60)) {
        check(&forms.iter().map(String::as_str).collect::<Vec<_>>());
    }
}

/// `$DYAD_MODELS`, or the repository's `models/`.
fn shipped_models_dir() -> std::path::PathBuf {
    std::env::var_os("DYAD_MODELS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models"))
}
