//! Training is deterministic for a seed: the same corpora and seed give byte-identical models.

use std::path::PathBuf;

use dyad_nlp::train::{Corpora, TrainConfig, train};
use dyad_text::eval::shared_corpora;

/// A few hundred sentences of each corpus, so the test takes seconds.
fn small_corpora() -> Option<Corpora> {
    let dir = match shared_corpora() {
        Ok(dir) => dir,
        Err(note) => {
            println!("{note}");
            return None;
        }
    };
    let full = Corpora::load(&dir).expect("corpora load");
    let gum_text: String = full
        .gum_text
        .split("\n\n")
        .take(300)
        .collect::<Vec<_>>()
        .join("\n\n")
        + "\n\n";
    let uner_text: String = full
        .uner_dev_text
        .split("\n\n")
        .take(200)
        .collect::<Vec<_>>()
        .join("\n\n")
        + "\n\n";
    Some(Corpora {
        ewt: full.ewt[..300].to_vec(),
        ewt_train_len: 200,
        gum: dyad_text::conllu::parse(&gum_text).expect("GUM slice parses"),
        gum_text,
        uner_dev_text: uner_text,
    })
}

#[test]
fn same_seed_same_models() {
    let Some(corpora) = small_corpora() else {
        return;
    };
    let config = TrainConfig {
        seed: 7,
        folds: 2,
        ..TrainConfig::default()
    };
    let first = train(&corpora, &config, &mut |_| {}).unwrap();
    let second = train(&corpora, &config, &mut |_| {}).unwrap();
    assert_eq!(first.version(), second.version());
    let dir = tempfile_dir();
    first.save(&dir).unwrap();
    let reloaded = dyad_nlp::Models::load(&dir).unwrap();
    assert_eq!(
        reloaded.version(),
        first.version(),
        "saving and loading keeps every byte"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn tempfile_dir() -> PathBuf {
    std::env::temp_dir().join(format!("dyad-training-test-{}", std::process::id()))
}
