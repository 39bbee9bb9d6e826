//! Stage `annotate`: statistical NLP on segmented articles — POS tags and lemmas
//! ([`tag`], [`lemma`]), labeled dependency trees ([`parse`]) and named entities
//! ([`ner`]), all trained here on Universal Dependencies / UNER data.
//!
//! Input: an [`article::Article`] with the segment layer. Output: the annotate layers
//! (`Article::annotations`, `Article::entities`). Models are plain data (serde, zstd)
//! handed in as bytes; training code lives beside inference code.
//! Must not: do IO (the CLI reads corpora and writes model files), depend on other stages.

pub mod annotator;
pub mod conllu;
pub mod features;
pub mod iob2;
pub mod lemma;
pub mod model;
pub mod ner;
pub mod parse;
pub mod perceptron;
pub mod repair;
pub mod tag;

pub use annotator::Annotator;
