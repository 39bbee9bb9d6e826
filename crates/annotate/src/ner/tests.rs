//! Unit tests of the entity recognizer: label encoding, a tiny model trained on
//! hand-written sentences, the gazetteer hook and the built-in lexicon, beam decoding,
//! model bytes, well-formed output on odd input. The real-data evaluation is
//! `tests/ner_uner.rs` (ignored by default).

use super::*;

/// Hand-tagged sentences: (word, IOB2 tag).
fn corpus() -> Vec<iob2::Sentence> {
    let text: &[&[(&str, &str)]] = &[
        &[
            ("Rebels", "O"),
            ("attacked", "O"),
            ("Aleppo", "B-LOC"),
            ("on", "O"),
            ("Monday", "O"),
            (".", "O"),
        ],
        &[
            ("John", "B-PER"),
            ("Smith", "I-PER"),
            ("met", "O"),
            ("officials", "O"),
            ("from", "O"),
            ("the", "O"),
            ("United", "B-ORG"),
            ("Nations", "I-ORG"),
            ("in", "O"),
            ("Geneva", "B-LOC"),
            (".", "O"),
        ],
        &[
            ("Hamas", "B-ORG"),
            ("fired", "O"),
            ("rockets", "O"),
            ("at", "O"),
            ("Israel", "B-LOC"),
            (",", "O"),
            ("said", "O"),
            ("Mary", "B-PER"),
            ("Jones", "I-PER"),
            (".", "O"),
        ],
        &[
            ("American", "B-OTH"),
            ("forces", "O"),
            ("left", "O"),
            ("Kabul", "B-LOC"),
            ("quietly", "O"),
            (".", "B-O"),
        ],
        &[
            ("The", "O"),
            ("police", "O"),
            ("arrested", "O"),
            ("Ali", "B-PER"),
            ("Hassan", "I-PER"),
            ("Mahmoud", "I-PER"),
            ("in", "O"),
            ("Cairo", "B-LOC"),
            (".", "O"),
        ],
    ];
    text.iter()
        .enumerate()
        .map(|(k, s)| iob2::Sentence {
            comments: vec![format!("# sent_id = s{k}")],
            rows: s
                .iter()
                .enumerate()
                .map(|(i, (w, t))| iob2::Row {
                    columns: vec![(i + 1).to_string(), w.to_string(), t.to_string()],
                })
                .collect(),
        })
        .collect()
}

fn options() -> TrainOptions {
    TrainOptions {
        epochs: 8,
        casing_min_count: 1,
        min_weight: 0.0,
        word_dropout: 0.0,
        min_feature_count: 1,
        ..TrainOptions::default()
    }
}

fn tiny() -> Recognizer {
    let c = corpus();
    Recognizer::train(&c, &c, &options(), &mut |_| {})
}

/// True when `tags` is IOB2 over the model's types: no I-X except after B-X or I-X.
fn valid_iob2(tags: &[String]) -> bool {
    let mut open: Option<&str> = None;
    for t in tags {
        match t.split_once('-') {
            Some(("B", k)) if ["PER", "ORG", "LOC"].contains(&k) => open = Some(k),
            Some(("I", k)) if open == Some(k) => {}
            None if t == "O" => open = None,
            _ => return false,
        }
    }
    true
}

#[test]
fn labels_encode_bilou_and_constrain_transitions() {
    let types: Vec<String> = vec!["PER".into(), "ORG".into(), "LOC".into()];
    let l = Labels::new(&types);
    assert_eq!(l.len(), 13);
    assert_eq!(l.names[1], "B-PER");
    assert_eq!(l.names[12], "U-LOC");
    assert_eq!(l.iob2[3], "I-PER", "L- is I- in IOB2");
    assert_eq!(l.iob2[4], "B-PER", "U- is B- in IOB2");
    let tags = [
        "B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-OTH", "I-ORG", "B-O",
    ];
    assert_eq!(l.encode(&types, &tags), vec![1, 2, 3, 0, 12, 0, 8, 0]);
    // After B-PER only I-PER / L-PER; at the end only L-PER.
    assert_eq!(l.allowed(Some(1), 1, 5), &[2, 3]);
    assert_eq!(l.allowed(Some(1), 4, 5), &[3]);
    // After O: O, B-*, U-*; at the end O, U-*.
    assert_eq!(l.allowed(Some(0), 1, 5), &[0, 1, 4, 5, 8, 9, 12]);
    assert_eq!(l.allowed(None, 0, 1), &[0, 4, 8, 12]);
}

