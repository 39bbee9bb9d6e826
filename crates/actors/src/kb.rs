//! The actor knowledge base: the curated entries (`resources/actors/curated.jsonl`:
//! armed groups, state bodies, IGOs/NGOs, leaders, with aliases, sectors and dated
//! roles) over the Phoenix actor dictionaries (countries and national bodies, ~18k
//! persons with dated roles, international organizations, non-state groups) and the
//! Phoenix agent nouns (role words → sector). Phrases are matched on lowercased tokens.

use serde::Deserialize;
use std::collections::HashMap;

/// Errors reading the curated file.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    /// A curated line is not valid JSON of the expected shape.
    #[error("curated actors line {line}: {message}")]
    Curated {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// A dated role of a curated entry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CuratedRole {
    /// Sector in that role.
    pub sector: Option<String>,
    /// Country (ISO3) in that role.
    pub country: Option<String>,
    /// First day, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`.
    pub to: Option<String>,
}

/// One line of `curated.jsonl`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Curated {
    /// Stable id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// "org", "person" or "state_body".
    pub kind: String,
    /// Surface forms.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Aliases that need the document's context to be this entry.
    #[serde(default)]
    pub ambiguous_aliases: Vec<String>,
    /// Home country (ISO3).
    pub country: Option<String>,
    /// Main sector.
    pub sector: Option<String>,
    /// Dated roles.
    #[serde(default)]
    pub roles: Vec<CuratedRole>,
    /// Parent entry id.
    pub parent: Option<String>,
}

/// A dated code of a Phoenix actor, already split into country and sector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoenixRole {
    /// ISO3 country, if the code has one.
    pub country: Option<String>,
    /// Sector, if the code has one.
    pub sector: Option<String>,
    /// First valid day (`YYYYMMDD`).
    pub from: Option<u32>,
    /// Last valid day.
    pub to: Option<u32>,
}

/// A Phoenix actor entry as the KB needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoenixActor {
    /// Display name ("United States Of America").
    pub name: String,
    /// Phrases (lowercased tokens) that name it.
    pub phrases: Vec<Vec<String>>,
    /// Dated codes.
    pub roles: Vec<PhoenixRole>,
}

/// A Phoenix agent noun ("police chief" → COP).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoenixAgent {
    /// Phrases (lowercased tokens).
    pub phrases: Vec<Vec<String>>,
    /// Sector code ("COP"; compound codes keep their first sector).
    pub sector: String,
}

/// What a KB entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// A person.
    Person,
    /// An organization or armed group.
    Organization,
    /// A state body (ministry, army, police force).
    StateBody,
    /// A country (or its capital / adjective standing for it).
    Country,
}

/// A role valid between two days: `(from, to, country, sector)`, days as `YYYYMMDD`.
pub type DatedRole = (Option<u32>, Option<u32>, Option<String>, Option<String>);

/// One KB entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Id: the curated id, or `phoenix:N`.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: EntryKind,
    /// Home country (ISO3), undated.
    pub country: Option<String>,
    /// Main sector, undated.
    pub sector: Option<String>,
    /// Dated (country, sector) roles.
    pub roles: Vec<DatedRole>,
    /// Parent entry index.
    pub parent: Option<usize>,
    /// From the curated file (preferred over Phoenix on the same phrase).
    pub curated: bool,
}

impl Entry {
    /// Country and sector valid on a date (`YYYYMMDD`), else the undated ones.
    pub fn on(&self, date: Option<u32>) -> (Option<String>, Option<String>) {
        if let Some(d) = date {
            if let Some(r) = self.roles.iter().find(|r| {
                (r.0.is_some() || r.1.is_some())
                    && r.0.is_none_or(|f| f <= d)
                    && r.1.is_none_or(|t| d <= t)
            }) {
                return (
                    r.2.clone().or_else(|| self.country.clone()),
                    r.3.clone().or_else(|| self.sector.clone()),
                );
            }
        }
        (self.country.clone(), self.sector.clone())
    }
}

/// A phrase's readings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// Entry index.
    pub entry: usize,
    /// The phrase is an ambiguous alias of it.
    pub ambiguous: bool,
}

/// Head nouns of a generic alias of a country's forces ("Philippine troops").
const GENERIC_BODY: &[&str] = &["army", "military", "troops", "soldiers", "police", "forces"];

/// The knowledge base.
#[derive(Debug, Default)]
pub struct KnowledgeBase {
    entries: Vec<Entry>,
    phrases: HashMap<Vec<String>, Vec<Reading>>,
    agents: HashMap<Vec<String>, String>,
    longest: usize,
    /// The national military or police of a country: (ISO3, sector) → (entry, number of
    /// generic aliases).
    national: HashMap<(String, String), (usize, usize)>,
    /// One-word curated aliases written in capitals ("PA", "AFP"): they name the actor
    /// only when the text writes them in capitals too ("Pa Zi Gyi" is a village).
    acronyms: std::collections::HashSet<String>,
}

