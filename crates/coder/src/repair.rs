//! Repairs of parses the parser gets wrong often enough to matter for who did what to whom:
//! each is a small rewrite of heads and relations, named for the mistake it mends, with the
//! sentence it was found on. They run in order, before the coder reads the tree.

use crate::parsed::names_a_time;
use dyad_core::Token;

/// Mends the known parser mistakes in one sentence's heads and relations (indexed from 0
/// within the sentence).
pub fn repair(tokens: &[Token], heads: &mut [Option<usize>], relations: &mut [&str]) {
    name_after_a_title(tokens, heads, relations);
    subject_taken_for_oblique(tokens, heads, relations);
    oblique_taken_by_participle(tokens, heads, relations);
    relative_clause_taken_for_adverbial(tokens, heads, relations);
    name_split_into_objects(tokens, heads, relations);
    outer_subject_of_a_predicate(heads, relations);
    participle_taken_for_main_verb(tokens, heads, relations);
    participle_hung_on_infinitive(tokens, heads, relations);
    verdict_hung_on_reported_clause(tokens, heads, relations);
    clause_taken_for_oblique(tokens, heads, relations);
    name_hung_across_a_conjunct(heads, relations);
    denial_of_a_charge_split(tokens, heads, relations);
    subject_taken_for_conjunct(tokens, heads, relations);
    speaker_taken_for_oblique(tokens, heads, relations);
    listed_subject_taken_for_root(tokens, heads, relations);
    agent_of_a_noun_hung_beside_it(tokens, heads, relations);
    listed_modifier_taken_for_root(tokens, heads, relations);
    first_subject_taken_for_root(tokens, heads, relations);
    participle_taken_for_complement(tokens, heads, relations);
}

/// The words whose head is `head`, left to right.
fn dependents(heads: &[Option<usize>], head: usize) -> impl Iterator<Item = usize> + '_ {
    (0..heads.len()).filter(move |&w| heads[w] == Some(head))
}

/// Whether `verb` has a nominal subject of any kind (active, passive or outer).
fn has_subject(heads: &[Option<usize>], relations: &[&str], verb: usize) -> bool {
    dependents(heads, verb).any(|c| relations[c].starts_with("nsubj"))
}

/// The sentence's root word.
fn root_of(heads: &[Option<usize>]) -> Option<usize> {
    (0..heads.len()).find(|&w| heads[w].is_none())
}

/// Whether `word` is a verb in a finite tense (past, or present of any person).
fn is_finite_verb(token: &Token) -> bool {
    token.upos == "VERB" && matches!(token.xpos.as_str(), "VBD" | "VBZ" | "VBP")
}

/// Repairs a parse the parser makes of a title and a name after a conjunction: in "President
/// Daniel Chapo and opposition leader Venancio Mondlane met", it makes "Venancio" a second
/// subject of "met" instead of the name of "leader". A proper name that is a verb's second
/// subject, right after a common noun inside the verb's first subject, is that noun's name.
fn name_after_a_title(tokens: &[Token], heads: &mut [Option<usize>], relations: &mut [&str]) {
    let is_subject = |relation: &str| dyad_core::universal_relation(relation) == "nsubj";
    for word in 1..tokens.len() {
        let title = word - 1;
        let Some(verb) = heads[word] else { continue };
        if !is_subject(relations[word])
            || tokens[word].upos != "PROPN"
            || tokens[title].upos != "NOUN"
        {
            continue;
        }
        let first_subject =
            (0..title).find(|&w| heads[w] == Some(verb) && is_subject(relations[w]));
        let under_first = first_subject.is_some_and(|first| {
            let mut at = title;
            while let Some(head) = heads[at] {
                if at == first {
                    return true;
                }
                if head == verb {
                    return false;
                }
                at = head;
            }
            false
        });
        if under_first {
            heads[word] = Some(title);
            relations[word] = "appos";
        }
    }
}

