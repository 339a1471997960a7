//! `generated/c`: `smtp_codes.h`, a single-header library in the stb style, and its README.
//!
//! The hand-written C (types, functions, usage notes) lives in `templates/c/smtp_codes.h`. This module only turns
//! the catalogue into lines of C: enumerators, macros and table rows, every string quoted with [`c_str`] and every
//! comment made safe with [`comment`]. Lists inside rows point into three pools (strings, numbers, enhanced codes),
//! so the header needs no per-row arrays. The classifier's Aho-Corasick automaton ([`crate::matcher::build`]) is
//! emitted as plain integer tables, sixteen numbers a line, as the Rust binding emits it.

use crate::quote::{c_str, comment};
use crate::{GeneratedFile, MARKER};
use askama::Template;
use smtp_catalogue::{Basic, Catalogue, Enhanced, EnhancedCode, Entry, Reason, Vendor};

#[derive(Template)]
#[template(path = "c/smtp_codes.h", escape = "none")]
struct Header {
    marker: &'static str,
    version: String,
    version_literal: String,
    major: u64,
    minor: u64,
    patch: u64,
    replies: Vec<String>,
    enhanced_macros: Vec<String>,
    strings: Vec<String>,
    numbers: Vec<String>,
    codes: Vec<String>,
    basic: Vec<String>,
    enhanced: Vec<String>,
    reasons: Vec<String>,
    entries: Vec<String>,
    vendors: Vec<String>,
    automaton: AutomatonTables,
}

/// The automaton of docs/parsing.md section 6 as lines of C (see `crate::matcher::Automaton` for what each holds).
struct AutomatonTables {
    /// `{kind, flags, length, owner, entry},` per pattern.
    patterns: Vec<String>,
    /// The integer type of state numbers.
    state_ty: &'static str,
    class: Vec<String>,
    class_count: u32,
    row_depth: usize,
    row_states: u32,
    rows: Vec<String>,
    next_class: Vec<String>,
    edge_start: Numbers,
    edge_class: Vec<String>,
    edge_next: Vec<String>,
    fail: Vec<String>,
    has_output: Vec<String>,
    out_start: Numbers,
    out_pattern: Numbers,
    dict: Vec<String>,
    /// `{"phrase", "command"},` in priority order.
    commands: Vec<String>,
    /// `{"phrase", "reason"},` in catalogue order.
    phrases: Vec<String>,
    /// The longest pattern in bytes, and the power of two above it: the classifier's look-behind window.
    longest: usize,
    window: usize,
}

#[derive(Template)]
#[template(path = "c/README.md", escape = "none")]
struct Readme<'c> {
    marker: &'static str,
    version: &'c str,
}

pub fn emit(catalogue: &Catalogue) -> Result<Vec<GeneratedFile>, askama::Error> {
    // The lookups binary-search the tables, so they must be in the catalogue's documented order whatever the input.
    let catalogue = &smtp_catalogue::canonical(catalogue);
    if catalogue.basic.is_empty() {
        // Every table ends in a sentinel row, but C has no empty enum.
        return Err(error("the C binding needs at least one basic code".to_string()));
    }
    let version = catalogue.version.as_str();
    let [major, minor, patch] = version_parts(version);
    let mut pools = Pools::default();
    let basic = catalogue.basic.iter().map(|b| basic_row(&mut pools, b)).collect();
    let enhanced = catalogue.enhanced.iter().map(|e| enhanced_row(&mut pools, e)).collect::<Result<_, _>>()?;
    let (mut entries, mut entry_count, mut vendors) = (Vec::new(), 0, Vec::new());
    for vendor in &catalogue.vendors {
        vendors.push(vendor_row(&mut pools, vendor, entry_count));
        entry_count += vendor.entries.len();
        entries.push(format!("/* {} */", comment(&vendor.id)));
        for entry in &vendor.entries {
            entries.push(entry_row(&mut pools, &vendor.id, entry)?);
        }
    }
    let header = Header {
        marker: MARKER,
        version: comment(version),
        version_literal: c_str(version),
        major,
        minor,
        patch,
        replies: reply_enumerators(&catalogue.basic),
        enhanced_macros: enhanced_macros(&catalogue.enhanced)?,
        basic,
        enhanced,
        reasons: catalogue.reasons.iter().map(reason_row).collect(),
        entries,
        vendors,
        strings: pools.strings,
        numbers: pools.numbers,
        codes: pools.codes,
        automaton: automaton_tables(catalogue),
    };
    Ok(vec![
        GeneratedFile::new("smtp_codes.h", header.render()?),
        GeneratedFile::new("README.md", Readme { marker: MARKER, version }.render()?),
    ])
}

