//! Measures the segmenter against UD English-EWT (or any CoNLL-U with `# text`).
//!
//! Stage: segment (evaluation helper, used by `khabar eval` and the ignored
//! test). Input: the CoNLL-U text, already read and decompressed by the
//! caller. Output: [`EwtScores`], sentence and token precision / recall / F1
//! by exact span match.
//! How: sentences are grouped by `# newdoc id`; each document's raw text is its
//! `# text` lines joined by a space, or by a blank line where `# newpar` starts a
//! paragraph (the source web pages had those breaks, so it is fair input);
//! every gold sentence and token gets its byte span in that text by aligning
//! the forms against it; then [`segment_text_with`] runs on the document text.
//! Gold tokens come in two flavours: `tokens` splits a multiword token into
//! its syntactic words when their forms spell it out ("do" + "n't"), which is
//! the PTB convention this segmenter follows; `surface_tokens` keeps EWT's
//! surface tokens ("don't" whole).
//! Must not: do IO (the caller reads the file) or panic on malformed input.

use std::fmt;

use crate::{segment_text_with, Options};

/// Precision, recall and F1 with the counts behind them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    /// Items in the gold standard.
    pub gold: usize,
    /// Items the segmenter produced.
    pub predicted: usize,
    /// Produced items whose span matches a gold item exactly.
    pub correct: usize,
    /// `correct / predicted` (0 when nothing was predicted).
    pub precision: f64,
    /// `correct / gold` (0 when there is no gold).
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Prf {
    /// Scores from counts.
    pub fn new(gold: usize, predicted: usize, correct: usize) -> Self {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(correct, predicted);
        let recall = ratio(correct, gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            gold,
            predicted,
            correct,
            precision,
            recall,
            f1,
        }
    }
}

impl fmt::Display for Prf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P {:.4}  R {:.4}  F1 {:.4}  (gold {}, predicted {}, correct {})",
            self.precision, self.recall, self.f1, self.gold, self.predicted, self.correct
        )
    }
}

/// The result of [`evaluate`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct EwtScores {
    /// Documents (`# newdoc id` groups) evaluated.
    pub documents: usize,
    /// Sentence spans.
    pub sentences: Prf,
    /// Token spans, multiword tokens split into their words where the words
    /// spell the surface form ("do" + "n't"): the PTB convention used here.
    pub tokens: Prf,
    /// Token spans against EWT's surface tokens ("don't" whole).
    pub surface_tokens: Prf,
    /// Gold sentences whose forms could not be aligned with their `# text`
    /// (their remaining tokens are left out of the gold tokens).
    pub unaligned_sentences: usize,
    /// Whether `# newpar` was rendered as a blank line.
    pub paragraphs: bool,
}

impl fmt::Display for EwtScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "segmentation vs CoNLL-U gold: {} documents, paragraphs {}",
            self.documents,
            if self.paragraphs {
                "as blank lines"
            } else {
                "joined by spaces"
            }
        )?;
        writeln!(f, "  sentences       {}", self.sentences)?;
        writeln!(f, "  tokens (words)  {}", self.tokens)?;
        write!(f, "  surface tokens  {}", self.surface_tokens)?;
        if self.unaligned_sentences > 0 {
            write!(
                f,
                "\n  ({} sentences could not be aligned with their text)",
                self.unaligned_sentences
            )?;
        }
        Ok(())
    }
}

/// How to evaluate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EvalConfig {
    /// Segmenter options.
    pub options: Options,
    /// Render `# newpar` as a blank line (true) or as a plain space.
    pub paragraphs: bool,
}

impl Default for EvalConfig {
    fn default() -> Self {
        EvalConfig {
            options: Options::default(),
            paragraphs: true,
        }
    }
}

/// Scores [`crate::segment_text`] against the CoNLL-U text `conllu`, paragraphs as
/// blank lines.
pub fn evaluate(conllu: &str) -> EwtScores {
    evaluate_with(conllu, &EvalConfig::default())
}

/// One surface token of a gold sentence.
struct Surface<'a> {
    form: &'a str,
    /// The syntactic words of a multiword token (empty otherwise).
    words: Vec<&'a str>,
    space_after: bool,
}

/// One gold sentence.
#[derive(Default)]
struct GoldSentence<'a> {
    text: Option<&'a str>,
    newpar: bool,
    surface: Vec<Surface<'a>>,
}

