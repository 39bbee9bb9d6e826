//! The annotate stage as the pipeline sees it: tagger → lemmatizer → parser (→ entity
//! recognizer when a model is given) over every sentence of a segmented article.
//!
//! Input: an [`Article`] with tokens and sentences. Output: `Article::annotations`
//! (one [`TokenAnnotation`] per token, heads as 0-based indices within the sentence) and
//! `Article::entities`. Odd text is not an error: very long "sentences" (text without
//! punctuation) are tagged but parsed in windows, so the stage stays linear.
//! Must not: do IO; reach into the segmenter.

use crate::ner::Recognizer;
use crate::parse::Parser;
use crate::repair::repair_tree;
use crate::tag::Tagger;
use article::{Article, Diagnostic, EntityLabel, EntityMention, Severity, Span, TokenAnnotation};

/// Sentences longer than this are parsed in consecutive windows of this many tokens.
pub const MAX_PARSE_TOKENS: usize = 250;

/// The loaded models.
#[derive(Debug, Clone)]
pub struct Annotator {
    tagger: Tagger,
    parser: Option<Parser>,
    recognizer: Option<Recognizer>,
}

impl Annotator {
    /// An annotator with a tagger and, optionally, a parser and an entity recognizer.
    pub fn new(tagger: Tagger, parser: Option<Parser>, recognizer: Option<Recognizer>) -> Self {
        Annotator {
            tagger,
            parser,
            recognizer,
        }
    }

    /// IOB2 entity tags of one sentence of words, when a recognizer is loaded.
    pub fn entity_tags(&self, words: &[&str]) -> Option<Vec<String>> {
        self.recognizer.as_ref().map(|r| r.recognize(words))
    }

    /// The tagger.
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    /// The parser, when loaded.
    pub fn parser(&self) -> Option<&Parser> {
        self.parser.as_ref()
    }

    /// Annotates one sentence of words: (upos, xpos, lemma, head (0-based, None = root), deprel).
    pub fn annotate_words(&self, words: &[&str]) -> Vec<TokenAnnotation> {
        self.annotate_sentence(words).0
    }

    /// Annotates one sentence of words and finds its entities (token ranges); the tree
    /// is repaired where the entities or time words show the parser wrong.
    pub fn annotate_sentence(
        &self,
        words: &[&str],
    ) -> (Vec<TokenAnnotation>, Vec<(usize, usize, EntityLabel)>) {
        let mut out = self.parse_words(words);
        let entities = self
            .recognizer
            .as_ref()
            .map(|r| r.entities(words))
            .unwrap_or_default();
        let ranges: Vec<(usize, usize)> = entities.iter().map(|&(s, e, _)| (s, e)).collect();
        repair_tree(words, &mut out, &ranges);
        (out, entities)
    }

    /// Tags, lemmatizes and parses one sentence of words, without repairs.
    fn parse_words(&self, words: &[&str]) -> Vec<TokenAnnotation> {
        let tagged = self.tagger.tag_and_lemmatize(words);
        let mut out: Vec<TokenAnnotation> = tagged
            .iter()
            .map(|(t, lemma)| TokenAnnotation {
                upos: t.upos.to_string(),
                xpos: t.xpos.to_string(),
                lemma: lemma.clone(),
                head: None,
                deprel: String::new(),
            })
            .collect();
        if let Some(parser) = &self.parser {
            let upos: Vec<&str> = tagged.iter().map(|(t, _)| t.upos).collect();
            let xpos: Vec<&str> = tagged.iter().map(|(t, _)| t.xpos).collect();
            // A dateline ("Bogota (AFP) –", "KABUL, Afghanistan —") is not part of the
            // sentence's syntax: parse what follows it and hang the dateline on its root.
            let dateline = dateline_end(words, &upos);
            let mut start = dateline.map_or(0, |d| d + 1);
            if let Some(d) = dateline {
                for a in out.iter_mut().take(d + 1) {
                    a.deprel = "dep".into();
                }
            }
            let first = start;
            while start < words.len() {
                let end = (start + MAX_PARSE_TOKENS).min(words.len());
                let arcs = parser.parse(&words[start..end], &upos[start..end], &xpos[start..end]);
                for (k, (head, rel)) in arcs.into_iter().enumerate() {
                    if let Some(a) = out.get_mut(start + k) {
                        a.head = (head > 0).then(|| start + head - 1);
                        a.deprel = rel;
                    }
                }
                start = end;
            }
            if first > 0 {
                let root = (first..out.len()).find(|&i| out[i].head.is_none());
                for (i, a) in out.iter_mut().enumerate().take(first) {
                    a.head = root;
                    if upos[i] == "PUNCT" {
                        a.deprel = "punct".into();
                    }
                }
            }
        }
        out
    }

