//! Order rules: top-level keys in the documented order, every list sorted by its key, no duplicate keys.

use super::{entry_path, item_path, Report};
use crate::load::SECTIONS;
use crate::model::{Catalogue, EnhancedCode};
use crate::outline::Step;
use std::collections::HashSet;
use std::fmt::Display;

pub fn check(catalogue: &Catalogue, report: &mut Report<'_>) {
    check_section_order(report);
    sorted_unique(report, "sources", "source", &catalogue.sources.iter().map(|s| s.id.clone()).collect::<Vec<_>>());
    sorted_unique(report, "reasons", "reason", &catalogue.reasons.iter().map(|r| r.id.clone()).collect::<Vec<_>>());
    sorted_unique(report, "classes", "class", &catalogue.classes.iter().map(|c| c.class).collect::<Vec<_>>());
    sorted_unique(report, "subjects", "subject", &catalogue.subjects.iter().map(|s| s.subject).collect::<Vec<_>>());
    sorted_unique(report, "basic", "basic", &catalogue.basic.iter().map(|b| b.code).collect::<Vec<_>>());
    let enhanced: Vec<EnhancedKey> = catalogue.enhanced.iter().map(|e| EnhancedKey::of(&e.code)).collect();
    sorted_unique(report, "enhanced", "enhanced", &enhanced);
    sorted_unique(report, "vendors", "vendor", &catalogue.vendors.iter().map(|v| v.id.clone()).collect::<Vec<_>>());
    sorted_unique(report, "phrases", "phrase", &catalogue.phrases.iter().map(|p| p.phrase.clone()).collect::<Vec<_>>());
    for (v, vendor) in catalogue.vendors.iter().enumerate() {
        let mut seen = HashSet::new();
        for (e, entry) in vendor.entries.iter().enumerate() {
            if !seen.insert(entry.id.as_str()) {
                let label = format!("vendor {} entry {}", vendor.id, entry.id);
                report.error(&entry_path(v, e, Some("id")), label, "duplicate entry id within the vendor");
            }
        }
    }
}

fn check_section_order(report: &mut Report<'_>) {
    let found: Vec<(String, usize)> = report.top_level_keys().into_iter().map(|(k, l)| (k.to_string(), l)).collect();
    let mut previous: Option<(&str, usize)> = None;
    let mut problems = Vec::new();
    for (key, line) in &found {
        let key = key.as_str();
        let Some(rank) = SECTIONS.iter().position(|s| *s == key) else { continue };
        if let Some((before, before_rank)) = previous {
            if rank < before_rank {
                problems.push((key, *line, format!("top-level key `{key}` must come before `{before}`")));
            }
        }
        previous = Some((key, rank));
    }
    for (key, _, message) in problems {
        report.error(&[Step::Key(key)], "", message);
    }
}

/// Sort key of a registry code `X.s.d`: unparsable codes sort last and are reported by the code rules.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct EnhancedKey(u16, u16, String);

impl EnhancedKey {
    fn of(code: &str) -> EnhancedKey {
        match EnhancedCode::parse(code, true) {
            Some(parsed) => EnhancedKey(parsed.subject, parsed.detail, code.to_string()),
            None => EnhancedKey(u16::MAX, u16::MAX, code.to_string()),
        }
    }
}

impl Display for EnhancedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.2)
    }
}

fn sorted_unique<K: Ord + Display>(report: &mut Report<'_>, section: &str, label: &str, keys: &[K]) {
    let mut seen: Vec<&K> = Vec::new();
    for (index, key) in keys.iter().enumerate() {
        let entry = format!("{label} {key}");
        if seen.contains(&key) {
            report.error(&item_path(section, index, None), entry, format!("duplicate {label} {key}"));
        } else if let Some(previous) = index.checked_sub(1).map(|i| &keys[i]) {
            if previous > key {
                let message = format!("out of order: {key} should come before {previous}");
                report.error(&item_path(section, index, None), entry, message);
            }
        }
        seen.push(key);
    }
}
