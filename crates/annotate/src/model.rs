//! Model files shared by the annotate models (stage `annotate`, build and load time):
//! a versioned container of a JSON header (manifest, vocabularies, small tables) and
//! binary perceptron weight tables, zstd-compressed, plus the fast inference table.
//!
//! Input: trained [`Weights`] and a serializable header (save), or model bytes (load).
//! Output: bytes, or the header and [`Table`]s ready to score. Loading a multi-megabyte
//! model takes milliseconds: the weights are little-endian arrays, not JSON.
//! Must not: do IO (callers read and write the files), panic on corrupt bytes (every
//! problem is a [`ModelError`]).

use crate::perceptron::Weights;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// First bytes of every (decompressed) khabar model container.
const MAGIC: &[u8; 8] = b"KHABARM1";

/// Why model bytes could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The zstd layer is corrupt.
    #[error("model is not valid zstd data ({0}); rebuild it with `khabar train`")]
    Compression(String),
    /// Not a khabar model container.
    #[error("not a khabar model file (bad magic bytes); rebuild it with `khabar train`")]
    Magic,
    /// The container ends early or a section is inconsistent.
    #[error("model file is truncated or corrupt: {0}")]
    Corrupt(String),
    /// The header JSON does not parse.
    #[error("model header is not valid: {0}")]
    Header(String),
    /// A model of another kind or format version.
    #[error("model version is {found:?}, this build reads {expected:?}; retrain the model")]
    Version {
        /// Version string in the file.
        found: String,
        /// Version string this code reads.
        expected: String,
    },
}

/// One training or evaluation file a model was built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataFile {
    /// File name (no directory), e.g. `en_ewt-ud-train.conllu.gz`.
    pub name: String,
    /// Checksum given by the caller, e.g. `blake3:…`.
    pub checksum: String,
}

/// Provenance and quality of a trained model; stored inside the model file and written
/// beside it as JSON.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// Model format version (e.g. `khabar.tagger/1`).
    pub version: String,
    /// Name of the data source (e.g. `UD_English-EWT r2.x`).
    pub source: String,
    /// Files the model was trained, selected and evaluated on.
    pub data: Vec<DataFile>,
    /// Human-readable description of the feature set and training options.
    pub features: String,
    /// Named scores, e.g. `dev_upos` → 0.962 (accuracy as a fraction).
    pub scores: BTreeMap<String, f64>,
    /// Wall-clock seconds spent training (0 when unknown).
    pub train_seconds: f64,
}

/// The serde shape of [`Weights`], to read its arrays without touching its internals.
#[derive(Deserialize)]
struct RawWeights {
    n_classes: usize,
    features: Vec<u64>,
    offsets: Vec<u32>,
    entries: Vec<(u16, f32)>,
}

/// One slot of the open-addressing index: feature hash, first entry, entry count
/// (0 = empty slot; every stored feature has at least one entry).
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: u64,
    start: u32,
    len: u32,
}

/// The location of one feature's weights in a [`Table`] (empty when it has none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Row {
    start: u32,
    len: u32,
}

/// One class weight, stored next to its class so a feature's weights share cache lines.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Entry {
    class: u32,
    weight: f32,
}

/// Averaged perceptron weights laid out for fast scoring and fast (de)serialization:
/// an open-addressing index (one cache miss per feature) over interleaved
/// (class, weight) entries (usually one more).
#[derive(Debug, Clone, Default)]
pub struct Table {
    n_classes: usize,
    /// Sorted feature hashes.
    features: Vec<u64>,
    /// `offsets[i]..offsets[i+1]` indexes `entries` for `features[i]`.
    offsets: Vec<u32>,
    entries: Vec<Entry>,
    slots: Vec<Slot>,
    /// Dense copies (`n_classes` weights each) of the rows with many classes: adding
    /// them is a vectorized loop instead of scattered adds.
    dense: Vec<f32>,
}

/// Rows with at least this many classes are also stored dense.
const DENSE_MIN: u32 = 12;

/// Marks a slot or row whose `start` indexes the dense rows.
const DENSE: u32 = 1 << 31;

