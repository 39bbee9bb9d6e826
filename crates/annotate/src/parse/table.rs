//! The parser's inference weights (stage `annotate`, parser internals): averaged
//! perceptron weights quantized to `i16` with one scale, in an open-addressing table
//! keyed by feature hash, so scoring a state is one probe and one short run of
//! (class, weight) entries per feature; plus their compact little-endian encoding.
//!
//! Input: averaged [`Weights`] (training) or encoded bytes (loading).
//! Output: integer class scores for a feature set.
//! Must not: panic on corrupt bytes (every problem is an `Err`), allocate while scoring.

use crate::perceptron::Weights;

/// One slot of the index: feature hash (0 = empty) and its weights. Runs of at most two
/// weights (most features: one update gives two) sit inline as packed entries
/// (`class << 16 | weight`, an absent second entry is 0, i.e. weight 0 for class 0);
/// longer runs have [`EXTERNAL`] set in `b` with the run length, and `a` = its start;
/// runs covering a good part of the classes (frequent features) are dense rows of the
/// `dense` array, flagged [`DENSE`] with `a` = the row, added with vector instructions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Slot {
    key: u64,
    a: u32,
    b: u32,
}

/// Flag in [`Slot::b`] for a run stored outside the slot.
const EXTERNAL: u32 = 1 << 31;
/// Flag in [`Slot::b`] (with [`EXTERNAL`]) for a dense row.
const DENSE: u32 = 1 << 30;

fn pack(e: Entry) -> u32 {
    (u32::from(e.class) << 16) | u32::from(e.w as u16)
}

#[inline(always)]
fn add_packed(scores: &mut [i32], e: u32) {
    if let Some(s) = scores.get_mut((e >> 16) as usize) {
        *s += i32::from(e as u16 as i16);
    }
}

/// One class weight of a feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    class: u16,
    w: i16,
}

/// Quantized weights with a hash index.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    n_classes: usize,
    /// Real weight = `w as f32 * scale`.
    scale: f32,
    /// Sorted feature hashes, and `starts[i]..starts[i+1]` their entry runs.
    keys: Vec<u64>,
    starts: Vec<u32>,
    entries: Vec<Entry>,
    mask: usize,
    slots: Vec<Slot>,
    /// Dense rows of `stride` weights for features with many classes.
    dense: Vec<i16>,
    stride: usize,
}

impl Table {
    /// Quantizes averaged weights; entries that round to 0 are dropped.
    pub fn from_weights(w: &Weights) -> Table {
        let max = w
            .rows()
            .flat_map(|(_, e)| e.iter().map(|(_, v)| v.abs()))
            .fold(0.0f32, f32::max);
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut keys = Vec::with_capacity(w.len());
        let mut starts = vec![0u32];
        let mut entries = Vec::new();
        for (key, row) in w.rows() {
            if key == 0 {
                continue;
            }
            let before = entries.len();
            for &(class, v) in row {
                let q = (v / scale).round().clamp(-32767.0, 32767.0) as i16;
                if q != 0 && usize::from(class) < w.n_classes {
                    entries.push(Entry { class, w: q });
                }
            }
            if entries.len() > before {
                keys.push(key);
                starts.push(entries.len() as u32);
            }
        }
        let mut t = Table {
            n_classes: w.n_classes,
            scale,
            keys,
            starts,
            entries,
            mask: 0,
            slots: Vec::new(),
            dense: Vec::new(),
            stride: 0,
        };
        t.build_index();
        t
    }