/// Repairs a subject the parser took for a bare oblique: in "The two leaders later signed a
/// treaty", it makes "leaders" an unmarked oblique of "later". A bare nominal before its verb
/// (or an adverb of the verb), first in the clause, that is no measure of time, is the subject
/// of a verb that has none.
fn subject_taken_for_oblique(
    tokens: &[Token],
    heads: &mut [Option<usize>],
    relations: &mut [&str],
) {
    for word in 0..tokens.len() {
        let Some(mut verb) = heads[word] else {
            continue;
        };
        if tokens[verb].upos == "ADV" && relations[verb] == "advmod" {
            verb = heads[verb].unwrap_or(verb);
        }
        let oblique = relations[word] == "obl:unmarked"
            && word < verb
            && matches!(tokens[word].upos.as_str(), "NOUN" | "PROPN")
            && tokens[verb].upos == "VERB"
            && !names_a_time(&tokens[word].lemma);
        let tree: &[Option<usize>] = heads;
        let first = dependents(tree, verb)
            .filter(|&w| w < word)
            .all(|w| matches!(relations[w], "punct" | "cc" | "mark" | "advmod"));
        let has_subject = dependents(tree, verb).any(|w| {
            matches!(
                dyad_core::universal_relation(relations[w]),
                "nsubj" | "csubj" | "expl"
            )
        });
        let has_case = dependents(tree, word).any(|w| relations[w] == "case");
        if oblique && first && !has_subject && !has_case {
            heads[word] = Some(verb);
            relations[word] = "nsubj";
        }
    }
}

/// Repairs a prepositional phrase the parser hung on a participle after it: in "imposed
/// sanctions on James Kabarebe, Rwanda's minister of state, accusing him of ...", it makes "on"
/// a marker of "accusing", "James" its oblique and "minister" its subject. The phrase before
/// the comma is the governing verb's, and the noun phrase between is its apposition.
fn oblique_taken_by_participle(
    tokens: &[Token],
    heads: &mut [Option<usize>],
    relations: &mut [&str],
) {
    for participle in 0..tokens.len() {
        let Some(governing) = heads[participle] else {
            continue;
        };
        if tokens[participle].xpos != "VBG" || relations[participle] != "advcl" {
            continue;
        }
        let tree: &[Option<usize>] = heads;
        let under = |w: usize| dependents(tree, w).filter(move |&c| c < participle);
        let Some(marker) =
            under(participle).find(|&m| relations[m] == "mark" && tokens[m].upos == "ADP")
        else {
            continue;
        };
        let Some(oblique) = under(participle).find(|&x| {
            dyad_core::universal_relation(relations[x]) == "obl"
                && x > marker
                && (marker + 1..x).all(|w| tree[w] == Some(x))
        }) else {
            continue;
        };
        let comma_before = (oblique..participle).any(|w| tokens[w].upos == "PUNCT");
        if !comma_before || governing > marker {
            continue;
        }
        let subjects: Vec<usize> = under(participle)
            .filter(|&s| s > oblique && dyad_core::universal_relation(relations[s]) == "nsubj")
            .collect();
        heads[marker] = Some(oblique);
        relations[marker] = "case";
        heads[oblique] = Some(governing);
        relations[oblique] = "obl";
        for subject in subjects {
            heads[subject] = Some(oblique);
            relations[subject] = "appos";
        }
    }
}

/// Repairs a relative clause without "that" the parser took for an adverbial clause: in "will
/// release four soldiers they kidnapped last month", it makes "kidnapped" a clause of
/// "release". A clause with no marker and no object whose pronoun subject follows its head
/// verb's object right away tells of that object.
fn relative_clause_taken_for_adverbial(
    tokens: &[Token],
    heads: &mut [Option<usize>],
    relations: &mut [&str],
) {
    for clause in 0..tokens.len() {
        let Some(verb) = heads[clause] else { continue };
        if relations[clause] != "advcl" || tokens[clause].upos != "VERB" {
            continue;
        }
        let tree: &[Option<usize>] = heads;
        let under = |w: usize| dependents(tree, w);
        let Some(subject) = under(clause).find(|&c| relations[c] == "nsubj" && c < clause) else {
            continue;
        };
        let unmarked =
            under(clause).all(|c| !matches!(relations[c], "mark" | "obj" | "ccomp" | "xcomp"));
        let antecedent = subject
            .checked_sub(1)
            .filter(|&before| tree[before] == Some(verb) && relations[before] == "obj");
        if let (true, "PRON", Some(antecedent)) =
            (unmarked, tokens[subject].upos.as_str(), antecedent)
        {
            heads[clause] = Some(antecedent);
            relations[clause] = "acl:relcl";
        }
    }
}

