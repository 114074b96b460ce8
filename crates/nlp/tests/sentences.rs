//! The shipped models on sentences written for these tests: repairs the pipeline makes to the
//! tagger's and parser's first reading.

use std::path::Path;
use std::sync::OnceLock;

use dyad_nlp::Models;

fn models() -> &'static Models {
    static MODELS: OnceLock<Models> = OnceLock::new();
    MODELS.get_or_init(|| {
        let dir = std::env::var_os("DYAD_MODELS")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models"));
        Models::load(&dir).expect("shipped models load")
    })
}

/// (form, UPOS, lemma, whether it is the sentence's head) of each word of a one-sentence text.
fn analyse(text: &str) -> Vec<(String, String, String, bool)> {
    let doc = models().annotate_text(text);
    doc.tokens
        .iter()
        .map(|token| {
            let form = token.span.of(&doc.text).to_string();
            (
                form,
                token.upos.clone(),
                token.lemma.clone(),
                token.head.is_none(),
            )
        })
        .collect()
}

#[test]
fn a_past_tense_first_read_as_a_noun_becomes_the_main_verb() {
    // Tagged first as nouns, with "Gunmen" or "targets" at the head of a verbless sentence.
    for (text, verb, lemma) in [
        (
            "Gunmen shot dead Carlos Manzo, a town mayor, on Saturday night.",
            "shot",
            "shoot",
        ),
        (
            "Thai F-16 jets struck Cambodian military targets on Thursday after Cambodian forces fired rockets into Thailand, the Thai army said.",
            "struck",
            "strike",
        ),
    ] {
        let words = analyse(text);
        let word = words.iter().find(|w| w.0 == verb).unwrap();
        assert_eq!(
            (word.1.as_str(), word.2.as_str(), word.3),
            ("VERB", lemma, true),
            "{words:?}"
        );
    }
}

#[test]
fn a_sentence_without_a_verb_is_left_as_it_was_read() {
    // No past tense to read: the noun phrase stays one.
    let words = analyse("Breathtaking views and fabulous accommodation in the old town.");
    assert!(words.iter().all(|w| w.1 != "VERB"), "{words:?}");
}

#[test]
fn an_irregular_past_read_as_a_noun_inside_a_clause_becomes_its_verb() {
    let words = analyse(
        "Mali recalled its ambassador from Algeria on Monday after the Algerian army shot down a Malian drone near the border.",
    );
    let shot = words.iter().find(|w| w.0 == "shot").unwrap();
    assert_eq!(
        (shot.1.as_str(), shot.2.as_str()),
        ("VERB", "shoot"),
        "{words:?}"
    );
}

#[test]
fn a_trailing_attribution_is_joined_as_parataxis_of_the_clause_head() {
    let text = "Russia launched more than 300 drones at Ukraine on Sunday night, Ukraine's air force said on Monday.";
    let doc = models().annotate_text(text);
    let form = |i: usize| doc.tokens[i].span.of(&doc.text);
    let index = |word: &str| (0..doc.tokens.len()).find(|&i| form(i) == word).unwrap();
    let (launched, said) = (index("launched"), index("said"));
    assert_eq!(doc.tokens[launched].head, None);
    assert_eq!(doc.tokens[said].head, Some(launched));
    assert_eq!(doc.tokens[said].deprel, "parataxis");
    assert_eq!(doc.tokens[index(",")].head, Some(said));
    assert_eq!(doc.tokens[index("force")].head, Some(said));
    assert_eq!(doc.tokens[index(".")].head, Some(launched));
}

#[test]
fn the_word_after_an_infinitive_to_is_a_verb() {
    let words = analyse(
        "Iran is ready to resume indirect talks with the United States, its foreign minister said.",
    );
    let resume = words.iter().find(|w| w.0 == "resume").unwrap();
    assert_eq!(resume.1, "VERB", "{words:?}");
}

#[test]
fn outside_before_a_noun_phrase_is_a_preposition() {
    let words =
        analyse("Thousands of demonstrators gathered outside parliament on Rustaveli Avenue.");
    let outside = words.iter().find(|w| w.0 == "outside").unwrap();
    assert_eq!(outside.1, "ADP", "{words:?}");
}

#[test]
fn a_weekday_between_subject_and_verb_leaves_the_verb_its_subject() {
    // Read first with "ordered" a dependent of "Republic" and no subject.
    let text = "The Czech Republic on Wednesday ordered two Chinese diplomats to leave the country within 72 hours, accusing them of spying on Chinese dissidents living in Prague, the foreign ministry said.";
    let doc = models().annotate_text(text);
    let form = |i: usize| doc.tokens[i].span.of(&doc.text);
    let index = |word: &str| (0..doc.tokens.len()).find(|&i| form(i) == word).unwrap();
    let ordered = index("ordered");
    assert_eq!(doc.tokens[ordered].head, None);
    assert_eq!(doc.tokens[index("Republic")].head, Some(ordered));
    assert_eq!(doc.tokens[index("Republic")].deprel, "nsubj");
    assert_eq!(doc.tokens[index("Wednesday")].head, Some(ordered));
    assert_eq!(doc.tokens[index("on")].head, Some(index("Wednesday")));
}

