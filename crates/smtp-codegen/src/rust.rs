//! `generated/rust`: the `smtp-codes` crate (no_std, no dependencies).
//!
//! Hand-written parts live as templates that only receive the version; the data goes into `codes.rs` (constants)
//! and `tables.rs` (sorted static tables), rendered from the view rows built here.

use crate::quote::{comment, rust_str};
use crate::{GeneratedFile, MARKER};
use askama::Template;
use smtp_catalogue::{Basic, Catalogue, Enhanced, EnhancedCode, Entry, Vendor};

plain_template!(CargoToml, "rust/Cargo.toml");
plain_template!(RustfmtToml, "rust/rustfmt.toml");
plain_template!(Readme, "rust/README.md");
plain_template!(LibRs, "rust/lib.rs");
plain_template!(ReplyRs, "rust/reply.rs");
plain_template!(EnhancedRs, "rust/enhanced.rs");
plain_template!(InfoRs, "rust/info.rs");
plain_template!(ParseRs, "rust/parse.rs");
plain_template!(ClassifyRs, "rust/classify.rs");

/// A documented constant: `/// doc` lines, then `pub const NAME: Type = value;`.
struct Constant {
    docs: Vec<String>,
    name: String,
    value: String,
}

#[derive(Template)]
#[template(path = "rust/codes.rs", escape = "none")]
struct CodesRs<'c> {
    marker: &'static str,
    version: &'c str,
    replies: Vec<Constant>,
    enhanced: Vec<Constant>,
}

#[derive(Template)]
#[template(path = "rust/tables.rs", escape = "none")]
struct TablesRs<'c> {
    marker: &'static str,
    version: &'c str,
    reasons: Vec<String>,
    basic: Vec<String>,
    enhanced: Vec<String>,
    vendors: Vec<VendorRows>,
}

#[derive(Template)]
#[template(path = "rust/automaton.rs", escape = "none")]
struct AutomatonRs<'c> {
    marker: &'static str,
    version: &'c str,
    patterns: Vec<String>,
    state_ty: String,
    class: Vec<String>,
    class_count: u32,
    row_depth: usize,
    row_states: u32,
    rows: Vec<String>,
    edge_start_ty: String,
    edge_start: Vec<String>,
    edge_class: Vec<String>,
    next_class: Vec<String>,
    edge_next: Vec<String>,
    fail: Vec<String>,
    has_output: Vec<String>,
    out_start_ty: String,
    out_start: Vec<String>,
    out_pattern_ty: String,
    out_pattern: Vec<String>,
    dict: Vec<String>,
    phrases: Vec<String>,
    commands: Vec<String>,
}

/// Numbers as lines of `per_line` comma-terminated values.
pub(crate) fn number_lines<T: ToString>(values: &[T], per_line: usize) -> Vec<String> {
    values
        .chunks(per_line)
        .map(|chunk| chunk.iter().map(|v| format!("{},", v.to_string())).collect::<Vec<_>>().join(" "))
        .collect()
}

fn automaton_rs(catalogue: &Catalogue, version: &str) -> Result<String, askama::Error> {
    let a = crate::matcher::build(catalogue);
    let patterns = a
        .patterns
        .iter()
        .map(|p| format!("({}, {}, {}, {}, {}),", p.kind as u8, p.boundary_flags(), p.text.len(), p.owner, p.entry))
        .collect();
    let phrases =
        catalogue.phrases.iter().map(|p| format!("({}, {}),", rust_str(&p.phrase), rust_str(&p.reason))).collect();
    let ty = |values: &[u32]| format!("u{}", crate::matcher::bits(values));
    AutomatonRs {
        marker: MARKER,
        version,
        patterns,
        state_ty: ty(&[a.fail.len() as u32]),
        class: number_lines(&a.classes, 32),
        class_count: a.class_count,
        row_depth: crate::matcher::ROW_DEPTH,
        row_states: a.row_states,
        rows: number_lines(&a.rows, a.class_count as usize),
        edge_start_ty: ty(&a.edge_start),
        edge_start: number_lines(&a.edge_start, 16),
        edge_class: number_lines(&a.edge_class, 32),
        next_class: number_lines(&a.next_class, 32),
        edge_next: number_lines(&a.edge_next, 16),
        fail: number_lines(&a.fail, 16),
        has_output: number_lines(&a.has_output, 32),
        out_start_ty: ty(&a.out_start),
        out_start: number_lines(&a.out_start, 16),
        out_pattern_ty: ty(&a.out_pattern),
        out_pattern: number_lines(&a.out_pattern, 16),
        dict: number_lines(&a.dict, 16),
        phrases,
        commands: crate::matcher::COMMANDS
            .iter()
            .map(|(p, c)| format!("({}, {}),", rust_str(p), rust_str(c)))
            .collect(),
    }
    .render()
}

