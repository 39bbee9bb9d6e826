//! The shared document: the original text plus stand-off layers.
//!
//! Stage: none (pure data). Every pipeline stage reads and writes an [`Article`].
//! Input: a document's text and metadata. Output: layers (sentences, tokens, …) whose
//! spans are **byte** ranges into the original text, so `&article.text[span]` is always
//! the annotated piece. Char (Unicode scalar) offsets, which the public output format
//! uses, come from [`Article::char_offset`].
//! Must not: do IO, depend on any other khabar crate.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open byte range `[start, end)` into an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// Builds a span; `start <= end` is the caller's duty.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// The range form, for slicing.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies within `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Coarse shape of a token, set by the segmenter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum TokenKind {
    /// Letters (possibly with inner hyphens, apostrophes or periods: "U.S.", "ul-Rahman").
    #[default]
    Word,
    /// Digits, possibly with separators and decimals ("1,200", "3.5").
    Number,
    /// Punctuation and symbols.
    Punct,
    /// A URL or e-mail address.
    Url,
}

/// One token of the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Where it is in the text.
    pub span: Span,
    /// Its shape.
    pub kind: TokenKind,
}

/// One sentence: a span and the token indices it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where it is in the text (first token start to last token end).
    pub span: Span,
    /// Indices into [`Article::tokens`].
    pub tokens: Range<usize>,
    /// Index of the paragraph (blank-line separated block) it belongs to.
    pub paragraph: usize,
}

/// Morphosyntax of one token (annotate layer): tags, lemma and dependency arc.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TokenAnnotation {
    /// Universal POS tag ("VERB").
    pub upos: String,
    /// Penn Treebank tag ("VBD").
    pub xpos: String,
    /// Lemma ("surrender").
    pub lemma: String,
    /// Index of the head token within the sentence (0-based), None for the root.
    pub head: Option<usize>,
    /// Universal Dependencies relation to the head ("nsubj"; "root" for the root).
    pub deprel: String,
}

/// The kind of a named-entity mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntityLabel {
    /// Person.
    Per,
    /// Organization.
    Org,
    /// Location.
    Loc,
}

impl EntityLabel {
    /// "PER", "ORG", "LOC".
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Per => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
        }
    }
}

/// A named-entity mention (annotate layer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityMention {
    /// Where it is in the text.
    pub span: Span,
    /// Indices into [`Article::tokens`].
    pub tokens: Range<usize>,
    /// Its kind.
    pub label: EntityLabel,
}

/// Units of time, singular and lowercased ("a week after…"): never a party to an event.
pub const TIME_UNITS: [&str; 14] = [
    "day",
    "week",
    "month",
    "year",
    "hour",
    "minute",
    "decade",
    "weekend",
    "night",
    "morning",
    "evening",
    "afternoon",
    "century",
    "fortnight",
];

/// Names of the weekdays, lowercased, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// News agencies named in datelines and attributions ("Kabul (AFP) –", "told Reuters"),
/// lowercased: they report events, they are no antecedent or alias of an actor.
pub const NEWS_AGENCIES: &[&str] = &[
    "reuters", "ap", "afp", "xinhua", "anadolu", "upi", "dpa", "ians", "pti", "tass", "efe",
    "ansa", "bernama", "yonhap", "kyodo", "apa", "irna", "sana", "wafa", "mena", "aa",
];

/// Titles and honorifics (lowercase, no dot) that make the capitalized words after them
/// a person's name ("Capt. Mohammad Ismail Mubarez", "Mufti Nematullah Qaweem"); shared
/// by the stages that must tell people from places and organizations.
pub const PERSON_TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "gen",
    "general",
    "lt",
    "lieutenant",
    "col",
    "colonel",
    "maj",
    "major",
    "capt",
    "captain",
    "sgt",
    "sergeant",
    "cmdr",
    "commander",
    "adm",
    "admiral",
    "brig",
    "president",
    "minister",
    "prime",
    "gov",
    "governor",
    "sen",
    "senator",
    "rep",
    "mufti",
    "maulavi",
    "mawlawi",
    "maulvi",
    "mullah",
    "mulla",
    "sheikh",
    "shaikh",
    "imam",
    "haji",
    "qari",
    "sir",
    "king",
    "queen",
    "prince",
    "judge",
    "ayatollah",
    "lord",
    "pope",
    "spokesman",
    "spokeswoman",
    "chief",
];

