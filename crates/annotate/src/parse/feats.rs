//! Parser feature templates (stage `annotate`, parser internals): Zhang & Nivre (2011)
//! rich non-local features, adapted to the arc-hybrid system (the stack's second item
//! plays the role of the arc-eager "head of s0").
//!
//! Input: per-token ids computed once per sentence ([`Tokens`]) and a [`State`].
//! Output: the feature hashes of the state, appended to a reused buffer.
//! Must not: allocate or format strings per state (ids are mixed as integers), or change
//! template order or hashing without bumping [`FEATURE_SET`] (saved models depend on it).

use super::system::{State, Tok};

/// Name and version of the feature set; stored in every model.
pub const FEATURE_SET: &str = "khabar.parser.features/1: arc-hybrid Zhang&Nivre-2011 templates \
(word, UPOS+XPOS tag of s0-s2 and b0-b2; leftmost/rightmost two children and labels of s0, s1, b0; \
valency; distance; label sets; pairs and triples; lemmas of s0, s1, b0 when trained with lemmas)";

/// Per-sentence token ids: index 0 is the root, 1..=n the words, n+1 "none".
#[derive(Debug, Default, Clone)]
pub(crate) struct Tokens {
    /// Normalized word form (lowercased, digits as 0).
    pub w: Vec<u64>,
    /// Combined UPOS+XPOS tag.
    pub t: Vec<u64>,
    /// Lemma (or the word id when the model uses no lemmas).
    pub l: Vec<u64>,
    /// Whether lemma features are on.
    pub lemmas: bool,
}

const ROOT_ID: u64 = 0x524f_4f54_0000_0001;
const NONE_ID: u64 = 0x4e4f_4e45_0000_0002;
const NO_LABEL: u64 = 0x4e4f_4c42_0000_0003;

