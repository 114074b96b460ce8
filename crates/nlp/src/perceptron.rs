//! The averaged perceptron every model of this crate learns with, and its compact saved form.
//!
//! Features are 64-bit hashes ([`FeatureHasher`]); during training each feature owns a dense row
//! of weights, one per class, averaged over all updates (the usual lazy-timestamp trick). A
//! trained model is frozen into [`Weights`]: rare features pruned, each row kept sparse (only
//! classes with a non-zero weight) and quantised to `i16`, which is what ships in `models/`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Features are already well-mixed 64-bit hashes, so the maps keyed by them use the key itself
/// instead of hashing it again (SipHash was most of the scoring time).
type FeatureMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

/// A hasher that passes a `u64` key through unchanged.
#[derive(Default)]
struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed; fold anything else in for completeness.
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// Builds feature hashes from a template number and the strings or numbers it combines.
/// FNV-1a, written out so saved models do not depend on a hasher's version.
#[derive(Clone, Copy)]
pub struct FeatureHasher(u64);

impl FeatureHasher {
    /// Starts a feature of template `template`.
    pub fn new(template: u32) -> Self {
        let mut hasher = FeatureHasher(0xcbf2_9ce4_8422_2325);
        hasher.write(&template.to_le_bytes());
        hasher
    }

    /// Adds a string part (with a separator, so ("ab","c") differs from ("a","bc")).
    pub fn str(mut self, part: &str) -> Self {
        self.write(part.as_bytes());
        self.write(&[0xff]);
        self
    }

    /// Adds a number part.
    pub fn num(mut self, part: u64) -> Self {
        self.write(&part.to_le_bytes());
        self
    }

    /// The feature's hash.
    pub fn done(self) -> u64 {
        self.0
    }
}

impl Hasher for FeatureHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// An averaged perceptron being trained.
pub struct Trainer {
    classes: usize,
    rows: FeatureMap<Row>,
    /// Number of updates seen so far (the averaging clock).
    clock: u64,
}

struct Row {
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u64>,
    /// How many times the feature took part in an update: for pruning.
    updates: u32,
}

impl Trainer {
    /// A trainer for `classes` classes.
    pub fn new(classes: usize) -> Self {
        Trainer {
            classes,
            rows: FeatureMap::default(),
            clock: 0,
        }
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Current (not averaged) scores of every class for these features.
    pub fn scores(&self, features: &[u64], scores: &mut Vec<f32>) {
        scores.clear();
        scores.resize(self.classes, 0.0);
        for feature in features {
            if let Some(row) = self.rows.get(feature) {
                for (score, weight) in scores.iter_mut().zip(&row.weights) {
                    *score += weight;
                }
            }
        }
    }

    /// One perceptron update: reward `truth`, penalise `guess` (no-op when they agree).
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        self.clock += 1;
        if truth == guess {
            return;
        }
        let (classes, clock) = (self.classes, self.clock);
        for &feature in features {
            let row = self.rows.entry(feature).or_insert_with(|| Row {
                weights: vec![0.0; classes],
                totals: vec![0.0; classes],
                stamps: vec![0; classes],
                updates: 0,
            });
            row.updates += 1;
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
                row.totals[class] +=
                    f64::from(row.weights[class]) * (clock - row.stamps[class]) as f64;
                row.stamps[class] = clock;
                row.weights[class] += delta;
            }
        }
    }

    /// Averages the weights, drops features updated fewer than `min_updates` times, and
    /// quantises what is left.
    pub fn freeze(&self, min_updates: u32) -> Weights {
        let clock = self.clock.max(1) as f64;
        let mut averaged: Vec<(u64, Vec<(u16, f32)>)> = self
            .rows
            .iter()
            .filter(|(_, row)| row.updates >= min_updates)
            .map(|(&feature, row)| {
                let entries = (0..self.classes)
                    .filter_map(|class| {
                        let total = row.totals[class]
                            + f64::from(row.weights[class])
                                * (self.clock - row.stamps[class]) as f64;
                        let average = (total / clock) as f32;
                        (average != 0.0).then_some((class as u16, average))
                    })
                    .collect();
                (feature, entries)
            })
            .filter(|(_, entries): &(u64, Vec<(u16, f32)>)| !entries.is_empty())
            .collect();
        averaged.sort_by_key(|(feature, _)| *feature);
        Weights::quantise(self.classes, &averaged)
    }
}