/// A table of state or pattern numbers: the smallest unsigned type that holds them (so the tables stay in cache),
/// and its lines of sixteen values.
struct Numbers {
    ty: &'static str,
    lines: Vec<String>,
}

fn numbers(values: &[u32]) -> Numbers {
    Numbers { ty: c_type(values), lines: crate::rust::number_lines(values, 16) }
}

fn c_type(values: &[u32]) -> &'static str {
    match crate::matcher::bits(values) {
        8 => "uint8_t",
        16 => "uint16_t",
        _ => "uint32_t",
    }
}

/// The automaton over the canonical catalogue, so its vendor and entry indices are those of the header's tables.
fn automaton_tables(catalogue: &Catalogue) -> AutomatonTables {
    let a = crate::matcher::build(catalogue);
    let longest = a.patterns.iter().map(|p| p.text.len()).max().unwrap_or(0);
    AutomatonTables {
        patterns: a
            .patterns
            .iter()
            .map(|p| {
                format!("{{{}, {}, {}, {}, {}}},", p.kind as u8, p.boundary_flags(), p.text.len(), p.owner, p.entry)
            })
            .collect(),
        state_ty: c_type(&[a.fail.len() as u32]),
        class: lines(&a.classes, 32),
        class_count: a.class_count,
        row_depth: crate::matcher::ROW_DEPTH,
        row_states: a.row_states,
        rows: lines(&a.rows, a.class_count as usize),
        next_class: lines(&a.next_class, 32),
        edge_start: numbers(&a.edge_start),
        edge_class: lines(&a.edge_class, 32),
        edge_next: lines(&a.edge_next, 16),
        fail: lines(&a.fail, 16),
        has_output: lines(&a.has_output, 32),
        out_start: numbers(&a.out_start),
        out_pattern: numbers(&a.out_pattern),
        dict: lines(&a.dict, 16),
        commands: crate::matcher::COMMANDS.iter().map(|(p, c)| format!("{{{}, {}}},", c_str(p), c_str(c))).collect(),
        phrases: catalogue.phrases.iter().map(|p| format!("{{{}, {}}},", c_str(&p.phrase), c_str(&p.reason))).collect(),
        longest,
        window: (longest + 1).next_power_of_two().max(2),
    }
}

fn lines<T: ToString>(values: &[T], per_line: usize) -> Vec<String> {
    crate::rust::number_lines(values, per_line)
}

fn error(message: String) -> askama::Error {
    askama::Error::Custom(message.into())
}

/// `1.2.3-rc.1` -> `[1, 2, 3]`: the leading digits of the first three dot-separated parts (0 when missing).
fn version_parts(version: &str) -> [u64; 3] {
    let mut parts = version.split('.').map(|part| {
        let digits: String = part.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().unwrap_or(0)
    });
    [parts.next().unwrap_or(0), parts.next().unwrap_or(0), parts.next().unwrap_or(0)]
}

/// Lines `left` followed by an aligned `/* text */` (no comment when the text is empty).
fn aligned(rows: Vec<(String, String)>) -> Vec<String> {
    let width = rows.iter().map(|(left, _)| left.len()).max().unwrap_or(0);
    rows.into_iter()
        .map(|(left, text)| if text.is_empty() { left } else { format!("{left:<width$} /* {text} */") })
        .collect()
}

/// `SMTP_REPLY_MAILBOX_UNAVAILABLE = 550,  /* Requested action not taken: mailbox unavailable */`.
fn reply_enumerators(basic: &[Basic]) -> Vec<String> {
    aligned(
        basic
            .iter()
            .map(|b| {
                let text = comment(b.text.as_deref().unwrap_or(&b.meaning));
                let text = match b.status {
                    smtp_catalogue::Status::Standard => text,
                    status => format!("[{}] {text}", status.as_str()),
                };
                (format!("SMTP_REPLY_{} = {},", b.name, b.code), text)
            })
            .collect(),
    )
}

fn class_prefix(class: u8) -> &'static str {
    match class {
        2 => "SUCCESS",
        4 => "TRANSIENT",
        _ => "PERMANENT",
    }
}

