//! The Python binding's parser and classifier: the hand-written `_classify.py` and its data, `_matcher.py`.
//! Rendered into `generated/python/smtp_codes/` beside the rest of the package.

use crate::matcher::{patterns, COMMANDS};
use crate::quote::py_str;
use crate::{GeneratedFile, MARKER};
use askama::Template;
use smtp_catalogue::{Catalogue, EnhancedCode};
use std::collections::BTreeMap;

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
    /// `"reason": "retry",` for the reasons that imply a retry on their own.
    reason_retry: Vec<String>,
    phrases: Vec<String>,
    commands: Vec<String>,
    /// The bytes literal of the regular expression that finds every pattern (see `scanner`).
    scanner: String,
    /// How many bytes after a pattern the scanner reports.
    tail: usize,
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

/// A trie of byte strings: children by byte, and whether a string ends here.
#[derive(Default)]
struct Trie {
    children: BTreeMap<u8, Trie>,
    terminal: bool,
}

impl Trie {
    fn insert(&mut self, text: &[u8]) {
        let node = text.iter().fold(self, |node, &byte| node.children.entry(byte).or_default());
        node.terminal = true;
    }
}

/// How many bytes after a pattern the scanner reports: a range token is followed by up to 9 digits, and the byte
/// after those must not be a letter or digit.
const TAIL: usize = 10;

/// The regular expression the Python binding finds patterns with (docs/parsing.md, section 6); `_matcher.py` says
/// what it reports.
///
/// The Python engine pays far more for each place it tries a pattern from than for the bytes it reads there, and for
/// each call and each result than for either, so there is one scanner and it starts with a byte class, which the
/// engine skips ahead to in C: a byte that is not a letter or digit. A pattern starting with a letter or digit may
/// only start right after such a byte (and the matching text starts with a space), and every other pattern starts
/// with one. So after each such byte one trie is tried in a lookahead, so that occurrences may overlap: it holds the
/// patterns of the first kind and the rest of each pattern of the second kind, which the byte the scanner stopped at
/// completes.
fn scanner(texts: &[&[u8]]) -> Result<Vec<u8>, String> {
    let mut trie = Trie::default();
    for text in texts {
        match text.split_first() {
            Some((first, _)) if first.is_ascii_alphanumeric() => trie.insert(text),
            // an empty rest would match after every stop, and the scanner report at each
            Some((_, rest)) if !rest.is_empty() => trie.insert(rest),
            _ => return Err(format!("pattern {:?} is too short to scan for", String::from_utf8_lossy(text))),
        }
    }
    let mut source = b"([^a-z0-9])(?=(".to_vec();
    write_trie(&trie, &mut source);
    source.extend_from_slice(format!(r")([\s\S]{{0,{TAIL}}}))").as_bytes());
    Ok(source)
}

/// The alternatives below `node`, and an empty one last when a pattern ends at `node` (the engine runs that faster
/// than an optional group); chains of single children as literals.
fn write_trie(node: &Trie, out: &mut Vec<u8>) {
    if node.children.is_empty() {
        return;
    }
    let group = node.terminal || node.children.len() > 1;
    if group {
        out.extend_from_slice(b"(?:");
    }
    for (i, (&byte, child)) in node.children.iter().enumerate() {
        if i > 0 {
            out.push(b'|');
        }
        let mut child = child;
        push_literal(byte, out);
        while child.children.len() == 1 && !child.terminal {
            let (&next, grandchild) = child.children.iter().next().expect("one child");
            push_literal(next, out);
            child = grandchild;
        }
        write_trie(child, out);
    }
    if node.terminal {
        out.push(b'|');
    }
    if group {
        out.push(b')');
    }
}

fn push_literal(byte: u8, out: &mut Vec<u8>) {
    if b".^$*+?{}[]\\|()".contains(&byte) {
        out.push(b'\\');
    }
    out.push(byte);
}

pub fn files(catalogue: &Catalogue) -> Result<Vec<GeneratedFile>, askama::Error> {
    let version = catalogue.version.as_str();
    let all = patterns(catalogue);
    let texts: Vec<&[u8]> = all.iter().map(|p| p.text.as_slice()).collect();
    let scanner = scanner(&texts).map_err(askama::Error::custom)?;
    let patterns = all
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
        reason_retry: catalogue
            .reasons
            .iter()
            .filter_map(|r| Some(format!("{}: {},", py_str(&r.id), py_str(r.retry?.as_str()))))
            .collect(),
        phrases: catalogue.phrases.iter().map(|p| format!("({}, {}),", py_str(&p.phrase), py_str(&p.reason))).collect(),
        commands: COMMANDS.iter().map(|(p, c)| format!("({}, {}),", py_str(p), py_str(c))).collect(),
        scanner: py_bytes(&scanner),
        tail: TAIL,
    };
    Ok(vec![
        GeneratedFile::new("smtp_codes/_classify.py", ClassifyPy { marker: MARKER, version }.render()?),
        GeneratedFile::new("smtp_codes/_matcher.py", matcher.render()?),
    ])
}

#[cfg(test)]
mod tests {
    use super::scanner;

    #[test]
    fn scanner_tries_one_trie_of_patterns_and_rests_after_each_stop() {
        let texts = ["ab", "abcd", "ax", "a.b", "q(1)", "(#5)", "(x", ".com"].map(str::as_bytes);
        let scanner = String::from_utf8(scanner(&texts).expect("scanner")).expect("ASCII");
        let tail = r"([\s\S]{0,10})";
        assert_eq!(scanner, format!(r"([^a-z0-9])(?=((?:#5\)|a(?:\.b|b(?:cd|)|x)|com|q\(1\)|x)){tail})"));
    }

    #[test]
    fn scanner_refuses_a_pattern_it_could_not_report() {
        assert!(scanner(&[b"ab".as_slice(), b"-".as_slice()]).is_err());
        assert!(scanner(&[b"a".as_slice()]).is_ok());
    }
}