impl PartialEq for Table {
    fn eq(&self, other: &Self) -> bool {
        self.n_classes == other.n_classes
            && self.features == other.features
            && self.offsets == other.offsets
            && self.entries == other.entries
    }
}

/// Slot position of a feature hash (the hashes are FNV already; mix the high bits in).
#[inline]
fn home(key: u64, mask: usize) -> usize {
    let x = key.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    ((x >> 32) ^ x) as usize & mask
}

impl Table {
    /// Copies trained weights into a table.
    pub fn from_weights(w: &Weights) -> Table {
        // Weights keeps its arrays private; its serde form is the stable way to read them.
        let raw: Option<RawWeights> = serde_json::to_vec(w)
            .ok()
            .and_then(|json| serde_json::from_slice(&json).ok());
        let Some(raw) = raw else {
            return Table::default();
        };
        let mut t = Table {
            n_classes: raw.n_classes,
            features: raw.features,
            offsets: raw.offsets,
            entries: raw
                .entries
                .iter()
                .map(|&(class, weight)| Entry {
                    class: u32::from(class),
                    weight,
                })
                .collect(),
            slots: Vec::new(),
            dense: Vec::new(),
        };
        t.build_index();
        t
    }

    fn build_index(&mut self) {
        let size = (self.features.len() * 2).next_power_of_two().max(2);
        let mask = size - 1;
        let mut slots = vec![Slot::default(); size];
        let mut dense = Vec::new();
        let n = self.n_classes;
        for (i, &key) in self.features.iter().enumerate() {
            let (start, end) = (self.offsets[i], self.offsets[i + 1]);
            if end <= start {
                continue;
            }
            let mut at = home(key, mask);
            while slots[at].len != 0 {
                at = (at + 1) & mask;
            }
            let (a, b) = (start as usize, end as usize);
            slots[at] = match self.entries.get(a..b) {
                Some(row)
                    if end - start >= DENSE_MIN && dense.len() / n.max(1) < DENSE as usize =>
                {
                    let index = (dense.len() / n) as u32;
                    let base = dense.len();
                    dense.resize(base + n, 0.0);
                    for e in row {
                        if let Some(w) = dense.get_mut(base + e.class as usize) {
                            *w = e.weight;
                        }
                    }
                    Slot {
                        key,
                        start: index,
                        len: DENSE,
                    }
                }
                _ => Slot {
                    key,
                    start,
                    len: end - start,
                },
            };
        }
        self.slots = slots;
        self.dense = dense;
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.features.len()
    }

    /// True when no feature has a weight.
    pub fn is_empty(&self) -> bool {
        self.features.is_empty()
    }

    /// Number of (feature, class) weights.
    pub fn n_weights(&self) -> usize {
        self.entries.len()
    }

    /// Where the weights of `feature` are (an empty row when it has none).
    #[inline]
    fn row(&self, feature: u64) -> Row {
        if self.slots.is_empty() {
            return Row::default();
        }
        let mask = self.slots.len() - 1;
        let mut at = home(feature, mask);
        loop {
            let slot = self.slots[at];
            if slot.len == 0 {
                return Row::default();
            }
            if slot.key == feature {
                return Row {
                    start: slot.start,
                    len: slot.len,
                };
            }
            at = (at + 1) & mask;
        }
    }

    /// Appends the row of each feature to `out` (one per feature). Resolving many
    /// features first and adding their weights later lets the memory loads overlap.
    pub fn rows_into(&self, features: &[u64], out: &mut Vec<Row>) {
        out.extend(features.iter().map(|&f| self.row(f)));
    }

    /// Adds the weights of `rows` into `scores` (length `n_classes`).
    #[inline]
    pub fn add_rows(&self, rows: &[Row], scores: &mut [f32]) {
        let n = self.n_classes;
        for r in rows {
            if r.len == DENSE {
                let a = r.start as usize * n;
                if let (Some(row), true) = (self.dense.get(a..a + n), scores.len() == n) {
                    for (s, w) in scores.iter_mut().zip(row) {
                        *s += *w;
                    }
                }
                continue;
            }
            let a = r.start as usize;
            let b = a + r.len as usize;
            for e in self.entries.get(a..b).unwrap_or(&[]) {
                if let Some(s) = scores.get_mut(e.class as usize) {
                    *s += e.weight;
                }
            }
        }
    }

