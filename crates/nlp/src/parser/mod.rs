//! Transition-based dependency parser: arc-eager (arc-hybrid available) with a single-root
//! constraint, trained with a dynamic oracle and exploration (Goldberg & Nivre 2012, 2013) on the
//! shared averaged perceptron. Non-projective training trees are projectivised by lifting.
//! Transitions are unlabeled; each arc is labelled when it is made by a second perceptron that
//! sees both words and the children they have so far (smaller and faster than labelled
//! transitions, which would multiply the classes by the number of relations).

mod fast;
mod features;
mod state;
#[cfg(test)]
mod tests;
mod tree;

use dyad_text::conllu::ConlluSentence;

use crate::perceptron::{self, Trainer, Weights, WeightsError, XorShift};
use fast::TransitionTable;
use features::{Encoded, label_features, transition_features};
pub use state::TransitionSystem;
use state::{FORBIDDEN, Gold, LEFT, RIGHT, SHIFT, State, TRANSITIONS};

/// Training settings.
#[derive(Debug, Clone)]
pub struct ParserConfig {
    /// Passes over the training trees. The default suits EWT + GUM train given twice, with
    /// jackknifed and with gold tags (best dev LAS at 15); with predicted tags only, 20.
    pub epochs: usize,
    /// Seed of the shuffles and of exploration.
    pub seed: u64,
    /// Probability of following the model's own (possibly wrong) transition during training,
    /// from the second epoch on.
    pub explore: f64,
    /// Features updated fewer times than this are dropped from each run's model. On EWT + GUM
    /// (twice), one run: 3 gives 30 MB, 4 gives 22 MB for 0.15 dev LAS, 6 gives 14 MB for 0.4.
    pub min_updates: u32,
    /// Arc-hybrid or arc-eager.
    pub system: TransitionSystem,
    /// Parsers trained with successive seeds (shuffles and exploration) and averaged into one
    /// ([`Weights::mean`]): on EWT dev, 3 parser runs (with 3 tagger runs) give +0.2 UAS and
    /// +0.3 LAS over one of each, for 1.3 times the model size.
    pub runs: usize,
}

impl Default for ParserConfig {
    fn default() -> Self {
        ParserConfig {
            epochs: 15,
            seed: 1,
            explore: 0.9,
            min_updates: 4,
            system: TransitionSystem::ArcEager,
            runs: 3,
        }
    }
}

/// One sentence to parse; `upos` and `xpos` are read leniently (missing tags become `_`).
pub struct ParseInput<'a> {
    /// Word forms.
    pub forms: &'a [&'a str],
    /// Universal part-of-speech tags.
    pub upos: &'a [&'a str],
    /// Language-specific (Penn Treebank) tags.
    pub xpos: &'a [&'a str],
}

/// A training sentence: words, tags (gold or predicted) and gold tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainTree {
    /// Word forms.
    pub forms: Vec<String>,
    /// Universal part-of-speech tags.
    pub upos: Vec<String>,
    /// Language-specific tags.
    pub xpos: Vec<String>,
    /// Head of each word: 0 = root, else 1-based.
    pub heads: Vec<usize>,
    /// Relation of each word to its head.
    pub deprels: Vec<String>,
}

impl TrainTree {
    /// The tree of a CoNLL-U sentence with its gold tags; unreadable heads become 0.
    pub fn from_conllu(sentence: &ConlluSentence) -> TrainTree {
        let column = |index: usize| -> Vec<String> {
            sentence
                .words
                .iter()
                .map(|word| word.columns[index].clone())
                .collect()
        };
        TrainTree {
            forms: column(1),
            upos: column(3),
            xpos: column(4),
            heads: sentence
                .words
                .iter()
                .map(|word| word.head().parse().unwrap_or(0))
                .collect(),
            deprels: column(7),
        }
    }
}

/// A trained dependency parser.
pub struct Parser {
    system: TransitionSystem,
    /// Transition weights, laid out for fast lookups.
    table: TransitionTable,
    /// Label weights.
    label_weights: Weights,
    label_names: Vec<String>,
    /// The model in its saved form (the tables are not meant to be written back).
    bytes: Vec<u8>,
    features: (usize, usize),
}

/// Label of the arc from the root, always given to the root word.
const ROOT_LABEL: &str = "root";
/// Label of arcs the parser adds only to complete a tree.
const FALLBACK_LABEL: &str = "dep";
const MAGIC: &[u8; 8] = b"DYADPAR1";