    fn build_index(&mut self) {
        let cap = (self.keys.len() * 2).next_power_of_two().max(16);
        self.mask = cap - 1;
        self.slots = vec![Slot::default(); cap];
        self.stride = self.n_classes.div_ceil(16) * 16;
        self.dense.clear();
        let dense_from = (self.n_classes / 4).max(8);
        for (i, &key) in self.keys.iter().enumerate() {
            let mut j = key as usize & self.mask;
            while self.slots[j].key != 0 {
                j = (j + 1) & self.mask;
            }
            let run = &self.entries[self.starts[i] as usize..self.starts[i + 1] as usize];
            let inline = run.len() <= 2 && run.iter().all(|e| e.class < 1 << 15);
            self.slots[j] = if inline {
                Slot {
                    key,
                    a: run.first().map_or(0, |&e| pack(e)),
                    b: run.get(1).map_or(0, |&e| pack(e)),
                }
            } else if run.len() >= dense_from {
                let row = self.dense.len() / self.stride;
                self.dense.resize(self.dense.len() + self.stride, 0);
                for e in run {
                    self.dense[row * self.stride + usize::from(e.class)] = e.w;
                }
                Slot {
                    key,
                    a: row as u32,
                    b: EXTERNAL | DENSE,
                }
            } else {
                Slot {
                    key,
                    a: self.starts[i],
                    b: EXTERNAL | run.len() as u32,
                }
            };
        }
    }

    /// Drops weights whose real value is below `min_abs` in absolute value, and the
    /// features left without weights.
    pub fn prune(&mut self, min_abs: f32) {
        let q = (min_abs / self.scale).ceil().clamp(0.0, 32767.0) as i32;
        let (mut keys, mut starts, mut entries) = (Vec::new(), vec![0u32], Vec::new());
        for (i, &key) in self.keys.iter().enumerate() {
            let run = &self.entries[self.starts[i] as usize..self.starts[i + 1] as usize];
            let before = entries.len();
            entries.extend(run.iter().filter(|e| i32::from(e.w).abs() >= q));
            if entries.len() > before {
                keys.push(key);
                starts.push(entries.len() as u32);
            }
        }
        (self.keys, self.starts, self.entries) = (keys, starts, entries);
        self.build_index();
    }

    /// Length of the score buffer [`Table::score`] wants: `n_classes` rounded up to 16.
    pub fn stride(&self) -> usize {
        self.stride
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of features and of (feature, class) weights kept.
    pub fn size(&self) -> (usize, usize) {
        (self.keys.len(), self.entries.len())
    }

    /// Adds the scores of `features` into `scores` (length [`Table::stride`]; classes
    /// past `n_classes` get junk-free zeros); `gather` is scratch space. The first probe
    /// of every feature is loaded in one pass so the memory accesses overlap instead of
    /// waiting for each other.
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [i32], gather: &mut Vec<Slot>) {
        gather.clear();
        gather.extend(features.iter().map(|&k| self.slots[k as usize & self.mask]));
        for (&key, &first) in features.iter().zip(gather.iter()) {
            let mut slot = first;
            let mut j = key as usize & self.mask;
            while slot.key != key {
                if slot.key == 0 {
                    break;
                }
                j = (j + 1) & self.mask;
                slot = self.slots[j];
            }
            if slot.key != key {
                continue;
            }
            if slot.b & EXTERNAL == 0 {
                add_packed(scores, slot.a);
                add_packed(scores, slot.b);
            } else if slot.b & DENSE != 0 {
                let start = slot.a as usize * self.stride;
                let row = self
                    .dense
                    .get(start..start + self.stride)
                    .unwrap_or_default();
                for (s, &w) in scores.iter_mut().zip(row) {
                    *s += i32::from(w);
                }
            } else {
                let start = slot.a as usize;
                let end = start + (slot.b & !EXTERNAL) as usize;
                for e in self.entries.get(start..end).unwrap_or_default() {
                    if let Some(s) = scores.get_mut(usize::from(e.class)) {
                        *s += i32::from(e.w);
                    }
                }
            }
        }
    }

