//! Whether an event happened, will happen, may happen, happens only if, did not happen, is
//! claimed by someone else, or lies in the past: read off the predicate's auxiliaries, negation,
//! the verbs it depends on and its "if" clauses.

use crate::parsed::Parsed;

/// Verbs whose complement is a reported claim ("X said Y attacked Z").
const SPEECH: [&str; 14] = [
    "say", "tell", "claim", "report", "allege", "state", "announce", "add", "insist", "write",
    "confirm", "accuse", "note", "suggest",
];
/// Verbs or adjectives whose complement is planned or expected ("is set to meet").
const FUTURE_HEADS: [&str; 11] = [
    "set", "expect", "plan", "schedule", "due", "go", "intend", "aim", "prepare", "hope", "seek",
];
/// Heads whose complement may or may not come ("open to meeting", "could").
const HYPOTHETICAL_HEADS: [&str; 7] = [
    "open", "consider", "weigh", "willing", "ready", "may", "need",
];
/// Heads whose complement did not happen ("refused to meet").
const NEGATING_HEADS: [&str; 5] = ["refuse", "decline", "fail", "reject", "deny"];

/// The modality of the event whose predicate is `word`, and the word of the speaker when the
/// event is reported.
pub fn modality_of(parsed: &Parsed, word: usize) -> (&'static str, Option<usize>) {
    if is_negated(parsed, word) {
        return ("negated", None);
    }
    let mut at = word;
    // Past a participle set off by a comma ("would not free the officer, accusing him of
    // spying"), the clause above tells only whether the act is reported: the participle's
    // act is done, whatever the clause it hangs on says of its own.
    let mut past_adjunct = false;
    // Walk up through the clauses the predicate is embedded in.
    for _ in 0..parsed.len() {
        if !past_adjunct && let Some(found) = own_markers(parsed, at) {
            // "said the Ethiopian leader would make a return visit": "would" in what was
            // said is the future seen from then.
            if found == "hypothetical" && is_reported_would(parsed, at) {
                return ("future", None);
            }
            return (found, None);
        }
        let Some(head) = parsed.heads[at] else { break };
        // "would retaliate after Poland ordered the closure": a past tense in a clause of
        // time or cause tells an act of its own, whatever the clause above says of its own.
        if parsed.relation(at) == "advcl" && parsed.xpos(at) == "VBD" && is_told_as_fact(parsed, at)
        {
            past_adjunct = true;
        }
        // "said Thailand would keep the accord suspended and ordered the army to ...": a past
        // tense joined to a verb with "would" is done, not foreseen.
        if at == word && parsed.relation(at) == "conj" && parsed.xpos(at) == "VBD" {
            past_adjunct = true;
        }
        match parsed.relation(at) {
            _ if past_adjunct && parsed.relation(at) != "ccomp" => {}
            "advcl" if is_free_participle(parsed, at) => past_adjunct = true,
            "advcl" if is_condition(parsed, at) => {
                return ("conditional", None);
            }
            "xcomp" | "advcl" | "acl" => {
                let lemma = parsed.lemma(head);
                if NEGATING_HEADS.contains(&lemma) || is_negated(parsed, head) {
                    return ("negated", None);
                }
                if FUTURE_HEADS.contains(&lemma) {
                    return ("future", None);
                }
                if HYPOTHETICAL_HEADS.contains(&lemma) {
                    return ("hypothetical", None);
                }
            }
            // "open to talks": an act someone is open or ready to may or may not come.
            "obl"
                if parsed.upos(head) == "ADJ"
                    && HYPOTHETICAL_HEADS.contains(&parsed.lemma(head))
                    && parsed.preposition(at) == Some("to") =>
            {
                return ("hypothetical", None);
            }
            "ccomp" if SPEECH.contains(&parsed.lemma(head)) => {
                return ("reported", parsed.children_with(head, "nsubj").next());
            }
            _ => {}
        }
        // An event noun or a participle on one ("talks" in "arrive before talks", "holding"
        // in "before holding talks") takes the modality of the clause it is part of.
        let noun = matches!(parsed.upos(at), "NOUN" | "PROPN");
        let joins = match parsed.relation(at) {
            "xcomp" | "conj" | "advcl" => true,
            "obj" | "obl" | "nmod" => noun,
            "amod" => parsed.upos(at) == "VERB",
            _ => false,
        };
        if !joins {
            break;
        }
        at = head;
    }
    // "threatened to impose tariffs if Washington went ahead": a threat is made whatever its
    // condition; the condition is the threatened act's.
    let threat = matches!(parsed.lemma(word), "threaten" | "warn" | "vow");
    if !threat
        && parsed
            .children_with(word, "advcl")
            .any(|clause| has_mark(parsed, clause, "if") || has_mark(parsed, clause, "unless"))
    {
        return ("conditional", None);
    }
    ("asserted", None)
}

/// Future or hypothetical auxiliaries of the word itself.
fn own_markers(parsed: &Parsed, word: usize) -> Option<&'static str> {
    // "is due to travel" parsed with "due to" as the verb's marker.
    if parsed
        .children_with(word, "case")
        .any(|c| parsed.lemma(c) == "due")
    {
        return Some("future");
    }
    for aux in parsed.children_with(word, "aux") {
        match parsed.lemma(aux) {
            "will" | "shall" | "'ll" => return Some("future"),
            "could" | "may" | "might" | "would" | "should" => return Some("hypothetical"),
            _ => {}
        }
    }
    None
}