impl Parser {
    /// Trains a parser for `config.epochs` epochs.
    pub fn train(examples: &[TrainTree], config: &ParserConfig) -> Parser {
        let parsers: Vec<Parser> = (0..config.runs.max(1) as u64)
            .map(|run| {
                let config = ParserConfig {
                    seed: config.seed.wrapping_add(run),
                    ..config.clone()
                };
                let mut trainer = ParserTrainer::new(examples, &config);
                for _ in 0..config.epochs {
                    trainer.epoch();
                }
                trainer.freeze()
            })
            .collect();
        Parser::mean(parsers)
    }

    /// One parser scoring as the mean of `parsers` (trained on the same relations).
    fn mean(mut parsers: Vec<Parser>) -> Parser {
        if parsers.len() == 1 {
            return parsers.remove(0);
        }
        let parts: Vec<SavedParts> = parsers
            .iter()
            .map(|parser| parser.saved_parts().expect("a parser reads its own bytes"))
            .collect();
        let transitions: Vec<Weights> = parts.iter().map(|p| p.transitions.clone()).collect();
        let labels: Vec<Weights> = parts.iter().map(|p| p.labels.clone()).collect();
        let first = &parts[0];
        let bytes = Parser::save(
            first.system,
            &Weights::mean(&transitions).expect("same transitions"),
            &Weights::mean(&labels).expect("same relations"),
            &first.label_names,
        );
        Parser::from_bytes(&bytes).expect("a freshly saved model reads back")
    }

    /// Parses a sentence: `(head, relation)` per word, head 0 = root, else 1-based. Always a
    /// tree with exactly one root word.
    pub fn parse(&self, input: &ParseInput) -> Vec<(usize, String)> {
        let n = input.forms.len();
        let encoded = Encoded::new(input.forms, input.upos, input.xpos);
        let mut state = State::new(n, self.system);
        let mut buffers = Buffers::default();
        while !state.is_terminal() {
            transition_features(&encoded, &state, &mut buffers.features);
            let scores = self.table.scores(&buffers.features);
            let transition = best_allowed(&state, &scores);
            let label = self.predict_label(&encoded, &state, transition, &mut buffers);
            state.apply(transition, label);
        }
        let fallback = label_index(&self.label_names, FALLBACK_LABEL);
        state.finish(root_label(&self.label_names), fallback);
        (1..=n)
            .map(|word| {
                let label = self.label_names.get(usize::from(state.labels[word]));
                (state.heads[word], label.cloned().unwrap_or_default())
            })
            .collect()
    }

    /// Parses a treebank sentence's words with the tags it carries (gold or predicted), to score
    /// the result against its gold tree.
    pub fn parse_tree(&self, tree: &TrainTree) -> Vec<(usize, String)> {
        let forms: Vec<&str> = tree.forms.iter().map(String::as_str).collect();
        let upos: Vec<&str> = tree.upos.iter().map(String::as_str).collect();
        let xpos: Vec<&str> = tree.xpos.iter().map(String::as_str).collect();
        self.parse(&ParseInput {
            forms: &forms,
            upos: &upos,
            xpos: &xpos,
        })
    }

    fn predict_label(
        &self,
        encoded: &Encoded,
        state: &State,
        transition: usize,
        buffers: &mut Buffers,
    ) -> u16 {
        if transition != LEFT && transition != RIGHT {
            return 0;
        }
        let (head, dependent) = state.arc_of(transition);
        if head == 0 {
            return root_label(&self.label_names);
        }
        label_features(encoded, state, head, dependent, &mut buffers.features);
        self.label_weights
            .scores(&buffers.features, &mut buffers.scores);
        best_label(&buffers.scores, root_label(&self.label_names))
    }

    /// The model in dyad's binary format.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.bytes.clone()
    }

    /// The parts of the model as saved.
    fn saved_parts(&self) -> Result<SavedParts, WeightsError> {
        SavedParts::read(&self.bytes)
    }

    /// Reads a model written by [`Parser::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, WeightsError> {
        let SavedParts {
            system,
            label_names,
            transitions,
            labels,
        } = SavedParts::read(bytes)?;
        let consistent = transitions.classes() == TRANSITIONS
            && labels.classes() == label_names.len()
            && label_names.len() <= usize::from(u16::MAX)
            && label_names.iter().any(|name| name == ROOT_LABEL);
        if !consistent {
            return Err(WeightsError(bytes.len()));
        }
        Ok(Parser {
            system,
            table: TransitionTable::new(&transitions)?,
            features: (transitions.features(), labels.features()),
            label_weights: labels,
            label_names,
            bytes: bytes.to_vec(),
        })
    }

    fn save(
        system: TransitionSystem,
        transitions: &Weights,
        labels: &Weights,
        label_names: &[String],
    ) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(match system {
            TransitionSystem::ArcHybrid => 0,
            TransitionSystem::ArcEager => 1,
        });
        perceptron::write_strings(label_names, &mut out);
        transitions.write(&mut out);
        labels.write(&mut out);
        out
    }

    /// Number of features kept (transitions, labels).
    pub fn feature_counts(&self) -> (usize, usize) {
        self.features
    }
}

