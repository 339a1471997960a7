//! Identifier rules: names are SHOUTY_SNAKE and stay distinct after every case conversion a target applies;
//! ids have their documented shapes.

use super::{entry_path, is_identifier, item_path, Report};
use crate::model::Catalogue;
use heck::{ToKebabCase, ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};
use std::collections::HashMap;

/// The conversions the emitters apply to a name (Rust and Python constants, C enumerators, docs anchors, types).
type Convert = fn(&str) -> String;

const CONVERSIONS: [(&str, Convert); 4] = [
    ("snake_case", |s| s.to_snake_case()),
    ("UpperCamelCase", |s| s.to_upper_camel_case()),
    ("SHOUTY_SNAKE_CASE", |s| s.to_shouty_snake_case()),
    ("kebab-case", |s| s.to_kebab_case()),
];

pub fn check(catalogue: &Catalogue, report: &mut Report<'_>) {
    let basic: Vec<(String, &str)> =
        catalogue.basic.iter().map(|b| (format!("basic {}", b.code), b.name.as_str())).collect();
    check_names(report, "basic", &basic);
    let enhanced: Vec<(String, &str)> =
        catalogue.enhanced.iter().map(|e| (format!("enhanced {}", e.code), e.name.as_str())).collect();
    check_names(report, "enhanced", &enhanced);
    check_ids(catalogue, report);
}

fn check_names(report: &mut Report<'_>, section: &str, names: &[(String, &str)]) {
    for (index, (label, name)) in names.iter().enumerate() {
        let shouty = name.to_shouty_snake_case();
        let well_formed = name.starts_with(|c: char| c.is_ascii_uppercase())
            && name.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
            && shouty == *name;
        if !well_formed {
            let message = format!("name `{name}` must be SHOUTY_SNAKE_CASE starting with a letter (like `{shouty}`)");
            report.error(&item_path(section, index, Some("name")), label.as_str(), message);
        }
    }
    for (conversion, convert) in CONVERSIONS {
        let mut first_seen: HashMap<String, &str> = HashMap::new();
        for (index, (label, name)) in names.iter().enumerate() {
            let converted = convert(name);
            match first_seen.get(&converted) {
                Some(other) if other == name => {
                    let message = format!("name `{name}` is used twice");
                    report.error(&item_path(section, index, Some("name")), label.as_str(), message);
                }
                Some(other) => {
                    let message = format!("name `{name}` collides with `{other}` as {conversion} `{converted}`");
                    report.error(&item_path(section, index, Some("name")), label.as_str(), message);
                }
                None => {
                    first_seen.insert(converted, name);
                }
            }
        }
    }
}

fn check_ids(catalogue: &Catalogue, report: &mut Report<'_>) {
    for (index, source) in catalogue.sources.iter().enumerate() {
        if !is_identifier(&source.id, b"-") {
            let message = "source ids use lowercase letters, digits and '-'";
            report.error(&item_path("sources", index, Some("id")), format!("source {}", source.id), message);
        }
    }
    for (index, reason) in catalogue.reasons.iter().enumerate() {
        if !is_identifier(&reason.id, b"") {
            let message = "reason ids use lowercase letters and digits";
            report.error(&item_path("reasons", index, Some("id")), format!("reason {}", reason.id), message);
        }
    }
    for (v, vendor) in catalogue.vendors.iter().enumerate() {
        if !is_identifier(&vendor.id, b"_") {
            let message = "vendor ids use lowercase letters, digits and '_'";
            report.error(&item_path("vendors", v, Some("id")), format!("vendor {}", vendor.id), message);
        }
        for (e, entry) in vendor.entries.iter().enumerate() {
            if !is_identifier(&entry.id, b"-") {
                let label = format!("vendor {} entry {}", vendor.id, entry.id);
                let message = "entry ids use lowercase letters, digits and '-'";
                report.error(&entry_path(v, e, Some("id")), label, message);
            }
        }
    }
}
