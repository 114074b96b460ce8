//! Lemmatizer: a table of irregular and frequent words plus suffix-rewrite rules per tag, both
//! learned from UD treebanks ("signed"/VBD -> "sign", "was"/VBD -> "be", "n't"/RB -> "not").
//!
//! Rules are learned on lowercased forms. Whether a lemma keeps the form's capitals follows UD
//! conventions learned per UPOS (PROPN "States" -> "State", ADJ "American" -> "American").

use std::collections::HashMap;

use dyad_text::conllu::ConlluSentence;

use crate::perceptron::{self, WeightsError};

/// A trained lemmatizer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lemmatizer {
    /// "tag\tlowercased form" -> lemma, where the rules would get it wrong.
    exceptions: HashMap<String, String>,
    /// "tag\tsuffix" -> rewrite of the lowercased form's end.
    rules: HashMap<String, Rule>,
    /// UPOS tags whose capitalised words usually keep their capitals in the lemma.
    keep_case: Vec<String>,
}

/// The lemma of an irregular past tense ("struck" -> "strike").
fn irregular_past_lemma(lower: &str) -> Option<&'static str> {
    IRREGULAR_PAST.split_whitespace().find_map(|pair| {
        let (past, lemma) = pair.split_once('=')?;
        (past == lower).then_some(lemma)
    })
}

/// Replace the last `strip` characters with `add`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Rule {
    strip: usize,
    add: String,
}

/// Longest form ending a rule is keyed on, beyond the characters it strips.
const CONTEXT_CHARS: usize = 5;
/// Longest suffix looked up at prediction time.
const MAX_SUFFIX_CHARS: usize = 16;
const MAGIC: &[u8; 8] = b"DYADLEM1";

/// English's irregular simple past forms and their lemmas ("-ed" forms are regular enough).
const IRREGULAR_PAST: &str = "
    arose=arise ate=eat awoke=awake bade=bid beat=beat became=become began=begin bent=bend
    bet=bet bit=bite bled=bleed blew=blow bore=bear bought=buy bound=bind broke=break
    brought=bring built=build burnt=burn caught=catch chose=choose clung=cling came=come
    cost=cost crept=creep cut=cut dealt=deal did=do dove=dive drank=drink drew=draw drove=drive
    dug=dig dwelt=dwell fell=fall felt=feel fit=fit fled=flee flew=fly flung=fling
    forbade=forbid forgave=forgive forgot=forget fought=fight found=find froze=freeze gave=give
    got=get grew=grow ground=grind hung=hang had=have heard=hear held=hold hid=hide hit=hit
    hurt=hurt kept=keep knelt=kneel knew=know laid=lay lay=lie leapt=leap learnt=learn led=lead
    left=leave lent=lend let=let lit=light lost=lose made=make meant=mean met=meet
    mistook=mistake overcame=overcome overran=overrun overthrew=overthrow overtook=overtake
    paid=pay put=put quit=quit ran=run rang=ring rid=rid rode=ride rose=rise said=say sang=sing
    sank=sink sat=sit saw=see sent=send set=set shook=shake shone=shine shot=shoot shrank=shrink
    shut=shut slew=slay slid=slide slung=sling sold=sell sought=seek spat=spit spent=spend
    split=split spoke=speak spread=spread sprang=spring stood=stand stole=steal strode=stride
    struck=strike stung=sting stank=stink strove=strive swam=swim swept=sweep swore=swear
    swung=swing taught=teach tore=tear told=tell took=take thought=think threw=throw
    thrust=thrust understood=understand undertook=undertake upheld=uphold upset=upset wept=weep
    went=go withdrew=withdraw withheld=withhold withstood=withstand woke=wake won=win wore=wear
    wound=wind wrote=write";

/// The tag rules and exceptions are keyed on: XPOS when the treebank has one.
fn rule_tag<'a>(upos: &'a str, xpos: &'a str) -> &'a str {
    if xpos.is_empty() || xpos == "_" {
        upos
    } else {
        xpos
    }
}

fn key(tag: &str, text: &str) -> String {
    format!("{tag}\t{text}")
}

impl Rule {
    /// The rule turning `form` into `lemma` (both lowercased).
    fn between(form: &str, lemma: &str) -> Rule {
        let shared = form
            .chars()
            .zip(lemma.chars())
            .take_while(|(a, b)| a == b)
            .count();
        Rule {
            strip: form.chars().count() - shared,
            add: lemma.chars().skip(shared).collect(),
        }
    }

    fn apply(&self, form: &str) -> String {
        let keep = form.chars().count().saturating_sub(self.strip);
        let mut out: String = form.chars().take(keep).collect();
        out.push_str(&self.add);
        out
    }

    fn identity() -> Rule {
        Rule {
            strip: 0,
            add: String::new(),
        }
    }
}

