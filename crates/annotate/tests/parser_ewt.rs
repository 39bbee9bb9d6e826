//! Parser evaluation on UD English-EWT (stage `annotate`, `#[ignore]`d: it trains on the
//! full treebank). Input: `../shared/data/nlp/ud_english_ewt/`. Output: dev UAS/LAS on
//! stderr and a pass/fail floor; plus a quick check that the committed model loads.
//! Must not: train in the default test suite (minutes).
//! Run: `cargo test --release -p annotate --test parser_ewt -- --ignored`.

use annotate::conllu::{self, Sentence};
use annotate::parse::{train, TrainOptions};

fn read(name: &str) -> Vec<Sentence> {
    let path = format!(
        "{}/../../../shared/data/nlp/ud_english_ewt/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut text = String::new();
    let mut d = flate2::read::GzDecoder::new(bytes.as_slice());
    std::io::Read::read_to_string(&mut d, &mut text).expect("gzip");
    conllu::parse(&text).0
}

#[test]
#[ignore]
fn ewt_dev_scores() {
    let (tr, dev) = (
        read("en_ewt-ud-train.conllu.gz"),
        read("en_ewt-ud-dev.conllu.gz"),
    );
    let opts = TrainOptions {
        epochs: 8,
        ..TrainOptions::default()
    };
    let p = train(&tr, &dev, &opts, &mut |l| eprintln!("{l}"));
    let s = p.evaluate(&dev);
    eprintln!("dev UAS {:.2} LAS {:.2}", 100.0 * s.uas, 100.0 * s.las);
    assert!(s.uas > 0.86 && s.las > 0.83, "{s:?}");
}

/// The committed model (`resources/models/parser.bin.zst`) loads, carries its manifest,
/// and parses a sentence into a tree.
#[test]
fn committed_model_loads_and_parses() {
    let path = format!(
        "{}/../../resources/models/parser.bin.zst",
        env!("CARGO_MANIFEST_DIR")
    );
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("{path} absent: nothing to check");
        return;
    };
    let p = annotate::parse::Parser::from_bytes(&bytes).expect("committed model loads");
    assert_eq!(p.manifest().version, annotate::parse::VERSION);
    assert!(p.manifest().scores["test_uas"] > 0.88);
    let words = ["Rebels", "attacked", "a", "convoy", "near", "Kabul", "."];
    let upos = ["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"];
    let xpos = ["NNS", "VBD", "DT", "NN", "IN", "NNP", "."];
    let arcs = p.parse(&words, &upos, &xpos);
    let got: Vec<(usize, &str)> = arcs.iter().map(|(h, l)| (*h, l.as_str())).collect();
    // "near Kabul" may modify the attack (obl) or the convoy (nmod): both are English.
    assert!(matches!(got[5], (2, "obl") | (4, "nmod")), "{got:?}");
    let fixed = [0, 1, 2, 3, 4, 6].map(|i| got[i]);
    assert_eq!(
        fixed,
        [
            (2, "nsubj"),
            (0, "root"),
            (4, "det"),
            (2, "obj"),
            (6, "case"),
            (2, "punct")
        ]
    );
}
