//! Trains the dependency parser on UD English-EWT (stage `annotate`, build time; a shell:
//! it does the IO the library may not).
//!
//! Input: `[TRAIN DEV TEST]` CoNLL-U files (`.gz` or plain; defaults: EWT under
//! `../shared/data/nlp/ud_english_ewt/`, relative to the repository root) and flags:
//! `--epochs N`, `--seed N`, `--limit N` (first N training sentences, for quick
//! experiments), `--min-weight X`, `--lemmas`, `--out DIR` (default `resources/models`),
//! `--no-write`, `--prune X` (drop weights below X after training; default 1.0: as
//! accurate on dev as no pruning, half the size), `--pred FILE` (write test-set predictions as CoNLL-U for
//! `score_nlp.py`), `--model FILE` (no training: evaluate, time, and with `--out` re-save a saved model).
//! Output: dev and test UAS/LAS (punctuation included, as the CoNLL 2018 scorer),
//! parsing speed, and `DIR/parser.bin.zst` plus `DIR/parser.manifest.json`.
//! Must not: be used from library code. Run:
//! `cargo run --release -p annotate --example train_parser`.

use annotate::conllu::{self, Sentence};
use annotate::parse::{self, DataFile, Parser, TrainOptions};
use std::io::Read;
use std::path::Path;
use std::time::Instant;

const EWT: &str = "../shared/data/nlp/ud_english_ewt/";

fn read(path: &str) -> Result<(Vec<Sentence>, DataFile), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let checksum = format!("blake3:{}", blake3::hash(&bytes).to_hex());
    let mut text = String::new();
    if path.ends_with(".gz") {
        flate2::read::GzDecoder::new(bytes.as_slice())
            .read_to_string(&mut text)
            .map_err(|e| format!("{path}: {e}"))?;
    } else {
        text = String::from_utf8(bytes).map_err(|e| format!("{path}: {e}"))?;
    }
    let (sentences, errors) = conllu::parse(&text);
    if let Some(e) = errors.first() {
        eprintln!("{path}: {} malformed rows, first: {e}", errors.len());
    }
    let name = Path::new(path)
        .file_name()
        .map_or(path.to_string(), |n| n.to_string_lossy().into_owned());
    Ok((sentences, DataFile { name, checksum }))
}

/// Parses every sentence once per round on one thread; returns tokens per second of
/// the fastest round (the machine is shared: the best round is the least disturbed).
fn speed(parser: &Parser, sentences: &[Sentence], rounds: usize) -> f64 {
    let cols: Vec<(Vec<&str>, Vec<&str>, Vec<&str>)> = sentences
        .iter()
        .map(|s| {
            (
                s.words.iter().map(|w| w.form.as_str()).collect(),
                s.words.iter().map(|w| w.upos.as_str()).collect(),
                s.words.iter().map(|w| w.xpos.as_str()).collect(),
            )
        })
        .collect();
    let tokens: usize = sentences.iter().map(|s| s.words.len()).sum();
    let mut best = 0.0f64;
    for _ in 0..rounds {
        let t = Instant::now();
        let mut check = 0usize;
        for (w, u, x) in &cols {
            check += parser
                .parse_arcs(w, u, x, None)
                .iter()
                .map(|a| a.head)
                .sum::<usize>();
        }
        std::hint::black_box(check);
        best = best.max(tokens as f64 / t.elapsed().as_secs_f64());
    }
    best
}