/// Parses CoNLL-U into documents of sentences.
fn parse(conllu: &str) -> Vec<Vec<GoldSentence<'_>>> {
    let mut docs: Vec<Vec<GoldSentence>> = vec![Vec::new()];
    let mut cur = GoldSentence::default();
    let mut started = false;
    let mut mwt_left = 0usize;
    fn finish<'a>(docs: &mut [Vec<GoldSentence<'a>>], cur: GoldSentence<'a>) {
        if let Some(d) = docs.last_mut() {
            d.push(cur);
        }
    }
    for line in conllu.lines() {
        let line = line.trim_end_matches('\r');
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim_start();
            if comment.starts_with("newdoc") {
                if started {
                    finish(&mut docs, std::mem::take(&mut cur));
                    started = false;
                }
                if docs.last().is_some_and(|d| !d.is_empty()) {
                    docs.push(Vec::new());
                }
            } else if comment.starts_with("newpar") {
                cur.newpar = true;
            } else if let Some(t) = comment.strip_prefix("text =") {
                cur.text = Some(t.strip_prefix(' ').unwrap_or(t));
                started = true;
            }
            continue;
        }
        if line.trim().is_empty() {
            if started {
                finish(&mut docs, std::mem::take(&mut cur));
                started = false;
            }
            mwt_left = 0;
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(id), Some(form)) = (cols.next(), cols.next()) else {
            continue;
        };
        let misc = cols.nth(7).unwrap_or("_");
        let space_after = !misc.split('|').any(|m| m == "SpaceAfter=No");
        started = true;
        if let Some((a, b)) = id.split_once('-') {
            let span = match (a.parse::<usize>(), b.parse::<usize>()) {
                (Ok(a), Ok(b)) if b >= a => b - a + 1,
                _ => 0,
            };
            mwt_left = span;
            cur.surface.push(Surface {
                form,
                words: Vec::new(),
                space_after,
            });
        } else if id.contains('.') {
            // Empty node: no surface form.
        } else if mwt_left > 0 {
            mwt_left -= 1;
            if let Some(s) = cur.surface.last_mut() {
                s.words.push(form);
            }
        } else {
            cur.surface.push(Surface {
                form,
                words: Vec::new(),
                space_after,
            });
        }
    }
    if started {
        finish(&mut docs, cur);
    }
    docs.retain(|d| !d.is_empty());
    docs
}

/// Gold spans of one document, and its text.
#[derive(Default)]
struct GoldDoc {
    text: String,
    sentences: Vec<(usize, usize)>,
    words: Vec<(usize, usize)>,
    surface: Vec<(usize, usize)>,
    unaligned: usize,
}

