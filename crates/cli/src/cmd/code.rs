//! `khabar code [PATH...|-] [--format jsonl|json|table] [--coder NAME] [--threads N]`:
//! events to stdout, diagnostics to stderr.

use crate::run::process;
use anyhow::{Context, Result};
use clap::ValueEnum;
use events::Event;
use pipeline::{Config, Pipeline};
use std::io::{BufWriter, Write};
use std::process::ExitCode;

/// Output format of events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per line (the scored format).
    Jsonl,
    /// One pretty-printed JSON array.
    Json,
    /// A human-readable table.
    Table,
}

/// Arguments of `khabar code`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Inputs, threads and input format.
    #[command(flatten)]
    pub input: crate::cmd::Inputs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    /// Which coder to use.
    #[arg(long, default_value = "syntax")]
    pub coder: String,
}

/// Runs `khabar code`.
pub fn run(args: Args) -> Result<ExitCode> {
    let pipeline = Pipeline::new(&Config {
        coder: args.coder.parse()?,
        ..Config::default()
    })?;
    let (paths, options) = args.input.prepare();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut first = true;
    if args.format == Format::Json {
        writeln!(out, "[")?;
    }
    if args.format == Format::Table {
        writeln!(out, "{}", table_header())?;
    }
    let totals = process(&paths, options, &pipeline, |output| {
        for e in &output.events {
            match args.format {
                Format::Jsonl => {
                    serde_json::to_writer(&mut out, e)?;
                    writeln!(out)?;
                }
                Format::Json => {
                    if !first {
                        writeln!(out, ",")?;
                    }
                    serde_json::to_writer_pretty(&mut out, e)?;
                }
                Format::Table => writeln!(out, "{}", table_row(e))?,
            }
            first = false;
        }
        Ok(())
    })
    .context("coding failed")?;
    if args.format == Format::Json {
        writeln!(out, "{}]", if first { "" } else { "\n" })?;
    }
    out.flush()?;
    Ok(totals.exit_code(None))
}

fn table_header() -> String {
    format!(
        "{:<28} {:<10} {:<14} {:<34} {:<34} {}",
        "doc_id", "event", "mode", "actor", "recipient", "trigger / sentence"
    )
}

fn side(v: &[events::ActorRef]) -> String {
    let s = v
        .iter()
        .map(|a| match &a.country {
            Some(c) => format!("{} [{c}]", a.name),
            None => a.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(" + ");
    if s.is_empty() {
        "-".to_string()
    } else {
        s
    }
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn table_row(e: &Event) -> String {
    format!(
        "{:<28} {:<10} {:<14} {:<34} {:<34} «{}» {}",
        clip(&e.doc_id, 28),
        e.event_type.as_str(),
        e.mode.as_deref().unwrap_or("-"),
        clip(&side(&e.actor), 34),
        clip(&side(&e.recipient), 34),
        e.trigger.text,
        clip(&e.sentence.text, 90)
    )
}