/// The last `count` characters of `text`.
fn suffix(text: &str, count: usize) -> &str {
    let start = text
        .char_indices()
        .rev()
        .nth(count.wrapping_sub(1))
        .map_or(if count == 0 { text.len() } else { 0 }, |(at, _)| at);
    &text[start..]
}

fn most_frequent<T: Clone + Ord>(counts: &HashMap<T, u32>) -> Option<T> {
    counts
        .iter()
        .max_by(|(a, x), (b, y)| x.cmp(y).then_with(|| b.cmp(a)))
        .map(|(item, _)| item.clone())
}

/// Word statistics gathered from the treebank.
#[derive(Default)]
struct Counts {
    /// (tag, lowercased form) -> lemma -> count.
    lemmas: HashMap<(String, String), HashMap<String, u32>>,
    /// UPOS -> (capitalised forms whose lemma keeps capitals, capitalised forms).
    capitals: HashMap<String, (u32, u32)>,
}

impl Counts {
    fn gather(sentences: &[ConlluSentence]) -> Counts {
        let mut counts = Counts::default();
        for word in sentences.iter().flat_map(|s| &s.words) {
            let (form, lemma, upos) = (word.form(), &word.columns[2], &word.columns[3]);
            if lemma == "_" {
                continue;
            }
            let tag = rule_tag(upos, &word.columns[4]).to_string();
            let entry = counts.lemmas.entry((tag, form.to_lowercase())).or_default();
            *entry.entry(lemma.clone()).or_default() += 1;
            if form.chars().next().is_some_and(char::is_uppercase) {
                let capitals = counts.capitals.entry(upos.clone()).or_default();
                capitals.0 += u32::from(lemma.chars().next().is_some_and(char::is_uppercase));
                capitals.1 += 1;
            }
        }
        counts
    }

    fn keep_case(&self) -> Vec<String> {
        let mut tags: Vec<String> = self
            .capitals
            .iter()
            .filter(|(_, (kept, all))| 2 * kept > *all)
            .map(|(tag, _)| tag.clone())
            .collect();
        tags.sort();
        tags
    }

    /// Suffix rules from distinct (tag, form, lemma) types, so frequent irregulars do not
    /// drown the regular patterns unknown words need.
    fn rules(&self) -> HashMap<String, Rule> {
        let mut votes: HashMap<(String, String), HashMap<Rule, u32>> = HashMap::new();
        for ((tag, form), lemmas) in &self.lemmas {
            let lemma = most_frequent(lemmas).unwrap_or_default().to_lowercase();
            let rule = Rule::between(form, &lemma);
            let length = form.chars().count();
            for count in rule.strip..=length.min(rule.strip + CONTEXT_CHARS) {
                let end = suffix(form, count).to_string();
                *votes
                    .entry((tag.clone(), end))
                    .or_default()
                    .entry(rule.clone())
                    .or_default() += 1;
            }
        }
        prune_rules(votes)
    }
}

/// Keeps each suffix's winning rule only where it differs from what a shorter suffix would
/// already give, which changes no output and keeps the model small.
fn prune_rules(votes: HashMap<(String, String), HashMap<Rule, u32>>) -> HashMap<String, Rule> {
    let mut winners: Vec<((String, String), Rule)> = votes
        .into_iter()
        .filter_map(|(at, counts)| {
            let best = counts
                .iter()
                .max_by(|(a, x), (b, y)| {
                    x.cmp(y)
                        .then_with(|| b.strip.cmp(&a.strip))
                        .then_with(|| b.add.cmp(&a.add))
                })
                .map(|(rule, _)| rule.clone())?;
            Some((at, best))
        })
        .collect();
    winners.sort_by(|((t1, s1), _), ((t2, s2), _)| {
        (s1.chars().count(), t1, s1).cmp(&(s2.chars().count(), t2, s2))
    });
    let mut rules = HashMap::new();
    for ((tag, end), rule) in winners {
        let shorter = end.chars().count().saturating_sub(1);
        let inherited = find_rule(&rules, &tag, &end, shorter);
        if end.is_empty() || inherited != Some(&rule) {
            rules.insert(key(&tag, &end), rule);
        }
    }
    rules
}

/// The rule of the longest suffix of `form` (at most `longest` characters) known for `tag`.
fn find_rule<'a>(
    rules: &'a HashMap<String, Rule>,
    tag: &str,
    form: &str,
    longest: usize,
) -> Option<&'a Rule> {
    let length = form.chars().count().min(longest);
    (0..=length)
        .rev()
        .find_map(|count| rules.get(&key(tag, suffix(form, count))))
}

