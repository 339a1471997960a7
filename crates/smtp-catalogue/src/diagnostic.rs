//! Problems found in a catalogue, printed compiler-style so editors can jump to them.

use std::fmt;

/// One problem: where it is, which entry it concerns, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    pub line: usize,
    pub column: usize,
    /// The entry the problem is about, such as `basic 550` or `vendor google entry spf-fail`; empty for the file.
    pub entry: String,
    pub message: String,
}

impl Diagnostic {
    pub fn new(line: usize, column: usize, entry: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic { line, column, entry: entry.into(), message: message.into() }
    }

    /// `catalogue.yaml:12:5: basic 550: message`.
    pub fn render(&self, file: &str) -> String {
        if self.entry.is_empty() {
            format!("{file}:{}:{}: {}", self.line, self.column, self.message)
        } else {
            format!("{file}:{}:{}: {}: {}", self.line, self.column, self.entry, self.message)
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render("catalogue.yaml"))
    }
}

/// Renders every diagnostic, one per line, sorted by position.
pub fn render_all(file: &str, diagnostics: &[Diagnostic]) -> String {
    let mut sorted = diagnostics.to_vec();
    sorted.sort();
    sorted.dedup();
    sorted.iter().map(|d| d.render(file) + "\n").collect()
}
