//! The coder: for each predicate of a parsed sentence, the most specific knowledge-base pattern
//! whose frame is there, with source and target read from the syntactic roles (active and
//! passive, xcomp chains, nominal events), the modality and the date.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use dyad_core::Doc;
use dyad_kb::{Day, Kb, Pattern};
use dyad_resolve::Gazetteer;

use crate::actors::{
    Actor, actor_of, actors_named, actors_of, agent_sector, country_named_by, located_agent,
    sole_country, titled_official,
};
use crate::dates::{Tense, date_of};
use crate::event::{Action, Event, Plover};
use crate::explain::{Notes, SentenceExplanation};
use crate::modality::{
    is_condition, is_participle_after_comma, is_prevented, is_purpose, is_stated_intent,
    modality_of,
};
use crate::parsed::{Parsed, names_a_time};

/// A coder over one knowledge base.
pub struct Coder {
    kb: Kb,
    gazetteer: Gazetteer,
    /// Verb lemma -> patterns, most specific first.
    by_verb: HashMap<String, Vec<usize>>,
    /// Noun lemma -> patterns without a verb, most specific first.
    by_noun: HashMap<String, Vec<usize>>,
    version: String,
}

/// What holds for every sentence of an article: its publication date and, when the article
/// opens with a dateline ("TBILISI, Oct 5 (Reuters) -"), the dateline's country.
struct Setting {
    published: NaiveDate,
    dateline: Option<String>,
}

impl Setting {
    /// The publication date as the knowledge base's roles are dated.
    fn day(&self) -> Day {
        Day {
            year: chrono::Datelike::year(&self.published),
            month: chrono::Datelike::month(&self.published) as u8,
            day: chrono::Datelike::day(&self.published) as u8,
        }
    }
}

/// What a pattern found in a sentence.
struct Frame {
    pattern: usize,
    /// The predicate word (verb or event noun).
    predicate: usize,
    /// The event noun, when the pattern has one.
    noun: Option<usize>,
    source: Vec<usize>,
    target: Vec<usize>,
    /// A more specific code read from the act the predicate asks for, promises or refuses.
    cameo: Option<String>,
    /// The governing verb a pattern-less frame was made for ("agree" in "agreed to meet"),
    /// named in the event's `pattern`.
    governor: Option<String>,
    /// The target words of the act a governing verb folded in, read when the frame's own
    /// name nobody: "warned that the bloc would impose sanctions on Georgian officials".
    governed_target: Vec<usize>,
}

impl Frame {
    /// The frame of `pattern` on `predicate`, coded by the pattern's own code.
    fn new(
        pattern: usize,
        predicate: usize,
        noun: Option<usize>,
        source: Vec<usize>,
        target: Vec<usize>,
    ) -> Frame {
        Frame {
            pattern,
            predicate,
            noun,
            source,
            target,
            cameo: None,
            governor: None,
            governed_target: Vec::new(),
        }
    }
}

