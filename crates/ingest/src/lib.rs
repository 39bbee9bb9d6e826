//! Reading news documents: files, directories, stdin, gzip → [`Article`]s.
//!
//! Stage: ingest, a shell crate (it does IO). Input: paths (files, directories, `-` for
//! stdin) or bytes in memory. Output: a lazy stream of [`Item`]s, each a document
//! ([`Article`] with only `meta` and `text` set, every layer empty) or a [`Problem`] (one
//! printable line: file, line, what was wrong, what happened).
//! Must not: panic or stop on bad input (each bad thing is one problem and every other
//! document is still read), load a JSON Lines file whole, or change a document's
//! text beyond what is listed below.
//!
//! # API
//!
//! ```no_run
//! use ingest::{Item, ReadOptions, Reader};
//!
//! for item in Reader::new(&["data/", "-"], ReadOptions::default()) {
//!     match item {
//!         Item::Doc(article) => println!("{}: {} bytes", article.meta.doc_id, article.text.len()),
//!         Item::Problem(p) => eprintln!("{p}"),
//!     }
//! }
//! let items = ingest::read_bytes("memo.txt", b"Title\n\nBody.", Some(ingest::Format::Text));
//! assert_eq!(items.len(), 1);
//! ```
//!
//! - [`Reader::new`]`(paths, opts)` is an `Iterator<Item = Item>`; see [`Reader`] for how
//!   directories, stdin, extensions and gzip are handled.
//! - [`read_bytes`]`(name, bytes, format)` runs the same code on bytes in memory (for
//!   tests, fuzzing, callers that fetched the bytes themselves).
//! - [`sniff_format`] and [`Format::from_path`] expose how the format is chosen.
//!
//! # Formats
//!
//! Every input may be gzip-compressed (detected by its magic bytes; multi-member
//! streams are read whole). A leading UTF-8 byte order mark is removed. An input that is
//! empty, looks binary (a NUL byte or >10% control characters in the first 8 KB) or
//! UTF-16 is reported and skipped. Invalid UTF-8 is decoded lossily (U+FFFD) with a
//! warning. Nothing else is changed: in particular "\r\n" stays as it is.
//!
//! - **Plain text** ([`Format::Text`]): the whole file is one document; `doc_id` is the
//!   path as given (`stdin` for stdin). If the first non-blank line (at most 300 chars)
//!   is followed by a blank line and more text, it is the title and the text starts at
//!   the next non-blank line; otherwise the text is the whole file, verbatim. A file of
//!   only whitespace gives no document (warning).
//! - **JSON Lines** ([`Format::Jsonl`]): one document per line as in
//!   shared/gold/FORMAT.md (`doc_id`, `source`, `url`, `published`, `title`, `text`);
//!   other fields (`events`, `note`, …) are ignored. Blank lines are skipped silently.
//!   Per line: malformed JSON, a non-object, or a missing or non-string `text` is an
//!   error and the line is skipped; a missing `doc_id` becomes `{path}:{line}` (warning;
//!   a numeric `doc_id` is used as its decimal string); a `published` that is not
//!   `YYYY-MM-DD` (a timestamp `YYYY-MM-DDT…` gives its date) is set to `None` with a
//!   warning; a non-string `source`/`url`/`title` is set to `None` with a warning, an
//!   empty one to `None` silently. An empty `text` gives a warning and the document is
//!   still yielded: it simply has no events. Lines have no length limit. If the first 10
//!   non-blank lines all fail, the rest of the file is skipped (one more error).
//! - **HTML** ([`Format::Html`]): the main text is found by `dom_smoothie` (a port of
//!   readability.js); scripts, styles, navigation, headers, footers, asides, forms and
//!   figures are dropped; blocks (paragraphs, headings, list items, quotes) are joined by
//!   "\n\n" with whitespace inside a block collapsed (one `<br>` is kept as "\n");
//!   lone "Advertisement"/"Read more" blocks are dropped. Title from readability or
//!   `<title>`, `published` from `article:published_time`, `datePublished`, `date` and
//!   similar `<meta>`s (or readability's JSON-LD), `url` from `<link rel=canonical>` or
//!   `og:url`, `source` from `og:site_name`. When readability finds nothing, a plain
//!   extraction of `<p>`/`<h*>`/`<li>` blocks is used with a warning.
//!
//! # Limits
//!
//! - A `.json` file is read as JSON Lines: a pretty-printed JSON object or array is not
//!   understood (its lines fail, then the file is given up after 10 lines).
//! - A text or HTML file, being one document, is read whole, up to [`MAX_DOC_BYTES`].
//! - HTML is taken as UTF-8: a page in another charset (`windows-1252`, …) is decoded
//!   lossily with a warning, not transcoded.
//! - html5ever's parse time grows with the square of the nesting depth (3 000 nested
//!   `<div>`s: ~0.3 s; 20 000: ~20 s); pages nested deeper than 400 skip readability.
//! - A panic inside readability is caught (the page falls back to the plain extraction),
//!   but Rust's default panic hook still prints it on stderr.