    /// Adds the class scores of `features` into `scores` (length `n_classes`).
    #[inline]
    pub fn score_into(&self, features: &[u64], scores: &mut [f32]) {
        for &f in features {
            let r = self.row(f);
            self.add_rows(&[r], scores);
        }
    }

    /// Appends the binary form: counts, then the arrays, little-endian.
    fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.n_classes as u64).to_le_bytes());
        out.extend_from_slice(&(self.features.len() as u64).to_le_bytes());
        out.extend_from_slice(&(self.entries.len() as u64).to_le_bytes());
        for f in &self.features {
            out.extend_from_slice(&f.to_le_bytes());
        }
        // Per-feature entry counts instead of offsets: they compress well.
        for w in self.offsets.windows(2) {
            out.extend_from_slice(&(w[1] - w[0]).to_le_bytes());
        }
        for e in &self.entries {
            out.extend_from_slice(&(e.class as u16).to_le_bytes());
        }
        for e in &self.entries {
            out.extend_from_slice(&e.weight.to_le_bytes());
        }
    }

    /// Reads a table written by [`Table::encode`] from `r`.
    fn decode(r: &mut Reader<'_>) -> Result<Table, ModelError> {
        let n_classes = r.u64()? as usize;
        let n_features = r.u64()? as usize;
        let n_weights = r.u64()? as usize;
        if n_classes > usize::from(u16::MAX) + 1 {
            return Err(ModelError::Corrupt(format!("{n_classes} classes")));
        }
        let features: Vec<u64> = r
            .take(n_features.saturating_mul(8))?
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
            .collect();
        let mut offsets = Vec::with_capacity(n_features + 1);
        offsets.push(0u32);
        let mut total = 0u64;
        for c in r.take(n_features.saturating_mul(4))?.chunks_exact(4) {
            total += u64::from(u32::from_le_bytes([c[0], c[1], c[2], c[3]]));
            offsets.push(total.min(u64::from(u32::MAX)) as u32);
        }
        if total != n_weights as u64 {
            return Err(ModelError::Corrupt(format!(
                "weight counts add up to {total}, expected {n_weights}"
            )));
        }
        let classes: Vec<u16> = r
            .take(n_weights.saturating_mul(2))?
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        if let Some(c) = classes.iter().find(|c| usize::from(**c) >= n_classes) {
            return Err(ModelError::Corrupt(format!("class {c} of {n_classes}")));
        }
        let weights: Vec<f32> = r
            .take(n_weights.saturating_mul(4))?
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let mut t = Table {
            n_classes,
            features,
            offsets,
            entries: classes
                .into_iter()
                .zip(weights)
                .map(|(c, weight)| Entry {
                    class: u32::from(c),
                    weight,
                })
                .collect(),
            slots: Vec::new(),
            dense: Vec::new(),
        };
        t.build_index();
        Ok(t)
    }
}

/// A cursor over container bytes.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if n > self.bytes.len() {
            return Err(ModelError::Corrupt(format!(
                "needed {n} more bytes, {} left",
                self.bytes.len()
            )));
        }
        let (a, b) = self.bytes.split_at(n);
        self.bytes = b;
        Ok(a)
    }

    fn u64(&mut self) -> Result<u64, ModelError> {
        let b = self.take(8)?;
        Ok(u64::from_le_bytes([
            b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
        ]))
    }
}

/// The header every model's JSON carries first, checked before the rest is parsed.
#[derive(Deserialize)]
struct VersionOnly {
    version: String,
}

