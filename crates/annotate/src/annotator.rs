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
use crate::tag::Tagger;
use article::{Article, Diagnostic, EntityMention, Severity, Span, TokenAnnotation};

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
            let mut start = 0;
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
            for (k, a) in self.annotate_words(&words).into_iter().enumerate() {
                if let Some(slot) = annotations.get_mut(sentence.tokens.start + k) {
                    *slot = a;
                }
            }
            if let Some(r) = &self.recognizer {
                let base = sentence.tokens.start;
                for (start, end, label) in r.entities(&words) {
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
