//! Toponym detection: capitalized token sequences that the gazetteer knows (longest
//! match first), entity-recognizer LOC spans (looked up loosely when no exact name
//! fits), type words ("Jowzjan Province", "Darzab District") and context cues ("in X",
//! "X, Y"); common words, person names and organization names are filtered out.

use crate::gazetteer::{Gazetteer, Hit, Level, Via};
use crate::normalize::{is_capitalized, key};
use article::{Article, EntityLabel, Span};
use std::ops::Range;

/// Longest name, in tokens.
const MAX_TOKENS: usize = 6;

/// Lowercase words that may sit inside a multiword place name.
const CONNECTORS: &[&str] = &[
    "of", "de", "del", "da", "do", "dos", "das", "la", "le", "les", "el", "al", "an", "ad", "as",
    "ash", "at", "az", "ul", "ur", "e", "i", "upon", "on", "sur", "am", "im", "-", "the", "y",
    "and", "&", "'s",
];

/// Prepositions that announce a place ("in Kabul", "near Darzab").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "near",
    "at",
    "from",
    "to",
    "outside",
    "across",
    "around",
    "into",
    "toward",
    "towards",
    "throughout",
    "inside",
    "through",
    "via",
    "between",
    "within",
    "nearby",
];

/// A type word after a name and the level it asks for.
pub fn type_word(word: &str) -> Option<Level> {
    Some(match word.to_lowercase().as_str() {
        "province" | "provinces" | "state" | "governorate" | "region" | "oblast" | "prefecture"
        | "department" | "territory" | "emirate" | "krai" | "canton" | "wilayah" | "velayat" => {
            Level::Admin1
        }
        "district" | "districts" | "county" | "municipality" | "sub-district" | "subdistrict"
        | "raion" | "rayon" | "parish" | "borough" | "uezd" | "woreda" | "tehsil" | "lga" => {
            Level::Admin2
        }
        "city" | "town" | "village" | "township" | "camp" => Level::Town,
        _ => return None,
    })
}

/// A candidate toponym before resolution.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Token range in the article (type word included).
    pub tokens: Range<usize>,
    /// Byte span (type word included).
    pub span: Span,
    /// The name's lookup key ("london"), type word excluded.
    pub name: String,
    /// Gazetteer hits for the name.
    pub hits: Vec<Hit>,
    /// The level a type word asks for.
    pub level_hint: Option<Level>,
    /// Only demonym hits: nationality context, not a place.
    pub demonym: bool,
    /// Inside an entity-recognizer LOC span.
    pub ner_loc: bool,
    /// Announced by a preposition or a type word.
    pub cued: bool,
    /// Inside a PER entity.
    pub in_person: bool,
    /// Inside an ORG entity ("Winnipeg police", "CTV Edmonton").
    pub in_organization: bool,
    /// The tagger says proper noun (or no tags are available).
    pub proper: bool,
    /// A one-word name that is also a common English word ("Church", "Mobile").
    pub common: bool,
    /// A one-word name that is never a place on its own ("March", "Monday").
    pub stop: bool,
    /// Inside a longer run of capitalized words that is not a place name.
    pub embedded: bool,
    /// Sentence index.
    pub sentence: usize,
    /// Index of a following candidate that names its parent ("Darzab, Jowzjan").
    pub parent: Option<usize>,
    /// The parent is stated outright ("Horasan, a town in the district of
    /// Darzab"): when no place of this name lies in it, the parent is the best
    /// answer.
    pub parent_stated: bool,
}

