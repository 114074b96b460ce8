//! Lists the named spans the GUM rule extracts, one per line ("TYPE<TAB>words"), to check
//! the rule by eye.
//!
//! `cargo run --release -p dyad-nlp --example ner_spans FILE.conllu`

use dyad_nlp::ner::{gum_named_entities, iob2_spans};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: ner_spans FILE.conllu")?;
    for sentence in gum_named_entities(&std::fs::read_to_string(path)?)? {
        for (start, end, kind) in iob2_spans(&sentence.tags) {
            println!("{kind}\t{}", sentence.forms[start..end].join(" "));
        }
    }
    Ok(())
}
