//! The shipped models, knowledge base and coder on sentences written for these tests.

mod common;

use chrono::NaiveDate;
use dyad_coder::Event;

fn code(text: &str, date: &str) -> Vec<Event> {
    let (models, coder) = common::pipeline();
    let doc = models.annotate_text(text);
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    coder.code("test", &doc, date)
}

/// (cameo, source codes, target codes, modality) of each event.
fn summary(events: &[Event]) -> Vec<(String, Vec<String>, Vec<String>, String)> {
    events
        .iter()
        .map(|e| {
            (
                e.cameo.clone(),
                e.source.iter().map(|a| a.code.clone()).collect(),
                e.target.iter().map(|a| a.code.clone()).collect(),
                e.modality.clone(),
            )
        })
        .collect()
}

#[test]
fn praise_between_leaders() {
    let events = code(
        "Japanese Prime Minister Sanae Takaichi praised Trump.",
        "2025-10-28",
    );
    assert_eq!(
        summary(&events),
        [(
            "051".to_string(),
            vec!["JPNGOV".to_string()],
            vec!["USAGOV".to_string()],
            "asserted".to_string()
        )]
    );
    let source = &events[0].source[0];
    assert_eq!(source.text, "Sanae Takaichi");
    assert_eq!(source.entity.as_deref(), Some("sanae-takaichi"));
}

fn one(
    cameo: &str,
    source: &[&str],
    target: &[&str],
    modality: &str,
) -> (String, Vec<String>, Vec<String>, String) {
    let list = |codes: &[&str]| codes.iter().map(|c| c.to_string()).collect();
    (
        cameo.to_string(),
        list(source),
        list(target),
        modality.to_string(),
    )
}

#[test]
fn passive_voice_takes_the_by_agent_as_source() {
    let events = code(
        "Philippine President Ferdinand Marcos Jr. was hosted at the White House on Tuesday by Donald Trump.",
        "2025-10-28",
    );
    assert_eq!(
        summary(&events),
        [one("043", &["USAGOV"], &["PHLGOV"], "asserted")]
    );
}

#[test]
fn negation_future_and_weekdays() {
    let events = code(
        "Hungarian Prime Minister Viktor Orban did not meet Ukrainian President Volodymyr Zelenskyy on Thursday.",
        "2025-10-28",
    );
    assert_eq!(
        summary(&events),
        [one("040", &["HUNGOV"], &["UKRGOV"], "negated")]
    );
    assert_eq!(events[0].date.as_ref().unwrap().value, "2025-10-23");
    let events = code(
        "Donald Trump will travel to Japan on Thursday.",
        "2025-10-28",
    );
    assert_eq!(
        summary(&events),
        [one("042", &["USAGOV"], &["JPN"], "future")]
    );
    assert_eq!(events[0].date.as_ref().unwrap().value, "2025-10-30");
}

#[test]
fn compound_actors_are_one_event_with_a_list() {
    let events = code(
        "Thailand and Cambodia signed a ceasefire agreement with Malaysia on Sunday.",
        "2025-10-28",
    );
    assert_eq!(
        summary(&events),
        [one("057", &["THA", "KHM"], &["MYS"], "asserted")]
    );
    let events = code(
        "The foreign ministers of Japan and South Korea condemned North Korea on Friday.",
        "2025-10-28",
    );
    assert_eq!(
        summary(&events),
        [one("111", &["JPNGOV", "KORGOV"], &["PRK"], "asserted")]
    );
}

#[test]
fn pronouns_refer_back_to_the_people_named_before() {
    let events = code(
        "Takaichi met Trump in Tokyo on Monday. She praised him.",
        "2025-10-28",
    );
    assert_eq!(
        summary(&events),
        [
            one("040", &["JPNGOV"], &["USAGOV"], "asserted"),
            one("051", &["JPNGOV"], &["USAGOV"], "asserted")
        ]
    );
    assert_eq!(
        events[1].source[0].text, "She",
        "the evidence is the pronoun itself"
    );
}

#[test]
fn every_field_points_at_its_words() {
    let text = "Donald Trump departed for Japan on Monday.";
    let events = code(text, "2025-10-28");
    assert_eq!(
        summary(&events),
        [one("042", &["USAGOV"], &["JPN"], "asserted")]
    );
    assert_eq!(events[0].date.as_ref().unwrap().value, "2025-10-27");
    for event in events {
        for actor in event.source.iter().chain(&event.target) {
            assert_eq!(&text[actor.start..actor.end], actor.text);
        }
        assert_eq!(
            &text[event.action.start..event.action.end],
            event.action.text
        );
        if let Some(date) = &event.date {
            assert_eq!(&text[date.start..date.end], date.text);
        }
    }
}

#[test]
fn odd_input_gives_no_events_and_no_panic() {
    let long = "Japan met China and ".repeat(300);
    for text in ["", " ", "😀 🇯🇵 日本", ". . . .", "He met him.", &long] {
        let _ = code(text, "2025-10-28");
    }
    assert!(code("The weather was mild on Monday.", "2025-10-28").is_empty());
}

#[test]
fn appeals_intents_and_refusals_take_the_code_of_the_act() {
    let events = code(
        "Japan agreed to meet China in Beijing next month.",
        "2025-10-28",
    );
    assert_eq!(
        summary(&events),
        [one("036", &["JPN"], &["CHN"], "asserted")]
    );
    assert_eq!(events[0].pattern, "agree + 04-meet-with");
    let events = code(
        "The United Nations urged Israel to release the detainees.",
        "2025-10-28",
    );
    assert_eq!(
        summary(&events),
        [one("0253", &["IGOUNO"], &["ISR"], "asserted")]
    );
    let events = code(
        "Russia refused to release the Ukrainian prisoners.",
        "2025-10-28",
    );
    assert_eq!(summary(&events)[0].0, "1243");
}

#[test]
fn unnamed_attackers_and_conditions() {
    let events = code(
        "Gunmen abducted 25 schoolgirls in Nigeria on Monday.",
        "2025-10-28",
    );
    assert_eq!(
        summary(&events)[0].1,
        Vec::<String>::new(),
        "no guessed source country"
    );
    let events = code(
        "Russia will halt strikes on Ukraine if Kyiv releases the prisoners.",
        "2025-10-28",
    );
    assert!(
        events.iter().all(|e| e.cameo != "084"),
        "the condition is not an event"
    );
}

#[test]
fn threats_and_reported_clauses_take_the_speaker() {
    let events = code(
        "North Korea warned that it would attack South Korea.",
        "2025-10-28",
    );
    assert_eq!(
        summary(&events),
        [one("1384", &["PRK"], &["KOR"], "asserted")]
    );
    let events = code(
        "Trump threatened to impose sanctions on Russia.",
        "2025-10-28",
    );
    assert_eq!(
        summary(&events),
        [one("1312", &["USAGOV"], &["RUS"], "asserted")]
    );
    let events = code(
        "Iran said it had released the British tanker.",
        "2025-10-28",
    );
    assert_eq!(
        summary(&events),
        // 0842: the release of property, which a tanker is.
        [one("0842", &["IRN"], &["GBR"], "asserted")]
    );
}

#[test]
fn clauses_without_a_subject_share_the_one_above() {
    let events = code("Trump is set to meet Xi Jinping on Thursday.", "2025-10-28");
    assert_eq!(
        summary(&events),
        [one("040", &["USAGOV"], &["CHNGOV"], "future")]
    );
    assert_eq!(events[0].date.as_ref().unwrap().value, "2025-10-30");
    let events = code(
        "Praising Takaichi as a friend, Trump said he liked her.",
        "2025-10-28",
    );
    assert_eq!(
        summary(&events),
        [one("051", &["USAGOV"], &["JPNGOV"], "asserted")]
    );
    let events = code("Donald Trump arrived in Tokyo on Monday.", "2025-10-28");
    assert_eq!(
        summary(&events),
        [one("042", &["USAGOV"], &["JPN"], "asserted")]
    );
}

#[test]
fn compound_actors_are_one_event_and_expand_to_cameo_dyads_on_request() {
    let events = code(
        "Japan and South Korea urged China and Russia to release the detainees.",
        "2025-10-28",
    );
    assert_eq!(events.len(), 1, "{:?}", summary(&events));
    let dyads = dyad_coder::cameo_dyads(&events);
    let pairs: Vec<(String, String)> = dyads
        .iter()
        .map(|e| (e.source[0].code.clone(), e.target[0].code.clone()))
        .collect();
    let expected = [
        ("JPN", "CHN"),
        ("JPN", "RUS"),
        ("KOR", "CHN"),
        ("KOR", "RUS"),
    ];
    assert_eq!(pairs, expected.map(|(s, t)| (s.to_string(), t.to_string())));
    let ids: std::collections::HashSet<&str> = dyads.iter().map(|e| e.event_id.as_str()).collect();
    assert_eq!(ids.len(), 4, "each dyad has its own id");
}

#[test]
fn a_clause_pronoun_refers_back_within_its_sentence_and_takes_its_heads_date() {
    let events = code(
        "Emmanuel Macron began his tour in Kenya on Sunday, where he signed a series of \
         agreements, including trade deals with Ghana and Nigeria.",
        "2025-10-28",
    );
    assert_eq!(
        summary(&events),
        [one("057", &["FRAGOV"], &["GHA", "NGA"], "asserted")]
    );
    let date = events[0]
        .date
        .as_ref()
        .expect("the date of 'began ... on Sunday'");
    assert_eq!(date.value, "2025-10-26");
}

#[test]
fn a_drafted_or_backed_thing_stands_for_its_author() {
    let events = code(
        "Russia vetoed a U.S.-drafted Security Council resolution on Sudan.",
        "2025-10-28",
    );
    assert_eq!(
        summary(&events),
        [one("129", &["RUS"], &["USA"], "asserted")]
    );
}

#[test]
fn the_other_side_of_a_memorandum_of_understanding_and_a_counterpart() {
    let events = code(
        "Japan's trade minister signed a memorandum of understanding with his Indian counterpart on semiconductors.",
        "2025-10-28",
    );
    assert_eq!(
        summary(&events),
        [one("057", &["JPNGOV"], &["INDGOV"], "asserted")]
    );
}

#[test]
fn an_inquiry_into_acts_that_name_no_one_is_into_the_country_where_they_happened() {
    let events = code(
        "The U.N. human rights office will investigate reports of killings of civilians in Syria's coastal region.",
        "2025-10-28",
    );
    assert_eq!(
        summary(&events),
        [one("092", &["IGOUNO"], &["SYR"], "future")]
    );
}

#[test]
fn a_particle_the_parser_took_for_more_than_a_count_is_still_the_verbs() {
    let events = code(
        "Germany handed over two more air defence systems to Ukraine.",
        "2025-10-28",
    );
    assert_eq!(
        summary(&events),
        [one("072", &["DEU"], &["UKR"], "asserted")]
    );
}

#[test]
fn a_subject_with_the_verb_hung_under_it_does_not_take_in_the_object() {
    let events = code(
        "China on Wednesday vetoed a British-drafted Security Council resolution.",
        "2025-10-30",
    );
    assert_eq!(
        summary(&events),
        [one("129", &["CHN"], &["GBR"], "asserted")]
    );
}

#[test]
fn an_oblique_without_a_preposition_after_the_verb_is_its_object() {
    let events = code(
        "The Trump administration deported more than 200 alleged Venezuelan gang members to El Salvador.",
        "2025-03-17",
    );
    assert_eq!(
        summary(&events),
        [one("174", &["USAGOV"], &["VENCRM"], "asserted")]
    );
}

#[test]
fn a_ceasefire_declared_alone_and_supplies_delivered() {
    let events = code(
        "Myanmar's military government declared a two-week ceasefire on Wednesday.",
        "2025-09-24",
    );
    assert_eq!(
        summary(&events),
        [one("0871", &["MMRGOV"], &[], "asserted")]
    );
    let events = code(
        "The Red Cross delivered medical supplies to Sudan on Thursday.",
        "2025-10-31",
    );
    assert_eq!(summary(&events).len(), 1);
    assert_eq!(summary(&events)[0].0, "073");
}

