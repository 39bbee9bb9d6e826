//! Labeled dependency parsing (stage `annotate`): a greedy arc-hybrid transition parser
//! with an averaged perceptron, trained with a dynamic oracle and error exploration
//! (Goldberg & Nivre 2012, 2013) on Zhang & Nivre (2011) style features.
//!
//! Input: one sentence's words with UPOS and XPOS tags (whatever the caller has: gold
//! for training/evaluation, the tagger's predictions in the pipeline) and optionally
//! lemmas. Output: one head (0 = root, else 1-based) and one UD relation per word,
//! always a single-rooted tree without cycles, whatever the input.
//! Must not: do IO (the caller reads corpora and writes model bytes), panic on any input
//! or on corrupt model bytes, or depend on anything but the tags it is handed.
//!
//! Layout: `system` (transitions, oracle, projectivization), `feats` (templates),
//! `table` (quantized weights), `train` (the training loop); the API is here.

mod feats;
mod system;
mod table;
mod train;

use crate::conllu::Sentence;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use system::{Move, State};
use table::Table;

pub use feats::FEATURE_SET;
pub use train::train;

/// Model format version; bumped when the encoding or the features change.
pub const VERSION: &str = "khabar.parser/1";

/// First bytes of a decompressed parser model.
const MAGIC: &[u8; 8] = b"KHPARSE1";

/// Training options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainOptions {
    /// Passes over the training data (the best one on dev is kept).
    pub epochs: usize,
    /// Seed of the sentence shuffling and the exploration coin.
    pub seed: u64,
    /// Epochs that follow the oracle only before exploration starts.
    pub explore_after: usize,
    /// After that, the probability of following the model's own (possibly wrong) move.
    pub explore_prob: f64,
    /// Averaged weights smaller than this in absolute value are dropped.
    pub min_weight: f32,
    /// Use lemma features (then callers should pass lemmas to [`Parser::parse_arcs`]).
    pub lemmas: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            seed: 1,
            explore_after: 1,
            explore_prob: 0.9,
            min_weight: 0.0,
            lemmas: false,
        }
    }
}

pub use crate::model::{DataFile, ModelError};

/// Provenance and quality of a trained parser; stored inside the model.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// Model format version ([`VERSION`]).
    pub version: String,
    /// Name of the data source (e.g. `UD_English-EWT v2.16`), set by the caller.
    pub source: String,
    /// Files the model was trained, selected and evaluated on, set by the caller.
    pub data: Vec<DataFile>,
    /// The feature set ([`FEATURE_SET`]).
    pub features: String,
    /// Which tags the model was trained and evaluated with (e.g. `gold UPOS+XPOS`).
    pub tags: String,
    /// Training options used.
    pub options: Option<TrainOptions>,
    /// Epoch (1-based) whose weights were kept.
    pub best_epoch: usize,
    /// Named scores as fractions: `dev_uas`, `dev_las`, `test_uas`, `test_las`, …
    pub scores: BTreeMap<String, f64>,
    /// Wall-clock seconds spent training (0 when unknown), set by the caller.
    pub train_seconds: f64,
    /// Weights below this absolute value were dropped after training ([`Parser::prune`]).
    #[serde(default)]
    pub pruned_below: f32,
    /// Number of features kept.
    pub n_features: usize,
    /// Number of (feature, class) weights kept.
    pub n_weights: usize,
}

/// Attachment scores as fractions (CoNLL 2018 style: punctuation included; LAS compares
/// the universal part of the relation, before any `:` subtype).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Scores {
    /// Words scored.
    pub words: usize,
    /// Unlabeled attachment score.
    pub uas: f64,
    /// Labeled attachment score.
    pub las: f64,
}

/// One predicted arc: head (0 = root, else 1-based word index) and label id
/// (see [`Parser::label`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Arc {
    /// 0 = root, else the 1-based index of the head word.
    pub head: usize,
    /// Index into [`Parser::labels`].
    pub label: u16,
}