/// Repairs a name the parser split into several objects of one verb: in "thanked President
/// José Raúl Mulino's government", it makes "President", "José" and "government" three
/// objects. A proper name that is an object with no words of its own, right before another
/// word of the verb's next object, is part of that object's phrase.
fn name_split_into_objects(tokens: &[Token], heads: &mut [Option<usize>], relations: &mut [&str]) {
    // Right to left, so each word joins the phrase the word after it has already joined.
    for word in (0..tokens.len().saturating_sub(1)).rev() {
        let Some(verb) = heads[word] else { continue };
        let next = word + 1;
        let leaf = !heads.contains(&Some(word));
        if relations[word] != "obj" || tokens[word].upos != "PROPN" || !leaf {
            continue;
        }
        // The next word belongs to a later object of the same verb.
        let mut at = next;
        let mut later_object = false;
        for _ in 0..tokens.len() {
            if heads[at] == Some(verb) {
                later_object = relations[at] == "obj";
                break;
            }
            let Some(head) = heads[at] else { break };
            at = head;
        }
        if later_object && matches!(tokens[next].upos.as_str(), "PROPN" | "NOUN") {
            heads[word] = Some(next);
            relations[word] = "compound";
        }
    }
}

/// Repairs a subject the parser marked as the outer subject of a copular phrase it took for
/// the verb's: in "Papikyan is due to travel to Athens", it hangs "due" on "travel" and makes
/// "Papikyan" its outer subject. A verb's only subject is its subject.
fn outer_subject_of_a_predicate(heads: &[Option<usize>], relations: &mut [&str]) {
    for word in 0..heads.len() {
        let Some(verb) = heads[word] else { continue };
        let alone =
            !dependents(heads, verb).any(|w| w != word && relations[w].starts_with("nsubj"));
        if relations[word] == "nsubj:outer" && alone {
            relations[word] = "nsubj";
        }
    }
}

/// Repairs a participle phrase the parser took for the main verb: in "The interim government
/// led by Muhammad Yunus has also asked the United Nations to ...", it makes "led" the root
/// and "asked" joined to it. A root past participle with a "by" agent and no auxiliary, joined
/// to a verb with one, describes its subject, and the joined verb is the sentence's.
fn participle_taken_for_main_verb(
    tokens: &[Token],
    heads: &mut [Option<usize>],
    relations: &mut [&str],
) {
    let Some(participle) = root_of(heads) else {
        return;
    };
    let tree: &[Option<usize>] = heads;
    let under = |w: usize| dependents(tree, w);
    let subject = under(participle).find(|&c| relations[c] == "nsubj" && c < participle);
    let by_agent = under(participle).any(|c| relations[c] == "obl:agent");
    let bare = !under(participle).any(|c| relations[c].starts_with("aux"));
    let main = under(participle).find(|&c| {
        relations[c] == "conj"
            && tokens[c].upos == "VERB"
            && under(c).any(|a| relations[a].starts_with("aux"))
    });
    if let (Some(subject), Some(main), true, true, "VBN") = (
        subject,
        main,
        by_agent,
        bare,
        tokens[participle].xpos.as_str(),
    ) {
        heads[main] = None;
        relations[main] = "root";
        heads[subject] = Some(main);
        heads[participle] = Some(subject);
        relations[participle] = "acl";
    }
}

