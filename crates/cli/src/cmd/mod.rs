//! One module per subcommand.

pub mod actors;
pub mod annotate;
pub mod bench;
pub mod code;
pub mod eval;
pub mod explain;
pub mod places;
pub mod train;

/// Output format of the per-document listings (`khabar actors`, `khabar places`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    /// One JSON object per line.
    Jsonl,
    /// A human-readable listing.
    Table,
}

/// Input format named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Plain text.
    Text,
    /// JSON Lines documents.
    Jsonl,
    /// HTML pages.
    Html,
}

impl From<InputFormat> for ingest::Format {
    fn from(f: InputFormat) -> Self {
        match f {
            InputFormat::Text => ingest::Format::Text,
            InputFormat::Jsonl => ingest::Format::Jsonl,
            InputFormat::Html => ingest::Format::Html,
        }
    }
}

/// The input options every document-processing command shares.
#[derive(Debug, clap::Args)]
pub struct Inputs {
    /// Files or directories (text, .jsonl, .html, optionally .gz); `-` or nothing: stdin.
    pub paths: Vec<String>,
    /// Worker threads (0: all cores).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// Force the input format instead of guessing from the extension.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
}

impl Inputs {
    /// Sets the thread pool and returns the paths (stdin when none) and reader options.
    pub fn prepare(&self) -> (Vec<String>, ingest::ReadOptions) {
        crate::run::set_threads(self.threads);
        (
            crate::run::paths_or_stdin(&self.paths),
            ingest::ReadOptions {
                format: self.input_format.map(Into::into),
            },
        )
    }
}