/// `YYYY-MM-DD` → `YYYYMMDD`.
fn day(s: &Option<String>) -> Option<u32> {
    let digits: String = s.as_deref()?.chars().filter(char::is_ascii_digit).collect();
    match digits.len() {
        8 => digits.parse().ok(),
        4 => format!("{digits}0101").parse().ok(),
        _ => None,
    }
}

impl KnowledgeBase {
    /// Builds the KB. `tokenize` splits a curated alias into tokens the way article
    /// text is split (the segmenter).
    pub fn new(
        curated: &str,
        phoenix: Vec<PhoenixActor>,
        agents: Vec<PhoenixAgent>,
        tokenize: &dyn Fn(&str) -> Vec<String>,
    ) -> Result<KnowledgeBase, KbError> {
        let mut kb = KnowledgeBase::default();
        let mut parents: Vec<(usize, String)> = Vec::new();
        let mut ids: HashMap<String, usize> = HashMap::new();
        for (n, line) in curated.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let c: Curated = serde_json::from_str(line).map_err(|e| KbError::Curated {
                line: n + 1,
                message: e.to_string(),
            })?;
            let i = kb.entries.len();
            let kind = match c.kind.as_str() {
                "person" => EntryKind::Person,
                "state_body" => EntryKind::StateBody,
                _ => EntryKind::Organization,
            };
            kb.entries.push(Entry {
                id: c.id.clone(),
                name: c.name.clone(),
                kind,
                country: c.country.clone(),
                sector: c.sector.clone(),
                roles: c
                    .roles
                    .iter()
                    .map(|r| {
                        (
                            day(&r.from),
                            day(&r.to),
                            r.country.clone(),
                            r.sector.clone(),
                        )
                    })
                    .collect(),
                parent: None,
                curated: true,
            });
            ids.insert(c.id.clone(), i);
            // A country's army or police as a whole: the top-level state body whose
            // aliases are most often "<nationality> army/military/troops/police".
            if let (Some(country), Some(sector), true, None) = (
                &c.country,
                &c.sector,
                kind == EntryKind::StateBody,
                &c.parent,
            ) {
                let generic = c
                    .aliases
                    .iter()
                    .filter(|a| {
                        let words: Vec<String> = lower(tokenize(a));
                        words.len() <= 3
                            && words
                                .last()
                                .is_some_and(|w| GENERIC_BODY.contains(&w.as_str()))
                    })
                    .count();
                if generic > 0 && matches!(sector.as_str(), "MIL" | "COP") {
                    let key = (country.clone(), sector.clone());
                    let better = kb.national.get(&key).is_none_or(|&(_, n)| generic > n);
                    if better {
                        kb.national.insert(key, (i, generic));
                    }
                }
            }
            if let Some(p) = &c.parent {
                parents.push((i, p.clone()));
            }
            let ambiguous: Vec<Vec<String>> = c
                .ambiguous_aliases
                .iter()
                .map(|a| lower(tokenize(a)))
                .collect();
            for name in std::iter::once(&c.name).chain(&c.aliases) {
                let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
                if !name.contains(' ')
                    && letters.len() >= 2
                    && letters.iter().all(|c| c.is_uppercase())
                {
                    kb.acronyms.insert(name.to_lowercase());
                }
                let toks = lower(tokenize(name));
                if toks.is_empty() {
                    continue;
                }
                let amb = ambiguous.contains(&toks);
                kb.add_phrase(
                    toks,
                    Reading {
                        entry: i,
                        ambiguous: amb,
                    },
                );
            }
        }
        for (i, p) in parents {
            kb.entries[i].parent = ids.get(&p).copied();
        }
        for a in phoenix {
            let i = kb.entries.len();
            let first = a.roles.first();
            let country_only = a.roles.iter().all(|r| r.sector.is_none());
            let person =
                a.roles.iter().any(|r| r.from.is_some() || r.to.is_some()) && !country_only;
            kb.entries.push(Entry {
                id: format!("phoenix:{i}"),
                name: title_case(&a.name),
                kind: if person {
                    EntryKind::Person
                } else if country_only && first.is_some_and(|r| r.country.is_some()) {
                    EntryKind::Country
                } else {
                    EntryKind::Organization
                },
                // (A country's undated code is its current one: Croatia is HRV, not
                // the YUG of its first, pre-1991 role.)
                country: if country_only {
                    a.roles
                        .iter()
                        .find(|r| r.to.is_none() && r.country.is_some())
                        .or(first)
                        .and_then(|r| r.country.clone())
                } else {
                    first.and_then(|r| r.country.clone())
                },
                sector: first.and_then(|r| r.sector.clone()),
                roles: a
                    .roles
                    .iter()
                    .map(|r| (r.from, r.to, r.country.clone(), r.sector.clone()))
                    .collect(),
                parent: None,
                curated: false,
            });
            for p in a.phrases {
                // Curated entries own their phrases: Phoenix adds only what is new.
                if kb
                    .phrases
                    .get(&p)
                    .is_some_and(|r| r.iter().any(|x| kb.entries[x.entry].curated))
                {
                    continue;
                }
                kb.add_phrase(
                    p,
                    Reading {
                        entry: i,
                        ambiguous: false,
                    },
                );
            }
        }
        for g in agents {
            for p in g.phrases {
                kb.agents.entry(p).or_insert_with(|| g.sector.clone());
            }
        }
        Ok(kb)
    }

    fn add_phrase(&mut self, toks: Vec<String>, r: Reading) {
        self.longest = self.longest.max(toks.len());
        let v = self.phrases.entry(toks).or_default();
        if !v.iter().any(|x| x.entry == r.entry) {
            v.push(r);
        }
    }

    /// The curated entry standing for a country's armed forces (`MIL`) or police
    /// (`COP`) as a whole, for "the army" or "soldiers" in a story about that country.
    pub fn national_body(&self, country: &str, sector: &str) -> Option<usize> {
        self.national
            .get(&(country.to_string(), sector.to_string()))
            .map(|&(i, _)| i)
    }

    /// True when a one-word phrase is a curated acronym, to be matched in capitals only.
    pub fn is_acronym(&self, phrase: &[String]) -> bool {
        phrase.len() == 1 && self.acronyms.contains(&phrase[0])
    }

    /// All entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry at an index.
    pub fn entry(&self, i: usize) -> &Entry {
        &self.entries[i]
    }

    /// The readings of a lowercased token phrase.
    pub fn readings(&self, phrase: &[String]) -> &[Reading] {
        self.phrases.get(phrase).map_or(&[], Vec::as_slice)
    }

    /// The sector of an agent noun phrase ("police chief" → COP).
    pub fn agent(&self, phrase: &[String]) -> Option<&str> {
        self.agents.get(phrase).map(String::as_str)
    }

    /// Every agent noun phrase (lowercased tokens) with its sector.
    pub fn agents(&self) -> impl Iterator<Item = (&[String], &str)> {
        self.agents.iter().map(|(k, v)| (k.as_slice(), v.as_str()))
    }

    /// Longest phrase, in tokens.
    pub fn longest(&self) -> usize {
        self.longest
    }

    /// The entry with this id.
    pub fn by_id(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.id == id)
    }
}