#[test]
fn a_verb_hung_on_its_subject_in_a_verbless_parse_keeps_that_subject() {
    // Parsed with "decade" as the root and "rallied" modifying "supporters".
    let events = code(
        "Hundreds of thousands of opposition supporters rallied in Istanbul on Saturday against the jailing of the city's mayor, in the biggest show of defiance against the government in more than a decade.",
        "2025-03-30",
    );
    assert_eq!(
        summary(&events),
        [one("141", &["TUR"], &["TUR"], "asserted")]
    );
}

#[test]
fn a_past_tense_the_tagger_first_read_as_a_noun_is_coded() {
    let events = code(
        "Gunmen shot dead a town mayor in Mexico's Michoacan state on Saturday night.",
        "2025-11-02",
    );
    assert_eq!(summary(&events), [one("180", &[], &["MEXGOV"], "asserted")]);
}

#[test]
fn agents_named_only_by_kind_are_of_the_country_where_they_act() {
    // The dateline's country, when the sentence names no other.
    let events = code(
        "BUCHAREST, March 10 (Reuters) - Police detained four protesters outside the electoral bureau on Sunday.",
        "2025-03-10",
    );
    assert_eq!(
        summary(&events),
        [one("173", &["ROUCOP"], &["ROUCVL"], "asserted")]
    );
    // The place the sentence gives the act comes before the dateline.
    let events = code(
        "GENEVA, Sept 10 (Reuters) - Police in Sudan detained four protesters on Sunday.",
        "2025-09-10",
    );
    assert_eq!(
        summary(&events),
        [one("173", &["SDNCOP"], &["SDNCVL"], "asserted")]
    );
    // A dateline says nothing of people in a sentence about another country.
    let events = code(
        "GENEVA, Sept 10 (Reuters) - Sudan's war has displaced more than 12 million people, according to U.N. figures.",
        "2025-09-10",
    );
    assert!(
        summary(&events)
            .iter()
            .all(|e| e.2.iter().all(|t| !t.starts_with("CHE")))
    );
}

#[test]
fn a_surname_that_runs_into_an_unknown_name_is_someone_else() {
    // "Abbas" alone is Mahmoud Abbas; "Abbas Araqchi" is Iran's foreign minister.
    let events = code(
        "Abbas Araqchi, Iran's foreign minister, arrived in Riyadh on Tuesday.",
        "2025-03-04",
    );
    assert_eq!(
        summary(&events),
        [one("042", &["IRNGOV"], &["SAU"], "asserted")]
    );
}

#[test]
fn a_name_parsed_as_a_bare_oblique_before_the_subject_is_part_of_it() {
    let events = code(
        "Australian Prime Minister Anthony Albanese and his Papua New Guinea counterpart James Marape signed a mutual defence treaty in Canberra on Monday.",
        "2025-10-06",
    );
    assert_eq!(
        summary(&events),
        [one("057", &["AUSGOV", "PNGGOV"], &[], "asserted")]
    );
}

#[test]
fn of_two_subjects_the_parser_gave_a_verb_the_nearer_is_its_own() {
    let events = code(
        "If talks in Muscat collapse, Washington is expected to tighten sanctions on Iran's oil exports, Western diplomats said.",
        "2025-05-20",
    );
    assert_eq!(
        summary(&events),
        [one("163", &["USAGOV"], &["IRN"], "future")]
    );
}

#[test]
fn a_noun_right_before_a_finite_verb_is_its_subject_not_the_joined_clauses() {
    // "earthquake" parsed as an oblique of "killed": the killing is not India's.
    let events = code(
        "India flew about 15 tonnes of tents to Myanmar on Saturday, a day after a powerful earthquake killed more than 1,000 people there.",
        "2025-03-30",
    );
    assert_eq!(
        summary(&events),
        [one("073", &["IND"], &["MMR"], "asserted")]
    );
}

#[test]
fn counter_tariffs_are_tariffs_and_a_currency_is_no_target() {
    let events = code(
        "Canada will slap counter-tariffs on 20 billion Canadian dollars' worth of American steel and aluminium products starting on Thursday.",
        "2025-03-12",
    );
    assert_eq!(summary(&events), [one("163", &["CAN"], &["USA"], "future")]);
}

#[test]
fn the_agent_of_a_passive_is_no_event_noun() {
    // Not "placed troops on alert".
    let events = code(
        "Riek Machar was placed under house arrest in Juba on Wednesday by troops loyal to President Salva Kiir.",
        "2025-03-27",
    );
    assert!(summary(&events).iter().all(|e| e.0 != "152"), "{events:?}");
}

#[test]
fn joined_demonyms_are_each_an_actor_and_their_joint_drills_cooperation() {
    let events = code(
        "Philippine and Japanese forces held joint maritime drills in the South China Sea on Thursday.",
        "2025-06-13",
    );
    assert_eq!(
        summary(&events),
        [one("062", &["PHLMIL", "JPNMIL"], &[], "asserted")]
    );
}

#[test]
fn what_reports_allege_is_not_coded_but_an_inquiry_into_it_is() {
    let events = code(
        "Ethiopia's human rights commission said on Wednesday it was investigating reports that government troops had killed dozens of civilians in the Amhara region last month.",
        "2025-03-05",
    );
    assert_eq!(
        summary(&events),
        [one("090", &["ETHHRI"], &["ETHMIL"], "asserted")]
    );
}

#[test]
fn a_demand_that_a_named_actor_act_targets_it_when_the_parse_lost_the_clause() {
    // "free" tagged an adjective, "Manila" a modifier of "fishermen".
    let events = code(
        "China's foreign ministry demanded on Thursday that Manila immediately free 11 Chinese fishermen.",
        "2025-03-06",
    );
    assert_eq!(
        summary(&events),
        [one("100", &["CHNGOV"], &["PHLGOV"], "asserted")]
    );
}

#[test]
fn an_object_relative_clause_codes_its_act_on_the_noun() {
    let events = code(
        "India demanded on Tuesday that Sri Lanka immediately free 27 Indian fishermen whom the Sri Lankan navy arrested near Katchatheevu island over the weekend.",
        "2025-10-15",
    );
    assert_eq!(
        summary(&events),
        [
            one("100", &["IND"], &["LKA"], "asserted"),
            one("173", &["LKAMIL"], &["INDAGR"], "asserted")
        ]
    );
}

#[test]
fn a_vehicle_stands_for_whom_it_carries() {
    let events = code(
        "A convoy carrying Somalia's defence minister was attacked by al-Shabaab fighters on the road to Afgoye on Monday.",
        "2025-03-10",
    );
    assert_eq!(
        summary(&events),
        [one("190", &["SOMREB"], &["SOMGOV"], "asserted")]
    );
}

#[test]
fn an_object_pronoun_refers_to_a_person_named_before_it_in_its_sentence() {
    let events = code(
        "Xi Jinping said Donald Trump had called him on Monday.",
        "2025-10-30",
    );
    assert_eq!(
        summary(&events),
        [one("041", &["USAGOV"], &["CHNGOV"], "reported")]
    );
}

#[test]
fn the_two_sides_are_the_last_two_parties_named_before() {
    let events = code(
        "Talks between Congo and the M23 resumed in Doha on Wednesday. Qatar urged the two sides to respect the truce.",
        "2025-02-11",
    );
    let urged = summary(&events).into_iter().find(|e| e.0.starts_with("02"));
    assert_eq!(
        urged,
        Some(one("0256", &["QAT"], &["COD", "CODREB"], "asserted"))
    );
    let events = code(
        "Cambodia and Thailand traded fire on Monday. Malaysia urged both countries to hold talks.",
        "2025-07-28",
    );
    let urged = summary(&events).into_iter().find(|e| e.0.starts_with("02"));
    assert_eq!(
        urged.map(|e| e.2),
        Some(vec!["KHM".to_string(), "THA".to_string()])
    );
}

#[test]
fn condemning_the_attack_targets_the_attacker_told_before() {
    let events = code(
        "Israeli aircraft struck a car in southern Lebanon on Tuesday. Lebanon's president condemned the attack.",
        "2025-04-15",
    );
    assert_eq!(
        summary(&events),
        [
            one("195", &["ISR"], &["LBN"], "asserted"),
            one("111", &["LBNGOV"], &["ISR"], "asserted")
        ]
    );
}

#[test]
fn a_denied_accusation_targets_the_accuser_and_it_can_be_a_government_seat() {
    let events = code(
        "President Maia Sandu accused Moscow of spending hundreds of millions of euros on vote buying. The Kremlin denied the accusation. It also called on Moldova to restore trade ties.",
        "2025-09-29",
    );
    let summary = summary(&events);
    assert!(
        summary.contains(&one("016", &["RUSGOV"], &["MDAGOV"], "asserted")),
        "{summary:?}"
    );
    assert!(
        summary
            .iter()
            .any(|e| e.0.starts_with("02") && e.1 == ["RUSGOV"]),
        "{summary:?}"
    );
}

#[test]
fn giving_someone_hours_to_act_is_an_ultimatum() {
    let events = code(
        "Mali's military government on Thursday gave an Australian-listed gold miner 72 hours to pay 160 million dollars in disputed taxes.",
        "2025-03-27",
    );
    assert_eq!(
        summary(&events),
        [one("139", &["MLIGOV"], &["AUSLAB"], "asserted")]
    );
}

#[test]
fn a_protest_against_no_one_named_is_against_the_protesters_own_state() {
    let events = code(
        "TBILISI, Sept 8 (Reuters) - Several thousand opposition supporters gathered outside parliament on Monday evening to protest against a new law.",
        "2025-09-08",
    );
    // One protest, the gathering; what it is held for is that protest.
    assert_eq!(
        summary(&events),
        [one("141", &["GEOOPP"], &["GEOLEG"], "asserted")]
    );
}

#[test]
fn a_noun_joined_to_the_verb_after_its_object_is_another_object() {
    let events = code(
        "Noboa also asked the United States and the European Union to send military advisers.",
        "2025-05-02",
    );
    assert_eq!(summary(&events)[0].2, ["USA", "IGOEU"]);
}