/// Repairs a participle after a comma the parser hung on an infinitive: in "ordered the head
/// of the office to leave the country within 72 hours, accusing him of interfering", it hangs
/// "accusing" on "leave". The participle tells of the one who ordered, so it hangs on the
/// verb the infinitive completes.
fn participle_hung_on_infinitive(
    tokens: &[Token],
    heads: &mut [Option<usize>],
    relations: &[&str],
) {
    for participle in 1..tokens.len() {
        let Some(infinitive) = heads[participle] else {
            continue;
        };
        let after_comma = tokens[participle].xpos == "VBG"
            && relations[participle] == "advcl"
            && tokens[participle - 1].upos == "PUNCT";
        let marked_to = dependents(heads, infinitive)
            .any(|m| relations[m] == "mark" && tokens[m].lemma == "to");
        let completes = matches!(relations[infinitive], "xcomp" | "advcl")
            && marked_to
            && !has_subject(heads, relations, infinitive);
        if after_comma && completes {
            heads[participle] = heads[infinitive];
        }
    }
}

/// Repairs a participle of judging after a comma the parser hung on a reported clause: in
/// "Australia said a Chinese jet had released flares near its aircraft, calling the manoeuvre
/// unsafe", it hangs "calling" on "released". Calling, accusing or warning is the speaker's
/// act, so it hangs on the verb of saying ("..., killing five" stays with what killed).
fn verdict_hung_on_reported_clause(
    tokens: &[Token],
    heads: &mut [Option<usize>],
    relations: &[&str],
) {
    const JUDGING: [&str; 11] = [
        "call", "describe", "brand", "label", "term", "accuse", "blame", "condemn", "denounce",
        "warn", "urge",
    ];
    const SAYING: [&str; 4] = ["say", "tell", "announce", "state"];
    for participle in 1..tokens.len() {
        let Some(clause) = heads[participle] else {
            continue;
        };
        let judging = tokens[participle].xpos == "VBG"
            && relations[participle] == "advcl"
            && tokens[participle - 1].upos == "PUNCT"
            && JUDGING.contains(&tokens[participle].lemma.as_str())
            // "would not free an officer ..., accusing him of spying": a pronoun object is
            // whom the reported act is done to, found through the clause it hangs on.
            && !dependents(heads, participle)
                .any(|c| relations[c] == "obj" && tokens[c].upos == "PRON");
        let speech = heads[clause].filter(|&verb| {
            relations[clause] == "ccomp" && SAYING.contains(&tokens[verb].lemma.as_str())
        });
        if let (true, Some(speech)) = (judging, speech) {
            heads[participle] = Some(speech);
        }
    }
}

/// Repairs a clause of time the parser split: in "days after Manila protested the presence of
/// Chinese survey ships", it makes "Manila" an oblique ("after Manila") and "protested" a verb
/// joined to the main one. A noun after "since", "after", "before" or "until", right before a
/// verb with no subject, is that verb's subject, and the verb heads the clause of time.
fn clause_taken_for_oblique(tokens: &[Token], heads: &mut [Option<usize>], relations: &mut [&str]) {
    for noun in 0..tokens.len().saturating_sub(1) {
        let verb = noun + 1;
        let Some(old_head) = heads[noun] else {
            continue;
        };
        let tree: &[Option<usize>] = heads;
        let under = |w: usize| dependents(tree, w);
        let Some(marker) = under(noun).find(|&c| {
            relations[c] == "case"
                && matches!(
                    tokens[c].lemma.to_lowercase().as_str(),
                    "since" | "after" | "before" | "until"
                )
        }) else {
            continue;
        };
        let split = dyad_core::universal_relation(relations[noun]) == "obl"
            && matches!(tokens[noun].upos.as_str(), "NOUN" | "PROPN")
            && is_finite_verb(&tokens[verb])
            && relations[verb] == "conj"
            && !has_subject(tree, relations, verb);
        if split {
            heads[verb] = Some(old_head);
            relations[verb] = "advcl";
            heads[noun] = Some(verb);
            relations[noun] = "nsubj";
            heads[marker] = Some(verb);
            relations[marker] = "mark";
        }
    }
}

/// Repairs the words of a name the parser hung on the name before a conjunction: in "Anwar
/// and President Ferdinand Marcos Jr. signed", it makes "Ferdinand" and "Jr." part of "Anwar".
/// A word of a name after a conjunct belongs to that conjunct.
fn name_hung_across_a_conjunct(heads: &mut [Option<usize>], relations: &[&str]) {
    for word in 0..heads.len() {
        let Some(head) = heads[word] else { continue };
        if !matches!(relations[word], "flat" | "compound" | "nmod:desc") || head > word {
            continue;
        }
        let conjunct = (head + 1..word)
            .rev()
            .find(|&c| heads[c] == Some(head) && relations[c] == "conj");
        if let Some(conjunct) = conjunct {
            heads[word] = Some(conjunct);
        }
    }
}

