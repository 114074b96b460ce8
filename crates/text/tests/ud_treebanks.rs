//! Scores the tokenizer against the UD English GUM and EWT test sets and fails below the bar.
//!
//! The treebanks live outside the repository, in the `shared/corpora` folder beside it (or in
//! `$DYAD_CORPORA`); without them the tests print a note and pass. Run with `--nocapture` to
//! see the scores.

use dyad_text::eval::{TreebankScores, score_treebank, shared_corpora};

/// Scores one treebank file, or `None` (after a note) when the corpora are absent.
fn score(relative: &str) -> Option<TreebankScores> {
    let dir = match shared_corpora() {
        Ok(dir) => dir,
        Err(note) => {
            println!("{note}");
            return None;
        }
    };
    let path = dir.join(relative);
    let input =
        std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    let scores = score_treebank(&input).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    println!("{relative}: {scores}");
    Some(scores)
}

#[test]
fn gum_test_set() {
    let Some(scores) = score("ud-en-gum/en_gum-ud-test.conllu") else {
        return;
    };
    assert!(
        scores.tokens.f1() >= 99.0,
        "GUM token F1 below 99.0: {scores}"
    );
    assert!(
        scores.sentences.f1() >= 90.0,
        "GUM sentence F1 below 90.0: {scores}"
    );
}

#[test]
fn ewt_test_set() {
    let Some(scores) = score("ud-en-ewt/en_ewt-ud-test.conllu") else {
        return;
    };
    assert!(
        scores.tokens.f1() >= 98.5,
        "EWT token F1 below 98.5: {scores}"
    );
}

/// `conllu::to_doc` rebuilds the same text and tokens as the scorer's gold standard, and the
/// tokenizer's CoNLL-U output reads back to the same tokens.
#[test]
fn conllu_reading_and_writing_agree_with_the_gold_standard() {
    use dyad_text::{conllu, eval};
    let dir = match shared_corpora() {
        Ok(dir) => dir,
        Err(note) => return println!("{note}"),
    };
    for relative in [
        "ud-en-gum/en_gum-ud-dev.conllu",
        "ud-en-ewt/en_ewt-ud-dev.conllu",
    ] {
        let input = std::fs::read_to_string(dir.join(relative)).expect("readable treebank");
        let sentences = conllu::parse(&input).expect("well-formed treebank");
        let gold = eval::gold_document(&sentences);
        let doc = conllu::to_doc(&sentences);
        let spans: Vec<_> = doc.tokens.iter().map(|t| t.span).collect();
        assert!(
            doc.text == gold.text,
            "{relative}: to_doc's text differs from the # text lines"
        );
        assert_eq!(spans, gold.tokens, "{relative}");
        let tokenized = dyad_text::tokenize(&gold.text);
        let reread =
            conllu::to_doc(&conllu::parse(&conllu::write(&tokenized)).expect("own output"));
        let forms = |d: &dyad_core::Doc| {
            (0..d.tokens.len())
                .map(|i| d.token_text(i).to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(forms(&reread), forms(&tokenized), "{relative}");
        assert_eq!(
            reread.sentences.len(),
            tokenized.sentences.len(),
            "{relative}"
        );
    }
}
