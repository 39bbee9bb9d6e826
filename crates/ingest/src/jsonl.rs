//! JSON Lines: one document per line (shared/gold/FORMAT.md "Document").
//!
//! Stage: ingest (shell). Input: a buffered byte stream, read line by line into one reused
//! buffer (no line-length limit, no whole-file buffering). Output: one [`Article`] per
//! good line, and [`Problem`]s for bad lines, in line order.
//! Must not: stop at a bad line (it is reported and skipped), hold more than one line in
//! memory, or keep fields other than `doc_id`, `source`, `url`, `published`, `title`,
//! `text` (the rest, e.g. `events` and `note`, is skipped unparsed into values).

use crate::problem::{preview, Issue, Problem, Skip};
use crate::{date, text, Item};
use article::{Article, Meta};
use serde::Deserialize;
use serde_json::Value;
use std::borrow::Cow;
use std::collections::VecDeque;
use std::io::BufRead;

/// After this many leading lines all failing, the file is taken not to be JSON Lines.
const GIVE_UP_AFTER: usize = 10;
/// A line buffer grown past this is dropped after use instead of kept.
const KEEP_BUFFER_BYTES: usize = 8 << 20;

/// The fields of a document line; absent and `null` both read as `None`.
#[derive(Deserialize)]
struct RawDoc {
    #[serde(default)]
    doc_id: Option<Value>,
    #[serde(default)]
    source: Option<Value>,
    #[serde(default)]
    url: Option<Value>,
    #[serde(default)]
    published: Option<Value>,
    #[serde(default)]
    title: Option<Value>,
    #[serde(default)]
    text: Option<Value>,
}

/// A JSON Lines file being read lazily.
pub(crate) struct JsonlStream<'a> {
    name: String,
    reader: Box<dyn BufRead + Send + 'a>,
    gz: bool,
    buf: Vec<u8>,
    line: usize,
    nonblank: usize,
    docs: usize,
}

impl<'a> JsonlStream<'a> {
    /// Starts reading `reader`; `gz` says read errors are gzip corruption.
    pub(crate) fn new(name: &str, reader: Box<dyn BufRead + Send + 'a>, gz: bool) -> Self {
        JsonlStream {
            name: name.to_string(),
            reader,
            gz,
            buf: Vec::new(),
            line: 0,
            nonblank: 0,
            docs: 0,
        }
    }

    /// Reads lines until at least one item is pushed onto `out` or the stream ends;
    /// returns `false` once the stream is finished (items may still have been pushed).
    pub(crate) fn step(&mut self, out: &mut VecDeque<Item>) -> bool {
        loop {
            if self.buf.capacity() > KEEP_BUFFER_BYTES {
                self.buf = Vec::new();
            }
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    if self.nonblank == 0 {
                        out.push_back(self.problem(None, Issue::NoDocuments));
                    }
                    return false;
                }
                Ok(_) => {}
                Err(e) => {
                    let skip = if self.line == 0 {
                        Skip::File
                    } else {
                        Skip::Rest
                    };
                    let issue = if self.gz {
                        Issue::Gzip(e, skip)
                    } else {
                        Issue::Read(e, skip)
                    };
                    out.push_back(self.problem(Some(self.line + 1), issue));
                    return false;
                }
            }
            self.line += 1;
            let mut bytes = self.buf.as_slice();
            while let [rest @ .., b'\n' | b'\r'] = bytes {
                bytes = rest;
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.nonblank += 1;
            if parse_line(&self.name, self.line, bytes, out) {
                self.docs += 1;
                return true;
            }
            if self.docs == 0 && self.nonblank >= GIVE_UP_AFTER {
                out.push_back(self.problem(None, Issue::GiveUp(GIVE_UP_AFTER)));
                return false;
            }
            return true;
        }
    }

    fn problem(&self, line: Option<usize>, issue: Issue) -> Item {
        Item::Problem(Problem::from_issue(&self.name, line, issue))
    }
}

/// A short name for a JSON value's type, for messages.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Parses one non-blank line; pushes its problems, then its document if it has one.
/// Returns whether a document was pushed.
pub(crate) fn parse_line(name: &str, line: usize, bytes: &[u8], out: &mut VecDeque<Item>) -> bool {
    let problem = |issue| Item::Problem(Problem::from_issue(name, Some(line), issue));
    let text: Cow<str> = match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(text::decode(name, Some(line), bytes.to_vec(), out)),
    };
    // A byte order mark can start any line of concatenated files.
    let trimmed = text.trim_start().trim_start_matches('\u{feff}');
    if !trimmed.starts_with('{') {
        let found = match trimmed.chars().next() {
            Some('[') => "an array",
            Some('"') => "a string",
            Some('-' | '0'..='9') => "a number",
            Some('t' | 'f') if serde_json::from_str::<bool>(trimmed).is_ok() => "a boolean",
            Some('n') if trimmed.trim_end() == "null" => "null",
            _ => "text that is not JSON",
        };
        out.push_back(problem(Issue::NotObject(found)));
        return false;
    }
    let raw: RawDoc = match serde_json::from_str(trimmed) {
        Ok(raw) => raw,
        Err(e) => {
            let skipped = text.len() - trimmed.len();
            out.push_back(problem(Issue::Json(json_message(&e, skipped))));
            return false;
        }
    };
    let body = match raw.text {
        Some(Value::String(s)) => s,
        None => {
            out.push_back(problem(Issue::NoText));
            return false;
        }
        Some(other) => {
            out.push_back(problem(Issue::TextNotString(kind(&other))));
            return false;
        }
    };
    let fallback_id = || format!("{name}:{line}");
    let doc_id = match raw.doc_id {
        Some(Value::String(s)) if !s.trim().is_empty() => s,
        Some(Value::Number(n)) => n.to_string(),
        None | Some(Value::String(_)) => {
            let id = fallback_id();
            out.push_back(problem(Issue::NoDocId(id.clone())));
            id
        }
        Some(other) => {
            let id = fallback_id();
            out.push_back(problem(Issue::DocIdNotString(kind(&other), id.clone())));
            id
        }
    };
    let mut string_field = |field: &'static str, v: Option<Value>| match v {
        None => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => Some(s),
        Some(other) => {
            out.push_back(problem(Issue::FieldNotString(field, kind(&other))));
            None
        }
    };
    let source = string_field("source", raw.source);
    let url = string_field("url", raw.url);
    let title = string_field("title", raw.title);
    let published = string_field("published", raw.published).and_then(|p| {
        let d = date::normalize(&p);
        if d.is_none() {
            out.push_back(problem(Issue::BadPublished(preview(&p, 40))));
        }
        d
    });
    if body.is_empty() {
        out.push_back(problem(Issue::EmptyText));
    }
    let meta = Meta {
        doc_id,
        source,
        url,
        published,
        title,
    };
    out.push_back(Item::Doc(Article::new(meta, body)));
    true
}

/// serde_json's message without the position "line 1" (always 1 here), its column made
/// relative to the whole line (`skipped` bytes were cut off its start).
fn json_message(e: &serde_json::Error, skipped: usize) -> String {
    let msg = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match msg.strip_suffix(&suffix) {
        Some(head) if e.column() > 0 => format!("{head} at column {}", e.column() + skipped),
        Some(head) => head.to_string(),
        None => msg,
    }
}
