//! Named-entity recognizer (stage `annotate`, third model): the words of one sentence →
//! PER / ORG / LOC mentions, as IOB2 tags (what `khabar annotate --from iob2` writes) or
//! as `(start, end, EntityLabel)` word spans.
//!
//! How: an averaged perceptron over BILOU labels (Ratinov & Roth 2009), greedy
//! left-to-right decoding restricted to valid BILOU transitions (so the output is always
//! well-formed; a beam is optional), with the two previous predicted labels as features;
//! hashed word, lowercase, affix, shape, capitalization, casing-statistics and ±2 context
//! features (see `feats.rs`). Name knowledge comes in two ways, both as BILOU-position
//! features of their matches: a built-in [`Lexicon`] stored in the model (the shipped one:
//! GeoNames places, Phoenix actors) and a pluggable external [`Gazetteer`] (for the
//! places and actors stages; the shipped model is trained without one). Training shuffles
//! with a fixed seed and keeps the epoch with the best dev F1: same data, same bytes.
//!
//! Input: word forms (`&str`, as the segmenter or UNER give them), optionally an external
//! gazetteer. Output: tags / spans; model bytes via [`Recognizer::to_bytes`].
//! Must not: do IO (model bytes come in and go out as `Vec<u8>`), panic on odd input
//! (empty sentences, empty or exotic words, gazetteer spans out of range).

mod eval;
mod feats;
mod lexicon;
mod train;

#[cfg(test)]
mod tests;

pub use eval::{Counts, Evaluation};
pub use lexicon::Lexicon;
pub use train::TrainOptions;

use crate::iob2;
use crate::model::{self, Manifest, ModelError, Table};
use article::EntityLabel;
use feats::{Casing, Prepared};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Format version of entity recognizer model files.
pub const VERSION: &str = "khabar.ner/1";

/// Human-readable summary of the feature set, recorded in the manifest.
pub const FEATURES: &str = "averaged perceptron, BILOU labels, greedy L→R constrained to \
valid BILOU transitions, trained on its own predicted history; features: bias, lowercase \
(digits→0), exact form, suffixes 1-4, prefixes 1-3, collapsed shape, last-3 shape, \
case/first/hyphen/period/digit/headline flags, casing bucket of the word type in the \
training text (+case, first) and of words ±1, words ±1 ±2, shapes ±1 ±2, bigrams w-1+w, \
w+w+1, w-2+w-1, w+1+w+2, shape trigram, w-1+shape, shape+w+1, case trigram, suffix-3 of \
w±1 + case; labels -1, -2, label bigram, label-1+word, label-1+shape; lexicon and \
gazetteer BILOU position (+case); word dropout in training, rare features cut";

/// One gazetteer match: words `start..end` (exclusive) of the sentence belong to an
/// entry of `class` (e.g. `"PLACE"`, `"ACTOR"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GazMatch<'a> {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// Name of the gazetteer (or entry class); becomes part of the feature.
    pub class: &'a str,
}

/// A dictionary the recognizer may consult: every (possibly overlapping) match in a
/// sentence. Matches turn into BILOU-position features (`PLACE` at `B`, …); they only
/// change the output of a model trained with the same gazetteer
/// ([`Recognizer::train_with`]). Closures `Fn(&[&str]) -> Vec<GazMatch<'static>>`
/// implement it, and so does the built-in [`Lexicon`].
pub trait Gazetteer {
    /// The matches in `words`; spans out of range are ignored.
    fn lookup<'a>(&'a self, words: &[&str]) -> Vec<GazMatch<'a>>;
}

impl<F> Gazetteer for F
where
    F: Fn(&[&str]) -> Vec<GazMatch<'static>>,
{
    fn lookup<'a>(&'a self, words: &[&str]) -> Vec<GazMatch<'a>> {
        self(words)
    }
}

