//! Tokenization and sentence splitting of the cases news text is full of, on invented
//! sentences.

use crate::tokenize;

/// The token forms of each sentence of `text`.
fn sentences(text: &str) -> Vec<Vec<String>> {
    let doc = tokenize(text);
    doc.sentences
        .iter()
        .map(|s| {
            s.tokens
                .clone()
                .map(|i| doc.token_text(i).to_string())
                .collect()
        })
        .collect()
}

/// The token forms of `text`, sentences ignored.
fn tokens(text: &str) -> Vec<String> {
    sentences(text).concat()
}

/// Sentences as strings of forms joined by "|", for compact assertions.
fn joined(text: &str) -> Vec<String> {
    sentences(text).iter().map(|s| s.join("|")).collect()
}

#[test]
fn a_dotted_acronym_keeps_its_period_before_a_possessive() {
    assert_eq!(
        tokens("the U.N.'s envoy and the U.S.’ allies"),
        [
            "the", "U.N.", "'s", "envoy", "and", "the", "U.S.", "’", "allies"
        ]
    );
}

#[test]
fn splits_clitics_with_straight_and_curly_apostrophes() {
    assert_eq!(
        tokens("Japan's leaders don't know."),
        ["Japan", "'s", "leaders", "do", "n't", "know", "."]
    );
    assert_eq!(
        tokens("They’re sure we’ll win; it isn’t over"),
        [
            "They", "’re", "sure", "we", "’ll", "win", ";", "it", "is", "n’t", "over"
        ]
    );
    assert_eq!(
        tokens("I'm sure you've seen what he'd do"),
        [
            "I", "'m", "sure", "you", "'ve", "seen", "what", "he", "'d", "do"
        ]
    );
    assert_eq!(
        tokens("We can't and won't"),
        ["We", "ca", "n't", "and", "wo", "n't"]
    );
}

#[test]
fn keeps_trailing_plus_signs_on_a_name_but_splits_a_sum() {
    assert_eq!(
        tokens("OPEC+ members, C++ and 3+2"),
        ["OPEC+", "members", ",", "C++", "and", "3", "+", "2"]
    );
}

#[test]
fn splits_fused_words() {
    assert_eq!(tokens("We cannot wait"), ["We", "can", "not", "wait"]);
    assert_eq!(tokens("It's gonna rain"), ["It", "'s", "gon", "na", "rain"]);
    assert_eq!(tokens("Cannot"), ["Can", "not"]);
}

#[test]
fn keeps_names_and_decades_with_apostrophes_whole() {
    assert_eq!(
        tokens("O'Brien met Shi'ite clerics in the 1990's"),
        [
            "O'Brien", "met", "Shi'ite", "clerics", "in", "the", "1990's"
        ]
    );
    assert_eq!(
        tokens("the voters' choice"),
        ["the", "voters", "'", "choice"]
    );
}

#[test]
fn keeps_abbreviations_and_initials() {
    assert_eq!(
        tokens(
            "Mr. Lee and Mrs. Park met Dr. Chen, Gen. Hale, Sen. Ortiz, Rep. Kaye and Gov. Lund"
        ),
        [
            "Mr.", "Lee", "and", "Mrs.", "Park", "met", "Dr.", "Chen", ",", "Gen.", "Hale", ",",
            "Sen.", "Ortiz", ",", "Rep.", "Kaye", "and", "Gov.", "Lund"
        ]
    );
    assert_eq!(
        tokens("George W. Bush and the U.S. and U.N. envoys"),
        [
            "George", "W.", "Bush", "and", "the", "U.S.", "and", "U.N.", "envoys"
        ]
    );
    assert_eq!(
        tokens("Acme Inc. and Bolt Corp. and Crane Ltd. rose"),
        [
            "Acme", "Inc.", "and", "Bolt", "Corp.", "and", "Crane", "Ltd.", "rose"
        ]
    );
    assert_eq!(
        tokens("at 9 a.m. or 5 p.m. on Jan. 3, Feb. 9 or Sept. 11"),
        [
            "at", "9", "a.m.", "or", "5", "p.m.", "on", "Jan.", "3", ",", "Feb.", "9", "or",
            "Sept.", "11"
        ]
    );
    assert_eq!(
        tokens("ships, planes, etc. and tanks, e.g. old ones, i.e. spares"),
        [
            "ships", ",", "planes", ",", "etc.", "and", "tanks", ",", "e.g.", "old", "ones", ",",
            "i.e.", "spares"
        ]
    );
}

