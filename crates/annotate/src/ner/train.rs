//! Training of the entity recognizer (stage `annotate`, `ner`, build time): IOB2
//! sentences → casing table + averaged perceptron weights → [`Recognizer`].
//!
//! Each epoch visits the training sentences in a fixed-seed shuffled order, decodes
//! greedily with the current weights (unconstrained, history = its own predictions, so
//! the history features see the mistakes they will see at run time) and updates on every
//! wrong label; after each epoch the averaged, pruned weights are scored on dev (exact
//! spans, constrained decoding) and the best epoch is kept.
//! Must not: do IO, depend on hash-map iteration order (determinism).

use super::feats;
use super::{decode, Gazetteer, Header, Labels, Lexicon, Recognizer, FEATURES, VERSION};
use crate::iob2;
use crate::model::{Manifest, Table};
use crate::perceptron::{argmax, shuffle, splitmix, Trainer, Weights};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Training settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainOptions {
    /// Passes over the training data (the best one on dev is kept).
    pub epochs: usize,
    /// Seed of the per-epoch shuffle.
    pub seed: u64,
    /// Averaged weights with a smaller magnitude are dropped (model size).
    pub min_weight: f32,
    /// Entity types to learn; other tags (UNER's `OTH`, malformed `B-O`) count as `O`.
    pub types: Vec<String>,
    /// Word types seen fewer times (outside sentence starts) get no casing bucket, so
    /// rare training words look like unseen ones.
    pub casing_min_count: u32,
    /// Share of training words whose own form features (exact and lowercase word) are
    /// hidden, so that context, shape and affix features learn to find unseen names.
    #[serde(default)]
    pub word_dropout: f64,
    /// Word features (static, not history) seen in fewer training words get no weight:
    /// a smaller, faster model that leans less on one-off evidence.
    #[serde(default)]
    pub min_feature_count: u32,
    /// Beam width of decoding (1 = greedy); used for dev selection and stored for
    /// recognition.
    #[serde(default = "one")]
    pub beam: usize,
}

fn one() -> usize {
    1
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            seed: 1,
            min_weight: 0.5,
            types: vec!["PER".into(), "ORG".into(), "LOC".into()],
            casing_min_count: 3,
            word_dropout: 0.2,
            min_feature_count: 3,
            beam: 1,
        }
    }
}

/// Casing bucket of every word type seen at least `min_count` times outside the first
/// position of a sentence.
fn build_casing(train: &[iob2::Sentence], min_count: u32) -> BTreeMap<String, char> {
    let mut counts: HashMap<String, [u32; 3]> = HashMap::new();
    for s in train {
        for r in s.rows.iter().skip(1) {
            let w = r.word();
            let k = match feats::case_of(w) {
                feats::Case::Lower => 0,
                feats::Case::Title => 1,
                feats::Case::Caps => 2,
                feats::Case::Other => continue,
            };
            counts.entry(feats::normalize(w)).or_default()[k] += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, c)| c.iter().sum::<u32>() >= min_count.max(1))
        .map(|(w, c)| (w, char::from(feats::bucket(c[0], c[1], c[2]))))
        .collect()
}

/// `x` rounded to 4 decimals: such numbers survive a JSON round trip exactly.
pub(super) fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