fn lower(toks: Vec<String>) -> Vec<String> {
    toks.into_iter()
        .map(|t| t.to_lowercase().replace('’', "'"))
        .collect()
}

/// "UNITED STATES OF AMERICA" → "United States Of America"; mixed case is kept.
fn title_case(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.replace('_', " ");
    }
    name.replace('_', " ")
        .split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn curated_over_phoenix_and_dated_roles() {
        let curated = r#"{"id": "taliban", "name": "Taliban", "kind": "org", "aliases": ["Taliban", "Islamic Emirate"], "country": "AFG", "sector": "GOV", "roles": [{"sector": "INS", "country": "AFG", "from": null, "to": "2021-08-14"}]}
{"id": "iskp", "name": "Islamic State Khorasan Province", "kind": "org", "aliases": ["Daeshis", "Islamic State"], "ambiguous_aliases": ["Islamic State"], "country": "AFG", "sector": "INS", "parent": "islamic-state"}
{"id": "islamic-state", "name": "Islamic State", "kind": "org", "aliases": ["ISIS", "Islamic State"], "ambiguous_aliases": ["Islamic State"], "country": null, "sector": "INS"}"#;
        let phoenix = vec![PhoenixActor {
            name: "TALIBAN".into(),
            phrases: vec![words("taliban")],
            roles: vec![PhoenixRole {
                country: Some("AFG".into()),
                sector: Some("INS".into()),
                from: None,
                to: None,
            }],
        }];
        let agents = vec![PhoenixAgent {
            phrases: vec![words("police chief")],
            sector: "COP".into(),
        }];
        let kb = KnowledgeBase::new(curated, phoenix, agents, &|s| words(s)).unwrap();
        let r = kb.readings(&words("taliban"));
        assert_eq!(r.len(), 1, "the curated entry owns the phrase");
        let t = kb.entry(r[0].entry);
        assert_eq!(
            t.on(Some(20180801)),
            (Some("AFG".into()), Some("INS".into()))
        );
        assert_eq!(
            t.on(Some(20230101)),
            (Some("AFG".into()), Some("GOV".into()))
        );
        let is = kb.readings(&words("islamic state"));
        assert_eq!(is.len(), 2);
        assert!(is.iter().all(|r| r.ambiguous));
        let iskp = kb.by_id("iskp").unwrap();
        assert_eq!(kb.entry(iskp).parent, kb.by_id("islamic-state"));
        assert_eq!(kb.agent(&words("police chief")), Some("COP"));
        assert!(KnowledgeBase::new("{not json", vec![], vec![], &|s| words(s)).is_err());
    }

    #[test]
    fn names() {
        assert_eq!(title_case("UNITED_STATES"), "United States");
        assert_eq!(title_case("al-Shabaab"), "al-Shabaab");
        assert_eq!(day(&Some("2021-08-15".into())), Some(20210815));
        assert_eq!(day(&None), None);
    }
}
