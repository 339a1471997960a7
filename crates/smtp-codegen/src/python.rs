//! `generated/python`: the `smtp_codes` package (standard library only, typed).
//!
//! Hand-written modules are templates that receive the marker and version; `_codes.py`, `_model.py` (its constant
//! list) and `_tables.py` get the data as pre-quoted lines built here.

use crate::quote::{docstring, py_str};
use crate::{GeneratedFile, MARKER};
use askama::Template;
use smtp_catalogue::{Basic, Catalogue, Enhanced, EnhancedCode, Entry, Vendor};

plain_template!(Pyproject, "python/pyproject.toml");
plain_template!(Readme, "python/README.md");
plain_template!(Init, "python/__init__.py");

struct Member {
    name: String,
    code: u16,
    doc: String,
}

#[derive(Template)]
#[template(path = "python/_codes.py", escape = "none")]
struct CodesPy<'c> {
    marker: &'static str,
    version: &'c str,
    members: Vec<Member>,
}

struct EnhancedConstant {
    name: String,
    class: u8,
    subject: u16,
    detail: u16,
}

#[derive(Template)]
#[template(path = "python/_model.py", escape = "none")]
struct ModelPy<'c> {
    marker: &'static str,
    version: &'c str,
    constants: Vec<EnhancedConstant>,
}

struct VendorLines {
    head: String,
    entries: Vec<String>,
    tail: String,
}

#[derive(Template)]
#[template(path = "python/_tables.py", escape = "none")]
struct TablesPy<'c> {
    marker: &'static str,
    version: &'c str,
    reasons: Vec<String>,
    basic: Vec<String>,
    enhanced: Vec<String>,
    vendors: Vec<VendorLines>,
}

pub fn emit(catalogue: &Catalogue) -> Result<Vec<GeneratedFile>, askama::Error> {
    let version = catalogue.version.as_str();
    let codes = CodesPy { marker: MARKER, version, members: catalogue.basic.iter().map(member).collect() };
    let model = ModelPy { marker: MARKER, version, constants: catalogue.enhanced.iter().flat_map(constants).collect() };
    let tables = TablesPy {
        marker: MARKER,
        version,
        reasons: catalogue
            .reasons
            .iter()
            .map(|r| {
                let retry = option(r.retry.map(|x| x.as_str()));
                format!(
                    "ReasonInfo({}, {}, {}, {retry}),",
                    py_str(&r.id),
                    py_str(&r.meaning),
                    py_str(r.bounce.as_str())
                )
            })
            .collect(),
        basic: catalogue.basic.iter().map(basic_line).collect(),
        enhanced: catalogue.enhanced.iter().map(enhanced_line).collect(),
        vendors: catalogue.vendors.iter().map(vendor_lines).collect(),
    };
    let mut files = vec![
        GeneratedFile::new("pyproject.toml", Pyproject { marker: MARKER, version }.render()?),
        GeneratedFile::new("README.md", Readme { marker: MARKER, version }.render()?),
        GeneratedFile::new("smtp_codes/__init__.py", Init { marker: MARKER, version }.render()?),
        GeneratedFile::new("smtp_codes/py.typed", format!("# {MARKER}\n")),
        GeneratedFile::new("smtp_codes/_codes.py", codes.render()?),
        GeneratedFile::new("smtp_codes/_model.py", model.render()?),
        GeneratedFile::new("smtp_codes/_tables.py", tables.render()?),
    ];
    files.extend(crate::python_classify::files(catalogue)?);
    Ok(files)
}

fn member(basic: &Basic) -> Member {
    let text = basic.text.as_deref().map(|t| format!(" {t}")).unwrap_or_default();
    Member {
        name: basic.name.clone(),
        code: basic.code,
        doc: docstring(&format!("{}{text}: {}", basic.code, basic.meaning)),
    }
}

fn constants(enhanced: &Enhanced) -> Vec<EnhancedConstant> {
    let Some(code) = EnhancedCode::parse(&enhanced.code, true) else { return Vec::new() };
    enhanced
        .classes
        .iter()
        .map(|&class| EnhancedConstant {
            name: format!("{}_{}", crate::class_prefix(class), enhanced.name),
            class,
            subject: code.subject,
            detail: code.detail,
        })
        .collect()
}

fn option(text: Option<&str>) -> String {
    text.map_or("None".to_string(), py_str)
}

fn strings<'a>(items: impl IntoIterator<Item = &'a String>) -> String {
    tuple(items.into_iter().map(|s| py_str(s)).collect())
}

fn numbers<T: ToString>(items: &[T]) -> String {
    tuple(items.iter().map(T::to_string).collect())
}

fn tuple(items: Vec<String>) -> String {
    match items.len() {
        0 => "()".to_string(),
        1 => format!("({},)", items[0]),
        _ => format!("({})", items.join(", ")),
    }
}

fn basic_line(b: &Basic) -> String {
    let commands = tuple(
        b.commands
            .iter()
            .map(|c| format!("Command({}, {})", py_str(&c.command), option(c.meaning.as_deref())))
            .collect(),
    );
    format!(
        "BasicInfo({}, {}, {}, {}, {}, {}, {}, {}, {commands}, {}),",
        b.code,
        py_str(&b.name),
        py_str(b.status.as_str()),
        option(b.text.as_deref()),
        py_str(&b.meaning),
        py_str(&b.action),
        option(b.retry.map(|r| r.as_str())),
        option(b.reason.as_deref()),
        strings(&b.sources),
    )
}

fn enhanced_line(e: &Enhanced) -> String {
    let code = EnhancedCode::parse(&e.code, true).unwrap_or(EnhancedCode { class: 0, subject: 0, detail: 0 });
    format!(
        "EnhancedInfo({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}),",
        code.subject,
        code.detail,
        numbers(&e.classes),
        py_str(&e.name),
        py_str(&e.title),
        py_str(&e.meaning),
        py_str(&e.action),
        py_str(&e.reason),
        numbers(&e.basic),
        if e.deprecated { "True" } else { "False" },
        strings(&e.sources),
    )
}

fn vendor_lines(v: &Vendor) -> VendorLines {
    VendorLines {
        head: format!(
            "VendorInfo({}, {}, {}, {}, {}, (",
            py_str(&v.id),
            py_str(&v.name),
            py_str(v.kind.as_str()),
            strings(&v.markers),
            strings(&v.sources)
        ),
        entries: v.entries.iter().map(|e| entry_line(&v.id, e)).collect(),
        tail: ")),".to_string(),
    }
}

fn entry_line(vendor: &str, e: &Entry) -> String {
    format!(
        "VendorEntry({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}),",
        py_str(vendor),
        py_str(&e.id),
        option(e.fragment.as_deref()),
        strings(&e.variants),
        option(e.token.as_deref()),
        strings(&e.token_variants),
        e.range.map_or("None".to_string(), |[lo, hi]| format!("({lo}, {hi})")),
        numbers(&e.basic),
        strings(&e.enhanced),
        py_str(&e.meaning),
        py_str(&e.action),
        py_str(e.retry.as_str()),
        py_str(e.bounce.as_str()),
        py_str(&e.reason),
        py_str(e.confidence.as_str()),
        strings(&e.sources),
        option(e.overrides.as_deref()),
        if e.legacy { "True" } else { "False" },
        option(e.first_seen.as_deref()),
        option(e.retired.as_deref()),
    )
}
