//! Who an actor phrase names: a person by the role they hold on the article's date, an
//! organisation, a government by its capital or seat, or a country with the sector an agent
//! noun gives ("Japanese premier" -> JPNGOV). A phrase that names no known entity and no
//! country gives no actor: dyad never guesses a country.

use dyad_kb::{Day, Kb};
use dyad_resolve::{CountryName, Mention, Referent};
use serde::{Deserialize, Serialize};

use crate::parsed::Parsed;

/// One actor of an event, with the words it was read from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// The words naming the actor.
    pub text: String,
    /// First byte of `text` in the article.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Knowledge-base id of a person or organisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// Its knowledge-base name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// CAMEO actor code ("USAGOV", "JPN", "IGOUNO").
    pub code: String,
    /// ISO alpha-3 country, when the actor has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// CAMEO sector ("GOV"), when the code has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// Whether the actor is a person (for pronouns: "he" is a person, "the group" is not).
    #[serde(skip)]
    pub person: bool,
}

impl Actor {
    /// The actor's country, or its own code when it has none (an IGO: "IGOUNO"): what the
    /// event scores and dyads compare.
    pub fn country_or_code(&self) -> String {
        self.country.clone().unwrap_or_else(|| self.code.clone())
    }

    /// An actor known only by its country and, when an agent noun gives one, its sector
    /// ("police" placed in Romania -> ROUCOP; "Britain" -> GBR), read from the words at
    /// `start..end` of the article.
    pub fn of_country(
        text: String,
        (start, end): (usize, usize),
        country: &str,
        sector: Option<&str>,
    ) -> Actor {
        Actor {
            text,
            start,
            end,
            entity: None,
            name: None,
            code: format!("{country}{}", sector.unwrap_or("")),
            country: Some(country.to_string()),
            sector: sector.map(str::to_string),
            person: false,
        }
    }
}

/// The actors named by `word` and its conjuncts ("Cambodia and Thailand" -> two); a pronoun,
/// "the two leaders" or a bare role noun ("the premier") refers back to the people named
/// before (`recent`, most recent last).
pub fn actors_of(
    parsed: &Parsed,
    kb: &Kb,
    word: usize,
    day: Day,
    recent: &[Vec<Actor>],
) -> Vec<Actor> {
    let mut actors = Vec::new();
    for w in parsed.with_conjuncts(word) {
        // The object pronoun of a participle clause, or the owner of its object.
        let participle_pronoun =
            owning_pronoun(parsed, w).or_else(|| is_participle_object(parsed, w).then_some(w));
        // "accusing its neighbour of sheltering militants": a described country is found by
        // reference, before any name its own phrase holds.
        let described = describes_a_country(parsed, w);
        let named = (!described).then(|| actor_of(parsed, kb, w, day)).flatten();
        match named {
            Some(actor) => {
                let shared = shared_modifier_actors(parsed, kb, w, day, &actor);
                let joined = joined_country_actors(parsed, w, &actor);
                actors.push(actor);
                actors.extend(shared);
                actors.extend(joined);
            }
            // "expelled two diplomats, accusing them of spying": the object of a participle
            // clause is the party the clause it hangs on acted upon.
            // "..., freezing their assets": so is the owner of its object.
            None if participle_pronoun.is_some() && !described => {
                let pronoun = participle_pronoun.unwrap_or(w);
                actors.extend(
                    acted_upon_before(parsed, kb, pronoun, day, recent)
                        .map(|a| referred_to_by(parsed, pronoun, &a)),
                );
            }
            // "Ukrainian soldiers ... said Russian guards had beaten them": an object
            // "them" in what people say is those people.
            None if parsed.lemma(w) == "they" && parsed.relation(w) != "nsubj" => {
                actors.extend(
                    speaker_of_clause(parsed, w)
                        .and_then(|speaker| actor_of(parsed, kb, speaker, day))
                        .map(|a| referred_to_by(parsed, w, &a)),
                );
            }
            // "ELN rebels will release four soldiers they kidnapped": the subject "they" of a
            // clause on what someone acts upon is that someone.
            None if parsed.lemma(w) == "they" && parsed.relation(w) == "nsubj" => {
                actors.extend(
                    doer_upon_antecedent(parsed, w)
                        .and_then(|doer| actor_of(parsed, kb, doer, day))
                        .map(|a| referred_to_by(parsed, w, &a))
                        .map_or_else(|| coreferent(parsed, w, recent), |a| vec![a]),
                );
            }
            None => actors.extend(coreferent(parsed, w, recent)),
        }
    }
    for actor in &mut actors {
        brussels_as_belgium(actor, recent);
    }
    actors
}

/// "Brussels" stands for the European Union, but for Belgium's government in an article that
/// names Belgium: "Rwanda severed relations with Belgium, accusing Brussels of taking sides".
fn brussels_as_belgium(actor: &mut Actor, recent: &[Vec<Actor>]) {
    let the_city = actor.code == "IGOEU" && actor.text == "Brussels";
    let belgium_named = recent
        .iter()
        .flatten()
        .any(|a| a.country.as_deref() == Some("BEL") && a.code != "IGOEU");
    if the_city && belgium_named {
        *actor = Actor::of_country(
            actor.text.clone(),
            (actor.start, actor.end),
            "BEL",
            Some("GOV"),
        );
    }
}

/// A country's actor (of `sector`) whose evidence is the word `word` itself.
pub fn country_named_by(
    parsed: &Parsed,
    word: usize,
    country: &str,
    sector: Option<&str>,
) -> Actor {
    let (start, end) = parsed.span(word, word);
    Actor::of_country(
        parsed.text[start..end].to_string(),
        (start, end),
        country,
        sector,
    )
}

/// `actor` as the pronoun or description `word` refers to it, with that word as its evidence.
fn referred_to_by(parsed: &Parsed, word: usize, actor: &Actor) -> Actor {
    let (start, end) = parsed.span(word, word);
    Actor {
        text: parsed.text[start..end].to_string(),
        start,
        end,
        ..actor.clone()
    }
}

/// Whether `word` is the object pronoun of a participle clause hanging on another verb
/// ("..., accusing him of spying"), or the owner of its object ("..., freezing their assets").
fn is_participle_object(parsed: &Parsed, word: usize) -> bool {
    participle_acting_on(parsed, word).is_some()
}

/// The possessive pronoun of `word` when `word` is the object of a participle clause
/// ("their" in "..., freezing their assets").
fn owning_pronoun(parsed: &Parsed, word: usize) -> Option<usize> {
    parsed
        .children_with(word, "nmod")
        .find(|&o| parsed.full_relation(o) == "nmod:poss" && is_participle_object(parsed, o))
}

/// The participle clause `word` is the object pronoun of, or the owner of the object of.
fn participle_acting_on(parsed: &Parsed, word: usize) -> Option<usize> {
    if !matches!(parsed.lemma(word), "he" | "she" | "they") {
        return None;
    }
    let object = if parsed.full_relation(word) == "nmod:poss" {
        parsed.heads[word]?
    } else {
        word
    };
    let participle = parsed.heads[object]?;
    // "..., freezing their assets and barring them from ...": the first of joined participles.
    let participle = match parsed.heads[participle] {
        Some(first) if parsed.relation(participle) == "conj" && parsed.xpos(first) == "VBG" => {
            first
        }
        _ => participle,
    };
    (parsed.relation(object) == "obj"
        && parsed.xpos(participle) == "VBG"
        && parsed.relation(participle) == "advcl")
        .then_some(participle)
}