impl Coder {
    /// Prepares `kb` for coding.
    pub fn new(kb: Kb) -> Coder {
        let gazetteer = Gazetteer::new(&kb);
        let mut by_verb: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_noun: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, pattern) in kb.patterns().iter().enumerate() {
            match (&pattern.verb, &pattern.noun) {
                (Some(verb), _) => by_verb.entry(verb.clone()).or_default().push(index),
                (None, Some(noun)) => by_noun.entry(noun.clone()).or_default().push(index),
                (None, None) => {}
            }
        }
        let patterns = kb.patterns();
        for list in by_verb.values_mut().chain(by_noun.values_mut()) {
            list.sort_by_key(|&i| std::cmp::Reverse(patterns[i].specificity()));
        }
        let version = format!(
            "dyad-coder {} kb {}",
            env!("CARGO_PKG_VERSION"),
            kb.version()
        );
        Coder {
            kb,
            gazetteer,
            by_verb,
            by_noun,
            version,
        }
    }

    /// The coder's version with its knowledge base's ("dyad-coder 0.1.0 kb 1a2b..."), as
    /// every event records it.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The knowledge base it codes with.
    pub fn kb(&self) -> &Kb {
        &self.kb
    }

    /// Codes every sentence of an annotated document published on `published`.
    pub fn code(&self, article_id: &str, doc: &Doc, published: NaiveDate) -> Vec<Event> {
        self.run(article_id, doc, published, false).0
    }

    /// Codes the document as [`Coder::code`] does and says, sentence by sentence, what the
    /// parse and the names were and why each event was or was not produced.
    pub fn explain(&self, doc: &Doc, published: NaiveDate) -> Vec<SentenceExplanation> {
        self.run("explain", doc, published, true).1
    }

    fn run(
        &self,
        article_id: &str,
        doc: &Doc,
        published: NaiveDate,
        explain: bool,
    ) -> (Vec<Event>, Vec<SentenceExplanation>) {
        let mut setting = Setting {
            published,
            dateline: None,
        };
        let day = setting.day();
        let mut events = Vec::new();
        let mut explanations = Vec::new();
        // People and organisations named so far, sentence by sentence, for pronouns and
        // definite descriptions.
        let mut recent: Vec<Vec<Actor>> = Vec::new();
        for (index, sentence) in doc.sentences.iter().enumerate() {
            let parsed = Parsed::new(doc, sentence, &self.gazetteer);
            if index == 0 {
                setting.dateline = dateline_country(&parsed);
            }
            // A BANGKOK dateline on a story about Myanmar says nothing of where its acts
            // happen: once the article names another country, the dateline no longer places
            // its people.
            let other_country = setting
                .dateline
                .as_deref()
                .is_some_and(|d| index > 0 && names_another_country(&parsed, d));
            let sentence_text = sentence.span.of(&doc.text);
            let mut notes = if explain { Notes::on() } else { Notes::off() };
            let first_event = events.len();
            let mut seen = HashSet::new();
            // (predicate, root, source and target countries) of the events coded here.
            type Coded = (usize, String, Vec<Option<String>>, Vec<Option<String>>);
            let mut coded: Vec<Coded> = Vec::new();
            // The people this sentence names count for its own later pronouns ("Macron began
            // his tour in Kenya, where he signed ...").
            let named = actors_named(&parsed, &self.kb, day, &recent, setting.dateline.as_deref());
            recent.push(named);
            for frame in self.frames(&parsed, &mut notes) {
                let Some(event) =
                    self.event(&parsed, &frame, &setting, &recent, &events, &mut notes)
                else {
                    continue;
                };
                let key = (
                    event.cameo.clone(),
                    codes(&event.source),
                    codes(&event.target),
                );
                // "said he would not step down, rejecting calls for his resignation": a
                // participle after a comma that tells the act of the clause it hangs on again
                // (same root, same actors) is that act.
                // Of disapproval, of the same kind to three digits: "summoned the envoy ...,
                // accusing Minsk" is a complaint and an accusation, two acts.
                let kind = if event.cameo.starts_with("11") { 3 } else { 2 };
                let root = event.cameo.get(..kind).unwrap_or("").to_string();
                let countries =
                    |actors: &[Actor]| actors.iter().map(|a| a.country.clone()).collect::<Vec<_>>();
                let (sources, targets) = (countries(&event.source), countries(&event.target));
                // "police fired tear gas to disperse crowds": so does an act's purpose.
                let hung_on = parsed.heads[frame.predicate].filter(|_| {
                    is_participle_after_comma(&parsed, frame.predicate)
                        || is_purpose(&parsed, frame.predicate)
                });
                let restates = coded.iter().any(|(predicate, r, s, t)| {
                    // On the act itself, or on the verb of saying that tells it.
                    let joined = hung_on.is_some_and(|head| {
                        head == *predicate
                            || (parsed.heads[*predicate] == Some(head)
                                && parsed.relation(*predicate) == "ccomp")
                    });
                    joined && *r == root && *s == sources && *t == targets
                });
                if restates {
                    notes.add(|| {
                        format!(
                            "\"{}\": tells again the act of the clause it hangs on; kept once",
                            event.action.text
                        )
                    });
                    continue;
                }
                coded.push((frame.predicate, root, sources, targets));
                let claim = self.claim_of_responsibility(&parsed, frame.predicate, &event, day);
                if seen.insert(key) {
                    events.push(Event {
                        event_id: event_id(article_id, index, &event),
                        article_id: article_id.to_string(),
                        sentence_index: index,
                        sentence: sentence_text.to_string(),
                        ..event
                    });
                    if let Some(claim) = claim {
                        events.push(Event {
                            event_id: event_id(article_id, index, &claim),
                            article_id: article_id.to_string(),
                            sentence_index: index,
                            sentence: sentence_text.to_string(),
                            ..claim
                        });
                    }
                } else {
                    notes.add(|| {
                        format!(
                            "\"{}\": same code and actors as an event already coded here; kept once",
                            event.action.text
                        )
                    });
                }
            }
            if explain {
                explanations.push(SentenceExplanation::new(
                    index,
                    sentence_text,
                    &parsed,
                    notes.take(),
                    events[first_event..].to_vec(),
                ));
            }
            // "On Sunday, Dar called on ...": who the events here resolved a lone surname or a
            // pronoun to is named here for the sentences after.
            if let Some(named) = recent.last_mut() {
                for actor in events[first_event..]
                    .iter()
                    .flat_map(|e| e.source.iter().chain(&e.target))
                {
                    let known = named
                        .iter()
                        .any(|n| n.start == actor.start && n.code == actor.code);
                    let in_sentence = actor.start >= sentence.span.start;
                    // "Myanmar's military carried out air strikes ... called on the military
                    // to halt": a state body an event named is named for "the military".
                    let state_body = actor.entity.is_none()
                        && actor.country.is_some()
                        && matches!(actor.sector.as_deref(), Some("GOV" | "MIL" | "COP"));
                    let person = actor.person && actor.entity.is_some();
                    if (person || state_body) && !known && in_sentence {
                        named.push(actor.clone());
                    }
                }
                named.sort_by_key(|a| a.start);
            }
            if recent.last().is_some_and(Vec::is_empty) {
                recent.pop();
            }
            if other_country {
                setting.dateline = None;
            }
        }
        (events, explanations)
    }

    /// Every pattern frame found in the sentence, in word order.
    fn frames(&self, parsed: &Parsed, notes: &mut Notes) -> Vec<Frame> {
        let mut frames = Vec::new();
        let mut used_nouns = HashSet::new();
        // "United" in "the United States" is part of a name, whatever its tag.
        let in_name = |word: usize| {
            parsed
                .mentions_at(word)
                .any(|m| m.end - m.start > 1 && !is_agent_only(m))
        };
        for word in 0..parsed.len() {
            if in_name(word) {
                continue;
            }
            if parsed.upos(word) == "VERB"
                && let Some(frame) = self.verb_frame(parsed, word, notes)
            {
                used_nouns.extend(frame.noun);
                frames.push(frame);
            }
        }
        for word in 0..parsed.len() {
            let noun = matches!(parsed.upos(word), "NOUN" | "PROPN");
            if noun
                && !in_name(word)
                && !used_nouns.contains(&word)
                && let Some(frame) = self.noun_frame(parsed, word, notes)
            {
                frames.push(frame);
            }
        }
        frames.sort_by_key(|f| f.predicate);
        self.drop_purposes_of_visits(parsed, &mut frames, notes);
        self.drop_purposes_of_protests(parsed, &mut frames, notes);
        drop_noting(
            parsed,
            &mut frames,
            notes,
            |f| is_counterfactual(parsed, f.predicate),
            "what would have happened, and did not",
        );
        self.drop_restated_nouns(parsed, &mut frames, notes);
        self.drop_consequences(parsed, &mut frames, notes);
        self.drop_alleged_acts(parsed, &mut frames, notes);
        self.drop_denials_of_acts(parsed, &mut frames, notes);
        drop_noting(
            parsed,
            &mut frames,
            notes,
            |f| reported_by_a_noun(parsed, f.predicate).is_some(),
            "what reports or allegations say, not asserted by the text",
        );
        drop_noting(
            parsed,
            &mut frames,
            notes,
            |f| is_asked_for(parsed, f.predicate),
            "what a call or demand asks for, not an act",
        );
        drop_noting(
            parsed,
            &mut frames,
            notes,
            |f| is_content_of_agreement(parsed, f.predicate),
            "what an agreement provides for, coded as that agreement",
        );
        let mut frames = self.fold_complements(parsed, frames, notes);
        // "declined to comment on the report": not answering is no rejection of anyone.
        let no_comment = |f: &Frame| {
            let said = |v: &str| {
                matches!(
                    v,
                    "comment" | "confirm" | "elaborate" | "discuss" | "disclose" | "specify"
                )
            };
            // "The group has not commented on the abductions" says nothing either.
            let declined = matches!(f.governor.as_deref(), Some("decline" | "refuse"))
                || (f.governor.is_none() && modality_of(parsed, f.predicate).0 == "negated");
            declined
                && self.kb.patterns()[f.pattern]
                    .verb
                    .as_deref()
                    .is_some_and(said)
        };
        drop_noting(
            parsed,
            &mut frames,
            notes,
            no_comment,
            "declining to comment, or not commenting, is no act",
        );
        self.orders_of_acts(parsed, &mut frames, notes);
        frames
    }

    /// "ordered two Chinese diplomats to leave the country", "ordered a dozen embassy staff
    /// out of the country": an order to leave is an expulsion, of diplomats a cut in
    /// relations (161), of others an expulsion of people (174). "ordered the expulsion of the
    /// envoy": the act ordered is the event, coded from its noun.
    fn orders_of_acts(&self, parsed: &Parsed, frames: &mut Vec<Frame>, notes: &mut Notes) {
        let is_order = |f: &Frame| {
            self.kb.patterns()[f.pattern].cameo == "100" && parsed.lemma(f.predicate) == "order"
        };
        let nouns_with_frames: Vec<usize> = frames
            .iter()
            .filter(|f| f.noun == Some(f.predicate))
            .map(|f| f.predicate)
            .collect();
        let predicate_codes: Vec<(usize, String)> = frames
            .iter()
            .map(|f| (f.predicate, self.kb.patterns()[f.pattern].cameo.clone()))
            .collect();
        // The ordered acts coded as the order itself.
        let mut told_by_the_order = Vec::new();
        for frame in frames.iter_mut().filter(|f| is_order(f)) {
            let verb = frame.predicate;
            // "to leave" on the verb, or on its object as the parser often hangs it.
            let objects: Vec<usize> = parsed.children_with(verb, "obj").collect();
            // The clauses of what is ordered, also past a clause on the object the parser hung
            // them on ("ordered two aid groups working in the region to halt their operations
            // and leave"), with those joined to them.
            let mut ordered: Vec<usize> = parsed
                .children_with(verb, "xcomp")
                .chain(parsed.children_with(verb, "advcl"))
                .chain(objects.iter().flat_map(|&o| parsed.children_with(o, "acl")))
                .collect();
            let deeper: Vec<usize> = ordered
                .iter()
                .flat_map(|&c| {
                    parsed
                        .children_with(c, "advcl")
                        .chain(parsed.children_with(c, "xcomp"))
                })
                .collect();
            ordered.extend(deeper);
            let joined: Vec<usize> = ordered
                .iter()
                .flat_map(|&c| parsed.children_with(c, "conj"))
                .collect();
            ordered.extend(joined);
            let to_leave = ordered
                .iter()
                .copied()
                .find(|&x| parsed.lemma(x) == "leave");
            // "ordered the UN humanitarian office to halt its operations in Kidal": an aid
            // body ordered to stop its work is expelled too.
            let halting = ordered
                .iter()
                .copied()
                .find(|&x| {
                    matches!(
                        parsed.lemma(x),
                        "halt" | "stop" | "cease" | "suspend" | "end"
                    )
                })
                .filter(|&x| {
                    parsed
                        .children_with(x, "obj")
                        .any(|o| matches!(parsed.lemma(o), "operation" | "activity" | "work"))
                });
            let aid_body = objects.iter().any(|&o| {
                matches!(
                    parsed.lemma(o),
                    "office"
                        | "agency"
                        | "group"
                        | "organisation"
                        | "organization"
                        | "charity"
                        | "mission"
                        | "ngo"
                )
            });
            let to_leave = to_leave.or(halting.filter(|_| aid_body));
            // "out" as a particle, or as the first word of "out of the country".
            let out = std::iter::once(verb)
                .chain(objects.iter().copied())
                .flat_map(|w| parsed.children[w].iter().copied())
                .flat_map(|c| std::iter::once(c).chain(parsed.children_with(c, "case")))
                .any(|c| parsed.lemma(c) == "out" && c > verb);
            if to_leave.is_none() && !out {
                let acts = acts_of_forces_ordered(parsed, verb, &predicate_codes);
                let deployed = !acts.is_empty();
                // Whether or not the order was folded with the act as a demand (102).
                let demand = frame.cameo.as_deref().is_none_or(|c| c.starts_with("10"));
                if deployed && demand {
                    told_by_the_order.extend(
                        acts.iter()
                            .filter(|&&x| predicate_codes.iter().any(|&(p, _)| p == x)),
                    );
                    notes.add(|| {
                        format!(
                            "\"{}\": troops ordered out, a deployment (154)",
                            parsed.form(verb)
                        )
                    });
                    frame.cameo = Some("154".to_string());
                    // The troops are the deployed, not whom it is aimed at.
                    frame.target.clear();
                }
                continue;
            }
            told_by_the_order.extend(to_leave);
            // "ordered 12 Algerian consular and diplomatic officials to leave", with the
            // parser's object "consular": any of the joined objects.
            let objects: Vec<usize> = parsed
                .children_with(verb, "obj")
                .flat_map(|object| parsed.with_conjuncts(object))
                .collect();
            let diplomats = objects.into_iter().any(|object| {
                matches!(
                    parsed.lemma(object),
                    "diplomat"
                        | "ambassador"
                        | "envoy"
                        | "staff"
                        | "official"
                        | "attache"
                        | "consul"
                        | "employee"
                        | "personnel"
                )
            });
            let code = if diplomats {
                "161"
            } else if aid_body {
                "1663"
            } else {
                "174"
            };
            notes.add(|| {
                format!(
                    "\"{}\": an order to leave, an expulsion ({code})",
                    parsed.form(verb)
                )
            });
            frame.cameo = Some(code.to_string());
        }
        let ordered_act = |f: &Frame| {
            is_order(f)
                && f.cameo.is_none()
                && parsed
                    .children_with(f.predicate, "obj")
                    .any(|object| nouns_with_frames.contains(&object))
        };
        drop_noting(
            parsed,
            frames,
            notes,
            |f| told_by_the_order.contains(&f.predicate) || ordered_act(f),
            "part of an order, coded as the act ordered",
        );
    }

    /// "accused the Philippines of ramming a vessel": the ramming is what the accusation
    /// alleges, coded once as the accusation.
    fn drop_alleged_acts(&self, parsed: &Parsed, frames: &mut Vec<Frame>, notes: &mut Notes) {
        let accusations = predicates_of(frames, |f| {
            self.kb.patterns()[f.pattern].cameo.starts_with("11")
        });
        let complaints = predicates_of(frames, |f| {
            self.kb.patterns()[f.pattern].cameo.starts_with("114")
        });
        // "accusing him of helping to organise sabotage": what the alleged act's open
        // complements say is alleged too.
        let alleged = |f: &Frame| {
            let mut at = f.predicate;
            while parsed.relation(at) == "xcomp"
                && let Some(head) = parsed.heads[at]
            {
                at = head;
            }
            // "summoned the envoy ..., accusing Minsk of ...": an accusation hung on a formal
            // complaint is an act of its own, not what the complaint alleges.
            let accuses = self.kb.patterns()[f.pattern].cameo.starts_with("11")
                && at == f.predicate
                && parsed.heads[at].is_some_and(|h| complaints.contains(&h));
            matches!(parsed.relation(at), "advcl" | "acl" | "xcomp")
                && parsed.xpos(at) == "VBG"
                && !accuses
                && parsed.heads[at].is_some_and(|h| accusations.contains(&h))
        };
        drop_noting(
            parsed,
            frames,
            notes,
            alleged,
            "what the accusation it hangs on alleges; coded as that accusation",
        );
    }

    /// "denied that its artillery had shelled civilian areas": the denied act is coded,
    /// negated, and the denial is not coded on its own (a denial of a charge, "denied the
    /// allegations", still is).
    fn drop_denials_of_acts(&self, parsed: &Parsed, frames: &mut Vec<Frame>, notes: &mut Notes) {
        // "denied that its troops had fired", "denied attacking the patrol".
        let governed: Vec<usize> = frames
            .iter()
            .filter(|f| matches!(parsed.relation(f.predicate), "ccomp" | "xcomp"))
            .filter_map(|f| parsed.heads[f.predicate])
            .collect();
        let denial_of_act = |f: &Frame| {
            parsed.lemma(f.predicate) == "deny"
                && self.kb.patterns()[f.pattern].cameo == "016"
                && governed.contains(&f.predicate)
        };
        drop_noting(
            parsed,
            frames,
            notes,
            denial_of_act,
            "denies an act, which is coded negated in its place",
        );
    }

    /// "rammed a car into a convoy, killing 13 soldiers": the killing is what the attack did,
    /// one act of force, coded once as the attack.
    fn drop_consequences(&self, parsed: &Parsed, frames: &mut Vec<Frame>, notes: &mut Notes) {
        let code_of = |f: &Frame| self.kb.patterns()[f.pattern].cameo.as_str();
        // Force, or violent repression ("fired tear gas ..., injuring 20 people").
        let force = |f: &Frame| {
            let code = code_of(f);
            ("18".."21").contains(&code) || code.starts_with("175")
        };
        // What an attack or a clash did includes the violence of a riot ("attacked a police
        // station, setting it on fire").
        let done = |f: &Frame| force(f) || code_of(f).starts_with("145");
        let attacks = predicates_of(frames, force);
        drop_participle_clauses(
            parsed,
            frames,
            notes,
            (|h| attacks.contains(&h), done),
            &["advcl"],
            "what the attack it follows did; coded as that attack",
        );
        // "imposed sanctions on six commanders, freezing their assets and barring them from
        // entering": what a sanction holds is that sanction.
        let sanctions = predicates_of(frames, |f| code_of(f).starts_with("16"));
        drop_participle_clauses(
            parsed,
            frames,
            notes,
            (
                // Or on a participle that does ("freezing ... and barring ...").
                |h| {
                    sanctions.contains(&h)
                        || (parsed.xpos(h) == "VBG"
                            && parsed.relation(h) == "advcl"
                            && parsed.heads[h].is_some_and(|g| sanctions.contains(&g)))
                },
                |f: &Frame| matches!(code_of(f).get(..2), Some("16" | "17")),
            ),
            &["advcl", "conj"],
            "what the sanction it follows holds; coded as that sanction",
        );
        // "a helicopter crashed off Queensland, killing a sailor": what an accident did, with
        // no act behind it.
        let acts = predicates_of(frames, |_| true);
        drop_participle_clauses(
            parsed,
            frames,
            notes,
            (|h| parsed.upos(h) == "VERB" && !acts.contains(&h), force),
            &["advcl"],
            "what an event that is no act did; not coded",
        );
    }

    /// "will travel to Tokyo for talks with Ishiba": the talks are what the visit is for, one
    /// meeting, coded once as the visit.
    fn drop_purposes_of_visits(&self, parsed: &Parsed, frames: &mut Vec<Frame>, notes: &mut Notes) {
        let cameo = |f: &Frame| self.kb.patterns()[f.pattern].cameo.as_str();
        let meeting = |f: &Frame| cameo(f).starts_with("04");
        let visits = predicates_of(frames, |f| f.noun.is_none() && meeting(f));
        let purpose = |f: &Frame| {
            f.noun == Some(f.predicate)
                && meeting(f)
                && parsed.preposition(f.predicate) == Some("for")
                && parsed.heads[f.predicate].is_some_and(|h| visits.contains(&h))
        };
        // "will travel to Moscow next week to brief Mr. Putin": so is a meeting or briefing
        // the visit is made to hold.
        let briefing = |f: &Frame| meeting(f) || cameo(f) == "064";
        let purpose = |f: &Frame| {
            purpose(f)
                || (f.noun.is_none()
                    && briefing(f)
                    && matches!(parsed.relation(f.predicate), "advcl" | "xcomp")
                    && parsed
                        .children_with(f.predicate, "mark")
                        .any(|m| parsed.lemma(m) == "to")
                    && parsed.heads[f.predicate].is_some_and(|h| visits.contains(&h)))
        };
        drop_noting(
            parsed,
            frames,
            notes,
            purpose,
            "the purpose of the visit it hangs on; coded as that visit",
        );
        // "Ruto hosted Abiy Ahmed ..., the first visit by an Ethiopian leader to Kenya": a
        // visit named beside a visit or hosting told by a verb is that one.
        let told_by_verb = frames
            .iter()
            .any(|f| f.noun.is_none() && matches!(cameo(f), "042" | "043" | "044"));
        drop_noting(
            parsed,
            frames,
            notes,
            |f| told_by_verb && f.noun == Some(f.predicate) && cameo(f) == "042",
            "a visit a verb of the sentence tells; coded as that",
        );
    }

    /// "blocked roads with burning tyres to protest against power cuts", "began a strike to
    /// press the government to reverse ...": what a protest is held to say or demand is that
    /// protest, coded once.
    fn drop_purposes_of_protests(
        &self,
        parsed: &Parsed,
        frames: &mut Vec<Frame>,
        notes: &mut Notes,
    ) {
        // The verb or noun of a protest ("a strike to press ..."), of a deployment ("ordered
        // the army into the streets to fight drug gangs") or of a diplomatic complaint or
        // sanction ("summoned the Algerian ambassador to protest against ..."), with its root.
        let hosts: Vec<(usize, String)> = frames
            .iter()
            .filter(|f| matches!(self.root_of(f).as_str(), "11" | "14" | "15" | "16"))
            .flat_map(|f| [Some(f.predicate), f.noun].map(|w| w.map(|w| (w, self.root_of(f)))))
            .flatten()
            .collect();
        let host_of = |word: usize| -> Option<&str> {
            let to = parsed
                .children_with(word, "mark")
                .any(|m| parsed.lemma(m) == "to");
            let head = parsed.heads[word]?;
            (to && matches!(parsed.relation(word), "advcl" | "acl"))
                .then(|| {
                    hosts
                        .iter()
                        .find(|(w, _)| *w == head)
                        .map(|(_, r)| r.as_str())
                })
                .flatten()
        };
        // What the purpose clause's own verb may be: what a protest demands, or the force a
        // deployment is for.
        let held_for = |host: &str, purpose: &str| match host {
            "14" => matches!(purpose, "14" | "02" | "10"),
            "11" | "16" => matches!(purpose, "11" | "14"),
            _ => matches!(purpose, "15" | "17" | "18" | "19" | "20"),
        };
        // The purpose clause's own verb, or an act it governs ("to press the government to
        // reverse ...").
        let purpose = |f: &Frame| {
            let mut at = f.predicate;
            for _ in 0..parsed.len() {
                if let Some(host) = host_of(at) {
                    return held_for(host, &self.root_of(f)) || at != f.predicate;
                }
                match parsed.heads[at] {
                    Some(head) if is_complement(parsed, at) => at = head,
                    _ => return false,
                }
            }
            false
        };
        drop_noting(
            parsed,
            frames,
            notes,
            purpose,
            "what the protest, deployment or complaint it hangs on is for; coded as that act",
        );
    }

    /// "walked off the job in a nationwide strike", "marched in protest": an event noun that
    /// says what kind of act its verb's act is (same root, "in" or "as") is that act.
    fn drop_restated_nouns(&self, parsed: &Parsed, frames: &mut Vec<Frame>, notes: &mut Notes) {
        // "Three soldiers were killed in a Russian missile strike": a verb with no doer of
        // its own leaves the act to the noun that names one.
        let verbs: Vec<(usize, String)> = frames
            .iter()
            .filter(|f| f.noun != Some(f.predicate) && !f.source.is_empty())
            .map(|f| (f.predicate, self.root_of(f)))
            .collect();
        let restated = |f: &Frame| {
            f.noun == Some(f.predicate)
                && matches!(parsed.preposition(f.predicate), Some("in" | "as"))
                && parsed.heads[f.predicate].is_some_and(|head| {
                    verbs
                        .iter()
                        .any(|(verb, root)| *verb == head && *root == self.root_of(f))
                })
        };
        drop_noting(
            parsed,
            frames,
            notes,
            restated,
            "says what kind of act the verb it hangs on tells; coded as that act",
        );
    }

    /// "called on Georgia to free the leaders", "agreed to meet", "refused to release": the
    /// appeal, intent, demand or refusal is the event, made specific by the act it governs
    /// (020 + 084 -> 0253); the governed act is not coded on its own.
    fn fold_complements(
        &self,
        parsed: &Parsed,
        mut frames: Vec<Frame>,
        notes: &mut Notes,
    ) -> Vec<Frame> {
        self.frame_governing_verbs(parsed, &mut frames);
        let mut folded = HashSet::new();
        for index in 0..frames.len() {
            let pattern_code = &self.kb.patterns()[frames[index].pattern].cameo;
            let head_code = frames[index]
                .cameo
                .clone()
                .unwrap_or_else(|| pattern_code.clone());
            let predicate = frames[index].predicate;
            // "agreed to meet": the governing verb decides the root, whatever pattern fired on
            // it alone ("01-agree-with").
            let root =
                governing_root(parsed, predicate).unwrap_or(&head_code[..2.min(head_code.len())]);
            if !["02", "03", "10", "12", "13"].contains(&root) {
                continue;
            }
            let governed = frames
                .iter()
                .position(|f| complement_of(parsed, f.predicate) == Some(predicate))
                .or_else(|| {
                    // "threatened to impose matching tariffs" with "matching" read as a verb:
                    // through a complement verb no pattern codes.
                    frames.iter().position(|f| {
                        let Some(between) = parsed.heads[f.predicate] else {
                            return false;
                        };
                        parsed.relation(f.predicate) == "xcomp"
                            && !frames.iter().any(|g| g.predicate == between)
                            && complement_of(parsed, between) == Some(predicate)
                    })
                });
            let Some(governed) = governed else {
                // "vowed to retaliate", "vowed that Israel would face a crushing response",
                // "vowed he would not back down": a vow whose act no pattern codes.
                if head_code == "030"
                    && let Some((code, aimed_at)) = vowed_act(parsed, predicate)
                {
                    notes.add(|| {
                        format!(
                            "\"{}\": a vow of force or of not giving way ({code})",
                            parsed.form(predicate)
                        )
                    });
                    frames[index].cameo = self.most_specific_known(code);
                    frames[index].governed_target = aimed_at;
                }
                continue;
            };
            let act = &self.kb.patterns()[frames[governed].pattern].cameo;
            // "vowed to retake El Fasher", "pledged to drive the militants out": a promise of
            // force or coercion is a threat.
            let promise = matches!(parsed.lemma(predicate), "vow" | "pledge" | "promise");
            let root = if root == "03" && promise && threat_code(act).is_some() {
                "13"
            } else {
                root
            };
            if !pattern_code.starts_with(root) {
                // The pattern on the verb alone had another root: the frame becomes the
                // governing verb's, named after the act it governs.
                let code = complement_code(root, act).unwrap_or_else(|| format!("{root}0"));
                frames[index].cameo = self.most_specific_known(&code);
                frames[index].pattern = frames[governed].pattern;
                frames[index].governor = Some(parsed.lemma(predicate).to_string());
            } else if frames[index].cameo.is_none()
                && let Some(code) = complement_code(root, act)
                && let Some(known) = self.most_specific_known(&code)
            {
                frames[index].cameo = Some(known);
            }
            // "demanded that Algeria release the writer": a demand or appeal is made of the
            // governed clause's subject, not of whom its act concerns.
            let asked = matches!(root, "10" | "02") && !frames[governed].source.is_empty();
            if frames[index].target.is_empty() && asked {
                frames[index].target = frames[governed].source.clone();
            } else if frames[index].target.is_empty() {
                frames[index].target = frames[governed].target.clone();
            } else {
                frames[index].governed_target = frames[governed].target.clone();
            }
            notes.add(|| {
                format!(
                    "\"{}\" governs \"{}\" ({}): coded once, as {}",
                    parsed.form(predicate),
                    parsed.form(frames[governed].predicate),
                    self.kb.patterns()[frames[governed].pattern].id,
                    frames[index].cameo.as_deref().unwrap_or(pattern_code)
                )
            });
            folded.insert(governed);
            // "agreed to withdraw heavy weapons, release prisoners and cooperate": the acts
            // joined to the governed one are governed too, and coded with it.
            // Not a past tense joined to a bare verb: "demanded that Algeria release the writer
            // and summoned its envoy" is a summons of its own, misjoined.
            let joined = parsed.with_conjuncts(frames[governed].predicate);
            let governed_form = parsed.xpos(frames[governed].predicate);
            let same_form = |w: usize| !(parsed.xpos(w) == "VBD" && governed_form != "VBD");
            // A bare verb the parser joined to the governing verb itself ("agreed to withdraw
            // ..., release prisoners and cooperate" with "release" under "agreed") is governed
            // too: no bare verb joins a finite one.
            let bare_joined: Vec<usize> = parsed
                .with_conjuncts(predicate)
                .into_iter()
                .skip(1)
                .filter(|&w| {
                    matches!(parsed.xpos(w), "VB" | "VBP") && parsed.xpos(predicate) == "VBD"
                })
                .flat_map(|w| parsed.with_conjuncts(w))
                .collect();
            folded.extend((0..frames.len()).filter(|&i| {
                let w = frames[i].predicate;
                i != index
                    && ((joined[1..].contains(&w) && same_form(w)) || bare_joined.contains(&w))
            }));
        }
        frames
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !folded.contains(i))
            .map(|(_, f)| f)
            .collect()
    }

    /// A verb of appeal, intent, demand or refusal that no pattern codes ("agreed to meet",
    /// "refused to release") becomes the frame of the act it governs, coded by its root.
    fn frame_governing_verbs(&self, parsed: &Parsed, frames: &mut Vec<Frame>) {
        let mut added = Vec::new();
        for frame in frames.iter() {
            let Some(head) = parsed.heads[frame.predicate] else {
                continue;
            };
            if !is_complement(parsed, frame.predicate)
                || parsed.relation(frame.predicate) == "ccomp"
                || frames.iter().any(|f| f.predicate == head)
            {
                continue;
            }
            let Some(root) = governing_root(parsed, head) else {
                continue;
            };
            let act = &self.kb.patterns()[frame.pattern].cameo;
            let code = complement_code(root, act).or_else(|| Some(format!("{root}0")));
            added.push(Frame {
                cameo: code.and_then(|c| self.most_specific_known(&c)),
                governor: Some(parsed.lemma(head).to_string()),
                ..Frame::new(
                    frame.pattern,
                    head,
                    None,
                    subject_of(parsed, head),
                    Vec::new(),
                )
            });
        }
        frames.extend(added);
        frames.sort_by_key(|f| f.predicate);
    }

    /// Whether `verb` is a participle before the noun it modifies that only describes it: a
    /// past participle ("a negotiated settlement"), not a finite verb the parser hung on its
    /// object ("mediated talks"); a present one before a noun that names no act ("the ruling
    /// party"), not the light verb of one ("before holding talks").
    fn describes_its_noun(&self, parsed: &Parsed, verb: usize) -> bool {
        let Some(noun) = parsed.heads[verb].filter(|&noun| noun > verb) else {
            return false;
        };
        if parsed.relation(verb) != "amod" {
            return false;
        }
        match parsed.xpos(verb) {
            "VBN" => object_taken_for_head(parsed, verb).is_none(),
            "VBG" => !self.by_noun.contains_key(parsed.lemma(noun)),
            _ => false,
        }
    }

    /// The CAMEO root a frame codes: its own code when folding gave it one, else its
    /// pattern's.
    fn root_of(&self, frame: &Frame) -> String {
        let code = frame
            .cameo
            .as_deref()
            .unwrap_or(&self.kb.patterns()[frame.pattern].cameo);
        code.get(..2).unwrap_or("").to_string()
    }

    /// Whether `noun` names an attack (a noun with a pattern of root 18, 19 or 20: "strike",
    /// "bombing", "raid").
    fn names_an_attack(&self, parsed: &Parsed, noun: usize) -> bool {
        parsed.upos(noun) == "NOUN"
            && self
                .by_noun
                .get(parsed.lemma(noun))
                .is_some_and(|patterns| {
                    patterns.iter().any(|&index| {
                        let cameo = &self.kb.patterns()[index].cameo;
                        matches!(cameo.get(..2), Some("18" | "19" | "20"))
                    })
                })
    }

    /// `code` if the knowledge base has it, else its three-digit parent.
    fn most_specific_known(&self, code: &str) -> Option<String> {
        [code, &code[..3.min(code.len())]]
            .into_iter()
            .find(|c| self.kb.cameo(c).is_some())
            .map(str::to_string)
    }

    fn verb_frame(&self, parsed: &Parsed, verb: usize, notes: &mut Notes) -> Option<Frame> {
        let lemma = parsed.lemma(verb);
        // "a negotiated settlement", "captured soldiers", "bargaining chips": a participle
        // before a noun describes it; it tells no act of its own (unless the noun is an
        // act it is the light verb of: "before holding talks").
        if self.describes_its_noun(parsed, verb) {
            notes.add(|| {
                format!(
                    "verb \"{}\": a participle describing the noun after it; not an act",
                    parsed.form(verb)
                )
            });
            return None;
        }
        // "called the ruling regrettable", "described the unrest as treasonous": naming a
        // thing by a word of censure criticises it.
        if let Some(frame) = self.censure_frame(parsed, verb, notes) {
            return Some(frame);
        }
        // "calling the criticism unfair", "calling it legitimate and proportionate" names, it
        // does not telephone.
        if lemma == "call"
            && (calls_something_something(parsed, verb) || self.calls_a_thing(parsed, verb))
        {
            notes.add(|| {
                format!(
                    "verb \"{}\": calls something something; not an act",
                    parsed.form(verb)
                )
            });
            return None;
        }
        // "supplied Sudan's army with drones, helping the military regain ground", "sanctioned
        // for helping ship Iranian oil": a help told as what another act did, or why it was
        // done, is no act of its own.
        if lemma == "help"
            && parsed.xpos(verb) == "VBG"
            && matches!(parsed.relation(verb), "advcl" | "acl")
        {
            notes.add(|| {
                format!(
                    "verb \"{}\": a help told as what another act did or why; not an act",
                    parsed.form(verb)
                )
            });
            return None;
        }
        // The lemmatizer sometimes drops a final "e" ("praising" -> "prais") or one of a
        // doubled consonant ("shelled" -> "shel"), or keeps one it should drop ("raided" ->
        // "raide"), or takes a prefixed irregular past for a verb of its own ("retook"); the
        // knowledge base's verbs are dictionary forms, so those repairs are tried.
        let repaired = |suffix: &str| self.by_verb.get(&format!("{lemma}{suffix}"));
        let last = lemma.chars().last().filter(|c| !"aeiouy".contains(*c));
        let Some(candidates) = self
            .by_verb
            .get(lemma)
            .or_else(|| repaired("e"))
            .or_else(|| last.and_then(|c| repaired(&c.to_string())))
            .or_else(|| {
                lemma
                    .strip_suffix('e')
                    .filter(|_| parsed.form(verb).ends_with("ed"))
                    .and_then(|stem| self.by_verb.get(stem))
            })
            .or_else(|| {
                lemma
                    .strip_suffix("took")
                    .and_then(|prefix| self.by_verb.get(&format!("{prefix}take")))
            })
        else {
            return self.event_noun_frame(parsed, verb, notes).or_else(|| {
                notes.add(|| format!("verb \"{}\" ({lemma}): no pattern", parsed.form(verb)));
                None
            });
        };
        // "whom the navy arrested" parsed with the navy as a passive subject: a past tense
        // with an object and no passive auxiliary is active.
        let mislabelled_active = parsed.child_full(verb, "aux:pass").is_none()
            && parsed
                .children_with(verb, "obj")
                .any(|o| parsed.xpos(verb) == "VBD" || is_relative_pronoun(parsed, o));
        // "a swap mediated by the United Arab Emirates", "pupils abducted by gunmen": a past
        // participle after its noun with a "by" agent is a passive whose patient is the noun.
        let reduced_passive = (parsed.xpos(verb) == "VBN"
            && parsed.full_relation(verb) == "acl"
            && parsed.children_with(verb, "obj").next().is_none()
            && !agent_of_passive(parsed, verb).is_empty())
        .then(|| parsed.heads[verb])
        .flatten()
        .filter(|&noun| noun < verb && matches!(parsed.upos(noun), "NOUN" | "PROPN"));
        let captive = captive_of(parsed, verb);
        let passive = parsed
            .child_full(verb, "nsubj:pass")
            .filter(|_| !mislabelled_active)
            .or(reduced_passive)
            .or(captive.map(|(noun, _)| noun));
        // "urged the two sides to respect the truce" parsed with "sides" as an open
        // complement: for verbs of asking, a noun there is the object.
        let asked = || {
            OBJECT_CONTROL
                .contains(&parsed.lemma(verb))
                .then(|| {
                    parsed
                        .children_with(verb, "xcomp")
                        .find(|&x| matches!(parsed.upos(x), "NOUN" | "PROPN"))
                })
                .flatten()
        };
        let reduced = reduced_relative(parsed, verb);
        let object = passive
            .or_else(|| parsed.children_with(verb, "obj").next())
            .or_else(asked)
            .or_else(|| object_taken_for_head(parsed, verb))
            .or_else(|| reduced.map(|(claim, _)| claim))
            .or_else(|| unmarked_object(parsed, verb));
        let particle = parsed.particle(verb);
        let source = if let Some((_, release)) = captive {
            subject_of(parsed, release)
        } else if passive.is_some() {
            agent_of_passive(parsed, verb)
        } else if let Some((_, subject)) = reduced {
            vec![subject]
        } else {
            subject_of(parsed, verb)
        };
        // The most specific pattern whose words are there but whose target slot is empty: used
        // when no pattern fits whole, with the target looked for elsewhere.
        let mut without_target: Option<(usize, Option<usize>)> = None;
        for &index in candidates {
            let pattern = &self.kb.patterns()[index];
            let wanted_particle = pattern.particle.as_deref().filter(|p| !p.is_empty());
            let split_off = particle.is_none()
                && wanted_particle.is_some()
                && wanted_particle == parsed.particle_after_object(verb);
            if wanted_particle != particle && !split_off {
                continue;
            }
            let noun = match &pattern.noun {
                Some(noun) => match event_noun(parsed, verb, object, noun) {
                    Some(found) => Some(found),
                    None => continue,
                },
                None => None,
            };
            let target = targets(parsed, pattern, verb, noun, object);
            if !pattern.target.is_empty() && target.is_empty() {
                notes.add(|| {
                    format!(
                        "verb \"{}\": pattern {} wants a target ({}) and finds none",
                        parsed.form(verb),
                        pattern.id,
                        pattern.target.join(", ")
                    )
                });
                // A material act whose preposition is its meaning ("fight alongside", "deploy
                // alongside") is no fallback when that preposition is missing; one defined by
                // its noun or object is, and so is a verbal act ("demand from", "agree with"),
                // whose preposition only names the other side.
                let verbal = matches!(
                    pattern.cameo.get(..2),
                    Some("01" | "02" | "03" | "04" | "05" | "09" | "10" | "11" | "12" | "13")
                );
                let by_words = verbal
                    || pattern.noun.is_some()
                    || pattern.target.iter().any(|t| t == "obj" || t == "iobj");
                // "as Brussels tries to loosen the grip": a verb with no object but an
                // infinitive is used in another sense than its transitive one ("tried 40
                // civilians").
                let wants_object =
                    pattern.noun.is_none() && pattern.target.iter().any(|t| t == "obj") && !verbal;
                let controls = object.is_none() && has_infinitive(parsed, verb);
                // "speaking at the opening of an academy" is a speech, not a meeting: "speak"
                // meets only whom its preposition names; so does a show of force only around
                // or near its target ("sent two aircraft carrying medicine to Port Sudan").
                let speech = lemma == "speak";
                let placed = pattern
                    .target
                    .iter()
                    .all(|t| matches!(t.as_str(), "around" | "near" | "alongside"));
                let falls_back = by_words && !speech && !placed;
                if falls_back && !(wants_object && controls) {
                    without_target.get_or_insert((index, noun));
                }
                continue;
            }
            notes.add(|| {
                format!(
                    "verb \"{}\": pattern {} fits",
                    parsed.form(verb),
                    pattern.id
                )
            });
            return Some(Frame::new(index, verb, noun, source.clone(), target));
        }
        if let Some((index, noun)) = without_target {
            notes.add(|| {
                format!(
                    "verb \"{}\": pattern {} is used, its target looked for elsewhere",
                    parsed.form(verb),
                    self.kb.patterns()[index].id
                )
            });
            return Some(Frame::new(index, verb, noun, source, Vec::new()));
        }
        notes.add(|| {
            format!(
                "verb \"{}\" ({lemma}): none of its {} patterns fits (particle or event noun missing)",
                parsed.form(verb),
                candidates.len()
            )
        });
        self.event_noun_frame(parsed, verb, notes)
    }

    /// "Yemen's Houthi movement said it had launched two drones at Eilat", "the Baloch
    /// Liberation Army said it carried out the bombing": an armed group telling of its own
    /// attack also claims responsibility for it (015), an event of its own with the same
    /// actors.
    fn claim_of_responsibility(
        &self,
        parsed: &Parsed,
        predicate: usize,
        attack: &Event,
        day: Day,
    ) -> Option<Event> {
        let armed_group = attack
            .source
            .iter()
            .any(|a| a.sector.as_deref() == Some("REB"));
        let force = matches!(attack.cameo_root.as_str(), "18" | "19" | "20");
        if !(armed_group && force && attack.modality == "asserted") {
            return None;
        }
        let speaker = crate::modality::speaker_of(parsed, predicate)?;
        let own_word = actors_of(parsed, &self.kb, speaker, day, &[])
            .iter()
            .any(|s| attack.source.iter().any(|a| a.code == s.code))
            || matches!(parsed.lemma(speaker), "it" | "they" | "group");
        let said_it = parsed
            .children_with(predicate, "nsubj")
            .any(|s| matches!(parsed.lemma(s), "it" | "they" | "we"));
        let code = self.kb.cameo("015")?;
        (own_word && said_it).then(|| Event {
            cameo: code.cameo.clone(),
            cameo_root: code.root().to_string(),
            quad_class: code.quad_class,
            goldstein: code.goldstein,
            plover: Plover::of(code),
            pattern: format!("claim + {}", attack.pattern),
            ..attack.clone()
        })
    }

    /// "called the ruling regrettable", "calling the incursion an act of aggression",
    /// "described the unrest as 'treasonous'", "a move the watchdog called unjustified": a
    /// verb of naming whose name for a thing is a word of censure criticises (111) whoever
    /// the thing is, or whoever did it. The frame is the first plain pattern of "denounce",
    /// read with the naming verb as its governor.
    fn censure_frame(&self, parsed: &Parsed, verb: usize, notes: &mut Notes) -> Option<Frame> {
        const NAMING: [&str; 5] = ["call", "describe", "brand", "label", "term"];
        if !NAMING.contains(&parsed.lemma(verb)) {
            return None;
        }
        // "what it called provocations by Washington" names the thing, the act is elsewhere.
        let of_what = parsed.heads[verb].is_some_and(|head| parsed.lemma(head) == "what");
        let name = censuring_name(parsed, verb).filter(|_| !of_what)?;
        let thing = named_thing(parsed, verb, name)?;
        let pattern = self.by_verb.get("denounce")?.iter().copied().find(|&p| {
            let pattern = &self.kb.patterns()[p];
            pattern.noun.is_none() && pattern.target == ["obj"]
        })?;
        notes.add(|| {
            format!(
                "verb \"{}\": names \"{}\" \"{}\", a word of censure; read as {}",
                parsed.form(verb),
                parsed.form(thing),
                parsed.form(name),
                self.kb.patterns()[pattern].id
            )
        });
        Some(Frame {
            governor: Some(parsed.lemma(verb).to_string()),
            ..Frame::new(pattern, verb, None, subject_of(parsed, verb), vec![thing])
        })
    }

    /// "calling criticism of Doha ... unfair", "called the vote an important step", "what he
    /// called a deliberate provocation": a call whose object names no one by its own words
    /// and is no event ("called a snap election", "called a strike") names a thing; it does
    /// not telephone (a name of censure is read first, by `censure_frame`).
    fn calls_a_thing(&self, parsed: &Parsed, verb: usize) -> bool {
        // The object's own words, up to its head ("criticism of Doha" names a criticism).
        let names_someone = |object: usize| {
            parsed
                .core_phrase(object)
                .iter()
                .filter(|&&w| w <= object)
                .any(|&w| parsed.mentions_at(w).next().is_some() || parsed.upos(w) == "PRON")
                && parsed.lemma(object) != "what"
        };
        let event = |object: usize| {
            self.by_verb.get("call").is_some_and(|patterns| {
                patterns
                    .iter()
                    .any(|&p| self.kb.patterns()[p].noun.as_deref() == Some(parsed.lemma(object)))
            })
        };
        let of_what = parsed.relation(verb) == "acl"
            && parsed.heads[verb].is_some_and(|head| parsed.lemma(head) == "what");
        of_what
            || parsed
                .children_with(verb, "obj")
                .next()
                .is_some_and(|o| !names_someone(o) && !event(o))
    }

    /// A verb no pattern codes whose object is an event noun ("resume a dialogue", "began
    /// drills with"): the noun's pattern, with the verb's subject as the source.
    fn event_noun_frame(&self, parsed: &Parsed, verb: usize, notes: &mut Notes) -> Option<Frame> {
        // "dismissed the protest", "police monitor the weekly protests", "the ban sparked
        // protests": a verb that acts on, answers or causes an act is not its doer; nor is
        // one who speaks to it ("told a cabinet meeting").
        const ACTING_ON: [&str; 33] = [
            "dismiss",
            "reject",
            "deny",
            "monitor",
            "watch",
            "observe",
            "cover",
            "report",
            "welcome",
            "criticise",
            "criticize",
            "condemn",
            "denounce",
            "follow",
            "ban",
            "disperse",
            "quell",
            "suppress",
            "prevent",
            "investigate",
            "oppose",
            "discuss",
            "mark",
            "fear",
            "predict",
            "trigger",
            "spark",
            "fuel",
            "prompt",
            "cause",
            "tell",
            "address",
            "brief",
        ];
        if ACTING_ON.contains(&parsed.lemma(verb)) {
            return None;
        }
        let object = parsed.children_with(verb, "obj").next()?;
        // "began two weeks of live-fire drills": the act a span of time is of, when the
        // verb's subject takes part in it ("the ban followed three days of protests" is no
        // protest by the ban).
        let object = parsed
            .measured_act(object)
            .filter(|_| TAKING_PART.contains(&parsed.lemma(verb)))
            .unwrap_or(object);
        // "began an operation against militants": to begin or resume an act is to launch it.
        let launched = || {
            let begun = ["begin", "start", "commence", "resume"].contains(&parsed.lemma(verb));
            let launch: Vec<usize> = self
                .by_verb
                .get("launch")?
                .iter()
                .copied()
                .filter(|&p| self.kb.patterns()[p].noun.as_deref() == Some(parsed.lemma(object)))
                .collect();
            (begun && !launch.is_empty()).then_some(launch)
        };
        let candidates = self.noun_patterns(parsed, object).or_else(launched)?;
        let source = subject_of(parsed, verb);
        // The first pattern whose target is there, else the first: an act governed by "agreed
        // to" finds its other side elsewhere.
        let found = |&&index: &&usize| {
            let pattern = &self.kb.patterns()[index];
            pattern.target.is_empty()
                || !targets(parsed, pattern, verb, Some(object), None).is_empty()
        };
        let index = *candidates.iter().find(found).or(candidates.first())?;
        let pattern = &self.kb.patterns()[index];
        let target = targets(parsed, pattern, verb, Some(object), None);
        notes.add(|| {
            format!(
                "verb \"{}\": its object \"{}\" is an event noun, pattern {} fits",
                parsed.form(verb),
                parsed.form(object),
                pattern.id
            )
        });
        Some(Frame::new(index, verb, Some(object), source, target))
    }

    /// The patterns of the event noun `noun`. "Strike" is a stoppage of work (14) when
    /// workers hold it or its words say so ("an indefinite nationwide strike"), else an
    /// attack.
    fn noun_patterns(&self, parsed: &Parsed, noun: usize) -> Option<Vec<usize>> {
        let candidates = self.by_noun.get(parsed.lemma(noun))?;
        if parsed.lemma(noun) != "strike" {
            return Some(candidates.clone());
        }
        let labour = is_labour_strike(parsed, noun);
        let kept: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&index| self.kb.patterns()[index].cameo.starts_with("14") == labour)
            .collect();
        (!kept.is_empty()).then_some(kept)
    }

    fn noun_frame(&self, parsed: &Parsed, noun: usize, notes: &mut Notes) -> Option<Frame> {
        let candidates = self.noun_patterns(parsed, noun)?;
        for &index in &candidates {
            let pattern = &self.kb.patterns()[index];
            let mut target = targets(parsed, pattern, noun, Some(noun), None);
            // The noun's preposition may sit on the verb whose object it is ("ordered a 50%
            // tariff on most Brazilian imports" with "on imports" hung on the verb), or on the
            // span of time it fills ("two weeks of drills with French forces").
            let verb = parsed.heads[noun].filter(|_| parsed.relation(noun) == "obj");
            for carrier in [verb, parsed.span_of_act(noun)].into_iter().flatten() {
                if target.is_empty() {
                    target = targets(parsed, pattern, carrier, Some(noun), None);
                    target.retain(|&t| t != noun);
                }
            }
            // "A Myanmar military air strike hit a school in Sagaing": an attack is on what
            // the verb it is the subject of hits.
            let violent = matches!(pattern.cameo.get(..2), Some("18" | "19" | "20"));
            if target.is_empty() && violent && parsed.relation(noun) == "nsubj" {
                target.extend(
                    parsed.heads[noun]
                        .into_iter()
                        .flat_map(|verb| parsed.children_with(verb, "obj")),
                );
            }
            // A possessive names the actor first ("Japan's talks"); else the subject of the
            // verb the noun hangs on ("held talks", "arrived before talks").
            let mut source: Vec<usize> = match pattern.source.as_str() {
                "poss" => parsed.child_full(noun, "nmod:poss").into_iter().collect(),
                "none" => Vec::new(),
                _ => light_verb_subject(parsed, noun),
            };
            // "criticism of Doha by Israeli politicians": the "by" phrase acts.
            if let Some(agent) = prepositional(parsed, noun, "by") {
                source = vec![agent];
                target.retain(|&t| t != agent);
            }
            if source.is_empty() && pattern.source == "poss" {
                source = light_verb_subject(parsed, noun);
            }
            if source.is_empty() {
                source.extend(parsed.child_full(noun, "nmod:poss"));
            }
            // "a Russian drone and missile attack on Kyiv": the country named before the noun.
            if source.is_empty() {
                source.extend(
                    parsed
                        .core_phrase(noun)
                        .into_iter()
                        .filter(|&m| m < noun && names_country(parsed, m))
                        .take(1),
                );
            }
            // "talks between A and B": both sides act together.
            if source.is_empty()
                && let Some(between) = prepositional(parsed, noun, "between")
            {
                source.push(between);
                target.retain(|&t| t != between);
            }
            // "freed an Austrian national after mediation by Oman", "signed a declaration after
            // months of Qatari mediation": a mediation told as how another act came about is
            // between that act's parties, by whoever its own phrase names.
            if target.is_empty()
                && pattern.cameo.starts_with("045")
                && let Some(act) = mediated_act(parsed, noun)
            {
                target.extend(subject_of(parsed, act));
                target.extend(
                    parsed
                        .children_with(act, "obj")
                        .flat_map(|o| parsed.with_conjuncts(o)),
                );
                source = prepositional(parsed, noun, "by")
                    .into_iter()
                    .chain(
                        parsed
                            .core_phrase(noun)
                            .into_iter()
                            .filter(|&m| m < noun && names_country(parsed, m)),
                    )
                    .take(1)
                    .collect();
            }
            // "signed a roadmap in New Delhi during a visit by German Defence Minister Boris
            // Pistorius": a visit by someone may leave its host to the place of the act.
            let hosted_somewhere =
                pattern.cameo == "042" && prepositional(parsed, noun, "by").is_some();
            if !pattern.target.is_empty()
                && target.is_empty()
                && !source.is_empty()
                && !hosted_somewhere
            {
                notes.add(|| {
                    format!(
                        "noun \"{}\": pattern {} wants a target ({}) and finds none",
                        parsed.form(noun),
                        pattern.id,
                        pattern.target.join(", ")
                    )
                });
                continue;
            }
            if source.is_empty() {
                notes.add(|| {
                    format!(
                        "noun \"{}\": pattern {} finds no source (a light verb's subject, a possessive or \"between\")",
                        parsed.form(noun),
                        pattern.id
                    )
                });
                continue;
            }
            notes.add(|| {
                format!(
                    "noun \"{}\": pattern {} fits",
                    parsed.form(noun),
                    pattern.id
                )
            });
            return Some(Frame::new(index, noun, Some(noun), source, target));
        }
        None
    }

    /// Where the visit `visit` went, when its sentence names no host: the place of the visit
    /// or of the act it hangs on, else a place the sentence names elsewhere ("signed a roadmap
    /// for cooperation in New Delhi"), not in the visitors' own country.
    fn host_of_visit(
        &self,
        parsed: &Parsed,
        visit: usize,
        visitors: &[Actor],
        day: Day,
    ) -> Option<Actor> {
        let abroad = |h: &Actor| !visitors.iter().any(|v| v.country == h.country);
        place_of(parsed, &self.kb, visit, day)
            .or_else(|| parsed.heads[visit].and_then(|act| place_of(parsed, &self.kb, act, day)))
            .filter(abroad)
            .or_else(|| {
                (0..parsed.len())
                    .filter_map(|w| place_on(parsed, &self.kb, w, day))
                    .find(abroad)
            })
    }

    fn event(
        &self,
        parsed: &Parsed,
        frame: &Frame,
        setting: &Setting,
        recent: &[Vec<Actor>],
        prior: &[Event],
        notes: &mut Notes,
    ) -> Option<Event> {
        let (day, published) = (setting.day(), setting.published);
        let pattern = &self.kb.patterns()[frame.pattern];
        let said = parsed.form(frame.predicate);
        if is_condition(parsed, frame.predicate) {
            notes.add(|| format!("\"{said}\" ({}): a condition, not an event", pattern.id));
            return None;
        }
        if is_prevented(parsed, frame.predicate) {
            notes.add(|| format!("\"{said}\" ({}): an act prevented, not done", pattern.id));
            return None;
        }
        // "An Israeli drone strike on a car killed a Hezbollah commander": what an attack
        // told by its noun did is that attack, coded once from the noun.
        if parsed.upos(frame.predicate) == "VERB"
            && let Some(attack) = parsed
                .child_full(frame.predicate, "nsubj")
                .filter(|&subject| self.names_an_attack(parsed, subject))
        {
            notes.add(|| {
                format!(
                    "\"{said}\" ({}): what the attack \"{}\" did; coded as that attack",
                    pattern.id,
                    parsed.form(attack)
                )
            });
            return None;
        }
        let wanted = frame.cameo.as_deref().unwrap_or(&pattern.cameo);
        let wanted = if frame.cameo.is_none() && is_courtesy_call(parsed, frame.predicate) {
            notes.add(|| format!("\"{said}\": a call on someone that asks nothing, a meeting"));
            "040"
        } else if wanted.starts_with("14")
            && parsed.lemma(frame.noun.unwrap_or(frame.predicate)) == "protest"
            && frame.source.iter().any(|&w| names_a_state(parsed, w))
        {
            notes.add(|| format!("\"{said}\": a state's protest is an official complaint"));
            "114"
        } else if wanted == "019" && agrees_to_act(parsed, frame.predicate) {
            notes.add(|| format!("\"{said}\": an accord to act, an intent to cooperate"));
            "030"
        } else {
            wanted
        };
        let Some(code) = self.kb.cameo(wanted) else {
            notes.add(|| {
                format!(
                    "\"{said}\" ({}): code {wanted} is not in cameo.toml",
                    pattern.id
                )
            });
            return None;
        };
        let mut source: Vec<Actor> = frame
            .source
            .iter()
            .flat_map(|&w| actors_of(parsed, &self.kb, w, day, recent))
            .collect();
        // "Gunmen abducted 25 schoolgirls": an actor of known kind but no known country is
        // coded with an empty source rather than dropped or given a guessed country.
        let unnamed_agent = frame.source.iter().any(|&w| is_unnamed_agent(parsed, w));
        // "Hundreds of thousands rallied in Istanbul": protesters are people of the place.
        if source.is_empty() && code.root() == "14" && !frame.source.is_empty() {
            source.extend(place_of(parsed, &self.kb, frame.predicate, day));
        }
        // "Police said they detained four people" under a BUCHAREST dateline: a state's
        // agents or its people named only by kind are of the country where they act: the
        // place the sentence gives the act, else the dateline's when the sentence names no
        // other country (a GENEVA dateline says nothing of "Sudan's war").
        // Material acts are those of protest, force and coercion (roots 14-20).
        let material = code.root() >= "14";
        // "A Myanmar military air strike killed about 40 people ... in a village in western
        // Rakhine state": an attack that is the subject of what it did happened where that
        // verb, or one joined to it, puts it.
        let verb_of_attack = (frame.noun == Some(frame.predicate)
            && parsed.relation(frame.predicate) == "nsubj")
            .then(|| parsed.heads[frame.predicate])
            .flatten();
        let acted_in = || {
            place_of(parsed, &self.kb, frame.predicate, day)
                .or_else(|| {
                    verb_of_attack.and_then(|verb| {
                        parsed
                            .with_conjuncts(verb)
                            .into_iter()
                            .find_map(|v| place_of(parsed, &self.kb, v, day))
                    })
                })
                // "overran a military base in Nigeria's Borno state": a material act happens
                // where what it is done to is.
                .or_else(|| {
                    material
                        .then(|| {
                            // "blocked a highway outside Dhaka": or its event noun.
                            frame
                                .target
                                .iter()
                                .chain(&frame.noun)
                                .find_map(|&w| place_on(parsed, &self.kb, w, day))
                        })
                        .flatten()
                })
                // "opened fire on young protesters who had marched on parliament in
                // Kathmandu": or where its target's own clause puts them.
                .or_else(|| {
                    material
                        .then(|| {
                            frame.target.iter().find_map(|&w| {
                                place_within(parsed, &self.kb, w, frame.predicate, day)
                            })
                        })
                        .flatten()
                })
                .and_then(|place| place.country)
                .or_else(|| {
                    setting
                        .dateline
                        .clone()
                        .filter(|dateline| !names_another_country(parsed, dateline))
                })
        };
        // "prosecutors in Managua": the place the agent's own phrase names comes first.
        let locate = |words: &[usize]| {
            let own_place = |w: usize| {
                place_on(parsed, &self.kb, w, day)
                    .and_then(|place| place.country)
                    .and_then(|country| located_agent(parsed, w, &country))
            };
            words.iter().find_map(|&w| own_place(w)).or_else(|| {
                let country = acted_in()?;
                words
                    .iter()
                    .find_map(|&w| located_agent(parsed, w, &country))
            })
        };
        if source.is_empty() && unnamed_agent {
            source.extend(locate(&frame.source));
        }
        // "Riek Machar, who was placed under house arrest in Juba": an arrest, detention or
        // expulsion told in the passive with no one named as its doer is the work of the
        // state where the sentence puts it.
        let agentless_coercion = frame.source.is_empty()
            && code.root() == "17"
            && parsed.xpos(frame.predicate) == "VBN"
            && parsed.child_full(frame.predicate, "nsubj:pass").is_some();
        if source.is_empty() && agentless_coercion {
            source.extend(place_of(parsed, &self.kb, frame.predicate, day));
        }
        // "Interior Minister Mohsin Naqvi condemned the killings": an official the knowledge
        // base does not know, named by an office, in an article that has named one country
        // only (or under that country's dateline), holds that country's office.
        let said_from = frame
            .source
            .iter()
            .map(|&w| parsed.span(w, w).0)
            .min()
            .unwrap_or(usize::MAX);
        if source.is_empty()
            && let Some(country) = sole_country(
                recent.iter().flatten(),
                setting.dateline.as_deref(),
                said_from,
            )
        {
            source.extend(frame.source.iter().find_map(|&w| {
                titled_official(parsed, w, &country).or_else(|| {
                    unnamed_agent
                        .then(|| located_agent(parsed, w, &country))
                        .flatten()
                })
            }));
        }
        if source.is_empty() && !unnamed_agent {
            notes.add(|| {
                let words: Vec<&str> = frame.source.iter().map(|&w| parsed.form(w)).collect();
                if words.is_empty() {
                    format!("\"{said}\" ({}): no subject or agent found", pattern.id)
                } else {
                    format!(
                        "\"{said}\" ({}): source \"{}\" names no known actor",
                        pattern.id,
                        words.join(" ")
                    )
                }
            });
            return None;
        }
        // "he would only agree if Washington eases its demand": one party's accord with no
        // one named and on nothing said ("agreed with Kyiv", "agreed to meet", "agreed to a
        // package of sanctions") is no event; two parties' ("India and Pakistan agreed") is
        // their accord.
        let alone = source.len() < 2
            && !parsed.modifiers(frame.predicate).any(|m| {
                matches!(parsed.preposition(m), Some("to" | "on" | "upon"))
                    && !names_a_time(parsed.form(m))
            });
        if code.cameo == "019"
            && parsed.lemma(frame.predicate) == "agree"
            && frame.target.is_empty()
            && alone
        {
            notes.add(|| format!("\"{said}\": agreed with no one and to nothing named"));
            return None;
        }
        // A pronoun on the target side is not the source ("She praised him").
        let mut others = recent.to_vec();
        for sentence in &mut others {
            sentence.retain(|a| {
                !source
                    .iter()
                    .any(|s| s.entity.is_some() && s.entity == a.entity)
            });
        }
        // The actors a target word names, without the source's own words and, for the subject
        // of a reported clause, without the speaker's own side ("Katz warned that Israel would
        // resume ..." is no threat to Israel).
        let clause_subjects = reported_subjects(parsed, frame.predicate);
        let targets_named_by = |word: usize| -> Vec<Actor> {
            let own_side = clause_subjects.contains(&word);
            actors_of(parsed, &self.kb, word, day, &others)
                .into_iter()
                .filter(|t| !source.iter().any(|s| s.start == t.start))
                .filter(|t| !own_side || !source.iter().any(|s| s.country == t.country))
                .collect()
        };
        let mut target: Vec<Actor> = frame
            .target
            .iter()
            .flat_map(|&w| targets_named_by(w))
            .collect();
        if target.is_empty() {
            target = frame
                .governed_target
                .iter()
                .flat_map(|&w| targets_named_by(w))
                .collect();
        }
        // "A convoy carrying Somalia's defence minister was attacked": a vehicle stands for
        // whom it carries.
        if target.is_empty() {
            target = frame
                .target
                .iter()
                .flat_map(|&w| carried_by(parsed, w))
                .flat_map(&targets_named_by)
                .collect();
        }
        // "vetoed a British-drafted resolution", "rejected a U.S.-backed plan": a thing stands
        // for those who wrote or backed it, before any body its name mentions ("a
        // British-drafted Security Council resolution" is Britain's).
        let authors: Vec<Actor> = frame
            .target
            .iter()
            .flat_map(|&w| authors_of(parsed, w))
            .flat_map(targets_named_by)
            .collect();
        if !authors.is_empty() {
            target = authors;
        }
        // "Indonesia and Australia signed a treaty": a joint act needs no other side.
        let joint = source.len() >= 2;
        // "dismissed as fabrications a U.N. experts' report", "rejected Kyiv's claims", "...,
        // a charge New Delhi dismissed": a denial answers whoever made the claim, before any
        // other party the sentence names.
        if target.is_empty() && code.cameo == "016" && !joint {
            target = frame
                .noun
                .into_iter()
                .chain(parsed.children_with(frame.predicate, "obj"))
                .flat_map(|claim| claimants(parsed, claim))
                .map(&targets_named_by)
                .find(|found| !found.is_empty())
                .or_else(|| {
                    frame
                        .noun
                        .and_then(|claim| doer_of_act_told_before(parsed, claim, prior, &source))
                })
                .or_else(|| accuser_of(prior, &source))
                .unwrap_or_default();
        }
        // A pattern without a target slot ("warned", "threatened") still has a target when the
        // sentence names one in the usual places: the object, "on", "against", "with", ...
        // unless its target is an act told before with named doers, found below ("Rwanda cut
        // ties with Belgium, and Belgium called the decision disproportionate").
        // The doers of the acts the target words (then the event noun) refer back to, once.
        let acts_told_before: Vec<Option<Vec<Actor>>> = frame
            .target
            .iter()
            .chain(&frame.noun)
            .map(|&w| doer_of_act_told_before(parsed, w, prior, &source))
            .collect();
        let names_done_act = acts_told_before[..frame.target.len()]
            .iter()
            .any(|doers| doers.as_ref().is_some_and(|d| !d.is_empty()));
        if target.is_empty() && !joint && !names_done_act {
            target = other_targets(parsed, frame, pattern)
                .into_iter()
                .map(targets_named_by)
                .find(|found| !found.is_empty())
                .unwrap_or_default();
        }
        // "a swap mediated by the United Arab Emirates", "talks mediated by Qatar": a
        // mediation is between the parties of what it mediated.
        if target.is_empty() && code.cameo.starts_with("045") {
            let mediated = parsed
                .child_full(frame.predicate, "nsubj:pass")
                .or_else(|| parsed.children_with(frame.predicate, "obj").next())
                .or_else(|| {
                    (parsed.full_relation(frame.predicate) == "acl")
                        .then(|| parsed.heads[frame.predicate])
                        .flatten()
                });
            target = mediated
                .map(|thing| {
                    prepositional(parsed, thing, "between")
                        .map(|b| vec![b])
                        .unwrap_or_else(|| light_verb_subject(parsed, thing))
                })
                .unwrap_or_default()
                .into_iter()
                .flat_map(&targets_named_by)
                .collect();
        }
        // A mediator is not one of the parties it mediates between ("signed a declaration in
        // Doha after months of Qatari mediation").
        if code.cameo.starts_with("045") {
            target.retain(|t| !source.iter().any(|s| s.country == t.country));
        }
        // "warned it would take countermeasures if the United States and South Korea went
        // ahead", "would respond to any provocation by the United States": a threat with no
        // target named is aimed at whom its condition or the provocation it answers names.
        if target.is_empty() && code.root() == "13" && !joint {
            target = threatened_parties(parsed, frame.predicate)
                .into_iter()
                .map(targets_named_by)
                .find(|found| !found.is_empty())
                .unwrap_or_default();
        }
        // "struck targets across Gaza", "rallied in Istanbul": a target that names no actor is
        // read from the place of a material act.
        if target.is_empty() && material && !joint {
            let place = place_of(parsed, &self.kb, frame.predicate, day)
                .or_else(|| {
                    // "imposed a curfew across Kathmandu": the place of the event noun.
                    frame
                        .noun
                        .and_then(|noun| place_on(parsed, &self.kb, noun, day))
                })
                .or_else(|| {
                    // "protesters who had marched on parliament in Kathmandu": the place
                    // the target's own clause gives it.
                    frame.target.iter().find_map(|&w| {
                        place_within(parsed, &self.kb, w, frame.predicate, day)
                            .filter(|_| agent_sector(parsed, w).is_some())
                    })
                });
            // "kidnapped four soldiers in Arauca": people of a kind (not a crowd, which the
            // place stands for) are of the place.
            let people_there = place.as_ref().and_then(|place| {
                let country = place.country.as_deref()?;
                frame
                    .target
                    .iter()
                    .filter(|&&w| agent_sector(parsed, w).is_some())
                    .find_map(|&w| located_agent(parsed, w, country))
            });
            target.extend(people_there.or(place));
        }
        // "signed a roadmap in New Delhi during a visit by German Defence Minister Boris
        // Pistorius": a visit with no host named is to the place of the act it hangs on.
        let visit_by = frame.noun == Some(frame.predicate)
            && prepositional(parsed, frame.predicate, "by").is_some();
        if target.is_empty() && code.cameo == "042" && visit_by && !joint {
            target.extend(self.host_of_visit(parsed, frame.predicate, &source, day));
        }
        // "pledged $50 million in aid for civilians displaced by fighting in Sudan's Darfur
        // region": aid for people named only by kind goes to the country they are in.
        // "opened an investigation into killings by the RSF in El Fasher": an inquiry into acts
        // that name no one is into the country where they happened.
        if target.is_empty() && matches!(code.root(), "03" | "07" | "09") && !joint {
            target.extend(
                frame
                    .target
                    .iter()
                    .find_map(|&w| place_within(parsed, &self.kb, w, frame.predicate, day)),
            );
        }
        // "investigating reports that government troops had killed dozens of civilians in
        // the Amhara region": an inquiry into what reports allege is into those they accuse,
        // else into the country where it happened.
        if target.is_empty() && code.root() == "09" && !joint {
            for clause in frame
                .target
                .iter()
                .filter_map(|&w| reported_clause(parsed, w))
            {
                let place = place_of(parsed, &self.kb, clause, day)
                    .and_then(|p| p.country)
                    .or_else(&acted_in);
                let accused: Vec<Actor> = subject_of(parsed, clause)
                    .into_iter()
                    .flat_map(|w| {
                        let named = targets_named_by(w);
                        if named.is_empty() {
                            place
                                .as_deref()
                                .and_then(|c| located_agent(parsed, w, c))
                                .into_iter()
                                .collect()
                        } else {
                            named
                        }
                    })
                    .collect();
                target.extend(accused);
                if target.is_empty() {
                    target.extend(place_of(parsed, &self.kb, clause, day));
                }
            }
        }
        // "Spanish prosecutors are investigating a former transport minister", "Vucic warned
        // protesters": people named only by office or kind, whom a state's own courts, police
        // or government investigate, arrest, urge or warn, are that state's.
        // "Kenyan youth groups plan to march on parliament": protesters protest against
        // their own state, whoever they are.
        let protest = code.root() == "14";
        // So are people a state praises, frees, pardons or consoles ("praised officers for
        // their restraint", "freed 30 activists"); not whom it addresses in a statement.
        // And those outside the state it meets, talks with or promises something ("open to
        // talks with the insurgents"); not reporters it speaks to.
        // (Not a visit: "leaving many schools with only skeleton staff".)
        let consults = code.root() == "03"
            || (code.root() == "04" && !["042", "043"].iter().any(|c| code.cameo.starts_with(c)));
        let towards_own =
            code.cameo.starts_with("018") || ["05", "08"].contains(&code.root()) || consults;
        let outside_the_state = |t: &Actor| {
            matches!(
                t.sector.as_deref(),
                Some("REB" | "OPP" | "CVL" | "LAB" | "AGR" | "EDU")
            )
        };
        let frees_its_prisoners = frame.target.iter().any(|&w| {
            matches!(
                parsed.lemma(w),
                "prisoner" | "detainee" | "inmate" | "captive"
            )
        });
        if target.is_empty()
            && !joint
            && (DOMESTIC_ROOTS.contains(&code.root()) || protest || towards_own)
        {
            target.extend(
                frame
                    .target
                    .iter()
                    .copied()
                    .chain(other_targets(parsed, frame, pattern))
                    .find_map(|w| domestic_official(parsed, w, &source, protest))
                    // Praise, release or comfort given abroad is another matter: "praised
                    // both men" after a summit of Armenia and Azerbaijan. Prisoners a state
                    // frees are its own to free wherever it hands them over, and insurgents
                    // it talks with its own wherever the talks are held.
                    .filter(|t| {
                        !towards_own
                            || (code.cameo.starts_with("084") && frees_its_prisoners)
                            || (consults && outside_the_state(t))
                            || t.country
                                .as_deref()
                                .is_some_and(|c| !names_another_country(parsed, c))
                    })
                    .filter(|t| !consults || outside_the_state(t)),
            );
        }
        // "condemned the attack", "denounced the decision": an act the text told before is
        // its doer's (an attack the last attacker's).
        // An act whose doers the text does not name ("condemned the attack" by gunmen) is
        // still what the event is about: it is coded without a target.
        let mut act_of_unnamed_doers = false;
        if target.is_empty() && !joint {
            // The act may be the target ("condemned the attack") or the event noun itself
            // ("denied the accusation").
            let doers = acts_told_before.iter().find_map(Clone::clone);
            act_of_unnamed_doers = doers.as_ref().is_some_and(Vec::is_empty);
            // "The group said it had carried out the attack": force done to an attack told
            // before is that attack told again.
            if doers.is_some() && matches!(code.root(), "18" | "19" | "20") {
                notes.add(|| {
                    format!(
                        "\"{said}\" ({}): tells again an act told before",
                        pattern.id
                    )
                });
                return None;
            }
            target.extend(doers.unwrap_or_default());
        }
        // "Paris prosecutors opened an investigation into the alleged misuse of funds": a
        // state's inquiry into what its sentence ties to no other country is into its own
        // country's affairs.
        if target.is_empty() && !joint && code.root() == "09" {
            const STATE: [&str; 4] = ["GOV", "JUD", "COP", "LEG"];
            target.extend(
                source
                    .iter()
                    .filter(|s| s.sector.as_deref().is_some_and(|s| STATE.contains(&s)))
                    .find_map(|s| s.country.as_deref())
                    .filter(|&country| !names_another_country(parsed, country))
                    .and_then(|country| {
                        let &word = frame.target.first().or(frame.noun.as_ref())?;
                        Some(country_named_by(parsed, word, country, None))
                    }),
            );
        }
        // "was detained by police", "attacked a police station": the same for the target of
        // a material act.
        if target.is_empty() && material && !joint {
            target.extend(locate(&frame.target));
        }
        // "Burkinabe soldiers killed at least 70 civilians in raids on three villages", "Boko
        // Haram militants abducted 25 women": with no place named and no other country in the
        // sentence, people of a kind whom a state's forces or its insurgents act on are of
        // that state.
        if target.is_empty() && material && !joint {
            let home = source
                .iter()
                .filter(|s| matches!(s.sector.as_deref(), Some("MIL" | "COP" | "GOV" | "REB")))
                .find_map(|s| s.country.clone())
                .filter(|country| !names_another_country(parsed, country));
            target.extend(home.and_then(|country| {
                frame
                    .target
                    .iter()
                    .find_map(|&w| located_agent(parsed, w, &country))
            }));
        }
        // "urged protesters in Lima to go home": people of a kind whom an appeal, demand,
        // accusation, refusal or threat addresses are of the place the sentence names for
        // them or for the act, never of the dateline alone.
        if target.is_empty() && DOMESTIC_ROOTS.contains(&code.root()) && !joint {
            let named_place =
                place_of(parsed, &self.kb, frame.predicate, day).and_then(|place| place.country);
            target.extend(frame.target.iter().find_map(|&w| {
                place_on(parsed, &self.kb, w, day)
                    .and_then(|place| place.country)
                    .or(named_place.clone())
                    .and_then(|country| located_agent(parsed, w, &country))
            }));
        }
        // "opposition supporters gathered outside parliament to protest against a new
        // law": a protest against no one named is against the protesters' own state; so is
        // a domestic concession to no one named ("the prime minister resigned", "lifted the
        // ban", "scrapped the tax bill": easing restrictions, dissent or reform, 081-083)
        // and a restriction ("declared a state of emergency in the central department",
        // 172x), made to or imposed on the country's own people.
        // "will deploy 40,000 troops to its border with Belarus", "placed its forces on high
        // alert, believing an Indian strike could come": a show or build-up of force with no
        // target is aimed across the border it names, else at the one other country the
        // sentence names.
        let mobilised = code.root() == "15";
        if target.is_empty() && mobilised && !joint {
            target.extend(facing_country(parsed, &source));
        }
        // "Thousands blocked a highway ... Police fired tear gas to clear the road": force
        // used on no one named is used on the protesters told last.
        let repression = code.cameo.starts_with("175");
        if target.is_empty() && repression && !joint {
            // Protesters of no known country protest against their own state.
            target.extend(
                prior
                    .iter()
                    .rev()
                    .find(|e| e.cameo.starts_with("14"))
                    .map(|e| {
                        if e.source.is_empty() {
                            e.target.clone()
                        } else {
                            e.source.clone()
                        }
                    })
                    .unwrap_or_default(),
            );
        }
        // With no other country named, force is used on the state's own people.
        let at_home = protest
            || repression
            || ["081", "082", "083", "172", "153"]
                .iter()
                .any(|c| code.cameo.starts_with(c));
        // Said of acts told by a verb: "rejected the protest" is no protest by the rejecter.
        let told_by_verb = parsed.upos(frame.predicate) == "VERB";
        // With no other country named, troops deployed are deployed at home ("would deploy
        // troops across the capital"), aimed at no one: kept with no target.
        let deployed_at_home = code.cameo.starts_with("154")
            && told_by_verb
            && source.iter().any(|s| s.country.is_some());
        if target.is_empty() && at_home && told_by_verb && !joint {
            target.extend(source.iter().find_map(|s| {
                let country = s.country.as_deref()?;
                let span = parsed.span(frame.predicate, frame.predicate);
                let text = parsed.text[span.0..span.1].to_string();
                Some(Actor::of_country(text, span, country, None))
            }));
        }
        // "appealed for international help", "called for an independent investigation": an
        // appeal may be made to no one in particular, when the sentence names no addressee
        // (an object, or someone appealed "to", "on" or "from") it failed to resolve.
        let addressed = parsed
            .children_with(frame.predicate, "obj")
            .chain(parsed.children_with(frame.predicate, "iobj"))
            .any(|o| Some(o) != frame.noun)
            || parsed.modifiers(frame.predicate).any(|m| {
                matches!(parsed.preposition(m), Some("to" | "on" | "upon" | "from"))
                    && !names_a_time(parsed.form(m))
            });
        // What is appealed for must be named ("for calm", "an investigation"): "asked not to
        // be named" appeals for nothing.
        let appealed_for = frame.noun.is_some()
            || parsed
                .modifiers(frame.predicate)
                .any(|m| parsed.preposition(m) == Some("for"));
        // "appealed to international donors", "urged Western allies": an appeal to people
        // of no one country is made to no one in particular too.
        // "urged other countries to honour their pledges": so are countries left unnamed.
        let others = |w: usize| {
            parsed.lemma(w) == "country"
                && parsed.children[w]
                    .iter()
                    .any(|&c| matches!(parsed.lemma(c), "other" | "more" | "many"))
        };
        let addressed_to_no_one = !frame.target.is_empty()
            && frame.target.iter().all(|&w| {
                others(w)
                    || matches!(
                        parsed.lemma(w),
                        "donor" | "community" | "ally" | "partner" | "lender" | "investor"
                    )
            });
        // Nor is such an appeal aimed at whoever its words name beside them ("urged allies
        // to send more air defence systems to Ukraine", "the country's international
        // partners"), unless they are one named before ("the lender").
        // Nor when their own words name them ("NATO allies", "Gulf partners").
        let definite = frame.target.iter().any(|&w| {
            parsed.children[w].iter().any(|&c| {
                (parsed.relation(c) == "det" && parsed.lemma(c) == "the")
                    || (matches!(parsed.relation(c), "compound" | "amod")
                        && parsed.mentions_at(c).any(|m| !is_agent_only(m)))
            })
        });
        if code.root() == "02" && addressed_to_no_one && !definite {
            target.clear();
        }
        let appeal = code.root() == "02"
            && ((!addressed && appealed_for) || (addressed_to_no_one && !definite));
        // "Pakistan's military said Indian forces had violated the ceasefire": force told by
        // another country's side, with no one else named, was used against that side.
        if target.is_empty()
            && !joint
            && matches!(code.root(), "18" | "19" | "20")
            && let (_, Some(speaker)) = modality_of(parsed, frame.predicate)
        {
            target.extend(actor_of(parsed, &self.kb, speaker, day).filter(|said| {
                said.country.is_some() && source.iter().all(|s| s.country != said.country)
            }));
        }
        if !pattern.target.is_empty()
            && target.is_empty()
            && !joint
            && !act_of_unnamed_doers
            && !appeal
            && !deployed_at_home
        {
            notes.add(|| {
                let words: Vec<&str> = frame.target.iter().map(|&w| parsed.form(w)).collect();
                format!(
                    "\"{said}\" ({}): target \"{}\" names no known actor or place",
                    pattern.id,
                    words.join(" ")
                )
            });
            return None;
        }
        // "Opposition parties accused the government of failing to prepare": people of a
        // kind who act on a state's own bodies are of that state; police who use force on a
        // country's people are of that country.
        if source.is_empty() && unnamed_agent {
            let state = target
                .iter()
                .filter(|t| {
                    repression || matches!(t.sector.as_deref(), Some("GOV" | "LEG" | "JUD" | "COP"))
                })
                .find_map(|t| t.country.clone());
            source.extend(state.and_then(|country| {
                frame
                    .source
                    .iter()
                    .find_map(|&w| located_agent(parsed, w, &country))
            }));
        }
        // "Unidentified gunmen set fire to a bus": an act with no actor named on either side
        // says who did what to whom of no one.
        if source.is_empty() && target.is_empty() {
            notes.add(|| format!("\"{said}\" ({}): no actor on either side", pattern.id));
            return None;
        }
        // A visit goes to a country: "arrived in Tokyo" is Japan, not its government, unless
        // a person or organisation is named.
        if code.cameo.starts_with("042") {
            for actor in &mut target {
                if actor.entity.is_none()
                    && let Some(country) = &actor.country
                {
                    actor.code = country.clone();
                    actor.sector = None;
                }
            }
        }
        let (source, mut target) = (distinct(source), distinct(target));
        // "Ecuador deployed 3,000 soldiers to Guayaquil": nor is a deployment at home aimed
        // at the place it names.
        if code.cameo.starts_with("154")
            && !target.is_empty()
            && target
                .iter()
                .all(|t| t.country.is_some() && source.iter().any(|s| s.country == t.country))
        {
            target.clear();
        }
        // "spoke by telephone with ..., and the two leaders discussed energy": what the
        // parties of a meeting told before discussed is that meeting.
        if parsed.lemma(frame.predicate) == "discuss"
            && let Some(meeting) = meeting_of_the_same_parties(prior, &source, &target)
        {
            notes.add(|| {
                format!(
                    "\"{said}\" ({}): what the meeting \"{}\" told before discussed; not coded again",
                    pattern.id, meeting.action.text
                )
            });
            return None;
        }
        // "Philippine and Japanese forces held joint drills": exercises that several
        // countries hold together are military cooperation, unless aimed at someone (a
        // show of force "near Poland's border").
        let several_countries = source
            .iter()
            .filter_map(|a| a.country.as_ref())
            .collect::<HashSet<_>>()
            .len()
            >= 2;
        let code = match self.kb.cameo("062") {
            Some(cooperation) if code.root() == "15" && several_countries && target.is_empty() => {
                cooperation
            }
            _ => code,
        };
        // "a drone strike", "Israeli warplanes struck": an attack from the air is 195.
        let code = match self.kb.cameo("195") {
            Some(aerial) if code.cameo == "190" && is_from_the_air(parsed, frame) => aerial,
            _ => code,
        };
        let (mut modality, speaker) = modality_of(parsed, frame.predicate);
        let tense = if modality == "future" || is_future_tense(parsed, frame.predicate) {
            Tense::Future
        } else {
            Tense::Past
        };
        // "holding talks on Tuesday" parsed with "holding" on "talks": the noun's date.
        let date = date_of(parsed, frame.predicate, tense, published)
            .or_else(|| {
                let noun = frame.noun?;
                (noun != frame.predicate)
                    .then(|| date_of(parsed, noun, tense, published))
                    .flatten()
            })
            .or_else(|| {
                // "began in Malaysia on Sunday, where he signed ...", "met on Monday and
                // agreed to ...": a clause without a date of its own takes its head's.
                let head = parsed.heads[frame.predicate]?;
                matches!(parsed.relation(frame.predicate), "advcl" | "conj" | "xcomp")
                    .then(|| date_of(parsed, head, tense, published))
                    .flatten()
            });
        if modality == "asserted"
            && date
                .as_ref()
                .and_then(|d| d.value.get(..4)?.parse::<i32>().ok())
                .is_some_and(|year| year < chrono::Datelike::year(&published) - 1)
        {
            modality = "historical";
        }
        // "said it was ready to resume talks", "said it would back the bid": an actor's stated
        // intent to cooperate is the 03x code of the act, asserted. "Fico said he would not
        // resign", "Kinshasa would not negotiate the withdrawal": its stated intent not to is
        // a refusal, the 12x code of the act, asserted.
        let mut code = code;
        // "a day after police shot dead 19 people during protests": force a state's police
        // or troops use on their own people at a protest is violent repression (175).
        if is_repression_of_protest(parsed, code.root(), &source, &target)
            && let Some(repression) = self.kb.cameo("175")
        {
            code = repression;
        }
        if is_riot(parsed, code.root(), &frame.source)
            && let Some(riot) = self.kb.cameo("145")
        {
            code = riot;
        }
        let speaker_is_source = |speaker: usize| {
            let said = actors_of(parsed, &self.kb, speaker, day, recent);
            said.iter().any(|a| {
                source
                    .iter()
                    .any(|s| s.country == a.country && s.code.len() >= 3)
            })
        };
        // "Brown said he would travel to Wellington next month": a visit someone says they
        // will make is a visit to come, not an intent.
        let visit = code.cameo == "042" && modality == "future";
        let stated = code.root() >= "04"
            && code.root() <= "08"
            && !visit
            && is_stated_intent(parsed, frame.predicate, speaker_is_source);
        let root = if modality == "negated" { "12" } else { "03" };
        if stated
            && let Some(intent) = complement_code(root, &code.cameo)
                .and_then(|c| self.most_specific_known(&c))
                .and_then(|c| self.kb.cameo(&c))
        {
            code = intent;
            modality = "asserted";
        }
        let attribution = speaker.and_then(|s| actor_of(parsed, &self.kb, s, day));
        if modality == "reported"
            && attribution.as_ref().is_some_and(|a| {
                // "China, Pakistan and Afghanistan agreed ..., Pakistan's foreign minister
                // said": a country's own official speaks for it.
                source
                    .iter()
                    .any(|s| s.code == a.code || (s.sector.is_none() && s.country == a.country))
            })
        {
            modality = "asserted";
        }
        // "Thailand and Cambodia accused each other": a joint act of the listed parties with
        // each other has no other side; the list repeated as its target says nothing more.
        let countries_of = |actors: &[Actor]| {
            let mut countries: Vec<String> = actors.iter().map(Actor::country_or_code).collect();
            countries.sort();
            countries.dedup();
            countries
        };
        if joint && countries_of(&source) == countries_of(&target) {
            target.clear();
        }
        let last = frame.noun.unwrap_or(frame.predicate).max(frame.predicate);
        let (start, end) = parsed.span(frame.predicate, last);
        Some(Event {
            event_id: String::new(),
            article_id: String::new(),
            sentence_index: 0,
            sentence: String::new(),
            cameo: code.cameo.clone(),
            cameo_root: code.root().to_string(),
            quad_class: code.quad_class,
            goldstein: code.goldstein,
            plover: Plover::of(code),
            source,
            target,
            action: Action {
                text: parsed.text[start..end].to_string(),
                start,
                end,
                lemma: parsed.lemma(frame.predicate).to_string(),
            },
            date,
            location: None,
            modality: modality.to_string(),
            attribution: if modality == "reported" {
                attribution
            } else {
                None
            },
            // A code read through a governing verb names both: "agree + 04-meet-with".
            pattern: match &frame.governor {
                Some(verb) => format!("{verb} + {}", pattern.id),
                None => pattern.id.clone(),
            },
            confidence: if frame.noun.is_some() { 0.8 } else { 0.7 },
            coder_version: self.version.clone(),
        })
    }
}

