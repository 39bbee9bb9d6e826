//! In-document coreference: mentions become actors. Same KB entity → one actor;
//! aliases the text declares ("X, who is also known as Y", "X (Y)"); short forms
//! ("Mr. Khashi" → "Abdul Hafiz Khashi", "Mr. Nemat" → "Nematullah" when only one
//! name fits); group anaphors ("the group") → the most recent organization within three
//! sentences, else left out. Ambiguous aliases ("Islamic State") pick the reading whose
//! country the document names, else the parent entity.

use crate::kb::{EntryKind, KnowledgeBase};
use crate::mentions::{document_countries, Found, Source};
use crate::norm;
use article::{Actor, ActorFact, ActorKind, ActorMention, Article, Span};
use std::collections::BTreeMap;

fn span_of(article: &Article, tokens: &std::ops::Range<usize>) -> Span {
    match (
        article.tokens.get(tokens.start),
        article.tokens.get(tokens.end.saturating_sub(1)),
    ) {
        (Some(a), Some(b)) if tokens.end > tokens.start => Span::new(a.span.start, b.span.end),
        (Some(a), _) => Span::new(a.span.start, a.span.start),
        _ => Span::new(0, 0),
    }
}

/// `YYYYMMDD` of the publication date.
pub fn date_number(article: &Article) -> Option<u32> {
    let p = article.meta.published.as_deref()?;
    let digits: String = p.chars().filter(char::is_ascii_digit).take(8).collect();
    (digits.len() == 8).then(|| digits.parse().ok()).flatten()
}

/// Union-find over mention indices.
struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, i: usize) -> usize {
        let mut r = i;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut i = i;
        while self.0[i] != r {
            let next = self.0[i];
            self.0[i] = r;
            i = next;
        }
        r
    }
    fn union(&mut self, keep: usize, other: usize) {
        let (a, b) = (self.find(keep), self.find(other));
        if a != b {
            // The earlier mention's set is the representative.
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            self.0[hi] = lo;
        }
    }
}

/// What a clustered mention denotes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Kb(usize),
    Agent(Option<String>, String, String),
    Person(Vec<String>),
    Org(String),
    Anaphor,
}

/// Head nouns (singular, as `head_noun` gives them) of a group phrase that stands for a
/// country's forces as a whole; "commander", "officer" or "chief" name one person.
const NATIONAL_HEADS: &[&str] = &[
    "army",
    "military",
    "troop",
    "soldier",
    "force",
    "police",
    "policemen",
];