/// The party the clause governing `word`'s participle acted upon: the nearest noun phrase
/// before the participle in that clause, past the clause's subject, that names an actor
/// ("imposed sanctions on James Kabarebe, Rwanda's minister ..., accusing him" -> Rwanda's
/// minister).
fn acted_upon_before(
    parsed: &Parsed,
    kb: &Kb,
    word: usize,
    day: Day,
    recent: &[Vec<Actor>],
) -> Option<Actor> {
    let participle = participle_acting_on(parsed, word)?;
    let governing = parsed.heads[participle]?;
    // "ordered two diplomats to leave ..., accusing them of spying": the clause of the order.
    let governing = parsed
        .verb_of_object_infinitive(governing)
        .unwrap_or(governing);
    let subject = parsed.child_full(governing, "nsubj").unwrap_or(governing);
    // A noun phrase of the governing clause itself, not of a clause inside it ("an officer
    // detained in Caracas": the officer, not Caracas).
    // Through modifiers of nouns too only when `through_modifiers`: the clause's own objects
    // come first ("imposed sanctions on seven US companies ... over Washington's arms sale to
    // Taiwan, barring them": the companies, not Taiwan).
    let of_clause = |w: usize, through_modifiers: bool| {
        let mut at = w;
        for _ in 0..parsed.len() {
            if at == governing {
                return true;
            }
            let relation = parsed.relation(at);
            if !matches!(relation, "obj" | "iobj" | "obl" | "nmod" | "appos" | "conj")
                || (relation == "nmod" && !through_modifiers)
            {
                return false;
            }
            let Some(head) = parsed.heads[at] else { break };
            at = head;
        }
        false
    };
    let acted_upon = |through_modifiers: bool| {
        (subject.max(governing).min(participle)..participle)
            .rev()
            .filter(|&w| {
                matches!(parsed.upos(w), "NOUN" | "PROPN") && of_clause(w, through_modifiers)
            })
            .find_map(|w| {
                actor_of(parsed, kb, w, day).or_else(|| coreferent(parsed, w, recent).pop())
            })
    };
    acted_upon(false).or_else(|| acted_upon(true))
}

/// "Philippine and Japanese forces", "Philippine and U.S. troops": the countries joined to the
/// one modifying the noun act with it, with the same sector.
fn joined_country_actors(parsed: &Parsed, word: usize, first: &Actor) -> Vec<Actor> {
    if first.entity.is_some() {
        return Vec::new();
    }
    let modifiers = parsed.children[word]
        .iter()
        .copied()
        .filter(|&m| matches!(parsed.relation(m), "amod" | "compound"));
    modifiers
        .flat_map(|m| parsed.children_with(m, "conj").collect::<Vec<_>>())
        .filter_map(|conjunct| {
            let country = parsed.mentions_at(conjunct).find_map(|m| {
                m.referents.iter().find_map(|r| match r {
                    Referent::Country { code, .. } => Some(code.clone()),
                    _ => None,
                })
            })?;
            let (start, end) = parsed.span(conjunct, conjunct);
            Some(Actor {
                text: parsed.text[start..end].to_string(),
                start,
                end,
                code: format!("{country}{}", first.sector.as_deref().unwrap_or("")),
                country: Some(country),
                ..first.clone()
            })
        })
        .filter(|actor| actor.country != first.country)
        .collect()
}

/// "The foreign ministers of Japan, South Korea and the United States": the actor read from
/// the first country stands for each conjunct country too, with the same sector.
fn shared_modifier_actors(
    parsed: &Parsed,
    kb: &Kb,
    word: usize,
    day: Day,
    first: &Actor,
) -> Vec<Actor> {
    // "the foreign ministers of Congo and Rwanda"; "Uzbekistan and Afghanistan's Taliban
    // administration", "Cambodia and Thailand's leaders": an "of" phrase or a possessive
    // joined with another.
    // "troops from Indonesia and Australia": a "from" phrase too.
    let Some(modifier) = parsed.children_with(word, "nmod").find(|&m| {
        matches!(parsed.preposition(m), Some("of" | "from"))
            || parsed.full_relation(m) == "nmod:poss"
    }) else {
        return Vec::new();
    };
    parsed
        .with_conjuncts(modifier)
        .into_iter()
        .skip(1)
        .filter_map(|conjunct| actor_of(parsed, kb, conjunct, day))
        .filter_map(|actor| {
            let country = actor.country.clone()?;
            let sector = first.sector.clone();
            Some(Actor {
                code: format!("{country}{}", sector.as_deref().unwrap_or("")),
                sector,
                entity: None,
                name: None,
                ..actor
            })
        })
        .collect()
}

