//! Shared driver: read inputs with `ingest`, run the pipeline over documents in
//! parallel batches (rayon), hand outputs back in input order, report problems on stderr.

use anyhow::Result;
use article::Severity;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use ingest::{Item, ReadOptions, Reader};
use pipeline::{Output, Pipeline};
use rayon::prelude::*;
use std::io::IsTerminal;

/// Documents processed per parallel batch (bounded memory, deterministic order).
const BATCH: usize = 256;

/// What a run saw.
#[derive(Debug, Default, Clone, Copy)]
pub struct Totals {
    /// Documents processed.
    pub documents: usize,
    /// Events produced.
    pub events: usize,
    /// Input problems of warning or error severity.
    pub problems: usize,
}

impl Totals {
    /// The exit code: 2 when an input had a problem, else 1 when `found` is given and
    /// zero (nothing found), else 0.
    pub fn exit_code(&self, found: Option<usize>) -> std::process::ExitCode {
        if self.problems > 0 {
            std::process::ExitCode::from(2)
        } else if found == Some(0) {
            std::process::ExitCode::from(1)
        } else {
            std::process::ExitCode::SUCCESS
        }
    }
}

/// The inputs named on the command line, or stdin (`-`) when there are none.
pub fn paths_or_stdin(paths: &[String]) -> Vec<String> {
    if paths.is_empty() {
        vec!["-".to_string()]
    } else {
        paths.to_vec()
    }
}

/// Builds the rayon pool size (0 = all cores).
pub fn set_threads(threads: usize) {
    if threads > 0 {
        // Fails only if a global pool already exists; then the existing one is used.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global();
    }
}

/// Reads `paths`, runs `pipeline` on every document and calls `sink` with each output in
/// input order. Problems go to stderr as they are met.
pub fn process(
    paths: &[String],
    options: ReadOptions,
    pipeline: &Pipeline,
    mut sink: impl FnMut(&Output) -> Result<()>,
) -> Result<Totals> {
    let mut totals = Totals::default();
    let progress = progress_bar();
    let mut batch = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<article::Article>, totals: &mut Totals| -> Result<()> {
        let outputs: Vec<Output> = std::mem::take(batch)
            .into_par_iter()
            .map(|a| pipeline.run(a))
            .collect();
        for out in &outputs {
            for d in &out.diagnostics {
                if d.severity >= Severity::Warning {
                    progress.suspend(|| eprintln!("{d}"));
                }
            }
            totals.documents += 1;
            totals.events += out.events.len();
            sink(out)?;
        }
        progress.set_message(format!(
            "{} documents, {} events",
            totals.documents, totals.events
        ));
        progress.tick();
        Ok(())
    };
    for item in Reader::new(paths, options) {
        match item {
            Item::Doc(article) => {
                batch.push(article);
                if batch.len() >= BATCH {
                    flush(&mut batch, &mut totals)?;
                }
            }
            Item::Problem(p) => {
                if p.severity >= Severity::Warning {
                    totals.problems += 1;
                }
                progress.suspend(|| eprintln!("{p}"));
            }
        }
    }
    flush(&mut batch, &mut totals)?;
    progress.finish_and_clear();
    Ok(totals)
}

/// A spinner on stderr when it is a terminal; hidden otherwise.
fn progress_bar() -> ProgressBar {
    let pb = ProgressBar::new_spinner();
    if std::io::stderr().is_terminal() {
        pb.set_draw_target(ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{spinner} {elapsed} {msg}") {
            pb.set_style(style);
        }
    } else {
        pb.set_draw_target(ProgressDrawTarget::hidden());
    }
    pb
}
