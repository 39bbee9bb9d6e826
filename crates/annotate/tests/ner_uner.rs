//! Entity recognizer evaluation on UNER English-EWT and English-PUD (stage `annotate`;
//! the training test is `#[ignore]`d: it trains on the full corpus). Input:
//! `../shared/data/nlp/uner_english_{ewt,pud}/`. Output: dev/test/PUD exact-span scores
//! on stderr and pass/fail floors; plus a quick check that the committed model loads and
//! finds the entities of a news sentence.
//! Must not: train in the default test suite (minutes).
//! Run: `cargo test --release -p annotate --test ner_uner -- --ignored`.

use annotate::iob2::{self, Sentence};
use annotate::ner::{Recognizer, TrainOptions, VERSION};
use article::EntityLabel;

fn read(dir: &str, name: &str) -> Vec<Sentence> {
    let path = format!(
        "{}/../../../shared/data/nlp/{dir}/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut text = String::new();
    let mut d = flate2::read::GzDecoder::new(bytes.as_slice());
    std::io::Read::read_to_string(&mut d, &mut text).expect("gzip");
    iob2::parse(&text)
}

/// UNER EWT alone (no extra corpus, no lexicon): the floor the shipped model must beat.
#[test]
#[ignore]
fn uner_ewt_and_pud_scores() {
    let train = read("uner_english_ewt", "en_ewt-ud-train.prelim2022.iob2.gz");
    let dev = read("uner_english_ewt", "en_ewt-ud-dev.iob2.gz");
    let test = read("uner_english_ewt", "en_ewt-ud-test.iob2.gz");
    let pud = read("uner_english_pud", "en_pud-ud-test.iob2.gz");
    let r = Recognizer::train(&train, &dev, &TrainOptions::default(), &mut |l| {
        eprintln!("{l}")
    });
    for (name, data) in [("dev", &dev), ("test", &test), ("pud", &pud)] {
        eprint!("{name}:\n{}", r.evaluate(data).report());
    }
    assert!(r.evaluate(&test).all().f1() > 0.66);
    assert!(r.evaluate(&pud).all().f1() > 0.5);
}

/// The committed model (`resources/models/ner.bin.zst`) loads, carries its manifest, and
/// finds the people, organizations and places of a news sentence.
#[test]
fn committed_model_loads_and_recognizes() {
    let path = format!(
        "{}/../../resources/models/ner.bin.zst",
        env!("CARGO_MANIFEST_DIR")
    );
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("{path} absent: nothing to check");
        return;
    };
    let r = Recognizer::from_bytes(&bytes).expect("committed model loads");
    assert_eq!(r.manifest().version, VERSION);
    assert!(r.manifest().scores["test_f1"] > 0.7);
    let words = [
        "President",
        "Barack",
        "Obama",
        "met",
        "officials",
        "of",
        "the",
        "United",
        "Nations",
        "in",
        "Geneva",
        "on",
        "Monday",
        ".",
    ];
    assert_eq!(
        r.entities(&words),
        vec![
            (1, 3, EntityLabel::Per),
            (7, 9, EntityLabel::Org),
            (10, 11, EntityLabel::Loc)
        ]
    );
    let tags = r.recognize(&words);
    assert_eq!(tags[1..3], ["B-PER", "I-PER"]);
}
