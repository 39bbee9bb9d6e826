//! Stage `code`: events from segmented (later: annotated) articles.
//!
//! Input: an [`Article`] with the segment layer (sentences, tokens). Output: [`Coded`],
//! the events with evidence spans plus diagnostics. Each coder is selectable by name;
//! today there is the PETRARCH-class dictionary baseline ([`dictionary`]).
//! Must not: do IO (resources arrive as parsed data), reach into other stages' internals.

pub mod actor_link;
pub mod date;
pub mod dictionary;
pub mod draft;
pub mod explain;
pub mod location;
pub mod syntax;

use article::{Article, Diagnostic};
use events::Event;

pub use draft::EventDraft;

/// What a coder returns for one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coded {
    /// Events in text order.
    pub events: Vec<Event>,
    /// Notes about sentences or documents that were skipped or odd.
    pub diagnostics: Vec<Diagnostic>,
    /// Each trigger considered and what became of it (coders that explain).
    pub notes: Vec<explain::Note>,
}

/// An event coder.
pub trait Coder: Send + Sync {
    /// Short name used on the command line (`--coder NAME`).
    fn name(&self) -> &'static str;

    /// Codes one segmented article.
    fn code(&self, article: &Article) -> Coded;
}