/// Repairs a denial after a charge the parser split: in "accused Venezuela of building up
/// troops, a charge Caracas swiftly denied", it makes "Caracas" an apposition of "charge" and
/// "denied" an adverbial clause, and in "..., a charge the paramilitary group denied" it makes
/// "group" the object of "charge". A verb of denial right after a charge and a bare noun
/// phrase tells of the charge, and the noun phrase is who denies it.
fn denial_of_a_charge_split(tokens: &[Token], heads: &mut [Option<usize>], relations: &mut [&str]) {
    for verb in 2..tokens.len() {
        let denies = matches!(
            tokens[verb].lemma.as_str(),
            "deny" | "reject" | "dismiss" | "dispute"
        ) && tokens[verb].upos == "VERB";
        let ends_clause = tokens
            .get(verb + 1)
            .is_none_or(|next| matches!(next.upos.as_str(), "PUNCT" | "ADP"));
        if !denies || !ends_clause || has_subject(heads, relations, verb) {
            continue;
        }
        let Some((charge, start)) = charge_before(tokens, verb) else {
            continue;
        };
        let Some(denier) = (start..verb)
            .rev()
            .find(|&w| matches!(tokens[w].upos.as_str(), "NOUN" | "PROPN" | "PRON"))
        else {
            continue;
        };
        // The charge itself may be the word the parser took for the noun phrase's head.
        if denier == charge {
            continue;
        }
        let (kept_heads, kept_relations) = (heads.to_vec(), relations.to_vec());
        // The charge hangs where the parser hung the words now its clause, or the verb.
        let mut anchor = heads[charge];
        while let Some(word) = anchor.filter(|w| (start..=verb).contains(w)) {
            anchor = heads[word];
        }
        if anchor != heads[charge] {
            heads[charge] = anchor;
            relations[charge] = "appos";
        }
        heads[verb] = Some(charge);
        relations[verb] = "acl:relcl";
        heads[denier] = Some(verb);
        relations[denier] = "nsubj";
        for word in start..verb {
            if tokens[word].lemma == "that" || word > denier {
                heads[word] = Some(verb);
                relations[word] = if word > denier { "advmod" } else { "mark" };
            } else if word < denier && heads[word].is_none_or(|h| h < start || h > denier) {
                heads[word] = Some(denier);
            }
        }
        // A rewrite that would make a word its own ancestor is no repair.
        if [charge, verb, denier]
            .iter()
            .any(|&w| heads[w].is_some_and(|h| under_word(heads, h, w)))
        {
            heads.copy_from_slice(&kept_heads);
            relations.copy_from_slice(&kept_relations);
        }
    }
}

/// The charge a verb of denial tells of, and where the words between them start: a noun
/// phrase, maybe "that" before it and an adverb after it ("a charge Caracas swiftly denied").
fn charge_before(tokens: &[Token], verb: usize) -> Option<(usize, usize)> {
    let is_charge = |w: usize| {
        matches!(
            tokens[w].lemma.to_lowercase().as_str(),
            "charge" | "accusation" | "allegation" | "claim"
        )
    };
    let mut start = verb;
    while start > 0
        && !is_charge(start - 1)
        && (matches!(
            tokens[start - 1].upos.as_str(),
            "DET" | "ADJ" | "NOUN" | "PROPN" | "PRON" | "ADV" | "PART" | "NUM"
        ) || tokens[start - 1].lemma == "that")
    {
        start -= 1;
    }
    let charge = start.checked_sub(1).filter(|&c| is_charge(c))?;
    Some((charge, start))
}

