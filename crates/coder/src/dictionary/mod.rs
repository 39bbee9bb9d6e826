//! The dictionary baseline coder (`--coder dictionary`): PETRARCH/TABARI-class coding
//! with the Phoenix dictionaries, kept as the baseline every later coder must beat.
//!
//! Input: a segmented article. Per sentence: skip it if a discard phrase occurs (the
//! whole document for a story-level discard); find actors (named actors and agent nouns,
//! longest match, case-insensitive; a country next to an agent noun forms one compound
//! actor, "Afghan government forces"); find verbs (every form the dictionary defines,
//! multiword forms, longest match); pick the verb's code by the pattern with the most
//! elements found in order around the verb, else the verb's or block's default code; map
//! the CAMEO code to PLOVER (CAMEO 01/02 give no event); source = nearest actor before
//! the verb, target = nearest after, and as in TABARI an event needs both (measured on
//! the dev gold: same event F1, better actor accuracy than accepting one side).
//! A negator right before the verb drops the event. When the article carries the
//! annotate layer, verb forms count only where the tagger says VERB.
//! Output: events without place, date or counts (the baseline does not read them).
//! Must not: do IO; know any gold sentence.

pub mod convert;
pub mod resource;

use crate::{Coded, Coder, EventDraft};
use article::{Article, Diagnostic, Severity, Span};
use events::{ActorRef, Category};
use resource::{norm_token, Dictionaries, Pattern, Phrase, PloverCode, Role};
use std::collections::HashMap;

/// Phrases for longest-match lookup: exact hash lookups, longest candidate length first.
#[derive(Debug, Default)]
struct PhraseIndex {
    phrases: HashMap<Phrase, usize>,
    /// Longest phrase length per first token.
    max_len: HashMap<String, usize>,
}

impl PhraseIndex {
    fn insert(&mut self, phrase: &Phrase, value: usize) {
        if let Some(first) = phrase.first() {
            self.phrases.entry(phrase.clone()).or_insert(value);
            let m = self.max_len.entry(first.clone()).or_default();
            *m = (*m).max(phrase.len());
        }
    }

    /// The longest phrase starting at `i`: (length in tokens, value).
    fn longest_at(&self, toks: &[String], i: usize) -> Option<(usize, usize)> {
        let max = *self.max_len.get(toks.get(i)?)?;
        (1..=max.min(toks.len() - i))
            .rev()
            .find_map(|n| self.phrases.get(&toks[i..i + n]).map(|v| (n, *v)))
    }

    fn occurs_in(&self, toks: &[String]) -> Option<usize> {
        (0..toks.len()).find_map(|i| self.longest_at(toks, i).map(|(_, v)| v))
    }
}

/// What an actor mention refers to.
#[derive(Debug, Clone, Copy, PartialEq)]
enum MentionKind {
    /// A named actor.
    Actor(usize),
    /// An agent noun alone.
    Agent(usize),
    /// A country (named actor) with an agent noun.
    Compound(usize, usize),
}

/// An actor mention: token range in the sentence and what it is.
#[derive(Debug, Clone, Copy)]
struct Mention {
    start: usize,
    end: usize,
    kind: MentionKind,
}

/// CAMEO actor-code prefixes that are not countries.
const NON_COUNTRY: &[&str] = &[
    "IGO", "NGO", "IMG", "MNC", "INT", "UIS", "NGM", "REB", "INS", "OPP", "GOV", "MIL", "COP",
    "CVL", "BUS", "MED", "UAF", "REF", "SPY", "JUD", "LEG", "CRM", "EDU", "HLH", "AGR", "LAB",
    "ELI", "PTY", "REL", "ENV", "HRI", "DEV", "MOD", "RAD",
];

/// Agent codes reported as `agent` (the sector of FORMAT.md).
const SECTORS: &[&str] = &[
    "GOV", "MIL", "COP", "INS", "REB", "OPP", "CVL", "REF", "IGO", "NGO", "MED", "BUS", "JUD",
    "LEG", "SPY", "CRM", "UAF", "PTY", "ELI", "LAB", "EDU", "HLH", "AGR", "REL", "ENV", "HRI",
    "DEV",
];

