//! `khabar explain PATH...`: each sentence with its annotations (tags, dependencies,
//! entities, actors, places), every trigger the coder considered and why it was or was
//! not coded, and the events stated there — for reading the engine's decisions.

use crate::run::process;
use anyhow::Result;
use article::Article;
use coder::explain::Verdict;
use events::{ActorRef, Event};
use pipeline::{Config, Output, Pipeline};
use std::io::{BufWriter, Write};
use std::process::ExitCode;

/// Arguments of `khabar explain`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Inputs, threads and input format.
    #[command(flatten)]
    pub input: crate::cmd::Inputs,
    /// Leave out the token lines (tags and dependencies).
    #[arg(long)]
    pub no_tokens: bool,
}

/// Runs `khabar explain`.
pub fn run(args: Args) -> Result<ExitCode> {
    let pipeline = Pipeline::new(&Config::default())?;
    let (paths, options) = args.input.prepare();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let totals = process(&paths, options, &pipeline, |o| {
        write_document(&mut out, o, !args.no_tokens)?;
        Ok(())
    })?;
    out.flush()?;
    Ok(totals.exit_code(None))
}

fn side(v: &[ActorRef]) -> String {
    if v.is_empty() {
        return "-".to_string();
    }
    v.iter()
        .map(|a| match &a.text {
            Some(t) if *t != a.name => format!("{} (\"{t}\")", a.name),
            _ => a.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

fn event_line(k: usize, e: &Event) -> String {
    let mut parts = vec![format!(
        "event #{k} {}{}: {} → {}",
        e.event_type.as_str(),
        e.mode
            .as_deref()
            .map(|m| format!("/{m}"))
            .unwrap_or_default(),
        side(&e.actor),
        side(&e.recipient)
    )];
    if let Some(l) = &e.location {
        parts.push(format!("at {}", l.name));
    }
    if let Some(d) = &e.date {
        parts.push(format!("on {d}"));
    }
    for (what, n) in [("dead", e.dead), ("injured", e.injured), ("size", e.size)] {
        if let Some(n) = n {
            parts.push(format!("{what} {n}"));
        }
    }
    if e.future {
        parts.push("future".into());
    }
    parts.push(format!("[trigger \"{}\", rule {}]", e.trigger.text, e.rule));
    parts.join("; ")
}

/// Writes one document's explanation.
fn write_document(out: &mut impl Write, o: &Output, tokens: bool) -> Result<()> {
    let a: &Article = &o.article;
    let index = a.char_index();
    writeln!(
        out,
        "=== {} ({} sentences, {} events) ===",
        a.meta.doc_id,
        a.sentences.len(),
        o.events.len()
    )?;
    for d in &o.diagnostics {
        writeln!(out, "  ! {d}")?;
    }
    for (k, s) in a.sentences.iter().enumerate() {
        writeln!(
            out,
            "\n[{}] chars {}–{}: {}",
            k + 1,
            index.char_of(s.span.start),
            index.char_of(s.span.end),
            a.slice(s.span)
        )?;
        let range = s.tokens.clone();
        if tokens && a.annotations.len() >= range.end {
            let line: Vec<String> = range
                .clone()
                .map(|i| {
                    let t = &a.annotations[i];
                    let head = t.head.map_or(0, |h| h + 1);
                    format!(
                        "{}:{}/{}/{}>{}",
                        i - range.start + 1,
                        a.slice(a.tokens[i].span),
                        t.upos,
                        t.deprel,
                        head
                    )
                })
                .collect();
            writeln!(out, "    tokens: {}", line.join(" "))?;
        }
        let entities: Vec<String> = a
            .entities
            .iter()
            .filter(|e| s.span.contains(&e.span))
            .map(|e| format!("\"{}\" {}", a.slice(e.span), e.label.as_str()))
            .collect();
        if !entities.is_empty() {
            writeln!(out, "    entities: {}", entities.join(", "))?;
        }
        for m in a.actor_mentions.iter().filter(|m| s.span.contains(&m.span)) {
            if let Some(actor) = a.actors.get(m.actor) {
                writeln!(
                    out,
                    "    actor: \"{}\" → {} [{}{}{}] ({})",
                    a.slice(m.span),
                    actor.name,
                    actor.kb_id.as_deref().unwrap_or("new"),
                    actor
                        .country
                        .as_deref()
                        .map(|c| format!(", {c}"))
                        .unwrap_or_default(),
                    actor
                        .sector
                        .as_deref()
                        .map(|c| format!(", {c}"))
                        .unwrap_or_default(),
                    m.how
                )?;
            }
        }
        for p in a.places.iter().filter(|p| s.span.contains(&p.span)) {
            match &p.place {
                Some(place) => writeln!(
                    out,
                    "    place: \"{}\" → {}, {} (geonames {}, {:.3}, {:.3}, {:?})",
                    a.slice(p.span),
                    place.name,
                    place.country,
                    place.geonameid,
                    place.lat,
                    place.lon,
                    place.precision
                )?,
                None => writeln!(out, "    place: \"{}\" → unresolved", a.slice(p.span))?,
            }
        }
        for n in o.notes.iter().filter(|n| n.sentence == k) {
            let verdict = match &n.verdict {
                Verdict::Coded => "coded".to_string(),
                Verdict::Skipped(why) => format!("not coded: {why}"),
            };
            writeln!(
                out,
                "    trigger \"{}\" ({} → {}): {verdict}",
                a.slice(n.trigger),
                n.rule,
                n.category.as_str()
            )?;
        }
        for (j, e) in o.events.iter().enumerate() {
            let here = index.char_of(s.span.start);
            if e.sentence.start == here {
                writeln!(out, "    {}", event_line(j + 1, e))?;
            } else if e.evidence.iter().any(|x| x.start == here) {
                writeln!(
                    out,
                    "    also states event #{} ({})",
                    j + 1,
                    e.event_type.as_str()
                )?;
            }
        }
    }
    writeln!(out)?;
    Ok(())
}
