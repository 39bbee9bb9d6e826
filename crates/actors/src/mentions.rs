//! Actor mentions: knowledge-base names and aliases (longest match, capitalized),
//! nationality + agent phrases ("Afghan government forces" → AFG GOV), titled names
//! ("Capt. Mohammad Ismail Mubarez", "Mr. Nemat"), recognizer PER/ORG entities the KB
//! does not know (new actors, never dropped), and group anaphors ("the group").

use crate::kb::{EntryKind, KnowledgeBase, Reading};
use crate::norm;
use article::{Article, EntityLabel, PlaceMentionKind};
use std::collections::BTreeMap;
use std::ops::Range;

/// Titles and honorifics: kept as role cues, not part of the name.
pub use article::PERSON_TITLES as TITLES;

/// Prepositions that make a following country name a place.
const LOCATIVE: &[&str] = &[
    "in",
    "near",
    "at",
    "across",
    "throughout",
    "inside",
    "outside",
    "around",
    "into",
    "within",
    "to",
];

/// Words that refer back to an organization ("the group said").
/// Members named after their body ("Panamanian army officers", "Ugandan opposition
/// candidates"): the body is the actor, as spokespeople and forces stand for theirs.
const MEMBER_NOUNS: &[&str] = &[
    "officer",
    "officers",
    "official",
    "officials",
    "member",
    "members",
    "candidate",
    "candidates",
    "leader",
    "leaders",
    "commander",
    "commanders",
    "soldier",
    "soldiers",
    "troops",
    "personnel",
    "activist",
    "activists",
    "supporters",
    "cadres",
];

const GROUP_ANAPHORS: &[&str] = &[
    "group",
    "militants",
    "insurgents",
    "organization",
    "organisation",
    "movement",
    "rebels",
    "jihadists",
    "militia",
];

/// How a mention was found.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// Knowledge-base readings of the phrase.
    Kb(Vec<Reading>),
    /// A nationality or country followed by an agent noun.
    Agent {
        /// ISO3 country.
        country: Option<String>,
        /// Sector of the agent noun.
        sector: String,
    },
    /// A generic agent noun with "the" ("the police", "the army").
    BareAgent {
        /// Sector of the agent noun.
        sector: String,
    },
    /// A titled name; the title (lowercased, no dot).
    Title(String),
    /// A recognizer entity the KB does not know.
    Entity(EntityLabel),
    /// "the group", "the militants".
    Anaphor,
}

/// One mention before clustering.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// All its tokens (title included).
    pub tokens: Range<usize>,
    /// The name part (title excluded).
    pub name: Range<usize>,
    /// Sentence index.
    pub sentence: usize,
    /// How it was found.
    pub source: Source,
}

/// The document's countries from its country and demonym mentions: ISO3 with counts,
/// and the ISO2 → ISO3 map those mentions reveal (the gazetteer speaks ISO2, actors
/// ISO3; the KB's country entries join them).
pub fn country_codes(
    article: &Article,
    kb: &KnowledgeBase,
) -> (BTreeMap<String, usize>, BTreeMap<String, String>) {
    let mut counts = BTreeMap::new();
    let mut iso3 = BTreeMap::new();
    for m in &article.places {
        let Some(p) = &m.place else { continue };
        let is_country = p.precision == article::Precision::Country;
        if !is_country && m.kind != PlaceMentionKind::Demonym {
            continue;
        }
        let words: Vec<String> = article.slice(m.span).split_whitespace().map(norm).collect();
        let name: Vec<String> = p.name.split_whitespace().map(norm).collect();
        let code = [words, name].iter().find_map(|w| {
            kb.readings(w).iter().find_map(|r| {
                let e = kb.entry(r.entry);
                (e.kind == EntryKind::Country)
                    .then(|| e.country.clone())
                    .flatten()
            })
        });
        if let Some(c) = code {
            iso3.insert(p.country.clone(), c.clone());
            *counts.entry(c).or_default() += 1;
        }
    }
    (counts, iso3)
}

/// The document's countries (ISO3) with counts, from country and demonym mentions.
pub fn document_countries(article: &Article, kb: &KnowledgeBase) -> BTreeMap<String, usize> {
    country_codes(article, kb).0
}