/// The label set: `O`, then `B-`, `I-`, `L-`, `U-` for each entity type, and which label
/// may follow which.
#[derive(Debug, Clone, PartialEq)]
struct Labels {
    /// BILOU names ("O", "B-PER", …), also the history feature strings.
    names: Vec<String>,
    /// The IOB2 tag of each label.
    iob2: Vec<String>,
    /// Allowed labels after label `p` (index `names.len()` = sentence start).
    next: Vec<Vec<usize>>,
    /// The same, for the last word of a sentence (no `B-`/`I-`: every entity closes).
    last: Vec<Vec<usize>>,
}

const POSITIONS: [&str; 4] = ["B", "I", "L", "U"];

impl Labels {
    fn new(types: &[String]) -> Labels {
        let mut names = vec!["O".to_string()];
        let mut iob2 = vec!["O".to_string()];
        for t in types {
            for p in POSITIONS {
                names.push(format!("{p}-{t}"));
                iob2.push(format!(
                    "{}-{t}",
                    if matches!(p, "B" | "U") { "B" } else { "I" }
                ));
            }
        }
        let n = names.len();
        let outside: Vec<usize> = (0..n)
            .filter(|&c| c == 0 || matches!((c - 1) % 4, 0 | 3))
            .collect();
        let outside_last: Vec<usize> = (0..n).filter(|&c| c == 0 || (c - 1) % 4 == 3).collect();
        let mut next = Vec::with_capacity(n + 1);
        let mut last = Vec::with_capacity(n + 1);
        for p in 0..=n {
            if p > 0 && p < n && matches!((p - 1) % 4, 0 | 1) {
                // Inside an entity: continue (I) or close (L) the same type.
                let base = p - (p - 1) % 4;
                next.push(vec![base + 1, base + 2]);
                last.push(vec![base + 2]);
            } else {
                next.push(outside.clone());
                last.push(outside_last.clone());
            }
        }
        Labels {
            names,
            iob2,
            next,
            last,
        }
    }

    fn len(&self) -> usize {
        self.names.len()
    }

    /// The two previous labels as history feature parts, given the labels so far (ids
    /// past the label set stand for the positions before the sentence).
    fn history(&self, so_far: &[u16]) -> (u64, u64) {
        let n = so_far.len();
        let at = |back: usize, start: usize| {
            n.checked_sub(back)
                .map_or(start as u64, |j| u64::from(so_far[j]))
        };
        (at(1, self.len()), at(2, self.len() + 1))
    }

    /// Type index and BILOU position (0..4) of a label; None for `O`.
    fn parts(&self, c: usize) -> Option<(usize, usize)> {
        (c > 0 && c < self.len()).then(|| ((c - 1) / 4, (c - 1) % 4))
    }

    /// Allowed labels for word `i` of `n` after label `prev` (None at the start).
    fn allowed(&self, prev: Option<usize>, i: usize, n: usize) -> &[usize] {
        let p = prev.unwrap_or(self.len()).min(self.len());
        if i + 1 == n {
            &self.last[p]
        } else {
            &self.next[p]
        }
    }

    /// BILOU labels of IOB2 tags; types not in the label set become `O`.
    fn encode(&self, types: &[String], tags: &[&str]) -> Vec<u16> {
        let mut out = vec![0u16; tags.len()];
        for (s, e, kind) in iob2::spans(tags) {
            let Some(t) = types.iter().position(|k| *k == kind) else {
                continue;
            };
            let base = 1 + 4 * t;
            if e - s == 1 {
                out[s] = (base + 3) as u16;
            } else {
                for (i, slot) in out.iter_mut().enumerate().take(e).skip(s) {
                    let pos = if i == s {
                        0
                    } else if i + 1 == e {
                        2
                    } else {
                        1
                    };
                    *slot = (base + pos) as u16;
                }
            }
        }
        out
    }
}

/// Index of the highest score among `allowed` (first on ties).
#[inline]
fn best_of(scores: &[f32], allowed: &[usize]) -> usize {
    let mut best = allowed.first().copied().unwrap_or(0);
    let mut best_score = f32::NEG_INFINITY;
    for &c in allowed {
        if let Some(&s) = scores.get(c) {
            if s > best_score {
                best_score = s;
                best = c;
            }
        }
    }
    best
}