struct VendorRows {
    head: String,
    entries: Vec<String>,
    tail: String,
}

pub fn emit(catalogue: &Catalogue) -> Result<Vec<GeneratedFile>, askama::Error> {
    let version = catalogue.version.as_str();
    let codes = CodesRs {
        marker: MARKER,
        version,
        replies: catalogue.basic.iter().map(reply_constant).collect(),
        enhanced: catalogue.enhanced.iter().flat_map(enhanced_constants).collect(),
    };
    let tables = TablesRs {
        marker: MARKER,
        version,
        reasons: catalogue
            .reasons
            .iter()
            .map(|r| {
                format!(
                    "ReasonInfo {{ id: {}, meaning: {}, bounce: Bounce::{}, retry: {} }},",
                    rust_str(&r.id),
                    rust_str(&r.meaning),
                    variant(r.bounce.as_str()),
                    option_retry(r.retry)
                )
            })
            .collect(),
        basic: catalogue.basic.iter().map(basic_row).collect(),
        enhanced: catalogue.enhanced.iter().map(enhanced_row).collect(),
        vendors: catalogue.vendors.iter().map(vendor_rows).collect(),
    };
    Ok(vec![
        GeneratedFile::new("Cargo.toml", CargoToml { marker: MARKER, version }.render()?),
        GeneratedFile::new("README.md", Readme { marker: MARKER, version }.render()?),
        GeneratedFile::new("rustfmt.toml", RustfmtToml { marker: MARKER, version }.render()?),
        GeneratedFile::new("src/lib.rs", LibRs { marker: MARKER, version }.render()?),
        GeneratedFile::new("src/reply.rs", ReplyRs { marker: MARKER, version }.render()?),
        GeneratedFile::new("src/enhanced.rs", EnhancedRs { marker: MARKER, version }.render()?),
        GeneratedFile::new("src/info.rs", InfoRs { marker: MARKER, version }.render()?),
        GeneratedFile::new("src/parse.rs", ParseRs { marker: MARKER, version }.render()?),
        GeneratedFile::new("src/classify.rs", ClassifyRs { marker: MARKER, version }.render()?),
        GeneratedFile::new("src/automaton.rs", automaton_rs(catalogue, version)?),
        GeneratedFile::new("src/codes.rs", codes.render()?),
        GeneratedFile::new("src/tables.rs", tables.render()?),
    ])
}

/// `standard` -> `Standard`, `registry_only` -> `RegistryOnly`.
fn variant(snake: &str) -> String {
    snake.split('_').map(|w| w[..1].to_ascii_uppercase() + &w[1..]).collect()
}

fn option_str(value: Option<&str>) -> String {
    value.map_or("None".to_string(), |v| format!("Some({})", rust_str(v)))
}

fn str_slice<'a>(items: impl IntoIterator<Item = &'a String>) -> String {
    format!("&[{}]", items.into_iter().map(|s| rust_str(s)).collect::<Vec<_>>().join(", "))
}

fn number_slice<T: ToString>(items: &[T]) -> String {
    format!("&[{}]", items.iter().map(T::to_string).collect::<Vec<_>>().join(", "))
}

fn reply_constant(basic: &Basic) -> Constant {
    let text = basic.text.as_deref().map(|t| format!(" {}", comment(t))).unwrap_or_default();
    let mut docs = vec![format!("{}{text}", basic.code), String::new(), comment(&basic.meaning)];
    if basic.status != smtp_catalogue::Status::Standard {
        docs.push(String::new());
        docs.push(format!("Status: {}.", basic.status.as_str()));
    }
    Constant { docs, name: basic.name.clone(), value: format!("ReplyCode({})", basic.code) }
}

/// One constant per class the registry entry applies to: `PERMANENT_BAD_DESTINATION_MAILBOX_ADDRESS`.
fn enhanced_constants(enhanced: &Enhanced) -> Vec<Constant> {
    let Some(code) = EnhancedCode::parse(&enhanced.code, true) else { return Vec::new() };
    enhanced
        .classes
        .iter()
        .map(|&class| {
            let mut docs = vec![format!("{class}.{}.{} {}", code.subject, code.detail, comment(&enhanced.title))];
            docs.extend([String::new(), comment(&enhanced.meaning)]);
            if enhanced.deprecated {
                docs.extend([String::new(), "Deprecated by the registry.".to_string()]);
            }
            Constant {
                docs,
                name: format!("{}_{}", crate::class_prefix(class), enhanced.name),
                value: format!("EnhancedCode::new({class}, {}, {})", code.subject, code.detail),
            }
        })
        .collect()
}