/// Whether `word`'s auxiliary is a bare "would" (not "would have") and its clause is what a
/// verb of saying reports.
fn is_reported_would(parsed: &Parsed, word: usize) -> bool {
    let auxiliaries: Vec<&str> = parsed
        .children_with(word, "aux")
        .map(|a| parsed.lemma(a))
        .collect();
    auxiliaries.contains(&"would")
        && !auxiliaries.contains(&"have")
        && parsed.relation(word) == "ccomp"
        && parsed.heads[word].is_some_and(|head| SPEECH.contains(&parsed.lemma(head)))
}

/// Adjectives of readiness whose complement is a stated intent ("ready to resume talks").
const READY: [&str; 4] = ["ready", "prepared", "prepare", "willing"];

/// Whether the act of `word` is an intent its actor states rather than an act: "was ready to
/// resume talks", "said it would back the bid" (the speaker is the actor, `is_speaker`).
pub fn is_stated_intent(parsed: &Parsed, word: usize, is_speaker: impl Fn(usize) -> bool) -> bool {
    // "ready to help mediate": up a chain of open complements to the adjective.
    let mut at = word;
    for _ in 0..parsed.len() {
        match (parsed.relation(at), parsed.heads[at]) {
            ("xcomp", Some(head)) if READY.contains(&parsed.lemma(head)) => return true,
            ("xcomp", Some(head)) => at = head,
            _ => break,
        }
    }
    let promised = parsed
        .children_with(word, "aux")
        .any(|aux| matches!(parsed.lemma(aux), "will" | "would" | "'ll"));
    promised && speaker_of(parsed, word).is_some_and(is_speaker)
}

/// The subject of the speech verb whose reported clause holds `word` ("X said Y would ...").
pub fn speaker_of(parsed: &Parsed, word: usize) -> Option<usize> {
    let mut at = word;
    for _ in 0..parsed.len() {
        let head = parsed.heads[at]?;
        match parsed.relation(at) {
            "ccomp" if SPEECH.contains(&parsed.lemma(head)) => {
                return parsed.children_with(head, "nsubj").next();
            }
            "xcomp" | "conj" | "advcl" => at = head,
            _ => return None,
        }
    }
    None
}

fn is_negated(parsed: &Parsed, word: usize) -> bool {
    parsed.children[word].iter().any(|&child| {
        matches!(parsed.relation(child), "advmod" | "neg")
            && matches!(parsed.lemma(child), "not" | "n't" | "never")
    })
}

/// Whether the clause `word` heads is marked as a fact of time or cause ("after", "because",
/// "since", "when", "as", "before", "while").
fn is_told_as_fact(parsed: &Parsed, word: usize) -> bool {
    parsed.children_with(word, "mark").any(|m| {
        matches!(
            parsed.lemma(m),
            "after" | "because" | "since" | "when" | "as" | "before" | "while"
        )
    })
}

/// Whether `word` is a participle set off by a comma with no subordinator (", accusing him of
/// spying"): an act of its own alongside the clause it hangs on.
fn is_free_participle(parsed: &Parsed, word: usize) -> bool {
    is_participle_after_comma(parsed, word) && parsed.children_with(word, "mark").next().is_none()
}

/// Whether `word` is a present participle right after a comma (", accusing him of spying").
pub fn is_participle_after_comma(parsed: &Parsed, word: usize) -> bool {
    parsed.xpos(word) == "VBG" && word > 0 && parsed.form(word - 1) == ","
}

/// Whether `word` heads a clause of purpose ("fired tear gas to disperse crowds").
pub fn is_purpose(parsed: &Parsed, word: usize) -> bool {
    parsed.relation(word) == "advcl" && has_mark(parsed, word, "to")
}

/// Whether `word` heads what someone is kept from doing ("barring them from doing business
/// with Chinese firms", "banned the party from contesting the election").
pub fn is_prevented(parsed: &Parsed, word: usize) -> bool {
    const KEEPING: [&str; 9] = [
        "bar", "ban", "prevent", "stop", "block", "keep", "prohibit", "forbid", "exclude",
    ];
    parsed.xpos(word) == "VBG"
        && has_mark(parsed, word, "from")
        && parsed.heads[word].is_some_and(|head| {
            KEEPING.contains(&parsed.lemma(head))
                || parsed
                    .children_with(head, "conj")
                    .any(|c| KEEPING.contains(&parsed.lemma(c)))
        })
}

/// Whether `word` heads an "if" or "unless" clause (the condition of another act) or a
/// "whether" clause (an open question): not an event of its own.
pub fn is_condition(parsed: &Parsed, word: usize) -> bool {
    let condition = parsed.relation(word) == "advcl"
        && (has_mark(parsed, word, "if") || has_mark(parsed, word, "unless"));
    // "watching whether the two leaders can defuse tensions": an open question, not an act.
    condition || has_mark(parsed, word, "whether")
}

fn has_mark(parsed: &Parsed, clause: usize, mark: &str) -> bool {
    parsed
        .children_with(clause, "mark")
        .any(|m| parsed.lemma(m) == mark)
}