/// Splits a CAMEO actor code into (ISO3 country, sector).
pub fn split_actor_code(code: &str) -> (Option<String>, Option<String>) {
    let chunks: Vec<&str> = (0..code.len() / 3)
        .filter_map(|i| code.get(i * 3..i * 3 + 3))
        .collect();
    let Some(first) = chunks.first() else {
        return (None, None);
    };
    let (country, rest) = if NON_COUNTRY.contains(first) {
        (None, &chunks[..])
    } else {
        (Some(first.to_string()), &chunks[1..])
    };
    let sector = match *first {
        "IGO" => Some("IGO".to_string()),
        "NGO" => Some("NGO".to_string()),
        "IMG" => Some("INS".to_string()),
        "MNC" => Some("BUS".to_string()),
        _ => rest
            .iter()
            .find(|c| SECTORS.contains(c))
            .map(|c| c.to_string()),
    };
    (country, sector)
}

/// The role valid on `date` (`YYYYMMDD`), else the undated one, else the last one.
fn pick_role(roles: &[Role], date: Option<u32>) -> Option<&Role> {
    if let Some(d) = date {
        if let Some(r) = roles.iter().find(|r| {
            (r.from.is_some() || r.to.is_some())
                && r.from.is_none_or(|f| f <= d)
                && r.to.is_none_or(|t| d <= t)
        }) {
            return Some(r);
        }
    }
    roles
        .iter()
        .find(|r| r.from.is_none() && r.to.is_none())
        .or_else(|| roles.last())
}

/// `YYYY-MM-DD` → `YYYYMMDD`.
fn date_number(published: Option<&str>) -> Option<u32> {
    let p = published?;
    let digits: String = p.chars().filter(|c| c.is_ascii_digit()).take(8).collect();
    (digits.len() == 8).then(|| digits.parse().ok()).flatten()
}

/// How many tokens may separate a verb and its pattern elements, or two elements
/// (determiners, adjectives: "attacked *the rebel* positions").
const GAP: usize = 3;

/// Words that negate a following verb.
const NEGATORS: &[&str] = &["not", "n't", "never", "no"];

/// The dictionary baseline coder.
#[derive(Debug)]
pub struct DictionaryCoder {
    dict: Dictionaries,
    verbs: PhraseIndex,
    /// For each verb-index value: (block, form).
    verb_forms: Vec<(usize, usize)>,
    actors: PhraseIndex,
    agents: PhraseIndex,
    sentence_discards: PhraseIndex,
    story_discards: PhraseIndex,
}

impl DictionaryCoder {
    /// Builds the coder's indexes from the compiled dictionaries.
    pub fn new(dict: Dictionaries) -> Self {
        let mut verbs = PhraseIndex::default();
        let mut verb_forms = Vec::new();
        for (b, block) in dict.verbs.iter().enumerate() {
            for (f, form) in block.forms.iter().enumerate() {
                verbs.insert(&form.words, verb_forms.len());
                verb_forms.push((b, f));
            }
        }
        let mut actors = PhraseIndex::default();
        for (i, a) in dict.actors.iter().enumerate() {
            for p in &a.phrases {
                actors.insert(p, i);
            }
        }
        let mut agents = PhraseIndex::default();
        for (i, a) in dict.agents.iter().enumerate() {
            for p in &a.phrases {
                agents.insert(p, i);
            }
        }
        let mut sentence_discards = PhraseIndex::default();
        for (i, p) in dict.sentence_discards.iter().enumerate() {
            sentence_discards.insert(p, i);
        }
        let mut story_discards = PhraseIndex::default();
        for (i, p) in dict.story_discards.iter().enumerate() {
            story_discards.insert(p, i);
        }
        DictionaryCoder {
            dict,
            verbs,
            verb_forms,
            actors,
            agents,
            sentence_discards,
            story_discards,
        }
    }