/// The people or organisation a pronoun or definite description refers back to, with its own
/// words as the evidence. A subject "he" or "she" takes the first person named before it in
/// its own sentence, else the first person of the last sentence that named people (usually its
/// subject); other pronouns the most recent person; "the group" or a subject "it" the
/// organisation named last; "the two leaders" the last two people.
fn coreferent(parsed: &Parsed, word: usize, recent: &[Vec<Actor>]) -> Vec<Actor> {
    let lemma = parsed.lemma(word);
    let (start, _) = parsed.span(word, word);
    let here = |actor: &Actor| referred_to_by(parsed, word, actor);
    // Earlier sentences for every kind of reference; a subject "he" or "she" may also point
    // back within its own sentence ("Macron began his tour in Kenya, where he signed ...").
    let sentence_start = parsed.tokens.first().map_or(0, |t| t.span.start);
    let earlier: Vec<&Vec<Actor>> = recent
        .iter()
        .filter(|sentence| sentence.iter().any(|a| a.start < sentence_start))
        .collect();
    let flat: Vec<Actor> = earlier.iter().copied().flatten().cloned().collect();
    let people: Vec<&Actor> = distinct_people(&flat);
    let subject = parsed.relation(word) == "nsubj";
    let is_person = |a: &&Actor| holds_a_role(a);
    let here_before = recent.last().and_then(|sentence| {
        sentence
            .iter()
            .filter(|a| a.start >= sentence_start && a.start < start)
            .find(is_person)
    });
    let salient = here_before.or_else(|| earlier.last().and_then(|s| s.iter().find(is_person)));
    // Whoever its own sentence names before the word.
    let named_here: Vec<&Actor> = recent
        .last()
        .into_iter()
        .flatten()
        .filter(|a| a.start >= sentence_start && a.end <= start)
        .collect();
    // "Lula spoke with Sheinbaum on Wednesday, and the two leaders agreed to meet": two
    // people named before it in its own sentence come first.
    let people_here: Vec<Actor> = named_here.iter().copied().cloned().collect();
    let people_here = distinct_people(&people_here);
    let last_two = || -> Vec<Actor> {
        let people = if people_here.len() >= 2 {
            &people_here
        } else {
            &people
        };
        match people.len() {
            0 | 1 => Vec::new(),
            n => people[n - 2..].iter().map(|a| here(a)).collect(),
        }
    };
    // "Ishaq Dar arrived in Dhaka ... On Sunday, Dar called on ...", "Lee is set to host
    // ...": a lone name that is a word of the full name of a person named before in the text
    // is that person.
    if let Some(person) = named_before_by_part(parsed, word, recent) {
        return vec![here(person)];
    }
    if let Some(owned) = owned_by_referent(parsed, word, recent) {
        return owned;
    }
    match lemma {
        "he" | "she" if subject => salient.map(|a| vec![here(a)]).unwrap_or_default(),
        // "the group", "the bloc", "the fund", "its": the organisation named last.
        "group" | "movement" | "militia" | "organisation" | "organization" | "bloc"
        | "alliance" | "agency" | "fund" | "lender" | "bank" | "union" | "mission" | "it"
            // "it" as a subject; a possessive "its" too often means the speaker's side.
            if (lemma == "it" && parsed.relation(word) == "nsubj")
                || (lemma != "it" && is_definite(parsed, word)) =>
        {
            // A subject "it" may also be a government named by its seat ("The Kremlin denied
            // the accusation. It also called on ..."), when its sentence names no other
            // party before it.
            let by_seat = |a: &&Actor| lemma == "it" && a.entity.is_none() && a.sector.is_some();
            let party_before = !named_here.is_empty();
            // "accused the Rapid Support Forces ..., saying the group's fighters had
            // shelled a camp": an organisation named before it in its own sentence too.
            let organisations_here = named_here.iter().copied().filter(|a| a.entity.is_some());
            // "Guterres urged the group to halt its offensive": a group, movement or militia
            // is no body of states.
            let of_states = |a: &&Actor| a.code.starts_with("IGO");
            let not_states = matches!(lemma, "group" | "movement" | "militia");
            flat.iter()
                .chain(organisations_here)
                .rev()
                .filter(|a| !(not_states && of_states(a)))
                .find(|a| !a.person && (a.entity.is_some() || (by_seat(a) && !party_before)))
                .map(|a| vec![here(a)])
                .unwrap_or_default()
        }
        // "imposed sanctions on James Kabarebe, ..., accusing him of ...": the last person
        // named before it in its own sentence, else in the sentences before.
        "he" | "she" | "him" | "her" | "his" => {
            let in_sentence = named_here
                .iter()
                .copied()
                .rfind(|a| holds_a_role(a));
            in_sentence
                .or(people.last().copied())
                .map(|a| vec![here(a)])
                .unwrap_or_default()
        }
        // "The two last met in 2019", "the pair", "both": the last two people named.
        "two" | "pair" | "both" if lemma == "both" || is_definite(parsed, word) => last_two(),

        // "the two sides", "both countries": the last two parties of any kind named in the
        // sentence before.
        "side" | "party" | "country" | "nation" | "neighbour" | "neighbor" | "government"
        | "delegation"
            if parsed.children[word]
                .iter()
                .any(|&c| matches!(parsed.lemma(c), "two" | "both" | "all")) =>
        {
            // Two countries are told apart by country, two sides by actor ("Congo and the
            // M23" are both Congolese).
            let by_country = lemma != "side" && lemma != "party";
            // The sentence just before, when it names two parties; further back only past
            // sentences that name fewer ("The army denied the accusation."), as other parties
            // may come between ("... in the presence of U.S. President Donald Trump ... the
            // two countries").
            let distinct = |sentence: &[Actor], by_country: bool| {
                let mut parties: Vec<Actor> = Vec::new();
                for actor in sentence {
                    parties.retain(|p| {
                        if by_country && p.country.is_some() {
                            p.country != actor.country
                        } else {
                            !same_party(p, actor)
                        }
                    });
                    parties.push(actor.clone());
                }
                parties
            };
            // "talks between Iran and the United States, a day after the two countries
            // signed ...": two parties joined by "and" before the words in their own sentence
            // are the two; the first such pair, as mediators come after the parties
            // ("Pakistan and Afghanistan signed ... after mediation by Qatar and Turkey,
            // ending clashes between the two neighbours").
            let joined_pairs = |named: &[&Actor]| -> Vec<Vec<Actor>> {
                named
                    .windows(2)
                    .filter_map(|pair| {
                        // "Russian and Ukrainian negotiators" and, inside it, "Ukrainian".
                        let nested = pair[1].start >= pair[0].start && pair[1].end <= pair[0].end;
                        if nested && pair[0].country != pair[1].country {
                            return Some(vec![here(pair[0]), here(pair[1])]);
                        }
                        let between = parsed.text.get(pair[0].end..pair[1].start)?;
                        let words: Vec<&str> = between
                            .split(|c: char| c.is_whitespace() || c == ',')
                            .filter(|w| !w.is_empty())
                            .collect();
                        let joined = words.contains(&"and")
                            && words
                                .iter()
                                .all(|w| matches!(*w, "and" | "the" | "its" | "their"));
                        let apart = if by_country {
                            pair[0].country != pair[1].country
                        } else {
                            !same_party(pair[0], pair[1])
                        };
                        (joined && apart).then(|| vec![here(pair[0]), here(pair[1])])
                    })
                    .collect()
            };
            // "Egypt and Sudan called on Ethiopia ... The two countries' ministers met":
            // else the one such pair of the sentence just before (of two pairs, either may be
            // the mediators).
            // Past sentences that name no pair ("The first day ended without a joint
            // statement."), up to three back.
            let joined_before = || {
                earlier.iter().rev().take(3).find_map(|sentence| {
                    let named: Vec<&Actor> = sentence.iter().collect();
                    let mut pairs = joined_pairs(&named);
                    (pairs.len() == 1).then(|| pairs.remove(0))
                })
            };
            if let Some(two) = joined_pairs(&named_here)
                .into_iter()
                .next()
                .or_else(|| joined_demonyms_before(parsed, word))
                .or_else(joined_before)
            {
                return two;
            }
            // Whoever this sentence names before the words ("Qatar, which has hosted the
            // talks, urged the two sides") is no side.
            let not_named_here = |a: &Actor| {
                !named_here
                    .iter()
                    .any(|h| same_party(h, a) || (h.country.is_some() && h.country == a.country && h.entity.is_none()))
            };
            let parties = earlier
                .iter()
                .rev()
                .take(3)
                .map(|sentence| {
                    let kept: Vec<Actor> = sentence
                        .iter()
                        .filter(|a| not_named_here(a) && !mediates(parsed, a))
                        .cloned()
                        .collect();
                    // Two sides of two countries before two sides of one ("Dar held talks
                    // with Touhid Hossain ..., the foreign ministry in Dhaka said").
                    let nations = distinct(&kept, true);
                    if by_country || nations.len() >= 2 {
                        nations
                    } else {
                        distinct(&kept, false)
                    }
                })
                .find(|parties| parties.len() >= 2)
                .unwrap_or_default();
            // "Mahama hailed Traore ... during a visit to Ouagadougou, where the two
            // governments signed agreements": with no parties before its sentence, the two
            // countries its own sentence names, when neither mediates ("Qatar has been
            // mediating between the Congolese government and the M23 ..., adding that the two
            // sides had not yet signed").
            let parties = if parties.len() >= 2 {
                parties
            } else {
                let here: Vec<Actor> = named_here
                    .iter()
                    .filter(|a| !mediates(parsed, a))
                    .copied()
                    .cloned()
                    .collect();
                distinct(&here, true)
            };
            match parties.len() {
                0 | 1 => Vec::new(),
                n => parties[n - 2..].iter().map(here).collect(),
            }
        }
        // "He praised both men for their courage": the two people named last.
        "man" | "woman"
            if parsed.children[word]
                .iter()
                .any(|&c| matches!(parsed.lemma(c), "two" | "both")) =>
        {
            last_two()
        }
        "leader" | "president" | "premier" | "minister" | "side" => {
            let two = parsed.children[word]
                .iter()
                .any(|&c| matches!(parsed.lemma(c), "two" | "both"));
            let the = parsed
                .children_with(word, "det")
                .any(|d| parsed.lemma(d) == "the");
            if two {
                last_two()
            } else if the {
                people.last().map(|a| vec![here(a)]).unwrap_or_default()
            } else {
                Vec::new()
            }
        }
        // "The ministry rejected the request", "urged the government to ...": a state body
        // named only by kind is of the state last named with an actor of the same kind.
        "government" | "ministry" | "army" | "military" | "police" | "cabinet" | "junta"
        | "authority" | "navy" | "parliament" | "service"
            if is_definite(parsed, word) =>
        {
            let Some(sector) = agent_sector(parsed, word) else {
                return Vec::new();
            };
            let named: Vec<&Actor> = flat.iter().chain(named_here.iter().copied()).collect();
            // "Jordan's interior ministry banned ... a week after the intelligence service
            // arrested 16 people": else, for the subject, the state whose body was named
            // last. An object is most often the subject's own ("ordered the army to ..."),
            // unless the subject is an organisation ("The European Union ... urged the
            // authorities to ...").
            let state_body = |a: &&&Actor| {
                matches!(a.sector.as_deref(), Some("GOV" | "MIL" | "COP" | "SPY" | "JUD"))
                    && a.entity.is_none()
            };
            // The subject of the verb, or of the verb it is joined to ("condemned the killings
            // and urged the authorities").
            let doer = parsed.heads[word].and_then(|verb| {
                parsed.child_full(verb, "nsubj").or_else(|| {
                    (parsed.relation(verb) == "conj")
                        .then(|| parsed.heads[verb])
                        .flatten()
                        .and_then(|first| parsed.child_full(first, "nsubj"))
                })
            });
            let organisation_subject = doer.is_some_and(|doer| {
                parsed.mentions_at(doer).next().is_some()
                    && parsed
                        .mentions_at(doer)
                        .all(|m| matches!(m.referents.as_slice(), [Referent::Organisation(_)]))
            });
            named
                .iter()
                .rev()
                .find(|a| a.sector.as_deref() == Some(sector.as_str()) && a.country.is_some())
                .or_else(|| {
                    named
                        .iter()
                        .rev()
                        .filter(state_body)
                        .find(|a| a.country.is_some() && (subject || organisation_subject))
                })
                .and_then(|a| a.country.as_deref())
                .map(|country| vec![country_named_by(parsed, word, country, Some(&sector))])
                .unwrap_or_default()
        }
        // "cut ties with the United Arab Emirates, accusing the Gulf state of ...", "accusing
        // its former colonial ruler", "the Southeast Asian nation": a described country is
        // another than the one its sentence names first (most often the actor): the first
        // such its sentence names, else the last one named before.
        _ if describes_a_country(parsed, word) => {
            let own = named_here.first().and_then(|a| a.country.clone());
            named_here
                .iter()
                .copied()
                .chain(flat.iter().rev())
                .filter(|a| a.country.is_some() && a.country != own)
                .find(|a| a.entity.is_none() || a.person)
                .and_then(|a| a.country.as_deref())
                .map(|country| vec![country_named_by(parsed, word, country, None)])
                .unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

/// Whether the noun phrase headed by `word` describes a country without naming it: "the Gulf
/// state", "its neighbour", "the island nation", "its former colonial ruler", but not "the
/// nation" alone (often the speaker's own), "its own state" or "the receiving state".
fn describes_a_country(parsed: &Parsed, word: usize) -> bool {
    let lemma = parsed.lemma(word);
    let country_noun = matches!(
        lemma,
        "nation"
            | "state"
            | "country"
            | "neighbour"
            | "neighbor"
            | "kingdom"
            | "emirate"
            | "republic"
            | "monarchy"
            | "archipelago"
            | "ruler"
            | "power"
    );
    let owned = parsed
        .children_with(word, "nmod")
        .any(|c| parsed.full_relation(c) == "nmod:poss" && parsed.lemma(c) == "its");
    let modifiers: Vec<usize> = parsed.children[word]
        .iter()
        .copied()
        .filter(|&c| matches!(parsed.relation(c), "amod" | "compound"))
        .collect();
    let plain = modifiers
        .iter()
        .all(|&m| parsed.lemma(m) != "own" && parsed.upos(m) != "VERB");
    let rule_or_power = matches!(lemma, "ruler" | "power");
    let colonial = modifiers.iter().any(|&m| parsed.lemma(m) == "colonial");
    country_noun
        && parsed.upos(word) == "NOUN"
        && plain
        && (is_definite(parsed, word) || owned)
        && (owned || !modifiers.is_empty())
        && (!rule_or_power || colonial)
}

/// Whether `actor` is a go-between, not one of the sides: named as mediators ("as U.S.
/// mediators pressed the two sides"), or as the subject of a verb of mediating or hosting in
/// this sentence ("Qatar has been mediating between ...").
fn mediates(parsed: &Parsed, actor: &Actor) -> bool {
    const GO_BETWEEN: [&str; 4] = ["mediate", "host", "broker", "facilitate"];
    actor.text.contains("mediator")
        || (0..parsed.len())
            .filter(|&w| {
                parsed.tokens[w].span.start >= actor.start && parsed.tokens[w].span.end <= actor.end
            })
            .any(|w| {
                let mut at = w;
                while parsed.relation(at) == "flat" || parsed.relation(at) == "compound" {
                    let Some(head) = parsed.heads[at] else { break };
                    at = head;
                }
                parsed.relation(at) == "nsubj"
                    && parsed.heads[at].is_some_and(|verb| GO_BETWEEN.contains(&parsed.lemma(verb)))
            })
}

/// "Australian and Indonesian warships began an exercise, the largest since the two
/// neighbours signed a treaty": two countries named by joined demonyms before `word` in its own
/// sentence, as the pair it refers to.
fn joined_demonyms_before(parsed: &Parsed, word: usize) -> Option<Vec<Actor>> {
    let country_at = |w: usize| {
        parsed.mentions_at(w).find_map(|m| {
            m.referents.iter().find_map(|r| match r {
                Referent::Country { code, .. } => Some(code.clone()),
                _ => None,
            })
        })
    };
    (0..word).find_map(|first| {
        let country = country_at(first)?;
        let second = parsed
            .children_with(first, "conj")
            .find(|&c| c < word && parsed.upos(c) == parsed.upos(first))?;
        let other = country_at(second).filter(|other| *other != country)?;
        Some(vec![
            country_named_by(parsed, first, &country, None),
            country_named_by(parsed, second, &other, None),
        ])
    })
}

/// The actors a phrase owned by a referring word stands for, when it is such a phrase:
/// - "Pashinyan said his government was ready to sign", "the interim government led by
///   Muhammad Yunus": a state body owned or led by a person is of that person's country;
/// - "after the two countries' water ministers met", "the foreign ministers of both sides":
///   officials of the parties a phrase refers back to are of those parties' countries;
/// - "the group's fighters had shelled a camp": the fighters of an armed group told before
///   are that group.
fn owned_by_referent(parsed: &Parsed, word: usize, recent: &[Vec<Actor>]) -> Option<Vec<Actor>> {
    const OWNED_BODIES: [&str; 15] = [
        "country",
        "nation",
        "government",
        "ministry",
        "army",
        "military",
        "police",
        "cabinet",
        "junta",
        "authority",
        "navy",
        "parliament",
        "administration",
        "force",
        "troop",
    ];
    let lemma = parsed.lemma(word);
    let of_country =
        |country: &str, sector: Option<&str>| country_named_by(parsed, word, country, sector);
    // The possessive (or, `with_of`, the "of" phrase) naming one of `owners`.
    let owned_by = |owners: &[&str], with_of: bool| {
        parsed.children_with(word, "nmod").find(|&o| {
            let owning = parsed.full_relation(o) == "nmod:poss"
                || (with_of && parsed.preposition(o) == Some("of"));
            owning && owners.contains(&parsed.lemma(o))
        })
    };
    if OWNED_BODIES.contains(&lemma)
        && let Some(owner) = personal_owner(parsed, word)
    {
        let sector = agent_sector(parsed, word);
        // A person named right there ("led by Muhammad Yunus"), else one referred to.
        let (owner_start, owner_end) = parsed.span(owner, owner);
        let named_there = recent
            .last()
            .into_iter()
            .flatten()
            .find(|a| a.person && a.start <= owner_start && owner_end <= a.end)
            .cloned();
        let country = named_there
            .or_else(|| coreferent(parsed, owner, recent).pop())
            .and_then(|p| p.country);
        return Some(
            country
                .map(|country| vec![of_country(&country, sector.as_deref())])
                .unwrap_or_default(),
        );
    }
    if let Some(sector) = agent_sector(parsed, word)
        && let Some(owner) = owned_by(
            &["country", "nation", "side", "neighbour", "neighbor"],
            true,
        )
    {
        let mut countries: Vec<String> = Vec::new();
        for country in coreferent(parsed, owner, recent)
            .into_iter()
            .filter_map(|a| a.country)
        {
            if !countries.contains(&country) {
                countries.push(country);
            }
        }
        return Some(
            countries
                .iter()
                .map(|country| of_country(country, Some(&sector)))
                .collect(),
        );
    }
    let fighters = matches!(
        lemma,
        "fighter" | "force" | "troop" | "militant" | "member" | "gunman"
    );
    if fighters && let Some(group) = owned_by(&["group", "movement", "militia"], false) {
        return Some(
            coreferent(parsed, group, recent)
                .pop()
                .map(|g| vec![referred_to_by(parsed, word, &g)])
                .unwrap_or_default(),
        );
    }
    None
}

/// The subject of the verb of saying whose reported clause holds `word` ("soldiers" in
/// "soldiers said guards had beaten them").
fn speaker_of_clause(parsed: &Parsed, word: usize) -> Option<usize> {
    let mut at = word;
    // Bounded by the sentence's length: a tree has no longer path.
    for _ in 0..parsed.len() {
        let head = parsed.heads[at]?;
        if parsed.relation(at) == "ccomp" {
            return parsed
                .child_full(head, "nsubj")
                .filter(|&s| parsed.upos(s) != "PRON");
        }
        at = head;
    }
    None
}

/// For the subject of a relative clause, the doer of the verb whose object the clause tells
/// of: "rebels" in "rebels will release four soldiers they kidnapped", "fighters" in "urged
/// separatist fighters to free 14 pupils whom they seized".
fn doer_upon_antecedent(parsed: &Parsed, subject: usize) -> Option<usize> {
    let clause = parsed.heads[subject]?;
    if parsed.full_relation(clause) != "acl:relcl" {
        return None;
    }
    let antecedent = parsed.heads[clause]?;
    if parsed.relation(antecedent) != "obj" {
        return None;
    }
    let verb = parsed.heads[antecedent]?;
    let doer = match parsed.heads[verb] {
        Some(asker) if parsed.relation(verb) == "xcomp" => parsed
            .child_full(asker, "obj")
            .or_else(|| parsed.child_full(asker, "nsubj")),
        _ => parsed.child_full(verb, "nsubj"),
    }?;
    (parsed.upos(doer) != "PRON").then_some(doer)
}

/// Whether two actors are the same party: the same entity, or the same country.
fn same_party(a: &Actor, b: &Actor) -> bool {
    // A person the knowledge base does not know speaks for whatever has the same code
    // ("Taliban spokesman Zabihullah Mujahid" for the Taliban).
    let unlisted = |x: &str| x.starts_with("unlisted:");
    match (&a.entity, &b.entity) {
        (Some(x), Some(y)) if !unlisted(x) && !unlisted(y) => x == y,
        (Some(x), Some(y)) => x == y || a.code == b.code,
        _ => a.code == b.code,
    }
}

/// A country named by its name or capital, as a party later words may refer back to ("the
/// two sides"); demonyms only qualify.
fn country_by_name(parsed: &Parsed, mention: &Mention) -> Option<Actor> {
    let named = mention.referents.iter().any(|r| {
        matches!(
            r,
            Referent::Country {
                how: CountryName::Name
                    | CountryName::Capital
                    | CountryName::GovernmentSeat
                    | CountryName::MilitarySeat,
                ..
            }
        )
    });
    // "resumed in Doha": a place where something happens is no party to it.
    // Any word of the name may carry the preposition ("in Addis Ababa" has it on "Addis").
    let place = (mention.start..mention.end).any(|w| {
        matches!(
            parsed.preposition(w),
            Some("in" | "at" | "near" | "from" | "to" | "into" | "across" | "outside" | "inside")
        )
    }) || names_a_border(parsed, mention);
    (named && !place)
        .then(|| country(parsed, &[mention]))
        .flatten()
}

/// The person named before `word` in the text whose full name has `word` as one of its words,
/// when `word` is a name standing alone ("Dar" after "Ishaq Dar"); the latest such person.
fn named_before_by_part<'r>(
    parsed: &Parsed,
    word: usize,
    recent: &'r [Vec<Actor>],
) -> Option<&'r Actor> {
    let form = parsed.form(word);
    let alone = parsed.upos(word) == "PROPN"
        && form.chars().count() >= 3
        && form.starts_with(char::is_uppercase)
        && parsed
            .core_phrase(word)
            .iter()
            .all(|&w| w == word || parsed.upos(w) != "PROPN");
    if !alone {
        return None;
    }
    let (start, _) = parsed.span(word, word);
    let shares_a_word = |a: &&Actor| {
        a.person
            && a.end <= start
            && a.name
                .as_deref()
                .is_some_and(|name| name.split([' ', '-']).any(|part| part == form))
    };
    recent.iter().flatten().rfind(shares_a_word)
}

/// Whether the mention names the country of a border a place is by ("near the Cameroon
/// border", "along the Afghan frontier"): that place may be on either side.
pub fn names_a_border(parsed: &Parsed, mention: &Mention) -> bool {
    (mention.start..mention.end).any(|w| {
        matches!(parsed.relation(w), "compound" | "amod")
            && parsed.heads[w].is_some_and(|noun| {
                matches!(parsed.lemma(noun), "border" | "frontier")
                    && parsed.preposition(noun).is_some()
            })
    })
}

/// The one country an article has named before byte `before` (in `named`, its actors so
/// far: its own sentence's and the earlier ones'; or anywhere in them when none was named
/// before), agreeing with its dateline when it has one; `None` when it has named two or
/// more. In "after a campaign in which the government accused Russia", the government is of
/// the country named before it, not of the one it acts upon.
pub fn sole_country<'a>(
    named: impl Iterator<Item = &'a Actor> + Clone,
    dateline: Option<&str>,
    before: usize,
) -> Option<String> {
    // With no country named before it, those named after it in its own sentence count.
    let any_before = named
        .clone()
        .any(|a| a.country.is_some() && a.start < before);
    let mut countries = named
        .filter(|a| !any_before || a.start < before)
        .filter_map(|a| a.country.as_deref())
        .chain(dateline);
    let first = countries.next()?;
    countries.all(|c| c == first).then(|| first.to_string())
}

