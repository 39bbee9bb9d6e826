//! Event location: the most specific place the text ties to an event, from the places
//! layer. In order: a toponym in the event's sentence (one attached to the trigger by
//! the parse or announced by a locative preposition first, then the most specific,
//! then the nearest), else the nearest earlier sentence of the paragraph that names a
//! place, else the jurisdiction of an official the sentence mentions ("Mr. Hassan said"
//! after "the police chief of Nineveh Province"), else the place the document is about
//! (named in at least half of its specific mentions), else the dateline's country.
//! Each place records that basis; after coding, an event the text does not place
//! (or places only by a jurisdiction or the story) takes the finer place of another
//! telling of the same act on the same day ([`borrow_places`]). Demonyms ("Afghan")
//! never give a location by themselves; the dateline (where the story was filed),
//! places inside actor names ("the UN mission in Libya") and the neighbour in "the
//! border with X" are not event locations.

use article::{Article, PlaceMention, PlaceMentionKind, Precision, Span};
use events::PlaceRef;

/// Prepositions that put an event at a place.
const LOCATIVE: &[&str] = &[
    "in",
    "near",
    "at",
    "outside",
    "inside",
    "across",
    "around",
    "throughout",
    "on",
    "into",
    "from",
    "within",
    "nearby",
];

fn specificity(p: Precision) -> i32 {
    match p {
        Precision::Town => 4,
        Precision::Admin2 => 3,
        Precision::Admin1 => 2,
        Precision::Country => 1,
        Precision::Region => 0,
    }
}

/// The output record of a resolved mention: the name as the text writes it (type
/// word dropped: "Darzab District" → "Darzab"), the gazetteer's ids and point.
pub fn place_ref(article: &Article, m: &PlaceMention) -> Option<PlaceRef> {
    let p = m.place.as_ref()?;
    let surface = article.slice(m.span);
    let name = match m.tokens.len() {
        n if n > 1 && ends_with_type_word(surface) => surface
            .rsplit_once(char::is_whitespace)
            .map_or(surface, |(head, _)| head),
        _ => surface,
    };
    let name = name.trim_end_matches(['.', ',', '\'', '’']).trim();
    // A demonym ("Colombian") stands for its place: use the gazetteer's name.
    let name = if m.kind == PlaceMentionKind::Demonym {
        ""
    } else {
        name
    };
    Some(PlaceRef {
        name: if name.is_empty() {
            p.name.clone()
        } else {
            name.to_string()
        },
        country: (!p.country.is_empty()).then(|| p.country.clone()),
        admin1: p.admin1.clone(),
        lat: Some(p.lat),
        lon: Some(p.lon),
        geonameid: (p.geonameid != 0).then_some(i64::from(p.geonameid)),
        precision: Some(p.precision.as_str().to_string()),
        basis: None,
    })
}

/// [`place_ref`] with how the text ties the place to the event (see
/// [`PlaceRef::basis`]).
fn based(article: &Article, m: &PlaceMention, basis: &str) -> Option<PlaceRef> {
    let mut r = place_ref(article, m)?;
    r.basis = Some(basis.to_string());
    Some(r)
}

/// True when the place is named only as an official's jurisdiction, inside a role the
/// text gives a person ("the deputy police chief of Jowzjan Province"): the official
/// serves there; the event is somewhere in it.
fn jurisdiction(article: &Article, m: &PlaceMention) -> bool {
    article.actors.iter().any(|a| {
        a.facts
            .iter()
            .any(|f| f.relation == "role" && f.evidence.contains(&m.span))
    })
}

fn ends_with_type_word(surface: &str) -> bool {
    let last = surface
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    [
        "province",
        "district",
        "county",
        "city",
        "state",
        "region",
        "governorate",
        "department",
        "territory",
        "town",
        "village",
        "municipality",
        "oblast",
        "prefecture",
    ]
    .contains(&last.as_str())
}

