//! The compiled dictionary resource: what `khabar train dictionary` writes and the
//! dictionary coder reads. Plain serde data, versioned; phrases are stored as token
//! sequences already normalized with [`norm_token`], so matching is exact lookup.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the resource format; bump on any incompatible change.
pub const RESOURCE_VERSION: &str = "khabar.dictionary/1";

/// A phrase: normalized tokens that must appear consecutively.
pub type Phrase = Vec<String>;

/// Normalizes one token for dictionary matching: lower case, curly apostrophes straight.
pub fn norm_token(token: &str) -> String {
    token
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '`' | '\u{b4}' => '\'',
            _ => c,
        })
        .collect()
}

/// The compiled Phoenix / PETRARCH dictionaries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dictionaries {
    /// [`RESOURCE_VERSION`].
    pub version: String,
    /// Where it was built from (file names and their BLAKE3 hashes).
    pub provenance: Vec<String>,
    /// Verb blocks of the CAMEO verb dictionary.
    pub verbs: Vec<VerbBlock>,
    /// Named actors (countries, persons, organizations, armed groups).
    pub actors: Vec<ActorEntry>,
    /// Generic agent nouns ("police", "government forces").
    pub agents: Vec<AgentEntry>,
    /// Phrases that make a sentence be skipped.
    pub sentence_discards: Vec<Phrase>,
    /// Phrases that make a whole document be skipped.
    pub story_discards: Vec<Phrase>,
    /// CAMEO code → PLOVER category, mode, context.
    pub cameo: BTreeMap<String, PloverCode>,
}

/// One PLOVER coding of a CAMEO code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PloverCode {
    /// Category name, upper case.
    pub category: String,
    /// Mode, when PLOVER defines it for the category.
    pub mode: Option<String>,
    /// Context tags.
    pub context: Vec<String>,
}

/// A `--- VERB [code] ---` block: verb forms sharing one pattern list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VerbBlock {
    /// The block's head verb, as written ("ATTACK").
    pub name: String,
    /// The block's default CAMEO code (None: `---`, no event by default).
    pub code: Option<String>,
    /// Every surface form of every verb of the block.
    pub forms: Vec<VerbForm>,
    /// Patterns, in dictionary order.
    pub patterns: Vec<Pattern>,
}

/// One surface form of a verb ("attacked", "shut down").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VerbForm {
    /// Normalized tokens.
    pub words: Phrase,
    /// A code given to this verb itself, overriding the block default.
    pub code: Option<String>,
}

/// A verb pattern: elements before and after the verb, and the code it yields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pattern {
    /// Elements that must appear before the verb, in order.
    pub pre: Vec<Element>,
    /// Elements that must appear after the verb, in order.
    pub post: Vec<Element>,
    /// CAMEO code (None: `---`, the pattern blocks coding).
    pub code: Option<String>,
    /// The pattern line as written, for the `rule` field.
    pub source: String,
}

/// One pattern element: any of these phrases.
pub type Element = Vec<Phrase>;

/// A named actor with its aliases and date-bounded codes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorEntry {
    /// Canonical display name ("United States Of America").
    pub name: String,
    /// Phrases that name it (primary first).
    pub phrases: Vec<Phrase>,
    /// CAMEO actor codes with validity ranges.
    pub roles: Vec<Role>,
}

/// A CAMEO actor code valid between two dates (`YYYYMMDD`, inclusive; None: open).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// CAMEO actor code ("AFGGOV").
    pub code: String,
    /// First valid day.
    pub from: Option<u32>,
    /// Last valid day.
    pub to: Option<u32>,
}

/// A generic agent noun and its code (`~` codes attach to a nearby country).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgentEntry {
    /// Phrases (singular and plural forms).
    pub phrases: Vec<Phrase>,
    /// Code without the `~` ("COP", "GOVMIL").
    pub code: String,
}

impl Dictionaries {
    /// Serializes to JSON bytes (the CLI compresses them with zstd).
    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Reads JSON bytes written by [`Dictionaries::to_json`].
    pub fn from_json(bytes: &[u8]) -> Result<Self, serde_json::Error> {
        serde_json::from_slice(bytes)
    }
}