/// Whether `actor` is a person who holds a role: of a country's sector ("JPNGOV") or of an
/// international body ("IGOUNO" for the U.N. secretary-general).
fn holds_a_role(actor: &Actor) -> bool {
    let international = actor.code.starts_with("IGO") || actor.code.starts_with("NGO");
    actor.person && (actor.sector.is_some() || international)
}

/// The people among `recent`, each once, in the order of their last mention.
fn distinct_people(recent: &[Actor]) -> Vec<&Actor> {
    let mut people: Vec<&Actor> = Vec::new();
    for actor in recent
        .iter()
        .filter(|a| a.entity.is_some() && holds_a_role(a))
    {
        people.retain(|p| p.entity != actor.entity);
        people.push(actor);
    }
    people
}

/// Every person and organisation the sentence names, in order, for later pronouns and
/// definite descriptions ("he", "the premier", "the group"). A person the knowledge base does
/// not know counts when an apposition says who they are ("James Kabarebe, Rwanda's minister
/// of state").
/// `recent` holds the actors of the article's earlier sentences, `dateline` its dateline's
/// country.
pub fn actors_named(
    parsed: &Parsed,
    kb: &Kb,
    day: Day,
    recent: &[Vec<Actor>],
    dateline: Option<&str>,
) -> Vec<Actor> {
    let mut named: Vec<Actor> = parsed
        .mentions
        .iter()
        .filter_map(|mention| {
            person(parsed, kb, &[mention], day)
                .or_else(|| organisation(parsed, kb, &[mention]))
                .or_else(|| country_by_name(parsed, mention))
        })
        .collect();
    // The one country the article has named so far, this sentence included.
    let country = sole_country(recent.iter().flatten().chain(&named), dateline, usize::MAX);
    for word in 0..parsed.len() {
        if parsed.upos(word) != "PROPN" || parsed.relation(word) == "flat" {
            continue;
        }
        let known = parsed.mentions_at(word).next().is_some();
        let appos = parsed.children_with(word, "appos").next();
        let Some(appos) = appos.filter(|_| !known) else {
            continue;
        };
        let Some(role) = actor_of(parsed, kb, appos, day).filter(|a| a.sector.is_some()) else {
            continue;
        };
        named.push(unlisted_person(parsed, word, role));
    }
    // "Argentine Security Minister Patricia Bullrich sent ... Bullrich accused": a name the
    // knowledge base does not know, under a title that says whose office it is, is a person
    // a lone surname may refer to.
    for word in 0..parsed.len() {
        if parsed.upos(word) != "PROPN"
            || matches!(parsed.relation(word), "flat" | "compound" | "nmod")
            || parsed.mentions_at(word).next().is_some()
        {
            continue;
        }
        let titled = parsed.children[word].iter().any(|&c| {
            c < word
                && matches!(parsed.full_relation(c), "nmod:desc" | "compound")
                && agent_sector(parsed, c).is_some()
        });
        let known = (word..=name_end(parsed, word)).any(|w| parsed.mentions_at(w).next().is_some());
        // "Attorney General Consuelo Porras", with no country in the phrase, holds the office
        // of the one country the article has named.
        let Some(role) = actor_of(parsed, kb, word, day)
            .filter(|a| titled && !known && a.sector.is_some() && a.country.is_some() && !a.person)
            .or_else(|| {
                country
                    .as_deref()
                    .filter(|_| titled && !known)
                    .and_then(|c| titled_official(parsed, word, c))
            })
        else {
            continue;
        };
        named.push(unlisted_person(parsed, word, role));
    }
    // "Malaysia's foreign minister said his country ...": an office holder named by country
    // and office is someone "he" may refer to.
    let office_holders: Vec<Actor> = parsed
        .mentions
        .iter()
        .filter(|m| names_an_office_holder(parsed, m))
        .filter_map(|m| actor_of(parsed, kb, m.end - 1, day))
        .filter(|a| a.person && a.entity.is_none())
        .filter(|a| {
            !named
                .iter()
                .any(|n| n.start < a.end && a.start < n.end && n.person)
        })
        .collect();
    named.extend(office_holders);
    named.sort_by_key(|a| a.start);
    named
}