/// Toponyms inside `span` that can place an event: not the dateline (where the story
/// was filed) and not part of an actor's name ("the UN mission in Libya").
fn toponyms(article: &Article, span: Span) -> impl Iterator<Item = &PlaceMention> {
    // Place mentions are in text order: only those starting inside the span.
    let from = article
        .places
        .partition_point(|m| m.span.start < span.start);
    let to = article.places.partition_point(|m| m.span.start < span.end);
    let dateline = dateline(article).map(|m| m.span);
    article.places[from..to.max(from)].iter().filter(move |m| {
        m.kind == PlaceMentionKind::Toponym
            && m.place.is_some()
            && m.span.start >= span.start
            && m.span.end <= span.end
            && Some(m.span) != dateline
            && !in_actor_name(article, m.span)
            && !across_border(article, m)
    })
}

/// True for the neighbour in "near the border with Niger": the event is on this side.
fn across_border(article: &Article, m: &PlaceMention) -> bool {
    let word = |back: usize| {
        m.tokens
            .start
            .checked_sub(back)
            .and_then(|i| article.tokens.get(i))
            .map(|t| article.slice(t.span).to_lowercase())
    };
    word(1).as_deref() == Some("with")
        && matches!(
            word(2).as_deref(),
            Some("border" | "borders" | "frontier" | "boundary")
        )
}

/// True when an actor mention longer than the place contains it.
fn in_actor_name(article: &Article, span: Span) -> bool {
    let before = article
        .actor_mentions
        .partition_point(|a| a.span.start <= span.start);
    article.actor_mentions[..before]
        .iter()
        .rev()
        .take(4)
        .any(|a| a.span.end >= span.end && a.span.len() > span.len())
}

/// The dateline's place: a toponym opening the article ("KABUL, Afghanistan —",
/// "Bogota (AFP) –").
fn dateline(article: &Article) -> Option<&PlaceMention> {
    let first = article.sentences.first()?;
    let m = article.places.first()?;
    (m.kind == PlaceMentionKind::Toponym
        && m.tokens.start <= first.tokens.start + 1
        && m.span.end <= first.span.end)
        .then_some(m)
}

/// True when the parse attaches the place (within three steps up) to the trigger.
fn attached(article: &Article, sentence: usize, m: &PlaceMention, trigger: Span) -> bool {
    let Some(s) = article.sentences.get(sentence) else {
        return false;
    };
    let Some(mut t) = m.tokens.clone().last() else {
        return false;
    };
    for _ in 0..3 {
        let Some(head) = article
            .annotations
            .get(t)
            .and_then(|a| a.head)
            .map(|h| s.tokens.start + h)
        else {
            return false;
        };
        if head >= article.tokens.len() {
            return false;
        }
        let span = article.tokens[head].span;
        if span.start >= trigger.start && span.end <= trigger.end {
            return true;
        }
        t = head;
    }
    false
}

/// True when a locative preposition announces the place, over determiners and
/// adjectives ("in the western Lviv region").
fn locative(article: &Article, m: &PlaceMention) -> bool {
    let mut i = m.tokens.start;
    for _ in 0..4 {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        let Some(t) = article.tokens.get(p) else {
            return false;
        };
        if LOCATIVE.contains(&article.slice(t.span).to_lowercase().as_str()) {
            return true;
        }
        let modifier = article
            .annotations
            .get(p)
            .is_some_and(|a| matches!(a.upos.as_str(), "DET" | "ADJ"));
        if !modifier {
            return false;
        }
        i = p;
    }
    false
}

/// The location of an event stated in sentence `sentence` with trigger `trigger`.
pub fn locate(article: &Article, sentence: usize, trigger: Span) -> Option<PlaceRef> {
    locate_apart_from(article, sentence, trigger, &[])
}

