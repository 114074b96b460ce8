//! Prints the places found in a text given as the first argument, with the knowledge base of
//! the repository: `cargo run -p dyad-geo --example places -- "PARIS, Texas (AP) - ..."`.

fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../kb");
    let kb = match dyad_kb::Kb::load(&[root]) {
        Ok(kb) => kb,
        Err(error) => {
            eprintln!("cannot read the knowledge base: {error}");
            std::process::exit(1);
        }
    };
    let geocoder = dyad_geo::Geocoder::new(&kb);
    let doc = dyad_text::tokenize(&text);
    for sentence in &doc.sentences {
        println!("sentence: {:?}", sentence.span.of(&doc.text));
    }
    for mention in geocoder.places(&doc) {
        let place = &mention.place;
        println!(
            "{:?} -> {} ({}, {}, {}) dateline {}",
            mention.span.of(&doc.text),
            place.name,
            place.kind,
            place.country,
            place.admin1,
            mention.in_dateline
        );
    }
}