fn build(doc: &[GoldSentence<'_>], paragraphs: bool) -> GoldDoc {
    let mut g = GoldDoc::default();
    for (i, s) in doc.iter().enumerate() {
        if i > 0 {
            g.text
                .push_str(if paragraphs && s.newpar { "\n\n" } else { " " });
        }
        let base = g.text.len();
        match s.text {
            Some(t) => g.text.push_str(t),
            None => {
                for w in &s.surface {
                    g.text.push_str(w.form);
                    if w.space_after {
                        g.text.push(' ');
                    }
                }
            }
        }
        let end = g.text.len();
        let body = &g.text[base..end];
        let lead = body.len() - body.trim_start().len();
        let trail = body.len() - body.trim_end().len();
        if base + lead < end - trail {
            g.sentences.push((base + lead, end - trail));
        }
        let mut pos = base;
        for w in &s.surface {
            while let Some(c) = g.text[pos..end]
                .chars()
                .next()
                .filter(|c| c.is_whitespace())
            {
                pos += c.len_utf8();
            }
            if w.form.is_empty() || !g.text[pos..end].starts_with(w.form) {
                g.unaligned += 1;
                break;
            }
            let stop = pos + w.form.len();
            g.surface.push((pos, stop));
            if spells(w.form, &w.words) {
                let mut p = pos;
                for word in &w.words {
                    g.words.push((p, p + word.len()));
                    p += word.len();
                }
            } else {
                g.words.push((pos, stop));
            }
            pos = stop;
        }
    }
    g
}

/// True when `words` (two or more, non-empty) concatenate to `form`.
fn spells(form: &str, words: &[&str]) -> bool {
    if words.len() < 2 || words.iter().any(|w| w.is_empty()) {
        return false;
    }
    let mut rest = form;
    for w in words {
        match rest.strip_prefix(w) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// Number of spans common to two sorted span lists.
fn matches(gold: &[(usize, usize)], pred: &[(usize, usize)]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < gold.len() && j < pred.len() {
        match gold[i].cmp(&pred[j]) {
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    n
}

/// Scores the segmenter against `conllu` with the given configuration.
pub fn evaluate_with(conllu: &str, config: &EvalConfig) -> EwtScores {
    let docs = parse(conllu);
    let (mut sg, mut sp, mut sc) = (0, 0, 0);
    let (mut wg, mut wp, mut wc) = (0, 0, 0);
    let (mut ug, mut uc) = (0, 0);
    let mut unaligned = 0;
    for doc in &docs {
        let g = build(doc, config.paragraphs);
        let (tokens, sentences) = segment_text_with(&g.text, &config.options);
        let pred_s: Vec<(usize, usize)> = sentences
            .iter()
            .map(|s| (s.span.start, s.span.end))
            .collect();
        let pred_t: Vec<(usize, usize)> =
            tokens.iter().map(|t| (t.span.start, t.span.end)).collect();
        sg += g.sentences.len();
        sp += pred_s.len();
        sc += matches(&g.sentences, &pred_s);
        wg += g.words.len();
        wp += pred_t.len();
        wc += matches(&g.words, &pred_t);
        ug += g.surface.len();
        uc += matches(&g.surface, &pred_t);
        unaligned += g.unaligned;
    }
    EwtScores {
        documents: docs.len(),
        sentences: Prf::new(sg, sp, sc),
        tokens: Prf::new(wg, wp, wc),
        surface_tokens: Prf::new(ug, wp, uc),
        unaligned_sentences: unaligned,
        paragraphs: config.paragraphs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SNIPPET: &str = "# newdoc id = d1
# sent_id = d1-1
# newpar id = d1-p1
# text = I don't know Mr. Smith.
1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_
5\tMr.\tMr.\tPROPN\tNNP\t_\t6\tcompound\t_\t_
6\tSmith\tSmith\tPROPN\tNNP\t_\t4\tobj\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# sent_id = d1-2
# text = He left.
1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

";

    #[test]
    fn perfect_on_a_small_document() {
        let s = evaluate(SNIPPET);
        assert_eq!(s.documents, 1);
        assert_eq!(s.unaligned_sentences, 0);
        assert_eq!((s.sentences.gold, s.sentences.correct), (2, 2));
        assert_eq!(s.sentences.predicted, 2);
        // Words: I do n't know Mr. Smith . He left .
        assert_eq!(s.tokens.gold, 10);
        assert_eq!(s.tokens.correct, 10);
        assert_eq!(s.tokens.predicted, 10);
        // Surface: "don't" whole, so do / n't miss.
        assert_eq!(s.surface_tokens.gold, 9);
        assert_eq!(s.surface_tokens.correct, 8);
        assert!((s.sentences.f1 - 1.0).abs() < 1e-9);
        let report = s.to_string();
        assert!(report.contains("sentences"), "{report}");
    }

    #[test]
    fn paragraphs_change_the_text() {
        let one = parse(SNIPPET);
        let joined = build(&one[0], false);
        assert_eq!(joined.text, "I don't know Mr. Smith. He left.");
        assert_eq!(joined.sentences, vec![(0, 23), (24, 32)]);
    }

    #[test]
    fn malformed_input_does_not_panic() {
        for text in [
            "",
            "# text = a\n",
            "1\n\n\n",
            "1-x\tfoo\n",
            "# newdoc\n# newdoc\n",
        ] {
            let _ = evaluate(text);
        }
        let s = evaluate("# text = abc\n1\txyz\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
        assert_eq!(s.unaligned_sentences, 1);
    }

    #[test]
    fn prf_edges() {
        let z = Prf::new(0, 0, 0);
        assert_eq!(z.f1, 0.0);
        let p = Prf::new(4, 2, 2);
        assert!((p.precision - 1.0).abs() < 1e-9);
        assert!((p.recall - 0.5).abs() < 1e-9);
    }
}