/// [`locate`], leaving out places that are the event's parties (`parties`: the spans of
/// its actors and recipients) unless a locative preposition puts the event there
/// ("accused Kyiv of" names no location; "demonstrated in Serbia" does).
pub fn locate_apart_from(
    article: &Article,
    sentence: usize,
    trigger: Span,
    parties: &[Span],
) -> Option<PlaceRef> {
    let s = article.sentences.get(sentence)?;
    let party = |m: &PlaceMention| {
        !locative(article, m)
            && parties
                .iter()
                .any(|p| p.start <= m.span.start && m.span.end <= p.end)
    };
    // 1. The event's own sentence; a country counts only when the text puts the event
    // there ("in Syria"), not when it names an actor ("Myanmar's military").
    let best = toponyms(article, s.span)
        .filter(|m| !party(m))
        .filter_map(|m| {
            let p = m.place.as_ref().map_or(Precision::Region, |p| p.precision);
            let tied = attached(article, sentence, m, trigger) || locative(article, m);
            (tied || specificity(p) >= 2).then_some((m, p, tied))
        })
        .max_by_key(|(m, p, tied)| {
            let distance = m.span.start.abs_diff(trigger.start) as i64;
            (*tied as i32, specificity(*p), -distance)
        })
        .map(|(m, _, _)| m);
    if let Some(m) = best {
        let basis = if jurisdiction(article, m) {
            "jurisdiction"
        } else {
            "sentence"
        };
        return based(article, m, basis);
    }
    // A country named in the sentence without a locative tie: the last resort.
    let untied = toponyms(article, s.span).find(|m| !party(m));
    let found = elsewhere(article, sentence, s);
    found.or_else(|| untied.and_then(|m| based(article, m, "sentence")))
}

/// Steps 2–4: the paragraph, the dateline, the document's focus.
fn elsewhere(article: &Article, sentence: usize, s: &article::Sentence) -> Option<PlaceRef> {
    // 2. The nearest earlier sentence of the same paragraph that names a place.
    // (At most 30 sentences back: a huge one-paragraph document stays linear.)
    for k in (sentence.saturating_sub(30)..sentence).rev() {
        let prev = &article.sentences[k];
        if prev.paragraph != s.paragraph {
            break;
        }
        let best = toponyms(article, prev.span).max_by_key(|m| {
            let p = m.place.as_ref().map_or(Precision::Region, |p| p.precision);
            (specificity(p), m.span.start)
        });
        if let Some(m) = best {
            return based(article, m, "paragraph");
        }
    }
    if let Some(r) = jurisdiction_of_someone_in(article, s) {
        return Some(r);
    }
    let story = focus(article).or_else(|| lead_place(article)).map(|mut r| {
        r.basis = Some("story".to_string());
        r
    });
    story.or_else(|| {
        // 4. The dateline says where the story was filed, not where this happened:
        // only its country ("Bogota (AFP) –" → Colombia, when the text names it).
        let d = dateline(article)?;
        let cc = &d.place.as_ref()?.country;
        article
            .places
            .iter()
            .find(|m| {
                m.place
                    .as_ref()
                    .is_some_and(|p| p.precision == Precision::Country && &p.country == cc)
            })
            .and_then(|m| based(article, m, "dateline"))
            .or_else(|| based(article, d, "dateline"))
    })
}

/// Step 2b, the jurisdiction of an official the sentence mentions ("…, Mr. Hassan
/// said" after "Ali Hassan, the police chief of Nineveh Province"): the province or
/// town in the role the text gives them.
fn jurisdiction_of_someone_in(article: &Article, s: &article::Sentence) -> Option<PlaceRef> {
    let from = article
        .actor_mentions
        .partition_point(|a| a.span.start < s.span.start);
    article.actor_mentions[from..]
        .iter()
        .take_while(|a| a.span.start < s.span.end)
        .filter_map(|a| article.actors.get(a.actor))
        .flat_map(|actor| actor.facts.iter().filter(|f| f.relation == "role"))
        .find_map(|f| {
            toponyms(article, f.evidence).find(|m| {
                m.place
                    .as_ref()
                    .is_some_and(|p| specificity(p.precision) >= 2)
            })
        })
        .and_then(|m| based(article, m, "jurisdiction"))
}