#[test]
fn a_past_tense_joined_to_a_bare_verb_in_a_complement_takes_the_governing_subject() {
    let events = code(
        "France on Tuesday demanded that Algeria release the jailed writer and summoned Algeria's charge d'affaires in Paris to lodge a formal protest.",
        "2025-03-04",
    );
    assert!(
        summary(&events).contains(&one("114", &["FRA"], &["DZAGOV"], "asserted")),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn a_dateline_no_longer_places_people_once_the_article_is_about_another_country() {
    let events = code(
        "BANGKOK, May 2 (AP) - A Myanmar military air strike on a village market killed at least 24 people on Thursday.\n\nA spokesman for the ruling military denied that its forces had attacked civilians.",
        "2025-05-02",
    );
    assert!(
        summary(&events)
            .iter()
            .all(|e| !e.1.iter().chain(&e.2).any(|c| c.starts_with("THA"))),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn a_domestic_concession_to_no_one_named_is_to_the_country_itself() {
    let events = code(
        "Nepal's Prime Minister KP Sharma Oli resigned on Tuesday.",
        "2025-09-09",
    );
    assert_eq!(
        summary(&events),
        [one("0831", &["NPLGOV"], &["NPL"], "asserted")]
    );
}

#[test]
fn a_demand_that_someone_act_is_made_of_the_clauses_subject() {
    let events = code(
        "France on Tuesday demanded that Algeria release the jailed French-Algerian writer Boualem Sansal, the foreign ministry said.",
        "2025-03-04",
    );
    assert_eq!(summary(&events)[0].2, ["DZA"], "{:?}", summary(&events));
}

#[test]
fn a_title_with_an_initial_and_touching_subjects_keep_the_known_actor() {
    let events = code(
        "Malaysian Prime Minister Anwar Ibrahim spoke by phone with Mr. Anutin and Mr. Hun Manet on Wednesday night.",
        "2025-11-20",
    );
    assert_eq!(
        summary(&events),
        [one("041", &["MYSGOV"], &["THAGOV", "KHMGOV"], "asserted")]
    );
    let events = code(
        "Britain’s Foreign Office urged the Georgian authorities to release those held for exercising their right to protest.",
        "2025-11-20",
    );
    assert_eq!(summary(&events)[0].1, ["GBR"]);
}

#[test]
fn the_subject_of_a_verb_acting_on_an_event_noun_is_not_its_agent() {
    // Trump did not protest.
    let events = code(
        "President Donald Trump ordered 2,000 National Guard troops into Los Angeles on Saturday to quell protests against immigration raids.",
        "2025-06-08",
    );
    assert!(
        summary(&events).iter().all(|e| !e.0.starts_with("14")),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn trying_to_act_is_no_trial_and_declining_to_comment_no_rejection() {
    let events = code(
        "The European Union pledged 12 billion euros of investment in Central Asia on Friday, as Brussels tries to loosen the grip of Russia and China on the region.",
        "2025-04-04",
    );
    assert!(
        summary(&events).iter().all(|e| !e.0.starts_with("17")),
        "{:?}",
        summary(&events)
    );
    let events = code(
        "China's foreign ministry declined to comment on the U.S. proposal.",
        "2025-10-20",
    );
    assert!(summary(&events).is_empty(), "{:?}", summary(&events));
}

#[test]
fn a_state_of_emergency_is_imposed_at_home_and_the_opposition_urges_its_own_army() {
    let events = code(
        "Haiti's government declared a state of emergency in the central department on Wednesday.",
        "2025-05-21",
    );
    assert_eq!(
        summary(&events),
        [one("1724", &["HTIGOV"], &["HTI"], "asserted")]
    );
    let events = code(
        "Venezuelan opposition leader Maria Corina Machado on Tuesday urged the armed forces to turn their backs on President Nicolas Maduro.",
        "2025-01-07",
    );
    assert_eq!(summary(&events)[0].2, ["VENMIL"]);
}

#[test]
fn aid_for_people_named_by_kind_goes_to_the_country_they_are_in() {
    let events = code(
        "Japan pledged $50 million in emergency aid on Monday for civilians displaced by fighting in Sudan's Darfur region.",
        "2025-06-02",
    );
    assert_eq!(summary(&events)[0].1, ["JPN"]);
    assert_eq!(summary(&events)[0].2, ["SDN"]);
}

#[test]
fn an_object_them_in_what_people_say_is_those_people() {
    let events = code(
        "Released Ukrainian soldiers said Russian guards had tortured them in captivity.",
        "2025-06-01",
    );
    assert_eq!(
        summary(&events),
        [one("1822", &["RUS"], &["UKRMIL"], "reported")]
    );
}

#[test]
fn the_noun_phrase_after_a_subordinator_is_its_clauses_subject() {
    let events = code(
        "TBILISI (dyad wire) — Georgian riot police detained at least 48 people overnight into Thursday as thousands of demonstrators gathered outside parliament on Rustaveli Avenue.",
        "2025-11-20",
    );
    let protest = summary(&events).into_iter().find(|e| e.0.starts_with("14"));
    assert_eq!(protest.map(|e| e.1), Some(vec!["GEOCVL".to_string()]));
}

#[test]
fn the_object_of_a_participle_clause_is_whom_the_clause_before_acted_on() {
    let events = code(
        "Mali ordered the expulsion of the U.N. envoy, accusing him of bias.",
        "2025-06-01",
    );
    assert!(
        summary(&events).contains(&one("112", &["MLI"], &["IGOUNO"], "asserted")),
        "{:?}",
        summary(&events)
    );
    // Not Caracas, where the officer is held; and the refusal's negation is not the
    // accusation's.
    let events = code(
        "Venezuela's government said on Wednesday it would not free an Argentine border police officer detained in Caracas since December, accusing him of spying for Buenos Aires.",
        "2025-06-01",
    );
    let accusation = summary(&events).into_iter().find(|e| e.0 == "112");
    assert_eq!(
        accusation,
        Some(one("112", &["VENGOV"], &["ARGCOP"], "asserted"))
    );
}

#[test]
fn ruling_out_an_act_is_refusing_it() {
    let events = code(
        "Polish Prime Minister Donald Tusk on Friday ruled out sending Polish troops to Ukraine.",
        "2025-06-01",
    );
    assert_eq!(
        summary(&events),
        [one("120", &["POLGOV"], &["UKR"], "asserted")]
    );
}

#[test]
fn a_threat_is_aimed_at_whom_its_condition_names_and_is_made_whatever_the_condition() {
    let events = code(
        "North Korea's military warned on Wednesday that it would take countermeasures if the United States and South Korea went ahead with joint drills.",
        "2025-06-01",
    );
    assert_eq!(
        summary(&events),
        [one("130", &["PRKMIL"], &["USA", "KOR"], "asserted")]
    );
    // The threatened act, through "matching" read as a verb, makes the threat specific.
    let events = code(
        "Canadian Prime Minister Mark Carney threatened on Wednesday to impose matching tariffs on U.S. steel if Washington went ahead with a planned increase in duties.",
        "2025-06-01",
    );
    assert_eq!(
        summary(&events),
        [one("1312", &["CANGOV"], &["USA"], "asserted")]
    );
}

#[test]
fn the_two_leaders_named_in_the_same_sentence_and_what_their_call_discussed() {
    let events = code(
        "Brazilian President Luiz Inacio Lula da Silva spoke by telephone with Mexican President Claudia Sheinbaum on Wednesday, and the two leaders agreed to meet in person and discussed trade.",
        "2025-03-12",
    );
    assert_eq!(
        summary(&events),
        [
            one("041", &["BRAGOV"], &["MEXGOV"], "asserted"),
            one("036", &["BRAGOV", "MEXGOV"], &[], "asserted"),
        ]
    );
}

#[test]
fn a_charge_answered_in_apposition_is_denied_to_whoever_made_it() {
    let events = code(
        "Pakistan's foreign ministry on Thursday accused India of backing separatist militants in Balochistan, a charge New Delhi dismissed as baseless.",
        "2025-05-15",
    );
    let denial = summary(&events).into_iter().find(|e| e.0 == "016");
    assert_eq!(
        denial,
        Some(one("016", &["INDGOV"], &["PAKGOV"], "asserted"))
    );
    // "neighbouring" before a name is no verb taking the accused as its object.
    let events = code(
        "Ethiopia's foreign ministry on Wednesday accused neighbouring Eritrea of arming rebels, charges Asmara dismissed as lies.",
        "2025-02-27",
    );
    assert_eq!(
        summary(&events),
        [
            one("112", &["ETHGOV"], &["ERI"], "asserted"),
            one("016", &["ERIGOV"], &["ETHGOV"], "asserted"),
        ]
    );
}

#[test]
fn what_an_attack_told_by_its_noun_did_is_that_attack_from_the_air() {
    let events = code(
        "An Israeli drone strike on a car in southern Lebanon killed a Hezbollah commander on Thursday.",
        "2025-05-08",
    );
    assert_eq!(
        summary(&events),
        [one("195", &["ISR"], &["LBN"], "asserted")]
    );
}

#[test]
fn people_of_a_kind_take_the_country_their_own_phrase_places_them_in() {
    let events = code(
        "LONDON (Reuters) - Police in Lagos arrested an opposition leader on Monday.",
        "2025-10-22",
    );
    assert_eq!(summary(&events)[0].1, ["NGACOP"]);
}

#[test]
fn whom_a_verb_of_prompting_names_acts_and_an_envoy_to_an_organisation_is_their_countrys() {
    let events = code(
        "Russia on Tuesday vetoed a Security Council resolution, prompting Britain's UN ambassador to accuse Moscow of shielding smugglers.",
        "2025-03-25",
    );
    assert!(
        summary(&events).contains(&one("112", &["GBRGOV"], &["RUSGOV"], "asserted")),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn an_accusation_closing_a_demand_is_the_demanders() {
    let events = code(
        "Algeria's foreign ministry on Tuesday demanded that France extradite a former Algerian industry minister, accusing Paris of sheltering fugitives.",
        "2025-05-06",
    );
    let accusation = summary(&events).into_iter().find(|e| e.0 == "112");
    assert_eq!(accusation.map(|e| e.1), Some(vec!["DZAGOV".to_string()]));
}

#[test]
fn a_participle_describing_its_noun_is_no_act() {
    let events = code(
        "Palestinian President Mahmoud Abbas urged France and Britain on Monday to recognise a Palestinian state without waiting for a negotiated settlement with Israel.",
        "2025-06-01",
    );
    assert!(
        events.iter().all(|e| e.cameo != "046"),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn would_in_what_was_said_is_the_future_and_a_city_after_in_is_no_party() {
    let events = code(
        "Kenyan President William Ruto arrived in Addis Ababa on Tuesday for talks with Ethiopian Prime Minister Abiy Ahmed.  It said the Ethiopian leader would make a return visit to Nairobi in September.",
        "2025-06-17",
    );
    assert_eq!(
        summary(&events),
        [
            one("042", &["KENGOV"], &["ETH"], "asserted"),
            one("042", &["ETHGOV"], &["KEN"], "future"),
        ]
    );
}

#[test]
fn people_of_a_kind_an_appeal_addresses_are_of_the_place_named_for_them() {
    let events = code(
        "The Peruvian president urged protesters in Lima to go home.",
        "2025-11-11",
    );
    assert_eq!(
        summary(&events),
        [one("020", &["PERGOV"], &["PERCVL"], "asserted")]
    );
}

#[test]
fn a_strike_held_by_workers_is_a_stoppage_held_for_what_it_demands() {
    let events = code(
        "Nigeria's two main labour unions began an indefinite nationwide strike on Tuesday to press the government to reverse a sharp rise in electricity tariffs.",
        "2025-02-11",
    );
    assert_eq!(
        summary(&events),
        [one("143", &["NGALAB"], &["NGA"], "asserted")]
    );
    let events = code(
        "Belgian workers walked off the job on Monday in a nationwide strike against pension reforms.",
        "2025-02-11",
    );
    assert_eq!(events.len(), 1, "{:?}", summary(&events));
}

#[test]
fn the_government_named_by_kind_is_the_state_last_named_and_a_title_tells_namesakes_apart() {
    let events = code(
        "BOGOTA, June 24 (Reuters) - Colombia's army said on Tuesday it had opened an investigation into a bombing raid on a rebel camp.  Defence Minister Pedro Sanchez defended the army.  The country's human rights ombudsman urged the government to suspend air strikes.  The ministry rejected the request.",
        "2025-06-24",
    );
    let summary = summary(&events);
    assert!(
        summary
            .iter()
            .any(|e| e.0.starts_with("02") && e.1 == ["COLHRI"] && e.2 == ["COLGOV"]),
        "{summary:?}"
    );
    assert!(
        summary.iter().any(|e| e.0 == "120" && e.1 == ["COLGOV"]),
        "{summary:?}"
    );
    // Colombia's defence minister, not Spain's prime minister of the same name.
    assert!(
        summary.iter().all(|e| !e.1.contains(&"ESPGOV".to_string())),
        "{summary:?}"
    );
}

#[test]
fn a_deployment_is_coded_once_whatever_it_is_for_and_ships_sent_around_a_country_show_force() {
    let events = code(
        "Ecuadorean President Daniel Noboa ordered the army into the streets of Guayaquil on Monday to fight drug gangs.",
        "2025-07-08",
    );
    assert_eq!(summary(&events), [one("154", &["ECUGOV"], &[], "asserted")]);
    let events = code(
        "China sent 30 military aircraft and nine navy ships around Taiwan in the 24 hours to Thursday morning.",
        "2025-01-09",
    );
    assert_eq!(
        summary(&events),
        [one("150", &["CHN"], &["TWN"], "asserted")]
    );
}

#[test]
fn a_crowd_named_by_its_number_is_people_of_the_place() {
    let events = code(
        "BUENOS AIRES (Reuters) - Argentine police fired tear gas at hundreds of pensioners outside Congress on Wednesday.",
        "2025-09-17",
    );
    assert_eq!(
        summary(&events),
        [one("175", &["ARGCOP"], &["ARGCVL"], "asserted")]
    );
}

#[test]
fn what_would_have_happened_did_not_and_weighing_needs_a_policy() {
    let events = code(
        "China and Russia on Friday vetoed a U.S.-drafted U.N. Security Council resolution that would have tightened sanctions on North Korea.",
        "2025-06-01",
    );
    assert_eq!(
        summary(&events),
        [one("129", &["CHN", "RUS"], &["USA"], "asserted")]
    );
    let events = code(
        "Brent crude rose on Wednesday as traders weighed supply worries in the Middle East against a firmer dollar.",
        "2025-01-14",
    );
    assert_eq!(summary(&events), []);
}

#[test]
fn an_order_to_leave_is_an_expulsion_and_an_ordered_act_is_coded_as_that_act() {
    let events = code(
        "Algeria ordered a dozen French embassy staff out of the country on Monday.",
        "2025-04-15",
    );
    assert_eq!(
        summary(&events),
        [one("161", &["DZA"], &["FRAGOV"], "asserted")]
    );
    let events = code(
        "Uganda ordered the Kenyan journalist to leave the country.",
        "2025-04-15",
    );
    assert_eq!(
        summary(&events),
        [one("174", &["UGA"], &["KENMED"], "asserted")]
    );
    let events = code(
        "Mali ordered the expulsion of the U.N. envoy.",
        "2025-04-15",
    );
    assert_eq!(
        summary(&events),
        [one("174", &["MLI"], &["IGOUNO"], "asserted")]
    );
}

#[test]
fn whom_praise_is_for_did_what_the_praise_is_for() {
    let events = code(
        "Somali President Hassan Sheikh Mohamud on Tuesday praised Turkey for training thousands of Somali soldiers, speaking at the opening of a military academy.",
        "2025-01-28",
    );
    assert_eq!(
        summary(&events),
        [
            one("051", &["SOMGOV"], &["TUR"], "asserted"),
            one("072", &["TUR"], &["SOMMIL"], "asserted"),
        ]
    );
}

#[test]
fn a_state_force_acting_on_people_of_a_kind_where_no_place_is_named_acts_at_home() {
    let events = code(
        "Burkinabe soldiers and allied militiamen killed at least 70 civilians in raids on three villages in January, Human Rights Watch said.",
        "2025-02-24",
    );
    assert_eq!(
        summary(&events),
        [one("190", &["BFAMIL"], &["BFACVL"], "asserted")]
    );
}

#[test]
fn a_participle_after_its_noun_with_a_by_agent_is_passive_and_mediation_is_between_the_parties() {
    let events = code(
        "Russia and Ukraine exchanged 150 prisoners of war each on Sunday in a swap mediated by the United Arab Emirates.",
        "2025-01-15",
    );
    assert_eq!(
        summary(&events),
        [
            one("0841", &["RUS", "UKR"], &[], "asserted"),
            one("045", &["ARE"], &["RUS", "UKR"], "asserted"),
        ]
    );
}

#[test]
fn the_two_sides_reach_back_past_sentences_that_name_fewer_and_exclude_the_speaker() {
    let events = code(
        "Congo's government and the M23 rebel group resumed talks in Doha on Wednesday, Qatar's foreign ministry said.  The army denied the accusation.  Qatar, which has hosted the talks since last year, urged the two sides to respect the truce.",
        "2025-02-11",
    );
    let urged = summary(&events).into_iter().find(|e| e.0.starts_with("02"));
    assert_eq!(
        urged.map(|e| e.2),
        Some(vec!["CODGOV".to_string(), "CODREB".to_string()])
    );
}

#[test]
fn a_build_up_of_force_faces_the_border_or_the_other_country_named() {
    let events = code(
        "Poland will deploy 40,000 troops to its border with Belarus next year.",
        "2025-06-01",
    );
    assert_eq!(summary(&events), [one("154", &["POL"], &["BLR"], "future")]);
    let events = code(
        "Pakistan's military has placed its forces on high alert, believing an Indian strike could come within days.",
        "2025-04-30",
    );
    assert_eq!(
        summary(&events),
        [one("152", &["PAKMIL"], &["IND"], "asserted")]
    );
    // With no other country named, troops deployed are deployed at home, aimed at no one.
    let events = code(
        "Nepal's army said it would deploy troops across the capital.",
        "2025-09-09",
    );
    assert_eq!(summary(&events)[0].0, "154");
    assert!(summary(&events)[0].2.is_empty());
}

#[test]
fn an_act_with_no_actor_on_either_side_is_not_coded() {
    let events = code(
        "Unidentified men set fire to a bus on the outskirts of town overnight.",
        "2025-06-01",
    );
    assert_eq!(summary(&events), []);
}

#[test]
fn a_pronoun_in_what_a_joined_verb_of_saying_reports_is_its_speaker() {
    let events = code(
        "TBILISI, Nov 4 (Reuters) - Georgia's ruling Georgian Dream party on Tuesday rejected an opposition demand for early elections but said it would hold talks with the European Union.",
        "2025-06-01",
    );
    assert!(
        summary(&events)
            .iter()
            .any(|e| e.0.starts_with("04") && e.1 == ["GEOPTY"]),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn acts_joined_to_an_agreed_act_are_agreed_too() {
    let events = code(
        "India has offered to train Vietnamese submarine crews and to help maintain their Russian-built vessels.",
        "2025-06-01",
    );
    assert_eq!(summary(&events).len(), 1, "{:?}", summary(&events));
}

#[test]
fn a_past_act_in_a_clause_of_time_keeps_its_own_modality() {
    let events = code(
        "Russia said on Friday that it would retaliate after Poland ordered two Russian diplomats to leave the country.",
        "2025-11-20",
    );
    let order = summary(&events).into_iter().find(|e| e.1 == ["POL"]);
    assert_eq!(order.map(|e| e.3), Some("reported".to_string()));
}

#[test]
fn people_of_a_kind_who_act_on_their_states_bodies_are_of_that_state() {
    let events = code(
        "Serbian President Aleksandar Vucic said the refinery would keep running. Opposition parties accused the government of failing to prepare.",
        "2025-11-20",
    );
    assert!(
        summary(&events).contains(&one("112", &["SRBOPP"], &["SRBGOV"], "asserted")),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn a_sponsor_named_before_linked_is_not_the_actor() {
    let events = code(
        "Mozambican troops shelled Islamic State-linked insurgent positions near Macomia on Wednesday.",
        "2025-11-20",
    );
    assert_eq!(
        summary(&events),
        [one("194", &["MOZMIL"], &["MOZREB"], "asserted")]
    );
}

#[test]
fn aid_flown_to_a_place_is_no_show_of_force_and_a_past_only_form_is_a_past_tense() {
    let events = code(
        "Kuwait sent two aircraft carrying 40 tonnes of medicine and food to Port Sudan on Saturday.",
        "2025-02-16",
    );
    assert!(
        events.iter().all(|e| e.cameo != "150"),
        "{:?}",
        summary(&events)
    );
    let events = code(
        "LONDON (Reuters) - Britain on Wednesday froze the assets of three Georgian police commanders.",
        "2025-04-23",
    );
    assert_eq!(
        summary(&events),
        [one("163", &["GBR"], &["GEOCOP"], "asserted")]
    );
}

#[test]
fn a_ship_blocked_stands_for_its_country() {
    let events = code(
        "Chinese coast guard ships blocked a Philippine fisheries vessel near Sandy Cay on Tuesday.",
        "2025-01-15",
    );
    assert_eq!(
        summary(&events),
        [one("191", &["CHNMIL"], &["PHL"], "asserted")]
    );
}

#[test]
fn taiwans_president_and_imports_suspended() {
    let events = code(
        "China's Taiwan Affairs Office on Friday rejected President Lai Ching-te's offer to hold talks with Beijing without preconditions.",
        "2025-03-28",
    );
    assert_eq!(events[0].target[0].code, "TWNGOV");
    let events = code(
        "Indonesia suspended imports of frozen chicken from Malaysia on Wednesday.",
        "2025-10-22",
    );
    assert_eq!(
        summary(&events),
        [one("163", &["IDN"], &["MYS"], "asserted")]
    );
}

#[test]
fn an_alert_raised_against_a_country_and_units_moved_toward_it() {
    let events = code(
        "South Korea's military raised its alert level against North Korea on Wednesday and moved additional artillery units to two frontline islands in the Yellow Sea.",
        "2025-05-21",
    );
    assert_eq!(
        summary(&events),
        [
            one("152", &["KORMIL"], &["PRK"], "asserted"),
            one("154", &["KORMIL"], &["PRK"], "asserted"),
        ]
    );
}

#[test]
fn a_past_tense_joined_to_a_relative_clause_belongs_to_the_clause_above() {
    let events = code(
        "Lebanese President Joseph Aoun condemned the strike as a violation of the ceasefire that ended last year's war and again called on Israel to withdraw its troops.",
        "2025-08-25",
    );
    assert!(
        summary(&events).contains(&one("0256", &["LBNGOV"], &["ISR"], "asserted")),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn a_loan_pledged_to_a_country_read_as_a_direct_object() {
    let events = code(
        "The Kuwait Fund for Arab Economic Development pledged on Monday to lend Jordan $50 million.",
        "2025-10-13",
    );
    assert_eq!(
        summary(&events),
        [one("033", &["KWT"], &["JOR"], "asserted")]
    );
}

#[test]
fn a_claim_of_responsibility_and_an_appeal_stand_without_a_target() {
    let events = code(
        "The separatist Balochistan Liberation Army claimed responsibility for the attack.",
        "2025-10-13",
    );
    assert_eq!(summary(&events), [one("015", &["PAKREB"], &[], "asserted")]);
    let events = code(
        "Tonga's government appealed on Wednesday for emergency supplies of drinking water and tents.",
        "2025-03-12",
    );
    assert_eq!(events.len(), 1, "{:?}", summary(&events));
    assert_eq!(summary(&events)[0].1, ["TONGOV"]);
    assert!(summary(&events)[0].2.is_empty());
}

#[test]
fn asking_not_to_be_named_appeals_for_nothing() {
    let events = code(
        "A Ukrainian official, who asked not to be named because the talks were confidential, said the two delegations had met.",
        "2025-11-20",
    );
    assert!(
        events.iter().all(|e| !e.cameo.starts_with("02")),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn people_of_a_kind_whom_a_country_addresses_praises_or_frees_are_its_own() {
    let events = code(
        "Colombia's Catholic bishops urged the rebels to free the captives unharmed.",
        "2025-10-14",
    );
    assert_eq!(
        summary(&events),
        [one("0253", &["COLREL"], &["COLREB"], "asserted")]
    );
    let events = code(
        "Kenya's interior minister praised officers for their restraint.",
        "2025-06-26",
    );
    assert_eq!(
        summary(&events),
        [one("051", &["KENGOV"], &["KENCOP"], "asserted")]
    );
    let events = code(
        "Venezuela's government freed 30 activists on Saturday.",
        "2025-06-01",
    );
    assert_eq!(
        summary(&events),
        [one("0841", &["VENGOV"], &["VENOPP"], "asserted")]
    );
    // Not when the sentence is about another country's people.
    let events = code(
        "Venezuela's government freed 30 activists on Saturday, the United States said.",
        "2025-06-01",
    );
    assert!(events.is_empty(), "{:?}", summary(&events));
}

#[test]
fn both_men_are_the_two_people_named_last() {
    let events = code(
        "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev signed a joint declaration at the White House on Friday. President Donald Trump praised both men for their courage.",
        "2025-08-08",
    );
    let praise = summary(&events)
        .into_iter()
        .find(|e| e.0 == "051")
        .expect("the praise");
    assert_eq!(praise.2, ["ARMGOV", "AZEGOV"]);
}

#[test]
fn a_participle_after_an_order_to_leave_is_the_orderers() {
    let events = code(
        "Estonia ordered a Russian diplomat to leave the country within 72 hours on Tuesday, accusing him of helping to organise sabotage on behalf of Russia's military intelligence service, the foreign ministry in Tallinn said.",
        "2025-06-04",
    );
    let summary = summary(&events);
    assert!(
        summary.contains(&one("112", &["EST"], &["RUSGOV"], "asserted")),
        "{summary:?}"
    );
    // What the accusation alleges is not coded as Estonia's act.
    assert!(
        summary.iter().all(|e| !e.0.starts_with("17")),
        "{summary:?}"
    );
}

#[test]
fn a_march_through_a_city_is_in_its_country_and_a_border_names_no_side() {
    let events = code(
        "Tens of thousands of people marched through central Belgrade on Saturday.",
        "2025-06-01",
    );
    assert_eq!(
        summary(&events),
        [one("141", &["SRB"], &["SRB"], "asserted")]
    );
    let events = code(
        "Nigerian troops killed at least 55 villagers in a raid on a farming community near the Cameroon border on Sunday night.",
        "2025-06-01",
    );
    assert_eq!(
        summary(&events),
        [one("190", &["NGAMIL"], &["NGACVL"], "asserted")]
    );
}

#[test]
fn the_two_countries_are_the_pair_joined_before_them() {
    let events = code(
        "Oman offered on Tuesday to host a new round of talks between Iran and the United States, a day after the two countries signed a prisoner exchange agreement in Muscat.",
        "2025-08-27",
    );
    let signed = summary(&events)
        .into_iter()
        .find(|e| e.0 == "057")
        .expect("the signing");
    assert_eq!(signed.1, ["IRN", "USA"]);
}

#[test]
fn a_lone_surname_is_the_person_named_in_full_before() {
    let events = code(
        "Pakistan's Foreign Minister Ishaq Dar arrived in Dhaka on Saturday. On Sunday, Dar called on Chief Adviser Muhammad Yunus and held talks with Touhid Hossain, the foreign ministry in Dhaka said.",
        "2025-08-25",
    );
    let summary = summary(&events);
    // Calling on someone and asking nothing of them is meeting them.
    assert!(
        summary.iter().any(|e| e.0 == "040" && e.1 == ["PAKGOV"]),
        "{summary:?}"
    );
    assert!(
        summary.iter().any(|e| e.0 == "046" && e.1 == ["PAKGOV"]),
        "{summary:?}"
    );
}

#[test]
fn a_condition_is_not_what_is_agreed() {
    let events = code(
        "Trump said he would love to meet Kim Jong Un. Kim has indicated he would only agree if Washington eases its demand for denuclearisation.",
        "2025-10-27",
    );
    assert!(
        events
            .iter()
            .all(|e| e.source.iter().all(|a| a.code != "PRKGOV")),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn saying_one_will_not_do_an_act_is_refusing_it_once() {
    let events = code(
        "Serbian President Aleksandar Vucic said on Sunday he would not step down, rejecting calls from student protesters for his resignation.",
        "2025-09-01",
    );
    let summary = summary(&events);
    assert_eq!(summary.len(), 1, "{summary:?}");
    assert!(summary[0].0.starts_with("12"), "{summary:?}");
    assert_eq!(summary[0].3, "asserted");
}

#[test]
fn police_shooting_people_at_a_protest_is_repression() {
    let events = code(
        "KATHMANDU, Sept 9 (Reuters) - Nepal's Prime Minister KP Sharma Oli resigned on Tuesday, a day after police shot dead at least 19 people during youth-led protests against a ban on social media platforms.",
        "2025-09-09",
    );
    let summary = summary(&events);
    assert!(
        summary.iter().any(|e| e.0 == "175" && e.1 == ["NPLCOP"]),
        "{summary:?}"
    );
}

#[test]
fn his_government_is_the_government_of_the_person_named_before() {
    let events = code(
        "Armenian Prime Minister Nikol Pashinyan said on Friday his government was ready to sign a peace treaty with Azerbaijan without further delay.",
        "2025-04-18",
    );
    let summary = summary(&events);
    assert_eq!(summary.len(), 1, "{summary:?}");
    assert_eq!(summary[0].1, ["ARMGOV"]);
    assert_eq!(summary[0].2, ["AZE"]);
}

#[test]
fn a_vow_of_force_is_a_threat_and_force_by_protesters_a_riot() {
    let events = code(
        "Sudan's army commander Abdel Fattah al-Burhan vowed on Monday to retake El Fasher.",
        "2025-10-28",
    );
    let summary_vow = summary(&events);
    assert!(
        summary_vow.iter().any(|e| e.0.starts_with("138")),
        "{summary_vow:?}"
    );
    let events = code(
        "KATHMANDU, Sept 9 (Reuters) - Protesters set fire to parliament on Tuesday.",
        "2025-09-09",
    );
    assert_eq!(summary(&events)[0].0, "145", "{:?}", summary(&events));
}

#[test]
fn calling_a_thing_something_is_no_phone_call() {
    for text in [
        "Turkish President Recep Tayyip Erdogan defended Qatar's role as a mediator in the Gaza negotiations, calling criticism of Doha by some Israeli politicians unfair.",
        "Foreign Minister Radoslaw Sikorski condemned what he called a deliberate provocation by Moscow.",
    ] {
        let events = code(text, "2025-06-01");
        assert!(
            events.iter().all(|e| e.cameo != "041"),
            "{text}: {:?}",
            summary(&events)
        );
    }
    // A call on an event noun is still that event.
    let events = code(
        "Serbia's president called a snap election on Sunday.",
        "2025-06-01",
    );
    assert!(
        events.iter().any(|e| e.cameo.starts_with("08")),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn a_nouns_preposition_hung_on_its_verb_still_names_the_target() {
    let events = code(
        "U.S. President Donald Trump ordered a 50% tariff on most Brazilian imports on Wednesday.",
        "2025-07-31",
    );
    assert_eq!(
        summary(&events),
        [one("163", &["USAGOV"], &["BRA"], "asserted")]
    );
}

#[test]
fn an_armed_group_telling_of_its_own_attack_claims_it() {
    let events = code(
        "Yemen's Houthi movement said on Thursday it had launched two drones at the Israeli port city of Eilat.",
        "2025-09-04",
    );
    let codes: Vec<String> = events.iter().map(|e| e.cameo.clone()).collect();
    assert!(codes.contains(&"015".to_string()), "{codes:?}");
    assert!(codes.iter().any(|c| c.starts_with("19")), "{codes:?}");
    // Another's report of the attack claims nothing for the attackers.
    let events = code(
        "Israel's military said the Houthis had launched two drones at Eilat.",
        "2025-09-04",
    );
    assert!(
        events.iter().all(|e| e.cameo != "015"),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn a_possessive_joined_with_another_country_names_both_and_an_agreements_purpose_is_no_act() {
    let events = code(
        "Uzbekistan and Afghanistan's Taliban administration signed agreements on Tuesday to expand cross-border trade.",
        "2025-08-13",
    );
    let summary = summary(&events);
    assert_eq!(summary.len(), 1, "{summary:?}");
    assert_eq!(summary[0].0, "057");
    assert_eq!(summary[0].1, ["UZBGOV", "AFGGOV"]);
}

#[test]
fn a_joint_act_with_each_other_has_no_other_side() {
    let events = code(
        "BANGKOK (dyad wire) — Thailand and Cambodia accused each other on Thursday of starting a firefight along their disputed border, the most serious breach yet of the peace accord the two neighbors signed in Kuala Lumpur last month.",
        "2025-11-20",
    );
    let accusation = summary(&events)
        .into_iter()
        .find(|e| e.0 == "112")
        .expect("the accusation");
    assert_eq!(accusation.1, ["THA", "KHM"]);
    assert!(accusation.2.is_empty(), "{accusation:?}");
}

#[test]
fn insurgents_are_of_the_place_they_strike_but_gunmen_of_none() {
    let events = code(
        "Jihadist militants overran an army outpost in Nigeria's Borno state on Monday.",
        "2025-06-03",
    );
    assert_eq!(summary(&events)[0].1, ["NGAREB"]);
    let events = code(
        "A suicide bomber blew himself up at a police post in Pakistan's Bannu district on Tuesday, killing four officers.",
        "2025-06-03",
    );
    let attack = &summary(&events)[0];
    assert!(attack.1.is_empty(), "{attack:?}");
    assert_eq!(attack.2, ["PAKCOP"]);
}

#[test]
fn officials_of_the_two_countries_are_of_the_pair_named_before() {
    let events = code(
        "Egypt and Sudan called on Ethiopia on Tuesday to return to negotiations over the dam. The foreign ministers of the two countries met in Cairo on Monday.",
        "2025-05-27",
    );
    let meeting = summary(&events)
        .into_iter()
        .find(|e| e.0 == "040")
        .expect("the meeting");
    assert_eq!(meeting.1, ["EGYGOV", "SDNGOV"]);
    assert!(meeting.2.is_empty(), "{meeting:?}");
}

#[test]
fn to_begin_an_act_is_to_do_it() {
    // A particle after the verb's object.
    let events = code(
        "Russia began pulling troops back from the border with Georgia on Monday.",
        "2025-05-27",
    );
    assert_eq!(summary(&events)[0].0, "087");
    // An act begun is launched.
    let events = code(
        "Pakistan's army began an operation against militants in North Waziristan on Monday.",
        "2025-05-27",
    );
    assert_eq!(summary(&events)[0].0, "190");
    // A span of time stands in the act's place.
    let events = code(
        "Indian troops began two weeks of live-fire drills with French forces on Monday.",
        "2025-05-27",
    );
    assert_eq!(
        summary(&events),
        [one("062", &["INDMIL"], &["FRAMIL"], "asserted")]
    );
    // An adverb after the object that no pattern wants is no particle.
    let events = code(
        "Iran allowed U.N. nuclear inspectors back into the Bushehr power plant on Wednesday.",
        "2025-05-27",
    );
    assert!(!events.is_empty());
}

#[test]
fn readiness_and_openness_to_talks_and_an_office_holders_country() {
    let events = code(
        "China is open to talks with the United States on export controls, its commerce ministry said.",
        "2025-05-27",
    );
    assert_eq!(
        summary(&events),
        [one("046", &["CHN"], &["USA"], "hypothetical")]
    );
    // "his country" is the country of the minister "his" refers to.
    let events = code(
        "Malaysia's foreign minister said on Monday his country was ready to restart boundary negotiations with Indonesia.",
        "2025-05-27",
    );
    assert_eq!(
        summary(&events),
        [one("036", &["MYS"], &["IDN"], "asserted")]
    );
    // Armed groups a government would talk with are of its country.
    let events = code(
        "Mozambique's president said his government was open to talks with the insurgents.",
        "2025-05-27",
    );
    assert_eq!(summary(&events)[0].2, ["MOZREB"]);
}

#[test]
fn victims_of_insurgents_and_prisoners_freed_are_of_the_state() {
    let events = code(
        "Boko Haram militants abducted at least 25 women near the town of Gwoza on Friday.",
        "2025-08-10",
    );
    assert_eq!(summary(&events)[0].2, ["NGACVL"]);
    // Prisoners a state frees are its own, wherever it hands them over.
    let events = code(
        "Belarus freed 52 prisoners on Thursday and handed them over at the border with Lithuania.",
        "2025-09-12",
    );
    assert_eq!(
        summary(&events)[0],
        one("0841", &["BLR"], &["BLRCVL"], "asserted")
    );
}

#[test]
fn a_states_protest_is_a_complaint_and_the_purpose_of_a_summons_is_that_summons() {
    let events = code(
        "Croatia's foreign ministry summoned Serbia's ambassador in Zagreb on Monday to protest against the remarks.",
        "2025-06-01",
    );
    assert_eq!(
        summary(&events),
        [one("114", &["HRVGOV"], &["SRBGOV"], "asserted")]
    );
    let events = code(
        "China protested strongly against the visit, its foreign ministry said.",
        "2025-06-01",
    );
    assert!(
        events.iter().all(|e| !e.cameo.starts_with("14")),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn troops_ordered_to_patrol_are_deployed() {
    let events = code(
        "Ecuador's president ordered troops to patrol the streets of Guayaquil on Sunday.",
        "2025-06-01",
    );
    assert_eq!(summary(&events), [one("154", &["ECUGOV"], &[], "asserted")]);
}

#[test]
fn a_vow_of_force_is_a_threat_and_a_vow_not_to_give_way_a_refusal() {
    let events = code(
        "Supreme Leader Ayatollah Ali Khamenei vowed that Israel would face a crushing military response.",
        "2025-06-14",
    );
    assert_eq!(
        summary(&events),
        [one("138", &["IRNGOV"], &["ISR"], "asserted")]
    );
    let events = code(
        "Colombian President Gustavo Petro vowed he would not back down.",
        "2025-10-25",
    );
    assert_eq!(summary(&events)[0].0, "124");
}

#[test]
fn a_verb_joined_to_an_object_is_joined_to_its_verb() {
    let events = code(
        "The Gulf Cooperation Council's secretary-general, Jasem Albudaiwi, backed Kuwait's position and called on Iraq to abide by the navigation agreement.",
        "2024-03-13",
    );
    let call = summary(&events)
        .into_iter()
        .find(|e| e.0.starts_with("02"))
        .expect("the call, which asks");
    assert_eq!(call.1, ["IGOGCC"]);
    assert_eq!(call.2, ["IRQ"]);
}

#[test]
fn the_two_sides_are_of_two_countries_when_two_are_named_before() {
    let events = code(
        "Pakistan's foreign minister Ishaq Dar arrived in Dhaka on Saturday. On Sunday, Dar held talks with Touhid Hossain, Bangladesh's foreign affairs adviser, the foreign ministry in Dhaka said. The two sides signed agreements on visa exemptions.",
        "2025-08-24",
    );
    let signing = summary(&events)
        .into_iter()
        .find(|e| e.0 == "057")
        .expect("the signing");
    let mut countries: Vec<String> = signing.1.iter().map(|c| c[..3].to_string()).collect();
    countries.sort();
    assert_eq!(countries, ["BGD", "PAK"]);
}

#[test]
fn a_verb_that_acts_on_an_act_is_not_its_doer() {
    let events = code(
        "Argentina's security minister said police monitor the weekly protests closely.",
        "2025-06-25",
    );
    assert!(
        events.iter().all(|e| !e.cameo.starts_with("14")),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn a_state_condemning_its_insurgents_attack_condemns_them() {
    let events = code(
        "Al Shabaab fighters detonated a roadside bomb beside a Somali army convoy near Afgooye on Wednesday. Somali President Hassan Sheikh Mohamud condemned the attack as cowardly.",
        "2025-05-15",
    );
    let condemnation = summary(&events)
        .into_iter()
        .find(|e| e.0 == "111")
        .expect("the condemnation");
    assert_eq!(condemnation.2, ["SOMREB"]);
}

#[test]
fn the_other_side_of_talks_may_hang_on_their_topic() {
    let events = code(
        "China's foreign ministry said Beijing was open to talks on trade with the incoming US administration.",
        "2025-01-08",
    );
    assert_eq!(
        summary(&events),
        [one("046", &["CHNGOV"], &["USAGOV"], "hypothetical")]
    );
}

#[test]
fn the_groups_fighters_are_the_group_named_before_in_the_sentence() {
    let events = code(
        "Sudan's army-backed government accused the paramilitary Rapid Support Forces on Tuesday of war crimes, saying the group's fighters had shelled a camp for displaced people near El Fasher on Monday.",
        "2025-08-06",
    );
    let shelling = summary(&events)
        .into_iter()
        .find(|e| e.0.starts_with("19"))
        .expect("the shelling");
    assert_eq!(shelling.1, ["SDNREB"]);
}

#[test]
fn a_fire_an_attack_set_is_that_attack() {
    let events = code(
        "PORT-AU-PRINCE, May 20 (AP) - Gunmen from the Viv Ansanm gang coalition attacked a police station in the central town of Mirebalais on Tuesday, setting it on fire.",
        "2025-05-20",
    );
    assert_eq!(summary(&events).len(), 1, "{:?}", summary(&events));
}

#[test]
fn a_past_tense_joined_to_a_would_is_done_and_a_named_accord_names_no_party() {
    let events = code(
        "Thailand's prime minister said on Wednesday that Bangkok would keep the Kuala Lumpur accord suspended and ordered the army to reinforce its positions along the frontier.",
        "2025-11-20",
    );
    let order = summary(&events)
        .into_iter()
        .find(|e| e.0 == "154")
        .expect("the deployment");
    assert_ne!(order.3, "future", "{order:?}");
    assert!(order.2.iter().all(|t| !t.starts_with("MYS")), "{order:?}");
}

#[test]
fn a_title_and_name_after_and_are_one_subject() {
    let events = code(
        "Mozambican President Daniel Chapo and opposition leader Venancio Mondlane met in Maputo on Sunday.",
        "2025-03-25",
    );
    assert_eq!(
        summary(&events),
        [one("040", &["MOZGOV", "MOZOPP"], &[], "asserted")]
    );
}

#[test]
fn a_subject_before_an_adverb_is_the_verbs_subject() {
    let events = code(
        "Prabowo held talks with Prime Minister Anthony Albanese on Tuesday. The two leaders later signed a defence treaty.",
        "2025-08-27",
    );
    assert_eq!(
        summary(&events)[1],
        one("057", &["IDNGOV", "AUSGOV"], &[], "asserted")
    );
}

#[test]
fn the_two_countries_may_be_named_in_their_own_sentence() {
    let events = code(
        "Ghana's President John Mahama hailed Burkina Faso's military leader Ibrahim Traore on Saturday during a visit to Ouagadougou, where the two governments signed agreements on energy supplies.",
        "2025-03-09",
    );
    assert_eq!(
        summary(&events)[1],
        one("057", &["GHAGOV", "BFAGOV"], &[], "asserted")
    );
    let events = code(
        "Australian and Indonesian warships began a joint exercise in the Arafura Sea on Wednesday, the largest since the two neighbours signed a security treaty in 2006.",
        "2025-02-05",
    );
    assert_eq!(
        summary(&events)[1],
        one("057", &["AUS", "IDN"], &[], "historical")
    );
    // A mediator is no side.
    let events = code(
        "Qatar has been mediating between the Congolese government and the M23 rebel group since April, adding that the two sides had signed a final peace agreement.",
        "2025-05-21",
    );
    assert!(
        summary(&events)
            .iter()
            .all(|e| !e.1.contains(&"QAT".to_string()) || e.0 == "045")
    );
}

#[test]
fn a_phrase_before_a_participle_after_a_comma_is_the_verbs() {
    let events = code(
        "The United States on Thursday imposed sanctions on James Kabarebe, Rwanda's minister of state for regional integration, accusing him of directing Kigali's support for M23.",
        "2025-02-21",
    );
    assert_eq!(
        summary(&events),
        [
            one("163", &["USA"], &["RWAGOV"], "asserted"),
            one("112", &["USA"], &["RWAGOV"], "asserted")
        ]
    );
}

#[test]
fn a_relative_clause_without_that_tells_of_its_noun() {
    let events = code(
        "Colombia's ELN rebels will release four soldiers they kidnapped in the northeastern department of Arauca last month.",
        "2025-03-03",
    );
    assert_eq!(
        summary(&events)[1],
        one("181", &["COLREB"], &["COLMIL"], "asserted")
    );
}

#[test]
fn an_acts_purpose_of_the_same_kind_is_that_act() {
    let events = code(
        "Police fired tear gas on Wednesday to disperse crowds near parliament in Nairobi.",
        "2025-03-03",
    );
    assert_eq!(summary(&events).len(), 1);
    assert_eq!(events[0].cameo, "175");
}

#[test]
fn speaking_to_a_meeting_is_no_meeting() {
    let events = code(
        "Lee told a cabinet meeting on Tuesday that Seoul would keep the door open to talks.",
        "2025-06-10",
    );
    assert!(events.iter().all(|e| !e.cameo.starts_with("04")));
}

#[test]
fn what_a_sanction_bars_is_not_done_and_what_it_holds_is_that_sanction() {
    let events = code(
        "China imposed sanctions on Thursday on seven US defence companies and three of their executives over Washington's latest arms sale to Taiwan, freezing their assets and barring them from doing business with Chinese firms.",
        "2025-05-01",
    );
    assert_eq!(
        summary(&events),
        [one("163", &["CHN"], &["USABUS"], "asserted")]
    );
}

#[test]
fn a_name_split_into_objects_is_one_object() {
    let events = code(
        "Venezuela's foreign minister, Yván Gil, thanked President José Raúl Mulino's government on Monday.",
        "2025-06-01",
    );
    assert_eq!(
        summary(&events),
        [one("051", &["VENGOV"], &["PANGOV"], "asserted")]
    );
}

#[test]
fn due_to_travel_is_a_future_visit() {
    let events = code(
        "Armenian Defence Minister Suren Papikyan is due to travel to Athens on Thursday for talks with Greek Defence Minister Nikos Dendias.",
        "2025-06-01",
    );
    assert_eq!(
        summary(&events)[0],
        one("042", &["ARMGOV"], &["GRC"], "future")
    );
}

#[test]
fn an_unlisted_name_under_a_title_is_a_person_a_surname_refers_to() {
    let events = code(
        "Argentine Security Minister Patricia Bullrich sent 400 federal police officers to Salta on Friday. Bullrich asked Bolivian authorities to help identify the gang's leaders.",
        "2024-08-05",
    );
    let summary = summary(&events);
    assert_eq!(summary[0].0, "153");
    assert_eq!(summary[1].1, ["ARGGOV"]);
    assert_eq!(summary[1].2, ["BOLGOV"]);
}

#[test]
fn police_force_on_no_one_named_is_on_the_protesters_told_last() {
    let events = code(
        "Thousands of garment workers blocked a highway outside Dhaka on Monday to demand unpaid wages. Police fired tear gas and sound grenades to clear the road.",
        "2025-01-20",
    );
    assert_eq!(
        summary(&events),
        [
            one("144", &["BGDLAB"], &["BGD"], "asserted"),
            one("175", &["BGDCOP"], &["BGDLAB"], "asserted")
        ]
    );
}

#[test]
fn insurgents_a_state_talks_with_abroad_are_its_own() {
    let events = code(
        "Myanmar's military government said it was ready to attend talks with ethnic armed groups in the Chinese city of Kunming.",
        "2025-06-01",
    );
    assert_eq!(summary(&events)[0].2, ["MMRREB"]);
}

#[test]
fn a_verb_joined_to_a_passive_clause_of_what_was_said_is_the_speakers() {
    let events = code(
        "Myanmar's military carried out air strikes on a village in the Sagaing region on Sunday. The UN human rights office said it was deeply alarmed by the reports and called on the military to halt attacks on civilians.",
        "2024-12-16",
    );
    assert_eq!(
        summary(&events)[1],
        one("0256", &["IGOUNO"], &["MMRMIL"], "asserted")
    );
}

#[test]
fn a_participle_phrase_taken_for_the_main_verb_describes_the_subject() {
    let events = code(
        "The interim government led by Muhammad Yunus has also asked the United Nations to help set up a safe zone inside Rakhine state.",
        "2025-01-01",
    );
    assert_eq!(summary(&events)[0].1, ["BGDGOV"]);
}

#[test]
fn forces_ordered_to_deploy_or_support_are_deployed_and_an_aid_body_ordered_to_stop_is_expelled() {
    let events = code(
        "President Bola Tinubu ordered the military to deploy more troops along the highway.",
        "2025-06-01",
    );
    assert_eq!(summary(&events).len(), 1);
    assert_eq!(events[0].cameo, "154");
    let events = code(
        "Mali's transitional authorities on Tuesday ordered the UN humanitarian coordination office to halt its operations in the northern Kidal region within 72 hours.",
        "2025-06-01",
    );
    assert_eq!(
        summary(&events),
        [one("1663", &["MLIGOV"], &["IGOUNO"], "asserted")]
    );
}

#[test]
fn a_participle_hung_on_an_order_to_leave_and_an_accusation_beside_a_complaint() {
    let events = code(
        "Myanmar's military government on Tuesday ordered the head of the UN refugee agency's office in Rakhine state to leave the country within 72 hours, accusing him of interfering in the country's internal affairs.",
        "2025-02-01",
    );
    assert_eq!(
        summary(&events),
        [
            one("174", &["MMRGOV"], &["IGOUNO"], "asserted"),
            one("112", &["MMRGOV"], &["IGOUNO"], "asserted")
        ]
    );
    let events = code(
        "Lithuanian Foreign Minister Kestutis Budrys summoned Belarus's charge d'affaires in Vilnius on Tuesday to protest against repeated drone incursions from Belarusian airspace, accusing Minsk of turning a blind eye to the flights.",
        "2025-02-01",
    );
    let codes: Vec<String> = events.iter().map(|e| e.cameo.clone()).collect();
    assert_eq!(codes, ["114", "112"]);
}

#[test]
fn a_noun_after_since_or_after_before_a_verb_is_its_subject() {
    let events = code(
        "Australian and Philippine warships held joint drills off the western coast of Palawan on Saturday, days after Manila protested the presence of Chinese survey ships in its exclusive economic zone.",
        "2025-02-01",
    );
    assert_eq!(
        summary(&events)[1],
        one("114", &["PHLGOV"], &["CHN"], "asserted")
    );
}

#[test]
fn the_two_delegations_are_the_pair_joined_a_few_sentences_before_not_the_mediators() {
    let events = code(
        "Russian and Ukrainian negotiators met in Geneva on Wednesday, as U.S. mediators pressed the two sides to accept a partial ceasefire.\n\nThe first day ended without a joint statement. A Ukrainian official said the two delegations did not meet face to face in the afternoon.",
        "2025-11-20",
    );
    assert!(summary(&events).contains(&one("040", &["RUSGOV", "UKRGOV"], &[], "negated")));
}

#[test]
fn an_appeal_to_donors_is_made_to_no_one_in_particular() {
    let events = code(
        "Chadian President Mahamat Idriss Deby appealed to international donors on Tuesday for $500 million to help his country care for refugees.",
        "2025-06-01",
    );
    assert_eq!(summary(&events)[0].1, ["TCDGOV"]);
    assert!(summary(&events)[0].2.is_empty());
}

#[test]
fn the_words_of_a_name_after_and_belong_to_its_conjunct() {
    let events = code(
        "Malaysian Prime Minister Anwar Ibrahim arrived in Manila on Tuesday. Anwar and President Ferdinand Marcos Jr. signed agreements on halal trade at Malacanang Palace on Wednesday.",
        "2025-06-25",
    );
    assert_eq!(
        summary(&events)[1],
        one("057", &["MYSGOV", "PHLGOV"], &[], "asserted")
    );
}

#[test]
fn a_charge_someone_denied_is_their_denial_of_the_accuser() {
    let events = code(
        "Guyanese President Irfaan Ali accused Venezuela on Thursday of building up troops near the disputed border, a charge Caracas swiftly denied.",
        "2025-06-01",
    );
    assert_eq!(
        summary(&events)[1],
        one("016", &["VENGOV"], &["GUYGOV"], "asserted")
    );
    let events = code(
        "Sudan's army accused the Rapid Support Forces of diverting food to their fighters, a charge the paramilitary group denied.",
        "2025-06-01",
    );
    assert_eq!(
        summary(&events)[1],
        one("016", &["SDNREB"], &["SDNMIL"], "asserted")
    );
}

#[test]
fn a_country_described_not_named_is_the_last_other_country_named() {
    let events = code(
        "Sudan's government cut diplomatic ties with the United Arab Emirates on Tuesday, accusing the Gulf state of arming the Rapid Support Forces.",
        "2025-05-07",
    );
    assert_eq!(
        summary(&events)[1],
        one("112", &["SDNGOV"], &["ARE"], "asserted")
    );
    let events = code(
        "Pakistan closed its border with Afghanistan, accusing its neighbour of sheltering militants.",
        "2025-05-07",
    );
    assert_eq!(
        summary(&events)[1],
        one("112", &["PAK"], &["AFG"], "asserted")
    );
}

#[test]
fn police_firing_on_protesters_a_clause_places_are_that_places_repression() {
    let events = code(
        "Nepal's Prime Minister KP Sharma Oli resigned on Tuesday, a day after police opened fire on young protesters who had marched on parliament in Kathmandu.",
        "2025-09-10",
    );
    assert_eq!(
        summary(&events)[1],
        one("175", &["NPLCOP"], &["NPLCVL"], "asserted")
    );
}

#[test]
fn a_subject_after_and_heads_its_own_clause() {
    let events = code(
        "Kenyan President William Ruto withdrew a finance bill on Wednesday, a day after demonstrators stormed parliament in Nairobi and police opened fire on the crowds.",
        "2024-06-27",
    );
    assert_eq!(
        summary(&events)[2],
        one("175", &["KENCOP"], &["KENCVL"], "asserted")
    );
}

#[test]
fn a_speaker_before_said_is_the_subject_of_the_participle_after_it() {
    let events = code(
        "Mexico sent 26 alleged cartel members to the United States on Tuesday, U.S. official Jane Roe said, thanking President Claudia Sheinbaum's government for its cooperation.",
        "2025-08-13",
    );
    let thanks = summary(&events)
        .into_iter()
        .find(|e| e.0 == "051")
        .expect("the thanks is coded");
    assert_eq!(thanks.1, ["USAGOV"]);
}

#[test]
fn an_accord_to_do_what_no_pattern_codes_is_an_intent_to_cooperate_of_the_listed_parties() {
    let events = code(
        "China, Pakistan and Afghanistan agreed to extend the China-Pakistan Economic Corridor into Afghanistan, Pakistan's Foreign Minister Ishaq Dar said.",
        "2025-05-22",
    );
    assert_eq!(
        summary(&events)[0],
        one("030", &["CHN", "PAK", "AFG"], &[], "asserted")
    );
}

#[test]
fn a_visit_by_someone_is_theirs_to_the_place_the_sentence_names() {
    let events = code(
        "Djibouti and Ethiopia signed an agreement on Tuesday to build a second power line between the two countries, during a visit by Ethiopian Prime Minister Abiy Ahmed to Djibouti.",
        "2025-06-04",
    );
    assert_eq!(
        summary(&events)[1],
        one("042", &["ETHGOV"], &["DJI"], "asserted")
    );
    let events = code(
        "Germany and India signed a roadmap for defence industrial cooperation in New Delhi on Tuesday during a visit by German Defence Minister Boris Pistorius.",
        "2025-06-04",
    );
    assert_eq!(
        summary(&events)[1],
        one("042", &["DEUGOV"], &["IND"], "asserted")
    );
}

#[test]
fn a_visit_named_beside_a_hosting_is_that_hosting() {
    let events = code(
        "Kenyan President William Ruto hosted Ethiopian Prime Minister Abiy Ahmed at State House in Nairobi on Monday, the first visit by an Ethiopian leader to Kenya in two years.",
        "2025-07-08",
    );
    assert_eq!(summary(&events).len(), 1, "{:?}", summary(&events));
}

#[test]
fn an_attack_that_is_the_subject_of_hit_is_on_what_it_hits() {
    let events = code(
        "A Myanmar military air strike hit a school in Sagaing on Monday, killing 20 children.",
        "2025-06-03",
    );
    assert_eq!(summary(&events).len(), 1, "{:?}", summary(&events));
    assert_eq!(summary(&events)[0].0, "195");
    assert!(summary(&events)[0].2.iter().all(|t| t.starts_with("MMR")));
}

#[test]
fn a_help_told_as_what_an_act_did_or_why_is_no_act() {
    let events = code(
        "Six India-based companies were sanctioned by the United States on Wednesday for helping ship Iranian petrochemicals to buyers abroad, the Treasury Department said.",
        "2025-08-01",
    );
    assert_eq!(summary(&events).len(), 1, "{:?}", summary(&events));
    assert_eq!(summary(&events)[0].0, "163");
}

#[test]
fn an_order_to_leave_reads_every_joined_object_and_clause() {
    let events = code(
        "France on Tuesday ordered 12 Algerian consular and diplomatic officials to leave the country.",
        "2025-04-15",
    );
    assert_eq!(summary(&events)[0].0, "161");
    let events = code(
        "Niger's military government on Wednesday ordered two French aid groups working in the western Tillaberi region to halt their operations and leave the country within a week.",
        "2025-10-01",
    );
    assert_eq!(summary(&events)[0].0, "1663");
}

#[test]
fn a_captive_described_with_no_captor_is_held_by_whoever_is_to_release_them() {
    let events = code(
        "Jordan's foreign ministry demanded on Thursday that Israel release a Jordanian doctor detained at the Allenby Bridge crossing last week.",
        "2025-06-06",
    );
    assert_eq!(summary(&events)[1].0, "173");
    assert_eq!(summary(&events)[1].1, ["ISR"]);
    let events = code(
        "Vietnam demanded on Monday that China immediately release ten Vietnamese fishermen detained near the Paracel Islands last week and return their boat.",
        "2025-06-02",
    );
    assert_eq!(summary(&events)[1].0, "173");
    assert_eq!(summary(&events)[1].1, ["CHN"]);
}

#[test]
fn a_visit_someone_says_they_will_make_is_a_visit_to_come_and_its_purpose_is_that_visit() {
    let events = code(
        "Cook Islands Prime Minister Mark Brown said he would travel to Wellington next month to discuss the dispute with Foreign Minister Winston Peters.",
        "2025-06-19",
    );
    assert_eq!(
        summary(&events),
        [one("042", &["COKGOV"], &["NZL"], "future")]
    );
}

#[test]
fn naming_an_act_by_a_word_of_censure_criticises_its_doer() {
    let events = code(
        "Rwanda expelled Belgium's ambassador on Monday. The Belgian government called the decision disproportionate.",
        "2025-09-10",
    );
    assert_eq!(
        summary(&events)[1],
        one("111", &["BELGOV"], &["RWA"], "asserted")
    );
    let events = code(
        "Israeli troops raided a village in southern Syria on Wednesday. Syria's foreign ministry called the incursion a flagrant violation of its sovereignty.",
        "2025-09-10",
    );
    assert_eq!(
        summary(&events)[1],
        one("111", &["SYRGOV"], &["ISRMIL"], "asserted")
    );
    // A name that is no censure still names and does nothing.
    let events = code(
        "Israeli troops raided a village in southern Syria on Wednesday. The Israeli military called the raid a routine operation.",
        "2025-09-10",
    );
    assert_eq!(summary(&events).len(), 1);
}

#[test]
fn not_commenting_is_no_act() {
    for text in [
        "The ELN has not commented on the Colombian army's statement.",
        "Moscow has not commented on the report by Ukraine's intelligence agency.",
    ] {
        assert!(code(text, "2025-09-10").is_empty(), "{text}");
    }
}

#[test]
fn a_mediation_told_as_how_an_act_came_about_is_between_its_parties() {
    let events = code(
        "Iran released a French teacher on Friday after mediation by Oman.",
        "2025-03-03",
    );
    assert_eq!(
        summary(&events)[1],
        one("045", &["OMN"], &["IRN", "FRAEDU"], "asserted")
    );
    let events = code(
        "Azerbaijan and Armenia exchanged prisoners on Sunday after weeks of Emirati mediation.",
        "2025-03-03",
    );
    assert_eq!(
        summary(&events)[1],
        one("045", &["ARE"], &["AZE", "ARM"], "asserted")
    );
}

#[test]
fn a_passive_with_no_doer_leaves_the_act_to_the_noun_that_names_one() {
    let events = code(
        "Two soldiers were killed in a Russian drone strike on a village in Ukraine's Sumy region.",
        "2025-03-03",
    );
    assert_eq!(
        summary(&events),
        [one("195", &["RUS"], &["UKR"], "asserted")]
    );
}

#[test]
fn an_unknown_official_named_by_office_holds_it_for_the_one_country_the_article_names() {
    let events = code(
        "Separatist gunmen killed nine bus passengers in Pakistan's Balochistan province on Friday. Interior Minister Mohsin Naqvi condemned the killings.",
        "2024-03-03",
    );
    assert_eq!(
        summary(&events)[1],
        one("111", &["PAKGOV"], &["PAKREB"], "asserted")
    );
    // Two countries named: no guess.
    let events = code(
        "Russia and Ukraine exchanged prisoners on Friday. Interior Minister Ivan Petrov praised the officers.",
        "2024-03-03",
    );
    assert_eq!(summary(&events).len(), 1);
}

#[test]
fn a_capital_after_an_agent_noun_is_where_they_are_not_the_government() {
    let events = code(
        "Kenyan police fired tear gas at protesters in Nairobi on Tuesday.",
        "2024-03-03",
    );
    assert_eq!(
        summary(&events),
        [one("175", &["KENCOP"], &["KENCVL"], "asserted")]
    );
}

#[test]
fn an_attack_that_is_the_subject_of_what_it_did_happened_where_that_verb_puts_it() {
    let events = code(
        "A Myanmar military air strike killed about 40 people and wounded at least 20 others in a village in western Rakhine state on Wednesday.",
        "2025-01-30",
    );
    assert_eq!(
        summary(&events)[0],
        one("195", &["MMR"], &["MMRCVL"], "asserted")
    );
}

#[test]
fn a_deployment_at_home_is_aimed_at_no_one() {
    let events = code(
        "Ecuador deployed 3,000 soldiers to the port city of Guayaquil on Friday after a wave of killings.",
        "2025-01-05",
    );
    assert_eq!(summary(&events), [one("154", &["ECU"], &[], "asserted")]);
    let events = code(
        "Russia deployed 3,000 soldiers to the border with Finland on Friday.",
        "2025-01-05",
    );
    assert_eq!(
        summary(&events),
        [one("154", &["RUS"], &["FIN"], "asserted")]
    );
}

#[test]
fn people_named_by_kind_or_office_act_for_the_one_country_the_article_names() {
    let events = code(
        "Argentine police clashed with protesters in Buenos Aires on Wednesday. Security Minister Patricia Bullrich accused the protesters of attacking officers with stones.",
        "2025-03-14",
    );
    assert_eq!(
        summary(&events)[1],
        one("112", &["ARGGOV"], &["ARGCVL"], "asserted")
    );
    let events = code(
        "Hungarian police clashed with protesters in Budapest on Wednesday. A government spokesman accused the organisers of doing the bidding of foreign interests.",
        "2025-03-14",
    );
    assert_eq!(
        summary(&events)[1],
        one("112", &["HUNGOV"], &["HUNCVL"], "asserted")
    );
    // Every head of state is known: an unknown "President" presides over something else.
    let events = code(
        "BELÉM, Brazil (dyad wire) — Negotiators at the U.N. climate conference in Belém traded accusations on Monday over a proposed road map for moving away from fossil fuels.\n\nCOP30 President André Corrêa do Lago urged delegations to compromise so that an agreement could be adopted by Friday.",
        "2025-11-20",
    );
    assert!(events.is_empty());
}

#[test]
fn force_told_by_another_side_with_no_one_else_named_was_used_against_it() {
    let events = code(
        "Pakistan's military said Indian forces had violated the ceasefire along the Line of Control hours after it took effect.",
        "2025-05-11",
    );
    assert_eq!(summary(&events)[0].1, ["INDMIL"]);
    assert_eq!(summary(&events)[0].2, ["PAKMIL"]);
}

#[test]
fn a_group_named_as_what_the_actors_are_linked_to_is_not_the_actor() {
    let events = code(
        "Militants linked to al Qaeda killed hundreds of civilians around the town of Barsalogho in central Burkina Faso on Saturday, security sources said.",
        "2024-08-26",
    );
    assert_eq!(summary(&events)[0].1, ["BFAREB"]);
}

#[test]
fn people_from_two_countries_are_of_both() {
    let events = code(
        "Troops from Indonesia and Australia began a two-week joint exercise in East Java on Tuesday.",
        "2025-03-03",
    );
    assert_eq!(
        summary(&events),
        [one("062", &["IDNMIL", "AUSMIL"], &[], "asserted")]
    );
}

#[test]
fn a_list_of_modifiers_taken_for_the_head_modifies_the_subject() {
    let events = code(
        "Indian and Uzbek troops began their annual Dustlik joint exercise near the southern Uzbek city of Termez on Monday.",
        "2025-03-03",
    );
    assert_eq!(
        summary(&events),
        [one("062", &["INDMIL", "UZBMIL"], &[], "asserted")]
    );
}

#[test]
fn the_first_of_two_joined_subjects_taken_for_the_head_is_the_verbs() {
    let events = code(
        "Japan's Maritime Self-Defense Force and the Indian Navy began a five-day joint exercise in the Bay of Bengal on Monday.",
        "2025-03-03",
    );
    assert_eq!(
        summary(&events),
        [one("062", &["JPNMIL", "INDMIL"], &[], "asserted")]
    );
}

#[test]
fn a_states_inquiry_into_what_no_other_country_is_tied_to_is_into_its_own_affairs() {
    let events = code(
        "Paris prosecutors opened a preliminary investigation on Tuesday into the alleged misuse of parliamentary funds.",
        "2025-03-03",
    );
    assert_eq!(summary(&events)[0].2, ["FRA"]);
}

#[test]
fn an_appeal_to_allies_or_other_countries_is_aimed_at_no_one_named() {
    let events = code(
        "NATO Secretary General Mark Rutte urged allies on Wednesday to send more air defence systems to Ukraine.",
        "2025-10-15",
    );
    assert_eq!(summary(&events)[0].1, ["IGONAT"]);
    assert!(summary(&events)[0].2.is_empty());
}

#[test]
fn an_appeal_to_allies_its_own_words_name_is_aimed_at_them() {
    let events = code(
        "Polish Prime Minister Donald Tusk said the government would ask NATO allies to help protect critical infrastructure.",
        "2025-11-20",
    );
    assert_eq!(summary(&events)[0].2, ["IGONAT"]);
}

#[test]
fn a_package_or_shipment_of_aid_is_aid() {
    let events = code(
        "Denmark said on Monday it would send a new military aid package worth 4.2 billion crowns to Ukraine.",
        "2025-03-10",
    );
    assert_eq!(
        summary(&events),
        [one("033", &["DNK"], &["UKR"], "asserted")]
    );
}

#[test]
fn brussels_is_the_eu_but_belgium_where_the_article_names_belgium() {
    let eu = code(
        "Georgia's prime minister accused Brussels on Monday of blackmail over the visa-free regime.",
        "2025-03-10",
    );
    assert_eq!(summary(&eu)[0].2, ["IGOEU"]);
    let belgium = code(
        "Rwanda severed diplomatic relations with Belgium on Monday, accusing Brussels of taking sides in the conflict.",
        "2025-03-17",
    );
    let accusation = summary(&belgium)
        .into_iter()
        .find(|e| e.0 == "112")
        .expect("an accusation");
    assert_eq!(accusation.2, ["BELGOV"]);
}

#[test]
fn a_participle_describing_people_is_what_they_do() {
    let events = code(
        "Police shot dead at least 19 people demonstrating against a ban on social media platforms in Kathmandu on Monday.",
        "2025-09-09",
    );
    let protest = summary(&events)
        .into_iter()
        .find(|e| e.0.starts_with("14"))
        .expect("a protest");
    assert_eq!(protest.1, ["NPLCVL"]);
}

#[test]
fn a_participle_describing_a_thing_or_a_charge_is_no_act() {
    let events = code(
        "Israeli airstrikes on tents sheltering displaced families in Khan Younis killed at least 22 people on Saturday.",
        "2025-05-18",
    );
    assert!(summary(&events).iter().all(|e| !e.0.starts_with("07")));
}

#[test]
fn new_wire_frames_code_their_acts() {
    let cases = [
        (
            "The International Monetary Fund approved the release of about $350 million to Sri Lanka on Friday.",
            "071",
        ),
        (
            "A Manila court on Friday granted bail to a former police colonel on trial for murder.",
            "0841",
        ),
        (
            "Mexico sent 29 alleged cartel figures to the United States on Thursday.",
            "063",
        ),
        (
            "The Pakistani Taliban claimed the attack in a message to journalists.",
            "015",
        ),
        (
            "Chinese foreign ministry spokesman Guo Jiakun dismissed the protest on Wednesday.",
            "120",
        ),
        (
            "Hungary on Monday blocked the renewal of European Union sanctions on Russian individuals.",
            "129",
        ),
        (
            "Canada will impose a 100 percent surtax on Chinese-made electric vehicles from October 1.",
            "163",
        ),
    ];
    for (text, cameo) in cases {
        let events = code(text, "2025-03-10");
        assert!(
            summary(&events).iter().any(|e| e.0 == cameo),
            "{text}: {:?}",
            summary(&events)
        );
    }
}

#[test]
fn a_participle_after_an_object_describes_it() {
    let events = code(
        "African Union Commission chairperson Mahmoud Ali Youssouf called on Ethiopia and Eritrea to pull back troops massed along their shared border.",
        "2026-09-09",
    );
    assert!(summary(&events).iter().all(|e| e.0 != "154"));
    let massing = code(
        "Guyana said on Monday that Venezuelan troops were massing near the Cuyuni River.",
        "2025-03-10",
    );
    assert_eq!(summary(&massing)[0].0, "154");
}

#[test]
fn an_arrest_told_in_the_passive_with_no_doer_is_the_state_where_it_happens() {
    let events = code(
        "At least 20 protesters were detained in Buenos Aires on Wednesday.",
        "2025-03-12",
    );
    assert_eq!(summary(&events)[0].0, "173");
    assert_eq!(summary(&events)[0].1, ["ARG"]);
}

#[test]
fn he_after_the_head_of_an_international_body_is_that_person() {
    let events = code(
        "U.N. Secretary-General Antonio Guterres urged the rebels to halt their offensive. He also called on Rwanda to pull its troops out of Congolese territory.",
        "2025-02-21",
    );
    let call = summary(&events)
        .into_iter()
        .find(|e| e.2 == ["RWA"])
        .expect("a call on Rwanda");
    assert_eq!(call.1, ["IGOUNO"]);
}

#[test]
fn the_group_is_no_body_of_states() {
    let events = code(
        "M23 rebels captured Bukavu last weekend. U.N. Secretary-General Antonio Guterres urged the group to halt its offensive immediately.",
        "2025-02-21",
    );
    let urge = summary(&events)
        .into_iter()
        .find(|e| e.0 == "020")
        .expect("an appeal");
    assert_eq!(urge.2, ["CODREB"]);
}

#[test]
fn the_government_is_of_the_country_named_before_it_not_the_one_it_acts_on() {
    let events = code(
        "Moldova's pro-European ruling party won a clear majority in Sunday's parliamentary election, after a campaign in which the government accused Russia of spending hundreds of millions of euros to sway voters.",
        "2025-09-29",
    );
    let accusation = summary(&events)
        .into_iter()
        .find(|e| e.0 == "112")
        .expect("an accusation");
    assert_eq!(accusation.1, ["MDAGOV"]);
    assert_eq!(accusation.2, ["RUS"]);
}

#[test]
fn a_titled_official_the_knowledge_base_does_not_know_is_found_again_by_surname() {
    let events = code(
        "Guatemalan President Bernardo Arevalo sent Congress a bill on Monday that would allow him to dismiss Attorney General Consuelo Porras. Porras has refused to resign. Washington sanctioned Porras in 2022.",
        "2025-05-20",
    );
    let sanction = summary(&events)
        .into_iter()
        .find(|e| e.0 == "163")
        .expect("a sanction");
    assert_eq!(sanction.2, ["GTMJUD"]);
}

#[test]
fn calling_an_act_told_in_a_report_unsafe_is_the_speakers_censure_of_its_doer() {
    let events = code(
        "Australia's defence minister said a Chinese fighter jet had released flares near an Australian patrol aircraft, calling the manoeuvre unsafe and unprofessional.",
        "2025-10-20",
    );
    let censure = summary(&events)
        .into_iter()
        .find(|e| e.0 == "111")
        .expect("a censure");
    assert_eq!(censure.1, ["AUSGOV"]);
    assert_eq!(censure.2, ["CHN"]);
}