#[test]
fn no_keeps_its_period_only_before_a_number() {
    assert_eq!(tokens("He is No. 2 now"), ["He", "is", "No.", "2", "now"]);
    assert_eq!(
        joined("She said No. Then she left."),
        ["She|said|No|.", "Then|she|left|."]
    );
}

#[test]
fn abbreviations_do_not_end_sentences_before_lowercase_words_or_numbers() {
    assert_eq!(
        joined("The U.S. military and Jan. 5 talks went on."),
        ["The|U.S.|military|and|Jan.|5|talks|went|on|."]
    );
    assert_eq!(joined("Mr. Smith arrived."), ["Mr.|Smith|arrived|."]);
}

#[test]
fn an_abbreviation_ending_a_sentence_gives_up_its_period() {
    assert_eq!(
        joined("Troops left the U.S. They flew home."),
        ["Troops|left|the|U.S|.", "They|flew|home|."]
    );
    assert_eq!(
        joined("They sold oil, gas, etc. Prices fell."),
        ["They|sold|oil|,|gas|,|etc|.", "Prices|fell|."]
    );
    assert_eq!(joined("It opened at 9 a.m."), ["It|opened|at|9|a.m|."]);
}

#[test]
fn keeps_numbers_whole_and_splits_units_and_currency() {
    assert_eq!(
        tokens("50,000 people, 6.5% more, $221bn in 1990s"),
        [
            "50,000", "people", ",", "6.5", "%", "more", ",", "$", "221", "bn", "in", "1990s"
        ]
    );
    assert_eq!(
        tokens("won 3-2 at 10:30 on 9/11 for US$5"),
        [
            "won", "3", "-", "2", "at", "10:30", "on", "9/11", "for", "US$", "5"
        ]
    );
    assert_eq!(
        tokens("at 5pm, the 3rd of 10 km"),
        ["at", "5", "pm", ",", "the", "3rd", "of", "10", "km"]
    );
    assert_eq!(
        tokens("call 555-1234 or -3 degrees"),
        ["call", "555-1234", "or", "-3", "degrees"]
    );
}

#[test]
fn splits_hyphenated_compounds_except_after_prefixes() {
    assert_eq!(
        tokens("a long-term, non-profit, anti-war and U.S.-led plan"),
        [
            "a",
            "long",
            "-",
            "term",
            ",",
            "non-profit",
            ",",
            "anti-war",
            "and",
            "U.S.",
            "-",
            "led",
            "plan"
        ]
    );
    assert_eq!(
        tokens("pre- and post-election e-mail"),
        ["pre-", "and", "post-election", "e-mail"]
    );
}

#[test]
fn splits_quotes_dashes_and_ellipses() {
    assert_eq!(
        tokens("“No,” she said—twice… “Never.”"),
        [
            "“", "No", ",", "”", "she", "said", "—", "twice", "…", "“", "Never", ".", "”"
        ]
    );
    assert_eq!(
        tokens("'Yes' -- or \"maybe\"... (later)"),
        [
            "'", "Yes", "'", "--", "or", "\"", "maybe", "\"", "...", "(", "later", ")"
        ]
    );
    assert_eq!(tokens("2010–2015"), ["2010", "–", "2015"]);
}

#[test]
fn keeps_urls_emails_tags_and_emoticons() {
    assert_eq!(
        tokens("See https://example.org/a/b?x=1, write to desk@example.org."),
        [
            "See",
            "https://example.org/a/b?x=1",
            ",",
            "write",
            "to",
            "desk@example.org",
            "."
        ]
    );
    assert_eq!(
        tokens("(www.example.com) #Vote2024 @newsdesk :) :-("),
        [
            "(",
            "www.example.com",
            ")",
            "#Vote2024",
            "@newsdesk",
            ":)",
            ":-("
        ]
    );
}

