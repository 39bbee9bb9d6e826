//! One module per subcommand.

pub mod actors;
pub mod annotate;
pub mod bench;
pub mod code;
pub mod eval;
pub mod places;
pub mod train;

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
