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
