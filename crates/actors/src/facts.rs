//! Facts the text states about actors, each with its evidence span: role appositions
//! ("Abdul Hafiz Khashi, the deputy police chief of Jowzjan Province" → role, COP,
//! AFG; "The police chief of Darzab, Capt. …"), membership in an organization named in
//! the role ("the Islamic State military commander"), former membership ("a former
//! Taliban leader"), switched sides ("switched sides to the government"), kinship
//! ("The two leaders are brothers-in-law") and pseudonyms with nationality ("two
//! Frenchmen, known only by Arabic pseudonyms, Abu Mohammad and Abu Mariam").
//! A person's country and sector come from these facts when the KB has none.

use crate::kb::{EntryKind, KnowledgeBase};
use crate::norm;
use article::{ActorFact, ActorKind, Article, Span};
use std::collections::BTreeMap;

/// Nouns that make a phrase a role ("the deputy police chief", "a former leader").
const ROLE_NOUNS: &[&str] = &[
    "commander",
    "leader",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "president",
    "minister",
    "governor",
    "head",
    "member",
    "founder",
    "deputy",
    "general",
    "officer",
    "mayor",
    "ambassador",
    "envoy",
    "director",
    "secretary",
    "emir",
    "cleric",
    "mullah",
    "militant",
    "fighter",
    "soldier",
    "colonel",
    "captain",
    "lawmaker",
    "senator",
    "king",
    "prime",
    "adviser",
    "advisor",
    "aide",
    "negotiator",
    "representative",
];

/// Sectors of role nouns the agent dictionary may lack.
fn role_sector(word: &str) -> Option<&'static str> {
    Some(match word {
        "police" | "policeman" | "policemen" => "COP",
        "president" | "minister" | "governor" | "mayor" | "ambassador" | "envoy" => "GOV",
        "commander" | "general" | "colonel" | "soldier" | "army" | "military" => "MIL",
        "lawmaker" | "senator" | "parliament" => "LEG",
        "judge" | "prosecutor" => "JUD",
        _ => return None,
    })
}

struct Doc<'a> {
    article: &'a Article,
    kb: &'a KnowledgeBase,
    /// ISO2 → ISO3 from the document's country and demonym mentions.
    iso3: BTreeMap<String, String>,
    dominant: Option<String>,
    /// Actor index of the mention covering each token (one pass, not a scan per lookup).
    by_token: Vec<Option<usize>>,
}

impl Doc<'_> {
    fn word(&self, t: usize) -> String {
        norm(self.article.slice(self.article.tokens[t].span))
    }

    fn span(&self, from: usize, to: usize) -> Span {
        let last = to.max(from + 1) - 1;
        match (self.article.tokens.get(from), self.article.tokens.get(last)) {
            (Some(a), Some(b)) => Span::new(a.span.start, b.span.end.max(a.span.start)),
            _ => Span::new(0, 0),
        }
    }

    /// Actor index of the mention covering token `t`.
    fn actor_at(&self, t: usize) -> Option<usize> {
        self.by_token.get(t).copied().flatten()
    }

    /// What a role phrase (tokens `from..to`) says: sector, country, organizations.
    fn read_role(&self, from: usize, to: usize) -> (Option<String>, Option<String>, Vec<usize>) {
        let words: Vec<String> = (from..to).map(|t| self.word(t)).collect();
        let mut sector = None;
        'outer: for n in (1..=3).rev() {
            for s in 0..words.len().saturating_sub(n - 1) {
                if let Some(code) = self.kb.agent(&words[s..s + n]) {
                    sector = Some(code.chars().take(3).collect::<String>());
                    break 'outer;
                }
            }
        }
        if sector.is_none() {
            sector = words
                .iter()
                .find_map(|w| role_sector(w))
                .map(str::to_string);
        }
        let mut country = None;
        for m in &self.article.places {
            if m.span.start >= self.span(from, to).start && m.span.end <= self.span(from, to).end {
                if let Some(p) = &m.place {
                    country = self.iso3.get(&p.country).cloned();
                }
            }
        }
        if country.is_none() && words.iter().any(|w| w == "country" || w == "country's") {
            country = self.dominant.clone();
        }
        let mut orgs = Vec::new();
        for t in from..to {
            if let Some(a) = self.actor_at(t) {
                let kind = self.article.actors[a].kind;
                if kind == ActorKind::Organization && !orgs.contains(&a) {
                    orgs.push(a);
                }
                if kind == ActorKind::Country && country.is_none() {
                    country = self.article.actors[a].country.clone();
                }
            }
        }
        (sector, country, orgs)
    }
}