/// Frozen, sparse, quantised weights: what a shipped model holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    classes: usize,
    scale: f32,
    /// Feature hash -> its row, for scoring.
    index: RowIndex,
    /// (class, quantised weight) pairs, grouped by feature.
    entries: Vec<(u16, i16)>,
    /// Feature hashes in save order, to write the file back deterministically.
    order: Vec<u64>,
    /// Where each feature's entries start in `entries` (in save order, plus the end).
    bounds: Vec<u32>,
}

/// Open-addressing table from feature hash to its range of entries. Feature keys are already
/// well-mixed hashes, so they index the table directly; the keys sit apart from the ranges, so
/// the probes for absent features (most lookups) scan a compact array.
#[derive(Debug, Clone, PartialEq, Default)]
struct RowIndex {
    keys: Vec<u64>,
    ranges: Vec<(u32, u32)>,
    shift: u32,
    /// The range of a feature whose hash is exactly the empty marker.
    marker_row: Option<(u32, u32)>,
}

/// Marks an empty slot.
const EMPTY_SLOT: u64 = u64::MAX;

impl RowIndex {
    /// An index of `rows` (feature, start, end), sized so that probes for absent features (most
    /// lookups) stay short: at least 2.5 slots per feature.
    fn new(rows: impl ExactSizeIterator<Item = (u64, u32, u32)>) -> RowIndex {
        let bits = (rows.len() * 5 / 2)
            .max(16)
            .next_power_of_two()
            .trailing_zeros();
        let mut index = RowIndex {
            keys: vec![EMPTY_SLOT; 1 << bits],
            ranges: vec![(0, 0); 1 << bits],
            shift: 64 - bits,
            marker_row: None,
        };
        for (key, start, end) in rows {
            index.insert(key, start, end);
        }
        index
    }

    fn home(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// Adds a row; a key given twice keeps its last range, as a map would.
    fn insert(&mut self, key: u64, start: u32, end: u32) {
        if key == EMPTY_SLOT {
            self.marker_row = Some((start, end));
            return;
        }
        let mask = self.keys.len() - 1;
        let mut at = self.home(key);
        while self.keys[at] != EMPTY_SLOT && self.keys[at] != key {
            at = (at + 1) & mask;
        }
        self.keys[at] = key;
        self.ranges[at] = (start, end);
    }

    /// The range of `key`'s entries, if it has a row.
    #[inline]
    fn get(&self, key: u64) -> Option<(u32, u32)> {
        if key == EMPTY_SLOT {
            return self.marker_row;
        }
        let mask = self.keys.len() - 1;
        let mut at = self.home(key);
        loop {
            let probe = self.keys[at];
            if probe == key {
                return Some(self.ranges[at]);
            }
            if probe == EMPTY_SLOT {
                return None;
            }
            at = (at + 1) & mask;
        }
    }
}

/// A model file that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("model weights are truncated or corrupt at byte {0}")]
pub struct WeightsError(pub usize);

impl Weights {
    fn quantise(classes: usize, averaged: &[(u64, Vec<(u16, f32)>)]) -> Weights {
        let largest = averaged
            .iter()
            .flat_map(|(_, entries)| entries.iter().map(|(_, weight)| weight.abs()))
            .fold(0.0f32, f32::max);
        let scale = if largest > 0.0 {
            largest / f32::from(i16::MAX)
        } else {
            1.0
        };
        let mut entries = Vec::new();
        let mut order = Vec::with_capacity(averaged.len());
        let mut bounds = vec![0];
        for (feature, row) in averaged {
            entries.extend(
                row.iter()
                    .map(|&(class, weight)| (class, (weight / scale).round() as i16)),
            );
            order.push(*feature);
            bounds.push(entries.len() as u32);
        }
        Weights::assemble(classes, scale, order, bounds, entries)
    }

    /// Builds the index over rows given in save order.
    fn assemble(
        classes: usize,
        scale: f32,
        order: Vec<u64>,
        bounds: Vec<u32>,
        entries: Vec<(u16, i16)>,
    ) -> Weights {
        let rows = order
            .iter()
            .zip(bounds.windows(2))
            .map(|(&feature, range)| (feature, range[0], range[1]));
        Weights {
            classes,
            scale,
            index: RowIndex::new(rows),
            entries,
            order,
            bounds,
        }
    }

    /// The entries of the `row`-th feature in save order.
    fn row(&self, row: usize) -> &[(u16, i16)] {
        &self.entries[self.bounds[row] as usize..self.bounds[row + 1] as usize]
    }

