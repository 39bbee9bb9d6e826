//! API boundary: the versioned event output schema and the scorer behind `khabar eval`.
//!
//! Stage: output. Input: what the coder decided. Output: [`Event`] records that serialize
//! to the JSON of `../shared/gold/FORMAT.md` ("What the engine must emit") plus khabar's
//! extras (event id, schema version, trigger, rule, confidence, flags, provenance).
//! Must not: do IO (the scorer takes strings, not paths).

pub mod plover;
pub mod score;

use serde::{Deserialize, Serialize};

pub use plover::{Category, Quad};

/// Version of the event JSON schema; bump on any incompatible change.
pub const SCHEMA_VERSION: &str = "khabar.event/1";

/// One participant of an event (actor or recipient side).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ActorRef {
    /// Canonical name.
    pub name: String,
    /// Surface form as it appears in the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// ISO 3166-1 alpha-3 country, when known.
    pub country: Option<String>,
    /// Sector / agent code (GOV, MIL, INS, …).
    pub agent: Option<String>,
    /// The dictionary code the actor came from (e.g. CAMEO `AFGGOV`), when any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Other names the document uses for the same actor (in-document coreference).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Where the surface form is, in char offsets into the document text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<TextSpan>,
}

/// Where an event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct PlaceRef {
    /// Place name as a gazetteer holds it.
    pub name: String,
    /// ISO 3166-1 alpha-2 country.
    pub country: Option<String>,
    /// First-level division.
    #[serde(default)]
    pub admin1: Option<String>,
    /// Latitude, WGS84.
    pub lat: Option<f64>,
    /// Longitude, WGS84.
    pub lon: Option<f64>,
    /// GeoNames id.
    #[serde(default)]
    pub geonameid: Option<i64>,
    /// country / admin1 / admin2 / town.
    #[serde(default)]
    pub precision: Option<String>,
    /// How the text ties the place to the event: `sentence` (the event's own
    /// sentence), `paragraph` (an earlier sentence of its paragraph), `jurisdiction`
    /// (only an official's title names it: "the police chief of X"), `story` (the
    /// place the document is about), `dateline`, or `event` (taken from another
    /// telling of the same kind of act that names a finer place).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
}

/// A piece of the document text, in **char** offsets (as Python counts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TextSpan {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The text itself.
    pub text: String,
}

/// One coded event: who did what to whom, where, when, how many, and the evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Schema version, [`SCHEMA_VERSION`].
    pub schema_version: String,
    /// Stable content hash of the event (document, sentence, trigger, type, actors).
    pub event_id: String,
    /// Document id.
    pub doc_id: String,
    /// PLOVER category, upper case.
    pub event_type: Category,
    /// PLOVER mode, lower case.
    pub mode: Option<String>,
    /// PLOVER quad of the category.
    pub quad: Quad,
    /// PLOVER score of the category (Goldstein-like).
    pub score: f64,
    /// PLOVER context tags.
    pub context: Vec<String>,
    /// Who did it.
    pub actor: Vec<ActorRef>,
    /// To whom.
    pub recipient: Vec<ActorRef>,
    /// Where.
    pub location: Option<PlaceRef>,
    /// When: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: Option<String>,
    /// Killed.
    pub dead: Option<u64>,
    /// Wounded.
    pub injured: Option<u64>,
    /// People involved.
    pub size: Option<u64>,
    /// The sentence that states the event (main evidence).
    pub sentence: TextSpan,
    /// Further sentences stating the same event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<TextSpan>,
    /// The words that triggered the event.
    pub trigger: TextSpan,
    /// Which rule or dictionary pattern fired.
    pub rule: String,
    /// The coder's confidence in [0, 1].
    pub confidence: f64,
    /// The text negates the event.
    pub negated: bool,
    /// The event is only hypothetical (conditional, question, possibility).
    pub hypothetical: bool,
    /// The event is announced for the future.
    pub future: bool,
    /// The date comes from the story around the event (a nearby sentence, the lead,
    /// the publication day), not from the event's own clause; a retelling that states
    /// the date outranks it. Internal to consolidation, not written out.
    #[serde(skip)]
    pub date_implied: bool,
    /// Outlet of the document.
    pub source: Option<String>,
    /// URL of the document.
    pub url: Option<String>,
    /// Publication date of the document.
    pub published: Option<String>,
}

impl Event {
    /// Computes the stable content hash from the fields that identify the event.
    pub fn compute_id(&self) -> String {
        let mut h = blake3::Hasher::new();
        let mut put = |s: &str| {
            h.update(s.as_bytes());
            h.update(&[0]);
        };
        put(&self.doc_id);
        put(self.event_type.as_str());
        put(self.mode.as_deref().unwrap_or(""));
        put(&self.sentence.start.to_string());
        put(&self.trigger.start.to_string());
        put(&self.trigger.end.to_string());
        for a in &self.actor {
            put(&a.name);
        }
        put("|");
        for a in &self.recipient {
            put(&a.name);
        }
        let hex = h.finalize().to_hex();
        hex[..16].to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Event {
        Event {
            schema_version: SCHEMA_VERSION.into(),
            event_id: String::new(),
            doc_id: "d1".into(),
            event_type: Category::Assault,
            mode: Some("aerial".into()),
            quad: Category::Assault.quad(),
            score: Category::Assault.score(),
            context: vec![],
            actor: vec![ActorRef {
                name: "United States".into(),
                country: Some("USA".into()),
                ..Default::default()
            }],
            recipient: vec![],
            location: None,
            date: None,
            dead: None,
            injured: None,
            size: None,
            sentence: TextSpan {
                start: 0,
                end: 10,
                text: "0123456789".into(),
            },
            evidence: vec![],
            trigger: TextSpan::default(),
            rule: "test".into(),
            confidence: 0.5,
            negated: false,
            hypothetical: false,
            future: false,
            date_implied: false,
            source: None,
            url: None,
            published: None,
        }
    }

    #[test]
    fn event_id_is_stable_and_content_sensitive() {
        let a = sample();
        let mut b = sample();
        assert_eq!(a.compute_id(), b.compute_id());
        b.event_type = Category::Coerce;
        assert_ne!(a.compute_id(), b.compute_id());
        assert_eq!(a.compute_id().len(), 16);
    }

    #[test]
    fn event_serializes_with_required_fields() {
        let v = serde_json::to_value(sample()).unwrap();
        for key in [
            "doc_id",
            "event_type",
            "mode",
            "actor",
            "recipient",
            "location",
            "date",
            "dead",
            "injured",
            "size",
            "sentence",
            "schema_version",
            "event_id",
            "quad",
            "score",
            "context",
            "trigger",
            "rule",
            "confidence",
            "negated",
            "hypothetical",
            "future",
            "source",
            "url",
            "published",
        ] {
            assert!(v.get(key).is_some(), "missing {key}");
        }
        assert_eq!(v["event_type"], "ASSAULT");
        assert_eq!(v["quad"], "material_conflict");
        let back: Event = serde_json::from_value(v).unwrap();
        assert_eq!(back, sample());
    }
}