/// Constrained left-to-right decoding with any scorer (weights in training, the table
/// after): greedy when `width` is 1, else a beam of `width` label sequences ranked by
/// summed scores. The static scores of all words are computed first: those lookups do
/// not wait on each other, so their memory accesses overlap.
fn decode(
    labels: &Labels,
    p: &Prepared,
    score: &dyn Fn(&[u64], &mut [f32]),
    width: usize,
    out: &mut Vec<u16>,
) {
    out.clear();
    let (n, k) = (p.len(), labels.len());
    let mut scores = vec![0.0f32; n * k];
    for (i, s) in scores.chunks_exact_mut(k).enumerate() {
        score(p.features(i), s);
    }
    if width <= 1 {
        for (i, s) in scores.chunks_exact_mut(k).enumerate() {
            let prev = i.checked_sub(1).map(|j| usize::from(out[j]));
            let (l1, l2) = labels.history(out);
            score(&feats::dynamic(p, i, l1, l2), s);
            out.push(best_of(s, labels.allowed(prev, i, n)) as u16);
        }
        return;
    }
    // Beam: per position, the kept hypotheses as (label, index of the parent hypothesis
    // at the previous position); `live` holds (total score, l1, l2) of each.
    let start = (labels.len() as u16, labels.len() as u16 + 1);
    let mut live: Vec<(f32, u16, u16)> = vec![(0.0, start.0, start.1)];
    let mut back: Vec<Vec<(u16, u32)>> = Vec::with_capacity(n);
    let mut cand: Vec<(f32, u32, u16)> = Vec::new();
    let mut dyn_scores = vec![0.0f32; k];
    for (i, s) in scores.chunks_exact(k).enumerate() {
        cand.clear();
        for (j, &(total, l1, l2)) in live.iter().enumerate() {
            dyn_scores.copy_from_slice(s);
            score(
                &feats::dynamic(p, i, u64::from(l1), u64::from(l2)),
                &mut dyn_scores,
            );
            let prev = (usize::from(l1) < k).then_some(usize::from(l1));
            for &c in labels.allowed(prev, i, n) {
                cand.push((total + dyn_scores[c], j as u32, c as u16));
            }
        }
        // Best first; ties by parent, then label (deterministic).
        cand.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        cand.truncate(width);
        let mut next = Vec::with_capacity(cand.len());
        let mut step = Vec::with_capacity(cand.len());
        for &(total, j, c) in &cand {
            let l1 = live[j as usize].1;
            next.push((total, c, l1));
            step.push((c, j));
        }
        live = next;
        back.push(step);
    }
    // Follow the parents back from the best final hypothesis (index 0).
    out.resize(n, 0);
    let mut j = 0u32;
    for i in (0..n).rev() {
        let (c, parent) = back[i].get(j as usize).copied().unwrap_or((0, 0));
        out[i] = c;
        j = parent;
    }
}

/// Longest name (in words) that document-level consistency propagates.
const MAX_PROPAGATED: usize = 6;

