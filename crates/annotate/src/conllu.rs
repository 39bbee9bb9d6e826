//! CoNLL-U reading and writing (Universal Dependencies format): sentences of words with
//! LEMMA, UPOS, XPOS, HEAD, DEPREL; multiword-token ranges and empty nodes are kept
//! aside so a file can be written back with predictions in place.

/// One syntactic word (a CoNLL-U row with an integer ID).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    /// FORM.
    pub form: String,
    /// LEMMA ("_" when unknown).
    pub lemma: String,
    /// UPOS.
    pub upos: String,
    /// XPOS.
    pub xpos: String,
    /// FEATS, verbatim.
    pub feats: String,
    /// HEAD: 0 = root, else 1-based index of the head word.
    pub head: usize,
    /// DEPREL.
    pub deprel: String,
    /// DEPS, verbatim.
    pub deps: String,
    /// MISC, verbatim.
    pub misc: String,
}

/// One sentence: comment lines, words, and other rows (ranges, empty nodes) by position.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentence {
    /// Lines starting with `#`, verbatim.
    pub comments: Vec<String>,
    /// The syntactic words.
    pub words: Vec<Word>,
    /// Non-word rows, each with the number of words before it.
    pub other_rows: Vec<(usize, String)>,
}

/// A CoNLL-U problem (line number, message).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ConlluError {
    /// 1-based line number.
    pub line: usize,
    /// What was wrong.
    pub message: String,
}

/// Parses CoNLL-U text; malformed rows are reported and the sentence is kept without them.
pub fn parse(text: &str) -> (Vec<Sentence>, Vec<ConlluError>) {
    let mut sentences = Vec::new();
    let mut errors = Vec::new();
    let mut cur = Sentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.words.is_empty() || !cur.comments.is_empty() {
                sentences.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            cur.comments.push(line.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let id = cols[0];
        if id.contains('-') || id.contains('.') {
            cur.other_rows.push((cur.words.len(), line.to_string()));
            continue;
        }
        if cols.len() < 2 {
            errors.push(ConlluError {
                line: n + 1,
                message: format!("expected 10 tab-separated columns, found {}", cols.len()),
            });
            continue;
        }
        let col = |i: usize| cols.get(i).copied().unwrap_or("_").to_string();
        cur.words.push(Word {
            form: col(1),
            lemma: col(2),
            upos: col(3),
            xpos: col(4),
            feats: col(5),
            head: cols.get(6).and_then(|h| h.parse().ok()).unwrap_or(0),
            deprel: col(7),
            deps: col(8),
            misc: col(9),
        });
    }
    if !cur.words.is_empty() {
        sentences.push(cur);
    }
    (sentences, errors)
}

/// Writes sentences as CoNLL-U (each followed by a blank line).
pub fn write(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        for c in &s.comments {
            out.push_str(c);
            out.push('\n');
        }
        let mut other = s.other_rows.iter().peekable();
        for (i, w) in s.words.iter().enumerate() {
            while let Some((_, row)) = other.next_if(|(pos, _)| *pos == i) {
                out.push_str(row);
                out.push('\n');
            }
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                i + 1,
                w.form,
                w.lemma,
                w.upos,
                w.xpos,
                w.feats,
                w.head,
                w.deprel,
                w.deps,
                w.misc
            ));
        }
        for (_, row) in other {
            out.push_str(row);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# text = I don't know.\n1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn round_trips() {
        let (s, e) = parse(SAMPLE);
        assert!(e.is_empty());
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words.len(), 5);
        assert_eq!(s[0].words[3].head, 0);
        assert_eq!(s[0].words[0].head, 4);
        assert_eq!(write(&s), SAMPLE);
    }
}