/// Serializes a model: `header` (JSON, must have a top-level `version` string) and the
/// weight tables, zstd-compressed at `level` (3 is fast, 19 is small).
pub fn pack<H: Serialize>(header: &H, tables: &[&Table], level: i32) -> Vec<u8> {
    let json = serde_json::to_vec(header).unwrap_or_default();
    let mut raw = Vec::new();
    raw.extend_from_slice(MAGIC);
    raw.extend_from_slice(&(json.len() as u64).to_le_bytes());
    raw.extend_from_slice(&json);
    raw.extend_from_slice(&(tables.len() as u64).to_le_bytes());
    for t in tables {
        t.encode(&mut raw);
    }
    // Compressing an in-memory buffer cannot fail short of allocation failure.
    zstd::bulk::compress(&raw, level).unwrap_or_default()
}

/// Reads a model written by [`pack`]; fails unless the header's `version` is `expected`.
pub fn unpack<H: DeserializeOwned>(
    bytes: &[u8],
    expected: &str,
) -> Result<(H, Vec<Table>), ModelError> {
    let raw =
        zstd::stream::decode_all(bytes).map_err(|e| ModelError::Compression(e.to_string()))?;
    let mut r = Reader { bytes: &raw };
    if r.take(MAGIC.len()).map_err(|_| ModelError::Magic)? != MAGIC {
        return Err(ModelError::Magic);
    }
    let n = r.u64()?;
    let json = r.take(usize::try_from(n).unwrap_or(usize::MAX))?;
    let v: VersionOnly =
        serde_json::from_slice(json).map_err(|e| ModelError::Header(e.to_string()))?;
    if v.version != expected {
        return Err(ModelError::Version {
            found: v.version,
            expected: expected.to_string(),
        });
    }
    let header: H = serde_json::from_slice(json).map_err(|e| ModelError::Header(e.to_string()))?;
    let n_tables = r.u64()?;
    let mut tables = Vec::new();
    for _ in 0..n_tables.min(1024) {
        tables.push(Table::decode(&mut r)?);
    }
    if !r.bytes.is_empty() {
        return Err(ModelError::Corrupt(format!(
            "{} bytes after the last table",
            r.bytes.len()
        )));
    }
    Ok((header, tables))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perceptron::Trainer;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Header {
        version: String,
        note: String,
    }

    fn table() -> (Weights, Table) {
        let mut t = Trainer::new(3);
        for _ in 0..4 {
            for f in 0..30u64 {
                t.tick();
                let g = t.predict(&[f, 1000], &[]);
                t.update(&[f, 1000], (f % 3) as usize, g);
            }
        }
        let w = t.average(0.0);
        let table = Table::from_weights(&w);
        (w, table)
    }

    #[test]
    fn table_scores_like_weights_and_round_trips() {
        let (w, t) = table();
        assert_eq!(t.len(), w.len());
        for f in 0..30u64 {
            let mut s = vec![0.0; 3];
            t.score_into(&[f, 1000, 77], &mut s);
            assert_eq!(s, w.scores(&[f, 1000, 77]));
        }
        let h = Header {
            version: "test/1".into(),
            note: "x".into(),
        };
        let bytes = pack(&h, &[&t, &t], 3);
        let (h2, ts): (Header, _) = unpack(&bytes, "test/1").unwrap();
        assert_eq!(h2, h);
        assert_eq!(ts.len(), 2);
        assert_eq!(ts[0], t);
        let mut s = vec![0.0; 3];
        ts[1].score_into(&[4], &mut s);
        assert_eq!(s, w.scores(&[4]));
    }

    #[test]
    fn corrupt_bytes_are_errors() {
        let (_, t) = table();
        let h = Header {
            version: "test/1".into(),
            note: String::new(),
        };
        let bytes = pack(&h, &[&t], 3);
        assert!(matches!(
            unpack::<Header>(&bytes, "test/2"),
            Err(ModelError::Version { .. })
        ));
        assert!(matches!(
            unpack::<Header>(b"garbage", "test/1"),
            Err(ModelError::Compression(_))
        ));
        let raw = zstd::stream::decode_all(&bytes[..]).unwrap();
        for cut in [4, 20, raw.len() / 2, raw.len() - 1] {
            let short = zstd::bulk::compress(&raw[..cut], 1).unwrap();
            assert!(unpack::<Header>(&short, "test/1").is_err(), "cut at {cut}");
        }
    }
}
