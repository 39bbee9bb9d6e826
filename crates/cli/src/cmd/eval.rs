//! `khabar eval GOLD.jsonl... [--events FILE] [--json]`: the figures of
//! `../shared/score/score.py` for the engine's output (or a given event file) on gold
//! documents; `--conllu FILE` measures the segmenter against UD CoNLL-U instead.

use anyhow::{bail, Context, Result};
use ingest::{Format, Item};
use pipeline::{Config, Pipeline};
use rayon::prelude::*;
use std::io::Read;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Arguments of `khabar eval`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Gold files (JSON Lines documents with `events`, see ../shared/gold/FORMAT.md).
    pub gold: Vec<String>,
    /// Score this event file (JSON Lines) instead of running the engine.
    #[arg(long)]
    pub events: Option<String>,
    /// Print one JSON object (score.py --json keys; keyed by file when several).
    #[arg(long)]
    pub json: bool,
    /// Which coder to use.
    #[arg(long, default_value = "syntax")]
    pub coder: String,
    /// Also write the engine's events (JSON Lines) to this file.
    #[arg(long)]
    pub save: Option<String>,
    /// Measure sentence and token F1 of the segmenter on a UD CoNLL-U file (.gz ok).
    #[arg(long)]
    pub conllu: Option<String>,
}

/// Reads a file, gunzipping `.gz`.
pub fn read_file(path: &str) -> Result<Vec<u8>> {
    let raw = std::fs::read(path).with_context(|| format!("cannot read {path}"))?;
    if path.ends_with(".gz") {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .with_context(|| format!("{path}: not a valid gzip file"))?;
        Ok(out)
    } else {
        Ok(raw)
    }
}

/// Runs the engine on the documents of a gold file; returns events as JSON Lines.
pub fn system_events(pipeline: &Pipeline, name: &str, gold: &[u8]) -> Result<Vec<u8>> {
    let docs: Vec<article::Article> = ingest::read_bytes(name, gold, Some(Format::Jsonl))
        .into_iter()
        .filter_map(|item| match item {
            Item::Doc(a) => Some(a),
            Item::Problem(p) => {
                eprintln!("{p}");
                None
            }
        })
        .collect();
    let outputs: Vec<Vec<events::Event>> = docs
        .into_par_iter()
        .map(|a| pipeline.run(a).events)
        .collect();
    let mut buf = Vec::new();
    for e in outputs.iter().flatten() {
        serde_json::to_writer(&mut buf, e)?;
        buf.push(b'\n');
    }
    Ok(buf)
}

/// Runs `khabar eval`.
pub fn run(args: Args) -> Result<ExitCode> {
    let mut so = std::io::stdout().lock();
    if let Some(path) = &args.conllu {
        let text = String::from_utf8_lossy(&read_file(path)?).into_owned();
        let scores = segment::ewt::evaluate(&text);
        writeln!(so, "{path}\n{scores}")?;
        if args.gold.is_empty() {
            return Ok(ExitCode::SUCCESS);
        }
    }
    if args.gold.is_empty() {
        bail!("no gold file given; usage: khabar eval GOLD.jsonl... [--events FILE] [--json]");
    }
    let given = match &args.events {
        Some(p) => Some(read_file(p)?),
        None => None,
    };
    // The models load only when the engine runs (not when scoring a saved event file).
    let pipeline = match given {
        Some(_) => None,
        None => Some(Pipeline::new(&Config {
            coder: args.coder.parse()?,
            ..Config::default()
        })?),
    };
    let source = match (&pipeline, &args.events) {
        (Some(p), _) => format!("{} coder", p.coder_name()),
        (None, Some(f)) => format!("events from {f}"),
        (None, None) => String::new(),
    };
    let mut saved = Vec::new();
    let mut json = serde_json::Map::new();
    let mut single = None;
    for (k, path) in args.gold.iter().enumerate() {
        let gold = read_file(path)?;
        let system = match (&given, &pipeline) {
            (Some(bytes), _) => std::borrow::Cow::Borrowed(bytes),
            (None, Some(p)) => std::borrow::Cow::Owned(system_events(p, path, &gold)?),
            (None, None) => bail!("no event source"),
        };
        if args.save.is_some() {
            saved.extend_from_slice(&system);
        }
        let result = events::score::score_jsonl(&gold, &system);
        for msg in result.errors.iter().take(50) {
            eprintln!("error: {msg}");
        }
        if args.json && args.gold.len() == 1 {
            single = Some(events::score::to_json(&result));
        } else if args.json {
            let name = Path::new(path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.clone());
            json.insert(name, serde_json::to_value(&result)?);
        } else {
            if k > 0 {
                writeln!(so)?;
            }
            writeln!(so, "== {path} ({source})")?;
            writeln!(so, "{}", events::score::report(&result))?;
        }
    }
    if let Some(text) = single {
        // Exactly what `score.py --json` prints.
        writeln!(so, "{text}")?;
    } else if args.json {
        writeln!(
            so,
            "{}",
            serde_json::to_string_pretty(&serde_json::Value::Object(json))?
        )?;
    }
    if let Some(path) = &args.save {
        std::fs::write(path, &saved).with_context(|| format!("cannot write {path}"))?;
    }
    Ok(ExitCode::SUCCESS)
}
