//! The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011) with the
//! root at the bottom of the stack, its dynamic oracle (Goldberg & Nivre 2013) and the
//! projectivization of training trees (stage `annotate`, parser internals).
//!
//! Input: a sentence length, transitions chosen by the model (and, for training, gold
//! heads and labels). Output: the growing partial tree with the child/valency summaries
//! the feature templates read, and the cost of every transition.
//! Must not: produce anything but a single-rooted tree: the root may take its one child
//! only as the very last transition, and some transition is always legal until then.

/// Index meaning "no token" in every token-index field (one past the last word).
pub(crate) type Tok = u32;

/// The three moves; labeled classes pair a move with a label.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub(crate) enum Move {
    /// Push the buffer front onto the stack.
    Shift,
    /// Pop the stack top and attach it to the buffer front.
    Left,
    /// Pop the stack top and attach it to the item below it.
    Right,
}

/// What the feature templates read about one token of the partial tree.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Node {
    /// Assigned head (`none` until attached).
    pub head: Tok,
    /// Assigned label index (meaningful once attached).
    pub label: u16,
    /// Leftmost and second-leftmost children (`none` when absent).
    pub l1: Tok,
    pub l2: Tok,
    /// Rightmost and second-rightmost children.
    pub r1: Tok,
    pub r2: Tok,
    /// Number of left / right children.
    pub nl: u8,
    pub nr: u8,
    /// Bit sets of the labels of left / right children (label index mod 128).
    pub lset: u128,
    pub rset: u128,
}

/// A parser configuration: stack (root 0 at the bottom), buffer `b..=n`, partial tree.
#[derive(Debug, Clone)]
pub(crate) struct State {
    /// Number of words; tokens are 1..=n, 0 is the root, n+1 means "none".
    pub n: Tok,
    pub stack: Vec<Tok>,
    /// Buffer front; the buffer is empty when `b > n`.
    pub b: Tok,
    /// One node per token 0..=n+1 (the last one stays empty: it stands for "none").
    pub nodes: Vec<Node>,
}

impl State {
    /// The initial configuration for `n` words.
    pub fn new(n: usize) -> Self {
        let mut s = State {
            n: 0,
            stack: Vec::new(),
            b: 1,
            nodes: Vec::new(),
        };
        s.reset(n);
        s
    }

    /// Reuses the allocation for a new sentence of `n` words.
    pub fn reset(&mut self, n: usize) {
        let n = n as Tok;
        let none = n + 1;
        self.n = n;
        self.stack.clear();
        self.stack.push(0);
        self.b = 1;
        self.nodes.clear();
        self.nodes.resize(
            n as usize + 2,
            Node {
                head: none,
                label: 0,
                l1: none,
                l2: none,
                r1: none,
                r2: none,
                nl: 0,
                nr: 0,
                lset: 0,
                rset: 0,
            },
        );
    }

    /// The "no token" index.
    #[inline]
    pub fn none(&self) -> Tok {
        self.n + 1
    }

    /// True when the tree is complete.
    #[inline]
    pub fn is_terminal(&self) -> bool {
        self.b > self.n && self.stack.len() == 1
    }

    /// Stack item `i` from the top (0 = top), or `none`.
    #[inline]
    pub fn s(&self, i: usize) -> Tok {
        let len = self.stack.len();
        if i < len {
            self.stack[len - 1 - i]
        } else {
            self.none()
        }
    }

    /// Buffer item `i` (0 = front), or `none`.
    #[inline]
    pub fn buf(&self, i: usize) -> Tok {
        let t = self.b + i as Tok;
        if t <= self.n {
            t
        } else {
            self.none()
        }
    }

    /// Whether `m` is legal here. The root's single child is attached by the last
    /// transition only, so the result is always one tree with one root word.
    #[inline]
    pub fn legal(&self, m: Move) -> bool {
        let buffer = self.b <= self.n;
        let len = self.stack.len();
        match m {
            Move::Shift => buffer,
            Move::Left => buffer && len >= 2,
            Move::Right => len >= 3 || (len == 2 && !buffer),
        }
    }