fn capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Finds the actor mentions of an article, in text order, without overlaps.
pub fn find(article: &Article, kb: &KnowledgeBase) -> Vec<Found> {
    let word = |i: usize| article.word(i);
    let mut label: Vec<Option<EntityLabel>> = vec![None; article.tokens.len()];
    let mut entity_end: Vec<usize> = vec![0; article.tokens.len()];
    for e in &article.entities {
        for t in e.tokens.clone() {
            if t < label.len() {
                label[t] = Some(e.label);
                entity_end[t] = e.tokens.end;
            }
        }
    }
    let date = crate::coref::date_number(article);
    let mut out = Vec::new();
    for (si, s) in article.sentences.iter().enumerate() {
        let r = s.tokens.clone();
        let lower: Vec<String> = r.clone().map(|i| norm(word(i))).collect();
        let mut i = r.start;
        while i < r.end {
            let w = word(i);
            let at = i - r.start;
            // 1. Knowledge-base phrase, longest first; the first word must be capitalized
            // (or a lowercase Arabic article before a capitalized word: "al Shabaab").
            let mut kb_hit: Option<(usize, Vec<Reading>)> = None;
            let article_word = matches!(w, "al" | "el" | "al-" | "el-")
                && i + 1 < r.end
                && word(i + 1).chars().next().is_some_and(char::is_uppercase);
            if w.chars().any(char::is_uppercase) || article_word {
                for n in (1..=kb.longest().min(r.end - i)).rev() {
                    let readings = kb.readings(&lower[at..at + n]);
                    let caps = w
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase);
                    if n == 1 && kb.is_acronym(&lower[at..at + 1]) && !caps {
                        continue;
                    }
                    if !readings.is_empty() {
                        kb_hit = Some((n, readings.to_vec()));
                        break;
                    }
                }
            }
            // 1b. A demonym the dictionaries lack ("Serb", "Croat") standing for its
            // country, when the gazetteer knows it: read as the country's name. A plural
            // people noun ("three Albanians") is people, not the state, unless an agent
            // noun follows ("Serb forces").
            if kb_hit.is_none() {
                kb_hit = demonym_country(article, kb, i, r.end).filter(|(n, _)| {
                    let last = word(i + n - 1);
                    let plural = last.len() > 3 && last.ends_with('s');
                    !plural || agent_after(kb, &lower, at + n).is_some()
                });
            }
            // A country word naming a place ("in Afghanistan", or a province or city that
            // the dictionaries list under its country) is a location, not an actor.
            let kb_hit = kb_hit.filter(|(n, readings)| {
                let country_only = readings
                    .iter()
                    .all(|x| kb.entry(x.entry).kind == EntryKind::Country);
                if !country_only {
                    return true;
                }
                let span = article::Span::new(
                    article.tokens[i].span.start,
                    article.tokens[i + n - 1].span.end,
                );
                let sub_country_place = article.places.iter().any(|m| {
                    m.kind == PlaceMentionKind::Toponym
                        && m.span.start <= span.start
                        && span.end <= m.span.end
                        && m.place
                            .as_ref()
                            .is_some_and(|p| p.precision != article::Precision::Country)
                });
                let locative = at > 0 && LOCATIVE.contains(&lower[at - 1].as_str());
                // "the Kenyan Union of Nurses": a country word opening an
                // organization's name that the recognizer found, when the rest is no
                // KB name or agent phrase ("Afghan Taliban", "Afghan forces" stay).
                let entity_start =
                    i == 0 || label[i - 1] != label[i] || entity_end[i - 1] != entity_end[i];
                let opens_org = label[i] == Some(EntityLabel::Org)
                    && entity_start
                    && entity_end[i] > i + n
                    && entity_end[i] <= r.end
                    && {
                        let rest = at + n;
                        let known_rest = (1..=kb.longest().min(r.end - i - n))
                            .any(|m| !kb.readings(&lower[rest..rest + m]).is_empty());
                        !known_rest && agent_after(kb, &lower, rest).is_none()
                    };
                !(sub_country_place || locative || opens_org)
            });
            if let Some((n, readings)) = kb_hit {
                // A country word followed by an agent noun is one group actor.
                // (The country's code on the story's date.)
                let country = readings.iter().find_map(|x| {
                    let e = kb.entry(x.entry);
                    (e.kind == EntryKind::Country)
                        .then(|| e.on(date).0)
                        .flatten()
                });
                if let Some(c) = &country {
                    // "Poland's parliament", "Romania's new government": the country's
                    // body, named with the possessive.
                    let possessed = (lower.get(at + n).map(String::as_str) == Some("'s"))
                        .then(|| {
                            agent_after(kb, &lower, at + n + 1)
                                .map(|(m, s)| (1 + m, s))
                                .or_else(|| {
                                    let adjective = lower.get(at + n + 1)?;
                                    let lowercase = !capitalized(word(i + n + 1));
                                    (lowercase && adjective.len() > 2)
                                        .then(|| agent_after(kb, &lower, at + n + 2))
                                        .flatten()
                                        .map(|(m, s)| (2 + m, s))
                                })
                        })
                        .flatten();
                    let plain = agent_after(kb, &lower, at + n);
                    // "Gambian President Dawda Jawara", "German Foreign Minister Oskar
                    // Fischer": nationality and title belong to the person.
                    if let (None, Some((m, _))) = (&possessed, &plain) {
                        let m = *m;
                        let title = lower[at + n + m - 1].trim_end_matches('.').to_string();
                        let j = name_end(article, i + n + m, r.end);
                        if TITLES.contains(&title.as_str()) && j > i + n + m {
                            out.push(Found {
                                tokens: i..j,
                                name: i + n + m..j,
                                sentence: si,
                                source: Source::Title(title),
                            });
                            i = j;
                            continue;
                        }
                    }
                    // (The body, not its members: "Panamanian army officers".)
                    let body = plain
                        .as_ref()
                        .filter(|(m, _)| {
                            *m >= 2 && MEMBER_NOUNS.contains(&lower[at + n + m - 1].as_str())
                        })
                        .and_then(|(m, _)| {
                            kb.agent(&lower[at + n..at + n + m - 1])
                                .map(|s| (m - 1, s.to_string()))
                        })
                        .filter(|_| possessed.is_none());
                    if let Some((m, sector)) = body {
                        out.push(Found {
                            tokens: i..i + n + m + 1,
                            name: i..i + n + m,
                            sentence: si,
                            source: Source::Agent {
                                country: Some(c.clone()),
                                sector,
                            },
                        });
                        i += n + m + 1;
                        continue;
                    }
                    if let Some((m, sector)) = possessed.or(plain) {
                        out.push(Found {
                            tokens: i..i + n + m,
                            name: i..i + n + m,
                            sentence: si,
                            source: Source::Agent {
                                country: Some(c.clone()),
                                sector,
                            },
                        });
                        i += n + m;
                        continue;
                    }
                }
                out.push(Found {
                    tokens: i..i + n,
                    name: i..i + n,
                    sentence: si,
                    source: Source::Kb(readings),
                });
                i += n;
                continue;
            }
            // 2. A title and the capitalized name after it.
            let bare = lower[at].trim_end_matches('.');
            if TITLES.contains(&bare) && i + 1 < r.end && capitalized(word(i + 1)) {
                let j = name_end(article, i + 1, r.end);
                if j == i + 1 {
                    // Only titles follow ("Mr. Mr."): no name.
                    i += 1;
                    continue;
                }
                out.push(Found {
                    tokens: i..j,
                    name: i + 1..j,
                    sentence: si,
                    source: Source::Title(bare.to_string()),
                });
                i = j;
                continue;
            }
            // 3. A recognizer entity the KB does not know.
            if let Some(l @ (EntityLabel::Per | EntityLabel::Org)) = label[i] {
                let end = entity_end[i].min(r.end).max(i + 1);
                out.push(Found {
                    tokens: i..end,
                    name: i..end,
                    sentence: si,
                    source: Source::Entity(l),
                });
                i = end;
                continue;
            }
            // 4. "Five soldiers", "12 policemen": counted agents of the story's country.
            if is_count(&lower[at]) && i + 1 < r.end {
                if let Some((m, sector)) = agent_after(kb, &lower, at + 1) {
                    out.push(Found {
                        tokens: i + 1..i + 1 + m,
                        name: i + 1..i + 1 + m,
                        sentence: si,
                        source: Source::BareAgent { sector },
                    });
                    i += 1 + m;
                    continue;
                }
            }
            // 5. "the police", "the army", "the government side"; "the group".
            if lower[at] == "the" && i + 1 < r.end {
                if let Some((m, sector)) = agent_after(kb, &lower, at + 1) {
                    out.push(Found {
                        tokens: i..i + 1 + m,
                        name: i + 1..i + 1 + m,
                        sentence: si,
                        source: Source::BareAgent { sector },
                    });
                    i += 1 + m;
                    continue;
                }
                if GROUP_ANAPHORS.contains(&lower[at + 1].as_str()) {
                    out.push(Found {
                        tokens: i..i + 2,
                        name: i + 1..i + 2,
                        sentence: si,
                        source: Source::Anaphor,
                    });
                    i += 2;
                    continue;
                }
            }
            i += 1;
        }
    }
    out
}