/// The last word of the name headed by `word` ("Kabarebe" of "James Kabarebe").
fn name_end(parsed: &Parsed, word: usize) -> usize {
    parsed.children[word]
        .iter()
        .copied()
        .filter(|&c| parsed.relation(c) == "flat")
        .max()
        .unwrap_or(word)
}

/// A person the knowledge base does not know, named at `word`, in the role `role` says.
fn unlisted_person(parsed: &Parsed, word: usize, role: Actor) -> Actor {
    let (start, end) = parsed.span(word, name_end(parsed, word));
    let name = parsed.text[start..end].to_string();
    Actor {
        text: name.clone(),
        start,
        end,
        entity: Some(format!("unlisted:{name}")),
        name: Some(name),
        person: true,
        ..role
    }
}

/// The sector of the agent noun at `word` ("ministry" -> GOV), if it is one.
pub fn agent_sector(parsed: &Parsed, word: usize) -> Option<String> {
    parsed.mentions_at(word).find_map(|m| {
        m.referents.iter().find_map(|r| match r {
            Referent::Agent(sector) => Some(sector.clone()),
            _ => None,
        })
    })
}

/// The "his" or "her" that owns `word` ("his government"), or the person who leads it ("the
/// interim government led by Muhammad Yunus").
fn personal_owner(parsed: &Parsed, word: usize) -> Option<usize> {
    let possessive = parsed.children_with(word, "nmod").find(|&o| {
        parsed.full_relation(o) == "nmod:poss"
            && matches!(parsed.lemma(o), "he" | "she" | "his" | "her")
    });
    let leader = || {
        parsed
            .children_with(word, "acl")
            .filter(|&led| parsed.lemma(led) == "lead")
            .find_map(|led| parsed.child_full(led, "obl:agent"))
    };
    possessive.or_else(leader)
}