/// Whether `word` is `ancestor` or lies under it.
fn under_word(heads: &[Option<usize>], word: usize, ancestor: usize) -> bool {
    let mut at = Some(word);
    for _ in 0..heads.len() {
        match at {
            Some(w) if w == ancestor => return true,
            Some(w) => at = heads[w],
            None => return false,
        }
    }
    false
}

/// Repairs the subject of a second clause the parser joined to the first clause's verb: in
/// "demonstrators stormed parliament in Nairobi and police opened fire on the crowds", it makes
/// "police" a conjunct of "stormed" and "opened" a clause with no subject. A noun joined to a
/// verb, right before a finite verb with no subject, is that verb's subject, and the verb is
/// the one joined.
fn subject_taken_for_conjunct(
    tokens: &[Token],
    heads: &mut [Option<usize>],
    relations: &mut [&str],
) {
    for noun in 0..tokens.len().saturating_sub(1) {
        let verb = noun + 1;
        let Some(first) = heads[noun] else { continue };
        let joined_by_and = dependents(heads, noun)
            .any(|c| relations[c] == "cc" && matches!(tokens[c].lemma.as_str(), "and" | "but"));
        let split = relations[noun] == "conj"
            && joined_by_and
            && first < noun
            && matches!(tokens[noun].upos.as_str(), "NOUN" | "PROPN")
            && tokens[first].upos == "VERB"
            && is_finite_verb(&tokens[verb])
            && !has_subject(heads, relations, verb)
            && !under_word(heads, first, verb);
        if !split {
            continue;
        }
        let conjunction: Vec<usize> = dependents(heads, noun)
            .filter(|&c| relations[c] == "cc")
            .collect();
        heads[verb] = Some(first);
        relations[verb] = "conj";
        heads[noun] = Some(verb);
        relations[noun] = "nsubj";
        for c in conjunction {
            heads[c] = Some(verb);
        }
    }
}

/// Repairs the speaker of a closing attribution the parser hung on the main verb: in "Mexico
/// sent 26 cartel members to the United States on Tuesday, Attorney General Pam Bondi said,
/// thanking ...", it makes "Pam" a bare oblique of "sent" and "said" a clause with no subject.
/// A bare name right before a verb of saying with no subject, both hung on the same verb, is
/// who says.
fn speaker_taken_for_oblique(
    tokens: &[Token],
    heads: &mut [Option<usize>],
    relations: &mut [&str],
) {
    // Narrower than the verbs of speech modality.rs reads reported clauses by: only those
    // that close an attribution after a comma.
    const SAYING: [&str; 6] = ["say", "tell", "add", "announce", "confirm", "report"];
    for name in 0..tokens.len() {
        let Some(main) = heads[name] else { continue };
        // The name's own words after it ("Pam Bondi", "official Jane Roe").
        let end = (name + 1..tokens.len())
            .take_while(|&w| under_word(heads, w, name))
            .last()
            .unwrap_or(name);
        let Some(verb) = Some(end + 1).filter(|&v| v < tokens.len()) else {
            continue;
        };
        // Taken for an oblique, or for a conjunct with no conjunction.
        let misplaced = matches!(
            dyad_core::universal_relation(relations[name]),
            "obl" | "conj"
        ) && matches!(tokens[name].upos.as_str(), "NOUN" | "PROPN")
            && !dependents(heads, name).any(|c| matches!(relations[c], "case" | "cc"))
            && heads[verb] == Some(main)
            && tokens[verb].upos == "VERB"
            && SAYING.contains(&tokens[verb].lemma.as_str())
            && !has_subject(heads, relations, verb);
        if misplaced {
            heads[name] = Some(verb);
            relations[name] = "nsubj";
        }
    }
}

/// The finite verb the parser hung loosely (as "dep" or "parataxis") on `root`, after `after`:
/// the sentence's real verb when the root is one of its nouns or modifiers.
fn loose_finite_verb(
    tokens: &[Token],
    heads: &[Option<usize>],
    relations: &[&str],
    root: usize,
    after: usize,
) -> Option<usize> {
    dependents(heads, root).find(|&c| {
        matches!(relations[c], "dep" | "parataxis") && c > after && is_finite_verb(&tokens[c])
    })
}

