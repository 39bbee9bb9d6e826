//! API boundary: `Config` → [`Pipeline`]; `run(Article)` → events and diagnostics.
//!
//! Stage: orchestration. Input: an [`Article`] with metadata and text (from `ingest` or
//! built by hand). Output: [`Output`], the annotated article, its events and every
//! stage's diagnostics. Loads the embedded resources (no files at run time) and orders
//! the stages: segment → annotate (tags, lemmas, dependencies, entities) → places
//! (toponyms resolved to gazetteer entries) → code. The actors stage will join resolve.
//! Must not: do IO (resources are `include_bytes!`), print, or panic on odd text.

pub mod resources;

use annotate::Annotator;
use article::{Article, Diagnostic};
use coder::{dictionary::DictionaryCoder, Coder};
use events::Event;
use std::str::FromStr;

/// Which coder turns sentences into events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CoderKind {
    /// The PETRARCH-class dictionary baseline.
    Dictionary,
    /// Trigger lexicon + dependency roles + actors layer (the default).
    #[default]
    Syntax,
}

impl CoderKind {
    /// Every coder, by command-line name.
    pub const ALL: [(&'static str, CoderKind); 2] = [
        ("dictionary", CoderKind::Dictionary),
        ("syntax", CoderKind::Syntax),
    ];
}

impl FromStr for CoderKind {
    type Err = PipelineError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CoderKind::ALL
            .iter()
            .find(|(name, _)| *name == s)
            .map(|(_, k)| *k)
            .ok_or_else(|| PipelineError::UnknownCoder(s.to_string()))
    }
}

/// Pipeline settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The coder to use.
    pub coder: CoderKind,
    /// Run the NLP models (tagger, parser, entity recognizer); off = segment and code only.
    pub annotate: bool,
    /// Find and resolve place names (gazetteer).
    pub places: bool,
    /// Find actors, resolve them to the knowledge base, link their mentions.
    pub actors: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            coder: CoderKind::default(),
            annotate: true,
            places: true,
            actors: true,
        }
    }
}

/// Why a pipeline could not be built.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// An embedded resource is corrupt (a build problem, not an input problem).
    #[error(
        "embedded resource {name} is unreadable: {reason}; rebuild it (see README, `khabar train`)"
    )]
    Resource {
        /// Which resource.
        name: &'static str,
        /// What went wrong.
        reason: String,
    },
    /// `--coder` named no known coder.
    #[error("unknown coder {0:?}; known coders: dictionary, syntax")]
    UnknownCoder(String),
}

/// What the pipeline produced for one article.
#[derive(Debug, Clone)]
pub struct Output {
    /// The article with all layers the stages added.
    pub article: Article,
    /// Events in text order.
    pub events: Vec<Event>,
    /// Diagnostics of every stage.
    pub diagnostics: Vec<Diagnostic>,
    /// Each trigger the coder considered and what became of it (`khabar explain`).
    pub notes: Vec<coder::explain::Note>,
}

/// The configured pipeline; cheap to share across threads (`&Pipeline` is `Sync`).
pub struct Pipeline {
    annotator: Option<Annotator>,
    places: Option<places::Places>,
    actors: Option<actors::Actors>,
    coder: Box<dyn Coder>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("coder", &self.coder.name())
            .finish()
    }
}