/// Whether `word` has "the" or "this" before it.
fn is_definite(parsed: &Parsed, word: usize) -> bool {
    parsed
        .children_with(word, "det")
        .any(|d| matches!(parsed.lemma(d), "the" | "this"))
}

/// The actor named by the noun phrase headed by `word` (with its apposition), if any.
pub fn actor_of(parsed: &Parsed, kb: &Kb, word: usize, day: Day) -> Option<Actor> {
    // The phrase's core first ("China's foreign ministry"), then its modifiers ("the mayor of
    // Uruapan in Mexico's Michoacan state"), so a name deep in a modifier ("over Takaichi's
    // remarks") does not take over the phrase.
    [Parsed::core_phrase, Parsed::phrase]
        .into_iter()
        .find_map(|words_of| {
            let mut words = words_of(parsed, word);
            for appos in parsed.children_with(word, "appos") {
                words.extend(words_of(parsed, appos));
            }
            let found: Vec<&Mention> = parsed
                .mentions
                .iter()
                .filter(|m| (m.start..m.end).any(|w| words.contains(&w)))
                .filter(|m| !names_a_sponsor(parsed, m))
                .collect();
            person(parsed, kb, &found, day)
                .or_else(|| envoy_to_an_organisation(parsed, word, &found))
                .or_else(|| organisation(parsed, kb, &found))
                .or_else(|| country(parsed, &found))
        })
}

