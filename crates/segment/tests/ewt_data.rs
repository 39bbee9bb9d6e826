//! Scores the segmenter on the real UD English-EWT files (ignored by default).
//!
//! Stage: segment (evaluation). Input: the treebank under
//! `/work/shared/data/nlp/ud_english_ewt/` (test reads files; the crate itself
//! does no IO). Output: printed scores. Run with
//! `cargo test -p segment --release --test ewt_data -- --ignored --nocapture`.

use std::io::Read;

use segment::ewt::{evaluate, evaluate_with, EvalConfig};
use segment::Options;

const DIR: &str = "/work/shared/data/nlp/ud_english_ewt";

fn read(split: &str) -> Option<String> {
    let path = format!("{DIR}/en_ewt-ud-{split}.conllu.gz");
    let file = std::fs::File::open(&path).ok()?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .ok()?;
    Some(text)
}

#[test]
#[ignore = "needs the EWT treebank under /work/shared"]
fn ewt_scores() {
    for split in ["test", "dev"] {
        let Some(text) = read(split) else {
            eprintln!("en_ewt-ud-{split}.conllu.gz not found under {DIR}; skipped");
            continue;
        };
        println!("== en_ewt-ud-{split} (default) ==\n{}", evaluate(&text));
        let ewt_hyphens = EvalConfig {
            options: Options {
                split_hyphens: true,
            },
            ..EvalConfig::default()
        };
        println!(
            "== en_ewt-ud-{split} (hyphens split EWT-style) ==\n{}",
            evaluate_with(&text, &ewt_hyphens)
        );
        let no_paragraphs = EvalConfig {
            paragraphs: false,
            ..EvalConfig::default()
        };
        println!(
            "== en_ewt-ud-{split} (no paragraph breaks) ==\n{}",
            evaluate_with(&text, &no_paragraphs)
        );
    }
}