#[test]
fn closing_quotes_after_a_period_belong_to_the_sentence_before() {
    assert_eq!(
        joined("He said: \"We will win.\" Then he left."),
        ["He|said|:|\"|We|will|win|.|\"", "Then|he|left|."]
    );
    assert_eq!(
        joined("“It is over.” The crowd cheered."),
        ["“|It|is|over|.|”", "The|crowd|cheered|."]
    );
    assert_eq!(
        joined("(They agreed.) Talks resume today."),
        ["(|They|agreed|.|)", "Talks|resume|today|."]
    );
}

#[test]
fn a_quotation_ending_in_a_question_mark_continues_with_its_speaker() {
    assert_eq!(
        joined("“Why now?” Ms. Reyes asked. Nobody answered."),
        ["“|Why|now|?|”|Ms.|Reyes|asked|.", "Nobody|answered|."]
    );
    assert_eq!(
        joined("\"Is it over?\" he asked."),
        ["\"|Is|it|over|?|\"|he|asked|."]
    );
}

#[test]
fn splits_sentences_after_terminal_punctuation() {
    assert_eq!(
        joined("Rebels took the town! Was it planned? Nobody knows... Officials declined."),
        [
            "Rebels|took|the|town|!",
            "Was|it|planned|?",
            "Nobody|knows|...",
            "Officials|declined|."
        ]
    );
    assert_eq!(
        joined("Turnout was 61.5 per cent. 300 people voted."),
        ["Turnout|was|61.5|per|cent|.", "300|people|voted|."]
    );
}

#[test]
fn blank_lines_and_headlines_end_sentences() {
    assert_eq!(
        joined(
            "Ceasefire Holds in Border Region\nThe truce held overnight, officials said.\n\nMore talks\nare planned"
        ),
        [
            "Ceasefire|Holds|in|Border|Region",
            "The|truce|held|overnight|,|officials|said|.",
            "More|talks|are|planned"
        ]
    );
    assert_eq!(
        joined("A wrapped line of ordinary prose that goes on\nand ends here."),
        ["A|wrapped|line|of|ordinary|prose|that|goes|on|and|ends|here|."]
    );
}

#[test]
fn datelines_form_their_own_sentence() {
    assert_eq!(
        joined("TOKYO (Reuters) - Japan's cabinet resigned on Friday."),
        [
            "TOKYO|(|Reuters|)|-",
            "Japan|'s|cabinet|resigned|on|Friday|."
        ]
    );
    assert_eq!(
        joined("WASHINGTON — The Senate voted."),
        ["WASHINGTON|—", "The|Senate|voted|."]
    );
    assert_eq!(
        joined("SEOUL, Oct 27 (AP) — Markets fell."),
        ["SEOUL|,|Oct|27|(|AP|)|—", "Markets|fell|."]
    );
    assert_eq!(
        joined("NEW YORK, May 2 (Reuters) - Stocks rose."),
        ["NEW|YORK|,|May|2|(|Reuters|)|-", "Stocks|rose|."]
    );
    assert_eq!(
        joined("Officials said - again - nothing."),
        ["Officials|said|-|again|-|nothing|."]
    );
    assert_eq!(
        joined("By Ann Lee\nBEIJING/TOKYO (Reuters) - Talks ended."),
        [
            "By|Ann|Lee",
            "BEIJING|/|TOKYO|(|Reuters|)|-",
            "Talks|ended|."
        ]
    );
    assert_eq!(
        joined("US President Li - who spoke first - agreed."),
        ["US|President|Li|-|who|spoke|first|-|agreed|."]
    );
}

#[test]
fn citations_after_a_period_stay_with_their_sentence() {
    assert_eq!(
        joined("It was founded in 1990. [3] It grew."),
        ["It|was|founded|in|1990|.|[|3|]", "It|grew|."]
    );
}

#[test]
fn odd_inputs_give_sensible_tokens() {
    assert!(tokenize("").sentences.is_empty());
    assert!(tokenize(" \n\t ").tokens.is_empty());
    assert_eq!(tokens("?!?"), ["?!?"]);
    assert_eq!(tokens("🙂 ok"), ["🙂", "ok"]);
    assert_eq!(tokens("Αθήνα και 東京"), ["Αθήνα", "και", "東京"]);
}

#[test]
fn spaced_right_quote_closes_the_sentence_before_it() {
    assert_eq!(
        joined("She said the plan was “a good start. ” The minister disagreed."),
        [
            "She|said|the|plan|was|“|a|good|start|.|”",
            "The|minister|disagreed|."
        ]
    );
}
