//! Sentence splitting and tokenization with byte offsets into the original text.
//!
//! Stage: segment (first stage after ingest). Input: an [`Article`]'s text.
//! Output: its `tokens` and `sentences` layers: tokens in text order, never
//! empty, never overlapping, never holding whitespace; sentences that partition
//! the tokens in order, each spanning its first token's start to its last
//! token's end, with the index of its paragraph (blank-line separated block).
//! Every span is a byte range on char boundaries of the original text.
//! Tokenization follows PTB / UD English-EWT where sensible (punctuation and
//! clitics split, abbreviations keep their period, hyphenated names stay whole,
//! URLs are one token); sentence splitting knows abbreviations ("Mr.", "Capt.",
//! "U.S."), initials, quotes and datelines. An abbreviation that does end a
//! sentence gives its period up as a token of its own ("U.S" "."), as EWT does.
//! [`ewt`] measures both against the UD English-EWT treebank.
//! Runs in linear time on any input (one pass over the chars, a few chars of
//! look-ahead), and odd input is never an error.
//! Must not: do IO, panic, modify the text, or depend on other stage crates.

mod abbrev;
mod chars;
pub mod ewt;
mod split;
mod tokenize;

use article::{Article, Diagnostic, Sentence, Severity, Token};

/// The stage name used in diagnostics.
pub const STAGE: &str = "segment";

/// Tokens longer than this (in bytes) are reported: the text probably is not prose.
const LONG_TOKEN: usize = 2_000;

/// Sentences with more tokens than this are reported.
const LONG_SENTENCE: usize = 2_000;

/// Knobs for [`segment_text_with`]; the default is what [`segment`] uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Split hyphenated words EWT-style ("search - engine"), keeping common
    /// prefixes ("e-mail", "non-profit"), phone numbers and dates whole. Off by
    /// default: names such as "ul-Rahman" and "Mazar-i-Sharif" must stay whole.
    pub split_hyphens: bool,
}

/// Fills `article.tokens` and `article.sentences` (replacing what was there) and
/// returns diagnostics about notable input (control characters, runaway tokens
/// or sentences); it never fails.
pub fn segment(article: &mut Article) -> Vec<Diagnostic> {
    let out = split::run(&article.text, false);
    let mut diags = Vec::new();
    if out.controls > 0 {
        diags.push(Diagnostic::new(
            Severity::Info,
            STAGE,
            format!(
                "text holds {} control character(s); they were treated as spaces",
                out.controls
            ),
        ));
    }
    if out.longest_token > LONG_TOKEN {
        diags.push(Diagnostic::new(
            Severity::Info,
            STAGE,
            format!(
                "a token is {} bytes long (text without spaces?); check that the input is prose",
                out.longest_token
            ),
        ));
    }
    if out.longest_sentence > LONG_SENTENCE {
        diags.push(Diagnostic::new(
            Severity::Info,
            STAGE,
            format!(
                "a sentence has {} tokens (text without sentence punctuation?)",
                out.longest_sentence
            ),
        ));
    }
    if !article.meta.doc_id.is_empty() {
        diags = diags
            .into_iter()
            .map(|d| d.with_doc(&article.meta.doc_id))
            .collect();
    }
    article.tokens = out.tokens;
    article.sentences = out.sentences;
    diags
}

/// Tokens and sentences of `text`, as [`segment`] makes them.
pub fn segment_text(text: &str) -> (Vec<Token>, Vec<Sentence>) {
    segment_text_with(text, &Options::default())
}

/// Tokens and sentences of `text` under the given [`Options`].
pub fn segment_text_with(text: &str, options: &Options) -> (Vec<Token>, Vec<Sentence>) {
    let out = split::run(text, options.split_hyphens);
    (out.tokens, out.sentences)
}