impl Lemmatizer {
    /// Learns exceptions and rules from treebank sentences (FORM, LEMMA, UPOS, XPOS).
    pub fn train(sentences: &[ConlluSentence]) -> Lemmatizer {
        let counts = Counts::gather(sentences);
        let mut lemmatizer = Lemmatizer {
            exceptions: HashMap::new(),
            rules: counts.rules(),
            keep_case: counts.keep_case(),
        };
        let mut exceptions = HashMap::new();
        for ((tag, form), lemmas) in &counts.lemmas {
            let Some(lemma) = most_frequent(lemmas) else {
                continue;
            };
            if lemmatizer.by_rule(form, tag, "") != lemma {
                exceptions.insert(key(tag, form), lemma);
            }
        }
        lemmatizer.exceptions = exceptions;
        lemmatizer
    }

    /// The lemma of `form` tagged `upos` / `xpos` (XPOS may be empty or `_`).
    pub fn lemma(&self, form: &str, upos: &str, xpos: &str) -> String {
        let tag = rule_tag(upos, xpos);
        let lower = form.to_lowercase();
        if let Some(lemma) = self.exceptions.get(&key(tag, &lower)) {
            return lemma.clone();
        }
        // A past tense the treebanks never showed as one ("shot" read as a verb where they
        // only had the noun).
        if tag == "VBD"
            && let Some(lemma) = irregular_past_lemma(&lower)
        {
            return lemma.to_string();
        }
        self.by_rule(form, tag, upos)
    }

    /// Whether `form` is a past tense: a regular "-ed" form (not "need", "speed", "red") or
    /// one of English's irregular ones ("struck", "shot", "tore").
    pub fn is_past_tense(form: &str) -> bool {
        let lower = form.to_lowercase();
        let regular = lower.len() > 4 && lower.ends_with("ed") && !lower.ends_with("eed");
        regular || irregular_past_lemma(&lower).is_some()
    }

    /// Whether `form` is one of English's irregular past tenses ("struck", "shot").
    pub fn is_irregular_past(form: &str) -> bool {
        Lemmatizer::irregular_past(form).is_some()
    }

    /// The lemma of `form` when it is one of English's irregular past tenses ("froze" ->
    /// "freeze").
    pub fn irregular_past(form: &str) -> Option<&'static str> {
        irregular_past_lemma(&form.to_lowercase())
    }

    /// Applies the suffix rule; capitals kept only where the tag's convention says so.
    fn by_rule(&self, form: &str, tag: &str, upos: &str) -> String {
        let lower = form.to_lowercase();
        let rule = find_rule(&self.rules, tag, &lower, MAX_SUFFIX_CHARS);
        let rule = rule.cloned().unwrap_or_else(Rule::identity);
        let keeps_case = self.keep_case.iter().any(|kept| kept == upos);
        let capitalised = form.chars().next().is_some_and(char::is_uppercase);
        // Lowercasing can change a word's length (e.g. "İ"), so rules go on the lowercase
        // form unless the original has the same number of characters.
        if keeps_case && capitalised && lower.chars().count() == form.chars().count() {
            rule.apply(form)
        } else {
            rule.apply(&lower)
        }
    }

    /// The model in dyad's binary model format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        let mut exceptions: Vec<String> = self
            .exceptions
            .iter()
            .map(|(at, lemma)| format!("{at}\t{lemma}"))
            .collect();
        exceptions.sort();
        let mut rules: Vec<String> = self
            .rules
            .iter()
            .map(|(at, rule)| format!("{at}\t{}\t{}", rule.strip, rule.add))
            .collect();
        rules.sort();
        perceptron::write_strings(&exceptions, &mut out);
        perceptron::write_strings(&rules, &mut out);
        perceptron::write_strings(&self.keep_case, &mut out);
        out
    }

    /// Reads a model written by [`Lemmatizer::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Lemmatizer, WeightsError> {
        if !bytes.starts_with(MAGIC) {
            return Err(WeightsError(0));
        }
        let mut at = MAGIC.len();
        let exceptions = perceptron::read_strings(bytes, &mut at)?;
        let rules = perceptron::read_strings(bytes, &mut at)?;
        let keep_case = perceptron::read_strings(bytes, &mut at)?;
        let corrupt = || WeightsError(at);
        Ok(Lemmatizer {
            exceptions: exceptions
                .iter()
                .map(|line| parse_exception(line).ok_or_else(corrupt))
                .collect::<Result<_, _>>()?,
            rules: rules
                .iter()
                .map(|line| parse_rule(line).ok_or_else(corrupt))
                .collect::<Result<_, _>>()?,
            keep_case,
        })
    }
}

fn parse_exception(line: &str) -> Option<(String, String)> {
    let (at, lemma) = line.rsplit_once('\t')?;
    Some((at.to_string(), lemma.to_string()))
}