    /// Applies a legal transition (callers check [`State::legal`]).
    pub fn apply(&mut self, m: Move, label: u16) {
        match m {
            Move::Shift => {
                self.stack.push(self.b);
                self.b += 1;
            }
            Move::Left => {
                if let Some(d) = self.stack.pop() {
                    self.attach(self.b, d, label);
                }
            }
            Move::Right => {
                if let Some(d) = self.stack.pop() {
                    let h = self.stack.last().copied().unwrap_or(0);
                    self.attach(h, d, label);
                }
            }
        }
    }

    fn attach(&mut self, h: Tok, d: Tok, label: u16) {
        let bit = 1u128 << (label % 128);
        let dn = &mut self.nodes[d as usize];
        dn.head = h;
        dn.label = label;
        let hn = &mut self.nodes[h as usize];
        if d < h {
            // Left children arrive right to left: the newest is the leftmost.
            hn.l2 = hn.l1;
            hn.l1 = d;
            hn.nl = hn.nl.saturating_add(1);
            hn.lset |= bit;
        } else {
            // Right children arrive left to right: the newest is the rightmost.
            hn.r2 = hn.r1;
            hn.r1 = d;
            hn.nr = hn.nr.saturating_add(1);
            hn.rset |= bit;
        }
    }
}

/// A gold tree for the oracle: heads (0 = root) and labels of tokens 1..=n, and each
/// token's gold dependents.
#[derive(Debug, Clone)]
pub(crate) struct Gold {
    /// `heads[i]` for token i (index 0 unused).
    pub heads: Vec<Tok>,
    /// `labels[i]` for token i (index 0 unused).
    pub labels: Vec<u16>,
    /// Gold dependents of each token 0..=n.
    pub deps: Vec<Vec<Tok>>,
}

impl Gold {
    /// From heads (`heads[i]` for token i, index 0 unused) and labels.
    pub fn new(heads: Vec<Tok>, labels: Vec<u16>) -> Self {
        let mut deps = vec![Vec::new(); heads.len()];
        for (d, &h) in heads.iter().enumerate().skip(1) {
            if let Some(list) = deps.get_mut(h as usize) {
                list.push(d as Tok);
            }
        }
        Gold {
            heads,
            labels,
            deps,
        }
    }
}

/// Dynamic-oracle costs of the unlabeled moves in `st` (`u32::MAX` = illegal): how many
/// gold arcs each one makes unreachable. Exact for projective gold trees.
pub(crate) fn move_costs(st: &State, gold: &Gold, on_stack: &[bool]) -> [u32; 3] {
    let mut costs = [u32::MAX; 3];
    let b = st.b;
    let s0 = st.s(0);
    if st.legal(Move::Shift) {
        // b loses heads deeper in the stack than s0 and dependents on the stack.
        let h = gold.heads[b as usize];
        let mut c = u32::from(h != s0 && on_stack[h as usize]);
        c += gold.deps[b as usize]
            .iter()
            .filter(|&&d| on_stack[d as usize])
            .count() as u32;
        costs[0] = c;
    }
    if st.legal(Move::Left) || st.legal(Move::Right) {
        // s0 loses every dependent still in the buffer.
        let lost_deps = gold.deps[s0 as usize].iter().filter(|&&d| d >= b).count() as u32;
        let h = gold.heads[s0 as usize];
        let s1 = st.s(1);
        let buffer = b <= st.n;
        if st.legal(Move::Left) {
            // Attached to b: loses a head at s1 or further in the buffer.
            costs[1] = lost_deps + u32::from(h == s1 || (buffer && h > b));
        }
        if st.legal(Move::Right) {
            // Attached to s1: loses a head anywhere in the buffer.
            costs[2] = lost_deps + u32::from(buffer && h >= b);
        }
    }
    costs
}

