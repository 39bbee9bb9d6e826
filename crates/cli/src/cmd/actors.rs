//! `khabar actors PATH... [--format jsonl|table]`: per document, each actor with its
//! canonical name, KB id, kind, country, sector, the aliases the text uses, its roles
//! and affiliations with evidence spans, and every mention span.

use crate::run::process;
use anyhow::Result;
use pipeline::{Config, Pipeline};
use serde::Serialize;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

use crate::cmd::ListFormat as Format;

/// Arguments of `khabar actors`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Inputs, threads and input format.
    #[command(flatten)]
    pub input: crate::cmd::Inputs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
}

/// A piece of text in char offsets.
#[derive(Debug, Serialize)]
struct Piece<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    how: Option<&'a str>,
}

/// A fact with its evidence.
#[derive(Debug, Serialize)]
struct Fact<'a> {
    relation: &'a str,
    value: &'a str,
    evidence: Piece<'a>,
}

/// One output line.
#[derive(Debug, Serialize)]
struct ActorLine<'a> {
    doc_id: &'a str,
    name: &'a str,
    kb_id: Option<&'a str>,
    kind: article::ActorKind,
    country: Option<&'a str>,
    sector: Option<&'a str>,
    aliases: &'a [String],
    facts: Vec<Fact<'a>>,
    mentions: Vec<Piece<'a>>,
}

/// Runs `khabar actors`.
pub fn run(args: Args) -> Result<ExitCode> {
    let pipeline = Pipeline::new(&Config::default())?;
    let (paths, options) = args.input.prepare();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut found = 0usize;
    let totals = process(&paths, options, &pipeline, |o| {
        let a = &o.article;
        let index = a.char_index();
        fn piece<'a>(
            a: &'a article::Article,
            index: &article::CharIndex,
            span: article::Span,
            how: Option<&'a str>,
        ) -> Piece<'a> {
            Piece {
                start: index.char_of(span.start),
                end: index.char_of(span.end),
                text: a.slice(span),
                how,
            }
        }
        for (i, actor) in a.actors.iter().enumerate() {
            found += 1;
            let line = ActorLine {
                doc_id: &a.meta.doc_id,
                name: &actor.name,
                kb_id: actor.kb_id.as_deref(),
                kind: actor.kind,
                country: actor.country.as_deref(),
                sector: actor.sector.as_deref(),
                aliases: &actor.aliases,
                facts: actor
                    .facts
                    .iter()
                    .map(|f| Fact {
                        relation: &f.relation,
                        value: &f.value,
                        evidence: piece(a, &index, f.evidence, None),
                    })
                    .collect(),
                mentions: a
                    .actor_mentions
                    .iter()
                    .filter(|m| m.actor == i)
                    .map(|m| piece(a, &index, m.span, Some(m.how.as_str())))
                    .collect(),
            };
            match args.format {
                Format::Jsonl => {
                    serde_json::to_writer(&mut out, &line)?;
                    out.write_all(b"\n")?;
                }
                Format::Table => {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}/{}\t[{}]\t{} mentions",
                        line.doc_id,
                        line.name,
                        line.kb_id.unwrap_or("new"),
                        line.country.unwrap_or("-"),
                        line.sector.unwrap_or("-"),
                        line.aliases.join("; "),
                        line.mentions.len()
                    )?;
                    for f in &line.facts {
                        writeln!(out, "\t\t{}: {}", f.relation, f.value)?;
                    }
                }
            }
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(totals.exit_code(Some(found)))
}
