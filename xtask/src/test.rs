//! `cargo xtask test`: every test, lint and cross-language check, in one command.
//!
//! Each step runs even when an earlier one failed, so one run shows everything that is wrong. A missing compiler or
//! interpreter is a failure, never a skip.

use crate::{workspace_root, Failure};
use std::path::{Path, PathBuf};
use std::process::Command;

/// One step of the run: it gets the repository root and says what failed.
type Step = fn(&Path) -> Result<(), String>;

/// Python tools the checks need, installed into `target/venv` on first use.
const PYTHON_REQUIREMENTS: &str = "tests/requirements.txt";

pub fn run() -> Result<(), Failure> {
    let root = workspace_root();
    let steps: [(&str, Step); 9] = [
        ("generated/ is fresh", |_| freshness()),
        ("cargo fmt --check", |root| cargo(root, &["fmt", "--all", "--check"])),
        ("cargo clippy -D warnings", clippy),
        ("cargo test", |root| cargo(root, &["test", "--workspace", "--quiet"])),
        ("Rust crate standalone", rust_standalone),
        ("C header and C tests", crate::lang::c_checks),
        ("Python package checks", python_checks),
        ("cross-language facts", crate::lang::compare_dumps),
        ("shared vectors in every binding", crate::lang::check_vectors),
    ];
    let mut failed = Vec::new();
    for (name, step) in &steps {
        println!("==> {name}");
        match step(&root) {
            Ok(()) => println!("ok: {name}"),
            Err(message) => {
                println!("FAILED: {name}: {message}");
                failed.push(*name);
            }
        }
    }
    let passed = steps.len() - failed.len();
    println!("\nsummary: {passed} passed, {} failed", failed.len());
    if failed.is_empty() {
        Ok(())
    } else {
        Err(Failure::Error(format!("failed steps: {}", failed.join(", "))))
    }
}

fn freshness() -> Result<(), String> {
    let root = workspace_root();
    let files = crate::codegen::render(&root.join("catalogue.yaml"), "catalogue.yaml").map_err(message)?;
    crate::codegen::check(&files, &root.join("generated")).map_err(message)
}

/// The generated crate, copied out of the workspace, builds and passes clippy and rustfmt on its own.
fn rust_standalone(root: &Path) -> Result<(), String> {
    let copy = root.join("target/standalone/smtp-codes");
    let _ = std::fs::remove_dir_all(&copy);
    copy_tree(&root.join("generated/rust"), &copy).map_err(|e| format!("copying generated/rust: {e}"))?;
    let target = root.join("target/standalone/target");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let run =
        |args: &[&str]| status(Command::new(&cargo).args(args).current_dir(&copy).env("CARGO_TARGET_DIR", &target));
    run(&["fmt", "--check"])?;
    run(&["clippy", "--quiet", "--all-targets", "--", "-D", "warnings"])?;
    run(&["test", "--quiet", "--lib"])
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let path = entry?.path();
        let destination = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            copy_tree(&path, &destination)?;
        } else {
            std::fs::copy(&path, &destination)?;
        }
    }
    Ok(())
}

fn clippy(root: &Path) -> Result<(), String> {
    cargo(root, &["clippy", "--workspace", "--all-targets", "--quiet", "--", "-D", "warnings"])
}

pub fn message(failure: Failure) -> String {
    match failure {
        Failure::Usage(m) | Failure::Error(m) => m,
    }
}

fn cargo(root: &Path, args: &[&str]) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    status(Command::new(cargo).args(args).current_dir(root))
}

/// Runs a command, inheriting output; fails on a missing program or a non-zero exit.
pub fn status(command: &mut Command) -> Result<(), String> {
    let program = command.get_program().to_string_lossy().into_owned();
    match command.status() {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(format!("`{program}` exited with {s}")),
        Err(e) => Err(format!("cannot run `{program}`: {e} (is it installed?)")),
    }
}

/// The virtual environment with the Python test tools, created and filled on first use.
pub fn python_venv(root: &Path) -> Result<PathBuf, String> {
    let venv = root.join("target/venv");
    let python = venv.join("bin/python");
    let stamp = venv.join(".requirements");
    let wanted =
        std::fs::read_to_string(root.join(PYTHON_REQUIREMENTS)).map_err(|e| format!("{PYTHON_REQUIREMENTS}: {e}"))?;
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) && python.exists() {
        return Ok(python);
    }
    status(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    let pip = [std::ffi::OsStr::new("-m"), "pip".as_ref(), "install".as_ref(), "--quiet".as_ref(), "-r".as_ref()];
    status(Command::new(&python).args(pip).arg(root.join(PYTHON_REQUIREMENTS)))?;
    std::fs::write(&stamp, wanted).map_err(|e| e.to_string())?;
    Ok(python)
}

fn python_checks(root: &Path) -> Result<(), String> {
    let python = python_venv(root)?;
    let package = root.join("generated/python");
    let mut problems = Vec::new();
    let mut run = |name: &str, args: &[&str]| {
        if let Err(e) = status(Command::new(&python).args(args).current_dir(root)) {
            problems.push(format!("{name}: {e}"));
        }
    };
    run("mypy --strict", &["-m", "mypy", "--strict", &package.join("smtp_codes").to_string_lossy()]);
    run("ruff check", &["-m", "ruff", "check", &package.to_string_lossy()]);
    run("pytest", &["-m", "pytest", "-q", "tests/python", "tests/json", "tests/readme"]);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}