/// A fact found for an actor index.
type Found = (usize, ActorFact);

fn push(facts: &mut Vec<Found>, a: usize, relation: &str, value: String, evidence: Span) {
    facts.push((
        a,
        ActorFact {
            relation: relation.into(),
            value,
            evidence,
        },
    ));
}

/// Adds facts to `article.actors` (mentions and actors must be set).
pub fn extract(article: &mut Article, kb: &KnowledgeBase) {
    let (countries, iso3) = crate::mentions::country_codes(article, kb);
    let dominant = countries
        .iter()
        .max_by_key(|(c, n)| (**n, std::cmp::Reverse((*c).clone())))
        .map(|(c, _)| c.clone());
    let mut by_token = vec![None; article.tokens.len()];
    for m in &article.actor_mentions {
        for t in m.tokens.clone() {
            if let Some(slot) = by_token.get_mut(t) {
                slot.get_or_insert(m.actor);
            }
        }
    }
    let doc = Doc {
        article,
        kb,
        iso3,
        dominant,
        by_token,
    };
    let mut facts: Vec<Found> = Vec::new();
    let mut attributes: Vec<(usize, Option<String>, Option<String>)> = Vec::new();
    let mut role_phrases: Vec<(std::ops::Range<usize>, usize)> = Vec::new();

    for s in &article.sentences {
        let r = s.tokens.clone();
        let words: Vec<String> = r.clone().map(|t| doc.word(t)).collect();
        let at = |t: usize| words[t - r.start].as_str();
        // Mentions are sorted by position: this sentence's are one slice.
        let first = article
            .actor_mentions
            .partition_point(|m| m.tokens.start < r.start);
        let last = article
            .actor_mentions
            .partition_point(|m| m.tokens.start < r.end);
        let persons: Vec<(usize, std::ops::Range<usize>)> = article.actor_mentions
            [first..last.max(first)]
            .iter()
            .filter(|m| m.tokens.end <= r.end)
            .filter(|m| article.actors[m.actor].kind == ActorKind::Person)
            .map(|m| (m.actor, m.tokens.clone()))
            .collect();
        // Role phrases between commas: "<person>, the ROLE," and "the ROLE, <person>,".
        let commas: Vec<usize> = r.clone().filter(|&t| at(t) == ",").collect();
        let bounds: Vec<usize> = std::iter::once(r.start)
            .chain(commas.iter().map(|c| c + 1))
            .collect();
        for (k, &start) in bounds.iter().enumerate() {
            let end = commas.get(k).copied().unwrap_or(r.end.saturating_sub(1));
            if end <= start {
                continue;
            }
            // The role phrase: from the last determiner whose rest holds a role noun
            // ("… brokered by the country's first vice president, Gen. …").
            let person_in = |from: usize| {
                (from..end).any(|t| {
                    doc.actor_at(t)
                        .is_some_and(|a| article.actors[a].kind == ActorKind::Person)
                })
            };
            let Some(d) = (start..end).rev().find(|&d| {
                matches!(at(d), "the" | "a" | "an")
                    && (d..end).any(|t| ROLE_NOUNS.contains(&at(t)))
                    && !person_in(d)
            }) else {
                continue;
            };
            let start = d;
            let opens_segment = d == bounds[k];
            let (sector, country, orgs) = doc.read_role(start, end);
            let evidence = doc.span(start, end);
            let value = article.slice(evidence).to_string();
            let after = persons.iter().find(|(_, p)| {
                p.start == end + 1 || (p.start == end + 2 && mention_title(at(end + 1)))
            });
            let before = persons
                .iter()
                .rev()
                .find(|(_, p)| opens_segment && p.end + 1 == start);
            let mut targets = Vec::new();
            if let Some((a, _)) = after {
                targets.push(*a);
                if (start..end).any(|t| at(t) == "other") {
                    if let Some((b, _)) = persons.iter().rev().find(|(_, p)| p.end < start) {
                        targets.push(*b);
                    }
                }
            } else if let Some((a, _)) = before {
                targets.push(*a);
            }
            for a in targets {
                push(&mut facts, a, "role", value.clone(), evidence);
                for &o in &orgs {
                    push(
                        &mut facts,
                        a,
                        "member_of",
                        article.actors[o].name.clone(),
                        evidence,
                    );
                }
                // Membership of an organization beats a generic role noun ("Islamic
                // State military commander" → INS); a specific agent ("police chief") wins.
                let org = orgs.first().map(|&o| &article.actors[o]);
                let org_sector = org.and_then(|o| o.sector.clone());
                let specific = sector.as_deref().is_some_and(|x| x != "MIL");
                attributes.push((
                    a,
                    country
                        .clone()
                        .or_else(|| org.and_then(|o| o.country.clone())),
                    if specific {
                        sector.clone()
                    } else {
                        org_sector.or_else(|| sector.clone())
                    },
                ));
                role_phrases.push((start..end, a));
            }
        }
        // "a former Taliban leader".
        for t in r.clone() {
            if at(t) != "former" {
                continue;
            }
            let org = (t + 1..(t + 3).min(r.end)).find_map(|u| {
                doc.actor_at(u)
                    .filter(|&a| article.actors[a].kind == ActorKind::Organization)
            });
            let subject = persons.iter().rev().find(|(_, p)| p.end <= t);
            if let (Some(o), Some((a, _))) = (org, subject) {
                let end = (t + 4).min(r.end);
                push(
                    &mut facts,
                    *a,
                    "former_member_of",
                    article.actors[o].name.clone(),
                    doc.span(t, end),
                );
            }
        }
        // "switched sides (again, this time) to X".
        for t in r.clone() {
            if !matches!(at(t), "switched" | "defected" | "switch" | "defect") {
                continue;
            }
            let Some(to) = (t + 1..(t + 7).min(r.end)).find(|&u| at(u) == "to") else {
                continue;
            };
            let target = (to + 1..(to + 4).min(r.end)).find_map(|u| doc.actor_at(u));
            let subject = persons.iter().rev().find(|(_, p)| p.end <= t);
            if let (Some(o), Some((a, _))) = (target, subject) {
                if o != *a {
                    push(
                        &mut facts,
                        *a,
                        "switched_to",
                        article.actors[o].name.clone(),
                        doc.span(t, (to + 4).min(r.end)),
                    );
                }
            }
        }
        // "The two leaders are brothers-in-law."
        if words
            .iter()
            .any(|w| w.starts_with("brother") || w.starts_with("cousin") || w.starts_with("sister"))
            && words.windows(2).any(|w| w[0] == "the" && w[1] == "two")
            && persons.is_empty()
        {
            let before: Vec<usize> = article
                .actor_mentions
                .iter()
                .rev()
                .filter(|m| m.span.end <= s.span.start)
                .filter(|m| article.actors[m.actor].kind == ActorKind::Person)
                .map(|m| m.actor)
                .fold(Vec::new(), |mut v, a| {
                    if !v.contains(&a) {
                        v.push(a);
                    }
                    v
                });
            // "The two leaders": prefer people the text gave a leading role.
            let noun = words
                .windows(3)
                .find(|w| w[0] == "the" && w[1] == "two")
                .map(|w| w[2].clone())
                .unwrap_or_default();
            let leading: Vec<usize> = before
                .iter()
                .copied()
                .filter(|&a| {
                    article.actors[a]
                        .facts
                        .iter()
                        .chain(facts.iter().filter(|f| f.0 == a).map(|f| &f.1))
                        .any(|f| {
                            f.relation == "role"
                                && ["leader", "commander"].iter().any(|r| f.value.contains(r))
                        })
                })
                .collect();
            let before = if noun.starts_with("leader") || noun.starts_with("commander") {
                if leading.len() >= 2 {
                    leading
                } else {
                    before
                }
            } else {
                before
            };
            if let [x, y, ..] = before[..] {
                let relation = words
                    .iter()
                    .find(|w| {
                        w.starts_with("brother")
                            || w.starts_with("cousin")
                            || w.starts_with("sister")
                    })
                    .cloned()
                    .unwrap_or_default();
                push(
                    &mut facts,
                    x,
                    "relative_of",
                    format!("{} ({relation})", article.actors[y].name),
                    s.span,
                );
                push(
                    &mut facts,
                    y,
                    "relative_of",
                    format!("{} ({relation})", article.actors[x].name),
                    s.span,
                );
            }
        }
        // "known only by Arabic pseudonyms, Abu Mohammad and Abu Mariam".
        if let Some(p) = r
            .clone()
            .find(|&t| at(t).starts_with("pseudonym") || at(t) == "nom" || at(t) == "alias")
        {
            // Nationality: "two Frenchmen" before the cue.
            let nationality = (r.start..p).find_map(|t| {
                let w = at(t);
                let stem = w
                    .strip_suffix("men")
                    .or_else(|| w.strip_suffix("man"))
                    .unwrap_or(w);
                kb.readings(&[stem.to_string()]).iter().find_map(|x| {
                    let e = kb.entry(x.entry);
                    (e.kind == EntryKind::Country)
                        .then(|| e.country.clone())
                        .flatten()
                })
            });
            for (a, span) in persons.iter().filter(|(_, q)| q.start > p) {
                push(
                    &mut facts,
                    *a,
                    "pseudonym",
                    "true".into(),
                    doc.span(span.start, span.end),
                );
                if let Some(n) = &nationality {
                    push(&mut facts, *a, "nationality", n.clone(), s.span);
                    attributes.push((*a, Some(n.clone()), None));
                }
            }
        }
    }
    for (a, fact) in facts {
        let actor = &mut article.actors[a];
        if !actor
            .facts
            .iter()
            .any(|f| f.relation == fact.relation && f.value == fact.value)
        {
            actor.facts.push(fact);
        }
    }
    // Agent mentions inside a role apposition ("the deputy police chief") are the
    // person, not a group of their own.
    for m in article.actor_mentions.iter_mut() {
        if let Some((_, person)) = role_phrases
            .iter()
            .find(|(r, _)| r.start <= m.tokens.start && m.tokens.end <= r.end)
        {
            if article.actors[m.actor].kind == ActorKind::Group {
                m.actor = *person;
                m.how = "apposition".into();
            }
        }
    }
    for (a, country, sector) in attributes {
        let actor = &mut article.actors[a];
        if actor.kb_id.is_none() || actor.country.is_none() {
            if actor.country.is_none() {
                actor.country = country;
            }
            if actor.sector.is_none() {
                actor.sector = sector;
            }
        }
    }
}

fn mention_title(w: &str) -> bool {
    crate::mentions::TITLES.contains(&w.trim_end_matches('.'))
}

/// Drops actors no mention points to and renumbers the rest.
pub fn prune(article: &mut Article) {
    let mut used = vec![false; article.actors.len()];
    for m in &article.actor_mentions {
        used[m.actor] = true;
    }
    let mut new_index = vec![0; article.actors.len()];
    let mut next = 0;
    for (i, u) in used.iter().enumerate() {
        new_index[i] = next;
        if *u {
            next += 1;
        }
    }
    let mut k = 0;
    article.actors.retain(|_| {
        k += 1;
        used[k - 1]
    });
    for m in article.actor_mentions.iter_mut() {
        m.actor = new_index[m.actor];
    }
}