fn registry_code(e: &Enhanced) -> Result<EnhancedCode, askama::Error> {
    EnhancedCode::parse(&e.code, true)
        .ok_or_else(|| error(format!("enhanced code `{}` is not X.subject.detail", e.code)))
}

/// `#define SMTP_ENHANCED_PERMANENT_<NAME> SMTP_ENHANCED(5, 1, 1) /* 5.1.1 title */`, one per entry and class.
fn enhanced_macros(enhanced: &[Enhanced]) -> Result<Vec<String>, askama::Error> {
    let mut rows = Vec::new();
    for e in enhanced {
        let code = registry_code(e)?;
        for &class in &e.classes {
            let name = format!("SMTP_ENHANCED_{}_{}", class_prefix(class), e.name);
            let deprecated = if e.deprecated { " (deprecated)" } else { "" };
            rows.push((
                format!("#define {name}"),
                format!("SMTP_ENHANCED({class}, {}, {})", code.subject, code.detail),
                format!("{class}.{}.{} {}{deprecated}", code.subject, code.detail, comment(&e.title)),
            ));
        }
    }
    let width = rows.iter().map(|(define, _, _)| define.len()).max().unwrap_or(0);
    Ok(aligned(rows.into_iter().map(|(define, value, text)| (format!("{define:<width$} {value}"), text)).collect()))
}

/// The three pools lists point into, as lines of C, with their running lengths.
#[derive(Default)]
struct Pools {
    strings: Vec<String>,
    strings_len: usize,
    numbers: Vec<String>,
    numbers_len: usize,
    codes: Vec<String>,
    codes_len: usize,
}

impl Pools {
    /// `smtp__strings + N, count` for a list of strings; `NULL, 0` when it is empty.
    fn strings<'a>(&mut self, owner: &str, items: impl IntoIterator<Item = &'a String>) -> String {
        let items: Vec<String> = items.into_iter().map(|s| c_str(s)).collect();
        slice("smtp__strings", pool_line(&mut self.strings, &mut self.strings_len, owner, &items), items.len())
    }

    /// `smtp__numbers + N, count` for a list of numbers; `NULL, 0` when it is empty.
    fn numbers<T: ToString>(&mut self, owner: &str, items: &[T]) -> String {
        let items: Vec<String> = items.iter().map(T::to_string).collect();
        slice("smtp__numbers", pool_line(&mut self.numbers, &mut self.numbers_len, owner, &items), items.len())
    }

    /// `smtp__codes + N, count` for a list of enhanced codes; `NULL, 0` when it is empty.
    fn codes(&mut self, owner: &str, items: &[EnhancedCode]) -> String {
        let items: Vec<String> = items.iter().map(|&c| code_literal(c)).collect();
        slice("smtp__codes", pool_line(&mut self.codes, &mut self.codes_len, owner, &items), items.len())
    }

    /// `smtp__codes + N` for one enhanced code.
    fn code(&mut self, owner: &str, code: EnhancedCode) -> String {
        format!("smtp__codes + {}", pool_line(&mut self.codes, &mut self.codes_len, owner, &[code_literal(code)]))
    }
}

/// `{5, 1, 1}`: an initializer for `struct smtp_enhanced_code`.
fn code_literal(code: EnhancedCode) -> String {
    format!("{{{}, {}, {}}}", code.class, code.subject, code.detail)
}

/// Appends the pool line `/* N: owner */ a, b,` and returns N, the offset of its first item.
fn pool_line(lines: &mut Vec<String>, len: &mut usize, owner: &str, items: &[String]) -> usize {
    let offset = *len;
    if !items.is_empty() {
        *len += items.len();
        lines.push(format!("/* {offset}: {} */ {},", comment(owner), items.join(", ")));
    }
    offset
}

/// `pool + offset, count`, or `NULL, 0` for an empty list.
fn slice(pool: &str, offset: usize, count: usize) -> String {
    if count == 0 {
        "NULL, 0".to_string()
    } else {
        format!("{pool} + {offset}, {count}")
    }
}

fn option_str(value: Option<&str>) -> String {
    value.map_or("NULL".to_string(), c_str)
}

/// `SMTP_RETRY_PERMANENT`, `SMTP_STATUS_REGISTRY_ONLY`: a prefix and the catalogue's spelling in capitals.
fn constant(prefix: &str, value: &str) -> String {
    format!("{prefix}_{}", value.to_ascii_uppercase())
}