/// Clusters mentions into actors.
pub fn cluster(
    article: &Article,
    kb: &KnowledgeBase,
    found: Vec<Found>,
) -> (Vec<Actor>, Vec<ActorMention>) {
    let countries = document_countries(article, kb);
    let dominant = countries
        .iter()
        .max_by_key(|(c, n)| (**n, std::cmp::Reverse((*c).clone())))
        .map(|(c, _)| c.clone());
    let date = date_number(article);
    let word = |i: usize| article.slice(article.tokens[i].span).to_string();
    let name_words =
        |f: &Found| -> Vec<String> { f.name.clone().map(|i| norm(&word(i))).collect() };

    // (The name's last word: "Panamanian army officers" is named for the army.)
    let head_noun = |f: &Found| -> String {
        let last = f.name.end.saturating_sub(1).max(f.name.start);
        let w = norm(&word(last));
        match w.strip_suffix('s') {
            Some(stem) if stem.len() > 3 => stem.to_string(),
            _ => w,
        }
    };
    let national = |country: &Option<String>, sector: &str, f: &Found| -> Option<Key> {
        let head = head_noun(f);
        // "the junta", "the military rule": the armed forces in power.
        let military_rule = head == "junta"
            || matches!(head.as_str(), "rule" | "regime" | "government")
                && f.tokens.clone().any(|t| norm(&word(t)) == "military");
        if military_rule {
            return kb.national_body(country.as_deref()?, "MIL").map(Key::Kb);
        }
        if !NATIONAL_HEADS.contains(&head.as_str()) {
            return None;
        }
        kb.national_body(country.as_deref()?, sector).map(Key::Kb)
    };
    let keys: Vec<Key> = found
        .iter()
        .map(|f| match &f.source {
            Source::Kb(readings) => {
                let pick = readings
                    .iter()
                    .find(|r| !r.ambiguous)
                    .or_else(|| {
                        readings.iter().find(|r| {
                            kb.entry(r.entry)
                                .country
                                .as_ref()
                                .is_some_and(|c| countries.contains_key(c))
                        })
                    })
                    .or_else(|| readings.iter().find(|r| kb.entry(r.entry).parent.is_none()))
                    .or(readings.first());
                pick.map_or(Key::Anaphor, |r| Key::Kb(r.entry))
            }
            // Generic groups are one actor only with the same country and head noun
            // ("the government" = "Afghan government"; "the army" ≠ "the commander").
            // A country's army or police as a whole ("the military", "Philippine
            // troops", "five soldiers" in a story about the Philippines) is its national
            // body when the KB has one.
            Source::Agent { country, sector } => national(country, sector, f)
                .unwrap_or_else(|| Key::Agent(country.clone(), sector.clone(), head_noun(f))),
            Source::BareAgent { sector } => national(&dominant, sector, f)
                .unwrap_or_else(|| Key::Agent(dominant.clone(), sector.clone(), head_noun(f))),
            Source::Title(_) | Source::Entity(article::EntityLabel::Per) => {
                Key::Person(name_words(f))
            }
            Source::Entity(_) => Key::Org(name_words(f).join(" ")),
            Source::Anaphor => Key::Anaphor,
        })
        .collect();

    let n = found.len();
    let mut sets = Sets((0..n).collect());
    // Same key → same actor (persons: same full name).
    let mut first_of: std::collections::HashMap<&Key, usize> = std::collections::HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if *k == Key::Anaphor {
            continue;
        }
        match first_of.get(k) {
            Some(&j) => sets.union(j, i),
            None => {
                first_of.insert(k, i);
            }
        }
    }
    // Declared aliases: "X, who is also known as Y", "X, also known as Y", "X (Y)".
    for i in 0..n.saturating_sub(1) {
        let (a, b) = (&found[i], &found[i + 1]);
        if a.sentence != b.sentence || b.tokens.start < a.tokens.end {
            continue;
        }
        let between: Vec<String> = (a.tokens.end..b.tokens.start)
            .map(|t| norm(&word(t)))
            .collect();
        let joined = between.join(" ");
        let declares = matches!(
            joined.as_str(),
            ", who is also known as"
                | ", also known as"
                | "also known as"
                | ", known as"
                | ", who is known as"
                | "("
                | ", or"
                | ", aka"
                | ", alias"
        );
        // ("MOGADISHU, Somalia (Reuters) -": the agency that filed the story.)
        let agency = (b.tokens.start..b.tokens.end)
            .any(|t| article::NEWS_AGENCIES.contains(&norm(&word(t)).as_str()));
        if declares && !agency && keys[i] != Key::Anaphor && keys[i + 1] != Key::Anaphor {
            sets.union(i, i + 1);
        }
    }
    // Short forms: a one-word person name joins the one longer name that holds it
    // (each distinct full name once).
    let mut full_names: Vec<usize> = Vec::new();
    let mut seen: std::collections::HashSet<&Key> = std::collections::HashSet::new();
    for (j, k) in keys.iter().enumerate() {
        if let Key::Person(w) = k {
            if w.len() > 1 && seen.insert(k) {
                full_names.push(j);
            }
        }
    }
    let mut short_memo: std::collections::HashMap<String, Option<usize>> =
        std::collections::HashMap::new();
    for i in 0..n {
        let Key::Person(words) = &keys[i] else {
            continue;
        };
        if words.len() != 1 {
            continue;
        }
        let w = &words[0];
        let unique = match short_memo.get(w) {
            Some(u) => *u,
            None => {
                let mut fits: Vec<usize> = Vec::new();
                for &j in &full_names {
                    if let Key::Person(other) = &keys[j] {
                        let holds = other.iter().any(|o| {
                            o == w || (w.chars().count() >= 4 && o.starts_with(w.as_str()))
                        });
                        if holds && !fits.iter().any(|&f| sets.find(f) == sets.find(j)) {
                            fits.push(j);
                        }
                    }
                }
                let u = if let [j] = fits[..] { Some(j) } else { None };
                short_memo.insert(w.clone(), u);
                u
            }
        };
        if let Some(j) = unique {
            sets.union(j.min(i), j.max(i));
        }
    }
    // Group anaphors: the most recent organization within three sentences.
    let is_org = |k: &Key| match k {
        Key::Kb(e) => matches!(kb.entry(*e).kind, EntryKind::Organization),
        Key::Org(_) => true,
        _ => false,
    };
    let mut dropped = vec![false; n];
    for i in 0..n {
        if keys[i] != Key::Anaphor {
            continue;
        }
        // (Not the agency that reports the story: "told Reuters".)
        let agency = |j: usize| {
            found[j]
                .tokens
                .clone()
                .any(|t| article::NEWS_AGENCIES.contains(&norm(&word(t)).as_str()))
        };
        let antecedent = (0..i)
            .rev()
            .take_while(|&j| found[i].sentence.saturating_sub(found[j].sentence) <= 3)
            .find(|&j| is_org(&keys[j]) && !agency(j));
        match antecedent {
            Some(j) => sets.union(j, i),
            None => dropped[i] = true,
        }
    }

    // Build the actors in order of first mention.
    let mut index: BTreeMap<usize, usize> = BTreeMap::new();
    let mut actors: Vec<Actor> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, _) in dropped.iter().enumerate().filter(|(_, d)| !**d) {
        let root = sets.find(i);
        let a = match index.get(&root) {
            Some(&a) => a,
            None => {
                let a = actors.len();
                index.insert(root, a);
                members.push(Vec::new());
                actors.push(Actor {
                    kb_id: None,
                    name: String::new(),
                    kind: ActorKind::Group,
                    country: None,
                    sector: None,
                    aliases: Vec::new(),
                    facts: Vec::new(),
                });
                a
            }
        };
        members[a].push(i);
    }
    let mut mentions = Vec::new();
    for (a, ms) in members.iter().enumerate() {
        let actor = &mut actors[a];
        // The KB entity if any member names one (curated first).
        let kb_entry = ms
            .iter()
            .filter_map(|&m| match keys[m] {
                Key::Kb(e) => Some(e),
                _ => None,
            })
            .max_by_key(|&e| (kb.entry(e).curated, std::cmp::Reverse(e)));
        let surfaces: Vec<String> = ms
            .iter()
            .filter(|&&m| keys[m] != Key::Anaphor)
            .map(|&m| article.slice(span_of(article, &found[m].name)).to_string())
            .collect();
        if let Some(e) = kb_entry {
            let entry = kb.entry(e);
            let (country, sector) = entry.on(date);
            actor.kb_id = Some(entry.id.clone());
            actor.name = entry.name.clone();
            actor.kind = match entry.kind {
                EntryKind::Person => ActorKind::Person,
                EntryKind::Country => ActorKind::Country,
                EntryKind::Organization | EntryKind::StateBody => ActorKind::Organization,
            };
            actor.country = country;
            actor.sector = sector;
        } else if let Some((m, country, sector)) = ms.iter().find_map(|&m| match &keys[m] {
            Key::Agent(c, s, _) => Some((m, c, s)),
            _ => None,
        }) {
            // ("the army" keeps its article; "Panamanian army officers" is named
            // for its body.)
            let named = match found[m].source {
                Source::Agent { .. } => &found[m].name,
                _ => &found[m].tokens,
            };
            actor.name = article.slice(span_of(article, named)).to_string();
            actor.kind = ActorKind::Group;
            actor.country = country.clone();
            actor.sector = Some(sector.clone());
        } else {
            // The longest name the text gives it.
            let best = ms
                .iter()
                .filter(|&&m| keys[m] != Key::Anaphor)
                .max_by_key(|&&m| (found[m].name.len(), std::cmp::Reverse(m)));
            if let Some(&m) = best {
                actor.name = article.slice(span_of(article, &found[m].name)).to_string();
                actor.kind = if matches!(keys[m], Key::Person(_)) {
                    ActorKind::Person
                } else {
                    ActorKind::Organization
                };
            }
        }
        for s in surfaces {
            if s != actor.name && !actor.aliases.contains(&s) {
                actor.aliases.push(s);
            }
        }
        for &m in ms {
            let f = &found[m];
            if let Source::Title(title) = &f.source {
                // "Gambian President": the nationality gives the country, the title the
                // sector, when nothing better is known.
                let span = span_of(
                    article,
                    &(f.tokens.start..f.name.start.max(f.tokens.start + 1)),
                );
                let value = article.slice(span).to_string();
                if actor.kb_id.is_none() {
                    let first = vec![norm(&word(f.tokens.start))];
                    let nationality = kb.readings(&first).iter().find_map(|r| {
                        let e = kb.entry(r.entry);
                        (e.kind == EntryKind::Country)
                            .then(|| e.country.clone())
                            .flatten()
                    });
                    if actor.country.is_none() && f.name.start > f.tokens.start + 1 {
                        actor.country = nationality;
                    }
                    if actor.sector.is_none() {
                        actor.sector = kb.agent(std::slice::from_ref(title)).map(str::to_string);
                    }
                }
                if !actor
                    .facts
                    .iter()
                    .any(|x| x.relation == "title" && x.value == value)
                {
                    actor.facts.push(ActorFact {
                        relation: "title".into(),
                        value,
                        evidence: span,
                    });
                }
            }
            mentions.push(ActorMention {
                span: span_of(article, &f.tokens),
                tokens: f.tokens.clone(),
                actor: a,
                how: match (&f.source, &keys[m]) {
                    (Source::Anaphor, _) => "anaphor",
                    (Source::Title(_), Key::Person(w)) if w.len() == 1 => "short-form",
                    (Source::Title(_), _) => "title",
                    (Source::Kb(_), _) => "name",
                    (Source::Agent { .. } | Source::BareAgent { .. }, _) => "agent",
                    (Source::Entity(_), _) => "entity",
                }
                .to_string(),
            });
        }
    }
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    (actors, mentions)
}
