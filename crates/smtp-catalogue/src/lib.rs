//! The catalogue of SMTP status codes: its model, loader and validator.
//!
//! [`read`] is the one entry point the tools use: it loads `catalogue.yaml`, runs every validation rule, and returns
//! either the catalogue or every problem found, each with its line and column.

pub mod diagnostic;
pub mod load;
pub mod model;
pub mod outline;
pub mod pattern;
pub mod validate;

pub use diagnostic::{render_all, Diagnostic};
pub use model::*;

/// Parses and validates catalogue bytes.
pub fn parse_and_validate(bytes: &[u8]) -> Result<Catalogue, Vec<Diagnostic>> {
    let mut outline = None;
    let catalogue = load::load(bytes, &mut outline)?;
    let outline = outline.unwrap_or_else(|| outline::Outline::new(""));
    let diagnostics = validate::validate(&catalogue, &outline);
    if diagnostics.is_empty() {
        Ok(catalogue)
    } else {
        Err(diagnostics)
    }
}

/// The catalogue with every list in its documented order (vendor entries keep theirs: it is their priority).
///
/// Emitters render from this, so their output never depends on the order of the input.
pub fn canonical(catalogue: &Catalogue) -> Catalogue {
    let mut sorted = catalogue.clone();
    sorted.sources.sort_by(|a, b| a.id.cmp(&b.id));
    sorted.reasons.sort_by(|a, b| a.id.cmp(&b.id));
    sorted.classes.sort_by_key(|c| c.class);
    sorted.subjects.sort_by_key(|s| s.subject);
    sorted.basic.sort_by_key(|b| b.code);
    sorted.enhanced.sort_by_key(|e| EnhancedCode::parse(&e.code, true).map(|c| (c.subject, c.detail)));
    sorted.vendors.sort_by(|a, b| a.id.cmp(&b.id));
    sorted.phrases.sort_by(|a, b| a.phrase.cmp(&b.phrase));
    sorted
}

/// Why a catalogue could not be used.
#[derive(Debug)]
pub enum ReadError {
    /// The file could not be read at all.
    Io(std::io::Error),
    /// The file was read and has problems.
    Invalid(Vec<Diagnostic>),
}

/// Reads, parses and validates the catalogue at `path`.
pub fn read(path: &std::path::Path) -> Result<Catalogue, ReadError> {
    let bytes = std::fs::read(path).map_err(ReadError::Io)?;
    parse_and_validate(&bytes).map_err(ReadError::Invalid)
}
