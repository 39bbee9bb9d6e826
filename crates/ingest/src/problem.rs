//! What went wrong while reading input, as one printable line per problem.
//!
//! Stage: ingest (shell). Input: the path, line number and an [`Issue`] found by the
//! readers. Output: a [`Problem`] whose `Display` is one line naming the file, the line,
//! what was wrong and what happened (or what to do).
//! Must not: do IO, panic, or echo unbounded input into a message (long values are cut).

use article::{Diagnostic, Severity};
use std::fmt;
use std::io;

/// A problem with the input: reported in the stream of [`crate::Item`]s, never a panic.
///
/// `Display` gives one line, e.g.
/// `error: data/x.jsonl:7: invalid JSON (expected value at column 1); line skipped`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The input as named by the caller (`stdin` for standard input), or a path found by
    /// walking a directory given by the caller.
    pub path: String,
    /// 1-based line number, for line-oriented formats (JSON Lines).
    pub line: Option<usize>,
    /// How serious it is: `Error` means something was skipped, `Warning` means it was
    /// worked around, `Info` is only worth knowing.
    pub severity: Severity,
    /// What was wrong and what happened; never empty.
    pub message: String,
}

impl Problem {
    /// A problem about `path` (and `line`, when known).
    pub fn new(
        path: &str,
        line: Option<usize>,
        severity: Severity,
        message: impl Into<String>,
    ) -> Self {
        Problem {
            path: path.to_string(),
            line,
            severity,
            message: message.into(),
        }
    }

    /// Builds a problem from one of the readers' issues.
    pub(crate) fn from_issue(path: &str, line: Option<usize>, issue: Issue) -> Self {
        Problem::new(path, line, issue.severity(), issue.to_string())
    }

    /// True for `Severity::Error`: something was skipped.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The same problem as a pipeline [`Diagnostic`] (stage `ingest`, the location
    /// folded into the message, no doc id).
    pub fn to_diagnostic(&self) -> Diagnostic {
        let message = match self.line {
            Some(line) => format!("{}:{}: {}", self.path, line, self.message),
            None => format!("{}: {}", self.path, self.message),
        };
        Diagnostic::new(self.severity, "ingest", message)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        match self.line {
            Some(line) => write!(f, "{sev}: {}:{line}: {}", self.path, self.message),
            None => write!(f, "{sev}: {}: {}", self.path, self.message),
        }
    }
}

/// What a read error cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Skip {
    /// Nothing of the file was used.
    File,
    /// Documents before the error were yielded; the rest is lost.
    Rest,
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Skip::File => f.write_str("file skipped"),
            Skip::Rest => f.write_str("rest of file skipped"),
        }
    }
}

/// Everything the readers can find wrong; the `Display` text becomes
/// [`Problem::message`].
#[derive(Debug, thiserror::Error)]
pub(crate) enum Issue {
    #[error("no such file or directory; skipped (check the path)")]
    NotFound,
    #[error("permission denied; skipped (check the file's permissions)")]
    PermissionDenied,
    #[error("cannot open ({0}); skipped")]
    Open(io::Error),
    #[error("cannot list directory ({0}); skipped")]
    ReadDir(io::Error),
    #[error("directory already visited (symlink loop?); skipped")]
    DirLoop,
    #[error("read error ({0}); {1}")]
    Read(io::Error, Skip),
    #[error("corrupt gzip data ({0}); {1}")]
    Gzip(io::Error, Skip),
    #[error("name ends in .gz but the data is not gzip; skipped (rename it or recompress it)")]
    NotGzip,
    #[error("empty file, no document")]
    Empty,
    #[error("file holds only whitespace, no document")]
    Blank,
    #[error("looks binary (NUL bytes or many control characters in the first 8 KB), skipped")]
    Binary,
    #[error(
        "looks like UTF-16 text, skipped (convert it to UTF-8, e.g. `iconv -f UTF-16 -t UTF-8`)"
    )]
    Utf16,
    #[error("larger than {0} bytes, too big for one document; skipped")]
    TooLarge(usize),
    #[error("invalid UTF-8 (first bad byte at offset {0}), bad bytes replaced with U+FFFD")]
    InvalidUtf8(usize),
    #[error("invalid JSON ({0}); line skipped")]
    Json(String),
    #[error("expected a JSON object, found {0}; line skipped")]
    NotObject(&'static str),
    #[error("no \"text\" field; line skipped")]
    NoText,
    #[error("\"text\" is {0}, not a string; line skipped")]
    TextNotString(&'static str),
    #[error("empty \"text\"; document kept, it will have no events")]
    EmptyText,
    #[error("no \"doc_id\"; using \"{0}\"")]
    NoDocId(String),
    #[error("\"doc_id\" is {0}, not a string; using \"{1}\"")]
    DocIdNotString(&'static str, String),
    #[error("\"{0}\" is {1}, not a string; set to null")]
    FieldNotString(&'static str, &'static str),
    #[error("published date \"{0}\" is not YYYY-MM-DD; set to null")]
    BadPublished(String),
    #[error(
        "the first {0} lines are not valid JSON Lines documents; rest of file skipped \
         (is it JSON Lines, one object per line?)"
    )]
    GiveUp(usize),
    #[error("no documents in file (only blank lines)")]
    NoDocuments,
    #[error("readability found no article ({0}); used plain paragraph extraction, which may keep boilerplate")]
    HtmlFallback(String),
    #[error("no text found in HTML, no document")]
    HtmlNoText,
    #[error("HTML extraction crashed; skipped (please report this file)")]
    HtmlPanic,
}

impl Issue {
    /// How serious the issue is.
    pub(crate) fn severity(&self) -> Severity {
        use Issue::*;
        match self {
            NotFound | PermissionDenied | Open(_) | ReadDir(_) | Read(..) | Gzip(..) | NotGzip
            | Binary | Utf16 | TooLarge(_) | Json(_) | NotObject(_) | NoText | TextNotString(_)
            | GiveUp(_) | HtmlPanic => Severity::Error,
            DirLoop | Empty | Blank | InvalidUtf8(_) | EmptyText | NoDocId(_)
            | DocIdNotString(..) | FieldNotString(..) | BadPublished(_) | NoDocuments
            | HtmlFallback(_) | HtmlNoText => Severity::Warning,
        }
    }

    /// The issue for a failed `open`.
    pub(crate) fn open(err: io::Error) -> Self {
        match err.kind() {
            io::ErrorKind::NotFound => Issue::NotFound,
            io::ErrorKind::PermissionDenied => Issue::PermissionDenied,
            _ => Issue::Open(err),
        }
    }
}

/// At most `max` chars of `s`, with "…" when cut; for echoing input in messages.
pub(crate) fn preview(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_one_line_with_location() {
        let p = Problem::from_issue(
            "data/x.jsonl",
            Some(7),
            Issue::Json("expected value at column 1".into()),
        );
        assert_eq!(
            p.to_string(),
            "error: data/x.jsonl:7: invalid JSON (expected value at column 1); line skipped"
        );
        let p = Problem::from_issue("a.txt", None, Issue::Empty);
        assert_eq!(p.to_string(), "warning: a.txt: empty file, no document");
        assert!(!p.is_error());
        let d = p.to_diagnostic();
        assert_eq!(d.stage, "ingest");
        assert_eq!(d.message, "a.txt: empty file, no document");
    }

    #[test]
    fn preview_cuts_on_char_boundary() {
        assert_eq!(preview("héllo", 2), "hé…");
        assert_eq!(preview("hé", 2), "hé");
    }
}
