//! `khabar bench [--corpus PATH...] [--repeat N]`: whole-pipeline throughput
//! (documents/s, sentences/s, tokens/s) on one thread, plus the segmenter alone and the
//! pipeline's start-up time. Default corpus: the seed article, replicated.

use anyhow::{bail, Result};
use article::{Article, Meta};
use ingest::{Item, ReadOptions, Reader};
use pipeline::{Config, Pipeline};
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

/// The project's own example article (title line, blank line, body).
const SEED: &str = include_str!("../../../../examples/seed.txt");

/// Arguments of `khabar bench`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus files or directories (default: the seed article).
    #[arg(long)]
    pub corpus: Vec<String>,
    /// How many times to run over the corpus.
    #[arg(long, default_value_t = 200)]
    pub repeat: usize,
    /// Which coder to use.
    #[arg(long, default_value = "syntax")]
    pub coder: String,
}

fn corpus(paths: &[String]) -> Vec<Article> {
    if paths.is_empty() {
        let body = SEED.split_once("\n\n").map(|(_, b)| b).unwrap_or(SEED);
        return vec![Article::new(
            Meta {
                doc_id: "seed".into(),
                published: Some("2018-08-01".into()),
                ..Default::default()
            },
            body.to_string(),
        )];
    }
    Reader::new(paths, ReadOptions::default())
        .filter_map(|item| match item {
            Item::Doc(a) => Some(a),
            Item::Problem(p) => {
                eprintln!("{p}");
                None
            }
        })
        .collect()
}

/// Runs `khabar bench`.
pub fn run(args: Args) -> Result<ExitCode> {
    let mut so = std::io::stdout().lock();
    let docs = corpus(&args.corpus);
    if docs.is_empty() {
        bail!("empty benchmark corpus");
    }
    let start = Instant::now();
    let pipeline = Pipeline::new(&Config {
        coder: args.coder.parse()?,
        ..Config::default()
    })?;
    let load = start.elapsed();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();

    let start = Instant::now();
    let (mut sentences, mut tokens) = (0usize, 0usize);
    for _ in 0..args.repeat {
        for d in &docs {
            let (t, s) = segment::segment_text(&d.text);
            sentences += s.len();
            tokens += t.len();
        }
    }
    let seg = start.elapsed().as_secs_f64();

    let start = Instant::now();
    let mut events = 0usize;
    for _ in 0..args.repeat {
        for d in &docs {
            events += pipeline.run(d.clone()).events.len();
        }
    }
    let full = start.elapsed().as_secs_f64();
    let n_docs = (docs.len() * args.repeat) as f64;
    writeln!(
        so,
        "corpus: {} documents × {} runs, {:.1} KB, {} sentences and {} tokens per pass",
        docs.len(),
        args.repeat,
        bytes as f64 / 1024.0,
        sentences / args.repeat,
        tokens / args.repeat
    )?;
    writeln!(
        so,
        "pipeline load ({} coder): {:.1} ms",
        pipeline.coder_name(),
        load.as_secs_f64() * 1e3
    )?;
    writeln!(
        so,
        "segment only:   {:>10.0} documents/s {:>10.0} sentences/s {:>12.0} tokens/s {:>8.1} MB/s",
        n_docs / seg,
        sentences as f64 / seg,
        tokens as f64 / seg,
        (bytes * args.repeat) as f64 / seg / 1e6
    )?;
    writeln!(
        so,
        "whole pipeline: {:>10.0} documents/s {:>10.0} sentences/s {:>12.0} tokens/s {:>8.1} MB/s  (1 thread, {} events/pass)",
        n_docs / full,
        sentences as f64 / full,
        tokens as f64 / full,
        (bytes * args.repeat) as f64 / full / 1e6,
        events / args.repeat
    )?;
    Ok(ExitCode::SUCCESS)
}
