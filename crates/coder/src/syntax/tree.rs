//! One sentence's dependency parse as child lists, with the actor mentions over it.

use article::{Article, Span};

/// One sentence's parse as child lists.
pub(super) struct Tree<'a> {
    pub(super) article: &'a Article,
    /// Index of the actor mention covering each article token.
    pub(super) mention_at: &'a [Option<usize>],
    pub(super) start: usize,
    pub(super) len: usize,
    pub(super) children: Vec<Vec<usize>>,
}

impl<'a> Tree<'a> {
    pub(super) fn new(
        article: &'a Article,
        mention_at: &'a [Option<usize>],
        sentence: &article::Sentence,
    ) -> Option<Tree<'a>> {
        let (start, end) = (sentence.tokens.start, sentence.tokens.end);
        if article.annotations.len() < end {
            return None;
        }
        let len = end - start;
        let mut children = vec![Vec::new(); len];
        for i in 0..len {
            if let Some(h) = article.annotations[start + i].head {
                if h < len && h != i {
                    children[h].push(i);
                }
            }
        }
        Some(Tree {
            article,
            mention_at,
            start,
            len,
            children,
        })
    }
    pub(super) fn ann(&self, i: usize) -> &article::TokenAnnotation {
        &self.article.annotations[self.start + i]
    }
    pub(super) fn lemma(&self, i: usize) -> String {
        self.ann(i).lemma.to_lowercase()
    }
    pub(super) fn rel(&self, i: usize) -> &str {
        self.ann(i).deprel.as_str()
    }
    pub(super) fn word(&self, i: usize) -> &str {
        self.article.word(self.start + i)
    }
    pub(super) fn span(&self, from: usize, to: usize) -> Span {
        let a = self.article.tokens[self.start + from].span;
        let b = self.article.tokens[self.start + to].span;
        Span::new(a.start, b.end.max(a.start))
    }
    /// True when the actors layer covers token `i`.
    pub(super) fn known(&self, i: usize) -> bool {
        self.mention(i).is_some()
    }

    /// The actor mention covering token `i` of the sentence.
    pub(super) fn mention(&self, i: usize) -> Option<&'a article::ActorMention> {
        let m = self.mention_at.get(self.start + i).copied().flatten()?;
        self.article.actor_mentions.get(m)
    }

    /// The case marker (preposition) of a nominal.
    pub(super) fn case(&self, i: usize) -> Option<String> {
        self.children[i]
            .iter()
            .find(|&&c| self.rel(c) == "case")
            .map(|&c| self.lemma(c))
    }
    /// The whole noun phrase headed by `head`, as the text describes the actor: its
    /// modifiers and prepositional phrases ("Doctors from two American aid groups",
    /// "Albanians of southern Serbia"), without determiners, numbers, relative
    /// clauses, appositions, conjuncts or anything past a comma. `None` when the
    /// phrase is only the head or longer than a dozen words.
    pub(super) fn noun_phrase(&self, head: usize) -> Option<Span> {
        const LEFT_OUT: &[&str] = &[
            "det",
            "det:predet",
            "nummod",
            "punct",
            "acl:relcl",
            "appos",
            "cc",
            "conj",
            "parataxis",
            "dep",
            "case",
            "mark",
            "cop",
            "aux",
            "aux:pass",
            "advmod",
            "nsubj",
            "nsubj:pass",
            "obj",
            "discourse",
            "vocative",
            "orphan",
            "reparandum",
        ];
        let mut inside = vec![false; self.len];
        inside[head] = true;
        let mut stack: Vec<usize> = self.children[head]
            .iter()
            .copied()
            .filter(|&c| !LEFT_OUT.contains(&self.rel(c)))
            .collect();
        while let Some(x) = stack.pop() {
            if inside[x] || self.ann(x).upos == "PUNCT" {
                continue;
            }
            // ("leaders of the new government on Tuesday": not the time.)
            if x != head && self.time_phrase(x) {
                continue;
            }
            inside[x] = true;
            stack.extend(self.children[x].iter().copied());
        }
        // The unbroken run of phrase words around the head.
        let mut from = head;
        while from > 0 && inside[from - 1] {
            from -= 1;
        }
        let mut to = head;
        while to + 1 < self.len && inside[to + 1] {
            to += 1;
        }
        (to > from && to - from < 12).then(|| self.span(from, to))
    }

    /// True when a compound or adjective of `head` is a known actor ("its European
    /// Union partners").
    pub(super) fn named_modifier(&self, head: usize) -> bool {
        self.children[head]
            .iter()
            .any(|&c| matches!(self.rel(c), "compound" | "amod") && self.known(c))
    }

    /// True when a preposition lies in `from..to` (a modifier left of it belongs to
    /// another phrase).
    pub(super) fn preposition_between(&self, from: usize, to: usize) -> bool {
        (from..to).any(|y| self.ann(y).upos == "ADP")
    }

    /// True when `x` is `top` or lies below it in the tree.
    pub(super) fn dominates(&self, top: usize, mut x: usize) -> bool {
        for _ in 0..=self.len {
            if x == top {
                return true;
            }
            match self.ann(x).head {
                Some(h) if h < self.len => x = h,
                _ => return false,
            }
        }
        false
    }

    /// True when the nominal at `i` names a time: "Tuesday", "today", "last year",
    /// "since last month".
    pub(super) fn time_phrase(&self, i: usize) -> bool {
        if crate::date::is_time_word(&self.word(i).to_lowercase()) {
            return true;
        }
        const UNITS: &[&str] = &[
            "year",
            "month",
            "week",
            "day",
            "night",
            "morning",
            "evening",
            "afternoon",
            "weekend",
        ];
        // "last night", "Thursday night", "this week".
        UNITS.contains(&self.lemma(i).as_str())
            && self.children[i].iter().any(|&c| {
                matches!(
                    self.lemma(c).as_str(),
                    "last" | "this" | "next" | "past" | "previous" | "since"
                ) || crate::date::is_time_word(&self.word(c).to_lowercase())
            })
    }

    /// True when a child relation of `t` matches a frame label.
    pub(super) fn matches(&self, c: usize, label: &str) -> bool {
        let rel = self.rel(c);
        let case = || self.case(c);
        match label {
            "nsubj" => rel == "nsubj",
            "nsubj:pass" => rel == "nsubj:pass",
            "agent" | "obl:by" => {
                rel == "obl:agent" || (rel.starts_with("obl") && case().as_deref() == Some("by"))
            }
            "obj" => rel == "obj",
            "iobj" => rel == "iobj",
            "poss" => rel == "nmod:poss",
            // (An acronym the tagger took for a common noun counts when it is a known
            // actor: "a PKK attack".)
            "compound" => {
                rel == "compound"
                    && (self.ann(c).upos == "PROPN"
                        || self.known(c)
                            && self
                                .word(c)
                                .chars()
                                .all(|ch| ch.is_uppercase() || ch == '-'))
            }
            "amod_nationality" => {
                rel == "amod" && self.word(c).chars().next().is_some_and(char::is_uppercase)
            }
            l => match l.split_once(':') {
                Some(("obl", p)) => rel.starts_with("obl") && case().as_deref() == Some(p),
                Some(("nmod", p)) => {
                    rel.starts_with("nmod") && rel != "nmod:poss" && case().as_deref() == Some(p)
                }
                _ => false,
            },
        }
    }
}
