//! Toponym resolution: picks one gazetteer entry per candidate. Explicit hierarchy
//! first ("Darzab District, Jowzjan Province"), then the document's dominant countries
//! and provinces (from its unambiguous mentions and demonyms), then feature type and
//! population; weak candidates (small towns met without any cue) are dropped.

use crate::detect::Candidate;
use crate::gazetteer::{Entry, Gazetteer, Level, Via};
use crate::normalize::key;
use std::collections::HashMap;

/// Weights per name, with their sum (a name never counts as context for itself: ten
/// mentions of "London" must not vote for the London they happen to pick).
#[derive(Debug, Default, Clone)]
struct Votes {
    total: f32,
    by_name: HashMap<String, f32>,
}

impl Votes {
    fn add(&mut self, name: &str, w: f32) {
        self.total += w;
        *self.by_name.entry(name.to_string()).or_default() += w;
    }
    /// The weight of every name but this one.
    fn others(&self, name: &str) -> f32 {
        self.total - self.by_name.get(name).copied().unwrap_or(0.0)
    }
}

/// The document context: how often each country and province is named.
#[derive(Debug, Default, Clone)]
pub struct Context {
    countries: HashMap<String, Votes>,
    /// All country votes together.
    all_countries: Votes,
    admin1: HashMap<(String, String), Votes>,
    /// Distinct names in the document that could lie in each province.
    support: HashMap<(String, String), std::collections::HashSet<String>>,
}

impl Context {
    fn add(&mut self, e: &Entry, name: &str, weight: f32) {
        if !e.country.is_empty() {
            self.countries
                .entry(e.country.clone())
                .or_default()
                .add(name, weight);
            self.all_countries.add(name, weight);
        }
        if !e.admin1.is_empty() && e.level >= Level::Admin1 {
            self.admin1
                .entry((e.country.clone(), e.admin1.clone()))
                .or_default()
                .add(name, weight);
        }
    }

    /// True when names other than this one give the document any country.
    fn has_countries(&self, name: &str) -> bool {
        self.all_countries.others(name) > 1e-6
    }

    fn country_score(&self, cc: &str, name: &str) -> f32 {
        let total = self.all_countries.others(name);
        let w = self.countries.get(cc).map_or(0.0, |v| v.others(name));
        if total > 1e-6 && w > 1e-6 {
            1.0 + 5.0 * (w / total)
        } else {
            0.0
        }
    }

    /// Names that could lie in each province (any reading), for spatial coherence:
    /// "London", "St. Thomas" and "Middlesex" all have readings in Ontario.
    fn support_from(&mut self, gazetteer: &Gazetteer, candidates: &[Candidate]) {
        for c in candidates.iter().filter(|c| !c.demonym) {
            for h in &c.hits {
                let e = gazetteer.entry(h.entry);
                if e.level >= Level::Admin1 && !e.admin1.is_empty() {
                    self.support
                        .entry((e.country.clone(), e.admin1.clone()))
                        .or_default()
                        .insert(c.name.clone());
                }
            }
        }
    }

    fn support_score(&self, e: &Entry, name: &str) -> f32 {
        if e.level < Level::Admin1 || e.admin1.is_empty() {
            return 0.0;
        }
        let others = self
            .support
            .get(&(e.country.clone(), e.admin1.clone()))
            .map_or(0, |n| n.len() - usize::from(n.contains(name)));
        0.5 * others.min(4) as f32
    }

    fn admin1_score(&self, e: &Entry, name: &str) -> f32 {
        let w = self
            .admin1
            .get(&(e.country.clone(), e.admin1.clone()))
            .map_or(0.0, |v| v.others(name));
        if w > 1e-6 {
            2.0 + w.min(3.0) * 0.5
        } else {
            0.0
        }
    }
}

/// The prior score of an entry for a candidate, before document context.
fn prior(e: &Entry, via: Via, c: &Candidate) -> f32 {
    let mut s = match e.level {
        Level::Region => 6.0,
        Level::Country => 8.0,
        Level::Admin1 => 5.0,
        Level::Admin2 => 2.0,
        Level::Town => {
            let pop = (e.population as f32 + 1.0).log10();
            let seat = match e.feature_code.as_str() {
                "PPLC" => 3.0,
                "PPLA" => 1.5,
                "PPLA2" => 0.5,
                _ => 0.0,
            };
            pop * 0.9 + seat - 1.0
        }
    };
    s += match via {
        Via::Name => 1.0,
        Via::Alias => 0.0,
        Via::Demonym => 0.0,
        Via::Loose => -2.5,
    };
    if let Some(hint) = c.level_hint {
        if hint == e.level {
            s += 6.0;
        } else if hint == Level::Town || e.level == Level::Town {
            s -= 4.0;
        } else {
            s -= 2.0;
        }
    }
    s
}