/// Step 3b, where the lead sentence puts the story: its most specific town, district
/// or province ("… killed 23 fighters in southern Tripoli"), when the document has no
/// dominant place.
fn lead_place(article: &Article) -> Option<PlaceRef> {
    let lead = article.sentences.iter().find(|s| s.tokens.len() >= 8)?;
    toponyms(article, lead.span)
        .filter_map(|m| {
            let p = m.place.as_ref()?.precision;
            (specificity(p) >= 2).then_some((m, specificity(p)))
        })
        .max_by_key(|(m, sp)| (*sp, std::cmp::Reverse(m.span.start)))
        .and_then(|(m, _)| place_ref(article, m))
}

/// Step 3, the place the document is about: named in at least half of its mentions
/// of towns, districts and provinces, and at least twice.
fn focus(article: &Article) -> Option<PlaceRef> {
    let specific: Vec<&PlaceMention> = article
        .places
        .iter()
        .filter(|m| {
            m.kind == PlaceMentionKind::Toponym
                && m.place
                    .as_ref()
                    .is_some_and(|p| specificity(p.precision) >= 2)
        })
        .collect();
    let mut counts: Vec<(u32, usize, &PlaceMention)> = Vec::new();
    for m in &specific {
        let id = m.place.as_ref().map_or(0, |p| p.geonameid);
        match counts.iter_mut().find(|c| c.0 == id) {
            Some(c) => c.1 += 1,
            None => counts.push((id, 1, m)),
        }
    }
    let (_, n, m) = counts
        .into_iter()
        .max_by_key(|c| (c.1, std::cmp::Reverse(c.2.span.start)))?;
    (n >= 2 && 2 * n >= specific.len())
        .then(|| place_ref(article, m))
        .flatten()
}

/// Precision rank of an output place (town 4 … country 1, unknown 0).
fn rank(r: &PlaceRef) -> i32 {
    match r.precision.as_deref() {
        Some("town") => 4,
        Some("admin2") => 3,
        Some("admin1") => 2,
        Some("country") => 1,
        _ => 0,
    }
}

/// True when `fine` lies inside `coarse`: its country, or its province.
fn inside(fine: &PlaceRef, coarse: &PlaceRef) -> bool {
    fine.country.is_some()
        && fine.country == coarse.country
        && rank(fine) > rank(coarse)
        && match coarse.precision.as_deref() {
            Some("country") => true,
            Some("admin1") => coarse.admin1.is_some() && coarse.admin1 == fine.admin1,
            _ => false,
        }
}

/// True when the text ties the place to the event itself (its sentence or
/// paragraph, or an official's jurisdiction named there).
fn stated(r: &PlaceRef) -> bool {
    matches!(
        r.basis.as_deref(),
        Some("sentence" | "paragraph" | "jurisdiction")
    )
}