fn basic_row(b: &Basic) -> String {
    let commands = b
        .commands
        .iter()
        .map(|c| {
            format!("Command {{ command: {}, meaning: {} }}", rust_str(&c.command), option_str(c.meaning.as_deref()))
        })
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "BasicInfo {{ code: {}, name: {}, status: Status::{}, text: {}, meaning: {}, action: {}, retry: {}, reason: {}, commands: &[{commands}], sources: {} }},",
        b.code,
        rust_str(&b.name),
        variant(b.status.as_str()),
        option_str(b.text.as_deref()),
        rust_str(&b.meaning),
        rust_str(&b.action),
        option_retry(b.retry),
        option_str(b.reason.as_deref()),
        str_slice(&b.sources),
    )
}

/// `Some(Retry::Permanent)` or `None`.
fn option_retry(retry: Option<smtp_catalogue::Retry>) -> String {
    retry.map_or("None".to_string(), |r| format!("Some(Retry::{})", variant(r.as_str())))
}

fn enhanced_row(e: &Enhanced) -> String {
    let code = EnhancedCode::parse(&e.code, true).unwrap_or(EnhancedCode { class: 0, subject: 0, detail: 0 });
    format!(
        "EnhancedInfo {{ subject: {}, detail: {}, classes: {}, name: {}, title: {}, meaning: {}, action: {}, reason: {}, basic: {}, deprecated: {}, sources: {} }},",
        code.subject,
        code.detail,
        number_slice(&e.classes),
        rust_str(&e.name),
        rust_str(&e.title),
        rust_str(&e.meaning),
        rust_str(&e.action),
        rust_str(&e.reason),
        number_slice(&e.basic),
        e.deprecated,
        str_slice(&e.sources),
    )
}

fn vendor_rows(v: &Vendor) -> VendorRows {
    VendorRows {
        head: format!(
            "VendorInfo {{ id: {}, name: {}, kind: VendorKind::{}, markers: {}, sources: {}, entries: &[",
            rust_str(&v.id),
            rust_str(&v.name),
            variant(v.kind.as_str()),
            str_slice(&v.markers),
            str_slice(&v.sources),
        ),
        entries: v.entries.iter().map(|e| entry_row(&v.id, e)).collect(),
        tail: "] },".to_string(),
    }
}

fn enhanced_value(text: &str) -> String {
    match EnhancedCode::parse(text, false) {
        Some(c) => format!("EnhancedCode::new({}, {}, {})", c.class, c.subject, c.detail),
        None => "EnhancedCode::new(0, 0, 0)".to_string(),
    }
}

fn entry_row(vendor: &str, e: &Entry) -> String {
    let enhanced = e.enhanced.iter().map(|c| enhanced_value(c)).collect::<Vec<_>>().join(", ");
    format!(
        "EntryInfo {{ vendor: {}, id: {}, fragment: {}, variants: {}, token: {}, token_variants: {}, range: {}, basic: {}, enhanced: &[{enhanced}], meaning: {}, action: {}, retry: Retry::{}, bounce: Bounce::{}, reason: {}, confidence: Confidence::{}, sources: {}, overrides: {}, legacy: {}, first_seen: {}, retired: {} }},",
        rust_str(vendor),
        rust_str(&e.id),
        option_str(e.fragment.as_deref()),
        str_slice(&e.variants),
        option_str(e.token.as_deref()),
        str_slice(&e.token_variants),
        e.range.map_or("None".to_string(), |[lo, hi]| format!("Some(({lo}, {hi}))")),
        number_slice(&e.basic),
        rust_str(&e.meaning),
        rust_str(&e.action),
        variant(e.retry.as_str()),
        variant(e.bounce.as_str()),
        rust_str(&e.reason),
        variant(e.confidence.as_str()),
        str_slice(&e.sources),
        e.overrides.as_deref().map_or("None".to_string(), |c| format!("Some({})", enhanced_value(c))),
        e.legacy,
        option_str(e.first_seen.as_deref()),
        option_str(e.retired.as_deref()),
    )
}