/// The noun whose content the clause of `predicate` gives, when it is a report, allegation
/// or claim ("investigating reports that government troops had killed ..."), read from the
/// words so that a parse that lost the link still shows it.
fn reported_by_a_noun(parsed: &Parsed, predicate: usize) -> Option<usize> {
    const REPORTS: [&str; 9] = [
        "report",
        "allegation",
        "claim",
        "accusation",
        "rumour",
        "rumor",
        "suggestion",
        "suspicion",
        "assertion",
    ];
    let that = parsed
        .children_with(predicate, "mark")
        .find(|&m| parsed.lemma(m) == "that")?;
    let noun = that.checked_sub(1)?;
    let lemma = parsed.lemma(noun);
    REPORTS
        .iter()
        .any(|r| lemma == *r || lemma.strip_suffix('s') == Some(r))
        .then_some(noun)
}

/// The top noun of the words between a subordinator ("as", "after", "when", ...) and `verb`,
/// when they are a noun phrase: "as [thousands of demonstrators] gathered".
fn subject_after_subordinator(parsed: &Parsed, verb: usize) -> Option<usize> {
    const SUBORDINATORS: [&str; 8] = [
        "as", "after", "when", "while", "because", "since", "before", "until",
    ];
    let mut start = verb;
    while start > 0 {
        let word = start - 1;
        if SUBORDINATORS.contains(&parsed.lemma(word)) {
            break;
        }
        if matches!(
            parsed.upos(word),
            "VERB" | "AUX" | "PUNCT" | "SCONJ" | "CCONJ" | "PRON"
        ) {
            return None;
        }
        start = word;
    }
    let phrase = start..verb;
    if start == 0 || phrase.is_empty() {
        return None;
    }
    phrase
        .clone()
        .filter(|&w| matches!(parsed.upos(w), "NOUN" | "PROPN"))
        .find(|&w| parsed.heads[w].is_none_or(|h| !phrase.contains(&h)))
}