/// A gazetteer demonym starting at token `i` (and ending before `end`) whose country the
/// KB knows by the gazetteer's name for it: its length in tokens and the country's
/// readings.
fn demonym_country(
    article: &Article,
    kb: &KnowledgeBase,
    i: usize,
    end: usize,
) -> Option<(usize, Vec<Reading>)> {
    let m = article.places.iter().find(|m| {
        m.kind == PlaceMentionKind::Demonym && m.tokens.start == i && m.tokens.end <= end
    })?;
    let p = m.place.as_ref()?;
    if p.precision != article::Precision::Country {
        return None;
    }
    let name: Vec<String> = p.name.split_whitespace().map(norm).collect();
    let readings: Vec<Reading> = kb
        .readings(&name)
        .iter()
        .filter(|x| kb.entry(x.entry).kind == EntryKind::Country)
        .copied()
        .collect();
    (!readings.is_empty() && m.tokens.end > i).then(|| (m.tokens.end - i, readings))
}

/// The end of the capitalized name that starts at `start` (at most five words; a
/// title word ends it): `start` itself when no name follows.
fn name_end(article: &Article, start: usize, end: usize) -> usize {
    let word = |i: usize| article.word(i);
    // "al-Burhan", "el-Sisi", "ul-Rahman"; "bin Salman", "van der Bellen": lowercase
    // name particles, the standalone ones only inside a name that goes on.
    const ARTICLES: &[&str] = &[
        "al-", "el-", "ul-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-",
    ];
    const PARTICLES: &[&str] = &[
        "bin", "ibn", "bint", "van", "von", "der", "den", "de", "da", "dos", "das", "del", "della",
        "di", "du", "la", "le",
    ];
    let particle = |j: usize| {
        let w = word(j);
        ARTICLES
            .iter()
            .any(|a| w.starts_with(a) && w.len() > a.len())
            || j > start
                && PARTICLES.contains(&w)
                && (j + 1..end.min(j + 3)).any(|k| capitalized(word(k)))
    };
    let mut j = start;
    while j < end
        && j - start < 5
        && (capitalized(word(j)) || particle(j))
        && !TITLES.contains(&norm(word(j)).trim_end_matches('.'))
    {
        j += 1;
    }
    // A name does not end on a particle.
    while j > start && PARTICLES.contains(&word(j - 1)) {
        j -= 1;
    }
    j
}

/// A number of people: digits or a number word ("five", "dozens").
fn is_count(w: &str) -> bool {
    (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == ','))
        || matches!(
            w,
            "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "thirteen"
                | "fifteen"
                | "twenty"
                | "thirty"
                | "forty"
                | "fifty"
                | "hundred"
                | "dozens"
                | "hundreds"
                | "thousands"
                | "several"
        )
}

/// The longest agent phrase starting at `at` (up to 4 words): its length and sector.
fn agent_after(kb: &KnowledgeBase, lower: &[String], at: usize) -> Option<(usize, String)> {
    (1..=4.min(lower.len().saturating_sub(at)))
        .rev()
        .find_map(|m| kb.agent(&lower[at..at + m]).map(|s| (m, s.to_string())))
}
