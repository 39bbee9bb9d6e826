//! Parser training (stage `annotate`, build time): online averaged-perceptron updates
//! against the dynamic oracle, with error exploration after the first epochs
//! (Goldberg & Nivre 2012, 2013); training trees are projectivized first; the epoch
//! with the best dev LAS is kept.
//!
//! Input: CoNLL-U sentences (words, UPOS, XPOS, lemmas, heads, relations).
//! Output: a [`Parser`], and progress lines through the caller's `log`.
//! Must not: do IO or read clocks (the caller times and logs), depend on anything but
//! the data and the options (same input and seed, same model bytes).

use super::feats::{self, Tokens};
use super::system::{self, Gold, Move, State, Tok};
use super::{Header, Manifest, Parser, Scores, Table, TrainOptions, FEATURE_SET, VERSION};
use crate::conllu::Sentence;
use crate::perceptron::Trainer;
use std::collections::BTreeMap;

/// SplitMix64: a small, fixed, portable random source for shuffling and exploration.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One training sentence, ready for the oracle.
struct Example {
    tokens: Tokens,
    gold: Gold,
}

/// Trains a parser on `train`, selecting the epoch by LAS on `dev` (the last epoch when
/// `dev` is empty). Sentences whose heads do not form a tree are skipped; non-projective
/// trees are projectivized by lifting. `log` receives one line per epoch.
pub fn train(
    train: &[Sentence],
    dev: &[Sentence],
    options: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Parser {
    // Label inventory, sorted for determinism.
    let mut labels: Vec<String> = train
        .iter()
        .flat_map(|s| s.words.iter().map(|w| w.deprel.clone()))
        .collect();
    labels.sort();
    labels.dedup();
    if labels.is_empty() {
        labels.push("dep".to_string());
    }
    let label_id = |l: &str| labels.binary_search_by(|x| x.as_str().cmp(l)).unwrap_or(0) as u16;

    let (mut skipped, mut lifted, mut nonproj) = (0usize, 0usize, 0usize);
    let mut examples = Vec::with_capacity(train.len());
    let mut seen = [vec![false; labels.len()], vec![false; labels.len()]];
    for s in train {
        let n = s.words.len();
        let mut heads: Vec<Tok> = Vec::with_capacity(n + 1);
        heads.push(0);
        heads.extend(s.words.iter().map(|w| w.head.min(u32::MAX as usize) as Tok));
        let roots = heads.iter().skip(1).filter(|&&h| h == 0).count();
        if n == 0 || !system::is_tree(&heads) || roots != 1 || n >= u32::MAX as usize - 2 {
            skipped += 1;
            continue;
        }
        let l = system::projectivize(&mut heads);
        lifted += l;
        nonproj += usize::from(l > 0);
        let mut lab = vec![0u16];
        lab.extend(s.words.iter().map(|w| label_id(&w.deprel)));
        for d in 1..=n {
            let dir = usize::from(heads[d] as usize <= d); // 0 = left arc, 1 = right arc
            seen[dir][usize::from(lab[d])] = true;
        }
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let upos: Vec<&str> = s.words.iter().map(|w| w.upos.as_str()).collect();
        let xpos: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
        let lemmas: Vec<&str> = s.words.iter().map(|w| w.lemma.as_str()).collect();
        let mut tokens = Tokens::default();
        tokens.fill(&forms, &upos, &xpos, Some(&lemmas), options.lemmas);
        examples.push(Example {
            tokens,
            gold: Gold::new(heads, lab),
        });
    }
    log(&format!(
        "parser: {} training sentences ({} skipped as not a tree, {} non-projective with {} arcs lifted), {} labels",
        examples.len(),
        skipped,
        nonproj,
        lifted,
        labels.len()
    ));

    // Classes: Shift, then (Left, l) and (Right, l) for the labels seen in each direction.
    let mut classes: Vec<(Move, u16)> = vec![(Move::Shift, 0)];
    let mut class_of = [
        vec![usize::MAX; labels.len()],
        vec![usize::MAX; labels.len()],
    ];
    for (dir, m) in [(0, Move::Left), (1, Move::Right)] {
        for l in 0..labels.len() {
            if seen[dir][l] {
                class_of[dir][l] = classes.len();
                classes.push((m, l as u16));
            }
        }
    }

    let mut trainer = Trainer::new(classes.len());
    let mut rng = Rng(options.seed ^ 0x5041_5253_4552_0001);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut best: Option<(Scores, usize, Table)> = None;
    let mut st = State::new(0);
    let mut fv = Vec::with_capacity(128);
    let mut on_stack = Vec::new();
    let mut costs = vec![0u32; classes.len()];
    for epoch in 0..options.epochs.max(1) {
        // Fisher–Yates with the fixed-seed generator.
        for i in (1..order.len()).rev() {
            let j = rng.below(i + 1);
            order.swap(i, j);
        }
        let explore = epoch >= options.explore_after;
        let (mut states, mut errors) = (0usize, 0usize);
        for &k in &order {
            let ex = &examples[k];
            let n = ex.gold.heads.len() - 1;
            st.reset(n);
            on_stack.clear();
            on_stack.resize(n + 2, false);
            on_stack[0] = true;
            while !st.is_terminal() {
                feats::extract(&ex.tokens, &st, &mut fv);
                let scores = trainer.scores(&fv);
                let mc = system::move_costs(&st, &ex.gold, &on_stack);
                let s0 = st.s(0);
                let (gh, gl) = (ex.gold.heads[s0 as usize], ex.gold.labels[s0 as usize]);
                let (b0, s1) = (st.b, st.s(1));
                // Labeled costs, the best-scoring move and the best-scoring cheapest move.
                let mut min_cost = u32::MAX;
                for (c, &(m, l)) in classes.iter().enumerate() {
                    let base = mc[m as usize];
                    costs[c] = if base == u32::MAX {
                        u32::MAX
                    } else {
                        let wrong_label = l != gl
                            && match m {
                                Move::Shift => false,
                                Move::Left => gh == b0,
                                Move::Right => gh == s1,
                            };
                        base + u32::from(wrong_label)
                    };
                    min_cost = min_cost.min(costs[c]);
                }
                let (mut pred, mut gold_best) = (usize::MAX, usize::MAX);
                for c in 0..classes.len() {
                    if costs[c] == u32::MAX {
                        continue;
                    }
                    if pred == usize::MAX || scores[c] > scores[pred] {
                        pred = c;
                    }
                    if costs[c] == min_cost
                        && (gold_best == usize::MAX || scores[c] > scores[gold_best])
                    {
                        gold_best = c;
                    }
                }
                if pred == usize::MAX {
                    // No class for any legal move (cannot happen with a tree's labels).
                    break;
                }
                trainer.tick();
                states += 1;
                if costs[pred] > min_cost {
                    errors += 1;
                    trainer.update(&fv, gold_best, pred);
                }
                let next = if explore && rng.unit() < options.explore_prob {
                    pred
                } else {
                    gold_best
                };
                let (m, l) = classes[next];
                match m {
                    Move::Shift => on_stack[st.b as usize] = true,
                    _ => on_stack[s0 as usize] = false,
                }
                st.apply(m, l);
            }
        }
        let table = Table::from_weights(&trainer.average(options.min_weight));
        let (nf, nw) = table.size();
        let probe = Parser::new(header(&labels, &classes, options, 0), table);
        let scores = probe.evaluate(dev);
        log(&format!(
            "parser: epoch {}: train error rate {:.2}% of {} states{}; dev UAS {:.2} LAS {:.2}; {} features, {} weights",
            epoch + 1,
            100.0 * errors as f64 / states.max(1) as f64,
            states,
            if explore { " (exploring)" } else { "" },
            100.0 * scores.uas,
            100.0 * scores.las,
            nf,
            nw
        ));
        let better = match &best {
            None => true,
            Some((b, _, _)) => dev.is_empty() || (scores.las, scores.uas) > (b.las, b.uas),
        };
        if better {
            best = Some((scores, epoch + 1, probe.table));
        }
    }
    let (scores, epoch, table) = match best {
        Some(b) => b,
        None => (
            Scores::default(),
            0,
            Table::from_weights(&trainer.average(0.0)),
        ),
    };
    let (nf, nw) = table.size();
    let mut h = header(&labels, &classes, options, epoch);
    h.manifest.n_features = nf;
    h.manifest.n_weights = nw;
    if !dev.is_empty() {
        h.manifest.scores.insert("dev_uas".into(), scores.uas);
        h.manifest.scores.insert("dev_las".into(), scores.las);
    }
    log(&format!(
        "parser: kept epoch {epoch} (dev UAS {:.2} LAS {:.2})",
        100.0 * scores.uas,
        100.0 * scores.las
    ));
    Parser::new(h, table)
}

fn header(
    labels: &[String],
    classes: &[(Move, u16)],
    options: &TrainOptions,
    epoch: usize,
) -> Header {
    Header {
        version: VERSION.to_string(),
        manifest: Manifest {
            version: VERSION.to_string(),
            features: FEATURE_SET.to_string(),
            tags: "as given in the training data".to_string(),
            options: Some(options.clone()),
            best_epoch: epoch,
            scores: BTreeMap::new(),
            ..Manifest::default()
        },
        labels: labels.to_vec(),
        classes: classes.to_vec(),
        lemmas: options.lemmas,
    }
}