/// Rewrites a tree to a projective one by lifting non-projective arcs: repeatedly the
/// shortest crossing arc h→d becomes head(h)→d. `heads[i]` for word i (index 0 unused,
/// 0 = root). Returns the number of arcs lifted; trees with cycles are left alone.
pub(crate) fn projectivize(heads: &mut [Tok]) -> usize {
    let n = heads.len();
    if !is_tree(heads) {
        return 0;
    }
    let mut lifted = 0;
    loop {
        let mut best: Option<(usize, usize)> = None; // (length, dependent)
        for d in 1..n {
            let h = heads[d] as usize;
            if h == 0 {
                continue;
            }
            let (lo, hi) = if h < d { (h, d) } else { (d, h) };
            let crossing = (lo + 1..hi).any(|k| !dominates(heads, h, k));
            if crossing && best.is_none_or(|(len, _)| hi - lo < len) {
                best = Some((hi - lo, d));
            }
        }
        match best {
            Some((_, d)) => {
                let h = heads[d] as usize;
                heads[d] = heads[h];
                lifted += 1;
            }
            None => return lifted,
        }
    }
}

/// Whether `h` is an ancestor of `k` (or `k` itself).
fn dominates(heads: &[Tok], h: usize, mut k: usize) -> bool {
    for _ in 0..heads.len() {
        if k == h {
            return true;
        }
        if k == 0 {
            return false;
        }
        k = heads[k] as usize;
    }
    false
}

/// Whether `heads` is a tree rooted in 0 (every head in range, no cycle).
pub(crate) fn is_tree(heads: &[Tok]) -> bool {
    let n = heads.len();
    (1..n).all(|d| heads[d] as usize != d && (heads[d] as usize) < n && dominates(heads, 0, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows the oracle (first zero-cost move, gold label) and returns the heads.
    fn oracle_parse(heads: &[Tok]) -> Vec<Tok> {
        let n = heads.len() - 1;
        let gold = Gold::new(heads.to_vec(), vec![0; heads.len()]);
        let mut st = State::new(n);
        let mut on_stack = vec![false; n + 2];
        on_stack[0] = true;
        while !st.is_terminal() {
            let c = move_costs(&st, &gold, &on_stack);
            let m = [Move::Shift, Move::Left, Move::Right]
                .into_iter()
                .zip(c)
                .filter(|(_, c)| *c == 0)
                .map(|(m, _)| m)
                .next()
                .expect("a zero-cost move exists for a projective tree");
            if m == Move::Shift {
                on_stack[st.b as usize] = true;
            } else {
                on_stack[st.s(0) as usize] = false;
            }
            st.apply(m, 0);
        }
        let mut out = vec![0];
        out.extend((1..=n).map(|i| st.nodes[i].head));
        out
    }

    #[test]
    fn oracle_reaches_projective_gold_trees() {
        for heads in [
            vec![0, 0],
            vec![0, 2, 0, 2],
            vec![0, 3, 3, 0, 3, 6, 4, 3],
            vec![0, 0, 1, 2, 3, 4],
            vec![0, 5, 5, 5, 5, 0],
        ] {
            assert_eq!(oracle_parse(&heads), heads);
        }
    }

    #[test]
    fn projectivize_lifts_crossing_arcs() {
        // 1←3 with 2 attached to 4 crosses: word 2's arc from 4 spans 3 (not under 4).
        let mut heads = vec![0, 3, 4, 0, 3];
        assert!(is_tree(&heads));
        let lifted = projectivize(&mut heads);
        assert_eq!(lifted, 1);
        assert_eq!(heads, vec![0, 3, 3, 0, 3]);
        assert_eq!(oracle_parse(&heads), heads);
        let mut cyclic = vec![0, 2, 1];
        assert_eq!(projectivize(&mut cyclic), 0);
    }
}