/// A saved parser read back into its parts.
struct SavedParts {
    system: TransitionSystem,
    label_names: Vec<String>,
    transitions: Weights,
    labels: Weights,
}

impl SavedParts {
    fn read(bytes: &[u8]) -> Result<SavedParts, WeightsError> {
        if bytes.get(..MAGIC.len()) != Some(MAGIC.as_slice()) {
            return Err(WeightsError(0));
        }
        let system = match bytes.get(MAGIC.len()) {
            Some(0) => TransitionSystem::ArcHybrid,
            Some(1) => TransitionSystem::ArcEager,
            _ => return Err(WeightsError(MAGIC.len())),
        };
        let mut at = MAGIC.len() + 1;
        let label_names = perceptron::read_strings(bytes, &mut at)?;
        let transitions = Weights::read(bytes, &mut at)?;
        let labels = Weights::read(bytes, &mut at)?;
        if at != bytes.len() {
            return Err(WeightsError(at));
        }
        Ok(SavedParts {
            system,
            label_names,
            transitions,
            labels,
        })
    }
}

/// Scratch vectors reused across a sentence.
#[derive(Default)]
struct Buffers {
    features: Vec<u64>,
    scores: Vec<f32>,
}

fn root_label(names: &[String]) -> u16 {
    names
        .iter()
        .position(|name| name == ROOT_LABEL)
        .unwrap_or(0) as u16
}

/// The highest-scoring label other than `root` (which only the root word gets).
fn best_label(scores: &[f32], root: u16) -> u16 {
    let mut best: Option<usize> = None;
    for (label, &score) in scores.iter().enumerate() {
        let better = best.is_none_or(|b| score > scores[b]);
        if label != usize::from(root) && better {
            best = Some(label);
        }
    }
    best.unwrap_or(0) as u16
}

/// The highest-scoring transition the state allows (one always is, unless terminal).
fn best_allowed(state: &State, scores: &[f32]) -> usize {
    let mut best = None;
    for transition in 0..TRANSITIONS {
        if state.allows(transition) && best.is_none_or(|b: usize| scores[transition] > scores[b]) {
            best = Some(transition);
        }
    }
    best.unwrap_or(SHIFT)
}

/// A training tree prepared for the oracle.
struct Prepared<'a> {
    tree: &'a TrainTree,
    gold: Gold,
    labels: Vec<u16>,
}

/// Training in progress, one epoch at a time, so callers can evaluate between epochs.
pub struct ParserTrainer<'a> {
    prepared: Vec<Prepared<'a>>,
    label_names: Vec<String>,
    transitions: Trainer,
    labels: Trainer,
    config: ParserConfig,
    rng: XorShift,
    epochs_done: usize,
}