/// Whether the mention only says whom the actor is linked to ("Islamic State-linked
/// insurgents", "Iran-backed rebels", "militants linked to al Qaeda"): the actor is the
/// noun it modifies, not the sponsor.
fn names_a_sponsor(parsed: &Parsed, mention: &Mention) -> bool {
    const LINKED: [&str; 8] = [
        "linked",
        "backed",
        "allied",
        "aligned",
        "affiliated",
        "supported",
        "funded",
        "sponsored",
    ];
    let before = |word: usize| parsed.form(word).to_lowercase();
    // "militants linked to al Qaeda", "fighters allied with the army": the same after the
    // noun ("backed by" is the passive of an act of its own).
    let after_noun = mention.start >= 2
        && matches!(before(mention.start - 1).as_str(), "to" | "with")
        && LINKED.contains(&before(mention.start - 2).as_str());
    after_noun
        || (mention.end + 1 < parsed.len()
            && parsed.form(mention.end) == "-"
            && LINKED.contains(&parsed.form(mention.end + 1).to_lowercase().as_str()))
}

/// "Britain's U.N. ambassador", "China's NATO envoy": an envoy to an organisation is of the
/// country whose possessive names them, not of the organisation.
fn envoy_to_an_organisation(parsed: &Parsed, word: usize, found: &[&Mention]) -> Option<Actor> {
    let owner = parsed.child_full(word, "nmod:poss")?;
    let to_organisation = found.iter().any(|m| {
        m.referents
            .iter()
            .any(|r| matches!(r, Referent::Organisation(_)))
            && parsed.heads[m.end - 1] == Some(word)
            && parsed.relation(m.end - 1) == "compound"
    });
    let owners: Vec<&Mention> = found
        .iter()
        .copied()
        .filter(|m| (m.start..m.end).contains(&owner))
        .collect();
    let actor = to_organisation
        .then(|| country(parsed, &owners))
        .flatten()?;
    let (start, end) = parsed.span(owner, word);
    Some(Actor {
        text: parsed.text[start..end].to_string(),
        start,
        end,
        code: format!("{}GOV", actor.country.as_deref()?),
        sector: Some("GOV".to_string()),
        person: true,
        ..actor
    })
}

/// An official the knowledge base does not know, named by an office of state right before
/// their name ("Interior Minister Mohsin Naqvi", "Attorney General Consuelo Porras"), as
/// `country`'s holder of that office.
pub fn titled_official(parsed: &Parsed, word: usize, country: &str) -> Option<Actor> {
    const OFFICES: [&str; 4] = ["GOV", "JUD", "LEG", "MIL"];
    let phrase = parsed.core_phrase(word);
    // Every head of state is in the knowledge base: an unknown "President" presides over
    // something else ("COP30 President André Corrêa do Lago").
    let (title, sector) = parsed
        .mentions
        .iter()
        .find_map(|m| match m.referents.as_slice() {
            [Referent::Agent(sector)]
                if phrase.contains(&m.start)
                    && OFFICES.contains(&sector.as_str())
                    && !matches!(parsed.lemma(m.end - 1), "president" | "chairman" | "chair") =>
            {
                Some((m, sector))
            }
            _ => None,
        })?;
    // The name follows the title at once, and the knowledge base knows none of its words.
    let name: Vec<usize> = (title.end..parsed.len())
        .take_while(|&w| parsed.upos(w) == "PROPN" && phrase.contains(&w))
        .collect();
    let unknown = !name.is_empty() && name.iter().all(|&w| parsed.mentions_at(w).next().is_none());
    // Words of the office before the agent noun ("Security Minister") name nothing else.
    let title_first = phrase
        .iter()
        .all(|&w| w >= title.start || parsed.mentions_at(w).next().is_none());
    if !unknown || !title_first {
        return None;
    }
    // The title and the name it comes before are the evidence.
    let (start, end) = parsed.span(title.start, name[name.len() - 1]);
    Some(Actor {
        person: true,
        ..Actor::of_country(
            parsed.text[start..end].to_string(),
            (start, end),
            country,
            Some(sector),
        )
    })
}

/// The actor of `country` that an agent noun in the phrase of `word` names ("police" ->
/// ROUCOP), for people named only by kind where the sentence or dateline says which country
/// they act in. Armed men and criminals named only by kind ("gunmen", "a gang") and people
/// named by a name the knowledge base does not know are of no country by where they act.
pub fn located_agent(parsed: &Parsed, word: usize, country: &str) -> Option<Actor> {
    let phrase = parsed.core_phrase(word);
    // "COP30 President André Corrêa do Lago": a person the knowledge base does not know is
    // of no country by where they act.
    let unknown_name = phrase
        .iter()
        .any(|&w| parsed.upos(w) == "PROPN" && parsed.mentions_at(w).next().is_none());
    if unknown_name {
        return None;
    }
    let agent = parsed.mentions.iter().find_map(|m| {
        if !phrase.contains(&m.start) {
            return None;
        }
        match m.referents.as_slice() {
            [Referent::Agent(_)] if is_unidentified_assailant(parsed, m) => None,
            [Referent::Agent(sector)] => Some((m, sector)),
            _ => None,
        }
    });
    if let Some((mention, sector)) = agent {
        let (text, start, end) = evidence(parsed, &[mention]);
        return Some(Actor::of_country(text, (start, end), country, Some(sector)));
    }
    // "fired tear gas at hundreds of pensioners": a crowd named by its number is people of
    // the place, civilians.
    const CROWDS: [&str; 7] = [
        "hundreds",
        "thousands",
        "dozens",
        "tens",
        "scores",
        "millions",
        "crowd",
    ];
    CROWDS
        .contains(&parsed.form(word).to_lowercase().as_str())
        .then(|| country_named_by(parsed, word, country, Some("CVL")))
}

/// Whether an agent noun names armed men known only by what they did ("gunmen", "armed men",
/// "the attackers"): they are of no country by where they act, while insurgents, militants
/// and gangs of a place are that place's own ("Islamist insurgents overran a base in Borno"
/// -> NGAREB).
fn is_unidentified_assailant(parsed: &Parsed, mention: &Mention) -> bool {
    const ASSAILANTS: [&str; 5] = ["gunman", "gunmen", "attacker", "assailant", "bomber"];
    let head = parsed.lemma(mention.end - 1).to_lowercase();
    let armed_men = mention.end - mention.start == 2
        && parsed.form(mention.start).eq_ignore_ascii_case("armed")
        && matches!(head.as_str(), "man" | "men");
    armed_men || ASSAILANTS.contains(&head.as_str())
}

/// Whether a one-word name runs on into a name the knowledge base does not know: "Abbas
/// Araqchi" is not Mahmoud Abbas ("President Abbas" and "Abbas on Monday" still are).
fn runs_into_another_name(parsed: &Parsed, mention: &Mention) -> bool {
    if mention.end - mention.start != 1 {
        return false;
    }
    let unknown_name = |word: usize| {
        word < parsed.len()
            && parsed.upos(word) == "PROPN"
            // "Mr. Anutin": a title or an initial is no name.
            && !parsed.form(word).ends_with('.')
            && !matches!(parsed.form(word), "Mr" | "Mrs" | "Ms" | "Dr" | "Sir" | "Dame")
            && parsed.form(word).starts_with(char::is_uppercase)
            && dyad_core::calendar::weekday_number(parsed.form(word)).is_none()
            && dyad_core::calendar::month_number(parsed.form(word)).is_none()
            && parsed.mentions_at(word).next().is_none()
    };
    unknown_name(mention.end) || mention.start.checked_sub(1).is_some_and(unknown_name)
}

