//! Regression tests of the default (syntax) coder on sentences written for these tests:
//! roles from the parse (subject, passive agent, control), negation and conditionals,
//! counts, places, and the actors layer.

use article::{Article, Meta};
use events::Event;
use pipeline::{Config, Pipeline};

fn code(text: &str) -> Vec<Event> {
    let pipeline = Pipeline::new(&Config::default()).expect("embedded resources load");
    let a = Article::new(
        Meta {
            doc_id: "t".into(),
            published: Some("2024-03-05".into()),
            ..Default::default()
        },
        text.to_string(),
    );
    pipeline.run(a).events
}

fn names(side: &[events::ActorRef]) -> Vec<String> {
    side.iter().map(|a| a.name.to_lowercase()).collect()
}

#[test]
fn subject_object_count_and_place() {
    let ev = code("Islamic State fighters killed 12 soldiers in Kirkuk on Monday.");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = &ev[0];
    assert_eq!(e.event_type.as_str(), "ASSAULT");
    assert!(
        names(&e.actor)[0].contains("islamic state"),
        "{:?}",
        e.actor
    );
    assert_eq!(names(&e.recipient), vec!["soldiers"]);
    assert_eq!(e.dead, Some(12));
    assert_eq!(e.location.as_ref().map(|l| l.name.as_str()), Some("Kirkuk"));
}

#[test]
fn passive_agent_is_the_actor() {
    let ev = code("The army was attacked by al-Shabaab militants near Mogadishu.");
    let e = ev
        .iter()
        .find(|e| e.event_type.as_str() == "ASSAULT")
        .expect("an assault");
    assert_eq!(names(&e.actor), vec!["al-shabaab"]);
    assert_eq!(e.actor[0].country.as_deref(), Some("SOM"));
    assert!(names(&e.recipient)[0].contains("army"));
}

#[test]
fn control_verb_gives_the_subject_of_its_complement() {
    let ev = code(
        "The commander said the Taliban had forced the fighters to surrender to the government.",
    );
    let e = ev
        .iter()
        .find(|e| e.event_type.as_str() == "RETREAT")
        .expect("a surrender");
    assert!(names(&e.actor)[0].contains("fighters"));
    assert!(names(&e.recipient)[0].contains("government"));
}

#[test]
fn negated_and_conditional_statements_are_not_events() {
    assert!(code("The Taliban did not attack the convoy.").is_empty());
    assert!(
        code("If the rebels attack the city, the soldiers will leave.")
            .iter()
            .all(|e| e.event_type.as_str() != "ASSAULT")
    );
}

#[test]
fn a_finite_verb_mistagged_as_participle_still_has_its_subject() {
    let ev = code("Police arrested 30 protesters in Nairobi.");
    let e = ev
        .iter()
        .find(|e| e.event_type.as_str() == "COERCE")
        .expect("an arrest");
    assert_eq!(e.mode.as_deref(), Some("arrest"));
    assert_eq!(names(&e.actor), vec!["police"]);
    assert_eq!(
        e.location.as_ref().map(|l| l.name.as_str()),
        Some("Nairobi")
    );
}