    /// The compiled dictionaries.
    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dict
    }

    /// PLOVER coding of a CAMEO code: exact, else by shorter prefixes; 01/02 give none.
    pub fn plover(&self, cameo: &str) -> Option<&PloverCode> {
        if cameo.starts_with("01") || cameo.starts_with("02") {
            return None;
        }
        (2..=cameo.len())
            .rev()
            .find_map(|n| cameo.get(..n).and_then(|p| self.dict.cameo.get(p)))
    }

    /// Actor mentions in a sentence's normalized tokens, left to right, non-overlapping.
    fn mentions(&self, toks: &[String]) -> Vec<Mention> {
        let mut raw = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let actor = self.actors.longest_at(toks, i);
            let agent = self.agents.longest_at(toks, i);
            match (actor, agent) {
                (Some((la, a)), Some((lg, _))) if la >= lg => {
                    raw.push(Mention {
                        start: i,
                        end: i + la,
                        kind: MentionKind::Actor(a),
                    });
                    i += la;
                }
                (_, Some((lg, g))) => {
                    raw.push(Mention {
                        start: i,
                        end: i + lg,
                        kind: MentionKind::Agent(g),
                    });
                    i += lg;
                }
                (Some((la, a)), None) => {
                    raw.push(Mention {
                        start: i,
                        end: i + la,
                        kind: MentionKind::Actor(a),
                    });
                    i += la;
                }
                (None, None) => i += 1,
            }
        }
        // A country actor directly before an agent noun is one compound actor.
        let mut out: Vec<Mention> = Vec::new();
        for m in raw {
            if let (Some(prev), MentionKind::Agent(g)) = (out.last_mut(), m.kind) {
                if let MentionKind::Actor(a) = prev.kind {
                    if prev.end == m.start && self.is_country(a) {
                        prev.end = m.end;
                        prev.kind = MentionKind::Compound(a, g);
                        continue;
                    }
                }
            }
            out.push(m);
        }
        out
    }

    fn is_country(&self, actor: usize) -> bool {
        self.dict.actors[actor]
            .roles
            .iter()
            .any(|r| r.code.len() == 3 && !NON_COUNTRY.contains(&r.code.as_str()))
    }

    /// The output actor for a mention.
    fn actor_ref(&self, m: &Mention, surface: &str, date: Option<u32>) -> ActorRef {
        match m.kind {
            MentionKind::Actor(a) => {
                let entry = &self.dict.actors[a];
                let code = pick_role(&entry.roles, date).map(|r| r.code.clone());
                let (country, agent) = code.as_deref().map(split_actor_code).unwrap_or_default();
                ActorRef {
                    name: entry.name.clone(),
                    text: Some(surface.to_string()),
                    country,
                    agent,
                    code,
                    span: None,
                    aliases: Vec::new(),
                }
            }
            MentionKind::Agent(g) => {
                let code = self.dict.agents[g].code.clone();
                let (_, agent) = split_actor_code(&format!("XXX{code}"));
                ActorRef {
                    name: surface.to_string(),
                    text: Some(surface.to_string()),
                    country: None,
                    agent,
                    code: Some(code),
                    span: None,
                    aliases: Vec::new(),
                }
            }
            MentionKind::Compound(a, g) => {
                let entry = &self.dict.actors[a];
                let country_code = pick_role(&entry.roles, date)
                    .map(|r| r.code.clone())
                    .unwrap_or_default();
                let code = format!("{}{}", country_code, self.dict.agents[g].code);
                let (country, agent) = split_actor_code(&code);
                let agent_words = surface
                    .split_whitespace()
                    .skip(1)
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase();
                ActorRef {
                    name: format!("{} {}", entry.name, agent_words).trim().to_string(),
                    text: Some(surface.to_string()),
                    country,
                    agent,
                    code: Some(code),
                    span: None,
                    aliases: Vec::new(),
                }
            }
        }
    }

    /// The best pattern for a verb at `[vs, ve)`: (pattern, elements matched).
    fn best_pattern<'a>(
        patterns: &'a [Pattern],
        toks: &[String],
        vs: usize,
        ve: usize,
    ) -> Option<&'a Pattern> {
        let mut best: Option<(&Pattern, usize)> = None;
        for p in patterns {
            if p.pre.is_empty() && p.post.is_empty() {
                continue;
            }
            let post_ok = match_post(&p.post, toks, ve);
            let pre_ok = match_pre(&p.pre, toks, vs);
            if post_ok && pre_ok {
                let n = p.pre.len() + p.post.len();
                if best.is_none_or(|(_, m)| n > m) {
                    best = Some((p, n));
                }
            }
        }
        best.map(|(p, _)| p)
    }
}

