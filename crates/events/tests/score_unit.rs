//! Unit tests of the scorer's pieces that need no Python: name normalization, dates,
//! haversine, matching order and the shape of the result. Expected values were taken
//! from `../shared/score/score.py` under Python 3.11.

use events::score::{
    date_parts, date_right, haversine_km, norm_name, report, score_docs, score_jsonl, to_json,
};
use serde_json::{json, Value};

#[test]
fn norm_name_matches_python() {
    let cases = [
        ("The Taliban.", "taliban"),
        ("U.S.", "us"),
        ("the  United   States", "united states"),
        ("IS-K", "is k"),
        ("Islamic State (ISIS)", "islamic state isis"),
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),
        ("\u{fb01}re", "fire"),
        ("\u{ff34}\u{ff48}\u{ff45} \u{ff26}\u{ff4f}\u{ff4f}", "foo"),
        ("C\u{f4}te d\u{2019}Ivoire", "c\u{f4}te divoire"),
        ("the", "the"),
        ("The ", "the"),
        ("theater", "theater"),
        ("  The the Taliban", "the taliban"),
        ("Al-Shabaab", "al shabaab"),
        ("$100 & co", "100 co"),
        (
            "\u{3a3}\u{3af}\u{3c3}\u{3c5}\u{3c6}\u{3bf}\u{3c2}",
            "\u{3c3}\u{3af}\u{3c3}\u{3c5}\u{3c6}\u{3bf}\u{3c3}",
        ),
        ("na\u{ef}ve caf\u{e9}", "na\u{ef}ve caf\u{e9}"),
        ("a\u{a0}b\u{3000}c", "a b c"),
        ("\u{ab}Hamas\u{bb}", "hamas"),
        ("", ""),
        ("\u{2026}", ""),
        ("\u{3a3}\u{391}\u{3a3}", "\u{3c3}\u{3b1}\u{3c3}"),
        ("x\u{1c7f}y\u{2e3a}z", "x y z"),
        ("I\u{307}stanbul", "i\u{307}stanbul"),
        ("\u{130}stanbul", "i\u{307}stanbul"),
        ("emoji\u{1f600}here", "emoji here"),
        ("tab\tsep", "tab sep"),
        ("x\u{1c}y", "x y"),
    ];
    for (input, want) in cases {
        assert_eq!(norm_name(input), want, "{input:?}");
    }
}

#[test]
fn dates_match_at_gold_precision() {
    let cases = [
        ("2018-08", "2018-08-01", true),
        ("2018-08-01", "2018-08", false),
        ("2018", "2018-12-31", true),
        (" 2018-08-01", "2018-08-01T10:00", true),
        ("2018-8", "2018-09", true),
        ("20180", "2018", true),
        ("x2018", "2018", false),
        ("2018-08-1", "2018-08-30", true),
        ("\u{662}\u{660}\u{661}\u{668}", "2018", false),
        ("", "2018", false),
        ("2018-08-01", "", false),
    ];
    for (gold, system, want) in cases {
        assert_eq!(date_right(gold, system), want, "{gold:?} {system:?}");
    }
    assert_eq!(
        date_parts("2018-08-1"),
        Some(vec!["2018".to_string(), "08".to_string()])
    );
    assert_eq!(date_parts("x2018"), None);
    assert_eq!(
        date_parts("\u{662}\u{660}\u{661}\u{668}"),
        Some(vec!["\u{662}\u{660}\u{661}\u{668}".to_string()])
    );
}

#[test]
fn haversine_matches_python() {
    let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
    assert!(close(
        haversine_km(35.98, 65.38, 36.2, 65.4),
        24.52883945908731
    ));
    assert!(close(
        haversine_km(0.0, 0.0, 0.0, 180.0),
        20015.114442035923
    ));
    assert!(close(
        haversine_km(90.0, 0.0, -90.0, 0.0),
        20015.114442035923
    ));
    assert_eq!(haversine_km(10.0, 10.0, 10.0, 10.0), 0.0);
}

const S1: &str = "The Taliban attacked Islamic State fighters in Darzab on Tuesday.";
const S2: &str = "Two hundred of them surrendered to the government.";

fn gold_doc() -> Value {
    json!({
        "doc_id": "d1",
        "text": format!("{S1} {S2}"),
        "events": [
            {"event_type": "ASSAULT", "alt_types": ["COERCE"],
             "actor": [{"name": "Taliban", "aliases": ["the Taliban"]}],
             "recipient": [{"name": "Islamic State", "aliases": ["ISIS"]}],
             "location": {"name": "Darzab", "lat": 35.98, "lon": 65.38},
             "date": "2018-07", "dead": 5, "sentences": [S1]},
            {"event_type": "ASSAULT",
             "actor": [{"name": "Islamic State"}],
             "recipient": [{"name": "Taliban"}],
             "sentences": [S1]},
        ]
    })
}

fn sys_event(actor: &str, recipient: &str) -> Value {
    let n = S1.chars().count();
    json!({"doc_id": "d1", "event_type": "assault",
           "actor": [{"name": actor}], "recipient": [{"name": recipient}],
           "sentence": {"start": 0, "end": n, "text": S1}})
}