/// The chosen entry of each candidate (`None`: dropped).
///
/// `home`: the country the source publishes from (its web domain), a weak prior.
pub fn resolve(
    gazetteer: &Gazetteer,
    candidates: &[Candidate],
    home: Option<&str>,
) -> Vec<Option<u32>> {
    let seed = |context: &mut Context| {
        if let Some(cc) = home {
            context
                .countries
                .entry(cc.to_string())
                .or_default()
                .add("", 1.5);
            context.all_countries.add("", 1.5);
        }
    };
    // Pass 1: priors only. Countries, provinces, demonyms and names with one entry anchor
    // the document's context.
    let mut first = Context::default();
    seed(&mut first);
    first.support_from(gazetteer, candidates);
    let mut chosen = pass(gazetteer, candidates, &first);
    let mut context = Context::default();
    seed(&mut context);
    context.support_from(gazetteer, candidates);
    for (c, choice) in candidates.iter().zip(&chosen) {
        let Some(i) = *choice else { continue };
        let e = gazetteer.entry(i);
        let unique = c.hits.iter().all(|h| h.entry == i);
        if e.level <= Level::Admin1 || unique {
            context.add(&e, &c.name, 1.0);
        }
    }
    // Passes 2 and 3: with the context, then with the context of pass 2's choices.
    for round in 0..2 {
        chosen = pass(gazetteer, candidates, &context);
        if round == 0 {
            context = Context::default();
            seed(&mut context);
            context.support_from(gazetteer, candidates);
            for (c, choice) in candidates.iter().zip(&chosen) {
                let Some(i) = *choice else { continue };
                let e = gazetteer.entry(i);
                let anchor = e.level <= Level::Admin1 || c.hits.iter().all(|h| h.entry == i);
                context.add(&e, &c.name, if anchor { 1.0 } else { 0.5 });
            }
        }
    }
    chosen
}

/// One resolution pass under a context; parents first (a parent follows its child).
fn pass(gazetteer: &Gazetteer, candidates: &[Candidate], context: &Context) -> Vec<Option<u32>> {
    let mut chosen: Vec<Option<u32>> = vec![None; candidates.len()];
    for k in (0..candidates.len()).rev() {
        let c = &candidates[k];
        let parent = c.parent.and_then(|p| chosen.get(p).copied().flatten());
        if let Some((i, score, _)) = best(gazetteer, c, parent, context) {
            // "Horasan, a town in the district of Darzab", when no Horasan
            // lies there: the stated parent, not a namesake elsewhere.
            match parent {
                Some(p) if c.parent_stated && !within(gazetteer, p, i) => chosen[k] = Some(p),
                _ => {
                    if accept(&gazetteer.entry(i), c, score) {
                        chosen[k] = Some(i);
                    }
                }
            }
        }
    }
    chosen
}

/// `inner` lies in `outer`; a town stands for its district ("a village near
/// Darzab": the same first- and second-level division).
fn within(gazetteer: &Gazetteer, outer: u32, inner: u32) -> bool {
    if gazetteer.contains(outer, inner) {
        return true;
    }
    let (o, i) = (gazetteer.entry(outer), gazetteer.entry(inner));
    o.level == Level::Town
        && i.level == Level::Town
        && !o.country.is_empty()
        && o.country == i.country
        && !o.admin1.is_empty()
        && o.admin1 == i.admin1
        && o.admin2 == i.admin2
}

/// Whether a resolved candidate is kept.
fn accept(e: &Entry, c: &Candidate, score: f32) -> bool {
    if c.demonym {
        return true;
    }
    if c.stop {
        return false;
    }
    if c.in_person && !c.ner_loc && !c.cued {
        return false;
    }
    if !c.proper && !c.ner_loc && e.level > Level::Country && !c.cued {
        return false;
    }
    // A town or district named like a common word ("Church", "Mobile") needs the
    // recognizer's LOC (outside an organization's name) or a cue.
    let clean_loc = c.ner_loc && !c.in_organization;
    if c.common && e.level > Level::Country && !c.cued && !clean_loc {
        return false;
    }
    // Inside a longer capitalized name that is not a place ("Mohammad Ismail Mubarez").
    if c.embedded && e.level > Level::Admin1 && !c.cued && !c.ner_loc && !c.in_organization {
        return false;
    }
    // A town or district needs a plausible reading, whatever announced it.
    if e.level > Level::Admin1 && score < 1.0 {
        return false;
    }
    // Small places met with no cue at all are more often words or names.
    let evidence = c.ner_loc || c.cued;
    evidence || score >= 5.0
}

