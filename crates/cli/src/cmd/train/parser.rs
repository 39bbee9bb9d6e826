//! `khabar train parser`: trains the arc-hybrid dependency parser on UD English-EWT and
//! writes the model with its manifest.
//!
//! Input: `en_ewt-ud-{train,dev,test}.conllu.gz` under `--data DIR` (or `--train`,
//! `--dev`, `--test` files, plain or `.gz`). Output: dev and test UAS/LAS (punctuation
//! included, as the CoNLL 2018 scorer), parsing speed, and `--out FILE` (default
//! `resources/models/parser.bin.zst`) with `parser.manifest.json` beside it.

use super::data::{read_conllu, read_gum_train, training_source, write_model};
use annotate::conllu::{self, Sentence};
use annotate::parse::{self, Parser, TrainOptions};
use anyhow::{bail, Context, Result};
use std::path::PathBuf;
use std::time::Instant;

/// Arguments of `khabar train parser`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder with en_ewt-ud-{train,dev,test}.conllu.gz.
    #[arg(long, default_value = "../shared/data/nlp/ud_english_ewt")]
    pub data: PathBuf,
    /// Also train on the CC BY genres (news, interviews, bios, travel, speeches,
    /// textbooks) of UD English-GUM in this folder (`../shared/data/nlp/ud_english_gum`).
    /// Off for the shipped models: see resources/models/README.md.
    #[arg(long)]
    pub gum: Option<PathBuf>,
    /// Training CoNLL-U file (overrides the one under --data).
    #[arg(long)]
    pub train: Option<PathBuf>,
    /// Development CoNLL-U file (overrides the one under --data).
    #[arg(long)]
    pub dev: Option<PathBuf>,
    /// Test CoNLL-U file (overrides the one under --data).
    #[arg(long)]
    pub test: Option<PathBuf>,
    /// Model file to write (the manifest goes beside it).
    #[arg(long, default_value = "resources/models/parser.bin.zst")]
    pub out: PathBuf,
    /// Training epochs (the best on dev is kept).
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Random seed.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Train on the first N training sentences only (quick experiments).
    #[arg(long)]
    pub limit: Option<usize>,
    /// Drop averaged weights smaller than this during training.
    #[arg(long)]
    pub min_weight: Option<f32>,
    /// Probability of following a wrong transition during training (dynamic oracle).
    #[arg(long)]
    pub explore_prob: Option<f64>,
    /// Use lemma features.
    #[arg(long)]
    pub lemmas: bool,
    /// Drop weights below this after training (0: keep all).
    #[arg(long, default_value_t = 1.0)]
    pub prune: f32,
    /// Write test-set predictions as CoNLL-U here (for score_nlp.py).
    #[arg(long)]
    pub pred: Option<PathBuf>,
    /// Evaluate (and with --prune re-save) an existing model instead of training.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Evaluate and report only; write nothing.
    #[arg(long)]
    pub no_write: bool,
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

/// Runs `khabar train parser`.
pub fn run(args: Args) -> Result<()> {
    let mut opts = TrainOptions::default();
    if let Some(v) = args.epochs {
        opts.epochs = v;
    }
    if let Some(v) = args.seed {
        opts.seed = v;
    }
    if let Some(v) = args.min_weight {
        opts.min_weight = v;
    }
    if let Some(v) = args.explore_prob {
        opts.explore_prob = v;
    }
    opts.lemmas |= args.lemmas;
    let limit = args.limit.unwrap_or(usize::MAX);
    let prune = args.prune;
    let split = |given: &Option<PathBuf>, s: &str| {
        given
            .clone()
            .unwrap_or_else(|| args.data.join(format!("en_ewt-ud-{s}.conllu.gz")))
    };
    let (train_path, dev_path, test_path) = (
        split(&args.train, "train"),
        split(&args.dev, "dev"),
        split(&args.test, "test"),
    );
    let (mut train, train_file) = read_conllu(&train_path)?;
    let mut data_files = vec![train_file];
    if let Some(dir) = args.gum.as_ref().filter(|_| args.model.is_none()) {
        let (gum, gum_file) = read_gum_train(dir)?;
        train.extend(gum);
        data_files.push(gum_file);
    }
    let (dev, dev_file) = read_conllu(&dev_path)?;
    let (test, test_file) = read_conllu(&test_path)?;
    train.truncate(limit);
    eprintln!(
        "train {} sentences, dev {}, test {}; options {opts:?}",
        train.len(),
        dev.len(),
        test.len()
    );

    let t0 = Instant::now();
    let (mut parser, train_seconds) = match &args.model {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            let p = Parser::from_bytes(&bytes).with_context(|| format!("{}", path.display()))?;
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
        m.source = training_source("UD_English-EWT v2.16", args.gum.is_some());
        data_files.extend([dev_file, test_file]);
        m.data = data_files;
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
    let back = Parser::from_bytes(&bytes)?;
    let load_s = t.elapsed().as_secs_f64();
    if back != parser {
        bail!("model did not survive to_bytes/from_bytes");
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

    if let Some(path) = &args.pred {
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
        std::fs::write(path, conllu::write(&pred))
            .with_context(|| format!("cannot write {}", path.display()))?;
        println!("wrote {}", path.display());
    }
    if !args.no_write {
        let manifest = serde_json::json!({
            "model": args.out.file_name().map(|n| n.to_string_lossy().into_owned()),
            "bytes": bytes.len(),
            "manifest": parser.manifest(),
            "speed_tokens_per_s": tps.round(),
            "load_seconds": (load_s * 1000.0).round() / 1000.0,
            "retrain": "cargo run --release -- train parser",
        });
        write_model(&args.out, &bytes, &manifest)?;
    }
    Ok(())
}
