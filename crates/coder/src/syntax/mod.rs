//! The syntax coder (first cut of issue 6): event triggers from the curated lexicon
//! (`resources/triggers/curated.jsonl`: verbs, event nouns, multiword verbs → PLOVER
//! category and mode, with argument frames), roles from the dependency parse (subject,
//! `by`-agent of a passive, object, prepositional obliques; possessives, compounds and
//! nationality adjectives of event nouns; the object of a control verb as the subject
//! of its complement: "forced the fighters to surrender"), actors from the actors layer,
//! negation and conditionals skipped, counts from number modifiers, the location from
//! the places layer. Needs the annotate layer; without it, it codes nothing.

pub mod lexicon;

use crate::draft::EventDraft;
use crate::{Coded, Coder};
use article::{Article, Span};
use events::ActorRef;
use lexicon::{Lexicon, Pos, Trigger};

/// The syntax coder.
#[derive(Debug)]
pub struct SyntaxCoder {
    lexicon: Lexicon,
}

impl SyntaxCoder {
    /// A coder over a trigger lexicon.
    pub fn new(lexicon: Lexicon) -> Self {
        SyntaxCoder { lexicon }
    }
}

/// One sentence's parse as child lists.
struct Tree<'a> {
    article: &'a Article,
    start: usize,
    len: usize,
    children: Vec<Vec<usize>>,
}