mod date;
mod html;
mod jsonl;
mod problem;
mod reader;
mod source;
mod text;

pub use article::{Article, Meta, Severity};
pub use problem::Problem;
pub use reader::Reader;
pub use source::{sniff_format, MAX_DOC_BYTES};

use std::collections::VecDeque;
use std::path::Path;

/// One thing read from the input: a document or a problem, in input order.
#[derive(Debug, Clone, PartialEq)]
// Documents are the common case: boxing them would add an allocation per document.
#[allow(clippy::large_enum_variant)]
pub enum Item {
    /// A document: `meta` and `text` set, layers empty.
    Doc(Article),
    /// Something wrong with the input; see [`Problem`]. Reading goes on after it.
    Problem(Problem),
}

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text: the whole input is one document.
    Text,
    /// JSON Lines: one document per line.
    Jsonl,
    /// An HTML page: its main text is one document.
    Html,
}

impl Format {
    /// The format a file name's extension says (a trailing `.gz` is looked through; any
    /// letter case): `.txt`/`.text` → Text, `.jsonl`/`.json`/`.ndjson` → Jsonl,
    /// `.html`/`.htm` → Html, anything else `None`.
    pub fn from_path(path: &Path) -> Option<Format> {
        Format::from_name(path).0
    }

    /// The format by extension and whether the name ends in `.gz`.
    pub(crate) fn from_name(path: &Path) -> (Option<Format>, bool) {
        let Some(name) = path.file_name() else {
            return (None, false);
        };
        let name = name.to_string_lossy().to_ascii_lowercase();
        let (name, gz) = match name.strip_suffix(".gz") {
            Some(stem) => (stem, true),
            None => (name.as_str(), false),
        };
        let format = match name.rsplit_once('.').map(|(_, ext)| ext) {
            Some("txt" | "text") => Some(Format::Text),
            Some("jsonl" | "json" | "ndjson") => Some(Format::Jsonl),
            Some("html" | "htm") => Some(Format::Html),
            _ => None,
        };
        (format, gz)
    }
}

/// How to read the inputs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Forces one format for every input (files and stdin); `None` picks it by extension,
    /// else by sniffing the first bytes. It does not change which files a directory walk
    /// picks.
    pub format: Option<Format>,
}

/// Reads one input held in memory, with the same rules as a file named `name`: gzip,
/// BOM, empty/binary checks, then `format` (`None`: sniffed as for stdin). `name` is
/// used for `doc_id`s and problems. Never panics.
pub fn read_bytes(name: &str, bytes: &[u8], format: Option<Format>) -> Vec<Item> {
    let hints = source::Hints {
        forced: format,
        ..source::Hints::default()
    };
    let mut out = VecDeque::new();
    if let Some(mut stream) = source::open(name, Box::new(bytes), hints, &mut out) {
        while stream.step(&mut out) {}
    }
    out.into()
}