/// Whether `verb` has a "to" infinitive as its complement ("tries to loosen").
fn has_infinitive(parsed: &Parsed, verb: usize) -> bool {
    parsed.children_with(verb, "xcomp").any(|x| {
        parsed
            .children_with(x, "mark")
            .any(|m| parsed.lemma(m) == "to")
    })
}

/// Whether `verb` is passive ("was placed", "were detained").
fn is_passive(parsed: &Parsed, verb: usize) -> bool {
    parsed.child_full(verb, "aux:pass").is_some() || parsed.child_full(verb, "nsubj:pass").is_some()
}

/// Whether `word` is a relative pronoun ("whom", "which").
fn is_relative_pronoun(parsed: &Parsed, word: usize) -> bool {
    parsed.upos(word) == "PRON" && matches!(parsed.lemma(word), "whom" | "who" | "which" | "that")
}

/// The doers of the act a definite noun refers back to ("the attack", "the ruling", "the
/// accusation"): the source of the last event coded before (an assault for a violent act,
/// an accusation for a charge) not
/// done by `own` side, empty when the text did not name them; `None` when the noun refers
/// to no act told before.
fn doer_of_act_told_before(
    parsed: &Parsed,
    word: usize,
    prior: &[Event],
    own: &[Actor],
) -> Option<Vec<Actor>> {
    const VIOLENT: [&str; 11] = [
        "operation",
        "offensive",
        "attack",
        "strike",
        "airstrike",
        "bombing",
        "killing",
        "shelling",
        "assault",
        "raid",
        "massacre",
    ];
    const OTHER: [&str; 40] = [
        "manoeuvre",
        "maneuver",
        "action",
        "behaviour",
        "behavior",
        "case",
        "bill",
        "blast",
        "explosion",
        "unrest",
        "riot",
        "incident",
        "violence",
        "ruling",
        "decision",
        "verdict",
        "move",
        "arrest",
        "detention",
        "ban",
        "law",
        "incursion",
        "abduction",
        "kidnapping",
        "crackdown",
        "closure",
        "expulsion",
        "deportation",
        "seizure",
        "sentence",
        "conviction",
        "execution",
        "transfer",
        "sale",
        "drill",
        "exercise",
        "deployment",
        "test",
        "launch",
        "measure",
    ];
    const CHARGES: [&str; 5] = ["accusation", "charge", "allegation", "claim", "criticism"];
    const REQUESTS: [&str; 6] = ["request", "demand", "appeal", "call", "ultimatum", "plea"];
    let lemma = parsed.lemma(word);
    let lemma = lemma
        .strip_suffix('s')
        .filter(|l| VIOLENT.contains(l) || OTHER.contains(l))
        .unwrap_or(lemma);
    // ", a charge Kigali denies" in apposition to a clause refers back as "the charge" does.
    let first = parsed.phrase(word).first().copied().unwrap_or(word);
    let appended = first > 0 && parsed.form(first - 1) == ",";
    // The article may hang elsewhere in a misread phrase ("called the decision
    // disproportionate" read with "the" under "disproportionate").
    let demonstrative = |d: usize| matches!(parsed.lemma(d), "the" | "this" | "that");
    let definite = appended
        || parsed.children_with(word, "det").any(demonstrative)
        || (word > 0 && parsed.upos(word - 1) == "DET" && demonstrative(word - 1));
    let violent = VIOLENT.contains(&lemma);
    let charge = CHARGES.contains(&lemma);
    let request = REQUESTS.contains(&lemma);
    if !definite || !(violent || charge || request || OTHER.contains(&lemma)) {
        return None;
    }
    let own_countries: Vec<&Option<String>> = own.iter().map(|a| &a.country).collect();
    let act = prior
        .iter()
        .rev()
        .filter(|e| !violent || e.plover.kind == "ASSAULT")
        .filter(|e| !charge || e.cameo_root == "11")
        .filter(|e| !request || matches!(e.cameo_root.as_str(), "02" | "10"))
        .find(|e| {
            // A request may come from the answerer's own country ("the ombudsman urged the
            // government ... The ministry rejected the request"); other acts are told apart
            // by country ("Israel condemned the attack" is no Israeli attack), but for the
            // armed groups of the country.
            e.source.iter().all(|d| {
                if request {
                    !own.iter().any(|o| o.code == d.code)
                } else {
                    // "Somalia's president condemned the attack" told of Al Shabaab: a
                    // country's own insurgents and criminals are other than its state.
                    !own_countries.contains(&&d.country)
                        || matches!(d.sector.as_deref(), Some("REB" | "CRM"))
                }
            })
        })?;
    Some(act.source.clone())
}

