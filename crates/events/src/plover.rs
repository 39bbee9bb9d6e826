//! PLOVER 0.8 categories, quads and scores (from `../shared/ontology/plover.json`,
//! Open Event Data Alliance, CC BY-SA 4.0).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The four PLOVER quads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quad {
    /// AGREE, CONSULT, SUPPORT, CONCEDE.
    VerbalCooperation,
    /// COOPERATE, AID, RETREAT.
    MaterialCooperation,
    /// REQUEST, ACCUSE, REJECT, THREATEN.
    VerbalConflict,
    /// PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT.
    MaterialConflict,
}

macro_rules! categories {
    ($($variant:ident => $name:literal, $quad:ident, $score:expr, [$($mode:literal => $mscore:expr),*];)*) => {
        /// The 16 PLOVER event categories.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "UPPERCASE")]
        pub enum Category { $(#[doc = $name] $variant,)* }

        impl Category {
            /// All categories in PLOVER order.
            pub const ALL: [Category; 16] = [$(Category::$variant,)*];

            /// Upper-case name ("ASSAULT").
            pub fn as_str(self) -> &'static str {
                match self { $(Category::$variant => $name,)* }
            }

            /// The category's quad.
            pub fn quad(self) -> Quad {
                match self { $(Category::$variant => Quad::$quad,)* }
            }

            /// The category's PLOVER score.
            pub fn score(self) -> f64 {
                match self { $(Category::$variant => $score as f64,)* }
            }

            /// The modes PLOVER defines for this category with their scores (None: unscored).
            pub fn modes(self) -> &'static [(&'static str, Option<f64>)] {
                match self { $(Category::$variant => &[$(($mode, $mscore),)*],)* }
            }
        }
    };
}

categories! {
    Agree => "AGREE", VerbalCooperation, 2.5, [];
    Consult => "CONSULT", VerbalCooperation, 2.5, ["visit" => Some(4.0), "third-party" => Some(1.0), "multilateral" => Some(4.0), "phone" => Some(1.5)];
    Support => "SUPPORT", VerbalCooperation, 5, [];
    Concede => "CONCEDE", VerbalCooperation, 4.5, [];
    Cooperate => "COOPERATE", MaterialCooperation, 9.5, [];
    Aid => "AID", MaterialCooperation, 10, [];
    Retreat => "RETREAT", MaterialCooperation, 6.5, ["withdraw" => Some(8.0), "release" => Some(6.5), "disarm" => Some(10.0), "ceasefire" => Some(7.5), "access" => Some(6.5), "resign" => Some(4.5)];
    Request => "REQUEST", VerbalConflict, 0, ["assist" => Some(0.5), "change" => Some(-1.0), "yield" => Some(-1.0), "meet" => Some(0.0)];
    Accuse => "ACCUSE", VerbalConflict, -2, ["disapprove" => Some(-2.0), "investigate" => Some(-3.5), "allege" => Some(-3.5)];
    Reject => "REJECT", VerbalConflict, -2, ["assist" => Some(-1.5), "change" => Some(-2.0), "yield" => Some(-2.0), "meet" => Some(-2.0)];
    Threaten => "THREATEN", VerbalConflict, -3.5, ["restrict" => Some(-3.0), "arrest" => Some(-3.5), "relations" => Some(-3.5), "expel" => Some(-3.5), "territory" => Some(-4.0), "violence" => Some(-3.5)];
    Protest => "PROTEST", MaterialConflict, -5, ["demo" => Some(-5.0), "riot" => Some(-7.0), "strike" => Some(-5.0), "hunger" => Some(-4.5), "boycott" => Some(-4.5), "obstruct" => Some(-4.5), "vandalize" => None];
    Sanction => "SANCTION", MaterialConflict, -6, ["convict" => Some(-6.0), "expel" => Some(-5.5), "withdraw" => Some(-6.0), "discontinue" => Some(-6.0)];
    Mobilize => "MOBILIZE", MaterialConflict, -5.5, ["troops" => Some(-6.5), "weapons" => Some(-6.5), "police" => Some(-5.5), "militia" => Some(-6.0)];
    Coerce => "COERCE", MaterialConflict, -7, ["seize" => Some(-7.0), "restrict" => Some(-7.0), "censor" => Some(-6.5), "curfew" => Some(-6.5), "martial-law" => Some(-7.5), "arrest" => Some(-7.0), "deport" => Some(-7.0), "withhold" => Some(-7.0), "misinformation" => Some(-6.5), "cyber" => Some(-7.0)];
    Assault => "ASSAULT", MaterialConflict, -9, ["abduct" => Some(-8.5), "beat" => Some(-7.5), "torture" => Some(-8.5), "sexual" => Some(-8.5), "targeted" => Some(-9.5), "destroy" => Some(-8.5), "primitive" => Some(-8.0), "firearms" => Some(-9.0), "explosives" => Some(-9.0), "suicide-attack" => Some(-9.5), "aerial" => Some(-9.5), "drone" => Some(-9.5), "heavy-weapons" => Some(-9.5), "crowd-control" => Some(-7.5), "unconventional" => Some(-10.0)];
}

impl Category {
    /// The event score: the mode's score where PLOVER gives one, else the category's.
    pub fn score_with_mode(self, mode: Option<&str>) -> f64 {
        mode.and_then(|m| self.modes().iter().find(|(name, _)| *name == m))
            .and_then(|(_, s)| *s)
            .unwrap_or_else(|| self.score())
    }

    /// True when `mode` is one PLOVER lists for this category.
    pub fn has_mode(self, mode: &str) -> bool {
        self.modes().iter().any(|(name, _)| *name == mode)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error for an unknown category name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown PLOVER category {0:?} (expected one of AGREE … ASSAULT)")]
pub struct UnknownCategory(pub String);

impl FromStr for Category {
    type Err = UnknownCategory;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let up = s.trim().to_ascii_uppercase();
        Category::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == up)
            .ok_or(UnknownCategory(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_scores() {
        for c in Category::ALL {
            assert_eq!(c.as_str().parse::<Category>().unwrap(), c);
        }
        assert!("DEMAND".parse::<Category>().is_err());
        assert_eq!(Category::Assault.score_with_mode(Some("aerial")), -9.5);
        assert_eq!(Category::Assault.score_with_mode(None), -9.0);
        assert_eq!(Category::Protest.score_with_mode(Some("vandalize")), -5.0);
        assert_eq!(Category::Retreat.quad(), Quad::MaterialCooperation);
    }
}