#[test]
fn tiny_model_learns_its_training_sentences() {
    let c = corpus();
    let r = tiny();
    for s in &c {
        let want: Vec<String> = s
            .rows
            .iter()
            .map(|row| match row.tag() {
                "B-OTH" | "B-O" => "O".to_string(),
                t => t.to_string(),
            })
            .collect();
        assert_eq!(r.recognize(&s.words()), want, "{:?}", s.words());
    }
    assert_eq!(
        r.entities(&c[1].words()),
        vec![
            (0, 2, EntityLabel::Per),
            (6, 8, EntityLabel::Org),
            (9, 10, EntityLabel::Loc)
        ]
    );
    let e = r.evaluate(&c);
    assert_eq!(e.of("PER").f1(), 1.0);
    assert_eq!(e.of("LOC").f1(), 1.0);
    // The gold OTH span is never predicted: counted as missed, like score_nlp.py does.
    assert_eq!(e.of("OTH").gold, 1);
    assert_eq!(e.of("OTH").correct, 0);
}

#[test]
fn output_is_valid_iob2_of_the_same_length_on_odd_input() {
    let r = tiny();
    let long = "x".repeat(10_000);
    let cases: Vec<Vec<&str>> = vec![
        vec![],
        vec![""],
        vec!["John"],
        vec!["Smith", "Smith", "Smith"],
        vec![
            "Mary", "Jones", "Ali", "Hassan", "Geneva", "Cairo", "United", "Nations",
        ],
        vec!["北京", "😀", "\u{0}", " ", &long, "Ünïcode", "ǅ"],
        vec!["the"; 300],
    ];
    for words in cases {
        let tags = r.recognize(&words);
        assert_eq!(tags.len(), words.len());
        assert!(valid_iob2(&tags), "{words:?} → {tags:?}");
        for (s, e, _) in r.entities(&words) {
            assert!(s < e && e <= words.len());
        }
    }
}

#[test]
fn model_bytes_round_trip_and_are_deterministic() {
    let r = tiny();
    let bytes = r.to_bytes();
    let back = Recognizer::from_bytes(&bytes).unwrap();
    assert!(back == r);
    assert_eq!(back.to_bytes(), bytes);
    let c = corpus();
    for s in &c {
        assert_eq!(back.recognize(&s.words()), r.recognize(&s.words()));
    }
    assert_eq!(tiny().to_bytes(), bytes, "same data, same bytes");
    assert!(matches!(
        Recognizer::from_bytes(b"not a model"),
        Err(ModelError::Compression(_))
    ));
    assert_eq!(r.manifest().version, VERSION);
    assert!(r.size().0 > 0);
}

/// The corpus plus sentences whose place is an invented lowercase name.
fn corpus_with_invented_places() -> Vec<iob2::Sentence> {
    let mut c = corpus();
    let names = ["zorbia", "vexland", "plimth", "ardovia", "morsk", "tarlen"];
    for (k, name) in names.iter().enumerate() {
        let words = ["Troops", "entered", name, "today", "."];
        let tags = ["O", "O", "B-LOC", "O", "O"];
        c.push(iob2::Sentence {
            comments: vec![format!("# sent_id = g{k}")],
            rows: words
                .iter()
                .zip(tags)
                .enumerate()
                .map(|(i, (w, t))| iob2::Row {
                    columns: vec![(i + 1).to_string(), w.to_string(), t.to_string()],
                })
                .collect(),
        });
    }
    c
}

#[test]
fn lexicon_is_learned_stored_and_used_without_being_passed() {
    let mut lex = Lexicon::new();
    for name in [
        "zorbia", "vexland", "plimth", "ardovia", "morsk", "tarlen", "quonland",
    ] {
        lex.add(&[name], "LEX_PLACE");
    }
    let c = corpus_with_invented_places();
    let r = Recognizer::train_with(&c, &c, &options(), Some(lex), None, &mut |_| {});
    assert_eq!(r.lexicon().len(), 7);
    let words = ["Rebels", "fled", "quonland", "yesterday", "."];
    assert_eq!(r.recognize(&words)[2], "B-LOC");
    let back = Recognizer::from_bytes(&r.to_bytes()).unwrap();
    assert!(back == r);
    assert_eq!(back.recognize(&words)[2], "B-LOC");
    assert_eq!(back.entities(&words), vec![(2, 3, EntityLabel::Loc)]);
}

