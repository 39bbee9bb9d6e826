//! The `khabar` binary: a thin shell over the library crates, one file per subcommand
//! under `cmd/`. Exit codes: 0 all went well, 1 nothing found, 2 an input or usage error
//! (reported on stderr; every other document is still processed).

mod cmd;
mod run;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// khabar: news in, verifiable event data out (PLOVER events with evidence spans).
#[derive(Debug, Parser)]
#[command(name = "khabar", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Code events from documents (text, JSON Lines, HTML, directories, .gz, `-` for stdin).
    Code(cmd::code::Args),
    /// The NLP layers (tags, lemmas, dependencies, entities) as CoNLL-U or IOB2.
    Annotate(cmd::annotate::Args),
    /// Actors per document: canonical entity, country, sector, aliases, facts, mentions.
    Actors(cmd::actors::Args),
    /// Toponyms and demonyms with their resolved places (GeoNames ids, coordinates).
    Places(cmd::places::Args),
    /// Score the engine (or an event file) against gold files, as ../shared/score/score.py does.
    Eval(cmd::eval::Args),
    /// Each sentence with its annotations, the triggers considered and why each event was (or was not) coded.
    Explain(cmd::explain::Args),
    /// Measure throughput: documents/s, sentences/s, tokens/s.
    Bench(cmd::bench::Args),
    /// Rebuild a resource from the raw data in ../shared.
    Train(cmd::train::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(a) => cmd::code::run(a),
        Command::Annotate(a) => cmd::annotate::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Places(a) => cmd::places::run(a),
        Command::Actors(a) => cmd::actors::run(a),
        Command::Explain(a) => cmd::explain::run(a),
        Command::Bench(a) => cmd::bench::run(a),
        Command::Train(a) => cmd::train::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// True when the error is a closed stdout (e.g. `khabar code ... | head`): not a failure.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}