    /// Appends the binary encoding: counts, scale, delta-coded keys as byte planes,
    /// run lengths, classes, weights (all little-endian).
    pub fn encode(&self, out: &mut Vec<u8>) {
        let nf = self.keys.len();
        out.extend_from_slice(&(self.n_classes as u64).to_le_bytes());
        out.extend_from_slice(&(nf as u64).to_le_bytes());
        out.extend_from_slice(&(self.entries.len() as u64).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        let mut prev = 0u64;
        let deltas: Vec<u64> = self
            .keys
            .iter()
            .map(|&k| {
                let d = k.wrapping_sub(prev);
                prev = k;
                d
            })
            .collect();
        for plane in 0..8 {
            out.extend(deltas.iter().map(|d| (d >> (8 * plane)) as u8));
        }
        for i in 0..nf {
            let len = self.starts[i + 1] - self.starts[i];
            out.extend_from_slice(&(len as u16).to_le_bytes());
        }
        for e in &self.entries {
            out.extend_from_slice(&e.class.to_le_bytes());
        }
        for e in &self.entries {
            out.extend_from_slice(&e.w.to_le_bytes());
        }
    }

    /// Reads [`Table::encode`]'s output from the front of `bytes`.
    pub fn decode(bytes: &[u8]) -> Result<Table, String> {
        let mut r = Reader { bytes, pos: 0 };
        let n_classes = r.u64()? as usize;
        let nf = r.u64()? as usize;
        let ne = r.u64()? as usize;
        let scale = f32::from_le_bytes(r.take(4)?.try_into().map_err(|_| "scale")?);
        if n_classes > 65_536 || ne > u32::MAX as usize || !scale.is_finite() {
            return Err(format!(
                "implausible table header ({n_classes} classes, {ne} weights)"
            ));
        }
        let planes = r.take(nf.checked_mul(8).ok_or("feature count overflows")?)?;
        let mut keys = Vec::with_capacity(nf);
        let mut prev = 0u64;
        for i in 0..nf {
            let mut d = 0u64;
            for plane in 0..8 {
                d |= u64::from(planes[plane * nf + i]) << (8 * plane);
            }
            prev = prev.wrapping_add(d);
            keys.push(prev);
        }
        if keys.windows(2).any(|w| w[0] >= w[1]) || keys.first() == Some(&0) {
            return Err("feature keys are not sorted and distinct".into());
        }
        let lens = r.take(nf * 2)?;
        let mut starts = Vec::with_capacity(nf + 1);
        starts.push(0u32);
        let mut total = 0usize;
        for c in lens.chunks_exact(2) {
            total += usize::from(u16::from_le_bytes([c[0], c[1]]));
            starts.push(total as u32);
        }
        if total != ne {
            return Err(format!("run lengths add up to {total}, expected {ne}"));
        }
        let classes = r.take(ne * 2)?;
        let weights = r.take(ne * 2)?;
        let entries: Vec<Entry> = classes
            .chunks_exact(2)
            .zip(weights.chunks_exact(2))
            .map(|(c, w)| Entry {
                class: u16::from_le_bytes([c[0], c[1]]),
                w: i16::from_le_bytes([w[0], w[1]]),
            })
            .collect();
        if entries.iter().any(|e| usize::from(e.class) >= n_classes) {
            return Err("a weight names a class out of range".into());
        }
        if r.pos != bytes.len() {
            return Err(format!("{} trailing bytes", bytes.len() - r.pos));
        }
        let mut t = Table {
            n_classes,
            scale,
            keys,
            starts,
            entries,
            mask: 0,
            slots: Vec::new(),
            dense: Vec::new(),
            stride: 0,
        };
        t.build_index();
        Ok(t)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| format!("truncated: wanted {n} bytes at offset {}", self.pos))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn u64(&mut self) -> Result<u64, String> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perceptron::Trainer;

    #[test]
    fn scores_match_the_float_weights_and_round_trip() {
        let mut t = Trainer::new(3);
        for _ in 0..4 {
            for f in 1..50u64 {
                t.tick();
                let g = t.predict(&[f, 7], &[]);
                t.update(&[f, 7], (f % 3) as usize, g);
            }
        }
        let w = t.average(0.0);
        let table = Table::from_weights(&w);
        for f in 1..50u64 {
            let mut s = vec![0i32; table.stride()];
            table.score(&[f, 7, 12345], &mut s, &mut Vec::new());
            let best = (0..3)
                .max_by_key(|&c| (s[c], std::cmp::Reverse(c)))
                .unwrap();
            assert_eq!(best, w.predict(&[f, 7, 12345], &[]));
        }
        let mut bytes = Vec::new();
        table.encode(&mut bytes);
        assert_eq!(Table::decode(&bytes).unwrap(), table);
        assert!(Table::decode(&bytes[..bytes.len() - 1]).is_err());
    }
}