#[test]
fn beam_decoding_learns_and_stays_well_formed() {
    let c = corpus();
    let o = TrainOptions {
        beam: 4,
        ..options()
    };
    let r = Recognizer::train(&c, &c, &o, &mut |_| {});
    assert_eq!(r.recognize(&c[1].words())[..2], ["B-PER", "I-PER"]);
    for words in [
        vec![],
        vec!["x"],
        vec!["Mary", "Jones", "Ali", "Cairo", "United"],
    ] {
        let tags = r.recognize(&words);
        assert_eq!(tags.len(), words.len());
        assert!(valid_iob2(&tags), "{tags:?}");
    }
}

#[test]
fn gazetteer_features_are_learned_when_trained_with() {
    // A gazetteer of invented lowercase place names; training sees all but `quonland`.
    let places = |words: &[&str]| -> Vec<GazMatch<'static>> {
        words
            .iter()
            .enumerate()
            .filter(|(_, w)| {
                matches!(
                    **w,
                    "zorbia" | "vexland" | "plimth" | "ardovia" | "morsk" | "tarlen" | "quonland"
                )
            })
            .map(|(i, _)| GazMatch {
                start: i,
                end: i + 1,
                class: "PLACE",
            })
            .collect()
    };
    let c = corpus_with_invented_places();
    let r = Recognizer::train_with(&c, &c, &options(), None, Some(&places), &mut |_| {});
    let words = ["Rebels", "fled", "quonland", "yesterday", "."];
    let tags = r.recognize_with(&words, &places);
    assert_eq!(tags[2], "B-LOC", "{tags:?}");
    assert_eq!(r.recognize(&words)[2], "O", "without the gazetteer");
    // Out-of-range matches are ignored, not a panic.
    let wild = |_: &[&str]| {
        vec![GazMatch {
            start: 3,
            end: 99,
            class: "PLACE",
        }]
    };
    assert_eq!(r.recognize_with(&words, &wild).len(), words.len());
    assert_eq!(r.recognize_with(&[], &wild).len(), 0);
}

#[test]
fn documents_propagate_names_and_stay_well_formed() {
    let r = tiny();
    // "Kabul" alone (capitalized, sentence-initial) is found through its tagged mention.
    let a: &[&str] = &["Rebels", "attacked", "Aleppo", "on", "Monday", "."];
    let b: &[&str] = &["Aleppo", "was", "quiet", "."];
    let c: &[&str] = &[];
    let alone = r.recognize(b);
    let doc = r.recognize_document(&[a, b, c]);
    assert_eq!(doc.len(), 3);
    assert_eq!(doc[0], r.recognize(a));
    assert_eq!(doc[1][0], "B-LOC", "{alone:?} → {:?}", doc[1]);
    assert!(doc[2].is_empty());
    for (s, tags) in [a, b, c].iter().zip(&doc) {
        assert_eq!(tags.len(), s.len());
        assert!(valid_iob2(tags));
    }
    // Documents in an IOB2 file: a `# newdoc` comment starts one.
    let mut sents = corpus();
    sents[0].comments.push("# newdoc id = d1".into());
    sents[3].comments.push("# newdoc id = d2".into());
    assert_eq!(
        r.evaluate_documents(&sents).of("PER"),
        r.evaluate(&sents).of("PER")
    );
}

#[test]
fn propagation_tags_capitalized_untagged_repeats_only() {
    let types: Vec<String> = vec!["PER".into(), "ORG".into(), "LOC".into()];
    let l = Labels::new(&types);
    let s1: &[&str] = &["Ali", "Hassan", "met", "Cairo", "officials"];
    let s2: &[&str] = &[
        "Then", "Ali", "Hassan", "left", "cairo", "for", "Cairo", ".",
    ];
    let s3: &[&str] = &["Cairo", "Hassan"];
    let mut ids = vec![
        l.encode(&types, &["B-PER", "I-PER", "O", "B-LOC", "O"]),
        vec![0; s2.len()],
        l.encode(&types, &["O", "B-ORG"]),
    ];
    propagate(&l, &[s1, s2, s3], &mut ids);
    let tags =
        |v: &[u16]| -> Vec<&str> { v.iter().map(|&c| l.iob2[usize::from(c)].as_str()).collect() };
    assert_eq!(
        tags(&ids[1]),
        ["O", "B-PER", "I-PER", "O", "O", "O", "B-LOC", "O"]
    );
    // Already tagged words keep their tags; a free capitalized repeat is tagged.
    assert_eq!(tags(&ids[2]), ["B-LOC", "B-ORG"]);
}