/// Events whose place the text does not tie to them take a finer place from another
/// telling of the same kind of act in the document: "the fighters fled" in a
/// paragraph naming no place, or a surrender placed only by the title of the official
/// reporting it ("the police chief of X province"), takes the town where the document
/// tells a surrender. The donor is of the same category, with a stated place and a
/// date that agrees. An event with no place must share a side with it; a jurisdiction
/// must contain its place; a story place must do both. The nearest donor wins.
pub fn borrow_places(events: &mut [events::Event]) {
    // (Each event's side names once: a long document has many events.)
    let names: Vec<Vec<String>> = events
        .iter()
        .map(|e| {
            e.actor
                .iter()
                .chain(&e.recipient)
                .map(|a| a.name.to_lowercase())
                .collect()
        })
        .collect();
    let mut found: Vec<(usize, PlaceRef)> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        let weak = e.location.as_ref().is_none_or(|l| {
            matches!(
                l.basis.as_deref(),
                Some("jurisdiction" | "story" | "dateline")
            )
        });
        if !weak {
            continue;
        }
        let own = &names[i];
        let donor = events
            .iter()
            .enumerate()
            .filter(|&(j, f)| j != i && f.event_type == e.event_type)
            .filter_map(|(j, f)| {
                let place = f.location.as_ref().filter(|l| stated(l))?;
                // (Another day's act is another episode.)
                let same_day = match (&e.date, &f.date) {
                    (Some(a), Some(b)) => crate::date::compatible(a, b),
                    _ => true,
                };
                if !same_day {
                    return None;
                }
                let shares = names[j].iter().any(|n| own.contains(n));
                let fits = match &e.location {
                    None => shares,
                    Some(l) if l.basis.as_deref() == Some("jurisdiction") => inside(place, l),
                    Some(l) => shares && inside(place, l),
                };
                fits.then_some((f.sentence.start.abs_diff(e.sentence.start), place))
            })
            .min_by_key(|(distance, _)| *distance);
        if let Some((_, place)) = donor {
            let mut place = place.clone();
            place.basis = Some("event".to_string());
            found.push((i, place));
        }
    }
    for (i, place) in found {
        events[i].location = Some(place);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use article::{Meta, Place, Sentence, Token, TokenKind};

    /// "Fighters attacked Darzab. Police came from Kabul." with two place mentions.
    fn article() -> Article {
        let text = "Fighters attacked Darzab District. Police came from Kabul.";
        let mut a = Article::new(Meta::default(), text.to_string());
        let words = [
            "Fighters", "attacked", "Darzab", "District", ".", "Police", "came", "from", "Kabul",
            ".",
        ];
        let mut at = 0;
        for w in words {
            let start = text[at..].find(w).unwrap() + at;
            at = start + w.len();
            a.tokens.push(Token {
                span: Span::new(start, at),
                kind: TokenKind::Word,
            });
        }
        a.sentences = vec![
            Sentence {
                span: Span::new(0, 34),
                tokens: 0..5,
                paragraph: 0,
            },
            Sentence {
                span: Span::new(35, text.len()),
                tokens: 5..10,
                paragraph: 0,
            },
        ];
        let place = |name: &str, precision, lat| Place {
            geonameid: 1,
            name: name.into(),
            country: "AF".into(),
            admin1: None,
            admin2: None,
            lat,
            lon: 65.0,
            feature_code: "PPL".into(),
            precision,
        };
        a.places = vec![
            PlaceMention {
                span: Span::new(18, 33),
                tokens: 2..4,
                kind: PlaceMentionKind::Toponym,
                place: Some(place("Darzāb", Precision::Admin2, 36.0)),
            },
            PlaceMention {
                span: Span::new(52, 57),
                tokens: 8..9,
                kind: PlaceMentionKind::Toponym,
                place: Some(place("Kabul", Precision::Town, 34.5)),
            },
        ];
        a
    }

    #[test]
    fn own_sentence_first_with_the_text_spelling() {
        let a = article();
        let loc = locate(&a, 0, a.tokens[1].span).unwrap();
        assert_eq!(loc.name, "Darzab");
        assert_eq!(loc.lat, Some(36.0));
        assert_eq!(loc.precision.as_deref(), Some("admin2"));
        let loc = locate(&a, 1, a.tokens[6].span).unwrap();
        assert_eq!(loc.name, "Kabul");
    }

    #[test]
    fn falls_back_to_the_paragraph_then_nothing() {
        let mut a = article();
        a.places.pop();
        let loc = locate(&a, 1, a.tokens[6].span).unwrap();
        assert_eq!(loc.name, "Darzab");
        a.sentences[1].paragraph = 1;
        // Another paragraph, no dateline, one mention only: no location.
        assert!(locate(&a, 1, a.tokens[6].span).is_none());
        assert!(locate(&a, 7, a.tokens[6].span).is_none());
    }

    #[test]
    fn the_lead_places_a_later_paragraph_without_a_place() {
        let mut a = article();
        a.places.pop();
        a.sentences[1].paragraph = 1;
        // A lead of eight words or more that names a district.
        a.sentences[0].tokens = 0..8;
        let loc = locate(&a, 1, a.tokens[6].span).unwrap();
        assert_eq!(loc.name, "Darzab");
    }
}
