//! `khabar annotate`: the NLP layers, for inspection and outside measurement.
//!
//! - `--from conllu FILE`: keeps the file's sentences and words, writes CoNLL-U with
//!   predicted LEMMA, UPOS, XPOS, HEAD, DEPREL (entities as `NER=B-PER` in MISC).
//! - `--from iob2 FILE`: UNER's layout with the predicted tag in the third column.
//! - `PATH... --format conllu`: raw documents end to end (segmenter included).
//!
//! Score with `python3 ../shared/score/score_nlp.py conllu|iob2 GOLD PRED`.

use crate::cmd::eval::read_file;
use crate::run::{paths_or_stdin, process};
use annotate::{conllu, iob2};
use anyhow::{bail, Context, Result};
use ingest::ReadOptions;
use pipeline::{Config, Pipeline};
use std::io::{BufWriter, Write};
use std::process::ExitCode;

/// Pre-tokenized input layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum From {
    /// CoNLL-U (Universal Dependencies).
    Conllu,
    /// UNER IOB2 (id, word, tag, ...).
    Iob2,
}

/// Output layouts for raw documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// CoNLL-U with `# newdoc id`, `# sent_id`, `# text` comments.
    Conllu,
}

/// Arguments of `khabar annotate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files (.gz ok); raw documents when `--from` is not given (`-`: stdin).
    pub paths: Vec<String>,
    /// Read pre-tokenized sentences in this layout and keep their tokens.
    #[arg(long, value_enum)]
    pub from: Option<From>,
    /// Output layout for raw documents.
    #[arg(long, value_enum, default_value = "conllu")]
    pub format: Format,
}

/// Runs `khabar annotate`.
pub fn run(args: Args) -> Result<ExitCode> {
    let pipeline = Pipeline::new(&Config::default())?;
    let annotator = pipeline
        .annotator()
        .context("this build has no NLP models (resources/models)")?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.from {
        Some(From::Conllu) => {
            for path in &args.paths {
                let text = String::from_utf8_lossy(&read_file(path)?).into_owned();
                let (mut sentences, errors) = conllu::parse(&text);
                for e in &errors {
                    eprintln!("error: {path}: {e}");
                }
                for s in &mut sentences {
                    let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                    let ann = annotator.annotate_words(&words);
                    let tags = pipeline.entity_tags(&words);
                    for (k, (w, a)) in s.words.iter_mut().zip(ann).enumerate() {
                        w.lemma = a.lemma;
                        w.upos = a.upos;
                        w.xpos = a.xpos;
                        w.head = a.head.map_or(0, |h| h + 1);
                        w.deprel = a.deprel;
                        if let Some(t) = tags.as_ref().and_then(|t| t.get(k)) {
                            w.misc = with_ner(&w.misc, t);
                        }
                    }
                }
                out.write_all(conllu::write(&sentences).as_bytes())?;
            }
        }
        Some(From::Iob2) => {
            for path in &args.paths {
                let text = String::from_utf8_lossy(&read_file(path)?).into_owned();
                let mut sentences = iob2::parse(&text);
                for s in &mut sentences {
                    let words = s.words();
                    let Some(tags) = pipeline.entity_tags(&words) else {
                        bail!("this build has no entity recognizer model (resources/models/ner.*)");
                    };
                    for (row, tag) in s.rows.iter_mut().zip(tags) {
                        row.set_tag(&tag);
                    }
                }
                out.write_all(iob2::write(&sentences).as_bytes())?;
            }
        }
        None => {
            let paths = paths_or_stdin(&args.paths);
            let totals = process(&paths, ReadOptions::default(), &pipeline, |o| {
                out.write_all(raw_conllu(&o.article).as_bytes())?;
                Ok(())
            })?;
            out.flush()?;
            return Ok(totals.exit_code(None));
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// MISC with `NER=TAG` set (replacing an earlier NER item).
fn with_ner(misc: &str, tag: &str) -> String {
    let mut items: Vec<&str> = misc
        .split('|')
        .filter(|i| !i.is_empty() && *i != "_" && !i.starts_with("NER="))
        .collect();
    let ner = format!("NER={tag}");
    items.push(&ner);
    items.join("|")
}

/// A segmented, annotated article as CoNLL-U.
fn raw_conllu(article: &article::Article) -> String {
    let mut s = format!("# newdoc id = {}\n", article.meta.doc_id);
    let mut entity_tag = vec!["O".to_string(); article.tokens.len()];
    for e in &article.entities {
        for (k, i) in e.tokens.clone().enumerate() {
            if let Some(t) = entity_tag.get_mut(i) {
                *t = format!("{}-{}", if k == 0 { "B" } else { "I" }, e.label.as_str());
            }
        }
    }
    for (n, sentence) in article.sentences.iter().enumerate() {
        s.push_str(&format!("# sent_id = {}-{}\n", article.meta.doc_id, n + 1));
        s.push_str(&format!(
            "# text = {}\n",
            article.slice(sentence.span).replace('\n', " ")
        ));
        for (k, i) in sentence.tokens.clone().enumerate() {
            let tok = &article.tokens[i];
            let a = article.annotations.get(i).cloned().unwrap_or_default();
            let head = a.head.map_or(0, |h| h + 1);
            let space_after = article
                .tokens
                .get(i + 1)
                .is_some_and(|next| next.span.start == tok.span.end)
                .then_some("SpaceAfter=No");
            let mut misc: Vec<String> = space_after.into_iter().map(str::to_string).collect();
            if !article.entities.is_empty() {
                misc.push(format!("NER={}", entity_tag[i]));
            }
            let dash = |v: &str| {
                if v.is_empty() {
                    "_".to_string()
                } else {
                    v.to_string()
                }
            };
            s.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}\n",
                k + 1,
                article.slice(tok.span).replace(['\t', '\n'], " "),
                dash(&a.lemma),
                dash(&a.upos),
                dash(&a.xpos),
                head,
                dash(&a.deprel),
                if misc.is_empty() {
                    "_".to_string()
                } else {
                    misc.join("|")
                }
            ));
        }
        s.push('\n');
    }
    s
}