impl Pipeline {
    /// Builds the pipeline, loading the embedded resources it needs.
    pub fn new(config: &Config) -> Result<Self, PipelineError> {
        // Three loads side by side: the gazetteer, the dictionaries + actor KB + coder,
        // and the NLP models (each ~0.2–0.4 s).
        type Coding = (Option<actors::Actors>, Box<dyn Coder>);
        let coding = || -> Result<Coding, PipelineError> {
            let dictionaries = resources::dictionaries()?;
            let actors = if config.actors {
                Some(resources::actors(&dictionaries)?)
            } else {
                None
            };
            let coder: Box<dyn Coder> = match config.coder {
                CoderKind::Dictionary => Box::new(DictionaryCoder::new(dictionaries)),
                CoderKind::Syntax => Box::new(resources::syntax_coder(actors.as_ref())?),
            };
            Ok((actors, coder))
        };
        let panicked = |name: &'static str| PipelineError::Resource {
            name,
            reason: "the loading thread panicked".into(),
        };
        let (annotator, places, coding) = std::thread::scope(|scope| {
            let places = scope.spawn(|| config.places.then(resources::places).transpose());
            let coding = scope.spawn(coding);
            let annotator = config.annotate.then(resources::annotator).transpose();
            let places = places
                .join()
                .unwrap_or_else(|_| Err(panicked("gazetteer/gazetteer.bin.zst")));
            let coding = coding
                .join()
                .unwrap_or_else(|_| Err(panicked("dictionary/phoenix.json.zst")));
            (annotator, places, coding)
        });
        let (actors, coder) = coding?;
        let (annotator, places) = (annotator?, places?);
        Ok(Pipeline {
            annotator,
            places,
            actors,
            coder,
        })
    }

    /// Replaces the places stage (e.g. with a gazetteer built elsewhere).
    pub fn set_places(&mut self, places: Option<places::Places>) {
        self.places = places;
    }

    /// The NLP models, when loaded.
    pub fn annotator(&self) -> Option<&Annotator> {
        self.annotator.as_ref()
    }

    /// IOB2 entity tags of one pre-tokenized sentence, when an entity model is loaded.
    pub fn entity_tags(&self, words: &[&str]) -> Option<Vec<String>> {
        self.annotator.as_ref().and_then(|a| a.entity_tags(words))
    }

    /// The coder's name.
    pub fn coder_name(&self) -> &'static str {
        self.coder.name()
    }

    /// Runs every stage on one article.
    pub fn run(&self, mut article: Article) -> Output {
        let mut diagnostics = segment::segment(&mut article);
        if let Some(a) = &self.annotator {
            diagnostics.extend(a.annotate(&mut article));
        }
        if let Some(p) = &self.places {
            p.annotate(&mut article);
        }
        if let Some(a) = &self.actors {
            a.annotate(&mut article);
        }
        let coded = self.coder.code(&article);
        diagnostics.extend(coded.diagnostics);
        for d in &mut diagnostics {
            if d.doc_id.is_none() {
                d.doc_id = Some(article.meta.doc_id.clone());
            }
        }
        Output {
            article,
            events: coded.events,
            diagnostics,
            notes: coded.notes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use article::Meta;

    #[test]
    fn coder_names_parse() {
        assert_eq!(
            "dictionary".parse::<CoderKind>().unwrap(),
            CoderKind::Dictionary
        );
        assert!("nope".parse::<CoderKind>().is_err());
    }

    #[test]
    fn runs_end_to_end_and_spans_are_valid() {
        let p = Pipeline::new(&Config::default()).unwrap();
        let text = "Afghan forces attacked Taliban positions in Kunduz on Monday. \
                    The Taliban said they surrendered to the government.";
        let out = p.run(Article::new(
            Meta {
                doc_id: "x".into(),
                ..Default::default()
            },
            text.to_string(),
        ));
        assert!(!out.article.sentences.is_empty());
        assert_eq!(out.article.annotations.len(), out.article.tokens.len());
        let attacked = out
            .article
            .tokens
            .iter()
            .position(|t| &text[t.span.range()] == "attacked")
            .unwrap();
        assert_eq!(out.article.annotations[attacked].upos, "VERB");
        assert_eq!(out.article.annotations[attacked].lemma, "attack");
        assert!(out
            .article
            .entities
            .iter()
            .any(|e| &text[e.span.range()] == "Kunduz"));
        assert!(!out.events.is_empty());
        for e in &out.events {
            let chars: Vec<char> = text.chars().collect();
            let s: String = chars[e.sentence.start..e.sentence.end].iter().collect();
            assert_eq!(s, e.sentence.text);
            let t: String = chars[e.trigger.start..e.trigger.end].iter().collect();
            assert_eq!(t, e.trigger.text);
        }
    }

    #[test]
    fn odd_text_is_not_an_error() {
        let p = Pipeline::new(&Config::default()).unwrap();
        for text in [
            "",
            "\u{0}\u{1}\u{2}",
            "....!!!???",
            "“”’",
            &"word ".repeat(10_000),
        ] {
            let out = p.run(Article::new(Meta::default(), text.to_string()));
            assert!(out.events.len() <= text.len());
        }
    }
}