/// A captive described with no agent, and the verb of releasing them (`(captive, release)`):
/// in "demanded that Israel release a Jordanian doctor detained at the crossing", the doctor
/// is held by whoever is to release them. The parser may hang the participle on the verb of
/// releasing instead ("release ten Vietnamese fishermen detained near the Paracel Islands").
fn captive_of(parsed: &Parsed, verb: usize) -> Option<(usize, usize)> {
    let is_release = |w: usize| matches!(parsed.lemma(w), "release" | "free");
    let described = matches!(parsed.xpos(verb), "VBN" | "VBD")
        && parsed.children_with(verb, "obj").next().is_none()
        && !parsed.children[verb]
            .iter()
            .any(|&c| parsed.relation(c) == "nsubj")
        && agent_of_passive(parsed, verb).is_empty();
    let head = parsed.heads[verb].filter(|_| described)?;
    let (captive, release) = match parsed.full_relation(verb) {
        "acl" if parsed.relation(head) == "obj" => (
            head,
            parsed.heads[head].filter(|&release| is_release(release))?,
        ),
        "advcl" if is_release(head) => (
            parsed
                .children_with(head, "obj")
                .find(|&noun| noun < verb)?,
            head,
        ),
        _ => return None,
    };
    (captive < verb).then_some((captive, release))
}

/// The act a mediation noun tells how it came about: the verb it is an oblique of ("freed
/// ... after mediation by Oman"), through a span of time it fills ("after months of Qatari
/// mediation").
fn mediated_act(parsed: &Parsed, noun: usize) -> Option<usize> {
    let mut at = noun;
    let mut head = parsed.heads[noun]?;
    if parsed.relation(at) == "nmod" && names_a_time(parsed.form(head)) {
        at = head;
        head = parsed.heads[head]?;
    }
    (parsed.relation(at) == "obl" && parsed.upos(head) == "VERB").then_some(head)
}

/// Whether `verb` is "agree" with an act it agrees to do that no pattern codes ("agreed to
/// extend the corridor into Afghanistan"): an intent to cooperate.
fn agrees_to_act(parsed: &Parsed, verb: usize) -> bool {
    parsed.lemma(verb) == "agree"
        && parsed
            .children_with(verb, "xcomp")
            .any(|act| parsed.upos(act) == "VERB")
}

/// Who accused `accused` in the last sentence that told of acts: a denial with nothing else
/// to answer answers that accusation.
fn accuser_of(prior: &[Event], accused: &[Actor]) -> Option<Vec<Actor>> {
    let last = prior.last()?.sentence_index;
    let countries: HashSet<&str> = accused
        .iter()
        .filter_map(|a| a.country.as_deref())
        .collect();
    prior
        .iter()
        .rev()
        .take_while(|e| e.sentence_index + 1 >= last)
        .find(|e| {
            e.cameo_root == "11"
                && e.target
                    .iter()
                    .any(|t| t.country.as_deref().is_some_and(|c| countries.contains(c)))
        })
        .map(|e| e.source.clone())
}

/// The words that may name who made the claim `claim`: its possessive or compound ("Kyiv's
/// claim", "a U.N. experts' report") and its "by" or "from" phrase.
fn claimants(parsed: &Parsed, claim: usize) -> Vec<usize> {
    let mut words: Vec<usize> = parsed.children[claim]
        .iter()
        .copied()
        .filter(|&c| c < claim && matches!(parsed.relation(c), "nmod" | "compound"))
        .collect();
    words.extend(prepositional(parsed, claim, "by"));
    words.extend(prepositional(parsed, claim, "from"));
    words
}

/// What the thing `word` names carries ("a convoy carrying the defence minister").
fn carried_by(parsed: &Parsed, word: usize) -> Vec<usize> {
    parsed
        .children_with(word, "acl")
        .filter(|&acl| matches!(parsed.lemma(acl), "carry" | "transport" | "bring"))
        .flat_map(|acl| parsed.children_with(acl, "obj"))
        .collect()
}

/// The predicate of the "that" clause right after a report or allegation noun ("reports that
/// troops had killed ..." -> "killed").
fn reported_clause(parsed: &Parsed, noun: usize) -> Option<usize> {
    let that = noun + 1;
    let clause = parsed.heads.get(that).copied().flatten()?;
    (that < parsed.len()
        && parsed.lemma(that) == "that"
        && reported_by_a_noun(parsed, clause) == Some(noun))
    .then_some(clause)
}

/// Removes the frames `part_of_another` picks, with a note saying `why` for each.
fn drop_noting(
    parsed: &Parsed,
    frames: &mut Vec<Frame>,
    notes: &mut Notes,
    part_of_another: impl Fn(&Frame) -> bool,
    why: &str,
) {
    frames.retain(|f| {
        let dropped = part_of_another(f);
        if dropped {
            notes.add(|| format!("\"{}\": {why}", parsed.form(f.predicate)));
        }
        !dropped
    });
}

/// Drops the frames of participle clauses ("…, killing 13 soldiers", "of ramming a vessel")
/// of the kind `clause_kind`, hung by one of `relations` on a word that `is_head` accepts,
/// noting `reason`.
fn drop_participle_clauses(
    parsed: &Parsed,
    frames: &mut Vec<Frame>,
    notes: &mut Notes,
    (is_head, clause_kind): (impl Fn(usize) -> bool, impl Fn(&Frame) -> bool),
    relations: &[&str],
    reason: &str,
) {
    let participle = |f: &Frame| {
        clause_kind(f)
            && relations.contains(&parsed.relation(f.predicate))
            && parsed.xpos(f.predicate) == "VBG"
            && parsed.heads[f.predicate].is_some_and(&is_head)
    };
    drop_noting(parsed, frames, notes, participle, reason);
}

/// The predicates of the frames of a kind.
fn predicates_of(frames: &[Frame], kind: impl Fn(&Frame) -> bool) -> Vec<usize> {
    frames
        .iter()
        .filter(|f| kind(f))
        .map(|f| f.predicate)
        .collect()
}

/// Whether `word` heads a clause its head governs: "agreed to meet", "said that ...", and "to
/// share" when the parser hung it as an adverbial clause.
fn is_complement(parsed: &Parsed, word: usize) -> bool {
    // "would only agree if Washington eases its demand", parsed with the "if" clause as a
    // complement: a condition is not what is agreed, demanded or threatened ("asked if"
    // asks a question, and no code hangs on its answer).
    let condition = parsed
        .children_with(word, "mark")
        .any(|m| matches!(parsed.lemma(m), "if" | "unless"));
    match parsed.relation(word) {
        "ccomp" if condition => false,
        "xcomp" | "ccomp" => true,
        "advcl" => parsed
            .children_with(word, "mark")
            .any(|m| parsed.lemma(m) == "to"),
        _ => false,
    }
}

/// Whether an attack is told as one from the air: its noun or verb modified by "drone",
/// "air" or "missile", or its doers aircraft ("warplanes struck").
fn is_from_the_air(parsed: &Parsed, frame: &Frame) -> bool {
    const AERIAL: [&str; 7] = [
        "drone",
        "air",
        "missile",
        "rocket",
        "aerial",
        "airstrike",
        "bomb",
    ];
    const AIRCRAFT: [&str; 8] = [
        "warplane",
        "jet",
        "aircraft",
        "drone",
        "bomber",
        "helicopter",
        "plane",
        "airforce",
    ];
    let modified = frame.noun.into_iter().chain([frame.predicate]).any(|word| {
        parsed.children[word].iter().any(|&m| {
            matches!(parsed.relation(m), "compound" | "amod") && AERIAL.contains(&parsed.lemma(m))
        })
    });
    let flown = frame.source.iter().any(|&doer| {
        let lemma = parsed.lemma(doer);
        AIRCRAFT.contains(&lemma.strip_suffix('s').unwrap_or(lemma))
            || (lemma == "force"
                && parsed.children[doer]
                    .iter()
                    .any(|&m| parsed.lemma(m) == "air"))
    });
    modified || flown
}

/// A meeting or call (04) among `prior` events whose parties include every party of
/// `source` and `target`.
fn meeting_of_the_same_parties<'a>(
    prior: &'a [Event],
    source: &[Actor],
    target: &[Actor],
) -> Option<&'a Event> {
    let parties = |one: &[Actor], other: &[Actor]| -> HashSet<String> {
        one.iter()
            .chain(other)
            .map(Actor::country_or_code)
            .collect()
    };
    let these = parties(source, target);
    prior.iter().rev().find(|event| {
        event.cameo_root == "04" && these.is_subset(&parties(&event.source, &event.target))
    })
}

/// The verb whose complement clause `word` heads, if it heads one.
fn complement_of(parsed: &Parsed, word: usize) -> Option<usize> {
    parsed.heads[word].filter(|_| is_complement(parsed, word))
}

