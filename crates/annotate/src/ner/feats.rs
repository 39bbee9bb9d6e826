//! Entity recognizer features (stage `annotate`, `ner`): the words of one sentence (and
//! optional gazetteer matches) → hashed feature ids per word.
//!
//! Two kinds: *static* features depend only on the words (form, lowercase, affixes,
//! shape, capitalization, casing statistics, ±2 context words and shapes, gazetteer
//! positions) and are computed once per sentence; *dynamic* features depend on the
//! labels already predicted to the left and are computed during decoding.
//! Must not: allocate per feature (parts are borrowed slices), panic on odd words
//! (empty strings, huge tokens, any script).

use super::GazMatch;
use crate::features::{prefix, suffix};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Padding words before and after the sentence.
const START: &str = "-S-";
const START2: &str = "-S2-";
const END: &str = "-E-";
const END2: &str = "-E2-";

/// Casing bucket of a word never (or too rarely) seen in training.
pub(super) const UNSEEN: u8 = b'?';

/// Hasher for keys that are hashes already: one multiply-xorshift.
#[derive(Default, Clone, Copy)]
pub(super) struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        let x = self.0.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        x ^ (x >> 29)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 ^= n;
    }
}

/// A hash map keyed by 64-bit hashes.
pub(super) type HashedMap<V> = HashMap<u64, V, BuildHasherDefault<PreHashed>>;

/// Casing statistics of the training text: hash of the normalized word → bucket (see
/// [`bucket`]).
pub(super) type Casing = HashedMap<u8>;

/// The casing bucket of a word type from its counts outside sentence starts: `L` almost
/// always lowercase, `l` mostly, `c` sometimes, `C` (nearly) never lowercase, `A` mostly
/// all-caps.
pub(super) fn bucket(lower: u32, title: u32, caps: u32) -> u8 {
    let total = f64::from(lower + title + caps).max(1.0);
    let l = f64::from(lower) / total;
    if f64::from(caps) / total >= 0.5 {
        b'A'
    } else if l >= 0.9 {
        b'L'
    } else if l >= 0.5 {
        b'l'
    } else if l >= 0.1 {
        b'c'
    } else {
        b'C'
    }
}

/// How a token is written: `lower`, `title` (first letter upper, some lower), `caps`
/// (letters, all upper, more than one char) or `other` (no letters, mixed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Case {
    /// All letters lowercase.
    Lower = 1,
    /// First char uppercase.
    Title,
    /// Two or more letters, all uppercase.
    Caps,
    /// No letters or anything else.
    Other,
}

/// The [`Case`] of a word.
pub(super) fn case_of(word: &str) -> Case {
    let mut letters = 0usize;
    let mut upper = 0usize;
    let mut lower = 0usize;
    for c in word.chars().take(64) {
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
            } else if c.is_lowercase() {
                lower += 1;
            }
        }
    }
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    if letters == 0 {
        Case::Other
    } else if upper == 0 && lower > 0 {
        Case::Lower
    } else if lower == 0 && upper >= 2 {
        Case::Caps
    } else if first_upper {
        Case::Title
    } else {
        Case::Other
    }
}

/// Lowercase, every ASCII digit replaced by `0`, typographic quotes and dashes by their
/// ASCII forms (news text uses `’s` and `“`, the web training text `'s` and `"`).
pub(super) fn normalize(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '0'..='9' => '0',
            '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            _ => c,
        })
        .collect()
}

fn shape_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// Word shape with runs collapsed (`Kabul` → `Xx`, `U.S.` → `X.X.`, `1,000` → `d,d`),
/// from the first 40 chars.
#[cfg(test)]
fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in word.chars().take(40) {
        let s = shape_char(c);
        if last != Some(s) {
            out.push(s);
            last = Some(s);
        }
    }
    out
}

/// Uncollapsed shape of the last three chars (`Smith` → `xxx`, `Co.` → `Xx.`).
#[cfg(test)]
fn short_shape(word: &str) -> String {
    let n = word.chars().count();
    word.chars()
        .skip(n.saturating_sub(3))
        .map(shape_char)
        .collect()
}