fn parse_rule(line: &str) -> Option<(String, Rule)> {
    let mut parts = line.splitn(4, '\t');
    let (tag, end) = (parts.next()?, parts.next()?);
    let strip = parts.next()?.parse().ok()?;
    let add = parts.next()?.to_string();
    Some((key(tag, end), Rule { strip, add }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Invented sentences: (form, lemma, upos, xpos) per word.
    const SENTENCES: &[&[(&str, &str, &str, &str)]] = &[
        &[
            ("Leaders", "leader", "NOUN", "NNS"),
            ("signed", "sign", "VERB", "VBD"),
            ("talks", "talk", "NOUN", "NNS"),
            ("and", "and", "CCONJ", "CC"),
            ("walked", "walk", "VERB", "VBD"),
        ],
        &[
            ("Envoys", "envoy", "NOUN", "NNS"),
            ("met", "meet", "VERB", "VBD"),
            ("and", "and", "CCONJ", "CC"),
            ("parted", "part", "VERB", "VBD"),
            ("as", "as", "ADP", "IN"),
            ("the", "the", "DET", "DT"),
            ("States", "State", "PROPN", "NNPS"),
            ("was", "be", "AUX", "VBD"),
            ("n't", "not", "PART", "RB"),
            ("'s", "be", "AUX", "VBZ"),
            ("I", "I", "PRON", "PRP"),
            ("carried", "carry", "VERB", "VBD"),
            ("cities", "city", "NOUN", "NNS"),
        ],
    ];

    fn corpus() -> Vec<ConlluSentence> {
        SENTENCES
            .iter()
            .map(|words| {
                let text: String = words
                    .iter()
                    .enumerate()
                    .map(|(i, (form, lemma, upos, xpos))| {
                        format!(
                            "{}\t{form}\t{lemma}\t{upos}\t{xpos}\t_\t0\tdep\t_\t_\n",
                            i + 1
                        )
                    })
                    .collect();
                dyad_text::conllu::parse(&(text + "\n")).unwrap().remove(0)
            })
            .collect()
    }

    #[test]
    fn learns_rules_and_exceptions() {
        let lemmatizer = Lemmatizer::train(&corpus());
        let cases = [
            ("averted", "VERB", "VBD", "avert"),
            ("signed", "VERB", "VBD", "sign"),
            ("met", "VERB", "VBD", "meet"),
            ("was", "AUX", "VBD", "be"),
            ("n't", "PART", "RB", "not"),
            ("'s", "AUX", "VBZ", "be"),
            ("I", "PRON", "PRP", "I"),
            ("talks", "NOUN", "NNS", "talk"),
            ("Ministers", "NOUN", "NNS", "minister"),
            ("Nations", "PROPN", "NNPS", "Nation"),
            ("buried", "VERB", "VBD", "bury"),
        ];
        for (form, upos, xpos, lemma) in cases {
            assert_eq!(lemmatizer.lemma(form, upos, xpos), lemma, "{form}");
        }
    }

    #[test]
    fn irregular_pasts_the_treebank_lacked_have_their_lemmas() {
        let lemmatizer = Lemmatizer::train(&corpus());
        assert_eq!(lemmatizer.lemma("struck", "VERB", "VBD"), "strike");
        assert_eq!(lemmatizer.lemma("Shot", "VERB", "VBD"), "shoot");
        // Learned exceptions still come first.
        assert_eq!(lemmatizer.lemma("met", "VERB", "VBD"), "meet");
        for past in ["struck", "shot", "tore", "shelled", "deployed"] {
            assert!(Lemmatizer::is_past_tense(past), "{past}");
        }
        for other in ["need", "speed", "red", "orders", "visit", "bed"] {
            assert!(!Lemmatizer::is_past_tense(other), "{other}");
        }
    }

    #[test]
    fn unknown_tags_and_odd_input_do_not_panic() {
        let lemmatizer = Lemmatizer::train(&corpus());
        assert_eq!(lemmatizer.lemma("", "X", "_"), "");
        assert_eq!(lemmatizer.lemma("🙂", "SYM", "NFP"), "🙂");
        assert_eq!(Lemmatizer::default().lemma("Talks", "NOUN", ""), "talks");
    }

    #[test]
    fn round_trips_through_bytes() {
        let lemmatizer = Lemmatizer::train(&corpus());
        let bytes = lemmatizer.to_bytes();
        assert_eq!(Lemmatizer::from_bytes(&bytes).unwrap(), lemmatizer);
        assert!(Lemmatizer::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    }

    #[test]
    fn suffix_counts_characters() {
        assert_eq!(suffix("cities", 3), "ies");
        assert_eq!(suffix("né", 1), "é");
        assert_eq!(suffix("ab", 0), "");
        assert_eq!(suffix("ab", 5), "ab");
    }
}