/// The serialized header of a model (everything but the weights).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Header {
    version: String,
    manifest: Manifest,
    /// Relation names, indexed by label id.
    labels: Vec<String>,
    /// Class → (move, label id); class 0 is Shift.
    classes: Vec<(Move, u16)>,
    lemmas: bool,
}

/// A trained dependency parser.
#[derive(Debug, Clone, PartialEq)]
pub struct Parser {
    header: Header,
    table: Table,
}

/// Reusable per-sentence buffers.
#[derive(Default)]
struct Scratch {
    tokens: feats::Tokens,
    state: Option<State>,
    feats: Vec<u64>,
    scores: Vec<i32>,
    gather: Vec<table::Slot>,
}

impl Parser {
    fn new(header: Header, table: Table) -> Self {
        Parser { header, table }
    }

    /// Parses one sentence: per word, (head, relation) with head 0 = root, else the
    /// 1-based index of the head word. Tags missing at the end read as `_`.
    pub fn parse(&self, words: &[&str], upos: &[&str], xpos: &[&str]) -> Vec<(usize, String)> {
        self.parse_arcs(words, upos, xpos, None)
            .into_iter()
            .map(|a| (a.head, self.label(a.label).to_string()))
            .collect()
    }

    /// Parses one sentence without allocating label strings; `lemmas` are used only by
    /// models trained with lemma features.
    pub fn parse_arcs(
        &self,
        words: &[&str],
        upos: &[&str],
        xpos: &[&str],
        lemmas: Option<&[&str]>,
    ) -> Vec<Arc> {
        let mut scratch = Scratch::default();
        self.parse_with(&mut scratch, words, upos, xpos, lemmas)
    }

    fn parse_with(
        &self,
        sc: &mut Scratch,
        words: &[&str],
        upos: &[&str],
        xpos: &[&str],
        lemmas: Option<&[&str]>,
    ) -> Vec<Arc> {
        let n = words.len();
        if n == 0 {
            return Vec::new();
        }
        sc.tokens
            .fill(words, upos, xpos, lemmas, self.header.lemmas);
        let st = sc.state.get_or_insert_with(|| State::new(n));
        st.reset(n);
        sc.scores.resize(self.table.stride(), 0);
        while !st.is_terminal() {
            if !st.legal(Move::Left) && !st.legal(Move::Right) {
                // Only Shift is possible (the first move): nothing to score.
                st.apply(Move::Shift, 0);
                continue;
            }
            feats::extract(&sc.tokens, st, &mut sc.feats);
            sc.scores.iter_mut().for_each(|s| *s = 0);
            self.table.score(&sc.feats, &mut sc.scores, &mut sc.gather);
            let legal = [
                st.legal(Move::Shift),
                st.legal(Move::Left),
                st.legal(Move::Right),
            ];
            let mut best: Option<(i32, usize)> = None;
            for (c, &(m, _)) in self.header.classes.iter().enumerate() {
                if legal[m as usize] && best.is_none_or(|(s, _)| sc.scores[c] > s) {
                    best = Some((sc.scores[c], c));
                }
            }
            match best {
                Some((_, c)) => {
                    let (m, l) = self.header.classes[c];
                    st.apply(m, l);
                }
                // A model without some move's classes: fall back to any legal move.
                None => {
                    let m = [Move::Shift, Move::Right, Move::Left]
                        .into_iter()
                        .find(|&m| st.legal(m))
                        .unwrap_or(Move::Right);
                    st.apply(m, 0);
                }
            }
        }
        (1..=n)
            .map(|i| {
                let node = &st.nodes[i];
                let head = node.head as usize;
                Arc {
                    head: if head <= n { head } else { 0 },
                    label: node.label,
                }
            })
            .collect()
    }

    /// Drops weights smaller than `min_weight` in absolute value (and features left
    /// without weights): a smaller, faster model, usually at a small cost in accuracy.
    pub fn prune(&mut self, min_weight: f32) {
        self.table.prune(min_weight);
        let m = &mut self.header.manifest;
        m.pruned_below = m.pruned_below.max(min_weight);
        let (nf, nw) = self.table.size();
        self.header.manifest.n_features = nf;
        self.header.manifest.n_weights = nw;
    }

