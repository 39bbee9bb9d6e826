//! `khabar train dictionary|tagger|parser|ner|gazetteer`: rebuilds a resource (the
//! compiled Phoenix dictionary, the POS tagger, the dependency parser, the entity
//! recognizer, the gazetteer)
//! from the raw data in `../shared`. Every resource in `resources/` is reproducible this
//! way; the commands and their wall times are in `resources/*/README.md`.

mod data;
mod gazetteer;
mod ner;
mod parser;
mod tagger;

use anyhow::{Context, Result};
use coder::dictionary::convert::{convert, PhoenixSources};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `khabar train`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to build.
    #[command(subcommand)]
    pub what: What,
}

/// Buildable resources.
#[derive(Debug, clap::Subcommand)]
pub enum What {
    /// The Phoenix actor/agent/verb/discard dictionaries + CAMEO→PLOVER table.
    Dictionary(DictionaryArgs),
    /// The UPOS+XPOS tagger and lemmatizer (UD English-EWT).
    Tagger(tagger::Args),
    /// The dependency parser (UD English-EWT).
    Parser(parser::Args),
    /// The PER/ORG/LOC entity recognizer (UNER + wikigold + GUM, name lexicon).
    Ner(ner::Args),
    /// The gazetteer (GeoNames-derived files + curated aliases).
    Gazetteer(gazetteer::Args),
}

/// Arguments of `khabar train dictionary`.
#[derive(Debug, clap::Args)]
pub struct DictionaryArgs {
    /// Folder with the Phoenix dictionaries.
    #[arg(long, default_value = "../shared/data/phoenix")]
    pub data: PathBuf,
    /// Folder with CAMEO2PLOVER-2021.txt.
    #[arg(long, default_value = "../shared/ontology")]
    pub ontology: PathBuf,
    /// Output file.
    #[arg(long, default_value = "resources/dictionary/phoenix.json.zst")]
    pub out: PathBuf,
}

/// The Phoenix files PETRARCH2 loads by default (PETR_config.ini).
const ACTOR_FILES: &[&str] = &[
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
];

fn read_text(path: &Path, provenance: &mut Vec<String>) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    provenance.push(format!(
        "{name} blake3:{}",
        &blake3::hash(&bytes).to_hex()[..16]
    ));
    // The country file has stray 0x1A bytes; decode lossily.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The segmenter's tokens, so dictionary phrases split like article text.
fn tokenize(text: &str) -> Vec<String> {
    let (tokens, _) = segment::segment_text(text);
    tokens
        .iter()
        .filter_map(|t| text.get(t.span.range()).map(str::to_string))
        .collect()
}

/// Runs `khabar train`.
pub fn run(args: Args) -> Result<ExitCode> {
    match args.what {
        What::Tagger(a) => tagger::run(a)?,
        What::Parser(a) => parser::run(a)?,
        What::Ner(a) => ner::run(a)?,
        What::Gazetteer(a) => gazetteer::run(a)?,
        What::Dictionary(args) => {
            let mut prov = Vec::new();
            let verbs = read_text(&args.data.join("CAMEO.2.0.txt"), &mut prov)?;
            let actors: Vec<String> = ACTOR_FILES
                .iter()
                .map(|f| read_text(&args.data.join(f), &mut prov))
                .collect::<Result<_>>()?;
            let agents = read_text(&args.data.join("Phoenix.agents.txt"), &mut prov)?;
            let discards = read_text(&args.data.join("Phoenix.discards.txt"), &mut prov)?;
            let table = read_text(&args.ontology.join("CAMEO2PLOVER-2021.txt"), &mut prov)?;
            let actor_refs: Vec<&str> = actors.iter().map(String::as_str).collect();
            let src = PhoenixSources {
                verbs: &verbs,
                actors: &actor_refs,
                agents: &agents,
                discards: &discards,
                cameo2plover: &table,
            };
            let (mut dict, warnings) = convert(&src, &tokenize);
            dict.provenance = prov;
            for w in &warnings {
                eprintln!("warning: {w}");
            }
            let json = dict.to_json();
            let zst = zstd::encode_all(&json[..], 19).context("zstd compression failed")?;
            if let Some(dir) = args.out.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(&args.out, &zst)
                .with_context(|| format!("cannot write {}", args.out.display()))?;
            eprintln!(
                "wrote {}: {} verb blocks, {} actors, {} agents, {} + {} discards, {} CAMEO codes; {} bytes ({} warnings)",
                args.out.display(),
                dict.verbs.len(),
                dict.actors.len(),
                dict.agents.len(),
                dict.sentence_discards.len(),
                dict.story_discards.len(),
                dict.cameo.len(),
                zst.len(),
                warnings.len()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
