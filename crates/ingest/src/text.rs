//! Plain text: a whole file is one document.
//!
//! Stage: ingest (shell), pure part. Input: the file's bytes (already decompressed, BOM
//! already stripped) and its name. Output: one [`Article`] with `meta.doc_id` = the name,
//! an optional title, and the body text verbatim; or a [`Problem`] when there is no text.
//! Must not: touch the body beyond cutting off the title (no newline normalization, no
//! trimming): later stages' offsets point into exactly this text.

use crate::problem::{Issue, Problem};
use crate::Item;
use article::{Article, Meta};
use std::collections::VecDeque;

/// The longest first line (in chars) still taken as a title.
const MAX_TITLE_CHARS: usize = 300;

/// Turns a text file into one document (or a problem).
///
/// Title rule: skipping leading blank lines, if the first line is at most
/// [`MAX_TITLE_CHARS`] chars, is followed by at least one blank (whitespace-only) line,
/// and some non-blank text follows, then that line (trimmed) is the title and the body
/// starts at the first non-blank line after it. Otherwise there is no title and the body
/// is the whole text.
pub(crate) fn parse(name: &str, bytes: Vec<u8>, out: &mut VecDeque<Item>) {
    let text = decode(name, None, bytes, out);
    if text.trim().is_empty() {
        out.push_back(Item::Problem(Problem::from_issue(name, None, Issue::Blank)));
        return;
    }
    let (title, body) = split_title(text);
    let meta = Meta {
        doc_id: name.to_string(),
        title,
        ..Meta::default()
    };
    out.push_back(Item::Doc(Article::new(meta, body)));
}

/// Decodes UTF-8, replacing bad bytes with U+FFFD and warning about it.
pub(crate) fn decode(
    name: &str,
    line: Option<usize>,
    bytes: Vec<u8>,
    out: &mut VecDeque<Item>,
) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            out.push_back(Item::Problem(Problem::from_issue(
                name,
                line,
                Issue::InvalidUtf8(at),
            )));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    }
}

/// Splits off a title line as described on [`parse`].
fn split_title(text: String) -> (Option<String>, String) {
    match title_at(&text) {
        Some((title, body)) => (
            Some(text[title].trim().to_string()),
            text[body..].to_string(),
        ),
        None => (None, text),
    }
}

/// The title line's byte range and where the body starts, if there is a title.
fn title_at(text: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let blank = |(s, e): (usize, usize)| text[s..e].trim().is_empty();
    let mut lines = line_ranges(text).skip_while(|&r| blank(r));
    let (ts, te) = lines.next()?;
    if text[ts..te].trim().chars().count() > MAX_TITLE_CHARS {
        return None;
    }
    let mut saw_blank = false;
    for (s, e) in lines {
        if blank((s, e)) {
            saw_blank = true;
        } else {
            return saw_blank.then_some((ts..te, s));
        }
    }
    None
}

/// Byte ranges of the lines of `text`, each without its terminating '\n'.
fn line_ranges(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let range = (start, end);
        start = end + 1;
        Some(range)
    })
}

#[cfg(test)]
mod tests {
    use super::split_title;

    fn split(s: &str) -> (Option<String>, String) {
        split_title(s.to_string())
    }

    #[test]
    fn title_then_blank_line() {
        assert_eq!(
            split("Headline\n\nBody one.\n\nBody two.\n"),
            (Some("Headline".into()), "Body one.\n\nBody two.\n".into())
        );
        assert_eq!(
            split("\n  Headline \r\n \r\n\r\nBody\r\n"),
            (Some("Headline".into()), "Body\r\n".into())
        );
    }

    #[test]
    fn no_title_without_blank_line_or_body() {
        let s = "Line one\nline two\n\nmore";
        assert_eq!(split(s), (None, s.into()));
        assert_eq!(split("Only\n\n\n"), (None, "Only\n\n\n".into()));
        assert_eq!(split("One line"), (None, "One line".into()));
        let long = format!("{}\n\nbody", "x".repeat(301));
        assert_eq!(split(&long), (None, long.clone()));
    }
}
