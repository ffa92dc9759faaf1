//! The `citequiz` command: one clap parser for every subcommand, each in its
//! own file (its `Args` at the top, then a thin `run` into the library). A
//! new subcommand is one file here and one variant of `Command`.
//!
//! Native only: built for wasm32 (as `cargo test --target
//! wasm32-unknown-unknown` does), it is an empty shell.

#[cfg(not(target_arch = "wasm32"))]
mod anchor;
#[cfg(not(target_arch = "wasm32"))]
mod article;
#[cfg(not(target_arch = "wasm32"))]
mod build;
#[cfg(not(target_arch = "wasm32"))]
mod check;
#[cfg(not(target_arch = "wasm32"))]
mod compile;
#[cfg(not(target_arch = "wasm32"))]
mod export;
#[cfg(not(target_arch = "wasm32"))]
mod generate;
#[cfg(not(target_arch = "wasm32"))]
mod import;
#[cfg(not(target_arch = "wasm32"))]
mod new;
#[cfg(not(target_arch = "wasm32"))]
mod output;
#[cfg(not(target_arch = "wasm32"))]
mod preview;
#[cfg(not(target_arch = "wasm32"))]
mod schema;
#[cfg(not(target_arch = "wasm32"))]
mod serve;
#[cfg(not(target_arch = "wasm32"))]
mod stats;
#[cfg(not(target_arch = "wasm32"))]
mod suggest;

/// The exit codes, as `EXIT_CODES` and the end of `GETTING_STARTED` say them.
macro_rules! exit_codes {
    () => {
        "\
Exit codes:
  0  success: every bank checks, the quote anchored, the files were written
  1  findings: a bank has errors, a quote did not anchor, or a file could not
     be read or written
  2  usage: the command line was wrong (unknown flag, missing argument)"
    };
}

/// Shown after every command's `--help`; clap itself exits 2 on a usage error.
#[cfg(not(target_arch = "wasm32"))]
const EXIT_CODES: &str = exit_codes!();

/// Shown after the top-level `--help`: the authoring path, in order
/// (tests/cli.rs runs these lines).
#[cfg(not(target_arch = "wasm32"))]
const GETTING_STARTED: &str = concat!(
    "\
A quiz for your own article:
  citequiz article import essay.md --out essay.json  # or .html, .txt
  citequiz new --article essay.json --out quiz.json  # or import a .gift
  citequiz suggest quiz.json --write                 # cite each question
  citequiz preview quiz.json                         # see it, live
  citequiz check quiz.json
  citequiz build quiz.json --out site/               # a page, a SCORM zip
Each command's --help says more; the README has the whole guide.
\n",
    exit_codes!()
);

#[cfg(not(target_arch = "wasm32"))]
#[derive(clap::Parser)]
#[command(
    name = "citequiz",
    version,
    about = "Reading-comprehension quizzes whose every answer cites its source",
    after_help = GETTING_STARTED,
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[cfg(not(target_arch = "wasm32"))]
#[derive(clap::Subcommand)]
// Listed by `--help` in this order: the authoring path first.
enum Command {
    Article(article::Args),
    New(new::Args),
    Import(import::Args),
    Suggest(suggest::Args),
    Preview(preview::Args),
    Check(check::Args),
    Build(build::Args),
    Compile(compile::Args),
    Export(export::Args),
    Stats(stats::Args),
    Anchor(anchor::Args),
    Schema(schema::Args),
    Serve(serve::Args),
    Generate(generate::Args),
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let cli = <Cli as clap::Parser>::parse();
    match cli.command {
        Command::Check(a) => check::run(&a),
        Command::Stats(a) => stats::run(&a),
        Command::Anchor(a) => anchor::run(&a),
        Command::Schema(a) => schema::run(&a),
        Command::Build(a) => build::run(&a),
        Command::Generate(a) => generate::run(&a),
        Command::Serve(a) => serve::run(&a),
        Command::New(a) => new::run(&a),
        Command::Suggest(a) => suggest::run(&a),
        Command::Preview(a) => preview::run(&a),
        Command::Article(a) => article::run(&a),
        Command::Import(a) => import::run(&a),
        Command::Export(a) => export::run(&a),
        Command::Compile(a) => compile::run(&a),
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[test]
    fn the_command_line_is_well_formed() {
        // clap's own checks: no clashing flags, defaults among the values, …
        <super::Cli as clap::CommandFactory>::command().debug_assert();
    }
}