/// Finds candidate toponyms in an article (segmented; annotations optional).
pub fn detect(article: &Article, gazetteer: &Gazetteer) -> Vec<Candidate> {
    let text = &article.text;
    let word = |i: usize| article.word(i);
    // Entity label per token.
    let mut label: Vec<Option<EntityLabel>> = vec![None; article.tokens.len()];
    for e in &article.entities {
        for t in e.tokens.clone() {
            if let Some(l) = label.get_mut(t) {
                *l = Some(e.label);
            }
        }
    }
    let upos = |i: usize| article.annotations.get(i).map(|a| a.upos.as_str());

    let mut out: Vec<Candidate> = Vec::new();
    for (si, sentence) in article.sentences.iter().enumerate() {
        let range = sentence.tokens.clone();
        let mut i = range.start;
        while i < range.end {
            let w = word(i);
            if !is_capitalized(w) {
                i += 1;
                continue;
            }
            // Longest gazetteer match starting here.
            let mut found: Option<(usize, Vec<Hit>)> = None;
            let max_end = (i + MAX_TOKENS).min(range.end);
            for end in (i + 1..=max_end).rev() {
                let last = word(end - 1);
                if !is_capitalized(last) {
                    continue;
                }
                if (i + 1..end - 1).any(|j| {
                    let w = word(j);
                    !is_capitalized(w) && !CONNECTORS.contains(&w.to_lowercase().as_str())
                }) {
                    continue;
                }
                let span = Span::new(
                    article.tokens[i].span.start,
                    article.tokens[end - 1].span.end,
                );
                let hits = gazetteer.lookup_key(&key(&text[span.range()]));
                if !hits.is_empty() {
                    found = Some((end, hits));
                    break;
                }
            }
            // An entity-recognizer LOC span the gazetteer does not know exactly: loose match.
            if found.is_none() && label[i] == Some(EntityLabel::Loc) {
                let mut end = i + 1;
                while end < range.end
                    && label[end] == Some(EntityLabel::Loc)
                    && end - i < MAX_TOKENS
                {
                    end += 1;
                }
                let span = Span::new(
                    article.tokens[i].span.start,
                    article.tokens[end - 1].span.end,
                );
                let k = key(&text[span.range()]);
                let mut hits = gazetteer.lookup_loose(&k);
                if hits.is_empty() && end - i > 1 {
                    // "Qush Tepa District": the name without its type word.
                    if type_word(word(end - 1)).is_some() {
                        let span = Span::new(span.start, article.tokens[end - 2].span.end);
                        let k = key(&text[span.range()]);
                        hits = gazetteer.lookup_key(&k);
                        if hits.is_empty() {
                            hits = gazetteer.lookup_loose(&k);
                        }
                        if !hits.is_empty() {
                            end -= 1;
                        }
                    }
                }
                if !hits.is_empty() {
                    found = Some((end, hits));
                }
            }
            let Some((mut end, hits)) = found else {
                // "Montreal-area", "Canada-EU", "London-based": names inside a hyphenated token.
                if w.contains('-') {
                    out.extend(hyphen_parts(article, gazetteer, i, si, &label));
                }
                i += 1;
                continue;
            };
            // A dateline: an all-capital name opening a paragraph ("WASHINGTON —").
            let dateline = i == range.start
                && (si == 0 || article.sentences[si - 1].paragraph != sentence.paragraph)
                && w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && w.chars().all(|c| !c.is_lowercase());
            let name_end = end;
            let mut level_hint = None;
            if end < range.end {
                if let Some(level) = type_word(word(end)) {
                    level_hint = Some(level);
                    end += 1;
                }
            }
            // "Sagaing Region" where the province is spelled "Sagain": a loose reading at
            // the level the type word asks for.
            let mut hits = hits;
            if let Some(level) = level_hint {
                if !hits.iter().any(|h| gazetteer.entry(h.entry).level == level) {
                    let k =
                        key(&text
                            [article.tokens[i].span.start..article.tokens[name_end - 1].span.end]);
                    hits.extend(
                        gazetteer
                            .lookup_loose(&k)
                            .into_iter()
                            .filter(|h| gazetteer.entry(h.entry).level == level),
                    );
                }
            }
            // Part of a longer capitalized name ("Mohammad Ismail Mubarez")?
            // (Not a capitalized function word: "A Sangamon County judge".)
            let capital_word = |t: usize| {
                let w = word(t);
                is_capitalized(w)
                    && w.chars().any(char::is_alphabetic)
                    && type_word(w).is_none()
                    && !FUNCTION_WORDS.contains(&w.to_lowercase().as_str())
            };
            // (A capitalized first word of the sentence says nothing.)
            let embedded = i > range.start + 1 && capital_word(i - 1)
                || name_end < range.end && capital_word(name_end) && level_hint.is_none();
            // "Capt. Mohammad Ismail Mubarez": capitalized words after a title are a name,
            // whatever the recognizer says.
            let mut t = i;
            let mut titled = false;
            while t > range.start && i - t < 4 {
                t -= 1;
                let w = word(t);
                let bare = w.trim_end_matches('.').to_lowercase();
                if article::PERSON_TITLES.contains(&bare.as_str()) {
                    titled = true;
                    break;
                }
                if !is_capitalized(w) {
                    break;
                }
            }
            let prev = (i > range.start).then(|| word(i - 1).to_lowercase());
            let cued = dateline
                || level_hint.is_some()
                || prev
                    .as_deref()
                    .is_some_and(|p| PLACE_PREPOSITIONS.contains(&p));
            // A demonym that is also a small place's name ("Spanish", Ontario) is a demonym.
            let demonym = hits.iter().any(|h| h.via == Via::Demonym)
                && hits.iter().all(|h| {
                    h.via == Via::Demonym || gazetteer.entry(h.entry).level > Level::Admin1
                });
            let hits: Vec<Hit> = if demonym {
                hits.into_iter().filter(|h| h.via == Via::Demonym).collect()
            } else {
                hits
            };
            let ner_loc = !titled && (i..name_end).any(|t| label[t] == Some(EntityLabel::Loc));
            let in_person =
                titled || !dateline && (i..name_end).any(|t| label[t] == Some(EntityLabel::Per));
            let in_organization = (i..name_end).any(|t| label[t] == Some(EntityLabel::Org));
            let proper = (i..name_end).all(|t| upos(t).is_none_or(|u| u == "PROPN"))
                || (i..name_end).any(|t| upos(t) == Some("PROPN"));
            let name =
                key(&text[article.tokens[i].span.start..article.tokens[name_end - 1].span.end]);
            out.push(Candidate {
                name,
                tokens: i..end,
                span: Span::new(
                    article.tokens[i].span.start,
                    article.tokens[end - 1].span.end,
                ),
                hits,
                level_hint,
                demonym,
                ner_loc,
                cued,
                in_person,
                in_organization,
                proper,
                common: name_end == i + 1 && gazetteer.is_common_word(&key(w)),
                stop: name_end == i + 1 && gazetteer.is_stop_word(&key(w)),
                embedded,
                sentence: si,
                parent: None,
                parent_stated: false,
            });
            i = end;
        }
    }
    // "X, Y": Y names X's parent when it directly follows after a comma.
    for c in 0..out.len().saturating_sub(1) {
        let (a, b) = (&out[c], &out[c + 1]);
        if a.sentence == b.sentence
            && b.tokens.start == a.tokens.end + 1
            && word(a.tokens.end) == ","
            && !b.demonym
        {
            out[c].parent = Some(c + 1);
            // ("Springfield, Ill.": a parent after a comma is cued, even when its
            // form is also a common word.)
            out[c + 1].cued = true;
        }
    }
    // "X, the capital of Y".
    for c in 0..out.len().saturating_sub(1) {
        let (a, b) = (&out[c], &out[c + 1]);
        if a.sentence == b.sentence && a.parent.is_none() && b.tokens.start > a.tokens.end {
            let between: Vec<String> = (a.tokens.end..b.tokens.start)
                .map(|t| word(t).to_lowercase())
                .collect();
            let joined = between.join(" ");
            // ", a town in the municipality of", ", a village in", ", a city in
            // northern": an apposition that places X.
            let apposition = between.len() <= 8
                && between.first().map(String::as_str) == Some(",")
                && matches!(between.get(1).map(String::as_str), Some("a" | "an" | "the"))
                && between.iter().any(|w| PLACE_NOUNS.contains(&w.as_str()))
                && between
                    .iter()
                    .any(|w| matches!(w.as_str(), "in" | "of" | "near"));
            if joined.starts_with(", the capital of")
                || joined.starts_with(", capital of")
                || apposition
                || joined.starts_with("in")
                    && between.len() == 1
                    && b.level_hint.is_some_and(|l| l != Level::Town)
            {
                out[c].parent = Some(c + 1);
                out[c].parent_stated = joined.contains("capital") || apposition;
            }
        }
    }
    out
}

