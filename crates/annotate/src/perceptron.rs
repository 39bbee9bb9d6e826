//! The averaged multiclass perceptron every model uses (Collins 2002; the "averaged
//! perceptron" of Honnibal's tagger): sparse hashed features, per-feature sparse class
//! weights, lazy averaging with timestamps during training; the trained [`Weights`] are
//! averaged, pruned and stored sorted, so the same data gives the same bytes.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One class weight being trained: current value, running total, last update step.
#[derive(Debug, Clone, Copy, Default)]
struct Cell {
    w: f32,
    total: f64,
    stamp: u64,
}

/// A perceptron during training.
#[derive(Debug, Clone)]
pub struct Trainer {
    n_classes: usize,
    cells: HashMap<u64, Vec<(u16, Cell)>>,
    step: u64,
}

impl Trainer {
    /// A trainer for `n_classes` classes (at most 65,536).
    pub fn new(n_classes: usize) -> Self {
        Trainer {
            n_classes,
            cells: HashMap::new(),
            step: 0,
        }
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Class scores for a feature set, with the current (not averaged) weights.
    pub fn scores(&self, features: &[u64]) -> Vec<f32> {
        let mut scores = vec![0.0f32; self.n_classes];
        for f in features {
            if let Some(list) = self.cells.get(f) {
                for (c, cell) in list {
                    scores[*c as usize] += cell.w;
                }
            }
        }
        scores
    }

    /// The best class (lowest index on ties) among `allowed` (all classes if empty).
    pub fn predict(&self, features: &[u64], allowed: &[usize]) -> usize {
        best(&self.scores(features), allowed)
    }

    /// Counts one training example (advances the averaging clock).
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Standard update: reward `truth`, penalize `guess` (no-op when equal).
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for f in features {
            self.bump(*f, truth, 1.0);
            self.bump(*f, guess, -1.0);
        }
    }

    fn bump(&mut self, feature: u64, class: usize, delta: f32) {
        let step = self.step;
        let list = self.cells.entry(feature).or_default();
        let idx = match list.iter().position(|(c, _)| *c as usize == class) {
            Some(i) => i,
            None => {
                list.push((
                    class as u16,
                    Cell {
                        stamp: step,
                        ..Cell::default()
                    },
                ));
                list.len() - 1
            }
        };
        let cell = &mut list[idx].1;
        cell.total += f64::from(cell.w) * (step - cell.stamp) as f64;
        cell.stamp = step;
        cell.w += delta;
    }

    /// The averaged weights; entries with |w| below `min_abs` are dropped.
    pub fn average(&self, min_abs: f32) -> Weights {
        let step = self.step.max(1);
        let mut features: Vec<(u64, Vec<(u16, f32)>)> = self
            .cells
            .iter()
            .filter_map(|(f, list)| {
                let mut out: Vec<(u16, f32)> = list
                    .iter()
                    .map(|(c, cell)| {
                        let total = cell.total + f64::from(cell.w) * (step - cell.stamp) as f64;
                        (*c, (total / step as f64) as f32)
                    })
                    .filter(|(_, w)| w.abs() >= min_abs)
                    .collect();
                out.sort_by_key(|(c, _)| *c);
                (!out.is_empty()).then_some((*f, out))
            })
            .collect();
        features.sort_by_key(|(f, _)| *f);
        Weights::from_sorted(self.n_classes, features)
    }
}