    /// The mean of models over the same classes, quantised anew. Scores are linear in the
    /// weights, so the mean scores exactly as the models voting together would, at the cost
    /// of one model. `None` when the models disagree on the classes or there are none.
    pub fn mean(models: &[Weights]) -> Option<Weights> {
        let classes = models.first()?.classes;
        if models.iter().any(|model| model.classes != classes) {
            return None;
        }
        if let [model] = models {
            return Some(model.clone());
        }
        let mut sums: FeatureMap<Vec<f32>> = FeatureMap::default();
        for model in models {
            for (feature, entries) in model.rows() {
                let row = sums.entry(feature).or_insert_with(|| vec![0.0; classes]);
                for &(class, weight) in entries {
                    row[usize::from(class)] += f32::from(weight) * model.scale;
                }
            }
        }
        let count = models.len() as f32;
        let mut averaged: Vec<(u64, Vec<(u16, f32)>)> = sums
            .into_iter()
            .map(|(feature, row)| {
                let entries = row
                    .iter()
                    .enumerate()
                    .filter(|(_, sum)| **sum != 0.0)
                    .map(|(class, sum)| (class as u16, sum / count))
                    .collect();
                (feature, entries)
            })
            .collect();
        averaged.sort_by_key(|(feature, _)| *feature);
        Some(Weights::quantise(classes, &averaged))
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of features kept.
    pub fn features(&self) -> usize {
        self.order.len()
    }

    /// The multiplier that turns a stored `i16` weight back into a score.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Every kept feature with its (class, quantised weight) entries, in save order: for
    /// components that lay the weights out differently for speed.
    pub fn rows(&self) -> impl Iterator<Item = (u64, &[(u16, i16)])> {
        self.order
            .iter()
            .enumerate()
            .map(|(row, &feature)| (feature, self.row(row)))
    }

    /// Scores of every class for these features.
    pub fn scores(&self, features: &[u64], scores: &mut Vec<f32>) {
        scores.clear();
        scores.resize(self.classes, 0.0);
        for feature in features {
            if let Some((start, end)) = self.index.get(*feature) {
                for &(class, weight) in &self.entries[start as usize..end as usize] {
                    scores[class as usize] += f32::from(weight);
                }
            }
        }
        // One multiplication per class rather than per weight.
        for score in scores.iter_mut() {
            *score *= self.scale;
        }
    }

    /// Appends the weights to `out` in dyad's little-endian model format.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.classes as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&(self.order.len() as u32).to_le_bytes());
        for (feature, row) in self.rows() {
            out.extend_from_slice(&feature.to_le_bytes());
            out.extend_from_slice(&(row.len() as u16).to_le_bytes());
            for &(class, weight) in row {
                out.extend_from_slice(&class.to_le_bytes());
                out.extend_from_slice(&weight.to_le_bytes());
            }
        }
    }

