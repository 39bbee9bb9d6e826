//! One input stream, from raw bytes to documents: gzip, BOM, binary check, format choice.
//!
//! Stage: ingest (shell). Input: a byte stream (file, stdin or memory), its name, and what
//! its name or the caller says about format and compression. Output: items pushed onto a
//! queue (whole-file formats) or a lazy [`JsonlStream`] (JSON Lines).
//! Must not: read more than the first 8 KB before deciding what the stream is, load a
//! JSON Lines stream whole, or read more than [`MAX_DOC_BYTES`] for a one-document file.

use crate::jsonl::JsonlStream;
use crate::problem::{Issue, Problem, Skip};
use crate::{html, text, Format, Item};
use flate2::read::MultiGzDecoder;
use std::collections::VecDeque;
use std::io::{self, BufReader, Cursor, Read};

/// How many leading bytes are inspected to sniff format and spot binary data.
pub(crate) const HEAD_BYTES: usize = 8192;
/// The largest text or HTML file read as one document (512 MiB).
pub const MAX_DOC_BYTES: usize = 512 << 20;

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
const UTF8_BOM: [u8; 3] = [0xef, 0xbb, 0xbf];

/// What is known about a stream before reading it.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Hints {
    /// The caller's format, overriding everything else.
    pub forced: Option<Format>,
    /// The format the file name's extension says.
    pub by_name: Option<Format>,
    /// The name ends in `.gz`.
    pub gz_name: bool,
}

/// Opens `raw` as one input: pushes problems and whole-file documents onto `out`, and
/// returns the lazy stream for JSON Lines.
pub(crate) fn open<'a>(
    name: &str,
    mut raw: Box<dyn Read + Send + 'a>,
    hints: Hints,
    out: &mut VecDeque<Item>,
) -> Option<JsonlStream<'a>> {
    let problem = |issue| Item::Problem(Problem::from_issue(name, None, issue));
    let head = match read_head(&mut raw) {
        Ok(head) => head,
        Err(e) => {
            out.push_back(problem(Issue::Read(e, Skip::File)));
            return None;
        }
    };
    let gz = head.starts_with(&GZIP_MAGIC);
    if hints.gz_name && !gz && !head.is_empty() {
        out.push_back(problem(Issue::NotGzip));
        return None;
    }
    let (mut head, stream): (Vec<u8>, Box<dyn Read + Send + 'a>) = if gz {
        let mut decoder: Box<dyn Read + Send + 'a> =
            Box::new(MultiGzDecoder::new(Cursor::new(head).chain(raw)));
        match read_head(&mut decoder) {
            Ok(head) => (head, decoder),
            Err(e) => {
                out.push_back(problem(Issue::Gzip(e, Skip::File)));
                return None;
            }
        }
    } else {
        (head, raw)
    };
    if head.starts_with(&UTF8_BOM) {
        head.drain(..UTF8_BOM.len());
    }
    if head.is_empty() {
        out.push_back(problem(Issue::Empty));
        return None;
    }
    if head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]) {
        out.push_back(problem(Issue::Utf16));
        return None;
    }
    if looks_binary(&head) {
        out.push_back(problem(Issue::Binary));
        return None;
    }
    let format = hints
        .forced
        .or(hints.by_name)
        .unwrap_or_else(|| sniff_format(&head));
    let stream: Box<dyn Read + Send + 'a> = Box::new(Cursor::new(head).chain(stream));
    match format {
        Format::Jsonl => {
            let reader = BufReader::with_capacity(64 * 1024, stream);
            Some(JsonlStream::new(name, Box::new(reader), gz))
        }
        Format::Text | Format::Html => {
            let bytes = match read_all(stream) {
                Ok(Some(bytes)) => bytes,
                Ok(None) => {
                    out.push_back(problem(Issue::TooLarge(MAX_DOC_BYTES)));
                    return None;
                }
                Err(e) if gz => {
                    out.push_back(problem(Issue::Gzip(e, Skip::File)));
                    return None;
                }
                Err(e) => {
                    out.push_back(problem(Issue::Read(e, Skip::File)));
                    return None;
                }
            };
            if format == Format::Text {
                text::parse(name, bytes, out);
            } else {
                html::parse(name, bytes, out);
            }
            None
        }
    }
}

/// Reads up to [`HEAD_BYTES`] (fewer only at end of stream).
fn read_head(r: &mut dyn Read) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(HEAD_BYTES);
    r.take(HEAD_BYTES as u64).read_to_end(&mut head)?;
    Ok(head)
}

/// Reads the rest of the stream; `None` when it is longer than [`MAX_DOC_BYTES`].
fn read_all(r: Box<dyn Read + Send + '_>) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    r.take(MAX_DOC_BYTES as u64 + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() <= MAX_DOC_BYTES).then_some(bytes))
}

/// True when `head` holds a NUL byte or more than 10% control characters (other than
/// tab, newline, carriage return, form feed and escape).
pub(crate) fn looks_binary(head: &[u8]) -> bool {
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f)
        .count();
    control * 10 > head.len()
}

/// Guesses the format of a stream from its first bytes: after an optional UTF-8 BOM and
/// whitespace, `{` means JSON Lines, `<` means HTML, anything else plain text.
pub fn sniff_format(head: &[u8]) -> Format {
    let head = head.strip_prefix(&UTF8_BOM).unwrap_or(head);
    match head.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Format::Jsonl,
        Some(b'<') => Format::Html,
        _ => Format::Text,
    }
}
