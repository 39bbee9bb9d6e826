//! The lazy reader over paths: files, directories (walked recursively) and stdin.
//!
//! Stage: ingest (shell). Input: the paths the caller gives (`-` is stdin) and
//! [`ReadOptions`]. Output: an iterator of [`Item`]s, documents and problems, in input
//! order; directories are walked depth-first with entries sorted by name.
//! Must not: open more than one file at a time, read a directory before its turn, hold
//! more than one JSON Lines line in memory, or stop at a bad input.

use crate::jsonl::JsonlStream;
use crate::problem::{Issue, Problem};
use crate::source::{self, Hints};
use crate::{Format, Item, ReadOptions};
use std::collections::{HashSet, VecDeque};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One input waiting its turn.
#[derive(Debug)]
enum Input {
    /// Standard input.
    Stdin,
    /// A path given by the caller or found by walking a directory.
    Path(PathBuf),
}

/// Reads documents from files, directories and stdin, lazily, in input order.
///
/// Built by [`Reader::new`]; iterate it to get [`Item`]s. Only one file is open at a time
/// and a JSON Lines file is read one line at a time, so input size is not bounded by
/// memory (a text or HTML file, being one document, is read whole, up to
/// [`crate::MAX_DOC_BYTES`]).
///
/// - A directory is walked recursively, entries in byte-wise name order, depth first.
///   Only files with a known extension are read (`.txt`, `.text`, `.jsonl`, `.json`,
///   `.ndjson`, `.html`, `.htm`, each optionally followed by `.gz`, any letter case);
///   names starting with `.` (hidden files and folders) are skipped. A directory reached
///   twice (through a symlink loop) is reported once and skipped.
/// - A file named by the caller is read whatever its name: its format comes from
///   [`ReadOptions::format`], else its extension, else is sniffed like stdin.
/// - `-` is standard input; its format comes from [`ReadOptions::format`] or is sniffed
///   (see [`crate::sniff_format`]). Its documents are named `stdin`.
/// - Any input starting with the gzip magic bytes is decompressed (all members); a name
///   ending in `.gz` whose data is not gzip is an error.
pub struct Reader {
    opts: ReadOptions,
    inputs: VecDeque<Input>,
    visited: HashSet<PathBuf>,
    out: VecDeque<Item>,
    current: Option<JsonlStream<'static>>,
}

impl Reader {
    /// A reader over `paths` (files, directories, or `-` for stdin), read in that order.
    /// Nothing is opened until the first call to `next`.
    pub fn new<P: AsRef<Path>>(paths: &[P], opts: ReadOptions) -> Reader {
        let inputs = paths
            .iter()
            .map(|p| {
                let path = p.as_ref();
                if path.as_os_str() == "-" {
                    Input::Stdin
                } else {
                    Input::Path(path.to_path_buf())
                }
            })
            .collect();
        Reader {
            opts,
            inputs,
            visited: HashSet::new(),
            out: VecDeque::new(),
            current: None,
        }
    }

    /// Takes the next input and turns it into items or a stream.
    fn advance(&mut self, input: Input) {
        match input {
            Input::Stdin => {
                let hints = Hints {
                    forced: self.opts.format,
                    ..Hints::default()
                };
                let raw: Box<dyn Read + Send> = Box::new(std::io::stdin());
                self.current = source::open("stdin", raw, hints, &mut self.out);
            }
            Input::Path(path) => self.open_path(path),
        }
    }

    fn problem(&mut self, path: &Path, issue: Issue) {
        let name = path.display().to_string();
        self.out
            .push_back(Item::Problem(Problem::from_issue(&name, None, issue)));
    }

    fn open_path(&mut self, path: PathBuf) {
        let meta = match fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) => return self.problem(&path, Issue::open(e)),
        };
        if meta.is_dir() {
            return self.expand_dir(path);
        }
        let file = match fs::File::open(&path) {
            Ok(file) => file,
            Err(e) => return self.problem(&path, Issue::open(e)),
        };
        let (by_name, gz_name) = Format::from_name(&path);
        let hints = Hints {
            forced: self.opts.format,
            by_name,
            gz_name,
        };
        let name = path.display().to_string();
        self.current = source::open(&name, Box::new(file), hints, &mut self.out);
    }

    /// Queues a directory's entries (sorted, hidden and unknown files left out) in front
    /// of the remaining inputs.
    fn expand_dir(&mut self, path: PathBuf) {
        let key = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if !self.visited.insert(key) {
            return self.problem(&path, Issue::DirLoop);
        }
        let entries = match fs::read_dir(&path) {
            Ok(entries) => entries,
            Err(e) => return self.problem(&path, Issue::ReadDir(e)),
        };
        let mut names = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => names.push(entry.file_name()),
                Err(e) => return self.problem(&path, Issue::ReadDir(e)),
            }
        }
        names.sort();
        let mut queued = Vec::new();
        for name in names {
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            let child = path.join(&name);
            // Follows symlinks; a broken link with a known extension is queued so that
            // opening it reports the problem.
            let is_dir = fs::metadata(&child).is_ok_and(|m| m.is_dir());
            if is_dir || Format::from_name(&child).0.is_some() {
                queued.push(Input::Path(child));
            }
        }
        for input in queued.into_iter().rev() {
            self.inputs.push_front(input);
        }
    }
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.out.pop_front() {
                return Some(item);
            }
            if let Some(stream) = &mut self.current {
                if !stream.step(&mut self.out) {
                    self.current = None;
                }
                continue;
            }
            let input = self.inputs.pop_front()?;
            self.advance(input);
        }
    }
}

impl std::fmt::Debug for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader")
            .field("opts", &self.opts)
            .field("inputs", &self.inputs)
            .field("reading", &self.current.is_some())
            .finish()
    }
}