/// How precisely a resolved place is known (ACLED's geo_precision in spirit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A town, village or other point (populated place).
    Town,
    /// A second-level division (district, county).
    Admin2,
    /// A first-level division (province, state).
    Admin1,
    /// A whole country.
    Country,
    /// A continent or world region.
    Region,
}

impl Precision {
    /// "town", "admin2", "admin1", "country", "region".
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Town => "town",
            Precision::Admin2 => "admin2",
            Precision::Admin1 => "admin1",
            Precision::Country => "country",
            Precision::Region => "region",
        }
    }
}

/// A gazetteer place a mention resolved to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// GeoNames id (0 for curated places without one).
    pub geonameid: u32,
    /// Name as the gazetteer holds it ("Darzab").
    pub name: String,
    /// ISO 3166-1 alpha-2 country ("AF"); empty for continents.
    pub country: String,
    /// First-level division name ("Jowzjan"), when known.
    pub admin1: Option<String>,
    /// Second-level division name, when known.
    pub admin2: Option<String>,
    /// Latitude, WGS84.
    pub lat: f64,
    /// Longitude, WGS84.
    pub lon: f64,
    /// GeoNames feature code ("PPLA2", "ADM1", "PCLI", "CONT").
    pub feature_code: String,
    /// How precise the place is.
    pub precision: Precision,
}

/// What kind of place mention it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceMentionKind {
    /// A place name ("Darzab", "Jowzjan Province").
    Toponym,
    /// A nationality adjective or demonym ("Afghan", "Turkish"): country context, not an
    /// event place.
    Demonym,
}

/// A toponym or demonym in the text and the place it resolves to (resolve layer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    /// Where it is in the text.
    pub span: Span,
    /// Indices into [`Article::tokens`].
    pub tokens: Range<usize>,
    /// Toponym or demonym.
    pub kind: PlaceMentionKind,
    /// The resolved place; `None` when no gazetteer entry fits.
    pub place: Option<Place>,
}

/// What kind of actor it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A named person.
    Person,
    /// An organization, armed group, party, company, agency.
    Organization,
    /// A state or its government as a whole ("Afghanistan", "the Afghan government").
    Country,
    /// A generic group named by its role ("Afghan government forces", "protesters").
    Group,
}

/// A fact about an actor that the text states, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorFact {
    /// What kind of fact: "role", "member_of", "former_member_of", "switched_to",
    /// "relative_of", "pseudonym", "nationality".
    pub relation: String,
    /// The value: a role phrase, an organization or actor name, a country code.
    pub value: String,
    /// Where the text states it.
    pub evidence: Span,
}

/// An actor of one document: a knowledge-base entity or a new one the text introduces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Knowledge-base id ("iskp", "phoenix:AFGGOV") or `None` for an actor new to the KB.
    pub kb_id: Option<String>,
    /// Canonical name.
    pub name: String,
    /// Person, organization, country or group.
    pub kind: ActorKind,
    /// ISO 3166-1 alpha-3 country, when known.
    pub country: Option<String>,
    /// CAMEO-style sector (GOV, MIL, COP, INS, REB, …), when known.
    pub sector: Option<String>,
    /// Other names the text uses for it.
    pub aliases: Vec<String>,
    /// Roles, affiliations and relations the text states.
    pub facts: Vec<ActorFact>,
}

/// One mention of an actor (resolve layer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorMention {
    /// Where it is in the text.
    pub span: Span,
    /// Indices into [`Article::tokens`].
    pub tokens: Range<usize>,
    /// Index into [`Article::actors`].
    pub actor: usize,
    /// How it was recognized: "name", "alias", "short-form", "title", "entity",
    /// "agent", "anaphor".
    pub how: String,
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; output is complete.
    Info,
    /// Something was odd and was worked around (e.g. lossy decoding).
    Warning,
    /// Something could not be processed.
    Error,
}

/// A note about odd input or a stage's trouble; stages return these instead of failing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Which stage or reader produced it ("segment", "ingest", …).
    pub stage: String,
    /// What was wrong and, where useful, what to do.
    pub message: String,
    /// The document it concerns, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_id: Option<String>,
}

