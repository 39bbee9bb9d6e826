//! Trains the POS tagger + lemmatizer on UD English-EWT and writes the model
//! (stage `annotate`, build time; this example does the IO the library must not).
//!
//! Input: `en_ewt-ud-{train,dev,test}.conllu.gz` in a directory (first argument; default
//! `../shared/data/nlp/ud_english_ewt` from the repository root).
//! Output: `resources/models/tagger.bin.zst` and `resources/models/tagger.manifest.json`
//! (or under `--out DIR`), and dev/test UPOS, XPOS, lemma accuracy and tagging speed on
//! stdout. Options: `--epochs N`, `--folds K` (0: no stacked stage), `--min-weight W`, `--seed S`,
//! `--no-write`,
//! `--load MODEL` (evaluate an existing model instead of training).
//!
//! Run: `cargo run --release -p annotate --example train_tagger`.

use annotate::conllu::{self, Sentence};
use annotate::model::DataFile;
use annotate::tag::{Accuracy, Tagger, TrainOptions};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn repo_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

fn read(dir: &Path, split: &str) -> Result<(Vec<Sentence>, DataFile), String> {
    let name = format!("en_ewt-ud-{split}.conllu.gz");
    let path = dir.join(&name);
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut text)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let (sentences, errors) = conllu::parse(&text);
    if let Some(e) = errors.first() {
        return Err(format!("{}: {e}", path.display()));
    }
    let checksum = format!("blake3:{}", blake3::hash(&bytes).to_hex());
    Ok((sentences, DataFile { name, checksum }))
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

fn main() {
    if let Err(e) = run() {
        eprintln!("train_tagger: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let mut dir = repo_root().join("../shared/data/nlp/ud_english_ewt");
    let mut out = repo_root().join("resources/models");
    let mut options = TrainOptions::default();
    let mut write = true;
    let mut load: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |what: &str| args.next().ok_or(format!("{a} needs {what}"));
        match a.as_str() {
            "--epochs" => {
                options.epochs = value("a number")?.parse().map_err(|e| format!("{e}"))?
            }
            "--folds" => options.folds = value("a number")?.parse().map_err(|e| format!("{e}"))?,
            "--seed" => options.seed = value("a number")?.parse().map_err(|e| format!("{e}"))?,
            "--min-weight" => {
                options.min_weight = value("a number")?.parse().map_err(|e| format!("{e}"))?
            }
            "--out" => out = PathBuf::from(value("a directory")?),
            "--no-write" => write = false,
            "--load" => load = Some(PathBuf::from(value("a model file")?)),
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => dir = PathBuf::from(a),
        }
    }
    let (train, train_file) = read(&dir, "train")?;
    let (dev, dev_file) = read(&dir, "dev")?;
    let (test, test_file) = read(&dir, "test")?;
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
            let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
            Tagger::from_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))?
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
    m.source = "UD_English-EWT (Universal Dependencies), CC BY-SA 4.0".to_string();
    m.data = vec![train_file, dev_file, test_file];
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
    let back = Tagger::from_bytes(&bytes).map_err(|e| e.to_string())?;
    let load = t.elapsed().as_secs_f64();
    let (stages, features, weights) = tagger.size();
    println!(
        "model: {:.2} MB, {stages} stage(s), {features} features, {weights} weights, loads in {:.0} ms",
        bytes.len() as f64 / 1e6,
        load * 1000.0
    );
    // Compare what the model computes (the manifest's floats may move by an ulp in JSON).
    if back.size() != tagger.size() || back.evaluate(&dev) != dev_acc {
        return Err("the model does not round-trip through to_bytes/from_bytes".into());
    }
    if write {
        std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
        let model = out.join("tagger.bin.zst");
        std::fs::write(&model, &bytes).map_err(|e| format!("{}: {e}", model.display()))?;
        let manifest = out.join("tagger.manifest.json");
        let json = serde_json::to_string_pretty(tagger.manifest()).map_err(|e| e.to_string())?;
        std::fs::write(&manifest, json + "\n")
            .map_err(|e| format!("{}: {e}", manifest.display()))?;
        println!("wrote {} and {}", model.display(), manifest.display());
    }
    Ok(())
}
