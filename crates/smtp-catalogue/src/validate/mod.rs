//! Semantic checks of a loaded catalogue. Every rule runs and every problem is reported, so a maintainer sees all
//! of them in one run.

mod codes;
mod names;
mod order;
mod references;
mod vendors;

use crate::diagnostic::Diagnostic;
use crate::model::Catalogue;
use crate::outline::{Outline, Step};

/// Collects diagnostics, locating each through the outline of the source text.
pub struct Report<'a> {
    outline: &'a Outline,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Report<'a> {
    pub fn new(outline: &'a Outline) -> Report<'a> {
        Report { outline, diagnostics: Vec::new() }
    }

    /// Reports a problem about `entry`, at the deepest node of `path` that exists.
    pub fn error(&mut self, path: &[Step<'_>], entry: impl Into<String>, message: impl Into<String>) {
        let (line, column) = self.outline.locate(path);
        self.diagnostics.push(Diagnostic::new(line, column, entry, message));
    }

    pub fn top_level_keys(&self) -> Vec<(&str, usize)> {
        self.outline.top_level_keys()
    }
}

/// Runs every rule; an empty result means the catalogue is valid.
pub fn validate(catalogue: &Catalogue, outline: &Outline) -> Vec<Diagnostic> {
    let mut report = Report::new(outline);
    order::check(catalogue, &mut report);
    codes::check(catalogue, &mut report);
    names::check(catalogue, &mut report);
    references::check(catalogue, &mut report);
    vendors::check(catalogue, &mut report);
    report.diagnostics
}

/// Path of the `index`-th item of a top-level section, optionally down to one field.
pub(crate) fn item_path<'p>(section: &'p str, index: usize, field: Option<&'p str>) -> Vec<Step<'p>> {
    let mut path = vec![Step::Key(section), Step::Index(index)];
    path.extend(field.map(Step::Key));
    path
}

/// Path of an entry of a vendor, optionally down to one field.
pub(crate) fn entry_path<'p>(vendor: usize, entry: usize, field: Option<&'p str>) -> Vec<Step<'p>> {
    let mut path = vec![Step::Key("vendors"), Step::Index(vendor), Step::Key("entries"), Step::Index(entry)];
    path.extend(field.map(Step::Key));
    path
}

/// Is `text` made of lowercase ASCII letters, digits and the given extra characters, starting with a letter or digit?
pub(crate) fn is_identifier(text: &str, extra: &[u8]) -> bool {
    let bytes = text.as_bytes();
    !bytes.is_empty()
        && bytes[0].is_ascii_alphanumeric()
        && bytes.iter().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || extra.contains(b))
}
