//! `cargo xtask validate` and `cargo xtask codegen [--check]`.

use crate::fs::{list_files, write_atomic};
use crate::Failure;
use smtp_catalogue::{render_all, Catalogue, ReadError};
use smtp_codegen::{emit_all, GeneratedFile, MARKER};
use std::path::Path;

/// Loads and validates the catalogue, printing every diagnostic on failure.
pub fn load(catalogue_path: &Path, shown_as: &str) -> Result<Catalogue, Failure> {
    match smtp_catalogue::read(catalogue_path) {
        Ok(catalogue) => Ok(catalogue),
        Err(ReadError::Io(error)) => Err(Failure::Error(format!("{shown_as}: cannot read: {error}"))),
        Err(ReadError::Invalid(diagnostics)) => {
            let count = diagnostics.len();
            let plural = if count == 1 { "" } else { "s" };
            let report = render_all(shown_as, &diagnostics);
            Err(Failure::Error(format!("{report}{shown_as}: {count} problem{plural}, nothing was generated")))
        }
    }
}

pub fn validate(catalogue_path: &Path, shown_as: &str) -> Result<(), Failure> {
    let catalogue = load(catalogue_path, shown_as)?;
    let entries: usize = catalogue.vendors.iter().map(|v| v.entries.len()).sum();
    println!(
        "{shown_as}: valid: {} basic codes, {} enhanced codes, {} vendors with {entries} entries, {} phrases",
        catalogue.basic.len(),
        catalogue.enhanced.len(),
        catalogue.vendors.len(),
        catalogue.phrases.len()
    );
    Ok(())
}

/// Renders every target in memory; nothing is written when any step fails.
pub fn render(catalogue_path: &Path, shown_as: &str) -> Result<Vec<GeneratedFile>, Failure> {
    let catalogue = load(catalogue_path, shown_as)?;
    emit_all(&catalogue).map_err(|e| Failure::Error(format!("rendering failed: {e}")))
}

/// What differs between the rendered files and the output folder.
#[derive(Default)]
pub struct Drift {
    pub missing: Vec<String>,
    pub stale: Vec<String>,
    pub unexpected: Vec<String>,
}

impl Drift {
    fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.stale.is_empty() && self.unexpected.is_empty()
    }
}

pub fn drift(files: &[GeneratedFile], out: &Path) -> Result<Drift, Failure> {
    let mut drift = Drift::default();
    for file in files {
        match std::fs::read(out.join(&file.path)) {
            Err(_) => drift.missing.push(file.path.clone()),
            Ok(bytes) if normalize_newlines(&bytes) != file.contents.as_bytes() => drift.stale.push(file.path.clone()),
            Ok(_) => {}
        }
    }
    let existing = list_files(out).map_err(|e| Failure::Error(format!("{}: cannot list: {e}", out.display())))?;
    drift.unexpected = existing.into_iter().filter(|path| !files.iter().any(|f| &f.path == path)).collect();
    Ok(drift)
}

fn normalize_newlines(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    for (i, &b) in bytes.iter().enumerate() {
        if !(b == b'\r' && bytes.get(i + 1) == Some(&b'\n')) {
            out.push(b);
        }
    }
    out
}

pub fn check(files: &[GeneratedFile], out: &Path) -> Result<(), Failure> {
    let drift = drift(files, out)?;
    if drift.is_empty() {
        println!("{}: {} files, all fresh", out.display(), files.len());
        return Ok(());
    }
    let mut report = String::new();
    for (label, paths) in [("missing", &drift.missing), ("stale", &drift.stale), ("unexpected", &drift.unexpected)] {
        for path in paths {
            report.push_str(&format!("{label}: {}\n", out.join(path).display()));
        }
    }
    report.push_str(&format!("{} is out of date: run `cargo xtask codegen` and commit the result", out.display()));
    Err(Failure::Error(report))
}

pub fn write(files: &[GeneratedFile], out: &Path) -> Result<(), Failure> {
    let drift = drift(files, out)?;
    let io = |path: &Path, e: std::io::Error| Failure::Error(format!("{}: {e}", path.display()));
    for file in files {
        if drift.missing.contains(&file.path) || drift.stale.contains(&file.path) {
            let path = out.join(&file.path);
            write_atomic(&path, file.contents.as_bytes()).map_err(|e| io(&path, e))?;
            println!("updated {}", path.display());
        }
    }
    for path in &drift.unexpected {
        remove_if_generated(&out.join(path))?;
    }
    let changed = drift.missing.len() + drift.stale.len();
    println!("{}: {} files, {changed} changed", out.display(), files.len());
    Ok(())
}

/// Removes a leftover file only when it carries the marker: hand-written files are never deleted.
fn remove_if_generated(path: &Path) -> Result<(), Failure> {
    let head: String = std::fs::read(path)
        .map(|bytes| String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).into_owned())
        .unwrap_or_default();
    if head.contains(MARKER) {
        std::fs::remove_file(path).map_err(|e| Failure::Error(format!("{}: {e}", path.display())))?;
        println!("removed {}", path.display());
    } else {
        eprintln!("warning: {} is not generated by codegen; left in place", path.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::workspace_root;

    /// `cargo test` fails when someone edited catalogue.yaml or a template without regenerating.
    #[test]
    fn generated_is_fresh() {
        let root = workspace_root();
        let files = super::render(&root.join("catalogue.yaml"), "catalogue.yaml").map_err(crate::test::message);
        let checked =
            files.and_then(|files| super::check(&files, &root.join("generated")).map_err(crate::test::message));
        if let Err(message) = checked {
            panic!("{message}");
        }
    }
}
