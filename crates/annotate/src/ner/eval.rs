//! Exact-span entity scoring (stage `annotate`, `ner`, evaluation): gold and predicted
//! IOB2 tag sequences → per-type counts → precision, recall, F1.
//!
//! Computed exactly like `shared/score/score_nlp.py iob2`: spans from B-/I- tags (a
//! stray I- opens a span), a span is correct when start, end and type all match; per-type
//! and overall P/R/F1 with 0 where a denominator is 0.
//! Must not: map or drop types (the caller decides what the gold tags are).

use crate::iob2;
use std::collections::{BTreeMap, BTreeSet};

/// Span counts of one entity type (or all together).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Predicted spans that are in the gold (true positives).
    pub correct: usize,
    /// Predicted spans.
    pub predicted: usize,
    /// Gold spans.
    pub gold: usize,
}

impl Counts {
    /// Precision (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            0.0
        } else {
            self.correct as f64 / self.predicted as f64
        }
    }

    /// Recall (0 when there is no gold span).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.correct as f64 / self.gold as f64
        }
    }

    /// Harmonic mean of precision and recall (0 when both are 0).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: &Counts) {
        self.correct += other.correct;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

/// Exact-span scores accumulated over sentences, per entity type.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Evaluation {
    /// Counts per type (the part after `B-`/`I-`), in name order.
    pub by_type: BTreeMap<String, Counts>,
}

impl Evaluation {
    /// Adds one sentence: gold and predicted IOB2 tags (compared position by position; a
    /// shorter sequence is padded with `O`).
    pub fn add(&mut self, gold: &[&str], predicted: &[&str]) {
        let n = gold.len().max(predicted.len());
        let pad = |t: &[&str]| -> Vec<String> {
            (0..n)
                .map(|i| t.get(i).copied().unwrap_or("O").to_string())
                .collect()
        };
        let (g, p) = (pad(gold), pad(predicted));
        let as_refs = |v: &[String]| -> BTreeSet<(usize, usize, String)> {
            let refs: Vec<&str> = v.iter().map(String::as_str).collect();
            iob2::spans(&refs).into_iter().collect()
        };
        let (gs, ps) = (as_refs(&g), as_refs(&p));
        for s in &gs {
            self.by_type.entry(s.2.clone()).or_default().gold += 1;
        }
        for s in &ps {
            let c = self.by_type.entry(s.2.clone()).or_default();
            c.predicted += 1;
            if gs.contains(s) {
                c.correct += 1;
            }
        }
    }

    /// Counts over all types.
    pub fn all(&self) -> Counts {
        let mut total = Counts::default();
        for c in self.by_type.values() {
            total.add(c);
        }
        total
    }

    /// Counts of one type (zeros when absent).
    pub fn of(&self, kind: &str) -> Counts {
        self.by_type.get(kind).copied().unwrap_or_default()
    }

    /// One line per type plus `all` first, in `score_nlp.py`'s layout
    /// (`all    p 0.8123  r 0.7901  f1 0.8010  gold 1088`).
    pub fn report(&self) -> String {
        let line = |name: &str, c: &Counts| {
            format!(
                "{name:6} p {:.4}  r {:.4}  f1 {:.4}  gold {}\n",
                c.precision(),
                c.recall(),
                c.f1(),
                c.gold
            )
        };
        let mut out = line("all", &self.all());
        for (k, c) in &self.by_type {
            out.push_str(&line(k, c));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_exact_spans_like_score_nlp() {
        let mut e = Evaluation::default();
        e.add(
            &["B-PER", "I-PER", "O", "B-LOC", "I-ORG"],
            &["B-PER", "I-PER", "O", "B-LOC", "B-ORG"],
        );
        e.add(&["B-ORG", "I-ORG"], &["B-ORG", "O"]);
        assert_eq!(
            e.of("PER"),
            Counts {
                correct: 1,
                predicted: 1,
                gold: 1
            }
        );
        // The stray I-ORG is a one-word ORG span in the gold, same as the prediction.
        assert_eq!(
            e.of("ORG"),
            Counts {
                correct: 1,
                predicted: 2,
                gold: 2
            }
        );
        let all = e.all();
        assert_eq!((all.correct, all.predicted, all.gold), (3, 4, 4));
        assert!((all.f1() - 0.75).abs() < 1e-12);
        assert_eq!(Counts::default().f1(), 0.0);
        assert!(e
            .report()
            .starts_with("all    p 0.7500  r 0.7500  f1 0.7500  gold 4\n"));
    }
}