#[test]
fn a_word_after_an_article_and_a_noun_is_no_bare_verb() {
    let words = analyse(
        "China vetoed a resolution that would have imposed an arms embargo on Myanmar's military government.",
    );
    let embargo = words.iter().find(|w| w.0 == "embargo").unwrap();
    assert_eq!(embargo.1, "NOUN", "{words:?}");
}

#[test]
fn to_read_as_a_preposition_before_a_verb_and_its_object_is_an_infinitive() {
    let words = analyse("The agency urged the fighters to free 14 pupils and a teacher.");
    let to = words.iter().find(|w| w.0 == "to").unwrap();
    let free = words.iter().find(|w| w.0 == "free").unwrap();
    assert_eq!(
        (to.1.as_str(), free.1.as_str()),
        ("PART", "VERB"),
        "{words:?}"
    );
}

#[test]
fn acting_before_a_title_describes_it() {
    let words = analyse(
        "Japan's prime minister held a telephone call with South Korea's acting President Choi Sang-mok.",
    );
    let acting = words.iter().find(|w| w.0 == "acting").unwrap();
    assert_eq!(acting.1, "ADJ", "{words:?}");
}

#[test]
fn a_form_that_is_only_ever_a_past_tense_is_one() {
    let words = analyse("Britain on Wednesday froze the assets of three police commanders.");
    let froze = words.iter().find(|w| w.0 == "froze").unwrap();
    assert_eq!(
        (froze.1.as_str(), froze.2.as_str()),
        ("VERB", "freeze"),
        "{words:?}"
    );
}

#[test]
fn a_weekday_read_as_the_subject_is_lifted_too() {
    let text =
        "China's Taiwan Affairs Office on Friday rejected President Lai Ching-te's offer of talks.";
    let doc = models().annotate_text(text);
    let form = |i: usize| doc.tokens[i].span.of(&doc.text);
    let index = |word: &str| (0..doc.tokens.len()).find(|&i| form(i) == word).unwrap();
    let rejected = index("rejected");
    assert_eq!(doc.tokens[rejected].head, None);
    assert_eq!(doc.tokens[index("Friday")].deprel, "obl");
}

#[test]
fn a_past_tense_read_as_a_participle_gets_its_subject() {
    for (text, subject, verb) in [
        (
            "Dominican immigration agents detained and deported 1,860 Haitian migrants on Tuesday, the migration office said.",
            "agents",
            "detained",
        ),
        (
            "Thousands of people rallied outside parliament in Tbilisi on Monday against a bill that would allow the authorities to ban opposition parties, and riot police detained at least 12 protesters.",
            "Thousands",
            "rallied",
        ),
    ] {
        let doc = models().annotate_text(text);
        let form = |i: usize| doc.tokens[i].span.of(&doc.text);
        let index = |word: &str| (0..doc.tokens.len()).find(|&i| form(i) == word).unwrap();
        let (subject, verb) = (index(subject), index(verb));
        assert_eq!(doc.tokens[verb].xpos, "VBD", "{text}");
        assert_eq!(doc.tokens[subject].deprel, "nsubj", "{text}");
        assert_eq!(doc.tokens[subject].head, Some(verb), "{text}");
    }
    // A participle before the finite verb of its clause stays one.
    for (text, participle) in [
        (
            "Soldiers wounded in the attack received treatment in Kabul.",
            "wounded",
        ),
        (
            "Ten people detained during the protests were freed on Monday.",
            "detained",
        ),
    ] {
        let doc = models().annotate_text(text);
        let word = (0..doc.tokens.len())
            .find(|&i| doc.tokens[i].span.of(&doc.text) == participle)
            .unwrap();
        assert_eq!(doc.tokens[word].xpos, "VBN", "{text}");
        assert_eq!(doc.tokens[word].deprel, "acl", "{text}");
    }
}

#[test]
fn a_weekday_after_a_verb_of_saying_heads_no_clause() {
    let text = "Canadian Prime Minister Mark Carney said on Friday that Ottawa was ready to resume talks whenever Washington was.";
    let doc = models().annotate_text(text);
    let form = |i: usize| doc.tokens[i].span.of(&doc.text);
    let index = |word: &str| (0..doc.tokens.len()).find(|&i| form(i) == word).unwrap();
    let (said, friday, ready) = (index("said"), index("Friday"), index("ready"));
    assert_eq!(doc.tokens[friday].head, Some(said));
    assert_eq!(doc.tokens[ready].head, Some(said));
    assert_eq!(doc.tokens[ready].deprel, "ccomp");
    assert_eq!(doc.tokens[index("Ottawa")].head, Some(ready));
}
