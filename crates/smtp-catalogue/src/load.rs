//! Reading `catalogue.yaml` into the model. The only place that calls serde_yaml, so swapping the YAML library
//! (serde_yaml is archived upstream) touches this file alone.

use crate::diagnostic::Diagnostic;
use crate::model::{Catalogue, Entry, Vendor};
use crate::outline::{Outline, Step};
use serde::de::DeserializeOwned;
use serde_yaml::{Mapping, Value};

/// The sections of the catalogue, in the order the file must list them.
pub const SECTIONS: [&str; 9] =
    ["version", "sources", "reasons", "classes", "subjects", "basic", "enhanced", "vendors", "phrases"];

/// Parses the catalogue text. On failure returns every problem the parser can see, each with its position.
pub fn load(bytes: &[u8], outline_out: &mut Option<Outline>) -> Result<Catalogue, Vec<Diagnostic>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => return Err(vec![not_utf8(bytes, error.valid_up_to())]),
    };
    if text.trim().is_empty() {
        return Err(vec![Diagnostic::new(1, 1, "", "the file is empty: expected the keys version, sources, ...")]);
    }
    let outline = Outline::new(text);
    let result = parse(text, &outline);
    *outline_out = Some(outline);
    result
}

fn parse(text: &str, outline: &Outline) -> Result<Catalogue, Vec<Diagnostic>> {
    let whole = serde_yaml::from_str::<Catalogue>(text);
    let first = match whole {
        Ok(catalogue) => return Ok(catalogue),
        Err(error) => error,
    };
    let document = match serde_yaml::from_str::<Value>(text) {
        Ok(document) => document,
        Err(error) => return Err(vec![located(&error)]),
    };
    let Value::Mapping(top) = document else {
        return Err(vec![Diagnostic::new(1, 1, "", "the file must be a mapping with the keys version, sources, ...")]);
    };
    let mut diagnostics = item_errors(&top, outline);
    let exact = located(&first);
    // serde's own error has the exact position and path: keep it, and drop the coarser report of the same problem.
    diagnostics.retain(|d| !exact.message.ends_with(&d.message) && (d.line, d.column) != (exact.line, exact.column));
    diagnostics.push(exact);
    Err(diagnostics)
}

/// Deserializes every list item on its own, so one bad entry does not hide the others.
fn item_errors(top: &Mapping, outline: &Outline) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for key in top.keys() {
        let name = key.as_str().unwrap_or("");
        if !SECTIONS.contains(&name) {
            let (line, column) = outline.locate(&[Step::Key(name)]);
            let message = format!("unknown top-level key `{name}`, expected one of {}", SECTIONS.join(", "));
            diagnostics.push(Diagnostic::new(line, column, "", message));
        }
    }
    for section in SECTIONS {
        let Some(value) = top.get(section) else {
            if section != "phrases" {
                diagnostics.push(Diagnostic::new(1, 1, "", format!("missing top-level key `{section}`")));
            }
            continue;
        };
        diagnostics.extend(section_errors(section, value, outline));
    }
    diagnostics
}

fn section_errors(section: &str, value: &Value, outline: &Outline) -> Vec<Diagnostic> {
    let Value::Sequence(items) = value else {
        return Vec::new(); // the whole-document error already names a section of the wrong type
    };
    let mut diagnostics = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let path = [Step::Key(section), Step::Index(index)];
        let label = item_label(section, item, index);
        let problem = match section {
            "sources" => check::<crate::model::Source>(item),
            "reasons" => check::<crate::model::Reason>(item),
            "classes" => check::<crate::model::Class>(item),
            "subjects" => check::<crate::model::Subject>(item),
            "basic" => check::<crate::model::Basic>(item),
            "enhanced" => check::<crate::model::Enhanced>(item),
            "phrases" => check::<crate::model::Phrase>(item),
            "vendors" => {
                diagnostics.extend(entry_errors(item, &label, &path, outline));
                vendor_without_entries(item)
            }
            _ => None,
        };
        if let Some(message) = problem {
            diagnostics.push(at(outline, &path, &label, message));
        }
    }
    diagnostics
}

fn entry_errors(vendor: &Value, vendor_label: &str, vendor_path: &[Step<'_>], outline: &Outline) -> Vec<Diagnostic> {
    let Some(Value::Sequence(entries)) = vendor.get("entries") else { return Vec::new() };
    let mut diagnostics = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        if let Some(message) = check::<Entry>(entry) {
            let mut path = vendor_path.to_vec();
            path.extend([Step::Key("entries"), Step::Index(index)]);
            let id = entry.get("id").and_then(Value::as_str).map_or(format!("[{index}]"), str::to_string);
            diagnostics.push(at(outline, &path, &format!("{vendor_label} entry {id}"), message));
        }
    }
    diagnostics
}

fn vendor_without_entries(item: &Value) -> Option<String> {
    let mut copy = item.clone();
    if let Value::Mapping(map) = &mut copy {
        if map.contains_key("entries") {
            map.insert(Value::from("entries"), Value::Sequence(Vec::new()));
        }
    }
    check::<Vendor>(&copy)
}

fn check<T: DeserializeOwned>(item: &Value) -> Option<String> {
    serde_yaml::from_value::<T>(item.clone()).err().map(|e| e.to_string())
}

/// Points at the offending field when the message names one, else at the item.
fn at(outline: &Outline, path: &[Step<'_>], label: &str, message: String) -> Diagnostic {
    let field = message.split('`').nth(1).filter(|_| message.starts_with("unknown field"));
    let mut full = path.to_vec();
    if let Some(field) = field {
        full.push(Step::Key(field));
    }
    let (line, column) = outline.locate(&full);
    Diagnostic::new(line, column, label, message)
}

/// `basic 550`, `enhanced X.7.26`, `vendor google`, or the index when the item has no usable key.
pub fn item_label(section: &str, item: &Value, index: usize) -> String {
    let singular = match section {
        "basic" | "enhanced" => section,
        "sources" => "source",
        "reasons" => "reason",
        "classes" => "class",
        "subjects" => "subject",
        "vendors" => "vendor",
        "phrases" => "phrase",
        _ => section,
    };
    let key = ["code", "id", "class", "subject", "phrase"].iter().find_map(|k| item.get(*k));
    let shown = match key {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => format!("[{index}]"),
    };
    format!("{singular} {shown}")
}

fn located(error: &serde_yaml::Error) -> Diagnostic {
    let (line, column) = error.location().map_or((1, 1), |l| (l.line(), l.column()));
    let mut message = error.to_string();
    // serde_yaml puts " at line L column C" inside its message: the position is already in front of ours
    if let Some(start) = message.find(" at line ") {
        let rest = &message[start + " at line ".len()..];
        let end = rest.find(',').map_or(message.len(), |comma| start + " at line ".len() + comma);
        message.replace_range(start..end, "");
    }
    Diagnostic::new(line, column, "", message)
}

fn not_utf8(bytes: &[u8], valid_up_to: usize) -> Diagnostic {
    let before = &bytes[..valid_up_to];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = valid_up_to - before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
    Diagnostic::new(line, column, "", format!("not UTF-8 text: invalid byte 0x{:02x}", bytes[valid_up_to]))
}
