//! The actors stage on sentences written for these tests, with a three-entry KB:
//! KB names and ambiguous aliases, declared aliases, short forms, group anaphors,
//! unknown entities kept as new actors, role appositions.

use actors::kb::{PhoenixActor, PhoenixAgent, PhoenixRole};
use actors::{Actors, KnowledgeBase};
use article::{ActorKind, Article, EntityLabel, EntityMention, Meta, Span};

const CURATED: &str = r#"{"id": "al-shabaab", "name": "al-Shabaab", "kind": "org", "aliases": ["al-Shabaab", "Shabaab", "al-Shabab"], "country": "SOM", "sector": "INS"}
{"id": "islamic-state", "name": "Islamic State", "kind": "org", "aliases": ["Islamic State", "ISIS"], "ambiguous_aliases": ["Islamic State"], "country": null, "sector": "INS"}
{"id": "is-somalia", "name": "Islamic State Somalia Province", "kind": "org", "aliases": ["Islamic State"], "ambiguous_aliases": ["Islamic State"], "country": "SOM", "sector": "INS", "parent": "islamic-state"}"#;

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_string).collect()
}

fn stage() -> Actors {
    let phoenix = vec![PhoenixActor {
        name: "SOMALIA".into(),
        phrases: vec![words("somalia"), words("somali")],
        roles: vec![PhoenixRole {
            country: Some("SOM".into()),
            sector: None,
            from: None,
            to: None,
        }],
    }];
    let agents = vec![
        PhoenixAgent {
            phrases: vec![words("police"), words("police chief")],
            sector: "COP".into(),
        },
        PhoenixAgent {
            phrases: vec![words("army"), words("forces")],
            sector: "MIL".into(),
        },
    ];
    let tokenize = |s: &str| -> Vec<String> {
        let (t, _) = segment::segment_text(s);
        t.iter().map(|t| s[t.span.range()].to_string()).collect()
    };
    Actors::new(KnowledgeBase::new(CURATED, phoenix, agents, &tokenize).unwrap())
}

/// Segments the text and marks the given words as entities of a label.
fn article(text: &str, entities: &[(&str, EntityLabel)]) -> Article {
    let mut a = Article::new(Meta::default(), text.to_string());
    segment::segment(&mut a);
    for (surface, label) in entities {
        let start = text.find(surface).unwrap();
        let end = start + surface.len();
        let toks: Vec<usize> = (0..a.tokens.len())
            .filter(|&i| a.tokens[i].span.start >= start && a.tokens[i].span.end <= end)
            .collect();
        a.entities.push(EntityMention {
            span: Span::new(start, end),
            tokens: toks[0]..toks[toks.len() - 1] + 1,
            label: *label,
        });
    }
    a.entities.sort_by_key(|e| e.span.start);
    a
}

fn run(text: &str, entities: &[(&str, EntityLabel)]) -> Article {
    let mut a = article(text, entities);
    stage().annotate(&mut a);
    a
}

fn actor<'a>(a: &'a Article, name: &str) -> &'a article::Actor {
    a.actors
        .iter()
        .find(|x| x.name == name || x.aliases.iter().any(|s| s == name))
        .unwrap_or_else(|| panic!("no {name}: {:#?}", a.actors))
}

#[test]
fn declared_aliases_and_short_forms() {
    let a = run(
        "Ahmed Diriye, also known as Abu Ubaidah, leads al-Shabaab. Mr. Diriye spoke on Monday. \
         Abu Ubaidah said the group would fight on.",
        &[
            ("Ahmed Diriye", EntityLabel::Per),
            ("Abu Ubaidah", EntityLabel::Per),
        ],
    );
    let leader = actor(&a, "Ahmed Diriye");
    assert!(std::ptr::eq(leader, actor(&a, "Abu Ubaidah")));
    assert!(std::ptr::eq(leader, actor(&a, "Diriye")));
    assert_eq!(leader.kind, ActorKind::Person);
    // "the group" → al-Shabaab, the most recent organization.
    let group = a
        .actor_mentions
        .iter()
        .find(|m| m.how == "anaphor")
        .expect("anaphor");
    assert_eq!(a.actors[group.actor].kb_id.as_deref(), Some("al-shabaab"));
}

#[test]
fn ambiguous_alias_follows_the_document_country_or_the_parent() {
    let a = run("The Islamic State claimed the attack.", &[]);
    assert_eq!(a.actors[0].kb_id.as_deref(), Some("islamic-state"));
    // Unknown organizations are kept as new actors, never dropped.
    let a = run(
        "The Hiiraan Relief Committee said the Islamic State had attacked.",
        &[("Hiiraan Relief Committee", EntityLabel::Org)],
    );
    let new = actor(&a, "Hiiraan Relief Committee");
    assert_eq!(new.kb_id, None);
    assert_eq!(new.kind, ActorKind::Organization);
}

#[test]
fn nationality_agents_and_appositions() {
    let a = run(
        "Somali forces arrested Omar Hassan, the police chief of the district, on Friday.",
        &[("Omar Hassan", EntityLabel::Per)],
    );
    let forces = actor(&a, "Somali forces");
    assert_eq!(
        (forces.country.as_deref(), forces.sector.as_deref()),
        (Some("SOM"), Some("MIL"))
    );
    let chief = actor(&a, "Omar Hassan");
    assert_eq!(chief.sector.as_deref(), Some("COP"));
    assert!(chief
        .facts
        .iter()
        .any(|f| f.relation == "role" && f.value == "the police chief of the district"));
    // The role phrase is the person, not a separate "police" group.
    assert!(a.actors.iter().all(|x| x.name != "the police chief"));
}

#[test]
fn nothing_breaks_on_odd_text() {
    for text in [
        "",
        "the group",
        "Mr.",
        "Mr. Mr. Mr.",
        "a , , the police chief ,",
        "\u{0}",
    ] {
        let a = run(text, &[]);
        for m in &a.actor_mentions {
            assert!(m.actor < a.actors.len());
        }
    }
}
