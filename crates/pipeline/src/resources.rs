//! The embedded resources: compiled dictionaries (zstd-compressed JSON under
//! `resources/`), decompressed and parsed on load. Rebuild them with `khabar train`.

use crate::PipelineError;
use annotate::{ner::Recognizer, parse::Parser, tag::Tagger, Annotator};
use coder::dictionary::resource::{Dictionaries, RESOURCE_VERSION};
use places::Places;

/// The compiled Phoenix dictionaries (`resources/dictionary/phoenix.json.zst`).
pub const DICTIONARY_ZST: &[u8] = include_bytes!("../../../resources/dictionary/phoenix.json.zst");

/// Decompresses and parses the embedded dictionaries.
pub fn dictionaries() -> Result<Dictionaries, PipelineError> {
    let err = |reason: String| PipelineError::Resource {
        name: "dictionary/phoenix.json.zst",
        reason,
    };
    let json = zstd::decode_all(DICTIONARY_ZST).map_err(|e| err(e.to_string()))?;
    let dict = Dictionaries::from_json(&json).map_err(|e| err(e.to_string()))?;
    if dict.version != RESOURCE_VERSION {
        return Err(err(format!(
            "version {:?}, this build reads {RESOURCE_VERSION:?}",
            dict.version
        )));
    }
    Ok(dict)
}

/// The POS tagger + lemmatizer (`resources/models/tagger.bin.zst`).
pub const TAGGER_ZST: &[u8] = include_bytes!("../../../resources/models/tagger.bin.zst");
/// The dependency parser (`resources/models/parser.bin.zst`).
pub const PARSER_ZST: &[u8] = include_bytes!("../../../resources/models/parser.bin.zst");
/// The entity recognizer (`resources/models/ner.bin.zst`).
pub const NER_ZST: &[u8] = include_bytes!("../../../resources/models/ner.bin.zst");

/// Maps a model-loading error to a resource error naming the file.
fn model_error<E: std::fmt::Display>(name: &'static str) -> impl Fn(E) -> PipelineError {
    move |e| PipelineError::Resource {
        name,
        reason: e.to_string(),
    }
}

/// Loads the embedded NLP models into one annotator.
pub fn annotator() -> Result<Annotator, PipelineError> {
    let tagger = Tagger::from_bytes(TAGGER_ZST).map_err(model_error("models/tagger.bin.zst"))?;
    let parser = Parser::from_bytes(PARSER_ZST).map_err(model_error("models/parser.bin.zst"))?;
    let ner = Recognizer::from_bytes(NER_ZST).map_err(model_error("models/ner.bin.zst"))?;
    Ok(Annotator::new(tagger, Some(parser), Some(ner)))
}

/// The gazetteer (`resources/gazetteer/gazetteer.bin.zst`).
pub const GAZETTEER_ZST: &[u8] = include_bytes!("../../../resources/gazetteer/gazetteer.bin.zst");

/// Loads the embedded gazetteer into the places stage.
pub fn places() -> Result<Places, PipelineError> {
    Places::from_bytes(GAZETTEER_ZST).map_err(model_error("gazetteer/gazetteer.bin.zst"))
}

/// The curated actor knowledge base (`resources/actors/curated.jsonl`).
pub const CURATED_ACTORS: &str = include_str!("../../../resources/actors/curated.jsonl");

/// Curated agent nouns the Phoenix agent dictionary lacks (`resources/actors/agents.tsv`).
pub const CURATED_AGENTS: &str = include_str!("../../../resources/actors/agents.tsv");

/// Builds the actors stage from the curated file and the Phoenix actor and agent
/// dictionaries (already loaded for the coder).
pub fn actors(dict: &Dictionaries) -> Result<actors::Actors, PipelineError> {
    use actors::kb::{PhoenixActor, PhoenixAgent, PhoenixRole};
    use coder::dictionary::split_actor_code;
    let phoenix = dict
        .actors
        .iter()
        .map(|a| PhoenixActor {
            name: a.name.clone(),
            phrases: a.phrases.clone(),
            roles: a
                .roles
                .iter()
                .map(|r| {
                    let (country, sector) = split_actor_code(&r.code);
                    PhoenixRole {
                        country,
                        sector,
                        from: r.from,
                        to: r.to,
                    }
                })
                .collect(),
        })
        .collect();
    let tokenize = |s: &str| -> Vec<String> {
        let (tokens, _) = segment::segment_text(s);
        tokens
            .iter()
            .filter_map(|t| s.get(t.span.range()).map(str::to_string))
            .collect()
    };
    // The curated agent nouns come first: the first reading of a phrase wins.
    let curated_agents = CURATED_AGENTS.lines().filter_map(|line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        let (phrase, sector) = line.split_once('\t')?;
        Some(PhoenixAgent {
            phrases: vec![tokenize(&phrase.to_lowercase())],
            sector: sector.trim().to_string(),
        })
    });
    let agents = curated_agents
        .collect::<Vec<_>>()
        .into_iter()
        .chain(dict.agents.iter().filter_map(|g| {
            let (_, sector) = split_actor_code(&format!("XXX{}", g.code));
            sector.map(|sector| PhoenixAgent {
                phrases: g.phrases.clone(),
                sector,
            })
        }))
        .collect();
    let kb =
        actors::KnowledgeBase::new(CURATED_ACTORS, phoenix, agents, &tokenize).map_err(|e| {
            PipelineError::Resource {
                name: "actors/curated.jsonl",
                reason: e.to_string(),
            }
        })?;
    Ok(actors::Actors::new(kb))
}

/// The curated trigger lexicon (`resources/triggers/curated.jsonl`).
pub const TRIGGERS: &str = include_str!("../../../resources/triggers/curated.jsonl");

/// The syntax coder over the embedded trigger lexicon; with the actor KB's agent nouns
/// ("soldiers" → MIL) when the actors stage is loaded.
pub fn syntax_coder(
    actors: Option<&actors::Actors>,
) -> Result<coder::syntax::SyntaxCoder, PipelineError> {
    let lexicon =
        coder::syntax::lexicon::Lexicon::parse(TRIGGERS).map_err(|e| PipelineError::Resource {
            name: "triggers/curated.jsonl",
            reason: e.to_string(),
        })?;
    let coder = coder::syntax::SyntaxCoder::new(lexicon);
    Ok(match actors {
        Some(a) => coder.with_agents(a.kb().agents().map(|(k, v)| (k.join(" "), v.to_string()))),
        None => coder,
    })
}