fn best(
    gazetteer: &Gazetteer,
    c: &Candidate,
    parent: Option<u32>,
    context: &Context,
) -> Option<(u32, f32, f32)> {
    let mut scored: Vec<(u32, f32)> = Vec::new();
    for h in &c.hits {
        let e = gazetteer.entry(h.entry);
        if c.demonym != (h.via == Via::Demonym) {
            continue;
        }
        let mut s = prior(&e, h.via, c);
        // A district reached through its type word's absence ("Delaware" for "Delaware
        // County") yields to a place of that very name (the state of Delaware).
        if e.level == Level::Admin2 && c.level_hint.is_none() && key(&e.name) != c.name {
            s -= 2.0;
        }
        if let Some(p) = parent {
            if within(gazetteer, p, h.entry) {
                s += 10.0;
            } else if p != h.entry {
                s -= 3.0;
            }
        }
        let in_context = context.country_score(&e.country, &c.name);
        s += in_context;
        // The capital of the document's country outweighs a small namesake in the
        // province the story is about ("the Capitol in Washington" in a Georgia story).
        if in_context > 0.0 && e.feature_code == "PPLC" {
            s += 2.0;
        }
        // A town or district in a country the document never names is less likely.
        if in_context == 0.0 && context.has_countries(&c.name) && e.level > Level::Admin1 {
            s -= if h.via == Via::Name { 2.0 } else { 2.5 };
        }
        if e.level >= Level::Admin1 {
            s += context.admin1_score(&e, &c.name);
        }
        s += context.support_score(&e, &c.name);
        match scored.iter_mut().find(|(i, _)| *i == h.entry) {
            Some(x) => x.1 = x.1.max(s),
            None => scored.push((h.entry, s)),
        }
    }
    // A country's own name is the country, not a town or district named after it
    // ("Russia", "Jordan"), unless the text places it ("Russia, Ohio").
    if parent.is_none() {
        let country = c
            .hits
            .iter()
            .find(|h| h.via == Via::Name && gazetteer.entry(h.entry).level == Level::Country);
        if let Some(h) = country {
            for x in scored.iter_mut() {
                let level = gazetteer.entry(x.0).level;
                if x.0 != h.entry && level > Level::Admin1 {
                    x.1 = x.1.min(f32::MIN / 4.0);
                }
            }
        }
    }
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let (i, s) = *scored.first()?;
    let margin = scored.get(1).map_or(f32::INFINITY, |x| s - x.1);
    Some((i, s, margin))
}

/// The country of a web address's country-code domain ("https://www.cbc.ca/…" → "CA";
/// "bbc.co.uk" → "GB"); `None` for generic domains.
pub fn domain_country(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .trim_end_matches('.');
    let tld = host.rsplit('.').next()?.to_ascii_lowercase();
    if tld.len() != 2 || !host.contains('.') || !tld.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    // Country codes sold as generic names.
    if [
        "tv", "io", "co", "me", "fm", "ly", "ai", "gg", "cc", "ws", "to", "eu",
    ]
    .contains(&tld.as_str())
    {
        return None;
    }
    Some(if tld == "uk" {
        "GB".into()
    } else {
        tld.to_ascii_uppercase()
    })
}

#[cfg(test)]
mod tests {
    use super::domain_country;

    #[test]
    fn country_code_domains() {
        assert_eq!(
            domain_country("http://www.cbc.ca/news/x").as_deref(),
            Some("CA")
        );
        assert_eq!(
            domain_country(" https://www.bbc.co.uk/news ").as_deref(),
            Some("GB")
        );
        assert_eq!(domain_country("www.nationalpost.com").as_deref(), None);
        assert_eq!(
            domain_country("https://english.vov.vn/en/x").as_deref(),
            Some("VN")
        );
        assert_eq!(domain_country("https://news.tv/x").as_deref(), None);
        assert_eq!(domain_country("Reuters").as_deref(), None);
        assert_eq!(domain_country("").as_deref(), None);
    }
}