/// True when every post-verb element follows the verb in order, each starting at most
/// [`GAP`] tokens after the end of the previous one (determiners, adjectives between).
fn match_post(elements: &[Vec<Phrase>], toks: &[String], verb_end: usize) -> bool {
    let mut pos = verb_end;
    for alts in elements {
        let found = (pos..=(pos + GAP).min(toks.len())).find_map(|i| {
            alts.iter()
                .find(|p| toks.get(i..i + p.len()) == Some(&p[..]))
                .map(|p| i + p.len())
        });
        match found {
            Some(end) => pos = end,
            None => return false,
        }
    }
    true
}

/// The mirror of [`match_post`] for elements before the verb.
fn match_pre(elements: &[Vec<Phrase>], toks: &[String], verb_start: usize) -> bool {
    let mut pos = verb_start;
    for alts in elements.iter().rev() {
        let found = (pos.saturating_sub(GAP)..=pos).rev().find_map(|end| {
            alts.iter()
                .find(|p| end >= p.len() && toks.get(end - p.len()..end) == Some(&p[..]))
                .map(|p| end - p.len())
        });
        match found {
            Some(start) => pos = start,
            None => return false,
        }
    }
    true
}

impl Coder for DictionaryCoder {
    fn name(&self) -> &'static str {
        "dictionary"
    }

    fn code(&self, article: &Article) -> Coded {
        let mut coded = Coded::default();
        let index = article.char_index();
        let date = date_number(article.meta.published.as_deref());
        let annotated =
            article.annotations.len() == article.tokens.len() && !article.tokens.is_empty();
        let sentences: Vec<(usize, Vec<String>)> = article
            .sentences
            .iter()
            .enumerate()
            .map(|(k, s)| {
                let toks = article
                    .sentence_tokens(s)
                    .iter()
                    .map(|t| norm_token(article.slice(t.span)))
                    .collect();
                (k, toks)
            })
            .collect();
        if let Some(p) = sentences
            .iter()
            .find_map(|(_, toks)| self.story_discards.occurs_in(toks))
        {
            coded.diagnostics.push(
                Diagnostic::new(
                    Severity::Info,
                    "code",
                    format!(
                        "document skipped: story-level discard phrase {:?}",
                        self.dict.story_discards[p].join(" ")
                    ),
                )
                .with_doc(&article.meta.doc_id),
            );
            return coded;
        }
        for (k, toks) in &sentences {
            let sentence = &article.sentences[*k];
            if self.sentence_discards.occurs_in(toks).is_some() {
                continue;
            }
            let tokens = article.sentence_tokens(sentence);
            let mentions = self.mentions(toks);
            let mut covered = vec![false; toks.len()];
            for m in &mentions {
                covered[m.start..m.end].iter_mut().for_each(|c| *c = true);
            }
            let mut drafts: Vec<EventDraft> = Vec::new();
            let mut i = 0;
            while i < toks.len() {
                if covered[i] {
                    i += 1;
                    continue;
                }
                let Some((len, v)) = self.verbs.longest_at(toks, i) else {
                    i += 1;
                    continue;
                };
                let (vs, ve) = (i, i + len);
                i = ve;
                // With the annotate layer, a verb pattern counts only on a verb (PETRARCH
                // read verbs off a parse; without one every form matches, nouns included).
                let base = sentence.tokens.start;
                if annotated
                    && !(base + vs..base + ve)
                        .any(|t| article.annotations.get(t).is_some_and(|a| a.upos == "VERB"))
                {
                    continue;
                }
                let (b, f) = self.verb_forms[v];
                let block = &self.dict.verbs[b];
                let form = &block.forms[f];
                let negated =
                    (vs.saturating_sub(2)..vs).any(|j| NEGATORS.contains(&toks[j].as_str()));
                if negated {
                    continue;
                }
                let pattern = Self::best_pattern(&block.patterns, toks, vs, ve);
                let (code, rule_detail) = match pattern {
                    Some(p) => (p.code.clone(), p.source.clone()),
                    None => (
                        form.code.clone().or_else(|| block.code.clone()),
                        "default".to_string(),
                    ),
                };
                let Some(code) = code else { continue };
                let Some(plover) = self.plover(&code) else {
                    continue;
                };
                let Ok(category) = plover.category.parse::<Category>() else {
                    continue;
                };
                // Mentions are sorted and disjoint: binary search, linear on huge sentences.
                let after = mentions.partition_point(|m| m.start < ve);
                let before = mentions.partition_point(|m| m.end <= vs);
                let source = before.checked_sub(1).map(|k| &mentions[k]);
                let target = mentions.get(after);
                if source.is_none() || target.is_none() {
                    continue;
                }
                let mention_span =
                    |m: &Mention| Span::new(tokens[m.start].span.start, tokens[m.end - 1].span.end);
                let side = |m: Option<&Mention>| -> Vec<(ActorRef, Option<Span>)> {
                    m.map(|m| {
                        let span = mention_span(m);
                        let mut r = self.actor_ref(m, article.slice(span), date);
                        crate::actor_link::link(article, span, &mut r);
                        (r, Some(span))
                    })
                    .into_iter()
                    .collect()
                };
                let draft = EventDraft {
                    category,
                    mode: plover.mode.clone(),
                    context: plover.context.clone(),
                    actor: side(source),
                    recipient: side(target),
                    location: crate::location::locate(
                        article,
                        *k,
                        Span::new(tokens[vs].span.start, tokens[ve - 1].span.end),
                    ),
                    date: None,
                    dead: None,
                    injured: None,
                    size: None,
                    sentence: sentence.span,
                    trigger: Span::new(tokens[vs].span.start, tokens[ve - 1].span.end),
                    rule: format!("dictionary:{}:{}:[{}]", block.name, rule_detail, code),
                    confidence: if pattern.is_some() { 0.6 } else { 0.4 },
                    future: false,
                    date_implied: false,
                    dated_with: None,
                    place_recipient: false,
                };
                if !drafts.iter().any(|d| d.same_as(&draft)) {
                    drafts.push(draft);
                }
            }
            coded
                .events
                .extend(drafts.into_iter().map(|d| d.finish(article, &index)));
        }
        coded
    }
}