/// One table row: `{field, field, ...},`.
fn row(fields: Vec<String>) -> String {
    format!("{{{}}},", fields.join(", "))
}

fn basic_row(pools: &mut Pools, b: &Basic) -> String {
    row(vec![
        b.code.to_string(),
        c_str(&b.name),
        constant("SMTP_STATUS", b.status.as_str()),
        option_str(b.text.as_deref()),
        c_str(&b.meaning),
        c_str(&b.action),
        constant("SMTP_RETRY", b.retry.map_or("none", |r| r.as_str())),
        option_str(b.reason.as_deref()),
        pools.strings(&format!("{} sources", b.code), &b.sources),
    ])
}

fn enhanced_row(pools: &mut Pools, e: &Enhanced) -> Result<String, askama::Error> {
    let code = registry_code(e)?;
    Ok(row(vec![
        code.subject.to_string(),
        code.detail.to_string(),
        pools.numbers(&format!("{} classes", e.code), &e.classes),
        c_str(&e.name),
        c_str(&e.title),
        c_str(&e.meaning),
        c_str(&e.action),
        c_str(&e.reason),
        pools.numbers(&format!("{} basic", e.code), &e.basic),
        u8::from(e.deprecated).to_string(),
        pools.strings(&format!("{} sources", e.code), &e.sources),
    ]))
}

fn reason_row(r: &Reason) -> String {
    row(vec![
        c_str(&r.id),
        c_str(&r.meaning),
        constant("SMTP_BOUNCE", r.bounce.as_str()),
        constant("SMTP_RETRY", r.retry.map_or("none", |r| r.as_str())),
    ])
}

fn vendor_row(pools: &mut Pools, v: &Vendor, first_entry: usize) -> String {
    row(vec![
        c_str(&v.id),
        c_str(&v.name),
        constant("SMTP_VENDOR_KIND", v.kind.as_str()),
        pools.strings(&format!("{} markers", v.id), &v.markers),
        pools.strings(&format!("{} sources", v.id), &v.sources),
        slice("smtp__entries", first_entry, v.entries.len()),
    ])
}

fn wire_code(text: &str) -> Result<EnhancedCode, askama::Error> {
    EnhancedCode::parse(text, false).ok_or_else(|| error(format!("`{text}` is not an enhanced status code")))
}

fn entry_row(pools: &mut Pools, vendor: &str, e: &Entry) -> Result<String, askama::Error> {
    let owner = format!("{vendor}/{}", e.id);
    let enhanced = e.enhanced.iter().map(|c| wire_code(c)).collect::<Result<Vec<_>, _>>()?;
    let overrides = e.overrides.as_deref().map(wire_code).transpose()?;
    let range = match e.range {
        Some([low, high]) => format!("1, {low}, {high}"),
        None => "0, 0, 0".to_string(),
    };
    Ok(row(vec![
        c_str(&e.id),
        c_str(vendor),
        option_str(e.fragment.as_deref()),
        pools.strings(&format!("{owner} variants"), &e.variants),
        option_str(e.token.as_deref()),
        pools.strings(&format!("{owner} token variants"), &e.token_variants),
        range,
        pools.numbers(&format!("{owner} basic"), &e.basic),
        pools.codes(&format!("{owner} enhanced"), &enhanced),
        c_str(&e.meaning),
        c_str(&e.action),
        constant("SMTP_RETRY", e.retry.as_str()),
        constant("SMTP_BOUNCE", e.bounce.as_str()),
        c_str(&e.reason),
        constant("SMTP_CONFIDENCE", e.confidence.as_str()),
        pools.strings(&format!("{owner} sources"), &e.sources),
        overrides.map_or("NULL".to_string(), |code| pools.code(&format!("{owner} overrides"), code)),
        u8::from(e.legacy).to_string(),
        option_str(e.first_seen.as_deref()),
        option_str(e.retired.as_deref()),
    ]))
}

#[cfg(test)]
mod tests {
    use super::version_parts;

    #[test]
    fn version_parts_take_leading_digits() {
        assert_eq!(version_parts("1.2.3"), [1, 2, 3]);
        assert_eq!(version_parts("0.10.0-rc.1"), [0, 10, 0]);
        assert_eq!(version_parts("7"), [7, 0, 0]);
    }
}