    /// Reads weights written by [`Weights::write`] from `bytes[*at..]`, advancing `at`.
    pub fn read(bytes: &[u8], at: &mut usize) -> Result<Weights, WeightsError> {
        let classes = read_u32(bytes, at)? as usize;
        let scale = f32::from_le_bytes(take::<4>(bytes, at)?);
        let count = read_u32(bytes, at)? as usize;
        // Bounded by what the bytes can hold, so a corrupt count cannot ask for huge memory.
        let mut order = Vec::with_capacity(count.min(bytes.len() / 10));
        let mut bounds = Vec::with_capacity(order.capacity() + 1);
        bounds.push(0);
        let mut entries = Vec::new();
        for _ in 0..count {
            let feature = u64::from_le_bytes(take::<8>(bytes, at)?);
            let len = u16::from_le_bytes(take::<2>(bytes, at)?) as usize;
            for _ in 0..len {
                let class = u16::from_le_bytes(take::<2>(bytes, at)?);
                let weight = i16::from_le_bytes(take::<2>(bytes, at)?);
                if usize::from(class) >= classes {
                    return Err(WeightsError(*at));
                }
                entries.push((class, weight));
            }
            order.push(feature);
            bounds.push(entries.len() as u32);
        }
        Ok(Weights::assemble(classes, scale, order, bounds, entries))
    }
}

/// Reads a little-endian `u32` at `*at`, advancing it.
pub fn read_u32(bytes: &[u8], at: &mut usize) -> Result<u32, WeightsError> {
    Ok(u32::from_le_bytes(take::<4>(bytes, at)?))
}

fn take<const N: usize>(bytes: &[u8], at: &mut usize) -> Result<[u8; N], WeightsError> {
    let slice = bytes.get(*at..*at + N).ok_or(WeightsError(*at))?;
    *at += N;
    Ok(slice.try_into().expect("slice of length N"))
}

/// Writes a list of strings (class names, vocabularies) in the model format.
pub fn write_strings(strings: &[String], out: &mut Vec<u8>) {
    out.extend_from_slice(&(strings.len() as u32).to_le_bytes());
    for string in strings {
        out.extend_from_slice(&(string.len() as u32).to_le_bytes());
        out.extend_from_slice(string.as_bytes());
    }
}

/// Reads a list written by [`write_strings`].
pub fn read_strings(bytes: &[u8], at: &mut usize) -> Result<Vec<String>, WeightsError> {
    let count = read_u32(bytes, at)? as usize;
    let mut strings = Vec::with_capacity(count.min(1 << 20));
    for _ in 0..count {
        let len = read_u32(bytes, at)? as usize;
        let raw = bytes.get(*at..*at + len).ok_or(WeightsError(*at))?;
        strings.push(String::from_utf8(raw.to_vec()).map_err(|_| WeightsError(*at))?);
        *at += len;
    }
    Ok(strings)
}

/// The shuffles of training: xorshift64, deterministic for a seed and free of dependencies, so
/// the same seed gives byte-identical models on every machine.
pub struct XorShift(u64);

impl XorShift {
    /// A generator for `seed` (any value, zero included).
    pub fn new(seed: u64) -> Self {
        XorShift(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    /// The next pseudo-random number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A float in `[0, 1)` (for exploration during training).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Shuffles `items` in place (Fisher-Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for index in (1..items.len()).rev() {
            let other = (self.next_u64() % (index as u64 + 1)) as usize;
            items.swap(index, other);
        }
    }
}

/// The index of the highest score (the first on ties); 0 for no scores.
pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (index, &score) in scores.iter().enumerate() {
        if score > scores[best] {
            best = index;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        let a = FeatureHasher::new(1).str("a").done();
        let b = FeatureHasher::new(1).str("b").done();
        let bias = FeatureHasher::new(0).done();
        let data = [(vec![a, bias], 0), (vec![b, bias], 1)];
        let mut trainer = Trainer::new(2);
        let mut scores = Vec::new();
        for _ in 0..5 {
            for (features, truth) in &data {
                trainer.scores(features, &mut scores);
                trainer.update(features, *truth, argmax(&scores));
            }
        }
        let weights = trainer.freeze(1);
        for (features, truth) in &data {
            weights.scores(features, &mut scores);
            assert_eq!(argmax(&scores), *truth);
        }
        let mut bytes = Vec::new();
        weights.write(&mut bytes);
        let mut at = 0;
        assert_eq!(Weights::read(&bytes, &mut at).unwrap(), weights);
        assert_eq!(at, bytes.len());
        assert!(Weights::read(&bytes[..bytes.len() - 1], &mut 0).is_err());
    }

    #[test]
    fn the_mean_scores_as_the_models_together() {
        let features = [11u64, 22, 33];
        let mut models = Vec::new();
        for seed in 0..3u64 {
            let mut trainer = Trainer::new(3);
            for step in 0..20u64 {
                let truth = ((step + seed) % 3) as usize;
                let guess = ((step * 7 + seed) % 3) as usize;
                trainer.update(&features[..1 + (step % 3) as usize], truth, guess);
            }
            models.push(trainer.freeze(1));
        }
        let mean = Weights::mean(&models).unwrap();
        let (mut expected, mut scores) = (vec![0.0f32; 3], Vec::new());
        for model in &models {
            model.scores(&features, &mut scores);
            for (sum, score) in expected.iter_mut().zip(&scores) {
                *sum += score / 3.0;
            }
        }
        mean.scores(&features, &mut scores);
        for (got, want) in scores.iter().zip(&expected) {
            assert!(
                (got - want).abs() < 1e-3 * (1.0 + want.abs()),
                "{got} vs {want}"
            );
        }
        assert_eq!(Weights::mean(&models[..1]).unwrap(), models[0]);
        assert!(Weights::mean(&[models[0].clone(), Trainer::new(2).freeze(1)]).is_none());
        assert!(Weights::mean(&[]).is_none());
    }

    #[test]
    fn hashes_separate_parts() {
        let ab_c = FeatureHasher::new(3).str("ab").str("c").done();
        let a_bc = FeatureHasher::new(3).str("a").str("bc").done();
        assert_ne!(ab_c, a_bc);
    }
}
