//! `khabar places PATH... [--format jsonl|table]`: one line per toponym or demonym
//! mention with its resolved place (the interface `../shared/score/score_geo.py` scores).

use crate::run::process;
use anyhow::{Context, Result};
use pipeline::{Config, Pipeline};
use serde::Serialize;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

use crate::cmd::ListFormat as Format;

/// Arguments of `khabar places`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Inputs, threads and input format.
    #[command(flatten)]
    pub input: crate::cmd::Inputs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    /// Leave out demonyms ("Afghan", "Turkish"), which name a country but no event place.
    #[arg(long)]
    pub no_demonyms: bool,
    /// Use this gazetteer file instead of the embedded one (`khabar train gazetteer --out`).
    #[arg(long)]
    pub gazetteer: Option<std::path::PathBuf>,
}

/// One output line.
#[derive(Debug, Serialize)]
pub struct MentionLine<'a> {
    /// Document id.
    pub doc_id: &'a str,
    /// First char (Python string index) of the mention.
    pub start: usize,
    /// One past its last char.
    pub end: usize,
    /// The mention's text.
    pub text: &'a str,
    /// "toponym" or "demonym".
    pub kind: article::PlaceMentionKind,
    /// The resolved place, or null.
    pub place: Option<&'a article::Place>,
}

/// Runs `khabar places`.
pub fn run(args: Args) -> Result<ExitCode> {
    let mut pipeline = Pipeline::new(&Config::default())?;
    if let Some(path) = &args.gazetteer {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        let places = places::Places::from_bytes(&bytes)
            .with_context(|| format!("{}: not a gazetteer", path.display()))?;
        pipeline.set_places(Some(places));
    }
    let (paths, options) = args.input.prepare();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut found = 0usize;
    let totals = process(&paths, options, &pipeline, |o| {
        let a = &o.article;
        let index = a.char_index();
        for m in &a.places {
            if args.no_demonyms && m.kind == article::PlaceMentionKind::Demonym {
                continue;
            }
            found += 1;
            let line = MentionLine {
                doc_id: &a.meta.doc_id,
                start: index.char_of(m.span.start),
                end: index.char_of(m.span.end),
                text: a.slice(m.span),
                kind: m.kind,
                place: m.place.as_ref(),
            };
            match args.format {
                Format::Jsonl => {
                    serde_json::to_writer(&mut out, &line)?;
                    out.write_all(b"\n")?;
                }
                Format::Table => {
                    let p = line.place;
                    writeln!(
                        out,
                        "{}\t{}-{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        line.doc_id,
                        line.start,
                        line.end,
                        line.text,
                        p.map_or("-", |p| p.name.as_str()),
                        p.map_or("-", |p| p.country.as_str()),
                        p.and_then(|p| p.admin1.as_deref()).unwrap_or("-"),
                        p.map_or("-".into(), |p| format!("{:.4},{:.4}", p.lat, p.lon)),
                        p.map_or("-", |p| p.precision.as_str()),
                    )?;
                }
            }
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(totals.exit_code(Some(found)))
}