/// Function words that open a sentence or phrase capitalized: no part of a name.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "in", "on", "at", "of", "for", "and", "but", "to", "from", "by", "with",
    "as", "after", "before", "when", "while", "this", "that", "these", "those", "its", "his",
    "her", "their", "our",
];

/// Nouns of an apposition that places a town ("a village in").
const PLACE_NOUNS: &[&str] = &[
    "town",
    "village",
    "city",
    "hamlet",
    "community",
    "settlement",
    "suburb",
    "neighborhood",
    "neighbourhood",
    "municipality",
    "district",
    "county",
    "province",
    "region",
];

/// Place names inside one hyphenated token, each a candidate of its own.
fn hyphen_parts(
    article: &Article,
    gazetteer: &Gazetteer,
    t: usize,
    sentence: usize,
    label: &[Option<EntityLabel>],
) -> Vec<Candidate> {
    let token = article.tokens[t].span;
    let Some(word) = article.text.get(token.range()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut offset = 0;
    for part in word.split('-') {
        let start = token.start + offset;
        offset += part.len() + 1;
        if part.chars().count() < 3 || !is_capitalized(part) {
            continue;
        }
        let hits = gazetteer.lookup_key(&key(part));
        if hits.is_empty() {
            continue;
        }
        let demonym = hits.iter().all(|h| h.via == Via::Demonym);
        out.push(Candidate {
            name: key(part),
            tokens: t..t + 1,
            span: Span::new(start, start + part.len()),
            hits,
            level_hint: None,
            demonym,
            ner_loc: label[t] == Some(EntityLabel::Loc),
            cued: false,
            in_person: label[t] == Some(EntityLabel::Per),
            in_organization: label[t] == Some(EntityLabel::Org),
            proper: true,
            common: gazetteer.is_common_word(&key(part)),
            stop: gazetteer.is_stop_word(&key(part)),
            embedded: false,
            sentence,
            parent: None,
            parent_stated: false,
        });
    }
    out
}