/// splitmix64: the generator of the deterministic training shuffles.
pub fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Fisher–Yates shuffle driven by `state` (same state, same order: deterministic training).
pub fn shuffle<T>(items: &mut [T], state: &mut u64) {
    for i in (1..items.len()).rev() {
        let j = (splitmix(state) % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// Index of the highest score (lowest index on ties).
#[inline]
pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    let mut best_score = f32::NEG_INFINITY;
    for (c, &s) in scores.iter().enumerate() {
        if s > best_score {
            best_score = s;
            best = c;
        }
    }
    best
}

/// The best class among `allowed` (all when empty); ties go to the lowest index.
pub fn best(scores: &[f32], allowed: &[usize]) -> usize {
    let mut best_class = 0;
    let mut best_score = f32::NEG_INFINITY;
    let mut consider = |c: usize| {
        if let Some(&s) = scores.get(c) {
            if s > best_score {
                best_score = s;
                best_class = c;
            }
        }
    };
    if allowed.is_empty() {
        (0..scores.len()).for_each(&mut consider);
    } else {
        allowed.iter().copied().for_each(consider);
    }
    best_class
}

/// Trained, averaged weights for inference; serializable, deterministic order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    /// Number of classes.
    pub n_classes: usize,
    /// Sorted feature hashes.
    features: Vec<u64>,
    /// `offsets[i]..offsets[i+1]` indexes `entries` for `features[i]`.
    offsets: Vec<u32>,
    /// (class, weight) pairs.
    entries: Vec<(u16, f32)>,
    #[serde(skip)]
    index: HashMap<u64, u32>,
}

impl Weights {
    fn from_sorted(n_classes: usize, list: Vec<(u64, Vec<(u16, f32)>)>) -> Self {
        let mut features = Vec::with_capacity(list.len());
        let mut offsets = vec![0u32];
        let mut entries = Vec::new();
        for (f, e) in list {
            features.push(f);
            entries.extend(e);
            offsets.push(entries.len() as u32);
        }
        let mut w = Weights {
            n_classes,
            features,
            offsets,
            entries,
            index: HashMap::new(),
        };
        w.build_index();
        w
    }

    /// Rebuilds the lookup index (call after deserializing).
    pub fn build_index(&mut self) {
        self.index = self
            .features
            .iter()
            .enumerate()
            .map(|(i, f)| (*f, i as u32))
            .collect();
    }

    /// Every kept feature hash with its (class, weight) pairs, in ascending hash order.
    pub fn rows(&self) -> impl Iterator<Item = (u64, &[(u16, f32)])> + '_ {
        self.features.iter().enumerate().map(|(i, &f)| {
            let (a, b) = (self.offsets[i] as usize, self.offsets[i + 1] as usize);
            (f, &self.entries[a..b])
        })
    }

    /// Number of features kept.
    pub fn len(&self) -> usize {
        self.features.len()
    }

    /// True when no feature has weight.
    pub fn is_empty(&self) -> bool {
        self.features.is_empty()
    }

    /// Adds the class scores of `features` into `scores` (length `n_classes`).
    pub fn score_into(&self, features: &[u64], scores: &mut [f32]) {
        for f in features {
            if let Some(&i) = self.index.get(f) {
                let i = i as usize;
                let (a, b) = (self.offsets[i] as usize, self.offsets[i + 1] as usize);
                for &(c, w) in &self.entries[a..b] {
                    if let Some(s) = scores.get_mut(c as usize) {
                        *s += w;
                    }
                }
            }
        }
    }

    /// Class scores of a feature set.
    pub fn scores(&self, features: &[u64]) -> Vec<f32> {
        let mut s = vec![0.0; self.n_classes];
        self.score_into(features, &mut s);
        s
    }

    /// The best class among `allowed` (all when empty).
    pub fn predict(&self, features: &[u64], allowed: &[usize]) -> usize {
        best(&self.scores(features), allowed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Learns "class = parity of the feature id" from a few examples.
    #[test]
    fn learns_a_separable_problem_and_averages() {
        let mut t = Trainer::new(2);
        for _ in 0..5 {
            for f in 0..20u64 {
                t.tick();
                let g = t.predict(&[f, 100], &[]);
                t.update(&[f, 100], (f % 2) as usize, g);
            }
        }
        let w = t.average(0.0);
        for f in 0..20u64 {
            assert_eq!(w.predict(&[f, 100], &[]), (f % 2) as usize);
        }
        assert_eq!(w.predict(&[3], &[0]), 0, "restricted to allowed classes");
        let json = serde_json::to_string(&w).unwrap();
        let mut back: Weights = serde_json::from_str(&json).unwrap();
        back.build_index();
        assert_eq!(back.predict(&[5, 100], &[]), 1);
    }
}