/// What a vow, pledge or promise whose act no pattern codes amounts to, with the words of
/// whom it is aimed at: a vow of force is a threat of force (138: "vowed to retaliate",
/// "vowed to drive the militants out", "vowed that Israel would face a crushing military
/// response"); a vow not to give way is a refusal to yield (124: "vowed he would not back
/// down").
fn vowed_act(parsed: &Parsed, vow: usize) -> Option<(&'static str, Vec<usize>)> {
    if !matches!(parsed.lemma(vow), "vow" | "pledge" | "promise" | "swear") {
        return None;
    }
    const FORCE: [&str; 10] = [
        "retaliate",
        "avenge",
        "crush",
        "defeat",
        "destroy",
        "punish",
        "drive",
        "eliminate",
        "eradicate",
        "annihilate",
    ];
    const RESPONSES: [&str; 5] = [
        "response",
        "retaliation",
        "revenge",
        "reprisal",
        "punishment",
    ];
    const GIVING_WAY: [&str; 6] = ["back", "give", "yield", "surrender", "bow", "cave"];
    let to_clause = parsed.children_with(vow, "advcl").filter(|&c| {
        parsed
            .children_with(c, "mark")
            .any(|m| parsed.lemma(m) == "to")
    });
    let act = parsed
        .children_with(vow, "xcomp")
        .chain(parsed.children_with(vow, "ccomp"))
        .chain(to_clause)
        .next()?;
    let objects: Vec<usize> = parsed.children_with(act, "obj").collect();
    let negated = parsed
        .children_with(act, "advmod")
        .any(|a| matches!(parsed.lemma(a), "not" | "never"));
    if negated && GIVING_WAY.contains(&parsed.lemma(act)) {
        return Some(("124", Vec::new()));
    }
    let force = FORCE.contains(&parsed.lemma(act))
        || objects
            .iter()
            .any(|&o| RESPONSES.contains(&parsed.lemma(o)));
    if negated || !force {
        return None;
    }
    // Whom the force would fall on: the object, else the subject of a clause ("Israel
    // would face"), else none named.
    let aimed_at = objects
        .into_iter()
        .filter(|&o| !RESPONSES.contains(&parsed.lemma(o)))
        .chain(parsed.children_with(act, "nsubj"))
        .collect();
    Some(("138", aimed_at))
}

/// The CAMEO root a governing verb gives the act it governs: appeal, intent, demand, refusal.
fn governing_root(parsed: &Parsed, verb: usize) -> Option<&'static str> {
    Some(match parsed.lemma(verb) {
        // "ruled out sending troops"
        "rule" if parsed.particle(verb) == Some("out") => "12",
        "urge" | "ask" | "appeal" | "call" | "press" | "encourage" => "02",
        // Not "plan": a planned act is the act, scheduled ("plan to march" is a future
        // protest), as "is set to" is.
        "agree" | "pledge" | "promise" | "vow" | "offer" | "commit" | "intend" | "decide"
        | "undertake" => "03",
        "demand" | "insist" => "10",
        "refuse" | "decline" | "reject" => "12",
        "threaten" | "warn" => "13",
        _ => return None,
    })
}

/// The code of an appeal (02), intent (03), demand (10) or refusal (12) about an act coded
/// `act`, following CAMEO's parallel sub-codes: cooperation (06) -> x1, diplomatic
/// cooperation (05) -> x2, aid (07) -> x3, yielding (08) -> x5 with its kind as a fourth digit,
/// meeting (04) -> x6, mediation (045) -> 028, 039, 108 or 126. Refusals number differently
/// (121, 122, 124, 125, 126).
fn complement_code(root: &str, act: &str) -> Option<String> {
    if root == "13" {
        return threat_code(act);
    }
    let yielding = |sub: &str| match sub {
        "081" => Some("1"),
        "082" => Some("2"),
        "084" => Some("3"),
        "085" => Some("4"),
        "086" => Some("5"),
        "087" => Some("6"),
        _ => Some(""),
    };
    let act3 = act.get(..3)?;
    let act_root = act.get(..2)?;
    let refusal = root == "12";
    let code = match (act_root, act3) {
        // Mediation: appeal 028, intent 039, demand 108, refusal 126.
        (_, "045") => format!(
            "{root}{}",
            match root {
                "12" => "6",
                "03" => "9",
                _ => "8",
            }
        ),
        ("04", _) => format!("{root}{}", if refusal { "5" } else { "6" }),
        ("06", _) => format!("{root}1"),
        ("05", _) if !refusal => format!("{root}2"),
        ("07", _) => format!("{root}{}", if refusal { "2" } else { "3" }),
        ("08", _) => format!(
            "{root}{}{}",
            if refusal { "4" } else { "5" },
            yielding(act3)?
        ),
        _ => return None,
    };
    // Roots 02 and 03 are written with a leading zero ("0253"); 10 and 12 are not.
    Some(code)
}

/// The code of a threat to do `act`: to cut aid (1311), impose sanctions (1312), break
/// relations (1313), repress (137), blockade (1381), occupy (1382), use violence (1383),
/// attack (1384) or use weapons of mass destruction (1385).
fn threat_code(act: &str) -> Option<String> {
    let code = match act {
        a if a.starts_with("162") => "1311",
        a if a.starts_with("163") => "1312",
        a if a.starts_with("161") || a.starts_with("164") => "1313",
        a if a.starts_with("16") => "131",
        a if a.starts_with("17") => "137",
        a if a.starts_with("191") => "1381",
        a if a.starts_with("192") => "1382",
        a if a.starts_with("204") => "1385",
        a if a.starts_with("18") || a.starts_with("20") => "1383",
        a if a.starts_with("19") => "1384",
        a if a.starts_with("14") => "133",
        _ => return None,
    };
    Some(code.to_string())
}

