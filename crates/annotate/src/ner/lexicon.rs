//! The recognizer's built-in name lexicon (stage `annotate`, `ner`): phrases with a
//! class (`LEX_PLACE`, `LEX_PER`, …), stored inside the model file and matched in every
//! sentence, so a model trained with lexicon features always runs with the same lexicon.
//!
//! Input: phrases as words (build time, from gazetteer files the training program
//! reads) or the stored phrase lists (load time); then the words of a sentence.
//! Output: [`GazMatch`]es, the longest per start word and class, case-insensitive.
//! Must not: do IO, allocate per lookup step (phrases are matched through 64-bit hashes
//! of their lowercase words, with prefix marks to stop early).

use super::feats::HashedMap;
use super::{GazMatch, Gazetteer};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Phrase-prefix hash → class bits.
type Index = HashedMap<u32>;

/// Longest phrase kept, in words.
pub const MAX_WORDS: usize = 8;

/// Bit marking a hash that begins some longer phrase.
const PREFIX: u32 = 1 << 31;

/// A set of phrases per class, matched case-insensitively word by word.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Lexicon {
    /// Class names (at most 31), in bit order.
    classes: Vec<String>,
    /// Per class, the phrases: lowercase words joined by one space, sorted.
    phrases: Vec<BTreeSet<String>>,
    /// Phrase-prefix hash → class bits (+ [`PREFIX`]); rebuilt on load.
    #[serde(skip)]
    index: Index,
}

/// Hash of one more word appended to a phrase hash (FNV-1a, word separator 0xff).
fn extend(mut h: u64, word: &str) -> u64 {
    for b in word.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= 0xff;
    h.wrapping_mul(0x0000_0100_0000_01b3)
}

const SEED: u64 = 0xcbf2_9ce4_8422_2325;

impl Lexicon {
    /// An empty lexicon.
    pub fn new() -> Lexicon {
        Lexicon::default()
    }

    /// Adds a phrase (its words; compared lowercase) under `class`. Empty phrases, phrases
    /// longer than [`MAX_WORDS`] and classes beyond the 31st are ignored.
    pub fn add(&mut self, words: &[&str], class: &str) {
        if words.is_empty() || words.len() > MAX_WORDS || words.iter().any(|w| w.is_empty()) {
            return;
        }
        let c = match self.classes.iter().position(|k| k == class) {
            Some(c) => c,
            None if self.classes.len() < 31 => {
                self.classes.push(class.to_string());
                self.phrases.push(BTreeSet::new());
                self.classes.len() - 1
            }
            None => return,
        };
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        self.insert(&lower, c);
        self.phrases[c].insert(lower.join(" "));
    }

    fn insert(&mut self, lower: &[String], c: usize) {
        let mut h = SEED;
        for (k, w) in lower.iter().enumerate() {
            h = extend(h, w);
            let bits = self.index.entry(h).or_default();
            if k + 1 == lower.len() {
                *bits |= 1 << c;
            } else {
                *bits |= PREFIX;
            }
        }
    }

    /// Rebuilds the match index from the phrase lists (after deserializing).
    pub(super) fn build_index(&mut self) {
        self.index = Index::default();
        let phrases = std::mem::take(&mut self.phrases);
        for (c, set) in phrases.iter().enumerate() {
            for p in set {
                let words: Vec<String> = p.split(' ').map(str::to_string).collect();
                self.insert(&words, c);
            }
        }
        self.phrases = phrases;
    }

    /// Number of phrases over all classes.
    pub fn len(&self) -> usize {
        self.phrases.iter().map(BTreeSet::len).sum()
    }

    /// True when there is no phrase.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The class names.
    pub fn classes(&self) -> &[String] {
        &self.classes
    }
}

impl Gazetteer for Lexicon {
    fn lookup<'a>(&'a self, words: &[&str]) -> Vec<GazMatch<'a>> {
        let mut out = Vec::new();
        if self.index.is_empty() {
            return out;
        }
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let mut longest = vec![0usize; self.classes.len()];
        for i in 0..lower.len() {
            longest.iter_mut().for_each(|l| *l = 0);
            let mut h = SEED;
            for (len, w) in lower[i..].iter().take(MAX_WORDS).enumerate() {
                h = extend(h, w);
                let Some(&bits) = self.index.get(&h) else {
                    break;
                };
                for (c, l) in longest.iter_mut().enumerate() {
                    if bits & (1 << c) != 0 {
                        *l = len + 1;
                    }
                }
                if bits & PREFIX == 0 {
                    break;
                }
            }
            for (c, &len) in longest.iter().enumerate() {
                if len > 0 {
                    out.push(GazMatch {
                        start: i,
                        end: i + len,
                        class: &self.classes[c],
                    });
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_per_class_case_insensitive_and_round_trips() {
        let mut lex = Lexicon::new();
        lex.add(&["New", "York"], "LEX_PLACE");
        lex.add(&["New", "York", "City"], "LEX_PLACE");
        lex.add(&["York"], "LEX_PLACE");
        lex.add(&["New", "York", "Times"], "LEX_ORG");
        lex.add(&[], "LEX_ORG");
        assert_eq!(lex.len(), 4);
        let words = ["the", "NEW", "york", "Times", "said"];
        let m = lex.lookup(&words);
        let got: Vec<(usize, usize, &str)> = m.iter().map(|g| (g.start, g.end, g.class)).collect();
        assert_eq!(
            got,
            vec![(1, 3, "LEX_PLACE"), (1, 4, "LEX_ORG"), (2, 3, "LEX_PLACE")]
        );
        let json = serde_json::to_string(&lex).unwrap();
        let mut back: Lexicon = serde_json::from_str(&json).unwrap();
        back.build_index();
        assert_eq!(back.lookup(&words), m);
        assert!(back.lookup(&[]).is_empty());
        assert!(Lexicon::new().lookup(&words).is_empty());
    }
}