fn run() -> Result<(), String> {
    let mut files: Vec<String> = Vec::new();
    let mut opts = TrainOptions::default();
    let mut limit = usize::MAX;
    let mut out_dir: Option<String> = None;
    let mut write = true;
    let mut pred_path: Option<String> = None;
    let mut model_path: Option<String> = None;
    let mut prune = 1.0f32;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--epochs" => opts.epochs = value(&a)?.parse().map_err(|e| format!("{e}"))?,
            "--seed" => opts.seed = value(&a)?.parse().map_err(|e| format!("{e}"))?,
            "--limit" => limit = value(&a)?.parse().map_err(|e| format!("{e}"))?,
            "--min-weight" => opts.min_weight = value(&a)?.parse().map_err(|e| format!("{e}"))?,
            "--explore-prob" => {
                opts.explore_prob = value(&a)?.parse().map_err(|e| format!("{e}"))?
            }
            "--lemmas" => opts.lemmas = true,
            "--out" => out_dir = Some(value(&a)?),
            "--no-write" => write = false,
            "--pred" => pred_path = Some(value(&a)?),
            "--model" => model_path = Some(value(&a)?),
            "--prune" => prune = value(&a)?.parse().map_err(|e| format!("{e}"))?,
            f if f.starts_with("--") => return Err(format!("unknown flag {f}")),
            f => files.push(f.to_string()),
        }
    }
    let default = |i: usize, name: &str| files.get(i).cloned().unwrap_or(format!("{EWT}{name}"));
    let (train_path, dev_path, test_path) = (
        default(0, "en_ewt-ud-train.conllu.gz"),
        default(1, "en_ewt-ud-dev.conllu.gz"),
        default(2, "en_ewt-ud-test.conllu.gz"),
    );
    let (mut train, train_file) = read(&train_path)?;
    let (dev, dev_file) = read(&dev_path)?;
    let (test, test_file) = read(&test_path)?;
    train.truncate(limit);
    eprintln!(
        "train {} sentences, dev {}, test {}; options {opts:?}",
        train.len(),
        dev.len(),
        test.len()
    );

    let t0 = Instant::now();
    let (mut parser, train_seconds) = match &model_path {
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
            let p = Parser::from_bytes(&bytes).map_err(|e| format!("{path}: {e}"))?;
            // A loaded model is written only to an explicit --out (e.g. after --prune).
            write = out_dir.is_some();
            let secs = p.manifest().train_seconds;
            (p, secs)
        }
        None => {
            let p = parse::train(&train, &dev, &opts, &mut |line| {
                eprintln!("[{:7.1}s] {line}", t0.elapsed().as_secs_f64());
            });
            (p, t0.elapsed().as_secs_f64())
        }
    };

    if prune > 0.0 {
        parser.prune(prune);
    }
    let dev_scores = parser.evaluate(&dev);
    let test_scores = parser.evaluate(&test);
    let tps = speed(&parser, &test, 5);
    {
        let m = parser.manifest_mut();
        m.source = "UD_English-EWT v2.16".to_string();
        m.data = vec![train_file, dev_file, test_file];
        m.tags = "gold UPOS and XPOS (training and evaluation)".to_string();
        m.train_seconds = (train_seconds * 10.0).round() / 10.0;
        m.scores.insert("dev_uas".into(), dev_scores.uas);
        m.scores.insert("dev_las".into(), dev_scores.las);
        m.scores.insert("test_uas".into(), test_scores.uas);
        m.scores.insert("test_las".into(), test_scores.las);
    }
    let t = Instant::now();
    let bytes = parser.to_bytes();
    let save_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let back = Parser::from_bytes(&bytes).map_err(|e| e.to_string())?;
    let load_s = t.elapsed().as_secs_f64();
    if back != parser {
        return Err("model did not survive to_bytes/from_bytes".into());
    }
    println!(
        "dev  UAS {:.2} LAS {:.2} ({} words)",
        100.0 * dev_scores.uas,
        100.0 * dev_scores.las,
        dev_scores.words
    );
    println!(
        "test UAS {:.2} LAS {:.2} ({} words)",
        100.0 * test_scores.uas,
        100.0 * test_scores.las,
        test_scores.words
    );
    let m = parser.manifest();
    println!(
        "speed {:.0} tokens/s (one thread); model {:.1} MB ({} features, {} weights, epoch {}); save {:.1}s, load {:.3}s; training {:.0}s",
        tps,
        bytes.len() as f64 / 1e6,
        m.n_features,
        m.n_weights,
        m.best_epoch,
        save_s,
        load_s,
        train_seconds
    );

    if let Some(path) = pred_path {
        let mut pred = test.clone();
        for s in &mut pred {
            let w: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let u: Vec<&str> = s.words.iter().map(|w| w.upos.as_str()).collect();
            let x: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
            let arcs = parser.parse(&w, &u, &x);
            for (word, (h, l)) in s.words.iter_mut().zip(arcs) {
                word.head = h;
                word.deprel = l;
            }
        }
        std::fs::write(&path, conllu::write(&pred)).map_err(|e| format!("{path}: {e}"))?;
        println!("wrote {path}");
    }
    if write {
        let out_dir = out_dir.unwrap_or_else(|| "resources/models".to_string());
        std::fs::create_dir_all(&out_dir).map_err(|e| format!("{out_dir}: {e}"))?;
        let model_path = format!("{out_dir}/parser.bin.zst");
        std::fs::write(&model_path, &bytes).map_err(|e| format!("{model_path}: {e}"))?;
        let manifest = serde_json::json!({
            "model": "parser.bin.zst",
            "bytes": bytes.len(),
            "manifest": parser.manifest(),
            "speed_tokens_per_s": tps.round(),
            "load_seconds": (load_s * 1000.0).round() / 1000.0,
            "retrain": "cargo run --release -p annotate --example train_parser",
        });
        let json = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?;
        let manifest_path = format!("{out_dir}/parser.manifest.json");
        std::fs::write(&manifest_path, json + "\n").map_err(|e| format!("{manifest_path}: {e}"))?;
        println!("wrote {model_path} and {manifest_path}");
    }
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("train_parser: {e}");
        std::process::exit(2);
    }
}