impl<'a> Tree<'a> {
    fn new(article: &'a Article, sentence: &article::Sentence) -> Option<Tree<'a>> {
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
            start,
            len,
            children,
        })
    }
    fn ann(&self, i: usize) -> &article::TokenAnnotation {
        &self.article.annotations[self.start + i]
    }
    fn lemma(&self, i: usize) -> String {
        self.ann(i).lemma.to_lowercase()
    }
    fn rel(&self, i: usize) -> &str {
        self.ann(i).deprel.as_str()
    }
    fn word(&self, i: usize) -> &str {
        self.article.slice(self.article.tokens[self.start + i].span)
    }
    fn span(&self, from: usize, to: usize) -> Span {
        let a = self.article.tokens[self.start + from].span;
        let b = self.article.tokens[self.start + to].span;
        Span::new(a.start, b.end.max(a.start))
    }
    /// The case marker (preposition) of a nominal.
    fn case(&self, i: usize) -> Option<String> {
        self.children[i]
            .iter()
            .find(|&&c| self.rel(c) == "case")
            .map(|&c| self.lemma(c))
    }
    /// True when a child relation of `t` matches a frame label.
    fn matches(&self, c: usize, label: &str) -> bool {
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

/// Words that cancel an event when they modify its trigger.
const NEGATION: &[&str] = &["not", "never", "n't", "no"];

/// Number words.
fn number(word: &str) -> Option<u64> {
    let w = word.to_lowercase().replace(',', "");
    if let Ok(n) = w.parse::<u64>() {
        return Some(n);
    }
    Some(match w.as_str() {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" | "dozen" | "dozens" => 12,
        "fifteen" => 15,
        "twenty" | "scores" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "hundred" | "hundreds" => 100,
        "thousand" | "thousands" => 1000,
        _ => return None,
    })
}

impl SyntaxCoder {
    /// The argument tokens of `t` for one side of the frame (coordination expanded).
    fn arguments(tree: &Tree<'_>, t: usize, labels: &[String], passive: bool) -> Vec<usize> {
        let mut out = Vec::new();
        for &c in &tree.children[t] {
            let hit = labels.iter().any(|l| {
                if passive && l == "nsubj" {
                    return false;
                }
                tree.matches(c, l)
            });
            if hit {
                out.push(c);
                for &cc in &tree.children[c] {
                    if tree.rel(cc) == "conj" {
                        out.push(cc);
                    }
                }
            }
        }
        out
    }

    /// The actor reference of an argument head: the actors layer, else the phrase.
    fn actor_ref(tree: &Tree<'_>, head: usize) -> Option<(ActorRef, Span)> {
        let a = tree.article;
        let g = tree.start + head;
        if let Some(m) = a.actor_mentions.iter().find(|m| m.tokens.contains(&g)) {
            let actor = a.actors.get(m.actor)?;
            return Some((
                ActorRef {
                    name: actor.name.clone(),
                    text: Some(a.slice(m.span).to_string()),
                    country: actor.country.clone(),
                    agent: actor.sector.clone(),
                    code: None,
                    span: None,
                    aliases: actor.aliases.clone(),
                },
                m.span,
            ));
        }
        let upos = tree.ann(head).upos.as_str();
        if upos == "PRON" || upos == "NUM" || upos == "DET" {
            return None;
        }
        // The head with its compounds, adjectives and flat names on the left.
        let mut from = head;
        for &c in &tree.children[head] {
            if c < from && matches!(tree.rel(c), "compound" | "amod" | "flat" | "nmod:poss") {
                from = c;
            }
        }
        let mut to = head;
        for &c in &tree.children[head] {
            if c > to && matches!(tree.rel(c), "flat" | "compound") {
                to = c;
            }
        }
        let span = tree.span(from, to);
        let text = a.slice(span).to_string();
        Some((
            ActorRef {
                name: text.clone(),
                text: Some(text),
                ..Default::default()
            },
            span,
        ))
    }

    fn code_sentence(&self, article: &Article, k: usize, out: &mut Vec<EventDraft>) {
        let s = &article.sentences[k];
        let Some(tree) = Tree::new(article, s) else {
            return;
        };
        for t in 0..tree.len {
            let upos = tree.ann(t).upos.as_str();
            let pos = match upos {
                "VERB" => Pos::Verb,
                "NOUN" => Pos::Noun,
                _ => continue,
            };
            let lemma = tree.lemma(t);
            let child_lemmas: Vec<String> =
                tree.children[t].iter().map(|&c| tree.lemma(c)).collect();
            // Negated or conditional: not an event.
            if tree.children[t].iter().any(|&c| {
                (tree.rel(c) == "advmod" || tree.rel(c) == "det")
                    && NEGATION.contains(&tree.lemma(c).as_str())
                    || tree.rel(c) == "mark" && tree.lemma(c) == "if"
            }) {
                continue;
            }
            let Some(trigger) = self.lexicon.find(&lemma, pos, &child_lemmas) else {
                continue;
            };
            let passive = tree.children[t]
                .iter()
                .any(|&c| matches!(tree.rel(c), "aux:pass" | "nsubj:pass"));
            let mut actors = Self::arguments(&tree, t, &trigger.actor, passive);
            let recipients = Self::arguments(&tree, t, &trigger.recipient, false);
            // Control: "forced the fighters to surrender" → the fighters surrender.
            if actors.is_empty() && tree.rel(t) == "xcomp" {
                if let Some(h) = tree.ann(t).head.filter(|&h| h < tree.len) {
                    let obj = tree.children[h]
                        .iter()
                        .copied()
                        .find(|&c| tree.rel(c) == "obj");
                    let subj = tree.children[h]
                        .iter()
                        .copied()
                        .find(|&c| tree.rel(c) == "nsubj");
                    if let Some(x) = obj.or(subj) {
                        actors.push(x);
                    }
                }
            }
            let side = |heads: &[usize]| -> Vec<(ActorRef, Option<Span>)> {
                let mut v: Vec<(ActorRef, Option<Span>)> = Vec::new();
                for &h in heads {
                    if let Some((r, span)) = Self::actor_ref(&tree, h) {
                        if !v.iter().any(|(x, _)| x.name == r.name) {
                            v.push((r, Some(span)));
                        }
                    }
                }
                v
            };
            let (mut actor, recipient) = (side(&actors), side(&recipients));
            if trigger.symmetric {
                actor.extend(recipient.iter().cloned());
            }
            let recipient = if trigger.symmetric {
                Vec::new()
            } else {
                recipient
            };
            if actor.is_empty() && recipient.is_empty() {
                continue;
            }
            // Counts: a number on the object (dead, injured) or the subject (size).
            let counted = match trigger.count_role.as_deref() {
                Some("size") => actors.first().copied(),
                Some(_) => recipients
                    .first()
                    .copied()
                    .or_else(|| actors.first().copied()),
                None => None,
            };
            let count = counted.and_then(|h| {
                std::iter::once(h)
                    .chain(
                        tree.children[h]
                            .iter()
                            .copied()
                            .filter(|&c| tree.rel(c) == "nummod"),
                    )
                    .find_map(|c| {
                        (tree.ann(c).upos == "NUM")
                            .then(|| number(tree.word(c)))
                            .flatten()
                    })
            });
            let trigger_span = tree.span(t, t);
            let draft = EventDraft {
                category: trigger.category,
                mode: trigger.mode.clone(),
                context: trigger.context.clone(),
                actor,
                recipient,
                location: crate::location::locate(article, k, trigger_span),
                date: None,
                dead: count.filter(|_| trigger.count_role.as_deref() == Some("dead")),
                injured: count.filter(|_| trigger.count_role.as_deref() == Some("injured")),
                size: count.filter(|_| trigger.count_role.as_deref() == Some("size")),
                sentence: s.span,
                trigger: trigger_span,
                rule: format!(
                    "syntax:{}:{}",
                    trigger.rule,
                    if passive { "passive" } else { "active" }
                ),
                confidence: 0.6,
                future: false,
            };
            let same = |d: &EventDraft| {
                d.sentence == draft.sentence
                    && d.category == draft.category
                    && d.actor
                        .iter()
                        .map(|a| &a.0.name)
                        .eq(draft.actor.iter().map(|a| &a.0.name))
                    && d.recipient
                        .iter()
                        .map(|a| &a.0.name)
                        .eq(draft.recipient.iter().map(|a| &a.0.name))
            };
            if !out.iter().any(same) {
                out.push(draft);
            }
        }
    }
}

impl Coder for SyntaxCoder {
    fn name(&self) -> &'static str {
        "syntax"
    }

    fn code(&self, article: &Article) -> Coded {
        let mut drafts = Vec::new();
        for k in 0..article.sentences.len() {
            self.code_sentence(article, k, &mut drafts);
        }
        let index = article.char_index();
        Coded {
            events: drafts
                .into_iter()
                .map(|d| d.finish(article, &index))
                .collect(),
            diagnostics: Vec::new(),
        }
    }
}

/// Keeps `Trigger` in the public API surface for tests.
pub type TriggerEntry = Trigger;
