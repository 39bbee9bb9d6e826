//! Parser evaluation on UD English-EWT (stage `annotate`, `#[ignore]`d: it trains on the
//! full treebank). Input: `../shared/data/nlp/ud_english_ewt/`. Output: dev UAS/LAS on
//! stderr and a pass/fail floor. Must not: run in the default test suite (minutes).
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
