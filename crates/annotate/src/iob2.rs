//! UNER's IOB2 layout: one token per row, tab-separated `id, word, tag, ...`, `#`
//! comments, blank lines between sentences. Read for training/evaluating the entity
//! recognizer; written back with predicted tags in the third column, everything else
//! verbatim (what `khabar annotate --from iob2` does).

/// One token row.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    /// The columns as read (at least id and word; the tag is column 2).
    pub columns: Vec<String>,
}

impl Row {
    /// The word (column 1).
    pub fn word(&self) -> &str {
        self.columns.get(1).map(String::as_str).unwrap_or("")
    }

    /// The tag (column 2), "O" when absent.
    pub fn tag(&self) -> &str {
        self.columns.get(2).map(String::as_str).unwrap_or("O")
    }

    /// Sets the tag column (adding it if the row had only id and word).
    pub fn set_tag(&mut self, tag: &str) {
        while self.columns.len() < 3 {
            self.columns.push(String::new());
        }
        self.columns[2] = tag.to_string();
    }
}

/// One sentence: comment lines and rows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentence {
    /// Lines starting with `#`, verbatim.
    pub comments: Vec<String>,
    /// Token rows.
    pub rows: Vec<Row>,
}

impl Sentence {
    /// The words.
    pub fn words(&self) -> Vec<&str> {
        self.rows.iter().map(Row::word).collect()
    }
}

/// Parses IOB2 text (never fails; rows with one column keep an empty word).
pub fn parse(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.rows.is_empty() || !cur.comments.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else if line.starts_with('#') {
            cur.comments.push(line.to_string());
        } else {
            cur.rows.push(Row {
                columns: line.split('\t').map(str::to_string).collect(),
            });
        }
    }
    if !cur.rows.is_empty() || !cur.comments.is_empty() {
        out.push(cur);
    }
    out
}

/// Writes sentences back in the same layout.
pub fn write(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        for c in &s.comments {
            out.push_str(c);
            out.push('\n');
        }
        for r in &s.rows {
            out.push_str(&r.columns.join("\t"));
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// Entity spans of a tag sequence: (start, end exclusive, type), IOB2 with B-/I- prefixes;
/// a stray I- starts a new entity (as the CoNLL scorers do).
pub fn spans(tags: &[&str]) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (prefix, kind) = match t.split_once('-') {
            Some((p, k)) if p == "B" || p == "I" => (p, k),
            _ => ("O", ""),
        };
        let continues = prefix == "I" && open.as_ref().is_some_and(|(_, k)| k == kind);
        if !continues {
            if let Some((s, k)) = open.take() {
                out.push((s, i, k));
            }
            if prefix != "O" {
                open = Some((i, kind.to_string()));
            }
        }
    }
    if let Some((s, k)) = open {
        out.push((s, tags.len(), k));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# text = Al-Zaman : American forces\n1\tAl\tB-ORG\t-\ts\n2\t-\tI-ORG\t-\ts\n3\tZaman\tI-ORG\t-\ts\n4\t:\tO\n5\tAmerican\tB-OTH\t-\ts\n6\tforces\tO\n\n";

    #[test]
    fn round_trips_and_retags() {
        let mut s = parse(SAMPLE);
        assert_eq!(write(&s), SAMPLE);
        assert_eq!(
            s[0].words(),
            vec!["Al", "-", "Zaman", ":", "American", "forces"]
        );
        s[0].rows[5].set_tag("B-ORG");
        assert!(write(&s).contains("6\tforces\tB-ORG\n"));
    }

    #[test]
    fn spans_follow_iob2() {
        let tags = ["B-ORG", "I-ORG", "O", "I-PER", "B-LOC", "B-LOC", "I-LOC"];
        assert_eq!(
            spans(&tags),
            vec![
                (0, 2, "ORG".to_string()),
                (3, 4, "PER".to_string()),
                (4, 5, "LOC".to_string()),
                (5, 7, "LOC".to_string())
            ]
        );
    }
}
