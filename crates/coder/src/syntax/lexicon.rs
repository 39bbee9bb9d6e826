//! The trigger lexicon: `resources/triggers/curated.jsonl` parsed into lookups by head
//! lemma and part of speech. Multiword nouns ("air strike") have their last word as
//! head, multiword verbs ("open fire", "take control") their first; the other words
//! must be among the head's dependents.

/// Pseudo-lemma of a dependent that is a town, district or province the places layer
/// resolved ("Mosul was liberated"): a `requires` entry may name it.
pub const PLACE_LEMMA: &str = "@place";

use events::plover::Category;
use serde::Deserialize;
use std::collections::HashMap;

/// Part of speech of a trigger head.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pos {
    /// A verb.
    Verb,
    /// An event noun.
    Noun,
}

#[derive(Debug, Deserialize)]
struct Frame {
    #[serde(default)]
    actor: Vec<String>,
    #[serde(default)]
    recipient: Vec<String>,
    #[serde(default)]
    symmetric: bool,
}

#[derive(Debug, Deserialize)]
struct Line {
    trigger: String,
    pos: String,
    category: String,
    mode: Option<String>,
    #[serde(default)]
    context: Vec<String>,
    frame: Option<Frame>,
    count_role: Option<String>,
    #[serde(default)]
    blocks: Vec<String>,
    #[serde(default)]
    requires: Vec<String>,
}

/// One trigger.
#[derive(Debug, Clone, PartialEq)]
pub struct Trigger {
    /// The other words that must be the head's dependents.
    pub with: Vec<String>,
    /// PLOVER category.
    pub category: Category,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// Context tags.
    pub context: Vec<String>,
    /// Frame labels of the actor side.
    pub actor: Vec<String>,
    /// Frame labels of the recipient side.
    pub recipient: Vec<String>,
    /// Two-sided: every party is an actor.
    pub symmetric: bool,
    /// Which count a number on an argument gives.
    pub count_role: Option<String>,
    /// Dependents that cancel it.
    pub blocks: Vec<String>,
    /// Dependents it needs (one of).
    pub requires: Vec<String>,
    /// Rule id ("open fire/MWE").
    pub rule: String,
}

/// Errors reading the lexicon.
#[derive(Debug, thiserror::Error)]
#[error("trigger lexicon line {line}: {message}")]
pub struct LexiconError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// The lexicon.
#[derive(Debug, Default)]
pub struct Lexicon {
    by_head: HashMap<(String, Pos), Vec<Trigger>>,
}

impl Lexicon {
    /// Parses the JSONL lexicon.
    pub fn parse(text: &str) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        for (n, raw) in text.lines().enumerate() {
            if raw.trim().is_empty() {
                continue;
            }
            let err = |message: String| LexiconError {
                line: n + 1,
                message,
            };
            let l: Line = serde_json::from_str(raw).map_err(|e| err(e.to_string()))?;
            let category: Category = l
                .category
                .parse()
                .map_err(|_| err(format!("unknown category {:?}", l.category)))?;
            let words: Vec<String> = l
                .trigger
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            let (pos, head, with) = match l.pos.as_str() {
                "VERB" | "MWE" => (
                    Pos::Verb,
                    words.first().cloned(),
                    words.get(1..).unwrap_or(&[]).to_vec(),
                ),
                "NOUN" => (
                    Pos::Noun,
                    words.last().cloned(),
                    words[..words.len().saturating_sub(1)].to_vec(),
                ),
                other => return Err(err(format!("unknown pos {other:?}"))),
            };
            let Some(head) = head else { continue };
            let frame = l.frame.unwrap_or(Frame {
                actor: vec!["nsubj".into()],
                recipient: vec!["obj".into()],
                symmetric: false,
            });
            lex.by_head.entry((head, pos)).or_default().push(Trigger {
                with,
                category,
                mode: l.mode,
                context: l.context,
                actor: frame.actor,
                recipient: frame.recipient,
                symmetric: frame.symmetric,
                count_role: l.count_role,
                blocks: l.blocks,
                requires: l.requires,
                rule: format!("{}/{}", l.trigger, l.pos),
            });
        }
        // Longest multiword first, so "take control" wins over "take".
        for v in lex.by_head.values_mut() {
            v.sort_by_key(|t| std::cmp::Reverse(t.with.len()));
        }
        Ok(lex)
    }

    /// The trigger a head lemma with these dependent lemmas fires, if any.
    pub fn find(&self, lemma: &str, pos: Pos, dependents: &[String]) -> Option<&Trigger> {
        self.by_head
            .get(&(lemma.to_string(), pos))?
            .iter()
            .find(|t| {
                t.with.iter().all(|w| dependents.contains(w))
                    && !t.blocks.iter().any(|b| dependents.contains(b))
                    && (t.requires.is_empty() || t.requires.iter().any(|r| dependents.contains(r)))
            })
    }

    /// Number of head entries.
    pub fn len(&self) -> usize {
        self.by_head.values().map(Vec::len).sum()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.by_head.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_finds() {
        let lex = Lexicon::parse(
            r#"{"trigger": "take", "pos": "VERB", "category": "AID", "mode": null}
{"trigger": "take control", "pos": "MWE", "category": "COERCE", "mode": "seize"}
{"trigger": "air strike", "pos": "NOUN", "category": "ASSAULT", "mode": "aerial"}
{"trigger": "attack", "pos": "NOUN", "category": "ASSAULT", "mode": null, "blocks": ["heart"]}"#,
        )
        .unwrap();
        let d = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            lex.find("take", Pos::Verb, &d(&["control", "they"]))
                .unwrap()
                .category,
            Category::Coerce
        );
        assert_eq!(
            lex.find("take", Pos::Verb, &d(&["it"])).unwrap().category,
            Category::Aid
        );
        assert_eq!(
            lex.find("strike", Pos::Noun, &d(&["air"]))
                .unwrap()
                .mode
                .as_deref(),
            Some("aerial")
        );
        assert!(lex.find("strike", Pos::Noun, &d(&[])).is_none());
        assert!(lex.find("attack", Pos::Noun, &d(&["heart"])).is_none());
        assert!(Lexicon::parse("{").is_err());
        assert!(Lexicon::parse(
            r#"{"trigger": "x", "pos": "VERB", "category": "NOPE", "mode": null}"#
        )
        .is_err());
    }
}
