//! Prints the tokens of a text given as the first argument and the quotes found in it with
//! their speakers, using the shipped models:
//! `cargo run --release -p dyad-quotes --example quotes -- "\"We are ready,\" she said."`.

fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models");
    let models = match dyad_nlp::Models::load(&root) {
        Ok(models) => models,
        Err(error) => {
            eprintln!("cannot load the models: {error}");
            std::process::exit(1);
        }
    };
    let doc = models.annotate_text(&text);
    for (index, token) in doc.tokens.iter().enumerate() {
        println!(
            "{index:>4} {:<16} {:<6} {:<5} {:>5} {:<12} {}",
            token.span.of(&doc.text),
            token.upos,
            token.xpos,
            token.head.map_or("-".to_string(), |h| h.to_string()),
            token.deprel,
            token.ner
        );
    }
    for quote in dyad_quotes::quotes(&doc) {
        let speaker = quote.speaker.as_ref().map(|s| s.name.as_str());
        println!("{:?} <- {:?}", quote.text(&doc.text), speaker);
    }
}