/// A root noun or name and the finite verb hung loosely on it after it: a sentence whose
/// subject the parser took for its head.
fn nominal_root_with_loose_verb(
    tokens: &[Token],
    heads: &[Option<usize>],
    relations: &[&str],
) -> Option<(usize, usize)> {
    let root = root_of(heads)?;
    if !matches!(tokens[root].upos.as_str(), "NOUN" | "PROPN") {
        return None;
    }
    Some((
        root,
        loose_finite_verb(tokens, heads, relations, root, root)?,
    ))
}

/// Makes `verb` the sentence's root in place of `root`, with the words after it that hung on
/// the old root, and hangs the old root on `head` as `relation`.
fn promote_to_root(
    heads: &mut [Option<usize>],
    relations: &mut [&str],
    (root, verb): (usize, usize),
    head: usize,
    relation: &'static str,
) {
    for child in dependents(heads, root)
        .filter(|&c| c > verb)
        .collect::<Vec<_>>()
    {
        heads[child] = Some(verb);
    }
    heads[verb] = None;
    relations[verb] = "root";
    heads[root] = Some(head);
    relations[root] = relation;
}

/// Repairs a list of modifiers the parser took for the sentence's head: in "Indian and Uzbek
/// troops began a joint exercise", it makes "Indian" the root, "Uzbek" its conjunct and
/// "began" a loose dependent with "troops" its subject. A root adjective with a conjunct, right
/// before the subject of a finite verb hung loosely on it, modifies that subject, and the verb
/// is the sentence's.
fn listed_modifier_taken_for_root(
    tokens: &[Token],
    heads: &mut [Option<usize>],
    relations: &mut [&str],
) {
    let Some(root) = root_of(heads) else {
        return;
    };
    if tokens[root].upos != "ADJ" {
        return;
    }
    let Some(last) = dependents(heads, root)
        .filter(|&c| relations[c] == "conj")
        .last()
    else {
        return;
    };
    let Some(verb) = loose_finite_verb(tokens, heads, relations, root, last) else {
        return;
    };
    let Some(subject) = dependents(heads, verb).find(|&c| {
        relations[c] == "nsubj" && c > last && (last + 1..c).all(|w| heads[w] == Some(c))
    }) else {
        return;
    };
    promote_to_root(heads, relations, (root, verb), subject, "amod");
}

/// Repairs the first of two joined subjects the parser took for the sentence's head: in
/// "Japan's Maritime Self-Defense Force and the Indian Navy began a joint exercise", it makes
/// "Force" the root, "began" a loose dependent with "Navy" its subject, and "and" a word of
/// "began". A root noun, then "and" and the subject of a finite verb hung loosely on it, is
/// that verb's first subject, and the other its conjunct.
fn first_subject_taken_for_root(
    tokens: &[Token],
    heads: &mut [Option<usize>],
    relations: &mut [&str],
) {
    let Some((root, verb)) = nominal_root_with_loose_verb(tokens, heads, relations) else {
        return;
    };
    let Some(subject) = dependents(heads, verb).find(|&c| relations[c] == "nsubj" && c > root)
    else {
        return;
    };
    let Some(and) = (root + 1..subject).find(|&w| {
        tokens[w].lemma == "and" && (heads[w] == Some(verb) || heads[w] == Some(subject))
    }) else {
        return;
    };
    // Only the subject's own words between "and" and the subject.
    if !(and + 1..subject).all(|w| heads[w] == Some(subject)) {
        return;
    }
    promote_to_root(heads, relations, (root, verb), verb, "nsubj");
    heads[subject] = Some(root);
    relations[subject] = "conj";
    heads[and] = Some(subject);
    relations[and] = "cc";
}

