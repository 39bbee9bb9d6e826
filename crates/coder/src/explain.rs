//! Why a trigger did or did not become an event: one [`Note`] per trigger word the
//! coder looked at, for `khabar explain`.

use article::Span;
use events::Category;

/// What the coder decided about one trigger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// An event draft was made (it may later merge with others of the same event).
    Coded,
    /// Not coded, and why ("negated", "no actor or recipient", …).
    Skipped(&'static str),
}

/// One trigger the coder considered.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// Index of the sentence in [`article::Article::sentences`].
    pub sentence: usize,
    /// The trigger word.
    pub trigger: Span,
    /// The lexicon entry's rule id ("kill/VERB").
    pub rule: String,
    /// The entry's category.
    pub category: Category,
    /// The decision.
    pub verdict: Verdict,
}