/// Trains a recognizer; see [`Recognizer::train`].
pub(super) fn train(
    train: &[iob2::Sentence],
    dev: &[iob2::Sentence],
    options: &TrainOptions,
    lexicon: Option<Lexicon>,
    gazetteer: Option<&dyn Gazetteer>,
    log: &mut dyn FnMut(&str),
) -> Recognizer {
    let header = Header {
        version: VERSION.to_string(),
        manifest: Manifest {
            version: VERSION.to_string(),
            features: FEATURES.to_string(),
            ..Manifest::default()
        },
        types: options.types.clone(),
        casing: build_casing(train, options.casing_min_count),
        gazetteer: gazetteer.is_some(),
        lexicon: lexicon.unwrap_or_default(),
        options: options.clone(),
    };
    // A recognizer with empty weights: its tables serve feature extraction.
    let mut rec = Recognizer::assemble(header, Table::default());
    let labels: Labels = rec.labels.clone();
    let n_labels = labels.len();
    let examples: Vec<(feats::Prepared, Vec<u16>)> = train
        .iter()
        .filter(|s| !s.rows.is_empty())
        .map(|s| {
            let words = s.words();
            let tags: Vec<&str> = s.rows.iter().map(iob2::Row::tag).collect();
            (
                rec.prepare(&words, gazetteer),
                labels.encode(&options.types, &tags),
            )
        })
        .collect();
    let dev_prepared: Vec<(feats::Prepared, Vec<&str>)> = dev
        .iter()
        .map(|s| {
            let words = s.words();
            let tags: Vec<&str> = s.rows.iter().map(iob2::Row::tag).collect();
            (rec.prepare(&words, gazetteer), tags)
        })
        .collect();

    let mut examples = examples;
    if options.min_feature_count > 1 {
        let mut counts: feats::HashedMap<u32> = feats::HashedMap::default();
        for (p, _) in &examples {
            for f in &p.stat {
                *counts.entry(*f).or_default() += 1;
            }
        }
        // Rare features become 0, which training skips (positions stay as they were).
        for (p, _) in &mut examples {
            for f in &mut p.stat {
                if counts.get(f).copied().unwrap_or(0) < options.min_feature_count {
                    *f = 0;
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = options.seed;
    let mut drop_rng = options.seed ^ 0x5eed_d209;
    let mut trainer = Trainer::new(n_labels);
    let mut best: Option<(f64, usize, Weights)> = None;
    let mut guesses: Vec<u16> = Vec::new();
    let mut features: Vec<u64> = Vec::new();
    for epoch in 1..=options.epochs.max(1) {
        shuffle(&mut order, &mut rng);
        let (mut seen, mut right) = (0usize, 0usize);
        for &k in &order {
            let (p, gold) = &examples[k];
            guesses.clear();
            for (i, &truth) in gold.iter().enumerate() {
                let (l1, l2) = labels.history(&guesses);
                features.clear();
                let own = p.features(i);
                let drop = options.word_dropout > 0.0 && {
                    let u = (splitmix(&mut drop_rng) >> 11) as f64 / (1u64 << 53) as f64;
                    u < options.word_dropout
                };
                // Templates 1 and 2 (lowercase and exact word) come second and third.
                let kept = own
                    .iter()
                    .enumerate()
                    .filter(|&(k, f)| *f != 0 && !(drop && matches!(k, 1 | 2)));
                features.extend(kept.map(|(_, f)| *f));
                features.extend_from_slice(&feats::dynamic(p, i, l1, l2));
                trainer.tick();
                let guess = argmax(&trainer.scores(&features));
                let truth = usize::from(truth);
                if guess != truth {
                    trainer.update(&features, truth, guess);
                } else {
                    right += 1;
                }
                seen += 1;
                guesses.push(guess as u16);
            }
        }
        let weights = trainer.average(options.min_weight);
        let mut eval = super::Evaluation::default();
        let mut out = Vec::new();
        for (p, gold) in &dev_prepared {
            decode(
                &labels,
                p,
                &|f, s| weights.score_into(f, s),
                options.beam,
                &mut out,
            );
            let pred: Vec<&str> = out
                .iter()
                .map(|&c| labels.iob2[usize::from(c)].as_str())
                .collect();
            eval.add(gold, &pred);
        }
        let all = eval.all();
        log(&format!(
            "epoch {epoch:2}: train label accuracy {:.4}, dev P {:.4} R {:.4} F1 {:.4}, {} features",
            right as f64 / seen.max(1) as f64,
            all.precision(),
            all.recall(),
            all.f1(),
            weights.len()
        ));
        if best.as_ref().is_none_or(|(f1, _, _)| all.f1() > *f1) {
            best = Some((all.f1(), epoch, weights));
        }
    }
    if let Some((f1, epoch, weights)) = best {
        log(&format!("kept epoch {epoch} (dev F1 {f1:.4})"));
        rec.header
            .manifest
            .scores
            .insert("dev_f1_selection".into(), round4(f1));
        rec.table = Table::from_weights(&weights);
    }
    rec
}