/// FNV-1a over the word lowercased (ASCII) with every ASCII digit read as `0`.
fn word_id(form: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in form.as_bytes() {
        let b = if b.is_ascii_digit() {
            b'0'
        } else {
            b.to_ascii_lowercase()
        };
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

impl Tokens {
    /// Fills the ids for one sentence (missing tags read as `_`).
    pub fn fill(
        &mut self,
        words: &[&str],
        upos: &[&str],
        xpos: &[&str],
        lemmas: Option<&[&str]>,
        use_lemmas: bool,
    ) {
        let n = words.len();
        self.lemmas = use_lemmas;
        for v in [&mut self.w, &mut self.t, &mut self.l] {
            v.clear();
            v.reserve(n + 2);
            v.push(ROOT_ID);
        }
        for (i, form) in words.iter().enumerate() {
            let u = upos.get(i).copied().unwrap_or("_");
            let x = xpos.get(i).copied().unwrap_or("_");
            let w = word_id(form);
            self.w.push(w);
            self.t.push(crate::features::feature(1, &[u, x]));
            let l = match lemmas.and_then(|l| l.get(i)) {
                Some(l) if use_lemmas => word_id(l) ^ 0x4c45_4d4d_4100_0000,
                _ => w,
            };
            self.l.push(l);
        }
        for v in [&mut self.w, &mut self.t, &mut self.l] {
            v.push(NONE_ID);
        }
    }
}

#[inline(always)]
fn mix(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(27)
}

#[inline(always)]
fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

/// Distance bucket: 1, 2, 3, 4, 5–6, 7–9, 10+ (0 when an end is missing).
#[inline]
fn dist(a: Tok, b: Tok, none: Tok) -> u64 {
    if a == none || b == none {
        return 0;
    }
    match b.abs_diff(a) {
        d @ 0..=4 => u64::from(d),
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// Appends the features of `st` to `out` (cleared first).
pub(crate) fn extract(tok: &Tokens, st: &State, out: &mut Vec<u64>) {
    out.clear();
    let none = st.none();
    let nodes = &st.nodes;
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.buf(0), st.buf(1), st.buf(2));
    let n = |t: Tok| &nodes[t as usize];
    let (s0l1, s0l2, s0r1, s0r2) = (n(s0).l1, n(s0).l2, n(s0).r1, n(s0).r2);
    let (s1l1, s1r1, s1r2) = (n(s1).l1, n(s1).r1, n(s1).r2);
    let (b0l1, b0l2) = (n(b0).l1, n(b0).l2);
    let w = |t: Tok| tok.w[t as usize];
    let p = |t: Tok| tok.t[t as usize];
    let lab = |t: Tok| {
        if t == none {
            NO_LABEL
        } else {
            u64::from(n(t).label) + 0x1000
        }
    };
    let set = |s: u128| mix(s as u64, (s >> 64) as u64);

    let mut id: u64 = 0;
    let mut f = |parts: &[u64]| {
        id += 1;
        let mut h = id.wrapping_mul(0x2545_f491_4f6c_dd1d);
        for &x in parts {
            h = mix(h, x);
        }
        out.push(finish(h));
    };

    let (ws0, ps0, wb0, pb0) = (w(s0), p(s0), w(b0), p(b0));
    let (ws1, ps1, wb1, pb1) = (w(s1), p(s1), w(b1), p(b1));
    let d0 = dist(s0, b0, none);
    let d1 = dist(s1, s0, none);

    f(&[]); // bias
            // Single words.
    f(&[ws0, ps0]);
    f(&[ws0]);
    f(&[ps0]);
    f(&[wb0, pb0]);
    f(&[wb0]);
    f(&[pb0]);
    f(&[wb1, pb1]);
    f(&[wb1]);
    f(&[pb1]);
    f(&[w(b2), p(b2)]);
    f(&[p(b2)]);
    f(&[ws1, ps1]);
    f(&[ws1]);
    f(&[ps1]);
    f(&[w(s2), p(s2)]);
    f(&[p(s2)]);
    // Pairs.
    f(&[ws0, ps0, wb0, pb0]);
    f(&[ws0, ps0, wb0]);
    f(&[ws0, wb0, pb0]);
    f(&[ws0, ps0, pb0]);
    f(&[ps0, wb0, pb0]);
    f(&[ws0, wb0]);
    f(&[ps0, pb0]);
    f(&[pb0, pb1]);
    f(&[ws1, ps1, ws0, ps0]);
    f(&[ws1, ws0]);
    f(&[ps1, ps0]);
    f(&[ws1, ps1, ps0]);
    f(&[ps1, ws0, ps0]);
    f(&[ps1, pb0]);
    f(&[ws1, wb0]);
    // Triples.
    f(&[pb0, pb1, p(b2)]);
    f(&[ps0, pb0, pb1]);
    f(&[ps1, ps0, pb0]);
    f(&[p(s2), ps1, ps0]);
    f(&[ps0, p(s0l1), pb0]);
    f(&[ps0, p(s0r1), pb0]);
    f(&[ps0, pb0, p(b0l1)]);
    f(&[ps1, p(s1r1), ps0]);
    f(&[ps1, ps0, p(s0l1)]);
    f(&[ps1, ps0, p(s0r1)]);
    f(&[ps1, p(s1l1), ps0]);
    // Distance.
    f(&[ws0, d0]);
    f(&[ps0, d0]);
    f(&[wb0, d0]);
    f(&[pb0, d0]);
    f(&[ws0, wb0, d0]);
    f(&[ps0, pb0, d0]);
    f(&[ps1, ps0, d1]);
    f(&[ws1, ws0, d1]);
    f(&[ps1, ps0, pb0, d0, d1]);
    // Valency.
    let (s0n, s1n, b0n) = (n(s0), n(s1), n(b0));
    f(&[ws0, u64::from(s0n.nr)]);
    f(&[ps0, u64::from(s0n.nr)]);
    f(&[ws0, u64::from(s0n.nl)]);
    f(&[ps0, u64::from(s0n.nl)]);
    f(&[wb0, u64::from(b0n.nl)]);
    f(&[pb0, u64::from(b0n.nl)]);
    f(&[ws1, u64::from(s1n.nr)]);
    f(&[ps1, u64::from(s1n.nr)]);
    f(&[ps1, u64::from(s1n.nl)]);
    // Children: word, tag, label.
    for c in [s0l1, s0r1, b0l1, s1r1, s0l2, s0r2, b0l2, s1l1] {
        f(&[w(c)]);
        f(&[p(c)]);
        f(&[lab(c)]);
    }
    // Label context.
    f(&[ps0, lab(s0l1), pb0]);
    f(&[ps0, lab(s0r1), pb0]);
    f(&[ps1, lab(s1r1), ps0]);
    f(&[ps0, pb0, lab(b0l1)]);
    // Third order.
    f(&[ps0, p(s0l1), p(s0l2)]);
    f(&[ps0, p(s0r1), p(s0r2)]);
    f(&[pb0, p(b0l1), p(b0l2)]);
    f(&[ps1, p(s1r1), p(s1r2)]);
    f(&[ps0, lab(s0l1), lab(s0l2)]);
    f(&[ps0, lab(s0r1), lab(s0r2)]);
    f(&[pb0, lab(b0l1), lab(b0l2)]);
    // Label sets.
    f(&[ws0, set(s0n.lset)]);
    f(&[ps0, set(s0n.lset)]);
    f(&[ws0, set(s0n.rset)]);
    f(&[ps0, set(s0n.rset)]);
    f(&[wb0, set(b0n.lset)]);
    f(&[pb0, set(b0n.lset)]);
    f(&[ps1, set(s1n.rset)]);
    f(&[ws1, set(s1n.rset)]);
    if tok.lemmas {
        let l = |t: Tok| tok.l[t as usize];
        f(&[l(s0)]);
        f(&[l(b0)]);
        f(&[l(s1)]);
        f(&[l(s0), l(b0)]);
        f(&[l(s1), l(s0)]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_ids_are_pinned_and_normalized() {
        assert_eq!(word_id("The"), word_id("the"));
        assert_eq!(word_id("1999"), word_id("2024"));
        assert_ne!(word_id("the"), word_id("a"));
        // Pinned: a change silently breaks every saved parser model.
        assert_eq!(word_id(""), 0xcbf2_9ce4_8422_2325);
    }

    #[test]
    fn features_depend_on_the_state_only() {
        let mut t = Tokens::default();
        t.fill(&["a", "b"], &["X", "Y"], &["x", "y"], None, false);
        let st = State::new(2);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        extract(&t, &st, &mut a);
        extract(&t, &st, &mut b);
        assert_eq!(a, b);
        assert!(a.len() > 90);
    }
}