/// Repairs a list of subjects the parser took for the sentence's head: in "China, Pakistan and
/// Afghanistan agreed to extend the corridor", it makes "China" the root, "Pakistan" its
/// apposition and "agreed" a loose dependent. A root name with a finite verb hung loosely on it
/// is that verb's subject (or, when the verb is one of saying with a subject, the subject of
/// what is said), and a name after a comma with a conjunct of its own is the list's next
/// member.
fn listed_subject_taken_for_root(
    tokens: &[Token],
    heads: &mut [Option<usize>],
    relations: &mut [&str],
) {
    let Some((root, verb)) = nominal_root_with_loose_verb(tokens, heads, relations) else {
        return;
    };
    let finite = |w: usize| is_finite_verb(&tokens[w]);
    let subjectless = |w: usize| !has_subject(heads, relations, w);
    // "China, Pakistan and Afghanistan agreed to ..., Dar said": the subject of what is said.
    let Some(clause) = Some(verb).filter(|&v| subjectless(v)).or_else(|| {
        dependents(heads, verb).find(|&c| {
            relations[c] == "ccomp" && c > root && c < verb && finite(c) && subjectless(c)
        })
    }) else {
        return;
    };
    let members: Vec<usize> = dependents(heads, root)
        .filter(|&c| c < verb && relations[c] == "appos")
        .filter(|&c| dependents(heads, c).any(|d| relations[d] == "conj"))
        .collect();
    for member in members {
        relations[member] = "conj";
        let later: Vec<usize> = dependents(heads, member)
            .filter(|&d| relations[d] == "conj")
            .collect();
        for next in later {
            heads[next] = Some(root);
        }
    }
    promote_to_root(heads, relations, (root, verb), clause, "nsubj");
}

/// Repairs the "by" phrase of an event noun the parser hung beside the noun: in "signed an
/// agreement during a visit by Ethiopian Prime Minister Abiy Ahmed to Djibouti", it makes
/// "Abiy" a modifier of "agreement", with "to Djibouti" under him. A "by" phrase right after a
/// noun, hung on the noun or on the word the noun hangs on, is the noun's, and so is a "to"
/// phrase under it.
fn agent_of_a_noun_hung_beside_it(
    tokens: &[Token],
    heads: &mut [Option<usize>],
    relations: &mut [&str],
) {
    for noun in 0..tokens.len().saturating_sub(1) {
        let by = noun + 1;
        if tokens[noun].upos != "NOUN" || tokens[by].lemma != "by" || relations[by] != "case" {
            continue;
        }
        let Some(agent) = heads[by] else { continue };
        let beside = heads[agent].is_some()
            && heads[agent] == heads[noun]
            && dyad_core::universal_relation(relations[agent]) == "nmod";
        if !beside && heads[agent] != Some(noun) {
            continue;
        }
        let destinations: Vec<usize> = dependents(heads, agent)
            .filter(|&d| {
                dependents(heads, d).any(|c| relations[c] == "case" && tokens[c].lemma == "to")
            })
            .collect();
        heads[agent] = Some(noun);
        relations[agent] = "nmod";
        for destination in destinations {
            heads[destination] = Some(noun);
        }
    }
}

/// Repairs a participle describing an object the parser took for the verb's open complement:
/// in "called on Ethiopia and Eritrea to pull back troops massed along their shared border",
/// it makes "massed" a complement of "pull". A past participle with no subject, auxiliary or
/// object of its own right after its verb's object describes that object.
fn participle_taken_for_complement(
    tokens: &[Token],
    heads: &mut [Option<usize>],
    relations: &mut [&str],
) {
    // "keep the accord suspended", "found him guilty": these verbs do take a state of their
    // object as a complement.
    const OF_STATE: [&str; 12] = [
        "keep", "leave", "find", "hold", "declare", "consider", "get", "have", "make", "see",
        "want", "render",
    ];
    for participle in 1..tokens.len() {
        let object = participle - 1;
        let Some(verb) = heads[participle] else {
            continue;
        };
        let describes_object = relations[participle] == "xcomp"
            && !OF_STATE.contains(&tokens[verb].lemma.as_str())
            // The tagger often takes such a participle for a past tense.
            && matches!(tokens[participle].xpos.as_str(), "VBN" | "VBD")
            && heads[object] == Some(verb)
            && relations[object] == "obj"
            && !has_subject(heads, relations, participle)
            && !dependents(heads, participle)
                .any(|c| relations[c].starts_with("aux") || relations[c] == "obj");
        if describes_object {
            heads[participle] = Some(object);
            relations[participle] = "acl";
        }
    }
}