/// The target words a pattern's slots point at.
fn targets(
    parsed: &Parsed,
    pattern: &Pattern,
    verb: usize,
    noun: Option<usize>,
    object: Option<usize>,
) -> Vec<usize> {
    let mut found = Vec::new();
    let indirect = || parsed.children_with(verb, "iobj").next();
    // "fishermen whom the navy arrested": the relative pronoun stands for the noun.
    let relative = parsed.full_relation(verb) == "acl:relcl";
    let object = object.map(|o| {
        if is_relative_pronoun(parsed, o) && relative {
            parsed.heads[verb].unwrap_or(o)
        } else {
            o
        }
    });
    // "four soldiers they kidnapped": a relative clause with its own subject and no object
    // tells of the noun as its object.
    let object = object.or_else(|| {
        let subject = parsed.child_full(verb, "nsubj")?;
        (relative && !is_relative_pronoun(parsed, subject))
            .then(|| parsed.heads[verb])
            .flatten()
    });
    for slot in &pattern.target {
        match slot.as_str() {
            // "warned Britain that ...": the parser may call the one object indirect. The
            // object may be the event noun itself, whose phrase then names the other side
            // ("expelled a Russian diplomat").
            "obj" => found.extend(object.or_else(indirect)),
            "iobj" => found.extend(indirect()),
            preposition => {
                for head in [Some(verb), noun].into_iter().flatten() {
                    found.extend(prepositional(parsed, head, preposition));
                }
                // "spoke by telephone with Modi", "mediated talks between …": the phrase may
                // hang one level down.
                // "signed a memorandum of understanding with Uzbekistan": or hang on the
                // noun's "of" phrase.
                if found.is_empty() {
                    // "talks on trade with the incoming US administration": or on the noun's
                    // topic.
                    let of_phrases = [noun, object]
                        .into_iter()
                        .flatten()
                        .flat_map(|head| parsed.children_with(head, "nmod"))
                        .filter(|&m| matches!(parsed.preposition(m), Some("of" | "on" | "over")));
                    found.extend(
                        parsed
                            .children_with(verb, "obl")
                            .chain(object)
                            .chain(of_phrases)
                            .find_map(|word| prepositional(parsed, word, preposition)),
                    );
                }
            }
        }
    }
    // "froze their assets", "froze the oligarch's assets": an act on a thing with no other
    // side is on the thing's owner; so is one whose other side is the owner its "of" names
    // ("raided the official's home" as "the home of the official").
    let owner_wanted = pattern.target.is_empty() || pattern.target.iter().any(|t| t == "of");
    if found.is_empty()
        && owner_wanted
        && let Some(noun) = noun
    {
        found.extend(
            parsed
                .children_with(noun, "nmod")
                .find(|&o| parsed.full_relation(o) == "nmod:poss"),
        );
    }
    // "demanded that Manila free the fishermen": the object is the clause's subject.
    if found.is_empty() && pattern.target.iter().any(|t| t == "obj") && noun.is_none() {
        found.extend(reported_subjects(parsed, verb).first());
    }
    // "asked the United States and the European Union to send ..." parsed with the second
    // name joined to the verb: a noun joined to a verb after its object is another object.
    if let Some(&first) = found
        .iter()
        .find(|&&w| Some(w) == object || Some(w) == indirect())
    {
        let first_end = parsed.phrase(first).into_iter().max().unwrap_or(first);
        // Right after the object's phrase, with only "and" or "or" between.
        let right_after = |c: usize| {
            let start = parsed.phrase(c).into_iter().min().unwrap_or(c);
            start == first_end + 2 && matches!(parsed.lemma(first_end + 1), "and" | "or")
        };
        let joined: Vec<usize> = parsed
            .children_with(verb, "conj")
            .filter(|&c| c > first && matches!(parsed.upos(c), "NOUN" | "PROPN"))
            .filter(|&c| right_after(c))
            .collect();
        found.extend(joined);
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// The verb's event noun `lemma`: its object ("held talks"), or the noun of one of its obliques
/// ("called for a ceasefire").
fn event_noun(parsed: &Parsed, verb: usize, object: Option<usize>, lemma: &str) -> Option<usize> {
    let mut nouns: Vec<usize> = object.map(|o| parsed.with_conjuncts(o)).unwrap_or_default();
    // "held two days of talks", "signed a series of agreements": the noun after "of".
    let counted: Vec<usize> = nouns
        .iter()
        .flat_map(|&o| parsed.children_with(o, "nmod"))
        .filter(|&m| parsed.preposition(m) == Some("of"))
        .collect();
    nouns.extend(counted);
    // "send thousands more troops", "suspended most of its aid": the parser may hang the
    // noun under the quantity that counts it.
    let quantified: Vec<usize> = object
        .filter(|&o| is_quantity(parsed, o))
        .map(|o| {
            parsed.children[o]
                .iter()
                .copied()
                .filter(|&c| matches!(parsed.relation(c), "obj" | "obl" | "nmod"))
                .collect()
        })
        .unwrap_or_default();
    nouns.extend(quantified);
    // "send more Patriot systems" parsed with two objects, "more" and "systems".
    nouns.extend(parsed.children_with(verb, "obj"));
    // "gave the miner 72 hours to pay" with "72 hours" hung bare under the first object.
    let bare: Vec<usize> = object
        .map(|o| {
            parsed.children[o]
                .iter()
                .copied()
                .filter(|&c| matches!(parsed.full_relation(c), "obl:unmarked" | "nmod:unmarked"))
                .collect()
        })
        .unwrap_or_default();
    nouns.extend(bare);
    nouns.extend(
        parsed.children[verb]
            .iter()
            .copied()
            .filter(|&c| matches!(parsed.full_relation(c), "obl:unmarked" | "iobj")),
    );
    // "raised its alert level against North Korea", "send a military aid package": a level or
    // state of something, or a batch of it, is that thing.
    nouns.extend(
        object
            .filter(|&o| {
                matches!(
                    parsed.lemma(o),
                    "level"
                        | "status"
                        | "state"
                        | "readiness"
                        | "package"
                        | "shipment"
                        | "consignment"
                        | "tranche"
                        | "batch"
                        | "delivery"
                        | "cargo"
                )
            })
            .map(|o| parsed.children_with(o, "compound").collect::<Vec<_>>())
            .unwrap_or_default(),
    );
    // "sent two planes carrying medicine": what the vehicles carry.
    let carried: Vec<usize> = object
        .map(|o| {
            parsed
                .children_with(o, "acl")
                .filter(|&acl| matches!(parsed.lemma(acl), "carry" | "bring" | "transport"))
                .flat_map(|acl| parsed.children_with(acl, "obj"))
                .flat_map(|o| parsed.with_conjuncts(o))
                .collect()
        })
        .unwrap_or_default();
    nouns.extend(carried);
    // Not the agent of a passive: "placed under house arrest by troops" puts no troops on
    // alert.
    nouns.extend(
        parsed
            .children_with(verb, "obl")
            .filter(|&obl| parsed.full_relation(obl) != "obl:agent")
            .filter(|&obl| parsed.preposition(obl) != Some("by") || !is_passive(parsed, verb)),
    );
    // "before holding talks" parsed as a modifier of "talks".
    if matches!(parsed.relation(verb), "amod" | "acl") {
        nouns.extend(parsed.heads[verb]);
    }
    // The lemmatizer leaves some plurals whole ("troops", "supplies"); a prefixed compound
    // is its last part ("counter-tariffs" are tariffs).
    let fits = |word: usize| {
        let whole = parsed.lemma(word);
        let found = whole.rsplit('-').next().unwrap_or(whole);
        found == lemma
            || found.strip_suffix('s') == Some(lemma)
            || found
                .strip_suffix("ies")
                .is_some_and(|stem| lemma.strip_suffix('y') == Some(stem))
    };
    nouns.into_iter().find(|&word| fits(word))
}

/// Whether a word counts or measures what follows it: "thousands", "most", "$2 billion",
/// "20 tonnes".
fn is_quantity(parsed: &Parsed, word: usize) -> bool {
    parsed.upos(word) == "NUM"
        || parsed.upos(word) == "SYM"
        || matches!(
            parsed.lemma(word),
            "thousand"
                | "thousands"
                | "hundred"
                | "hundreds"
                | "million"
                | "millions"
                | "billion"
                | "dozen"
                | "dozens"
                | "most"
                | "some"
                | "all"
                | "part"
                | "number"
                | "tonne"
                | "tonnes"
                | "ton"
                | "tons"
                | "batch"
                | "shipment"
        )
}

/// The oblique or nominal modifier of `head` introduced by `preposition`.
fn prepositional(parsed: &Parsed, head: usize, preposition: &str) -> Option<usize> {
    // "sent trucks into Syria" goes where "to Syria" would.
    let fits = |found: &str| found == preposition || (preposition == "to" && found == "into");
    parsed.modifiers(head).find(|&child| {
        parsed.preposition(child).is_some_and(fits) && !names_a_time(parsed.form(child))
    })
}

/// "ordered troops to patrol the streets", "ordered the armed forces to support police
/// patrols", "ordered the military to deploy more troops": the acts armed forces are ordered
/// to do that no pattern codes, or that deploy or support, which make the order a deployment
/// (none when the order's object is no armed force).
fn acts_of_forces_ordered(
    parsed: &Parsed,
    verb: usize,
    predicate_codes: &[(usize, String)],
) -> Vec<usize> {
    let forces = parsed.children_with(verb, "obj").any(|o| {
        matches!(
            parsed.lemma(o),
            "troop" | "troops" | "soldier" | "force" | "army" | "military"
        )
    });
    if !forces {
        return Vec::new();
    }
    let deploying = |x: usize| {
        predicate_codes
            .iter()
            .filter(|(p, _)| *p == x)
            .all(|(_, code)| code.starts_with("15") || code.starts_with("05"))
    };
    parsed
        .children_with(verb, "xcomp")
        .chain(
            parsed
                .children_with(verb, "advcl")
                .filter(|&a| is_purpose(parsed, a)),
        )
        .filter(|&x| deploying(x))
        .collect()
}

/// Whether a mention names only a kind of agent ("governments"), not a country, person or
/// organisation.
fn is_agent_only(mention: &dyad_resolve::Mention) -> bool {
    mention
        .referents
        .iter()
        .all(|r| matches!(r, dyad_resolve::Referent::Agent(_)))
}

/// Verbs of praise or blame whose object did what their "for" clause says ("praised Turkey
/// for training soldiers").
const PRAISE_OR_BLAME: [&str; 10] = [
    "praise",
    "thank",
    "commend",
    "congratulate",
    "hail",
    "criticise",
    "criticize",
    "condemn",
    "blame",
    "fault",
];

/// Verbs whose object does what their open complement says ("urged Israel to release").
const OBJECT_CONTROL: [&str; 21] = [
    "prompt",
    "compel",
    "oblige",
    "authorise",
    "authorize",
    "urge",
    "ask",
    "call",
    "press",
    "encourage",
    "order",
    "force",
    "invite",
    "tell",
    "allow",
    "permit",
    "persuade",
    "pressure",
    "push",
    "instruct",
    "request",
];

/// The subject of `verb`, or for an open complement ("agreed to meet") the controller's.
fn subject_of(parsed: &Parsed, verb: usize) -> Vec<usize> {
    let mut at = verb;
    for _ in 0..parsed.len() {
        // Above the verb itself, a passive controller counts too ("he is set to meet"). Of
        // two subjects the parser gave one verb, the nearer is its own ("If talks in Muscat
        // collapse, Washington is expected to ..." with "talks" taken as a subject too).
        // Two subjects that touch ("U.S. Ambassador" and "Mike Waltz") are one name the
        // parser split: the first is kept.
        let nearest = |relation: &str| {
            let first = parsed.child_full(at, relation);
            let nearer = parsed
                .children_with(at, "nsubj")
                .filter(|&c| parsed.full_relation(c) == relation)
                .filter(|&c| c < at && !matches!(parsed.lemma(c), "which" | "who" | "that"))
                .max();
            let touch = |f: usize, n: usize| {
                let first_end = parsed.phrase(f).into_iter().max().unwrap_or(f);
                let second_start = parsed.phrase(n).into_iter().min().unwrap_or(n);
                first_end + 1 == second_start
            };
            match (first, nearer) {
                (Some(f), Some(n)) if n > f && !touch(f, n) => Some(n),
                _ => first,
            }
        };
        let subject =
            nearest("nsubj").or_else(|| (at != verb).then(|| nearest("nsubj:pass")).flatten());
        if let Some(subject) = subject {
            // "the envoy who visited Tokyo": the relative pronoun stands for the noun.
            let relative = matches!(parsed.lemma(subject), "who" | "which" | "that");
            if relative
                && parsed.full_relation(at) == "acl:relcl"
                && let Some(noun) = parsed.heads[at]
            {
                return vec![noun];
            }
            // "North Korea warned that it would ...": a pronoun subject of a reported clause
            // is the speaker; so is one whose owner is a pronoun ("Thailand's army denied that
            // its artillery had shelled ...").
            let owned_by_pronoun = parsed.children_with(subject, "nmod").any(|owner| {
                parsed.full_relation(owner) == "nmod:poss"
                    && matches!(parsed.lemma(owner), "its" | "their" | "it" | "they")
            });
            let pronoun = owned_by_pronoun
                || matches!(parsed.lemma(subject), "it" | "they" | "he" | "she" | "we");
            // The speaker is the subject of the verb of saying, found as any subject is
            // ("... rejected the demand but said it would hold talks", "adding that it had
            // put its forces on alert").
            if pronoun
                && parsed.relation(at) == "ccomp"
                && let Some(saying) = parsed.heads[at]
            {
                let speaker = match parsed.child_full(saying, "nsubj") {
                    Some(own) => vec![own],
                    None => subject_of(parsed, saying),
                };
                if !speaker.is_empty() {
                    return speaker;
                }
            }
            // "Congo's government and the M23 rebel group resumed talks" parsed as two subjects
            // of the verb joined by its "and": both are the subject.
            let joined = parsed.children_with(at, "cc").next().is_some();
            let mut subjects: Vec<usize> = parsed.children[at]
                .iter()
                .copied()
                .filter(|&c| parsed.full_relation(c) == "nsubj" && c < at)
                .collect();
            if !joined || subjects.len() < 2 {
                subjects = vec![subject];
            }
            // "Anthony Albanese and his Papua New Guinea counterpart James Marape signed"
            // parsed with the first name as a bare oblique: a name before the subject with no
            // preposition is part of the subject.
            let lost: Vec<usize> = parsed
                .children_with(at, "obl")
                .filter(|&obl| obl < subject && parsed.preposition(obl).is_none())
                .filter(|&obl| !names_a_time(parsed.form(obl)))
                .filter(|&obl| parsed.mentions_at(obl).next().is_some())
                .collect();
            subjects.splice(0..0, lost);
            return subjects;
        }
        // "Moscow on Friday rejected ...": a parse that hangs a finite verb on the noun before
        // it has lost that noun as the subject. So has a sentence whose root is a noun
        // ("Hundreds of thousands of supporters rallied ..." parsed as a noun phrase with
        // "rallied" modifying "supporters"): its root is the subject.
        // The same holds for a verb above the one coded ("... Mohamud on Tuesday praised
        // Turkey for training soldiers and pledged to ...", where "pledged" climbs to
        // "praised"), when the parser left it unlabelled.
        let lost_verb = at == verb || parsed.relation(at) == "dep";
        if lost_verb
            && matches!(parsed.relation(at), "dep" | "acl" | "parataxis")
            && parsed.full_relation(at) != "acl:relcl"
            && let Some(head) = parsed.heads[at].filter(|&h| h < at)
            && matches!(parsed.upos(head), "NOUN" | "PROPN")
        {
            let root_noun = (0..at)
                .find(|&w| parsed.heads[w].is_none() && matches!(parsed.upos(w), "NOUN" | "PROPN"));
            // A past participle with an object is active too ("militiamen killed at least 70
            // civilians" with "killed" taken for a participle); of joined nouns, the first
            // ("soldiers and allied militiamen").
            let finite = parsed.xpos(at) == "VBD"
                || (parsed.xpos(at) == "VBN" && parsed.children_with(at, "obj").next().is_some());
            if finite {
                let mut first = root_noun.unwrap_or(head);
                while parsed.relation(first) == "conj"
                    && let Some(earlier) = parsed.heads[first].filter(|&h| h < first)
                {
                    first = earlier;
                }
                return vec![first];
            }
            if let Some(root) = root_noun
                && !(root..at).any(|w| parsed.upos(w) == "VERB")
            {
                return vec![root];
            }
            // "... rallied in Istanbul on Saturday against the jailing of ..., in the biggest
            // show of defiance in more than a decade" parsed with a trailing noun as the root:
            // a sentence with no verb above this one has it as its main verb, and the noun it
            // hangs on as its subject (not the whole phrase, which took in the trailing words).
            if is_verbless_sentence(parsed, at) {
                return vec![head];
            }
        }
        // "fired tear gas at hundreds of people demonstrating against the cost of living": a
        // present participle describing people or a party is what they do ("tents sheltering
        // families" tells of no act, and "accused Kigali of arming the rebels" of a charge).
        if at == verb
            && parsed.full_relation(verb) == "acl"
            && parsed.xpos(verb) == "VBG"
            && parsed.children_with(verb, "mark").next().is_none()
            && let Some(doer) = parsed.heads[verb].filter(|&h| h < verb)
            && matches!(parsed.upos(doer), "NOUN" | "PROPN")
            && parsed.mentions_at(doer).next().is_some()
        {
            return vec![doer];
        }
        // "fishermen whom the Sri Lankan navy arrested" parsed with the navy as a passive
        // subject of a verb with no passive auxiliary: it is the active subject.
        if at == verb
            && parsed.child_full(verb, "aux:pass").is_none()
            && parsed
                .children_with(verb, "obj")
                .any(|o| parsed.xpos(verb) == "VBD" || is_relative_pronoun(parsed, o))
            && let Some(subject) = parsed.child_full(verb, "nsubj:pass")
        {
            return vec![subject];
        }
        // "..., a day after a powerful earthquake killed more than 1,000 people" parsed with
        // "earthquake" as an oblique: a noun right before a finite verb and hanging on it is
        // its subject, not the subject of the clause it is joined to.
        if at == verb
            && matches!(parsed.xpos(verb), "VBD" | "VBZ" | "VBP")
            && let Some(before) = verb.checked_sub(1)
            && parsed.heads[before] == Some(verb)
            && matches!(parsed.upos(before), "NOUN" | "PROPN")
            && parsed.relation(before) == "obl"
            && !names_a_time(parsed.form(before))
        {
            return vec![before];
        }
        // "... detained 48 people as thousands of demonstrators gathered outside parliament"
        // parsed with the demonstrators under the first clause: the noun phrase between a
        // subordinator and a finite verb without a subject is that verb's subject.
        if at == verb
            && parsed.relation(verb) == "advcl"
            && matches!(parsed.xpos(verb), "VBD" | "VBZ" | "VBP")
            && let Some(subject) = subject_after_subordinator(parsed, verb)
        {
            return vec![subject];
        }
        // "During a call with Trump, Polish President Karol Nawrocki asked …" parsed with the
        // name in apposition to Trump: a root verb without a subject takes the name that
        // ends right before it.
        if at == verb
            && parsed.heads[verb].is_none()
            && let Some(name) = name_just_before(parsed, verb)
        {
            return vec![name];
        }
        // "backed Kuwait's position and called on Iraq to ..." parsed with "called" joined
        // to the object: a finite verb joined to a noun is joined to the noun's verb.
        if at == verb
            && parsed.relation(verb) == "conj"
            && matches!(parsed.xpos(verb), "VBD" | "VBZ" | "VBP")
            && let Some(noun) =
                parsed.heads[verb].filter(|&n| matches!(parsed.upos(n), "NOUN" | "PROPN"))
            && matches!(parsed.relation(noun), "obj" | "obl")
            && let Some(clause) = parsed.heads[noun].filter(|&v| parsed.upos(v) == "VERB")
        {
            // "said it was deeply alarmed by the reports and called on ...": a passive clause
            // of what someone says is of the speaker.
            let subjects = subject_of(parsed, clause);
            if subjects.is_empty()
                && parsed.relation(clause) == "ccomp"
                && let Some(saying) = parsed.heads[clause]
            {
                return subject_of(parsed, saying);
            }
            return subjects;
        }
        // "before holding talks" parsed with "holding" modifying "talks": the subject is
        // that of the verb the noun hangs on.
        if at == verb
            && parsed.relation(verb) == "amod"
            && let Some(noun) = parsed.heads[verb]
        {
            // "Anwar Ibrahim mediated talks" parsed with "mediated" modifying "talks": the
            // noun's own subject.
            if object_taken_for_head(parsed, verb).is_some()
                && let Some(subject) = parsed.child_full(noun, "nsubj")
            {
                return vec![subject];
            }
            // The modifier is the light verb itself ("holding"): whatever verb the noun
            // hangs on, its subject holds the talks.
            return clause_subject_of_noun(parsed, noun);
        }
        // "praised Turkey for training thousands of soldiers", "accused Rwanda of ...": the
        // object of praise or blame did what its "for" clause says.
        if at == verb
            && parsed.relation(at) == "advcl"
            && parsed
                .children_with(at, "mark")
                .any(|m| parsed.lemma(m) == "for")
            && let Some(head) = parsed.heads[at]
            && PRAISE_OR_BLAME.contains(&parsed.lemma(head))
            && let Some(object) = parsed
                .children_with(head, "obj")
                .next()
                .filter(|&o| parsed.mentions_at(o).any(|m| !is_agent_only(m)))
        {
            return vec![object];
        }
        // "urged France to recognise": the object of a verb of asking or ordering is the one
        // who is to act.
        if matches!(parsed.relation(at), "xcomp" | "advcl")
            && is_complement(parsed, at)
            && let Some(head) = parsed.heads[at]
            && OBJECT_CONTROL.contains(&parsed.lemma(head))
            && let Some(object) = parsed
                .children_with(head, "obj")
                .chain(parsed.children_with(head, "iobj"))
                .next()
        {
            return vec![object];
        }
        // "demanded that France extradite the minister, accusing Paris of sheltering ...": a
        // participle of speech set off by a comma at a complement clause's end is the
        // speaker's, who demanded, not the complement's subject's.
        if at == verb
            && is_free_speech_participle(parsed, verb)
            && let Some(clause) = parsed.heads[verb].filter(|&h| parsed.relation(h) == "ccomp")
            && let Some(speaker) = parsed.heads[clause]
        {
            return subject_of(parsed, speaker);
        }
        // Open complements, conjuncts and subjectless adverbial clauses ("Praising Takaichi,
        // Trump said ...", "before holding talks") share the subject of the clause above.
        match (parsed.relation(at), parsed.heads[at]) {
            // "France demanded that Algeria release the writer and summoned its envoy" parsed
            // with "summoned" joined to "release": a past tense joined to a present or bare
            // verb in a complement clause is joined to the verb that governs that clause.
            ("conj", Some(head))
                if parsed.xpos(at) == "VBD"
                    && matches!(parsed.xpos(head), "VB" | "VBP" | "VBZ")
                    && matches!(parsed.relation(head), "ccomp" | "xcomp")
                    && parsed.heads[head].is_some_and(|governor| governor < at) =>
            {
                // The governor comes first, so this walks up the sentence and ends.
                return parsed.heads[head].map_or_else(Vec::new, |g| subject_of(parsed, g));
            }
            // "condemned the strike as a violation of the ceasefire that ended last year's war
            // and again called on Israel ..." with "called" joined to "ended": a past tense
            // joined to a relative clause's verb, when the relative pronoun is that clause's
            // subject, belongs to the clause the relative clause sits in.
            ("conj", Some(head))
                if matches!(parsed.xpos(at), "VBD" | "VBN")
                    && parsed.xpos(head) == "VBD"
                    && parsed.full_relation(head) == "acl:relcl"
                    && parsed
                        .child_full(head, "nsubj")
                        .is_some_and(|s| is_relative_pronoun(parsed, s))
                    && parsed.child_full(at, "nsubj").is_none() =>
            {
                let mut above = parsed.heads[head];
                while let Some(word) = above.filter(|&w| parsed.upos(w) != "VERB") {
                    above = parsed.heads[word];
                }
                // The clause above comes first, so this walks up the sentence and ends.
                return above
                    .filter(|&verb| verb < at)
                    .map_or_else(Vec::new, |verb| subject_of(parsed, verb));
            }
            // "ordered two Chinese diplomats to leave the country within 72 hours, accusing
            // them of spying" parsed with "to leave" modifying "diplomats": a clause hanging
            // on such an infinitive is the ordering verb's.
            ("acl", Some(_)) if at != verb && parsed.verb_of_object_infinitive(at).is_some() => {
                at = parsed.verb_of_object_infinitive(at).unwrap_or(at);
            }
            ("xcomp" | "conj" | "advcl", Some(head)) => at = head,
            _ => break,
        }
    }
    Vec::new()
}

/// Whether the strike `noun` names is a stoppage of work: its words say so ("general",
/// "nationwide", "hunger", "24-hour"), or workers, unions or professions hold it.
fn is_labour_strike(parsed: &Parsed, noun: usize) -> bool {
    const KINDS: [&str; 12] = [
        "general",
        "nationwide",
        "national",
        "indefinite",
        "hunger",
        "labour",
        "labor",
        "warning",
        "rail",
        "transport",
        "teacher",
        "doctor",
    ];
    const HOLDERS: [&str; 12] = [
        "union", "worker", "teacher", "doctor", "nurse", "driver", "employee", "staff", "miner",
        "pilot", "docker", "farmer",
    ];
    let described = parsed.children[noun].iter().any(|&m| {
        let lemma = parsed.lemma(m);
        KINDS.contains(&lemma) || lemma.ends_with("-hour") || lemma.ends_with("-day")
    });
    let held_by_workers = light_verb_subject(parsed, noun).into_iter().any(|holder| {
        let lemma = parsed.lemma(holder);
        HOLDERS.contains(&lemma.strip_suffix('s').unwrap_or(lemma))
    });
    described || held_by_workers
}

/// The country a build-up of force by `source` faces: the one across "the border with X",
/// else the only country the sentence names other than the source's own.
fn facing_country(parsed: &Parsed, source: &[Actor]) -> Option<Actor> {
    let own: Vec<&str> = source.iter().filter_map(|a| a.country.as_deref()).collect();
    let country_at = |word: usize| {
        parsed.mentions_at(word).find_map(|m| {
            m.referents.iter().find_map(|r| match r {
                dyad_resolve::Referent::Country { code, .. } if !own.contains(&code.as_str()) => {
                    Some(code.clone())
                }
                _ => None,
            })
        })
    };
    let across = (0..parsed.len())
        .filter(|&w| matches!(parsed.lemma(w), "border" | "frontier"))
        .filter_map(|border| prepositional(parsed, border, "with"))
        .find_map(|w| country_at(w).map(|c| (w, c)));
    // "the Kuala Lumpur accord": a name that only says which thing is meant names no party.
    let names_a_thing = |word: usize| {
        parsed.relation(word) == "compound"
            && parsed.heads[word].is_some_and(|head| {
                parsed.upos(head) == "NOUN" && parsed.mentions_at(head).next().is_none()
            })
    };
    let named = || {
        let others: Vec<(usize, String)> = (0..parsed.len())
            .filter(|&w| !names_a_thing(w))
            .filter_map(|w| country_at(w).map(|c| (w, c)))
            .collect();
        let distinct: HashSet<&String> = others.iter().map(|(_, c)| c).collect();
        (distinct.len() == 1).then(|| others[0].clone())
    };
    let (word, country) = across.or_else(named)?;
    let span = parsed.span(word, word);
    Some(Actor::of_country(
        parsed.text[span.0..span.1].to_string(),
        span,
        &country,
        None,
    ))
}

/// Whether `word` tells what would have happened and did not ("a resolution that would have
/// imposed an arms embargo"): the verb it belongs to, or the verb itself, has "would have",
/// "could have" or "might have" before a past participle.
fn is_counterfactual(parsed: &Parsed, word: usize) -> bool {
    let mut at = word;
    for _ in 0..parsed.len() {
        if parsed.upos(at) == "VERB" {
            let auxiliaries: Vec<&str> = parsed
                .children_with(at, "aux")
                .map(|a| parsed.lemma(a))
                .collect();
            let modal = auxiliaries
                .iter()
                .any(|a| matches!(*a, "would" | "could" | "might"));
            return modal && auxiliaries.contains(&"have") && parsed.xpos(at) == "VBN";
        }
        match (parsed.relation(at), parsed.heads[at]) {
            ("obj" | "nmod" | "obl" | "acl" | "compound" | "conj", Some(head)) => at = head,
            _ => return false,
        }
    }
    false
}

/// Whether `noun` is an act asked for: the "for" phrase of a call, demand or appeal ("calls
/// from student protesters for his resignation", "demanded a vote on his resignation" is the
/// demand's own noun and not this).
fn is_asked_for(parsed: &Parsed, noun: usize) -> bool {
    const ASKING: [&str; 7] = ["call", "demand", "appeal", "request", "plea", "push", "ask"];
    // "rejecting calls ... for his resignation" with the "for" phrase hung on the verb.
    let asking = |head: usize| {
        ASKING.contains(&parsed.lemma(head))
            || parsed
                .children_with(head, "obj")
                .any(|o| parsed.upos(o) == "NOUN" && ASKING.contains(&parsed.lemma(o)))
    };
    matches!(parsed.upos(noun), "NOUN")
        && parsed.preposition(noun) == Some("for")
        && parsed.heads[noun].is_some_and(asking)
}

/// Whether `verb` is what an agreement provides for: an infinitive on the agreement's noun
/// ("agreements to expand cross-border trade") or on its signing.
fn is_content_of_agreement(parsed: &Parsed, verb: usize) -> bool {
    const AGREEMENTS: [&str; 8] = [
        "agreement",
        "deal",
        "accord",
        "pact",
        "treaty",
        "memorandum",
        "roadmap",
        "declaration",
    ];
    // Or on the signing itself ("signed agreements on Tuesday to expand trade").
    let on_agreement = |head: usize| match parsed.relation(verb) {
        "acl" => AGREEMENTS.contains(&parsed.lemma(head)),
        "advcl" => {
            matches!(parsed.lemma(head), "sign" | "ink" | "conclude")
                && parsed
                    .children_with(head, "obj")
                    .any(|o| AGREEMENTS.contains(&parsed.lemma(o)))
        }
        _ => false,
    };
    parsed
        .children_with(verb, "mark")
        .any(|m| parsed.lemma(m) == "to")
        && parsed.heads[verb].is_some_and(on_agreement)
}

/// Whether an assault (root 18 or 19) by a state's police or troops falls on people of their
/// own country in a sentence about a protest.
fn is_repression_of_protest(
    parsed: &Parsed,
    root: &str,
    source: &[Actor],
    target: &[Actor],
) -> bool {
    const PROTESTS: [&str; 4] = ["protest", "demonstration", "rally", "march"];
    let forces = source
        .iter()
        .any(|s| matches!(s.sector.as_deref(), Some("COP" | "MIL")));
    let at_home = !target.is_empty()
        && target
            .iter()
            .all(|t| t.country.is_some() && source.iter().any(|s| s.country == t.country));
    let protest = (0..parsed.len()).any(|w| {
        let lemma = parsed.lemma(w);
        PROTESTS.contains(&lemma) || PROTESTERS.contains(&lemma)
    });
    matches!(root, "18" | "19") && forces && at_home && protest
}

/// The nouns for people who protest.
const PROTESTERS: [&str; 4] = ["protester", "protestor", "demonstrator", "marcher"];

/// "protesters set fire to parliament", "demonstrators clashed with police": whether force
/// (root 18 or 19) is used by protesters or a crowd (`source`, the subject's words), a violent
/// protest, a riot (145).
fn is_riot(parsed: &Parsed, root: &str, source: &[usize]) -> bool {
    let protesting = |w: &usize| {
        let lemma = parsed.lemma(*w);
        PROTESTERS.contains(&lemma) || matches!(lemma, "rioter" | "mob" | "crowd")
    };
    matches!(root, "18" | "19") && source.iter().any(protesting)
}

/// "Dar called on Chief Adviser Muhammad Yunus and held talks with ...": a call on someone
/// named, with nothing asked of them (no "to" clause, no "for"), is a visit paid.
fn is_courtesy_call(parsed: &Parsed, verb: usize) -> bool {
    // "called him on Monday" telephoned.
    let on_someone_named = parsed.modifiers(verb).any(|m| {
        matches!(parsed.preposition(m), Some("on" | "upon"))
            && parsed.upos(m) == "PROPN"
            && !names_a_time(parsed.form(m))
    }) && parsed.children_with(verb, "obj").next().is_none();
    // "called on the United States and France, which oversee the truce, to press Israel"
    // with "to press" hung lower down still asks.
    let under_the_call = |mut word: usize| {
        while let Some(head) = parsed.heads[word] {
            if head == verb {
                return true;
            }
            word = head;
        }
        false
    };
    // "called on Iraq to abide by the agreement" with "to abide" hung elsewhere: an
    // infinitive right after whom the call is on asks too.
    let right_after_addressee = |mark: usize| {
        parsed.modifiers(verb).any(|m| {
            matches!(parsed.preposition(m), Some("on" | "upon"))
                && parsed.phrase(m).into_iter().max() == Some(mark - 1)
        })
    };
    let infinitive_under = (verb + 1..parsed.len()).any(|w| {
        parsed.upos(w) == "VERB"
            && parsed
                .children_with(w, "mark")
                .any(|m| parsed.lemma(m) == "to" && (under_the_call(w) || right_after_addressee(m)))
    });
    let asks = infinitive_under
        || parsed.children[verb]
            .iter()
            .any(|&c| matches!(parsed.relation(c), "xcomp" | "ccomp" | "advcl"))
        || parsed
            .modifiers(verb)
            .any(|m| parsed.preposition(m) == Some("for"));
    parsed.lemma(verb) == "call" && on_someone_named && !asks
}

/// Whether "call" names its object something ("calling the vote an important step",
/// "calling it legitimate"): an open complement, or an adjective or a new noun phrase right
/// after the object's head.
fn calls_something_something(parsed: &Parsed, verb: usize) -> bool {
    let complement = parsed
        .children_with(verb, "xcomp")
        .any(|x| matches!(parsed.upos(x), "ADJ" | "NOUN"));
    let after_object = parsed
        .children_with(verb, "obj")
        .next()
        .is_some_and(|object| {
            let next = object + 1;
            next < parsed.len()
                && (matches!(parsed.upos(next), "ADJ" | "NOUN")
                    || matches!(parsed.lemma(next), "a" | "an"))
        });
    complement || after_object
}

/// The name a verb of naming gives its thing, when it is a word of censure: the open
/// complement ("called the ruling regrettable"), the noun phrase after the object ("calling
/// the incursion an act of aggression") or the "as" phrase ("described the unrest as
/// 'treasonous'").
fn censuring_name(parsed: &Parsed, verb: usize) -> Option<usize> {
    const CENSURE: [&str; 49] = [
        "unsafe",
        "unprofessional",
        "dangerous",
        "attack",
        "assault",
        "insult",
        "fabrication",
        "unfair",
        "unjust",
        "abuse",
        "hypocritical",
        "unconstitutional",
        "sabotage",
        "unacceptable",
        "regrettable",
        "unjustified",
        "unjustifiable",
        "illegal",
        "unlawful",
        "illegitimate",
        "provocation",
        "provocative",
        "aggression",
        "violation",
        "breach",
        "irresponsible",
        "hostile",
        "outrageous",
        "absurd",
        "baseless",
        "unfounded",
        "coup",
        "crime",
        "persecution",
        "sham",
        "farce",
        "interference",
        "meddling",
        "disproportionate",
        "treasonous",
        "terror",
        "terrorism",
        "blackmail",
        "coercion",
        "betrayal",
        "reckless",
        "shameful",
        "deplorable",
        "repression",
    ];
    let censures = |word: usize| {
        std::iter::once(word)
            .chain(
                parsed.children[word]
                    .iter()
                    .copied()
                    .filter(|&c| matches!(parsed.relation(c), "nmod" | "amod" | "compound")),
            )
            .any(|w| CENSURE.contains(&parsed.lemma(w).trim_matches('\'')))
    };
    let object = parsed.children_with(verb, "obj").next();
    let after_object = object.into_iter().flat_map(|o| {
        parsed.children[o]
            .iter()
            .copied()
            .filter(move |&c| c > o && matches!(parsed.upos(c), "NOUN" | "ADJ"))
    });
    let as_phrase = parsed.children[verb]
        .iter()
        .copied()
        .filter(|&c| matches!(parsed.relation(c), "obl" | "advcl" | "xcomp"))
        .filter(|&c| {
            parsed.children[c]
                .iter()
                .any(|&m| matches!(parsed.relation(m), "case" | "mark") && parsed.lemma(m) == "as")
        });
    // "called the decision disproportionate" read as one noun phrase, "decision" a compound
    // of "disproportionate"; "called Germany's plan to extend ... to all its land frontiers
    // 'unacceptable'" read with the adjective after the last noun it could follow. English
    // puts no plain adjective after its noun, so one there is the name.
    let misread = object.into_iter().flat_map(|o| {
        let compounded = parsed.children_with(o, "compound").any(|c| c < o);
        let trailing = parsed
            .phrase(o)
            .into_iter()
            .filter(move |&w| w > o && parsed.upos(w) == "ADJ" && parsed.relation(w) == "amod")
            .filter(|&w| parsed.heads[w].is_some_and(|head| head < w));
        compounded.then_some(o).into_iter().chain(trailing)
    });
    parsed
        .children_with(verb, "xcomp")
        .chain(parsed.children_with(verb, "obj").skip(1))
        .chain(after_object)
        .chain(as_phrase)
        .chain(misread)
        .find(|&name| matches!(parsed.upos(name), "NOUN" | "ADJ") && censures(name))
}

/// The thing a verb of naming names: its object, the noun a relative clause of it describes
/// ("a move the watchdog called unjustified"), or a noun the parser hung under the name
/// itself ("called the ruling regrettable" read with "ruling" under "regrettable").
fn named_thing(parsed: &Parsed, verb: usize, name: usize) -> Option<usize> {
    let object = parsed.children_with(verb, "obj").find(|&o| o != name);
    let described = (parsed.full_relation(verb) == "acl:relcl")
        .then(|| parsed.heads[verb])
        .flatten();
    let under_name = || {
        parsed.children[name].iter().copied().find(|&c| {
            c > verb
                && c < name
                && (matches!(parsed.upos(c), "NOUN" | "PROPN" | "PRON")
                    || (parsed.upos(c) == "VERB" && parsed.relation(c) == "amod"))
        })
    };
    object.or(described).or_else(under_name)
}

/// Whether `verb` is a participle of speech ("accusing", "urging", "warning") set off by a
/// comma as an adverbial clause.
fn is_free_speech_participle(parsed: &Parsed, verb: usize) -> bool {
    const SPEECH_ACTS: [&str; 11] = [
        "accuse",
        "blame",
        "urge",
        "warn",
        "criticise",
        "criticize",
        "condemn",
        "praise",
        "threaten",
        "deny",
        "demand",
    ];
    is_participle_after_comma(parsed, verb)
        && parsed.relation(verb) == "advcl"
        && SPEECH_ACTS.contains(&parsed.lemma(verb))
}

/// Whether the parse gives the sentence no verb above `verb`: its root is a noun without a
/// copula (so not "X is the biggest ...") and no verb before `verb` heads a clause of its own.
fn is_verbless_sentence(parsed: &Parsed, verb: usize) -> bool {
    let Some(root) = (0..parsed.len()).find(|&w| parsed.heads[w].is_none()) else {
        return false;
    };
    matches!(parsed.upos(root), "NOUN" | "PROPN" | "NUM")
        && parsed.child_full(root, "cop").is_none()
        && !(0..verb).any(|w| matches!(parsed.upos(w), "VERB" | "AUX"))
}

/// Whether `word` heads a phrase naming a kind of actor ("gunmen", "a suicide bomber") and no
/// country or known entity.
fn is_unnamed_agent(parsed: &Parsed, word: usize) -> bool {
    let phrase = parsed.phrase(word);
    parsed.mentions.iter().any(|m| {
        phrase.contains(&m.start)
            && m.referents
                .iter()
                .all(|r| matches!(r, dyad_resolve::Referent::Agent(_)))
    })
}

/// Where else a target may be named when the pattern's slots found none: the object, a
/// phrase on the predicate or its object introduced by a preposition of direction or
/// opposition, or the subject of a reported clause ("warned that Tehran would ...").
/// The words that may name whom a threat is aimed at, in order: the subjects of the "if" or
/// "unless" clauses inside it, the "by" agents of the nouns inside it ("any provocation by
/// the United States"), then what its act is "against".
fn threatened_parties(parsed: &Parsed, threat: usize) -> Vec<usize> {
    let mut inside = vec![threat];
    let mut at = 0;
    while at < inside.len() {
        inside.extend(parsed.children[inside[at]].iter().copied());
        at += 1;
    }
    let conditions = inside
        .iter()
        .filter(|&&w| is_condition(parsed, w))
        .filter_map(|&clause| parsed.child_full(clause, "nsubj"));
    let agents = inside.iter().copied().filter(|&w| {
        parsed.preposition(w) == Some("by")
            && parsed.heads[w].is_some_and(|head| parsed.upos(head) == "NOUN")
    });
    // "threatened to take military action against the United States".
    let opposed = inside
        .iter()
        .copied()
        .filter(|&w| w != threat && parsed.preposition(w) == Some("against"));
    conditions.chain(agents).chain(opposed).collect()
}

fn other_targets(parsed: &Parsed, frame: &Frame, pattern: &Pattern) -> Vec<usize> {
    const TOWARD: [&str; 11] = [
        "on", "against", "with", "to", "for", "at", "into", "toward", "towards", "over", "between",
    ];
    let predicate = frame.predicate;
    let mut heads = vec![predicate];
    heads.extend(frame.noun);
    let objects: Vec<usize> = parsed
        .children_with(predicate, "obj")
        .chain(parsed.children_with(predicate, "iobj"))
        .filter(|&o| Some(o) != frame.noun)
        .collect();
    // A pattern that names its target slots without the object ("leave for") says the object
    // is not the target ("leaving Malaysia" is no visit to Malaysia).
    // The parser tells direct from indirect objects poorly ("lend Lebanon $250 million").
    let object_is_target =
        pattern.target.is_empty() || pattern.target.iter().any(|t| t == "obj" || t == "iobj");
    let mut words = if object_is_target {
        objects.clone()
    } else {
        Vec::new()
    };
    for &object in &objects {
        // "signed a memorandum of understanding with his Uzbek counterpart", "rejected a plan
        // drawn up by Britain": deeper in the object's phrase.
        let mut inner: Vec<usize> = parsed.phrase(object);
        // "a series of agreements, including trade deals with Cambodia": conjuncts inside.
        let conjoined: Vec<usize> = inner
            .iter()
            .flat_map(|&w| parsed.with_conjuncts(w).into_iter().skip(1))
            .flat_map(|c| parsed.phrase(c))
            .collect();
        inner.extend(conjoined);
        for acl in parsed.children_with(object, "acl") {
            words.extend(agent_of_passive(parsed, acl));
            inner.push(acl);
        }
        heads.extend(inner);
    }
    for &head in &heads {
        words.extend(parsed.modifiers(head).filter(|&child| {
            parsed
                .preposition(child)
                .is_some_and(|p| TOWARD.contains(&p))
        }));
    }
    words.extend(reported_subjects(parsed, predicate));
    // "demanded that Sri Lanka immediately free …" with the clause's verb taken for an
    // adjective: the first subject after the "that", or the first name when the parse
    // lost the subject too ("that Manila immediately free" with "Manila" a modifier).
    let that =
        (predicate + 1..parsed.len().min(predicate + 6)).find(|&w| parsed.lemma(w) == "that");
    if let Some(that) = that {
        let names_actor = |w: usize| parsed.mentions_at(w).any(|m| !is_agent_only(m));
        words.extend(
            (that + 1..parsed.len()).find(|&w| parsed.relation(w) == "nsubj" || names_actor(w)),
        );
    }
    // "met Wang Yi and agreed to resume dialogue": the other side of a coordinated act.
    if parsed.relation(predicate) == "conj"
        && let Some(first) = parsed.heads[predicate]
    {
        words.extend(parsed.children_with(first, "obj"));
    }
    words.retain(|w| !frame.source.contains(w));
    words
}

/// The subjects (not pronouns) of the clauses `predicate` reports ("warned that Tehran would").
fn reported_subjects(parsed: &Parsed, predicate: usize) -> Vec<usize> {
    parsed
        .children_with(predicate, "ccomp")
        .filter_map(|clause| parsed.child_full(clause, "nsubj"))
        .filter(|&subject| parsed.upos(subject) != "PRON")
        .collect()
}

/// The country of the place where the act happened ("in Kathmandu", "across Gaza"), read on
/// the predicate or, for a subjectless clause ("..., killing 13 soldiers"), the clause above.
fn place_of(parsed: &Parsed, kb: &Kb, predicate: usize, day: Day) -> Option<Actor> {
    let mut at = predicate;
    // Bounded by the sentence's length: a tree has no longer path.
    for _ in 0..parsed.len() {
        if let Some(place) = place_on(parsed, kb, at, day) {
            return Some(place);
        }
        match (parsed.relation(at), parsed.heads[at]) {
            ("advcl" | "xcomp" | "conj", Some(head)) => at = head,
            _ => return None,
        }
    }
    None
}

/// Whether a word of the sentence names a country other than `country`, or a place in one.
fn names_another_country(parsed: &Parsed, country: &str) -> bool {
    parsed.mentions.iter().any(|m| {
        // "near the Cameroon border" names a border, not a party.
        !crate::actors::names_a_border(parsed, m)
            && m.referents.iter().any(|r| match r {
                dyad_resolve::Referent::Country { code, .. } => code != country,
                dyad_resolve::Referent::Place { country: inside } => inside != country,
                _ => false,
            })
    })
}

/// The country of an article's dateline, when `parsed` (its first sentence) is one: a place
/// and a date or agency ending in a dash ("TBILISI, Oct 5 (Reuters) -", "GOMA, Congo -").
fn dateline_country(parsed: &Parsed) -> Option<String> {
    let last = parsed.len().checked_sub(1)?;
    if !matches!(parsed.form(last), "-" | "—" | "–") {
        return None;
    }
    parsed.mentions.iter().find_map(|m| {
        m.referents.iter().find_map(|r| match r {
            dyad_resolve::Referent::Place { country } => Some(country.clone()),
            dyad_resolve::Referent::Country { code, .. } => Some(code.clone()),
            _ => None,
        })
    })
}

fn place_on(parsed: &Parsed, kb: &Kb, predicate: usize, day: Day) -> Option<Actor> {
    let locative = |word: usize| {
        matches!(
            parsed.preposition(word),
            Some(
                "in" | "across"
                    | "into"
                    | "on"
                    | "near"
                    | "at"
                    | "through"
                    | "throughout"
                    | "outside"
                    | "around"
                    | "along"
            )
        )
    };
    parsed
        .modifiers(predicate)
        .filter(|&obl| locative(obl))
        // "rallied outside parliament in Tbilisi": the place a place is in.
        .flat_map(|obl| {
            let within = parsed
                .children_with(obl, "nmod")
                .filter(|&n| parsed.preposition(n) == Some("in"));
            std::iter::once(obl).chain(within)
        })
        .find_map(|obl| {
            let actor = actor_of(parsed, kb, obl, day)?;
            let country = actor.country.clone()?;
            Some(Actor {
                code: country,
                sector: None,
                entity: None,
                name: None,
                ..actor
            })
        })
}

/// The country of the first place named in the phrase of `word` (a few levels down:
/// "killings of civilians in Syria's coastal region") or, failing that, on the words it hangs
/// from up to the predicate ("opened an investigation into killings ... in the Sudanese city
/// of El Fasher", where the parser hangs the place on "opened").
fn place_within(
    parsed: &Parsed,
    kb: &Kb,
    word: usize,
    predicate: usize,
    day: Day,
) -> Option<Actor> {
    let mut level = vec![word];
    for _ in 0..4 {
        if let Some(place) = level.iter().find_map(|&w| place_on(parsed, kb, w, day)) {
            return Some(place);
        }
        level = level
            .iter()
            .flat_map(|&w| parsed.children[w].iter().copied())
            .filter(|&c| {
                matches!(
                    parsed.relation(c),
                    "nmod" | "acl" | "conj" | "obl" | "advcl"
                )
            })
            .collect();
    }
    let mut at = word;
    // Bounded by the sentence's length: a tree has no longer path.
    for _ in 0..parsed.len() {
        if at == predicate {
            return None;
        }
        at = parsed.heads[at]?;
        if let Some(place) = place_on(parsed, kb, at, day) {
            return Some(place);
        }
    }
    None
}

/// The "by" agent of a passive verb; also one the parser hung on a neighbouring oblique ("on
/// Tuesday by Donald Trump").
fn agent_of_passive(parsed: &Parsed, verb: usize) -> Vec<usize> {
    let direct = parsed
        .child_full(verb, "obl:agent")
        .or_else(|| prepositional(parsed, verb, "by"));
    let nested = || {
        parsed
            .children_with(verb, "obl")
            .find_map(|obl| prepositional(parsed, obl, "by"))
    };
    // "was hit by drones launched by the Rapid Support Forces": who launched the weapon.
    let agent = direct.or_else(nested);
    let launcher = agent.and_then(|agent| {
        parsed
            .children_with(agent, "acl")
            .find_map(|acl| parsed.child_full(acl, "obl:agent"))
    });
    launcher.or(agent).into_iter().collect()
}

/// The head of the proper name that ends right before `verb` ("Karol Nawrocki asked"),
/// climbing its flat and compound parts, unless the name sits in a prepositional phrase.
fn name_just_before(parsed: &Parsed, verb: usize) -> Option<usize> {
    let mut word = verb.checked_sub(1)?;
    if parsed.upos(word) != "PROPN" {
        return None;
    }
    while matches!(parsed.relation(word), "flat" | "compound")
        && let Some(head) = parsed.heads[word].filter(|&h| h < verb)
    {
        word = head;
    }
    let in_phrase = parsed.children_with(word, "case").next().is_some();
    (!in_phrase && parsed.upos(word) == "PROPN").then_some(word)
}

/// A noun the parser made an oblique without a preposition right after the verb, which is
/// its object: "deported more than 200 alleged gang members to El Salvador".
fn unmarked_object(parsed: &Parsed, verb: usize) -> Option<usize> {
    parsed
        .children_with(verb, "obl")
        .filter(|&o| o > verb && parsed.full_relation(o) == "obl")
        .filter(|&o| matches!(parsed.upos(o), "NOUN" | "PROPN"))
        .find(|&o| parsed.preposition(o).is_none())
}

/// The words naming who wrote or backed a thing: "British" in "a British-drafted resolution".
fn authors_of(parsed: &Parsed, thing: usize) -> Vec<usize> {
    const AUTHORED: [&str; 7] = [
        "draft", "back", "sponsor", "propose", "author", "write", "broker",
    ];
    parsed
        .children_with(thing, "amod")
        .filter(|&m| AUTHORED.contains(&parsed.lemma(m)))
        .flat_map(|m| {
            parsed.children[m]
                .iter()
                .copied()
                .filter(|&c| matches!(parsed.relation(c), "compound" | "obl" | "nmod" | "amod"))
                .filter(|&c| c < m)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// "..., a charge Kigali denies", "a claim New Delhi dismissed as baseless": a claim noun
/// followed by the clause of whoever answers it, without "that". The parser reads it either
/// as a relative clause whose object is missing, or with the claim as the verb's subject and
/// the answerer in apposition to it. Gives (the claim, the answerer).
fn reduced_relative(parsed: &Parsed, verb: usize) -> Option<(usize, usize)> {
    const CLAIMS: [&str; 7] = [
        "charge",
        "claim",
        "accusation",
        "allegation",
        "report",
        "assertion",
        "assessment",
    ];
    if parsed.children_with(verb, "obj").next().is_some() {
        return None;
    }
    let is_claim = |w: usize| CLAIMS.contains(&parsed.lemma(w));
    // "a charge Kigali denies" read as a relative clause.
    if parsed.full_relation(verb) == "acl:relcl"
        && let Some(claim) = parsed.heads[verb].filter(|&h| is_claim(h))
        && let Some(subject) = parsed.child_full(verb, "nsubj")
        && claim < subject
        && !is_relative_pronoun(parsed, subject)
    {
        return Some((claim, subject));
    }
    // "a charge New Delhi dismissed" read with the charge as subject.
    let claim = parsed.child_full(verb, "nsubj").filter(|&n| is_claim(n))?;
    let answerer = parsed
        .children_with(claim, "appos")
        .find(|&a| a > claim && a < verb && parsed.upos(a) == "PROPN")?;
    Some((claim, answerer))
}

/// The noun a finite verb was hung on as a modifier, which is its object: "mediated talks"
/// parsed with "mediated" as an adjective of "talks".
fn object_taken_for_head(parsed: &Parsed, verb: usize) -> Option<usize> {
    let head = parsed.heads[verb]?;
    // A past participle too when the noun has a subject before it, as no modified noun has.
    let subject_before = parsed
        .child_full(head, "nsubj")
        .is_some_and(|subject| subject < verb);
    let finite = parsed.upos(verb) == "VERB"
        && (parsed.xpos(verb) == "VBD" || (parsed.xpos(verb) == "VBN" && subject_before));
    (finite && parsed.relation(verb) == "amod" && head > verb).then_some(head)
}

/// For an event noun that is the object or oblique of a verb, the verb's subject.
fn clause_subject_of_noun(parsed: &Parsed, noun: usize) -> Vec<usize> {
    match (parsed.relation(noun), parsed.heads[noun]) {
        ("obj" | "obl", Some(verb)) if parsed.upos(verb) == "VERB" => subject_of(parsed, verb),
        _ => Vec::new(),
    }
}

/// Adjectives of whoever would take part in an act "to" them ("open to talks").
const HYPOTHETICAL_READINESS: [&str; 4] = ["open", "ready", "willing", "committed"];

/// Verbs whose subject takes part in the act their object names ("held talks", "joined
/// the protests", "ordered the expulsion"), not those that act on it ("quell protests",
/// "welcomed the talks").
const TAKING_PART: [&str; 31] = [
    "hold",
    "stage",
    "lead",
    "organise",
    "organize",
    "launch",
    "join",
    "start",
    "begin",
    "continue",
    "resume",
    "mount",
    "conduct",
    "carry",
    "make",
    "pay",
    "take",
    "attend",
    "sign",
    "reach",
    "conclude",
    "host",
    "call",
    "plan",
    "announce",
    "declare",
    "wage",
    "escalate",
    "intensify",
    "renew",
    "order",
];

/// For an event noun that is the object or oblique of a verb ("held talks", "led a delegation
/// to talks", "drove tractors onto motorways in protest"), the verb's subject.
fn light_verb_subject(parsed: &Parsed, noun: usize) -> Vec<usize> {
    // "began two weeks of drills": the span of time stands in the act's place.
    let noun = parsed.span_of_act(noun).unwrap_or(noun);
    // "China is open to talks with the United States": whoever is open or ready to an act.
    let open_to = parsed.preposition(noun) == Some("to")
        && parsed.heads[noun].is_some_and(|adjective| {
            parsed.upos(adjective) == "ADJ"
                && HYPOTHETICAL_READINESS.contains(&parsed.lemma(adjective))
        });
    if open_to {
        return parsed.heads[noun]
            .and_then(|adjective| parsed.child_full(adjective, "nsubj"))
            .into_iter()
            .collect();
    }
    // An act the verb's subject is "during", "in" or "at" is theirs ("During a telephone
    // call with Trump, Nawrocki asked ...").
    let during = matches!(parsed.preposition(noun), Some("during" | "in" | "at"));
    let taking_part = parsed.heads[noun].is_some_and(|v| TAKING_PART.contains(&parsed.lemma(v)));
    if taking_part || during {
        clause_subject_of_noun(parsed, noun)
    } else {
        Vec::new()
    }
}

/// The CAMEO roots of acts a state directs at its own people: appeal, investigate, demand,
/// disapprove, reject, threaten, coerce.
const DOMESTIC_ROOTS: [&str; 7] = ["02", "09", "10", "11", "12", "13", "17"];

/// The person `word` names by office or kind alone ("a former transport minister",
/// "protesters", "the opposition"), as one of the state whose courts, police or government
/// act on them (`source`); with `any_source`, of any source's country (protesters and the
/// parliament they march on).
fn domestic_official(
    parsed: &Parsed,
    word: usize,
    source: &[Actor],
    any_source: bool,
) -> Option<Actor> {
    // Parties too: "the ruling Georgian Dream party rejected an opposition demand"; and the
    // opposition: "opposition leader Machado urged the armed forces to ...".
    const STATE: [&str; 7] = ["GOV", "JUD", "COP", "MIL", "LEG", "PTY", "OPP"];
    const DOMESTIC: [&str; 17] = [
        "GOV", "JUD", "COP", "MIL", "LEG", "OPP", "CVL", "ELI", "REB", "EDU", "LAB", "REF", "HLH",
        "AGR", "REL", "MED", "BUS",
    ];
    // "Colombia's Catholic bishops urged the rebels to free the captives": the country's
    // other people too, when the sentence names no other country.
    let state = source.iter().find(|s| {
        let Some(country) = s.country.as_deref() else {
            return false;
        };
        // A country named bare ("Belarus freed 52 prisoners") is its state.
        let sector = s.sector.as_deref().unwrap_or("GOV");
        any_source
            || STATE.contains(&sector)
            || (DOMESTIC.contains(&sector) && !names_another_country(parsed, country))
    })?;
    let country = state.country.clone()?;
    let phrase = parsed.core_phrase(word);
    let sector = parsed.mentions.iter().find_map(|m| {
        let inside = (m.start..m.end).any(|w| phrase.contains(&w));
        m.referents.iter().find_map(|r| match r {
            dyad_resolve::Referent::Agent(sector)
                if inside && DOMESTIC.contains(&sector.as_str()) =>
            {
                Some(sector.clone())
            }
            _ => None,
        })
    })?;
    let span = parsed.span(phrase[0], phrase[phrase.len() - 1]);
    let text = parsed.text[span.0..span.1].to_string();
    Some(Actor::of_country(text, span, &country, Some(&sector)))
}

/// Whether `word` names a state as such: a country by its name, capital or seat ("China",
/// "Beijing"), or a government body ("the foreign ministry"); not its people ("Serbians").
fn names_a_state(parsed: &Parsed, word: usize) -> bool {
    parsed.mentions_at(word).any(|m| {
        m.referents.iter().any(|r| match r {
            dyad_resolve::Referent::Country { how, .. } => {
                !matches!(how, dyad_resolve::CountryName::Demonym)
            }
            dyad_resolve::Referent::Agent(sector) => sector == "GOV",
            _ => false,
        })
    })
}

/// Whether `word` is (part of) a country's name or demonym.
fn names_country(parsed: &Parsed, word: usize) -> bool {
    parsed.mentions_at(word).any(|m| {
        m.referents
            .iter()
            .any(|r| matches!(r, dyad_resolve::Referent::Country { .. }))
    })
}

fn is_future_tense(parsed: &Parsed, word: usize) -> bool {
    parsed
        .children_with(word, "aux")
        .any(|aux| matches!(parsed.lemma(aux), "will" | "shall"))
}

/// The actors with each code once ("the tanker and its crew" are one Greek target).
fn distinct(actors: Vec<Actor>) -> Vec<Actor> {
    let mut kept: Vec<Actor> = Vec::new();
    for actor in actors {
        if !kept.iter().any(|k| k.code == actor.code) {
            kept.push(actor);
        }
    }
    kept
}

fn codes(actors: &[Actor]) -> Vec<String> {
    actors.iter().map(|a| a.code.clone()).collect()
}

/// FNV-1a of the article, sentence, action offset and code: stable across runs.
fn event_id(article_id: &str, sentence: usize, event: &Event) -> String {
    let key = format!(
        "{article_id}/{sentence}/{}/{}",
        event.action.start, event.cameo
    );
    format!("{:016x}", dyad_core::fnv1a64(key.as_bytes()))
}
