//! `cargo xtask`: the project's automation, in Rust so it needs nothing but cargo.
//!
//! ```text
//! cargo xtask validate [--catalogue PATH]
//! cargo xtask codegen [--check] [--catalogue PATH] [--out DIR]
//! cargo xtask test
//! ```

mod bench;
mod codegen;
mod fs;
mod lang;
mod test;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  validate [--catalogue PATH]                    check catalogue.yaml and report every problem
  codegen [--check] [--catalogue PATH] [--out DIR]
                                                 regenerate generated/ (or, with --check, only compare)
  test                                           run every test, lint and cross-language check
  drive --lang rust|c|python                     classify JSON Lines from stdin with one binding
  bench                                          print classification throughput and codegen time";

/// Why a command stopped: a usage mistake (exit 2) or a real error (exit 1).
#[derive(Debug)]
pub enum Failure {
    Usage(String),
    Error(String),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Error(message)) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
    }
}

fn run(args: &[String]) -> Result<(), Failure> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Failure::Usage("no command given".into()));
    };
    match command.as_str() {
        "validate" => {
            let options = Options::parse(rest, &["--catalogue"], &[])?;
            let (path, shown) = options.catalogue();
            codegen::validate(&path, &shown)
        }
        "codegen" => {
            let options = Options::parse(rest, &["--catalogue", "--out"], &["--check"])?;
            let (path, shown) = options.catalogue();
            let files = codegen::render(&path, &shown)?;
            let out = options.path("--out").unwrap_or_else(|| workspace_root().join("generated"));
            if options.flag("--check") {
                codegen::check(&files, &out)
            } else {
                codegen::write(&files, &out)
            }
        }
        "drive" => {
            let options = Options::parse(rest, &["--lang"], &[])?;
            let name =
                options.value("--lang").ok_or_else(|| Failure::Usage("drive needs --lang rust|c|python".into()))?;
            let lang = lang::Lang::parse(name).ok_or_else(|| Failure::Usage(format!("unknown language `{name}`")))?;
            lang::drive(&workspace_root(), lang)
        }
        "test" => {
            Options::parse(rest, &[], &[])?;
            test::run()
        }
        "bench" => {
            Options::parse(rest, &[], &[])?;
            bench::run()
        }
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(Failure::Usage(format!("unknown command `{other}`"))),
    }
}

/// Parsed `--name value` options and `--flag` switches.
struct Options {
    values: Vec<(String, String)>,
    flags: Vec<String>,
}

impl Options {
    fn parse(args: &[String], valued: &[&str], switches: &[&str]) -> Result<Options, Failure> {
        let mut options = Options { values: Vec::new(), flags: Vec::new() };
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            if valued.contains(&arg.as_str()) {
                let value = iter.next().ok_or_else(|| Failure::Usage(format!("{arg} needs a value")))?;
                options.values.push((arg.clone(), value.clone()));
            } else if switches.contains(&arg.as_str()) {
                options.flags.push(arg.clone());
            } else {
                return Err(Failure::Usage(format!("unexpected argument `{arg}`")));
            }
        }
        Ok(options)
    }

    fn value(&self, name: &str) -> Option<&str> {
        self.values.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    fn path(&self, name: &str) -> Option<PathBuf> {
        self.value(name).map(PathBuf::from)
    }

    fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }

    /// The catalogue path, and how to show it in diagnostics (as given, or `catalogue.yaml`).
    fn catalogue(&self) -> (PathBuf, String) {
        match self.value("--catalogue") {
            Some(given) => (PathBuf::from(given), given.to_string()),
            None => (workspace_root().join("catalogue.yaml"), "catalogue.yaml".to_string()),
        }
    }
}

/// The repository root: xtask's manifest lives one level below it.
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}