/// Document-level consistency (see [`Recognizer::recognize_document`]) on label ids.
fn propagate(labels: &Labels, sentences: &[&[&str]], ids: &mut [Vec<u16>]) {
    let capitalized = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // Names found: words joined by U+001F → votes per type.
    let mut names: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (words, labs) in sentences.iter().zip(ids.iter()) {
        let mut start = 0;
        for (i, &c) in labs.iter().enumerate() {
            match labels.parts(usize::from(c)) {
                Some((_, 0)) => start = i,
                Some((t, p)) if p >= 2 => {
                    let s = if p == 3 { i } else { start };
                    let name = &words[s..=i];
                    let is_name = name.len() <= MAX_PROPAGATED
                        && name.iter().all(|w| {
                            capitalized(w) || !w.chars().next().is_some_and(char::is_alphabetic)
                        });
                    if is_name {
                        let votes = names
                            .entry(name.join("\u{1f}"))
                            .or_insert_with(|| vec![0; labels.len() / 4]);
                        if let Some(v) = votes.get_mut(t) {
                            *v += 1;
                        }
                    }
                }
                _ => {}
            }
        }
    }
    if names.is_empty() {
        return;
    }
    for (words, labs) in sentences.iter().zip(ids.iter_mut()) {
        let n = words.len().min(labs.len());
        let mut i = 0;
        while i < n {
            let free = |k: usize| labs[k] == 0;
            let mut found = None;
            if capitalized(words[i]) && free(i) {
                for len in (1..=MAX_PROPAGATED.min(n - i)).rev() {
                    if !(i..i + len).all(free) {
                        continue;
                    }
                    if let Some(votes) = names.get(&words[i..i + len].join("\u{1f}")) {
                        // The most votes; ties go to the first type.
                        let t = (0..votes.len())
                            .rev()
                            .max_by_key(|&t| votes[t])
                            .unwrap_or(0);
                        found = Some((len, t));
                        break;
                    }
                }
            }
            match found {
                Some((len, t)) => {
                    let base = 1 + 4 * t as u16;
                    if len == 1 {
                        labs[i] = base + 3;
                    } else {
                        labs[i] = base;
                        for l in labs.iter_mut().take(i + len - 1).skip(i + 1) {
                            *l = base + 1;
                        }
                        labs[i + len - 1] = base + 2;
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
    }
}

/// The serialized part of a model besides the weights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Header {
    version: String,
    manifest: Manifest,
    /// Entity types, in label order.
    types: Vec<String>,
    /// Casing bucket (`L`, `l`, `c`, `C`, `A`) of frequent lowercase word types.
    casing: BTreeMap<String, char>,
    /// Whether the weights were trained with an external gazetteer's features.
    gazetteer: bool,
    /// The built-in name lexicon (empty when trained without one).
    #[serde(default)]
    lexicon: Lexicon,
    options: TrainOptions,
}

/// A trained entity recognizer.
#[derive(Debug, Clone)]
pub struct Recognizer {
    header: Header,
    table: Table,
    labels: Labels,
    casing: Casing,
}

impl PartialEq for Recognizer {
    fn eq(&self, other: &Self) -> bool {
        self.header == other.header && self.table == other.table
    }
}

impl Recognizer {
    fn assemble(mut header: Header, table: Table) -> Recognizer {
        header.lexicon.build_index();
        let labels = Labels::new(&header.types);
        let casing = header
            .casing
            .iter()
            .filter(|(_, c)| c.is_ascii())
            .map(|(k, c)| (feats::hash_str(k), *c as u8))
            .collect();
        Recognizer {
            header,
            table,
            labels,
            casing,
        }
    }

    /// Trains on `train` (IOB2 sentences; types not in `options.types` count as `O`),
    /// keeps the epoch with the best exact-span F1 on `dev`, logging one line per epoch.
    /// Deterministic: the same data and options give the same model bytes.
    pub fn train(
        train: &[iob2::Sentence],
        dev: &[iob2::Sentence],
        options: &TrainOptions,
        log: &mut dyn FnMut(&str),
    ) -> Recognizer {
        train::train(train, dev, options, None, None, log)
    }

    /// [`Recognizer::train`] with name knowledge: a built-in `lexicon` (stored in the
    /// model and matched in every sentence from then on) and/or an external `gazetteer`
    /// (consulted on every training and dev sentence; pass the same one to
    /// [`Recognizer::recognize_with`]).
    pub fn train_with(
        train: &[iob2::Sentence],
        dev: &[iob2::Sentence],
        options: &TrainOptions,
        lexicon: Option<Lexicon>,
        gazetteer: Option<&dyn Gazetteer>,
        log: &mut dyn FnMut(&str),
    ) -> Recognizer {
        train::train(train, dev, options, lexicon, gazetteer, log)
    }

    /// Static features of a sentence: built-in lexicon and external gazetteer matches.
    fn prepare(&self, words: &[&str], gazetteer: Option<&dyn Gazetteer>) -> Prepared {
        let mut matches = self.header.lexicon.lookup(words);
        if let Some(g) = gazetteer {
            matches.extend(g.lookup(words));
        }
        feats::prepare(&self.casing, words, &matches)
    }

    /// BILOU label ids of the words (internal; see [`Recognizer::recognize`]).
    fn label_ids(&self, words: &[&str], gazetteer: Option<&dyn Gazetteer>, out: &mut Vec<u16>) {
        let p = self.prepare(words, gazetteer);
        let width = self.header.options.beam;
        decode(
            &self.labels,
            &p,
            &|f, s| self.table.score_into(f, s),
            width,
            out,
        );
    }

    /// IOB2 tags of the words ("B-PER", "I-ORG", "O"): one per word, always well-formed.
    pub fn recognize(&self, words: &[&str]) -> Vec<String> {
        self.recognize_opt(words, None)
    }

    /// [`Recognizer::recognize`] with gazetteer matches as features.
    pub fn recognize_with(&self, words: &[&str], gazetteer: &dyn Gazetteer) -> Vec<String> {
        self.recognize_opt(words, Some(gazetteer))
    }

    fn recognize_opt(&self, words: &[&str], gazetteer: Option<&dyn Gazetteer>) -> Vec<String> {
        let mut ids = Vec::with_capacity(words.len());
        self.label_ids(words, gazetteer, &mut ids);
        ids.iter()
            .map(|&c| {
                self.labels
                    .iob2
                    .get(usize::from(c))
                    .cloned()
                    .unwrap_or_else(|| "O".to_string())
            })
            .collect()
    }

    /// Entity mentions as word spans `(start, end exclusive, label)`, in order.
    pub fn entities(&self, words: &[&str]) -> Vec<(usize, usize, EntityLabel)> {
        self.entities_opt(words, None)
    }

    /// [`Recognizer::entities`] with gazetteer matches as features.
    pub fn entities_with(
        &self,
        words: &[&str],
        gazetteer: &dyn Gazetteer,
    ) -> Vec<(usize, usize, EntityLabel)> {
        self.entities_opt(words, Some(gazetteer))
    }

    fn entities_opt(
        &self,
        words: &[&str],
        gazetteer: Option<&dyn Gazetteer>,
    ) -> Vec<(usize, usize, EntityLabel)> {
        let mut ids = Vec::with_capacity(words.len());
        self.label_ids(words, gazetteer, &mut ids);
        let mut out = Vec::new();
        let mut open: Option<(usize, usize)> = None;
        for (i, &c) in ids.iter().enumerate() {
            match self.labels.parts(usize::from(c)) {
                Some((t, 0)) => open = Some((i, t)),
                Some((t, 3)) => {
                    open = None;
                    if let Some(l) = self.label_of(t) {
                        out.push((i, i + 1, l));
                    }
                }
                Some((t, 2)) => {
                    if let Some((s, ot)) = open.take() {
                        if ot == t {
                            if let Some(l) = self.label_of(t) {
                                out.push((s, i + 1, l));
                            }
                        }
                    }
                }
                Some(_) => {}
                None => open = None,
            }
        }
        out
    }

    fn label_of(&self, t: usize) -> Option<EntityLabel> {
        match self.header.types.get(t).map(String::as_str) {
            Some("PER") => Some(EntityLabel::Per),
            Some("ORG") => Some(EntityLabel::Org),
            Some("LOC") => Some(EntityLabel::Loc),
            _ => None,
        }
    }

    /// Exact-span scores of the predictions on `sentences` against their tags, taken as
    /// they are (like `score_nlp.py iob2`: gold types the model lacks count as missed).
    pub fn evaluate(&self, sentences: &[iob2::Sentence]) -> Evaluation {
        self.evaluate_opt(sentences, None)
    }

    /// [`Recognizer::evaluate`] with gazetteer matches as features.
    pub fn evaluate_with(
        &self,
        sentences: &[iob2::Sentence],
        gazetteer: &dyn Gazetteer,
    ) -> Evaluation {
        self.evaluate_opt(sentences, Some(gazetteer))
    }

    fn evaluate_opt(
        &self,
        sentences: &[iob2::Sentence],
        gazetteer: Option<&dyn Gazetteer>,
    ) -> Evaluation {
        let mut e = Evaluation::default();
        for s in sentences {
            let words = s.words();
            let gold: Vec<&str> = s.rows.iter().map(iob2::Row::tag).collect();
            let pred = self.recognize_opt(&words, gazetteer);
            let pred: Vec<&str> = pred.iter().map(String::as_str).collect();
            e.add(&gold, &pred);
        }
        e
    }

    /// Tags of every sentence of one document: [`Recognizer::recognize`] per sentence,
    /// then document-level consistency: a name tagged somewhere in the document (all its
    /// words capitalized) also tags its untagged, capitalized repeats elsewhere (longest
    /// name first; the most frequent type wins). Always well-formed IOB2.
    pub fn recognize_document(&self, sentences: &[&[&str]]) -> Vec<Vec<String>> {
        let mut ids: Vec<Vec<u16>> = sentences
            .iter()
            .map(|words| {
                let mut out = Vec::with_capacity(words.len());
                self.label_ids(words, None, &mut out);
                out
            })
            .collect();
        propagate(&self.labels, sentences, &mut ids);
        ids.iter()
            .map(|s| {
                s.iter()
                    .map(|&c| {
                        self.labels
                            .iob2
                            .get(usize::from(c))
                            .cloned()
                            .unwrap_or_else(|| "O".to_string())
                    })
                    .collect()
            })
            .collect()
    }

    /// Like [`Recognizer::evaluate`], with [`Recognizer::recognize_document`] over each
    /// document (a sentence with a `# newdoc` comment starts one).
    pub fn evaluate_documents(&self, sentences: &[iob2::Sentence]) -> Evaluation {
        let mut e = Evaluation::default();
        let mut start = 0;
        while start < sentences.len() {
            let end = (start + 1..sentences.len())
                .find(|&k| {
                    sentences[k]
                        .comments
                        .iter()
                        .any(|c| c.starts_with("# newdoc"))
                })
                .unwrap_or(sentences.len());
            let doc = &sentences[start..end];
            let words: Vec<Vec<&str>> = doc.iter().map(iob2::Sentence::words).collect();
            let refs: Vec<&[&str]> = words.iter().map(Vec::as_slice).collect();
            for (s, pred) in doc.iter().zip(self.recognize_document(&refs)) {
                let gold: Vec<&str> = s.rows.iter().map(iob2::Row::tag).collect();
                let pred: Vec<&str> = pred.iter().map(String::as_str).collect();
                e.add(&gold, &pred);
            }
            start = end;
        }
        e
    }

    /// The built-in name lexicon (empty when the model was trained without one).
    pub fn lexicon(&self) -> &Lexicon {
        &self.header.lexicon
    }

    /// Entity types the model predicts ("PER", "ORG", "LOC").
    pub fn types(&self) -> &[String] {
        &self.header.types
    }

    /// Provenance and scores.
    pub fn manifest(&self) -> &Manifest {
        &self.header.manifest
    }

    /// Provenance and scores, for the training program to fill in.
    pub fn manifest_mut(&mut self) -> &mut Manifest {
        &mut self.header.manifest
    }

    /// Number of features and of (feature, label) weights.
    pub fn size(&self) -> (usize, usize) {
        (self.table.len(), self.table.n_weights())
    }

    /// The model file: zstd-compressed header JSON (version, manifest, types, casing
    /// table, options) and binary weights. Deterministic.
    pub fn to_bytes(&self) -> Vec<u8> {
        model::pack(&self.header, &[&self.table], 19)
    }

    /// Loads a model written by [`Recognizer::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Recognizer, ModelError> {
        let (header, mut tables): (Header, Vec<Table>) = model::unpack(bytes, VERSION)?;
        if tables.len() != 1 {
            return Err(ModelError::Corrupt(format!(
                "expected 1 weight table, found {}",
                tables.len()
            )));
        }
        let table = tables.remove(0);
        let n_labels = 1 + 4 * header.types.len();
        if table.n_classes() != n_labels {
            return Err(ModelError::Corrupt(format!(
                "{} weight classes for {n_labels} labels",
                table.n_classes()
            )));
        }
        Ok(Recognizer::assemble(header, table))
    }
}