impl<'a> ParserTrainer<'a> {
    /// Prepares the trees (invalid ones are skipped, non-projective ones lifted).
    pub fn new(examples: &'a [TrainTree], config: &ParserConfig) -> ParserTrainer<'a> {
        let label_names = collect_labels(examples);
        let prepared = examples
            .iter()
            .filter(|tree| is_usable(tree))
            .map(|tree| Prepared {
                tree,
                gold: Gold::new(&tree::projectivise(&tree.heads)),
                labels: tree
                    .deprels
                    .iter()
                    .map(|name| label_index(&label_names, name))
                    .collect(),
            })
            .collect();
        ParserTrainer {
            prepared,
            transitions: Trainer::new(TRANSITIONS),
            labels: Trainer::new(label_names.len()),
            label_names,
            config: config.clone(),
            rng: XorShift::new(config.seed),
            epochs_done: 0,
        }
    }

    /// One pass over the shuffled trees.
    pub fn epoch(&mut self) {
        let mut order: Vec<usize> = (0..self.prepared.len()).collect();
        self.rng.shuffle(&mut order);
        let explore = if self.epochs_done == 0 {
            0.0
        } else {
            self.config.explore
        };
        let mut buffers = Buffers::default();
        // Moved out for the pass so the trainers can be updated while the trees are read.
        let prepared = std::mem::take(&mut self.prepared);
        for index in order {
            self.train_sentence(&prepared[index], explore, &mut buffers);
        }
        self.prepared = prepared;
        self.epochs_done += 1;
    }

    /// The averaged model as it stands, pruned as configured.
    pub fn freeze(&self) -> Parser {
        self.freeze_pruned(self.config.min_updates)
    }

    /// The averaged model as it stands, without features updated fewer than `min_updates`
    /// times (to compare sizes and accuracies of pruning levels).
    pub fn freeze_pruned(&self, min_updates: u32) -> Parser {
        let transitions = self.transitions.freeze(min_updates);
        let labels = self.labels.freeze(min_updates);
        let bytes = Parser::save(self.config.system, &transitions, &labels, &self.label_names);
        Parser::from_bytes(&bytes).expect("a freshly saved model reads back")
    }

    fn train_sentence(&mut self, example: &Prepared, explore: f64, buffers: &mut Buffers) {
        let tree = example.tree;
        let forms: Vec<&str> = tree.forms.iter().map(String::as_str).collect();
        let upos: Vec<&str> = tree.upos.iter().map(String::as_str).collect();
        let xpos: Vec<&str> = tree.xpos.iter().map(String::as_str).collect();
        let encoded = Encoded::new(&forms, &upos, &xpos);
        let mut state = State::new(forms.len(), self.config.system);
        while !state.is_terminal() {
            transition_features(&encoded, &state, &mut buffers.features);
            let transition = self.train_transition(&state, &example.gold, explore, buffers);
            let mut label = 0;
            if transition == LEFT || transition == RIGHT {
                let arc = state.arc_of(transition);
                label = self.train_arc_label(&encoded, &state, arc, example, buffers);
            }
            state.apply(transition, label);
        }
    }

    /// One perceptron update towards the best zero-cost transition; returns the transition to
    /// take: the model's own with probability `explore` (or when it is also optimal), so the
    /// model learns to recover from its mistakes.
    fn train_transition(
        &mut self,
        state: &State,
        gold: &Gold,
        explore: f64,
        buffers: &mut Buffers,
    ) -> usize {
        self.transitions
            .scores(&buffers.features, &mut buffers.scores);
        let costs = state.costs(gold);
        let guess = best_allowed(state, &buffers.scores);
        let truth = best_zero_cost(&costs, &buffers.scores);
        self.transitions.update(&buffers.features, truth, guess);
        let follow_guess = costs[guess] == costs[truth] || self.rng.unit() < explore;
        if follow_guess { guess } else { truth }
    }

    /// Trains the label classifier on a correct arc and returns the label to put on the arc:
    /// gold for a correct arc, the model's guess for a wrong one.
    fn train_arc_label(
        &mut self,
        encoded: &Encoded,
        state: &State,
        (head, dependent): (usize, usize),
        example: &Prepared,
        buffers: &mut Buffers,
    ) -> u16 {
        let root = root_label(&self.label_names);
        if head == 0 {
            return root;
        }
        label_features(encoded, state, head, dependent, &mut buffers.features);
        self.labels.scores(&buffers.features, &mut buffers.scores);
        let guess = best_label(&buffers.scores, root);
        if example.gold.heads[dependent] != head {
            return guess;
        }
        let truth = example.labels[dependent - 1];
        self.labels
            .update(&buffers.features, usize::from(truth), usize::from(guess));
        truth
    }
}

/// The best-scoring transition among those of least cost.
fn best_zero_cost(costs: &[u32; TRANSITIONS], scores: &[f32]) -> usize {
    let least = costs.iter().copied().min().unwrap_or(FORBIDDEN);
    let mut best = None;
    for transition in 0..TRANSITIONS {
        let cheapest = costs[transition] == least && least != FORBIDDEN;
        if cheapest && best.is_none_or(|b: usize| scores[transition] > scores[b]) {
            best = Some(transition);
        }
    }
    best.unwrap_or(SHIFT)
}

fn is_usable(tree: &TrainTree) -> bool {
    let n = tree.forms.len();
    n > 0 && tree.heads.len() == n && tree.deprels.len() == n && tree::is_tree(&tree.heads)
}

/// Sorted distinct relations, always including `root`.
fn collect_labels(examples: &[TrainTree]) -> Vec<String> {
    let mut names: Vec<String> = examples
        .iter()
        .flat_map(|tree| tree.deprels.iter().cloned())
        .chain([ROOT_LABEL.to_string(), FALLBACK_LABEL.to_string()])
        .collect();
    names.sort();
    names.dedup();
    names
}

fn label_index(names: &[String], name: &str) -> u16 {
    let found = names.binary_search_by(|probe| probe.as_str().cmp(name));
    let fallback = || names.binary_search_by(|probe| probe.as_str().cmp(FALLBACK_LABEL));
    found.or_else(|_| fallback()).unwrap_or(0) as u16
}
