//! Golden snapshot of the seed article's events (`examples/seed.txt`).
//! Accept intended changes with `cargo insta review` (or `INSTA_UPDATE=always`).

use article::{Article, Meta};
use pipeline::{Config, Pipeline};

const SEED: &str = include_str!("../../../examples/seed.txt");

fn seed_article() -> Article {
    let (title, body) = SEED.split_once("\n\n").expect("seed has a title line");
    Article::new(
        Meta {
            doc_id: "seed-nyt-2018-08-01-darzab".into(),
            source: Some("New York Times".into()),
            url: None,
            published: Some("2018-08-01".into()),
            title: Some(title.into()),
        },
        body.trim_end().to_string(),
    )
}

#[test]
fn seed_events_snapshot() {
    let pipeline = Pipeline::new(&Config::default()).expect("embedded resources load");
    let out = pipeline.run(seed_article());
    let chars: Vec<char> = out.article.text.chars().collect();
    for e in &out.events {
        let s: String = chars[e.sentence.start..e.sentence.end].iter().collect();
        assert_eq!(s, e.sentence.text, "sentence span must be the sentence");
        let t: String = chars[e.trigger.start..e.trigger.end].iter().collect();
        assert_eq!(t, e.trigger.text, "trigger span must be the trigger");
        assert!(e.sentence.start <= e.trigger.start && e.trigger.end <= e.sentence.end);
    }
    insta::assert_json_snapshot!("seed_events", out.events);
}

#[test]
fn pipeline_is_deterministic() {
    let pipeline = Pipeline::new(&Config::default()).expect("embedded resources load");
    let a = serde_json::to_string(&pipeline.run(seed_article()).events).unwrap();
    let b = serde_json::to_string(&pipeline.run(seed_article()).events).unwrap();
    assert_eq!(a, b);
}

/// Issue 4: Darzab, Jowzjan, Nangarhar and Jalalabad in the seed resolve to the right
/// GeoNames places; demonyms ("Afghan", "American") name countries, not event places.
#[test]
fn seed_places_resolve() {
    let pipeline = Pipeline::new(&Config::default()).expect("embedded resources load");
    let out = pipeline.run(seed_article());
    let a = &out.article;
    let resolved = |surface: &str| -> Vec<(u32, String, Option<String>, String)> {
        a.places
            .iter()
            .filter(|m| a.slice(m.span) == surface)
            .map(|m| {
                let p = m.place.as_ref().expect("resolved");
                (
                    p.geonameid,
                    p.country.clone(),
                    p.admin1.clone(),
                    p.precision.as_str().to_string(),
                )
            })
            .collect()
    };
    let darzab = resolved("Darzab");
    assert!(!darzab.is_empty(), "{:?}", a.places);
    for d in &darzab {
        assert_eq!(d.0, 1143874, "Darzab, the district seat in Jowzjan");
        assert_eq!(d.2.as_deref(), Some("Jowzjan"));
    }
    assert_eq!(
        resolved("Jowzjan Province"),
        vec![(
            1139049,
            "AF".into(),
            Some("Jowzjan".into()),
            "admin1".into()
        )]
    );
    let nangarhar = resolved("Nangarhar Province");
    assert!(!nangarhar.is_empty());
    assert!(nangarhar.iter().all(|n| n.0 == 1132366 && n.3 == "admin1"));
    let jalalabad = resolved("Jalalabad");
    assert_eq!(jalalabad.len(), 1);
    assert_eq!(jalalabad[0].0, 1139715);
    assert_eq!(jalalabad[0].2.as_deref(), Some("Nangarhar"));
    for m in &a.places {
        let p = m.place.as_ref().expect("resolved");
        assert!(p.country == "AF" || p.country == "US", "stray place {p:?}");
        if a.slice(m.span) == "Afghan" || a.slice(m.span) == "American" {
            assert_eq!(m.kind, article::PlaceMentionKind::Demonym);
        }
    }
    // Names in the text that are not places here.
    for not_place in ["Ismail", "Mubarez", "Khorasan", "Taliban", "Central"] {
        assert!(
            resolved(not_place).is_empty(),
            "{not_place} is not a place here"
        );
    }
}