#[test]
fn ties_go_to_the_pair_with_sides_right() {
    // Both system events overlap both gold events equally; file order alone would pair
    // system 0 with gold 0, but sides right pairs them crosswise.
    let system = [
        sys_event("Islamic State", "Taliban"),
        sys_event("The Taliban.", "ISIS"),
    ];
    let r = score_docs(&[gold_doc()], &system);
    assert_eq!(r.event.strict.tp, 2);
    assert_eq!(r.full_event.strict.tp, 2);
    assert_eq!(r.actor.correct, 2);
    // One more system event is a duplicate: FP in strict, left out in lenient.
    let mut system = system.to_vec();
    system.push(sys_event("nobody", "nobody"));
    let r = score_docs(&[gold_doc()], &system);
    assert_eq!((r.event.strict.tp, r.event.strict.fp), (2, 1));
    assert_eq!(r.event.lenient.duplicates, Some(1));
    assert_eq!(r.event.lenient.fp, 0);
    assert_eq!(r.event.lenient.precision, 1.0);
}

#[test]
fn result_shape_and_empty_accuracies() {
    let gold = format!("{}\n", gold_doc());
    let r = score_jsonl(gold.as_bytes(), b"");
    assert_eq!(r.gold_events, 2);
    assert_eq!(r.event.strict.recall, 0.0);
    assert_eq!(r.actor.accuracy, None);
    let v = serde_json::to_value(&r).expect("serializes");
    let keys: Vec<&str> = [
        "gold_docs",
        "system_events",
        "ignored_events",
        "ignored_doc_ids",
        "skipped_flagged",
        "event",
        "full_event",
        "actor",
        "recipient",
        "location",
        "date",
        "count",
        "per_category",
        "gold_events",
        "errors",
    ]
    .to_vec();
    for k in &keys {
        assert!(v.get(k).is_some(), "{k}");
    }
    assert!(v["actor"]["accuracy"].is_null());
    assert!(v["event"]["strict"].get("duplicates").is_none());
    assert_eq!(v["event"]["lenient"]["duplicates"], 0);
    assert_eq!(v["event"]["strict"]["fn"], 2);
    assert_eq!(v["count"]["by_field"]["dead"]["total"], 0);
    let text = to_json(&r);
    let order: Vec<usize> = keys
        .iter()
        .filter_map(|k| text.find(&format!("\n \"{k}\": ")))
        .collect();
    assert_eq!(order.len(), keys.len());
    assert!(order.windows(2).all(|w| w[0] < w[1]), "key order");
    assert!(report(&r).contains("  actor        n/a  (0/0)"));
}

#[test]
fn errors_and_odd_lines() {
    let gold = format!("\u{feff}{}\n\n[1]\n{{bad\n", gold_doc());
    let system = b"{\"doc_id\": \"d1\", \"event_type\": \"ASSAULT\", \"sentence\": {\"start\": 3.0, \"end\": 9}}\n\xff\n{\"doc_id\": \"zz\", \"event_type\": \"X\"}\n{\"event_type\": \"X\"}";
    let r = score_jsonl(gold.as_bytes(), system);
    assert_eq!(
        r.errors,
        vec![
            "gold line 2: empty line",
            "gold line 3: not a JSON object",
            "gold line 4: invalid JSON (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))",
            "system line 1: no usable sentence start/end or text; event cannot match",
            "system line 2: not UTF-8 ('utf-8' codec can't decode byte 0xff in position 0: invalid start byte)",
            "system line 4: missing doc_id or event_type",
        ]
    );
    assert_eq!(r.system_events, 1);
    assert_eq!(r.ignored_doc_ids, vec!["zz".to_string()]);
    assert_eq!(r.event.strict.fp, 1);
}

#[test]
fn score_events_equals_scoring_their_json_lines() {
    use events::{ActorRef, Category, Event, TextSpan, SCHEMA_VERSION};
    let n = S1.chars().count();
    let event = |category: Category, actor: &str| Event {
        schema_version: SCHEMA_VERSION.into(),
        event_id: String::new(),
        doc_id: "d1".into(),
        event_type: category,
        mode: None,
        quad: category.quad(),
        score: category.score(),
        context: vec![],
        actor: vec![ActorRef {
            name: actor.into(),
            ..Default::default()
        }],
        recipient: vec![ActorRef {
            name: "ISIS".into(),
            ..Default::default()
        }],
        location: None,
        date: Some("2018-07-31".into()),
        dead: Some(5),
        injured: None,
        size: None,
        sentence: TextSpan {
            start: 0,
            end: n,
            text: S1.into(),
        },
        evidence: vec![],
        trigger: TextSpan::default(),
        rule: "test".into(),
        confidence: 1.0,
        negated: false,
        hypothetical: false,
        future: false,
        date_implied: false,
        source: None,
        url: None,
        published: None,
    };
    let events = [
        event(Category::Assault, "Taliban"),
        event(Category::Coerce, "Islamic State"),
        event(Category::Protest, "students"),
    ];
    let gold = [gold_doc()];
    let r = events::score::score_events(&gold, &events);
    let mut gold_line = gold_doc().to_string();
    gold_line.push('\n');
    let mut system = String::new();
    for e in &events {
        system.push_str(&serde_json::to_string(e).expect("event serializes"));
        system.push('\n');
    }
    assert_eq!(r, score_jsonl(gold_line.as_bytes(), system.as_bytes()));
    // Greedy, not optimal: ASSAULT takes gold 0 (both sides right) before COERCE (an alt
    // type of gold 0 only) can, so COERCE is a duplicate and gold 1 stays unmatched.
    assert_eq!((r.event.strict.tp, r.event.strict.fp), (1, 2));
    assert_eq!(r.event.lenient.duplicates, Some(1));
    assert_eq!(r.date.correct, 1);
    assert_eq!(r.count.by_field.dead.correct, 1);
}