#[cfg(test)]
mod tests {
    use super::convert::{convert, PhoenixSources};
    use super::*;
    use article::{Meta, Sentence, Token, TokenKind};

    /// A tiny hand-written dictionary in Phoenix syntax.
    fn tiny() -> DictionaryCoder {
        let tok = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_string).collect() };
        let src = PhoenixSources {
            verbs: "---  ATTACK   [190]  ---\nATTACK\n- * CIVILIAN [180]\n---  SURRENDER   [0874]  ---\nSURRENDER\n---  SAY   [---]  ---\nSAY {SAID SAYS}\n---  PRAISE   [051]  ---\nPRAISE\n",
            actors: &["AFGHANISTAN_ [AFG]\n+AFGHAN_\nTALIBAN_ [AFGINS]\nISLAMIC_STATE [IMGMUSISI]\n"],
            agents: "GOVERNMENT [~GOV]\nFORCE [~MIL]\nGOVERNMENT_FORCES_ [~MIL]\n",
            discards: "FOOTBALL\n+CRICKET_MATCH\n",
            cameo2plover: "051: SUPPORT, , diplomatic\n0874: RETREAT, disarm, military\n180: ASSAULT, ,\n190: ASSAULT, , military\n",
        };
        let (dict, _) = convert(&src, &tok);
        DictionaryCoder::new(dict)
    }

    /// An article with whitespace tokens, one sentence per line.
    fn article(text: &str) -> Article {
        let mut a = Article::new(
            Meta {
                doc_id: "t".into(),
                published: Some("2018-08-01".into()),
                ..Default::default()
            },
            text.to_string(),
        );
        let mut offset = 0;
        for line in text.split('\n') {
            let first = a.tokens.len();
            let mut pos = offset;
            for w in line.split(' ') {
                if !w.is_empty() {
                    a.tokens.push(Token {
                        span: Span::new(pos, pos + w.len()),
                        kind: TokenKind::Word,
                    });
                }
                pos += w.len() + 1;
            }
            let last = a.tokens.len();
            if last > first {
                let span = Span::new(a.tokens[first].span.start, a.tokens[last - 1].span.end);
                a.sentences.push(Sentence {
                    span,
                    tokens: first..last,
                    paragraph: 0,
                });
            }
            offset += line.len() + 1;
        }
        a
    }

    #[test]
    fn source_before_target_after_verb() {
        let c = tiny();
        let out = c.code(&article("The Taliban attacked the Islamic State ."));
        assert_eq!(out.events.len(), 1);
        let e = &out.events[0];
        assert_eq!(e.event_type, Category::Assault);
        assert_eq!(e.actor[0].name, "Taliban");
        assert_eq!(e.actor[0].country.as_deref(), Some("AFG"));
        assert_eq!(e.actor[0].agent.as_deref(), Some("INS"));
        assert_eq!(e.recipient[0].name, "Islamic State");
        assert_eq!(e.recipient[0].agent.as_deref(), Some("INS"));
        assert_eq!(e.trigger.text, "attacked");
        assert_eq!(e.sentence.start, 0);
        assert!(e.rule.contains("ATTACK"));
    }

    #[test]
    fn compound_country_agent_and_default_code() {
        let c = tiny();
        let out = c.code(&article(
            "The Taliban surrendered to the Afghan government forces .",
        ));
        assert_eq!(out.events.len(), 1);
        let e = &out.events[0];
        assert_eq!(e.event_type, Category::Retreat);
        assert_eq!(e.mode.as_deref(), Some("disarm"));
        assert_eq!(e.actor[0].name, "Taliban");
        let r = &e.recipient[0];
        assert_eq!(r.text.as_deref(), Some("Afghan government forces"));
        assert_eq!(r.country.as_deref(), Some("AFG"));
        assert_eq!(r.agent.as_deref(), Some("MIL"));
    }

    #[test]
    fn pattern_overrides_default_and_no_event_codes() {
        let c = tiny();
        let out = c.code(&article(
            "The Taliban attacked civilian homes in Afghanistan .\nThe Taliban said nothing to Afghanistan .",
        ));
        assert_eq!(out.events.len(), 1, "SAY is [---]: no event");
        assert!(out.events[0].rule.contains("[180]"));
    }

    #[test]
    fn negation_discards_and_missing_actors() {
        let c = tiny();
        assert!(c
            .code(&article("The Taliban did not attack Afghanistan ."))
            .events
            .is_empty());
        assert!(c
            .code(&article("The Taliban attacked the football team ."))
            .events
            .is_empty());
        assert!(c
            .code(&article("Someone attacked someone ."))
            .events
            .is_empty());
        let story = c.code(&article(
            "The Taliban attacked Afghanistan .\nA cricket match .",
        ));
        assert!(story.events.is_empty());
        assert_eq!(story.diagnostics.len(), 1);
    }

    #[test]
    fn with_pos_tags_verbs_count_only_on_verbs() {
        let c = tiny();
        let tagged = |upos: &str| {
            let mut a = article("The Taliban attack Afghanistan .");
            a.annotations = ["DET", "PROPN", upos, "PROPN", "PUNCT"]
                .iter()
                .map(|u| article::TokenAnnotation {
                    upos: u.to_string(),
                    ..Default::default()
                })
                .collect();
            a
        };
        assert_eq!(c.code(&tagged("VERB")).events.len(), 1);
        assert!(
            c.code(&tagged("NOUN")).events.is_empty(),
            "a noun is not a verb"
        );
        assert_eq!(
            c.code(&article("The Taliban attack Afghanistan ."))
                .events
                .len(),
            1,
            "untagged: any form"
        );
    }

    #[test]
    fn actor_code_split() {
        assert_eq!(
            split_actor_code("AFGGOV"),
            (Some("AFG".into()), Some("GOV".into()))
        );
        assert_eq!(split_actor_code("IGOUNO"), (None, Some("IGO".into())));
        assert_eq!(split_actor_code("IMGMUSISI"), (None, Some("INS".into())));
        assert_eq!(split_actor_code("USA"), (Some("USA".into()), None));
        assert_eq!(split_actor_code(""), (None, None));
    }

    #[test]
    fn dated_roles_follow_publication_date() {
        let roles = vec![
            Role {
                code: "AFGGOV".into(),
                from: Some(20011222),
                to: Some(20141001),
            },
            Role {
                code: "AFGELI".into(),
                from: None,
                to: None,
            },
        ];
        assert_eq!(
            pick_role(&roles, Some(20100101)).map(|r| r.code.as_str()),
            Some("AFGGOV")
        );
        assert_eq!(
            pick_role(&roles, Some(20180101)).map(|r| r.code.as_str()),
            Some("AFGELI")
        );
        assert_eq!(
            pick_role(&roles, None).map(|r| r.code.as_str()),
            Some("AFGELI")
        );
    }
}
