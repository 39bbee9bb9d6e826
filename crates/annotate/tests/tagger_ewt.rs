//! Scores the POS tagger and lemmatizer on the real UD English-EWT files (ignored by
//! default: it reads the treebank and, for one test, trains for about a minute).
//!
//! Stage: annotate (evaluation). Input: `/work/shared/data/nlp/ud_english_ewt/` and the
//! committed model `resources/models/tagger.bin.zst`. Output: printed accuracies; fails
//! below the recorded floors. Run with
//! `cargo test --release -p annotate --test tagger_ewt -- --ignored --nocapture`.

use annotate::conllu::{self, Sentence};
use annotate::tag::{Tagger, TrainOptions};
use std::io::Read;
use std::path::Path;
use std::time::Instant;

const DIR: &str = "/work/shared/data/nlp/ud_english_ewt";

fn read(split: &str) -> Option<Vec<Sentence>> {
    let path = format!("{DIR}/en_ewt-ud-{split}.conllu.gz");
    let file = std::fs::File::open(&path).ok()?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .ok()?;
    Some(conllu::parse(&text).0)
}

fn model_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../resources/models/tagger.bin.zst")
}

#[test]
#[ignore = "needs the committed tagger model and the EWT treebank under /work/shared"]
fn committed_model_scores_on_ewt() {
    let (Ok(bytes), Some(dev), Some(test)) =
        (std::fs::read(model_path()), read("dev"), read("test"))
    else {
        eprintln!("model or treebank missing; skipped");
        return;
    };
    let start = Instant::now();
    let tagger = Tagger::from_bytes(&bytes).expect("model loads");
    let load = start.elapsed().as_secs_f64();
    println!("loaded in {:.0} ms", load * 1000.0);
    for (name, data) in [("dev", &dev), ("test", &test)] {
        let a = tagger.evaluate(data);
        println!(
            "{name}: UPOS {:.2}%  XPOS {:.2}%  lemma {:.2}%",
            100.0 * a.upos(),
            100.0 * a.xpos(),
            100.0 * a.lemma()
        );
        assert!(a.upos() > 0.945, "{name} UPOS {}", a.upos());
        assert!(a.xpos() > 0.94, "{name} XPOS {}", a.xpos());
        assert!(a.lemma() > 0.965, "{name} lemma {}", a.lemma());
        // The manifest records what this model scored when it was trained.
        let recorded = tagger
            .manifest()
            .scores
            .get(&format!("{name}_upos"))
            .copied();
        assert_eq!(
            recorded.map(|r| (r * 1e4).round()),
            Some((a.upos() * 1e4).round())
        );
    }
    assert!(load < 1.0, "loading took {load} s");
}

#[test]
#[ignore = "needs the EWT treebank under /work/shared; trains a model (about a minute)"]
fn training_on_ewt_reaches_the_floor() {
    let (Some(train), Some(dev), Some(test)) = (read("train"), read("dev"), read("test")) else {
        eprintln!("treebank missing; skipped");
        return;
    };
    let options = TrainOptions {
        epochs: 6,
        ..TrainOptions::default()
    };
    let tagger = Tagger::train(&train, &dev, &options, &mut |l| println!("{l}"));
    let a = tagger.evaluate(&test);
    println!(
        "test: UPOS {:.2}%  XPOS {:.2}%  lemma {:.2}%",
        100.0 * a.upos(),
        100.0 * a.xpos(),
        100.0 * a.lemma()
    );
    assert!(a.upos() > 0.95, "UPOS {}", a.upos());
    assert!(a.lemma() > 0.965, "lemma {}", a.lemma());
}
