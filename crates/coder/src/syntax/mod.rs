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
use lexicon::{Lexicon, Pos};

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
    /// Index of the actor mention covering each article token.
    mention_at: &'a [Option<usize>],
    start: usize,
    len: usize,
    children: Vec<Vec<usize>>,
}

impl<'a> Tree<'a> {
    fn new(
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
    /// True when the actors layer covers token `i`.
    fn known(&self, i: usize) -> bool {
        self.mention(i).is_some()
    }

    /// The actor mention covering token `i` of the sentence.
    fn mention(&self, i: usize) -> Option<&'a article::ActorMention> {
        let m = self.mention_at.get(self.start + i).copied().flatten()?;
        self.article.actor_mentions.get(m)
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
                // "the other commander, Maulavi Habib ul-Rahman,": the named apposition.
                let named = tree.children[c]
                    .iter()
                    .copied()
                    .find(|&x| tree.rel(x) == "appos" && tree.known(x));
                out.push(named.unwrap_or(c));
                for &cc in &tree.children[c] {
                    if tree.rel(cc) == "conj" {
                        out.push(cc);
                    }
                }
            }
        }
        out
    }

    /// When the frame finds no recipient: the subject of a "that" clause ("demanded
    /// that Hamas renounce"), else the first prepositional argument that is a known
    /// actor ("granted asylum to five Panamanian army officers").
    fn fallback_recipient(tree: &Tree<'_>, t: usize) -> Vec<usize> {
        let known = |c: usize| tree.known(c);
        for &c in &tree.children[t] {
            if tree.rel(c) == "ccomp" {
                if let Some(&s) = tree.children[c].iter().find(|&&x| tree.rel(x) == "nsubj") {
                    if known(s) {
                        return vec![s];
                    }
                }
            }
        }
        let mut nominals: Vec<usize> = tree.children[t]
            .iter()
            .copied()
            .filter(|&c| tree.rel(c) == "obj")
            .flat_map(|o| tree.children[o].clone())
            .chain(tree.children[t].iter().copied())
            .filter(|&c| {
                let rel = tree.rel(c);
                (rel.starts_with("obl") || rel.starts_with("nmod"))
                    && matches!(
                        tree.case(c).as_deref(),
                        Some("to" | "with" | "against" | "on" | "from" | "in" | "by" | "of")
                    )
            })
            .collect();
        nominals.sort_unstable();
        let found: Vec<usize> = nominals.into_iter().filter(|&c| known(c)).take(1).collect();
        if !found.is_empty() {
            return found;
        }
        // Last resort, as TABARI: the first known actor after the trigger in its clause
        // (not past a clause boundary: ";", "but", a second finite verb's subject).
        let mut u = t + 1;
        while u < tree.len {
            let w = tree.word(u);
            if w == ";" || w == "but" || tree.rel(u) == "nsubj" && !known(u) {
                break;
            }
            if known(u) {
                return vec![u];
            }
            u += 1;
        }
        Vec::new()
    }

    /// The actor reference of an argument head: the actors layer, else the phrase.
    fn actor_ref(tree: &Tree<'_>, head: usize) -> Option<(ActorRef, Span)> {
        let a = tree.article;
        let g = tree.start + head;
        if let Some(m) = tree.mention(head) {
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
        if upos == "PRON" {
            let lemma = tree.lemma(head);
            // "a former Taliban leader who had switched sides": the relative pronoun is
            // the noun the clause modifies, or that noun's subject when it is a predicate.
            if matches!(lemma.as_str(), "who" | "which" | "that") {
                let clause = tree.ann(head).head?;
                if tree.rel(clause) == "acl:relcl" {
                    let noun = tree.ann(clause).head.filter(|&n| n < tree.len)?;
                    let subject = tree.children[noun]
                        .iter()
                        .copied()
                        .find(|&c| tree.rel(c) == "nsubj");
                    return Self::actor_ref(tree, subject.unwrap_or(noun));
                }
                return None;
            }
            // "its attacks", "their positions": the most recent organization actor within
            // two sentences.
            if matches!(lemma.as_str(), "its" | "their" | "it" | "they") {
                let here = tree.article.tokens[g].span.start;
                let floor = tree
                    .article
                    .sentences
                    .iter()
                    .position(|s| s.span.end > here)?;
                let floor = tree.article.sentences[floor.saturating_sub(2)].span.start;
                let before = a.actor_mentions.partition_point(|m| m.span.start < here);
                let m = a.actor_mentions[..before]
                    .iter()
                    .rev()
                    .take_while(|m| m.span.start >= floor)
                    .filter(|m| m.span.end <= here)
                    .find(|m| {
                        a.actors
                            .get(m.actor)
                            .is_some_and(|x| x.kind == article::ActorKind::Organization)
                    })?;
                let actor = a.actors.get(m.actor)?;
                return Some((
                    ActorRef {
                        name: actor.name.clone(),
                        text: Some(tree.word(head).to_string()),
                        country: actor.country.clone(),
                        agent: actor.sector.clone(),
                        aliases: actor.aliases.clone(),
                        ..Default::default()
                    },
                    tree.span(head, head),
                ));
            }
            return None;
        }
        if upos == "NUM" || upos == "DET" {
            return None;
        }
        // "Haiti's efforts", "the withdrawal of Serbian forces": a common noun stands for
        // the actor attached to it, when that one is a known actor.
        if upos == "NOUN" {
            for &c in &tree.children[head] {
                let rel = tree.rel(c);
                let of = rel.starts_with("nmod")
                    && (rel == "nmod:poss" || tree.case(c).as_deref() == Some("of"));
                if of
                    && a.actor_mentions
                        .iter()
                        .any(|m| m.tokens.contains(&(tree.start + c)))
                {
                    return Self::actor_ref(tree, c);
                }
            }
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
            if c > to && tree.rel(c) == "flat" {
                to = c;
            }
        }
        // "the Islamic State fighters", "Taliban commanders": members stand for the
        // group that modifies them.
        if upos == "NOUN" {
            if let Some(x) = (from..head).find(|&x| tree.known(x)) {
                if let Some((r, named)) = Self::actor_ref(tree, x) {
                    let phrase = tree.span(from, head);
                    return Some((r, Span::new(named.start.min(phrase.start), phrase.end)));
                }
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

    fn code_sentence(
        &self,
        article: &Article,
        mention_at: &[Option<usize>],
        k: usize,
        out: &mut Vec<EventDraft>,
    ) {
        let s = &article.sentences[k];
        let Some(tree) = Tree::new(article, mention_at, s) else {
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
            // Event nouns: "attacks from X", "strikes by X" name the attacker too.
            let mut actor_labels = trigger.actor.clone();
            if pos == Pos::Noun {
                actor_labels.extend(["nmod:from".to_string(), "nmod:by".to_string()]);
            }
            let mut actors = Self::arguments(&tree, t, &actor_labels, passive);
            let mut recipients = Self::arguments(&tree, t, &trigger.recipient, false);
            if recipients.is_empty()
                && pos == Pos::Verb
                && !trigger.symmetric
                && !trigger.recipient.is_empty()
            {
                recipients = Self::fallback_recipient(&tree, t);
            }
            // "Police arrested 30 protesters" tagged as a reduced relative (VBN, acl): a
            // participle with a direct object is a finite verb; its head is the subject.
            if actors.is_empty()
                && tree.rel(t) == "acl"
                && tree.children[t].iter().any(|&c| tree.rel(c) == "obj")
            {
                if let Some(h) = tree.ann(t).head.filter(|&h| h < tree.len && h < t) {
                    actors.push(h);
                }
            }
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
            let (mut actor, mut recipient) = (side(&actors), side(&recipients));
            // Nobody acts on themselves here: a recipient that is also an actor goes.
            recipient.retain(|(r, _)| !actor.iter().any(|(a, _)| a.name == r.name));
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
                date: crate::date::date_of(article, k),
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
            if !out
                .iter()
                .any(|d| d.sentence == draft.sentence && d.same_as(&draft))
            {
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
        let mut mention_at = vec![None; article.tokens.len()];
        for (i, m) in article.actor_mentions.iter().enumerate() {
            for t in m.tokens.clone() {
                if let Some(slot) = mention_at.get_mut(t) {
                    slot.get_or_insert(i);
                }
            }
        }
        let mut drafts = Vec::new();
        for k in 0..article.sentences.len() {
            self.code_sentence(article, &mention_at, k, &mut drafts);
        }
        let index = article.char_index();
        let events = consolidate(
            drafts
                .into_iter()
                .map(|d| d.finish(article, &index))
                .collect(),
        );
        Coded {
            events,
            diagnostics: Vec::new(),
        }
    }
}

/// Within-document consolidation: events of one type with the same actors and
/// recipients (at least one side named) and compatible places are one event stated in
/// several sentences; the first keeps the others' sentences as evidence and fills its
/// missing place and counts from them.
pub fn consolidate(events: Vec<events::Event>) -> Vec<events::Event> {
    let names = |v: &[ActorRef]| {
        let mut n: Vec<String> = v.iter().map(|a| a.name.to_lowercase()).collect();
        n.sort();
        n
    };
    let mut out: Vec<events::Event> = Vec::new();
    for e in events {
        let same = out.iter_mut().find(|o| {
            o.event_type == e.event_type
                && (!e.actor.is_empty() || !e.recipient.is_empty())
                && names(&o.actor) == names(&e.actor)
                && names(&o.recipient) == names(&e.recipient)
                && match (&o.location, &e.location) {
                    (Some(a), Some(b)) => a.name == b.name,
                    _ => true,
                }
        });
        match same {
            Some(o) => {
                if !o.evidence.iter().any(|x| x.start == e.sentence.start) {
                    o.evidence.push(e.sentence.clone());
                }
                if o.location.is_none() {
                    o.location = e.location.clone();
                }
                o.dead = o.dead.or(e.dead);
                o.injured = o.injured.or(e.injured);
                o.size = o.size.or(e.size);
            }
            None => out.push(e),
        }
    }
    out
}
