//! Reference rules: every cited source and reason exists, every entry cites at least one source.

use super::{entry_path, item_path, Report};
use crate::model::{Catalogue, EnhancedCode};
use crate::outline::Step;
use std::collections::HashSet;

struct Known<'c> {
    sources: HashSet<&'c str>,
    reasons: HashSet<&'c str>,
}

impl Known<'_> {
    fn sources(&self, report: &mut Report<'_>, path: &[Step<'_>], label: &str, cited: &[String]) {
        if cited.is_empty() {
            report.error(path, label, "cites no source: add at least one id to `sources`");
        }
        for id in cited {
            if !self.sources.contains(id.as_str()) {
                report.error(path, label, format!("unknown source id `{id}`"));
            }
        }
    }

    fn reason(&self, report: &mut Report<'_>, path: &[Step<'_>], label: &str, reason: &str) {
        if !self.reasons.contains(reason) {
            report.error(path, label, format!("unknown reason `{reason}`"));
        }
    }
}

pub fn check(catalogue: &Catalogue, report: &mut Report<'_>) {
    let known = Known {
        sources: catalogue.sources.iter().map(|s| s.id.as_str()).collect(),
        reasons: catalogue.reasons.iter().map(|r| r.id.as_str()).collect(),
    };
    for (i, class) in catalogue.classes.iter().enumerate() {
        known.sources(
            report,
            &item_path("classes", i, Some("sources")),
            &format!("class {}", class.class),
            &class.sources,
        );
    }
    for (i, subject) in catalogue.subjects.iter().enumerate() {
        let label = format!("subject {}", subject.subject);
        known.sources(report, &item_path("subjects", i, Some("sources")), &label, &subject.sources);
    }
    check_basic(catalogue, &known, report);
    check_enhanced(catalogue, &known, report);
    check_reasons(catalogue, report);
    check_vendors(catalogue, &known, report);
    for (i, phrase) in catalogue.phrases.iter().enumerate() {
        known.reason(
            report,
            &item_path("phrases", i, Some("reason")),
            &format!("phrase {}", phrase.phrase),
            &phrase.reason,
        );
    }
}

fn check_basic(catalogue: &Catalogue, known: &Known<'_>, report: &mut Report<'_>) {
    for (i, basic) in catalogue.basic.iter().enumerate() {
        let label = format!("basic {}", basic.code);
        known.sources(report, &item_path("basic", i, Some("sources")), &label, &basic.sources);
        if let Some(reason) = &basic.reason {
            known.reason(report, &item_path("basic", i, Some("reason")), &label, reason);
        }
        for conflict in &basic.conflicts {
            known.sources(report, &item_path("basic", i, Some("conflicts")), &label, &conflict.sources);
        }
    }
}

fn check_enhanced(catalogue: &Catalogue, known: &Known<'_>, report: &mut Report<'_>) {
    let subjects: HashSet<u16> = catalogue.subjects.iter().map(|s| s.subject).collect();
    for (i, enhanced) in catalogue.enhanced.iter().enumerate() {
        let label = format!("enhanced {}", enhanced.code);
        known.sources(report, &item_path("enhanced", i, Some("sources")), &label, &enhanced.sources);
        known.reason(report, &item_path("enhanced", i, Some("reason")), &label, &enhanced.reason);
        if let Some(code) = EnhancedCode::parse(&enhanced.code, true) {
            if !subjects.contains(&code.subject) {
                let message = format!("subject {} is not in the `subjects` section", code.subject);
                report.error(&item_path("enhanced", i, Some("code")), &label, message);
            }
        }
    }
}

/// A hard reason is about the address itself, which does not come back: it cannot imply a transient retry.
fn check_reasons(catalogue: &Catalogue, report: &mut Report<'_>) {
    for (index, reason) in catalogue.reasons.iter().enumerate() {
        if reason.bounce == crate::model::Bounce::Hard && reason.retry == Some(crate::model::Retry::Transient) {
            let message =
                "a reason with `bounce: hard` is about the address itself and cannot imply `retry: transient`";
            report.error(
                &item_path("reasons", index, Some("retry")),
                format!("reason {}", reason.id),
                message.to_string(),
            );
        }
    }
}

fn check_vendors(catalogue: &Catalogue, known: &Known<'_>, report: &mut Report<'_>) {
    let hard: HashSet<&str> =
        catalogue.reasons.iter().filter(|r| r.bounce == crate::model::Bounce::Hard).map(|r| r.id.as_str()).collect();
    for (v, vendor) in catalogue.vendors.iter().enumerate() {
        let label = format!("vendor {}", vendor.id);
        known.sources(report, &item_path("vendors", v, Some("sources")), &label, &vendor.sources);
        for (e, entry) in vendor.entries.iter().enumerate() {
            let label = format!("vendor {} entry {}", vendor.id, entry.id);
            known.sources(report, &entry_path(v, e, Some("sources")), &label, &entry.sources);
            known.reason(report, &entry_path(v, e, Some("reason")), &label, &entry.reason);
            let reason_is_hard = hard.contains(entry.reason.as_str());
            if entry.bounce == crate::model::Bounce::Hard
                && known.reasons.contains(entry.reason.as_str())
                && !reason_is_hard
            {
                let message =
                    format!("`bounce: hard` needs a reason about the address itself; `{}` is soft", entry.reason);
                report.error(&entry_path(v, e, Some("bounce")), &label, message);
            }
        }
    }
}
