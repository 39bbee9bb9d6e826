//! `khabar train tagger`: trains the POS tagger + lemmatizer on UD English-EWT and
//! writes the model with its manifest.
//!
//! Input: `en_ewt-ud-{train,dev,test}.conllu.gz` under `--data DIR` (train to learn, dev
//! to pick the epoch, test to report). Output: `--out FILE` (default
//! `resources/models/tagger.bin.zst`) and `tagger.manifest.json` beside it, and dev/test
//! UPOS, XPOS, lemma accuracy and tagging speed on stdout.

use super::data::{read_conllu, read_gum_train, training_source, write_model};
use annotate::tag::{Accuracy, Tagger, TrainOptions};
use anyhow::{bail, Context, Result};
use std::path::PathBuf;
use std::time::Instant;

/// Arguments of `khabar train tagger`.
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
    /// Model file to write (the manifest goes beside it).
    #[arg(long, default_value = "resources/models/tagger.bin.zst")]
    pub out: PathBuf,
    /// Training epochs (the best on dev is kept).
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Folds for the stacked second stage (0: none).
    #[arg(long)]
    pub folds: Option<usize>,
    /// Random seed for shuffling.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Drop averaged weights smaller than this.
    #[arg(long)]
    pub min_weight: Option<f32>,
    /// Evaluate and report only; write nothing.
    #[arg(long)]
    pub no_write: bool,
    /// Evaluate an existing model instead of training.
    #[arg(long)]
    pub load: Option<PathBuf>,
}

fn line(name: &str, a: &Accuracy) -> String {
    format!(
        "{name}: {} words  UPOS {:.2}%  XPOS {:.2}%  UPOS+XPOS {:.2}%  lemma {:.2}%",
        a.tokens,
        100.0 * a.upos(),
        100.0 * a.xpos(),
        100.0 * a.both(),
        100.0 * a.lemma()
    )
}

/// Runs `khabar train tagger`.
pub fn run(args: Args) -> Result<()> {
    let mut options = TrainOptions::default();
    if let Some(v) = args.epochs {
        options.epochs = v;
    }
    if let Some(v) = args.folds {
        options.folds = v;
    }
    if let Some(v) = args.seed {
        options.seed = v;
    }
    if let Some(v) = args.min_weight {
        options.min_weight = v;
    }
    let load = args.load.clone();
    let dir = &args.data;
    let split = |s: &str| dir.join(format!("en_ewt-ud-{s}.conllu.gz"));
    let (mut train, train_file) = read_conllu(&split("train"))?;
    let mut data_files = vec![train_file];
    if let Some(dir) = args.gum.as_ref().filter(|_| load.is_none()) {
        let (gum, gum_file) = read_gum_train(dir)?;
        train.extend(gum);
        data_files.push(gum_file);
    }
    let (dev, dev_file) = read_conllu(&split("dev"))?;
    let (test, test_file) = read_conllu(&split("test"))?;
    println!(
        "data: {} train, {} dev, {} test sentences from {}",
        train.len(),
        dev.len(),
        test.len(),
        dir.display()
    );

    let start = Instant::now();
    let mut tagger = match &load {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            Tagger::from_bytes(&bytes).with_context(|| format!("{}", path.display()))?
        }
        None => Tagger::train(&train, &dev, &options, &mut |l| println!("{l}")),
    };
    let train_seconds = start.elapsed().as_secs_f64();
    println!("trained (or loaded) in {train_seconds:.1} s");

    let dev_acc = tagger.evaluate(&dev);
    let test_acc = tagger.evaluate(&test);
    println!("{}", line("dev ", &dev_acc));
    println!("{}", line("test", &test_acc));

    // Tagging speed: tags only, then tags + lemmas, over the test set (one core).
    let sentences: Vec<Vec<&str>> = test
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.as_str()).collect())
        .collect();
    let n_words: usize = sentences.iter().map(Vec::len).sum();
    let mut ids = Vec::new();
    let mut rounds = 0usize;
    let t = Instant::now();
    while t.elapsed().as_secs_f64() < 2.0 {
        for s in &sentences {
            tagger.tag_ids(s, &mut ids);
        }
        rounds += 1;
    }
    let tag_speed = (rounds * n_words) as f64 / t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut lemma_chars = 0usize;
    for s in &sentences {
        for (_, lemma) in tagger.tag_and_lemmatize(s) {
            lemma_chars += lemma.len();
        }
    }
    let lemma_speed = n_words as f64 / t.elapsed().as_secs_f64();
    println!(
        "speed: {tag_speed:.0} words/s tagging, {lemma_speed:.0} words/s tagging + lemmas ({lemma_chars} lemma bytes)"
    );

    let m = tagger.manifest_mut();
    m.source = training_source(
        "UD_English-EWT (Universal Dependencies), CC BY-SA 4.0",
        args.gum.is_some(),
    );
    data_files.extend([dev_file, test_file]);
    m.data = data_files;
    m.train_seconds = (train_seconds * 10.0).round() / 10.0;
    for (split, a) in [("dev", &dev_acc), ("test", &test_acc)] {
        m.scores.insert(format!("{split}_upos"), a.upos());
        m.scores.insert(format!("{split}_xpos"), a.xpos());
        m.scores.insert(format!("{split}_upos_xpos"), a.both());
        m.scores.insert(format!("{split}_lemma"), a.lemma());
    }
    m.scores
        .insert("words_per_second".into(), tag_speed.round());

    let bytes = tagger.to_bytes();
    let t = Instant::now();
    let back = Tagger::from_bytes(&bytes)?;
    let load = t.elapsed().as_secs_f64();
    let (stages, features, weights) = tagger.size();
    println!(
        "model: {:.2} MB, {stages} stage(s), {features} features, {weights} weights, loads in {:.0} ms",
        bytes.len() as f64 / 1e6,
        load * 1000.0
    );
    // Compare what the model computes (the manifest's floats may move by an ulp in JSON).
    if back.size() != tagger.size() || back.evaluate(&dev) != dev_acc {
        bail!("the model does not round-trip through to_bytes/from_bytes");
    }
    if !args.no_write {
        write_model(&args.out, &bytes, &serde_json::to_value(tagger.manifest())?)?;
    }
    Ok(())
}
