//! Quoted terms that nobody says: scare quotes, names of operations, laws and programmes,
//! nicknames and glossed words, which get no speaker.

use super::*;

impl Reader<'_> {
    /// Whether the quote marks a name or a term rather than someone's words: the so-called
    /// "shadow fleet", a man known as "Tuto", the "Free Nutritious Meals" programme.
    pub(super) fn is_label(&self, quote: &Quote) -> bool {
        let lead_in_text = self.doc.text[..quote.start]
            .trim_end_matches(['"', '“'])
            .trim_end();
        let lead_in = lead_in_text.to_lowercase();
        let last_words: Vec<&str> = lead_in.split_whitespace().rev().take(3).collect();
        // "known as", "known locally as", "a level classed as "severe"".
        let known_as = last_words.first() == Some(&"as")
            && last_words[1..].iter().any(|w| {
                matches!(
                    *w,
                    "known" | "classed" | "classified" | "rated" | "designated"
                )
            });
        // The word that introduces the quote, past an article: "dubbed the "red zone"".
        let introducer = match last_words.as_slice() {
            [article, word, ..] if matches!(*article, "the" | "a" | "an") => *word,
            [word, ..] => *word,
            [] => "",
        };
        let introduced = known_as
            || ["so-called", "dubbed", "nicknamed", "titled", "entitled"]
                .iter()
                .any(|words| introducer.ends_with(words));
        let words: Vec<&str> = self.doc.text[quote.start..quote.end]
            .split_whitespace()
            .collect();
        let capitalised = !words.is_empty() && words.iter().all(|w| is_capitalised(w));
        // "Silencing the Guns": small words may stand inside a title.
        let title_case = words.len() >= 2
            && is_capitalised(words[0])
            && words.iter().all(|w| {
                is_capitalised(w)
                    || matches!(
                        *w,
                        "the" | "of" | "and" | "for" | "in" | "a" | "to" | "del" | "de"
                    )
            });
        // "Operation Sarhad Shield": a military operation's name.
        let operation = ["Operation", "Operación", "Opération", "Operação", "Operasi"]
            .contains(&words.first().copied().unwrap_or_default())
            && words.len() >= 2;
        let closing = self
            .doc
            .tokens
            .partition_point(|t| t.span.start < quote.end);
        let after = (closing..self.doc.tokens.len()).find(|&i| !self.quoted[i]);
        let noun_follows =
            after.is_some_and(|i| self.token(i).upos == "NOUN" && starts_lowercase(self.form(i)));
        // "the Group of 20's "Common Framework"": a name owned by someone.
        let owned = lead_in.ends_with("'s") || lead_in.ends_with("’s");
        // "a "Giant Sea Wall" along the bay", "its "Aswesuma" welfare scheme": a name with a
        // determiner.
        let determined = matches!(
            last_words.first().copied(),
            Some("a" | "an" | "the" | "its" | "their" | "his" | "her" | "our")
        );
        // Jimmy "Barbecue" Chérizier: a nickname inside a name.
        let word_before = lead_in_text.split_whitespace().next_back();
        let between_names = word_before.is_some_and(is_capitalised)
            && words.len() <= 2
            && after.is_some_and(|i| self.token(i).upos == "PROPN" && is_capitalised(self.form(i)));
        // "known as Viv Ansanm, or "Living Together"": a translation of a name.
        let translated = last_words.first() == Some(&"or")
            && lead_in
                .split_whitespace()
                .rev()
                .take(8)
                .any(|w| w == "known" || w == "called");
        // "sanctioned "shadow fleet" vessels": a quoted term modifying the noun after it.
        let before_mark = self
            .doc
            .tokens
            .partition_point(|t| t.span.end <= quote.start)
            .checked_sub(2);
        // Not one word ("an "alarming" rise"): that is the speaker's word.
        let modifier = (2..=3).contains(&words.len())
            && noun_follows
            && before_mark.is_some_and(|i| {
                !self.quoted[i]
                    && (matches!(self.token(i).upos.as_str(), "DET" | "ADJ" | "NUM")
                        || self.token(i).xpos == "VBN")
            });
        // "which the union has branded "Operation Empty Classrooms"": a name given.
        let named = matches!(introducer, "branded" | "named" | "called" | "renamed");
        introduced
            || operation
            || modifier
            || (title_case && (noun_follows || owned || determined || named))
            || (capitalised && determined && noun_follows)
            || (capitalised && named && words.len() == 1)
            || (capitalised && (between_names || translated))
            || self.is_glossed(quote)
    }

    /// Whether a quoted word is glossed right after it: "parcels handed out as "ayuda", the
    /// Filipino word for aid".
    pub(super) fn is_glossed(&self, quote: &Quote) -> bool {
        let lead_out = self.doc.text[quote.end..]
            .trim_start_matches(['"', '”', ','])
            .trim_start();
        let words: Vec<&str> = lead_out.split_whitespace().take(4).collect();
        words.first() == Some(&"the")
            && words[1..]
                .iter()
                .position(|w| matches!(*w, "word" | "term" | "name"))
                .is_some_and(|at| words.get(at + 2) == Some(&"for"))
    }
}
