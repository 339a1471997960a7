//! The Python binding's parser and classifier: the hand-written `_classify.py` and its data, `_matcher.py`.
//! Rendered into `generated/python/smtp_codes/` beside the rest of the package.

use crate::matcher::{patterns, COMMANDS};
use crate::quote::py_str;
use crate::{GeneratedFile, MARKER};
use askama::Template;
use smtp_catalogue::{Catalogue, EnhancedCode};

#[derive(Template)]
#[template(path = "python/_classify.py", escape = "none")]
struct ClassifyPy<'c> {
    marker: &'static str,
    version: &'c str,
}

#[derive(Template)]
#[template(path = "python/_matcher.py", escape = "none")]
struct MatcherPy<'c> {
    marker: &'static str,
    version: &'c str,
    patterns: Vec<String>,
    vendor_ids: Vec<String>,
    entries: Vec<Vec<String>>,
    basic: Vec<String>,
    enhanced: Vec<String>,
    hard_reasons: String,
    phrases: Vec<String>,
    commands: Vec<String>,
}

/// A Python bytes literal: printable ASCII as is, everything else as `\xHH`.
fn py_bytes(bytes: &[u8]) -> String {
    let mut out = String::from("b\"");
    for &b in bytes {
        match b {
            b'"' | b'\\' => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push('"');
    out
}

fn py_option(text: Option<&str>) -> String {
    text.map_or("None".to_string(), py_str)
}

fn tuple<T>(items: &[T], show: impl Fn(&T) -> String) -> String {
    match items.len() {
        0 => "()".to_string(),
        1 => format!("({},)", show(&items[0])),
        _ => format!("({})", items.iter().map(show).collect::<Vec<_>>().join(", ")),
    }
}

pub fn files(catalogue: &Catalogue) -> Result<Vec<GeneratedFile>, askama::Error> {
    let version = catalogue.version.as_str();
    let patterns = patterns(catalogue)
        .iter()
        .map(|p| {
            format!("({}, {}, {}, {}, {}),", py_bytes(&p.text), p.kind as u8, p.boundary_flags(), p.owner, p.entry)
        })
        .collect();
    let entries = catalogue
        .vendors
        .iter()
        .map(|v| {
            v.entries
                .iter()
                .map(|e| {
                    format!(
                        "({}, {}, {}, {}, {}, {}, {}, {}),",
                        py_str(&e.id),
                        tuple(&e.basic, u16::to_string),
                        tuple(&e.enhanced, |c| py_str(c)),
                        py_str(e.retry.as_str()),
                        py_str(e.bounce.as_str()),
                        py_str(&e.reason),
                        e.range.map_or("None".to_string(), |[lo, hi]| format!("({lo}, {hi})")),
                        py_str(&e.action),
                    )
                })
                .collect()
        })
        .collect();
    let enhanced = catalogue
        .enhanced
        .iter()
        .filter_map(|e| {
            let code = EnhancedCode::parse(&e.code, true)?;
            Some(format!("({}, {}): ({}, {}),", code.subject, code.detail, py_str(&e.reason), py_str(&e.action)))
        })
        .collect();
    let mut hard: Vec<String> =
        catalogue.reasons.iter().filter(|r| r.bounce == smtp_catalogue::Bounce::Hard).map(|r| py_str(&r.id)).collect();
    hard.sort();
    let matcher = MatcherPy {
        marker: MARKER,
        version,
        patterns,
        vendor_ids: catalogue.vendors.iter().map(|v| format!("{},", py_str(&v.id))).collect(),
        entries,
        basic: catalogue
            .basic
            .iter()
            .map(|b| format!("{}: ({}, {}),", b.code, py_option(b.reason.as_deref()), py_str(&b.action)))
            .collect(),
        enhanced,
        hard_reasons: hard.join(", "),
        phrases: catalogue.phrases.iter().map(|p| format!("({}, {}),", py_str(&p.phrase), py_str(&p.reason))).collect(),
        commands: COMMANDS.iter().map(|(p, c)| format!("({}, {}),", py_str(p), py_str(c))).collect(),
    };
    Ok(vec![
        GeneratedFile::new("smtp_codes/_classify.py", ClassifyPy { marker: MARKER, version }.render()?),
        GeneratedFile::new("smtp_codes/_matcher.py", matcher.render()?),
    ])
}
