//! Code rules: reply-code and enhanced-code grammar, retry against the code's class, classes of enhanced codes.

use super::{item_path, Report};
use crate::model::{Basic, Catalogue, Enhanced, EnhancedCode, Retry, Status};
use crate::outline::Step;

pub fn check(catalogue: &Catalogue, report: &mut Report<'_>) {
    check_version(&catalogue.version, report);
    check_axes(catalogue, report);
    for (index, basic) in catalogue.basic.iter().enumerate() {
        check_basic(index, basic, report);
    }
    let known_basic: Vec<u16> = catalogue.basic.iter().map(|b| b.code).collect();
    for (index, enhanced) in catalogue.enhanced.iter().enumerate() {
        check_enhanced(index, enhanced, &known_basic, report);
    }
}

fn check_version(version: &str, report: &mut Report<'_>) {
    let parts: Vec<&str> = version.split('.').collect();
    let numeric =
        |p: &&str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && !(p.len() > 1 && p.starts_with('0'));
    if parts.len() != 3 || !parts.iter().all(numeric) {
        report.error(&[Step::Key("version")], "", format!("version `{version}` is not a semver MAJOR.MINOR.PATCH"));
    }
}

fn check_axes(catalogue: &Catalogue, report: &mut Report<'_>) {
    for (index, class) in catalogue.classes.iter().enumerate() {
        if ![2, 4, 5].contains(&class.class) {
            let message = format!("class {} does not exist: enhanced classes are 2, 4 and 5", class.class);
            report.error(&item_path("classes", index, Some("class")), format!("class {}", class.class), message);
        }
    }
    for (index, subject) in catalogue.subjects.iter().enumerate() {
        if subject.subject > 999 {
            let message = "subject has more than 3 digits";
            report.error(&item_path("subjects", index, None), format!("subject {}", subject.subject), message);
        }
    }
}

/// RFC 5321 section 4.2: first digit 2-5, second 0-5, third 0-9.
pub fn is_rfc_reply_code(code: u16) -> bool {
    (200..600).contains(&code) && (code / 10) % 10 <= 5
}

fn check_basic(index: usize, basic: &Basic, report: &mut Report<'_>) {
    let label = format!("basic {}", basic.code);
    let code_path = item_path("basic", index, Some("code"));
    if !(100..1000).contains(&basic.code) {
        report.error(&code_path, &label, "a reply code has exactly three digits");
    } else if basic.status != Status::Nonstandard && !is_rfc_reply_code(basic.code) {
        let message = "not an RFC 5321 reply code (first digit 2-5, second 0-5): only `status: nonstandard` may use it";
        report.error(&code_path, &label, message);
    }
    check_retry(index, basic, &label, report);
    let provenance_path = item_path("basic", index, Some("provenance"));
    match (basic.status, basic.provenance.is_some()) {
        (Status::Nonstandard, false) => {
            report.error(&item_path("basic", index, None), &label, "a nonstandard code needs `provenance`")
        }
        (Status::Standard | Status::Experimental | Status::RegistryOnly, true) => {
            report.error(&provenance_path, &label, "`provenance` is only for nonstandard codes")
        }
        _ => {}
    }
    if basic.text.is_none() && matches!(basic.status, Status::Standard | Status::Experimental) {
        report.error(&item_path("basic", index, Some("text")), &label, "a standard code needs its RFC reply `text`");
    }
}

/// The retry a code's first digit implies: 4yz transient, 5yz permanent, none otherwise.
pub fn retry_of_class(code: u16) -> Option<Retry> {
    match code / 100 {
        4 => Some(Retry::Transient),
        5 => Some(Retry::Permanent),
        _ => None,
    }
}

fn check_retry(index: usize, basic: &Basic, label: &str, report: &mut Report<'_>) {
    let expected = retry_of_class(basic.code);
    if basic.retry == expected || basic.retry_note.is_some() {
        return;
    }
    let message = match (basic.retry, expected) {
        (None, Some(expected)) => format!("missing `retry` (a {}xx code is {})", basic.code / 100, expected.as_str()),
        (Some(retry), None) => {
            format!("`retry: {}` on a {}xx code needs a `retry_note` saying why", retry.as_str(), basic.code / 100)
        }
        (Some(retry), Some(expected)) => format!(
            "`retry: {}` contradicts the {}xx class ({}) without a `retry_note`",
            retry.as_str(),
            basic.code / 100,
            expected.as_str()
        ),
        (None, None) => return,
    };
    report.error(&item_path("basic", index, Some("retry")), label, message);
}

fn check_enhanced(index: usize, enhanced: &Enhanced, known_basic: &[u16], report: &mut Report<'_>) {
    let label = format!("enhanced {}", enhanced.code);
    match EnhancedCode::parse(&enhanced.code, true) {
        Some(code) if code.class == 0 => {}
        _ => {
            let message = "registry codes are written X.subject.detail (1-3 digits each, no leading zeros)";
            report.error(&item_path("enhanced", index, Some("code")), &label, message);
        }
    }
    let classes_path = item_path("enhanced", index, Some("classes"));
    if enhanced.classes.is_empty() || enhanced.classes.iter().any(|c| ![2, 4, 5].contains(c)) {
        report.error(&classes_path, &label, "`classes` lists one or more of 2, 4, 5");
    } else if enhanced.classes.windows(2).any(|w| w[0] >= w[1]) {
        report.error(&classes_path, &label, "`classes` must be sorted and without repeats");
    }
    for code in &enhanced.basic {
        let class = (code / 100) as u8;
        if !enhanced.classes.contains(&class) {
            let message = format!("associated basic code {code} is class {class}, which `classes` does not list");
            report.error(&classes_path, &label, message);
        }
        if !known_basic.contains(code) {
            let message = format!("associated basic code {code} is not in the `basic` section");
            report.error(&item_path("enhanced", index, Some("basic")), &label, message);
        }
    }
}