/// Issue 5: the actors of the seed article, their identities, roles and relations.
#[test]
fn seed_actors() {
    let pipeline = Pipeline::new(&Config::default()).expect("embedded resources load");
    let out = pipeline.run(seed_article());
    let a = &out.article;
    let find = |name: &str| {
        a.actors
            .iter()
            .find(|x| x.name == name || x.aliases.iter().any(|s| s == name))
            .unwrap_or_else(|| panic!("no actor {name}: {:#?}", a.actors))
    };
    let has = |x: &article::Actor, relation: &str, value: &str| {
        x.facts
            .iter()
            .any(|f| f.relation == relation && f.value.contains(value))
    };
    use article::ActorKind::*;

    // Mr. Nemat = Mufti Nematullah Qaweem: Islamic State commander, formerly Taliban,
    // switched to the government, then to the Islamic State.
    let nemat = find("Nemat");
    assert!(std::ptr::eq(nemat, find("Nematullah Qaweem")));
    assert_eq!(nemat.kind, Person);
    assert!(has(nemat, "title", "Mufti") && has(nemat, "title", "Mr."));
    assert!(has(nemat, "role", "Islamic State military commander"));
    assert!(has(nemat, "member_of", "Islamic State"));
    assert!(has(nemat, "former_member_of", "Taliban"));
    assert!(has(nemat, "switched_to", "government"));
    assert!(has(nemat, "switched_to", "Islamic State"));
    // Every mention of him points to one actor: "Mr. Nemat" four times, the full name once.
    let nemat_index = a
        .actors
        .iter()
        .position(|x| std::ptr::eq(x, nemat))
        .unwrap();
    let mentions = a
        .actor_mentions
        .iter()
        .filter(|m| m.actor == nemat_index)
        .count();
    assert!(mentions >= 5, "{mentions}");

    // Maulavi Habib ul-Rahman: Islamic State commander, brother-in-law of Nemat.
    let habib = find("Habib ul-Rahman");
    assert!(has(habib, "title", "Maulavi"));
    assert!(has(habib, "member_of", "Islamic State"));
    assert!(has(habib, "relative_of", "Nematullah Qaweem"));
    assert!(has(nemat, "relative_of", "Habib ul-Rahman"));
    assert_eq!(habib.sector.as_deref(), Some("INS"));

    // Abdul Hafiz Khashi (deputy police chief of Jowzjan, AFG COP) = Mr. Khashi.
    let khashi = find("Abdul Hafiz Khashi");
    assert!(std::ptr::eq(khashi, find("Khashi")));
    assert_eq!(
        (khashi.country.as_deref(), khashi.sector.as_deref()),
        (Some("AFG"), Some("COP"))
    );
    assert!(has(
        khashi,
        "role",
        "deputy police chief of Jowzjan Province"
    ));

    // Capt. Mohammad Ismail Mubarez (police chief of Darzab, AFG COP).
    let mubarez = find("Mohammad Ismail Mubarez");
    assert_eq!(
        (mubarez.country.as_deref(), mubarez.sector.as_deref()),
        (Some("AFG"), Some("COP"))
    );
    assert!(has(mubarez, "title", "Capt."));

    // Gen. Abdul Rashid Dostum (first vice president, AFG GOV).
    let dostum = find("Abdul Rashid Dostum");
    assert_eq!(
        (dostum.country.as_deref(), dostum.sector.as_deref()),
        (Some("AFG"), Some("GOV"))
    );
    assert!(has(dostum, "role", "first vice president"));

    // Abu Mohammad and Abu Mariam: French, pseudonyms.
    for name in ["Abu Mohammad", "Abu Mariam"] {
        let x = find(name);
        assert_eq!(x.country.as_deref(), Some("FRA"), "{name}");
        assert!(has(x, "pseudonym", "true"), "{name}");
    }

    // Daeshis = Islamic State (Khorasan Province).
    let is = find("Daeshis");
    assert_eq!(is.kb_id.as_deref(), Some("iskp"));
    assert!(std::ptr::eq(is, find("Islamic State")));
    assert_eq!(
        (is.country.as_deref(), is.sector.as_deref()),
        (Some("AFG"), Some("INS"))
    );

    // The Taliban in 2018 were insurgents (the KB's role before 15 August 2021).
    let taliban = find("Taliban");
    assert_eq!(taliban.sector.as_deref(), Some("INS"));
    // Places are not actors: the provinces and Jalalabad are not aliases of anyone.
    for place in ["Jowzjan", "Nangarhar", "Jalalabad", "Darzab"] {
        assert!(a
            .actors
            .iter()
            .all(|x| x.name != place && !x.aliases.iter().any(|s| s == place)));
    }
}