impl Diagnostic {
    /// A diagnostic of the given severity.
    pub fn new(severity: Severity, stage: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            stage: stage.to_string(),
            message: message.into(),
            doc_id: None,
        }
    }

    /// Attaches the document id.
    pub fn with_doc(mut self, doc_id: &str) -> Self {
        self.doc_id = Some(doc_id.to_string());
        self
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        match &self.doc_id {
            Some(id) => write!(f, "{sev}: [{}] {id}: {}", self.stage, self.message),
            None => write!(f, "{sev}: [{}] {}", self.stage, self.message),
        }
    }
}

/// Document metadata as read from the input (FORMAT.md "Document").
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Meta {
    /// Unique id.
    pub doc_id: String,
    /// Outlet.
    pub source: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Headline.
    pub title: Option<String>,
}

/// The shared document: metadata, original text, and the layers stages add.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Article {
    /// Metadata.
    pub meta: Meta,
    /// The original body text; never modified after construction.
    pub text: String,
    /// Tokens in text order (segment layer).
    pub tokens: Vec<Token>,
    /// Sentences in text order (segment layer).
    pub sentences: Vec<Sentence>,
    /// One entry per token, parallel to `tokens` (annotate layer; empty until annotated).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<TokenAnnotation>,
    /// Named-entity mentions in text order (annotate layer).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<EntityMention>,
    /// Toponym and demonym mentions in text order, resolved to places (resolve layer).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<PlaceMention>,
    /// Actors of the document (resolve layer).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    /// Mentions of those actors in text order (resolve layer).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actor_mentions: Vec<ActorMention>,
}

impl Article {
    /// A new article with no layers.
    pub fn new(meta: Meta, text: String) -> Self {
        Article {
            meta,
            text,
            tokens: Vec::new(),
            sentences: Vec::new(),
            annotations: Vec::new(),
            entities: Vec::new(),
            places: Vec::new(),
            actors: Vec::new(),
            actor_mentions: Vec::new(),
        }
    }

    /// The text under a span (empty if the span is out of range or not on char boundaries).
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// The text of token `i` (empty when out of range).
    pub fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| self.slice(t.span))
    }

    /// The tokens of a sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        self.tokens.get(sentence.tokens.clone()).unwrap_or(&[])
    }

    /// Converts a byte offset to a char (Unicode scalar value) offset, as Python counts.
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let mut b = byte;
        while b > 0 && !self.text.is_char_boundary(b) {
            b -= 1;
        }
        self.text[..b].chars().count()
    }

    /// A reusable byte→char offset converter for many lookups.
    pub fn char_index(&self) -> CharIndex {
        CharIndex::new(&self.text)
    }
}

/// Converts byte offsets of one text into char offsets in O(log n).
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offsets of every non-ASCII char start (sorted), with the char offset it has.
    marks: Vec<(usize, usize)>,
    len: usize,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut marks = Vec::new();
        let mut extra = 0usize; // bytes beyond one per char so far
        for (b, ch) in text.char_indices() {
            let w = ch.len_utf8();
            if w > 1 {
                extra += w - 1;
                marks.push((b + w, b + w - extra));
            }
        }
        CharIndex {
            marks,
            len: text.len(),
        }
    }

    /// The char offset of a byte offset (which should be a char boundary).
    pub fn char_of(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        match self.marks.partition_point(|&(b, _)| b <= byte) {
            0 => byte,
            i => {
                let (b, c) = self.marks[i - 1];
                c + (byte - b)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_matches_naive_count() {
        let text = "a“b”é — x😀y";
        let idx = CharIndex::new(text);
        for (b, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            assert_eq!(idx.char_of(b), text[..b].chars().count(), "byte {b}");
        }
        let art = Article::new(Meta::default(), text.to_string());
        assert_eq!(art.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn span_relations() {
        let a = Span::new(0, 5);
        let b = Span::new(4, 8);
        assert!(a.overlaps(&b));
        assert!(!a.contains(&b));
        assert!(Span::new(0, 10).contains(&b));
        assert!(!Span::new(5, 6).overlaps(&a));
    }
}
