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
            "compound" => rel == "compound" && self.ann(c).upos == "PROPN",
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
