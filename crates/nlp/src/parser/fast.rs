//! A read-only copy of the transition weights laid out for parsing speed.
//!
//! The shared [`Weights`] finds a feature's row in one cache miss and then reads its sparse
//! entries from a separate list: a second miss. Transition scoring looks up ~100 features per
//! transition in a table of over a million, so those misses dominate parse time; with only four
//! classes, each slot here holds the feature's weights inline: one miss per feature. Built from
//! the shared [`Weights`] rows, so the file format stays the shared one.

use crate::perceptron::{Weights, WeightsError};

/// Classes of the table: the transitions.
const CLASSES: usize = super::state::TRANSITIONS;
/// Marks an empty slot (a feature hashing to exactly this value is dropped).
const EMPTY: u64 = u64::MAX;

#[derive(Clone, Copy)]
struct Slot {
    key: u64,
    weights: [i16; CLASSES],
}

/// Open-addressing table of transition weights.
pub(super) struct TransitionTable {
    slots: Vec<Slot>,
    shift: u32,
    scale: f32,
}

impl TransitionTable {
    /// Copies `weights`, which must have one class per transition.
    pub fn new(weights: &Weights) -> Result<TransitionTable, WeightsError> {
        if weights.classes() != CLASSES {
            return Err(WeightsError(0));
        }
        // A load under 0.4 keeps probes for absent features (most of them) short.
        let bits = table_bits(weights.features());
        let empty = Slot {
            key: EMPTY,
            weights: [0; CLASSES],
        };
        let mut table = TransitionTable {
            slots: vec![empty; 1 << bits],
            shift: 64 - bits,
            scale: weights.scale(),
        };
        for (key, entries) in weights.rows() {
            let mut row = [0i16; CLASSES];
            for &(class, weight) in entries {
                row[usize::from(class)] = weight;
            }
            table.insert(key, row);
        }
        Ok(table)
    }

    fn home(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    fn insert(&mut self, key: u64, weights: [i16; CLASSES]) {
        if key == EMPTY {
            return;
        }
        let mask = self.slots.len() - 1;
        let mut index = self.home(key);
        while self.slots[index].key != EMPTY {
            index = (index + 1) & mask;
        }
        self.slots[index] = Slot { key, weights };
    }

    /// Scores of the transitions for these features.
    pub fn scores(&self, features: &[u64]) -> [f32; CLASSES] {
        let mask = self.slots.len() - 1;
        let mut sums = [0i32; CLASSES];
        for &feature in features {
            let mut index = self.home(feature);
            loop {
                let slot = &self.slots[index];
                if slot.key == feature {
                    for (sum, &weight) in sums.iter_mut().zip(&slot.weights) {
                        *sum += i32::from(weight);
                    }
                    break;
                }
                if slot.key == EMPTY {
                    break;
                }
                index = (index + 1) & mask;
            }
        }
        sums.map(|sum| sum as f32 * self.scale)
    }
}

/// Bits of a table for `count` features: at least 2.5 slots per feature, so that probes for
/// absent features (most lookups) stay short.
fn table_bits(count: usize) -> u32 {
    (count * 5 / 2).max(16).next_power_of_two().trailing_zeros()
}