/// Whether the mention names the country of a currency ("Canadian dollars", "U.S. dollar").
fn names_a_currency(parsed: &Parsed, mention: &Mention) -> bool {
    const CURRENCIES: [&str; 18] = [
        "dollar", "euro", "yuan", "renminbi", "yen", "pound", "rouble", "ruble", "rupee", "peso",
        "franc", "won", "lira", "rand", "shekel", "dinar", "riyal", "dirham",
    ];
    let last = mention.end - 1;
    let modified = parsed.heads[last].filter(|&head| head >= mention.end);
    let next = (mention.end < parsed.len()).then_some(mention.end);
    [modified, next]
        .into_iter()
        .flatten()
        .filter(|&word| parsed.upos(word) == "NOUN")
        .any(|word| CURRENCIES.contains(&parsed.lemma(word).trim_end_matches('s')))
}

fn evidence(parsed: &Parsed, mentions: &[&Mention]) -> (String, usize, usize) {
    let first = mentions.iter().map(|m| m.start).min().unwrap_or(0);
    let last = mentions.iter().map(|m| m.end).max().unwrap_or(1) - 1;
    let (start, end) = parsed.span(first, last);
    (parsed.text[start..end].to_string(), start, end)
}

fn split_code(code: &str) -> (Option<String>, Option<String>) {
    if code.starts_with("IGO") || code.starts_with("NGO") || code.len() < 3 {
        return (None, None);
    }
    let country = Some(code[..3].to_string());
    let sector = (code.len() > 3).then(|| code[3..].to_string());
    (country, sector)
}

fn person(parsed: &Parsed, kb: &Kb, found: &[&Mention], day: Day) -> Option<Actor> {
    for mention in found {
        if runs_into_another_name(parsed, mention) {
            continue;
        }
        // A name shared by several people (a surname) is used only when one of them holds a
        // role on the day.
        let holders: Vec<_> = mention
            .referents
            .iter()
            .filter_map(|r| match r {
                Referent::Person(id) => kb.person(id),
                _ => None,
            })
            .filter_map(|p| p.role_on(day).map(|role| (p, role)))
            .collect();
        let holders = distinguished_by_title(parsed, mention, holders);
        if let [(person, role)] = holders[..] {
            let (text, start, end) = evidence(parsed, &[mention]);
            let (country, sector) = split_code(&role.code);
            return Some(Actor {
                text,
                start,
                end,
                entity: Some(person.id.clone()),
                name: Some(person.name.clone()),
                code: role.code.clone(),
                country,
                sector,
                person: true,
            });
        }
    }
    None
}

/// Of several people a name may mean on the day, the one whose office the title before the
/// name states ("Defence Minister Pedro Sanchez" is Colombia's, not Spain's prime minister),
/// else the one who heads a state or government, as the name alone most often means.
fn distinguished_by_title<'k>(
    parsed: &Parsed,
    mention: &Mention,
    holders: Vec<(&'k dyad_kb::Person, &'k dyad_kb::Role)>,
) -> Vec<(&'k dyad_kb::Person, &'k dyad_kb::Role)> {
    if holders.len() < 2 {
        return holders;
    }
    let title: Vec<String> = (mention.start.saturating_sub(4)..mention.start)
        .map(|w| parsed.form(w).to_lowercase().replace("defense", "defence"))
        .collect();
    let titled = |role: &dyad_kb::Role| {
        role.office
            .split_whitespace()
            .all(|word| title.iter().any(|t| t == word))
    };
    let by_title: Vec<_> = holders.iter().copied().filter(|(_, r)| titled(r)).collect();
    if by_title.len() == 1 {
        return by_title;
    }
    let heads: Vec<_> = holders
        .iter()
        .copied()
        .filter(|(_, r)| {
            matches!(
                r.office.as_str(),
                "president" | "prime minister" | "chancellor" | "king" | "head of state"
            )
        })
        .collect();
    if heads.len() == 1 { heads } else { holders }
}

fn organisation(parsed: &Parsed, kb: &Kb, found: &[&Mention]) -> Option<Actor> {
    for mention in found {
        for referent in &mention.referents {
            if let Referent::Organisation(id) = referent
                && let Some(org) = kb.organisation(id)
            {
                let (text, start, end) = evidence(parsed, &[mention]);
                let (country, sector) = split_code(&org.code);
                return Some(Actor {
                    text,
                    start,
                    end,
                    entity: Some(org.id.clone()),
                    name: Some(org.name.clone()),
                    code: org.code.clone(),
                    country: org.country.clone().or(country),
                    sector,
                    person: false,
                });
            }
        }
    }
    None
}

fn country(parsed: &Parsed, found: &[&Mention]) -> Option<Actor> {
    let mut place: Option<(&Mention, &str, CountryName)> = None;
    // A city or region stands for its country only when no country is named ("in the
    // Congolese city of Goma" is Congo by its demonym either way).
    let mut inside: Option<(&Mention, &str, CountryName)> = None;
    let mut agent: Option<(&Mention, &str)> = None;
    for mention in found {
        // "20 billion Canadian dollars' worth of American steel": a currency is no actor.
        if names_a_currency(parsed, mention) || names_a_border(parsed, mention) {
            continue;
        }
        for referent in &mention.referents {
            match referent {
                Referent::Country { code, how } if place.is_none() => {
                    place = Some((mention, code, *how));
                }
                Referent::Place { country } if inside.is_none() => {
                    inside = Some((mention, country, CountryName::Name));
                }
                Referent::Agent(sector) if agent.is_none() => agent = Some((mention, sector)),
                _ => {}
            }
        }
    }
    // "Sri Lanka immediately free 27 Indian fishermen" taken as one phrase: the country
    // right before the agent noun is its own.
    let adjacent = agent.and_then(|(agent_mention, _)| {
        found.iter().find_map(|m| {
            (m.end == agent_mention.start).then_some(())?;
            m.referents.iter().find_map(|r| match r {
                Referent::Country { code, how } => Some((*m, code.as_str(), *how)),
                _ => None,
            })
        })
    });
    let (place_mention, code, how) = adjacent.or(place).or(inside)?;
    // "protesters in Nairobi": a capital after the agent noun is where they are, not the
    // government it stands for before a verb ("Nairobi said").
    let capital_as_place =
        agent.is_some_and(|(agent_mention, _)| place_mention.start > agent_mention.start);
    let sector = match how {
        CountryName::Capital | CountryName::GovernmentSeat if !capital_as_place => Some("GOV"),
        CountryName::MilitarySeat if !capital_as_place => Some("MIL"),
        _ => agent.map(|(_, sector)| sector),
    };
    let mut used = vec![place_mention];
    if let Some((agent_mention, _)) = agent
        && (capital_as_place || matches!(how, CountryName::Name | CountryName::Demonym))
    {
        used.push(agent_mention);
    }
    let (text, start, end) = evidence(parsed, &used);
    let mut actor = Actor::of_country(text, (start, end), code, sector);
    // "Malaysia's foreign minister said his country ...": one holder of an office is a
    // person whom "he" and "his" may refer to.
    actor.person =
        agent.is_some_and(|(agent_mention, _)| names_an_office_holder(parsed, agent_mention));
    Some(actor)
}

/// Whether an agent noun names one holder of an office ("foreign minister", "army chief"),
/// not a body or a group ("foreign ministry", "troops").
fn names_an_office_holder(parsed: &Parsed, mention: &Mention) -> bool {
    const OFFICES: [&str; 20] = [
        "minister",
        "president",
        "premier",
        "leader",
        "chief",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "envoy",
        "ambassador",
        "secretary",
        "chancellor",
        "king",
        "queen",
        "general",
        "commander",
        "governor",
        "mayor",
        "senator",
        "prosecutor",
    ];
    let head = mention.end - 1;
    parsed.xpos(head) == "NN" && OFFICES.contains(&parsed.lemma(head))
}