/// FNV-1a over chars (as UTF-32 code points).
fn hash_chars(chars: impl Iterator<Item = char>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in chars {
        h ^= u64::from(u32::from(c));
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Hash of [`shape`] without building the string.
fn shape_hash(word: &str) -> u64 {
    let mut last = None;
    hash_chars(word.chars().take(40).map(shape_char).filter(move |&s| {
        let new = last != Some(s);
        last = Some(s);
        new
    }))
}

/// Hash of the uncollapsed shape of the last three chars (`Smith` → `xxx`).
fn short_shape_hash(word: &str) -> u64 {
    let n = word.chars().count();
    hash_chars(word.chars().skip(n.saturating_sub(3)).map(shape_char))
}

/// FNV-1a hash of a string (feature parts are hashed once per word, then combined).
#[inline]
pub(super) fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A strong 64-bit finalizer (murmur3's fmix64).
#[inline]
fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// Feature id of a template with one hashed part.
#[inline]
fn f1(template: u64, a: u64) -> u64 {
    mix(a ^ (template + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// Feature id of a template with two hashed parts (order matters).
#[inline]
fn f2(template: u64, a: u64, b: u64) -> u64 {
    mix(f1(template, a) ^ b.rotate_left(23))
}

/// Feature id of a template with three hashed parts.
#[inline]
fn f3(template: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(f2(template, a, b) ^ c.rotate_left(41))
}

/// Per-sentence precomputation: static features per word and what dynamic ones need.
pub(super) struct Prepared {
    /// Static feature ids, flat; word `i` owns `stat[offsets[i]..offsets[i + 1]]`.
    pub stat: Vec<u64>,
    /// Start of each word's features in `stat`, plus the end.
    pub offsets: Vec<usize>,
    /// Hash of each normalized word.
    norm: Vec<u64>,
    /// Hash of each word shape.
    shapes: Vec<u64>,
}

impl Prepared {
    /// Number of words.
    pub fn len(&self) -> usize {
        self.norm.len()
    }

    /// Static features of word `i`.
    pub fn features(&self, i: usize) -> &[u64] {
        &self.stat[self.offsets[i]..self.offsets[i + 1]]
    }
}

/// Hashed parts of one word (or of a padding position around the sentence).
#[derive(Clone, Copy)]
struct Parts {
    norm: u64,
    shape: u64,
    suffix3: u64,
    /// Casing bucket and case together.
    bucket_case: u64,
    case: u64,
}

/// Computes the static features of a sentence. `gazetteer` spans outside the sentence or
/// empty are ignored.
pub(super) fn prepare(casing: &Casing, words: &[&str], gazetteer: &[GazMatch<'_>]) -> Prepared {
    let n = words.len();
    let norm: Vec<String> = words.iter().map(|w| normalize(w)).collect();
    let cases: Vec<Case> = words.iter().map(|w| case_of(w)).collect();
    // Headline-like sentences (most words capitalized) make capitalization uninformative.
    let alpha = cases.iter().filter(|c| **c != Case::Other).count();
    let upperish = cases
        .iter()
        .filter(|c| matches!(c, Case::Title | Case::Caps))
        .count();
    let headline = alpha >= 4 && upperish * 10 >= alpha * 7;

    let pad = |name: &str| {
        let h = hash_str(name);
        Parts {
            norm: h,
            shape: h,
            suffix3: h,
            bucket_case: h,
            case: h,
        }
    };
    // parts[k] is word k - 2: two padding positions on each side.
    let mut parts = Vec::with_capacity(n + 4);
    parts.push(pad(START2));
    parts.push(pad(START));
    let mut hn = Vec::with_capacity(n);
    let mut hs = Vec::with_capacity(n);
    for (i, word) in words.iter().enumerate() {
        let w = norm[i].as_str();
        let hw = hash_str(w);
        let bucket = casing.get(&hw).copied().unwrap_or(UNSEEN);
        let case = cases[i] as u64;
        let shape = shape_hash(word);
        hn.push(hw);
        hs.push(shape);
        parts.push(Parts {
            norm: hw,
            shape,
            suffix3: hash_str(suffix(w, 3)),
            bucket_case: u64::from(bucket) << 8 | case,
            case,
        });
    }
    parts.push(pad(END));
    parts.push(pad(END2));

    // Gazetteer position labels per word: (class hash, B/I/L/U as 0..4).
    let mut gaz: Vec<Vec<(u64, u64)>> = vec![Vec::new(); if gazetteer.is_empty() { 0 } else { n }];
    for m in gazetteer {
        if m.start >= m.end || m.end > n {
            continue;
        }
        let class = hash_str(m.class);
        for (i, slot) in gaz.iter_mut().enumerate().take(m.end).skip(m.start) {
            let pos = if m.end - m.start == 1 {
                3
            } else if i == m.start {
                0
            } else if i + 1 == m.end {
                2
            } else {
                1
            };
            slot.push((class, pos));
        }
    }

    let mut stat = Vec::with_capacity(n * 36);
    let mut offsets = Vec::with_capacity(n + 1);
    for (i, word) in words.iter().enumerate() {
        offsets.push(stat.len());
        let k = i + 2;
        let (p2, p1, c, n1, n2) = (
            parts[k - 2],
            parts[k - 1],
            parts[k],
            parts[k + 1],
            parts[k + 2],
        );
        let w = norm[i].as_str();
        let first = u64::from(i == 0);
        let flags = c.case
            | first << 2
            | u64::from(word.contains('-')) << 3
            | u64::from(word.contains('.')) << 4
            | u64::from(word.chars().any(char::is_numeric)) << 5
            | u64::from(headline) << 6;
        stat.extend_from_slice(&[
            f1(0, 0),
            f1(1, c.norm),
            f1(2, hash_str(word)),
            f1(3, hash_str(suffix(w, 1))),
            f1(4, hash_str(suffix(w, 2))),
            f1(5, c.suffix3),
            f1(6, hash_str(suffix(w, 4))),
            f1(7, hash_str(prefix(w, 1))),
            f1(8, hash_str(prefix(w, 2))),
            f1(9, hash_str(prefix(w, 3))),
            f1(10, c.shape),
            f1(11, flags),
            f1(12, c.bucket_case >> 8),
            f2(13, c.bucket_case, first),
            f1(14, p1.norm),
            f1(15, p2.norm),
            f1(16, n1.norm),
            f1(17, n2.norm),
            f1(18, p1.shape),
            f1(19, n1.shape),
            f1(20, p2.shape),
            f1(21, n2.shape),
            f2(22, p1.norm, c.norm),
            f2(23, c.norm, n1.norm),
            f3(24, p1.shape, c.shape, n1.shape),
            f2(25, p1.norm, c.shape),
            f2(26, c.shape, n1.norm),
            f1(27, p1.bucket_case),
            f1(28, n1.bucket_case),
            f2(29, p2.norm, p1.norm),
            f2(30, n1.norm, n2.norm),
            f1(31, short_shape_hash(word)),
            f3(32, p1.case, c.case, n1.case),
            f2(33, p1.suffix3, c.case),
            f2(34, n1.suffix3, c.case),
        ]);
        if let Some(matches) = gaz.get(i) {
            for &(class, pos) in matches {
                stat.push(f2(50, class, pos));
                stat.push(f3(51, class, pos, c.case));
            }
        }
    }
    offsets.push(stat.len());
    Prepared {
        stat,
        offsets,
        norm: hn,
        shapes: hs,
    }
}

/// Number of dynamic (history) features per word.
pub(super) const DYNAMIC: usize = 5;

/// History features of word `i` given the two previous labels (label ids; larger ids
/// stand for the positions before the sentence).
pub(super) fn dynamic(p: &Prepared, i: usize, l1: u64, l2: u64) -> [u64; DYNAMIC] {
    let w = p.norm.get(i).copied().unwrap_or(0);
    let sh = p.shapes.get(i).copied().unwrap_or(0);
    [
        f1(100, l1),
        f1(101, l2),
        f2(102, l1, l2),
        f2(103, l1, w),
        f2(104, l1, sh),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_cases() {
        assert_eq!(shape("Kabul"), "Xx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1,000"), "d,d");
        assert_eq!(short_shape("Co."), "Xx.");
        assert_eq!(shape_hash("Kabul"), hash_chars("Xx".chars()));
        assert_eq!(short_shape_hash("Smith"), hash_chars("xxx".chars()));
        assert_eq!(case_of("NATO"), Case::Caps);
        assert_eq!(case_of("Kabul"), Case::Title);
        assert_eq!(case_of("iPhone"), Case::Other);
        assert_eq!(case_of("said"), Case::Lower);
        assert_eq!(case_of(""), Case::Other);
        assert_eq!(case_of("I"), Case::Title);
        assert_eq!(normalize("Route66"), "route00");
        assert_eq!(normalize("’S"), "'s");
        assert_eq!(prefix("é", 3), "é");
        assert_eq!(suffix("ab", 5), "ab");
        assert_eq!(suffix("abcé", 2), "cé");
    }

    #[test]
    fn every_word_gets_features_and_gazetteer_adds_some() {
        let casing = Casing::default();
        let words = ["", "Kabul", "x"];
        let p = prepare(&casing, &words, &[]);
        assert_eq!(p.len(), 3);
        assert!((0..3).all(|i| !p.features(i).is_empty()));
        let g = [
            GazMatch {
                start: 1,
                end: 3,
                class: "PLACE",
            },
            GazMatch {
                start: 2,
                end: 9,
                class: "ACTOR",
            },
        ];
        let q = prepare(&casing, &words, &g);
        assert_eq!(q.features(0), p.features(0));
        assert_eq!(q.features(1).len(), p.features(1).len() + 2);
        assert_eq!(q.features(2).len(), p.features(2).len() + 2);
    }
}