    /// Annotates every sentence of the article (replacing earlier annotate layers).
    pub fn annotate(&self, article: &mut Article) -> Vec<Diagnostic> {
        let mut diagnostics = Vec::new();
        let mut annotations = vec![TokenAnnotation::default(); article.tokens.len()];
        let mut entities = Vec::new();
        for sentence in &article.sentences {
            let words: Vec<&str> = article
                .sentence_tokens(sentence)
                .iter()
                .map(|t| article.slice(t.span))
                .collect();
            if words.len() > MAX_PARSE_TOKENS && self.parser.is_some() {
                diagnostics.push(Diagnostic::new(
                    Severity::Info,
                    "annotate",
                    format!(
                        "a sentence of {} tokens was parsed in windows of {MAX_PARSE_TOKENS}",
                        words.len()
                    ),
                ));
            }
            let (sentence_annotations, sentence_entities) = self.annotate_sentence(&words);
            for (k, a) in sentence_annotations.into_iter().enumerate() {
                if let Some(slot) = annotations.get_mut(sentence.tokens.start + k) {
                    *slot = a;
                }
            }
            {
                let base = sentence.tokens.start;
                for (start, end, label) in sentence_entities {
                    let (Some(first), Some(last)) = (
                        article.tokens.get(base + start),
                        article.tokens.get(base + end.saturating_sub(1)),
                    ) else {
                        continue;
                    };
                    entities.push(EntityMention {
                        span: Span::new(first.span.start, last.span.end),
                        tokens: base + start..base + end,
                        label,
                    });
                }
            }
        }
        article.annotations = annotations;
        article.entities = entities;
        diagnostics
    }
}

/// The index of the dash ending a dateline that opens the sentence: one to twelve
/// capitalized words, numbers and bracketed agency names before a dash, a capitalized
/// word after it ("Bogota (AFP) – Five soldiers …", "BENI, DR Congo, Nov 4 (AFP) -").
pub fn dateline_end(words: &[&str], upos: &[&str]) -> Option<usize> {
    let dash = words
        .iter()
        .take(13)
        .position(|w| matches!(*w, "-" | "--" | "\u{2013}" | "\u{2014}"))?;
    if dash == 0 || upos.get(dash) != Some(&"PUNCT") {
        return None;
    }
    let next_capital = words
        .get(dash + 1)
        .and_then(|w| w.chars().next())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201c}'));
    let head_ok = words[..dash].iter().all(|w| match w.chars().next() {
        Some(c) if c.is_alphabetic() => c.is_uppercase(),
        Some(c) if c.is_ascii_digit() => true,
        Some(_) => matches!(*w, "," | "(" | ")" | "." | "/"),
        None => false,
    });
    (next_capital && head_ok).then_some(dash)
}

#[cfg(test)]
mod dateline_tests {
    use super::dateline_end;

    fn d(text: &str) -> Option<usize> {
        let words: Vec<&str> = text.split(' ').collect();
        let upos: Vec<&str> = words
            .iter()
            .map(|w| {
                if w.chars().all(|c| !c.is_alphanumeric()) {
                    "PUNCT"
                } else {
                    "X"
                }
            })
            .collect();
        dateline_end(&words, &upos)
    }

    #[test]
    fn datelines_are_found() {
        assert_eq!(
            d("Bogota ( AFP ) \u{2013} Five soldiers were killed"),
            Some(4)
        );
        assert_eq!(
            d("KABUL , Afghanistan \u{2014} The Taliban routed"),
            Some(3)
        );
        assert_eq!(d("The rebels - who fled - were caught"), None);
        assert_eq!(d("Police said on Monday"), None);
    }
}