    /// The relation name of a label id (`"dep"` for an unknown id).
    pub fn label(&self, id: u16) -> &str {
        self.header
            .labels
            .get(usize::from(id))
            .map_or("dep", String::as_str)
    }

    /// All relation names, indexed by label id.
    pub fn labels(&self) -> &[String] {
        &self.header.labels
    }

    /// The model's provenance and scores.
    pub fn manifest(&self) -> &Manifest {
        &self.header.manifest
    }

    /// Mutable manifest, for the caller to record data files, test scores, timings.
    pub fn manifest_mut(&mut self) -> &mut Manifest {
        &mut self.header.manifest
    }

    /// Parses every sentence of `gold` with the tags it carries and scores the heads
    /// and relations against it (punctuation included, as the CoNLL 2018 scorer does).
    pub fn evaluate(&self, gold: &[Sentence]) -> Scores {
        let mut sc = Scratch::default();
        let (mut words, mut uas, mut las) = (0usize, 0usize, 0usize);
        for s in gold {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let upos: Vec<&str> = s.words.iter().map(|w| w.upos.as_str()).collect();
            let xpos: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
            let lemmas: Vec<&str> = s.words.iter().map(|w| w.lemma.as_str()).collect();
            let arcs = self.parse_with(&mut sc, &forms, &upos, &xpos, Some(&lemmas));
            for (w, a) in s.words.iter().zip(&arcs) {
                words += 1;
                if w.head == a.head {
                    uas += 1;
                    if universal(&w.deprel) == universal(self.label(a.label)) {
                        las += 1;
                    }
                }
            }
        }
        let frac = |k: usize| {
            if words == 0 {
                0.0
            } else {
                k as f64 / words as f64
            }
        };
        Scores {
            words,
            uas: frac(uas),
            las: frac(las),
        }
    }

    /// Serializes the model: zstd over magic, header JSON length and JSON, weights.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut raw = Vec::new();
        raw.extend_from_slice(MAGIC);
        let header = serde_json::to_vec(&self.header).unwrap_or_default();
        raw.extend_from_slice(&(header.len() as u64).to_le_bytes());
        raw.extend_from_slice(&header);
        self.table.encode(&mut raw);
        // Compressing an in-memory buffer cannot fail short of allocation failure.
        zstd::bulk::compress(&raw, 19).unwrap_or_default()
    }

    /// Loads a model written by [`Parser::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ModelError> {
        let mut raw = Vec::new();
        zstd::stream::copy_decode(bytes, &mut raw)
            .map_err(|e| ModelError::Compression(e.to_string()))?;
        let rest = raw
            .strip_prefix(MAGIC.as_slice())
            .ok_or(ModelError::Magic)?;
        let (len, rest) = rest
            .split_first_chunk::<8>()
            .ok_or_else(|| ModelError::Corrupt("no header length".into()))?;
        let len = usize::try_from(u64::from_le_bytes(*len))
            .ok()
            .filter(|&l| l <= rest.len())
            .ok_or_else(|| ModelError::Corrupt("header length past the end".into()))?;
        let (head, weights) = rest.split_at(len);
        let header: Header =
            serde_json::from_slice(head).map_err(|e| ModelError::Header(e.to_string()))?;
        if header.version != VERSION {
            return Err(ModelError::Version {
                found: header.version,
                expected: VERSION.to_string(),
            });
        }
        let table = Table::decode(weights).map_err(ModelError::Corrupt)?;
        if table.n_classes() != header.classes.len()
            || header
                .classes
                .iter()
                .any(|&(_, l)| usize::from(l) >= header.labels.len().max(1))
        {
            return Err(ModelError::Corrupt(
                "class table does not match the weights".into(),
            ));
        }
        Ok(Parser::new(header, table))
    }
}

/// The universal part of a relation (`nmod:poss` → `nmod`).
fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

#[cfg(test)]
mod tests;
