//! Vendor rules: every entry can be selected, its patterns and codes are well formed, and no entry of a vendor is
//! hidden behind another one.

use super::{entry_path, item_path, Report};
use crate::model::{Catalogue, EnhancedCode, Entry, Vendor};
use crate::pattern::{generic_wording, generic_wordings, is_lone_punctuation, normalize_pattern};
use std::collections::HashSet;

pub fn check(catalogue: &Catalogue, report: &mut Report<'_>) {
    let registry: HashSet<(u16, u16)> = catalogue
        .enhanced
        .iter()
        .filter_map(|e| EnhancedCode::parse(&e.code, true))
        .map(|c| (c.subject, c.detail))
        .collect();
    let rfc_texts: Vec<(u16, String)> = catalogue
        .basic
        .iter()
        .filter(|b| matches!(b.status, crate::model::Status::Standard | crate::model::Status::Experimental))
        .filter_map(|b| Some((b.code, normalize_pattern(b.text.as_deref()?))))
        .collect();
    let phrases = generic_wordings(catalogue);
    for (v, vendor) in catalogue.vendors.iter().enumerate() {
        check_markers(v, vendor, report);
        for (e, entry) in vendor.entries.iter().enumerate() {
            let label = format!("vendor {} entry {}", vendor.id, entry.id);
            let at = |field| entry_path(v, e, Some(field));
            check_patterns(entry, &label, &at, report);
            check_not_rfc_text(entry, &label, &at, &rfc_texts, report);
            if vendor.markers.is_empty() {
                check_not_generic_phrase(entry, &label, &at, &phrases, report);
            }
            check_codes(entry, &label, &at, &registry, report);
            check_dates(entry, &label, &at, report);
        }
        check_shadowing(v, vendor, report);
    }
    for (i, phrase) in catalogue.phrases.iter().enumerate().filter(|(_, p)| is_lone_punctuation(&p.phrase)) {
        let message =
            format!("phrase `{}` is a single punctuation character: it matches nearly every reply", phrase.phrase);
        report.error(&item_path("phrases", i, Some("phrase")), format!("phrase {}", phrase.phrase), message);
    }
}

fn check_markers(v: usize, vendor: &Vendor, report: &mut Report<'_>) {
    let label = format!("vendor {}", vendor.id);
    let mut seen = HashSet::new();
    for marker in &vendor.markers {
        let normalized = normalize_pattern(marker);
        if normalized.len() < 4 {
            let message = format!("marker `{marker}` is too short to tell vendors apart (4 characters at least)");
            report.error(&item_path("vendors", v, Some("markers")), &label, message);
        }
        if !seen.insert(normalized) {
            report.error(&item_path("vendors", v, Some("markers")), &label, format!("duplicate marker `{marker}`"));
        }
    }
}

fn check_patterns(
    entry: &Entry,
    label: &str,
    at: &dyn Fn(&'static str) -> Vec<crate::outline::Step<'static>>,
    report: &mut Report<'_>,
) {
    if entry.fragment.is_none() && entry.token.is_none() {
        report.error(&at("id"), label, "an entry needs a `fragment` or a `token` to be selected by");
    }
    if entry.token.is_none() && !entry.token_variants.is_empty() {
        report.error(&at("token_variants"), label, "`token_variants` needs a `token`");
    }
    let mut seen = HashSet::new();
    let patterns = entry.fragments().map(|p| ("fragment", p)).chain(entry.tokens().map(|p| ("token", p)));
    for (kind, pattern) in patterns {
        let field = if kind == "fragment" { "fragment" } else { "token" };
        if pattern.trim().is_empty() {
            report.error(&at(field), label, format!("empty {kind}"));
        } else if pattern.trim() != pattern {
            report.error(&at(field), label, format!("{kind} `{pattern}` has leading or trailing white space"));
        } else if is_lone_punctuation(pattern) {
            report.error(
                &at(field),
                label,
                format!("{kind} `{pattern}` is a single punctuation character: it matches nearly every reply"),
            );
        } else if !seen.insert((kind, normalize_pattern(pattern))) {
            report.error(&at(field), label, format!("duplicate {kind} `{pattern}` within the entry"));
        }
    }
    match entry.range {
        Some(_) if entry.token.is_none() => report.error(&at("range"), label, "`range` needs a `token`"),
        Some([low, high]) if low > high => report.error(&at("range"), label, format!("empty range [{low}, {high}]")),
        _ => {}
    }
}

/// A fragment that is part of an RFC reply text is sent by every server: it cannot tell which vendor replied.
fn check_not_rfc_text(
    entry: &Entry,
    label: &str,
    at: &dyn Fn(&'static str) -> Vec<crate::outline::Step<'static>>,
    rfc_texts: &[(u16, String)],
    report: &mut Report<'_>,
) {
    for fragment in entry.fragments() {
        let normalized = normalize_pattern(fragment);
        if let Some((code, _)) = rfc_texts.iter().find(|(_, text)| !normalized.is_empty() && text.contains(&normalized))
        {
            let message = format!(
                "fragment `{fragment}` is part of the RFC reply text of {code}: it does not identify the vendor"
            );
            report.error(&at("fragment"), label, message);
        }
    }
}

/// A fragment worded as one of the generic phrases (punctuation aside) is wording every server may use: it only
/// selects its entry when the vendor's marker is in the reply too, so a vendor without markers could never reach it.
fn check_not_generic_phrase(
    entry: &Entry,
    label: &str,
    at: &dyn Fn(&'static str) -> Vec<crate::outline::Step<'static>>,
    phrases: &HashSet<String>,
    report: &mut Report<'_>,
) {
    for fragment in entry.fragments() {
        if phrases.contains(&generic_wording(fragment)) {
            let message = format!(
                "fragment `{fragment}` is a generic phrase (see `phrases`): it only counts next to a vendor marker, and this vendor has none"
            );
            report.error(&at("fragment"), label, message);
        }
    }
}

fn check_codes(
    entry: &Entry,
    label: &str,
    at: &dyn Fn(&'static str) -> Vec<crate::outline::Step<'static>>,
    registry: &HashSet<(u16, u16)>,
    report: &mut Report<'_>,
) {
    for code in &entry.basic {
        if !(200..600).contains(code) {
            report.error(&at("basic"), label, format!("basic code {code} is not a 2xx-5xx reply code"));
        }
    }
    for code in &entry.enhanced {
        if EnhancedCode::parse(code, false).is_none() {
            report.error(
                &at("enhanced"),
                label,
                format!("enhanced code `{code}` does not parse as class.subject.detail"),
            );
        }
    }
    let Some(overridden) = &entry.overrides else { return };
    match EnhancedCode::parse(overridden, false) {
        None => report.error(&at("overrides"), label, format!("`overrides: {overridden}` does not parse")),
        Some(code) if !registry.contains(&(code.subject, code.detail)) => {
            let message = format!(
                "`overrides: {overridden}`: the registry has no X.{}.{} to override",
                code.subject, code.detail
            );
            report.error(&at("overrides"), label, message);
        }
        Some(_) if !entry.enhanced.contains(overridden) => {
            let message = format!("`overrides: {overridden}` but the entry is not sent with {overridden}");
            report.error(&at("overrides"), label, message);
        }
        Some(_) => {}
    }
}

fn check_dates(
    entry: &Entry,
    label: &str,
    at: &dyn Fn(&'static str) -> Vec<crate::outline::Step<'static>>,
    report: &mut Report<'_>,
) {
    for (field, value) in [("first_seen", &entry.first_seen), ("retired", &entry.retired)] {
        if let Some(value) = value {
            if !is_partial_date(value) {
                report.error(&at(field), label, format!("`{field}: {value}` is not YYYY, YYYY-MM or YYYY-MM-DD"));
            }
        }
    }
}

fn is_partial_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let widths_ok = matches!(parts.iter().map(|p| p.len()).collect::<Vec<_>>().as_slice(), [4] | [4, 2] | [4, 2, 2]);
    let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
    match (widths_ok, numbers.as_deref()) {
        (true, Some([_])) => true,
        (true, Some([_, month])) => (1..=12).contains(month),
        (true, Some([_, month, day])) => (1..=12).contains(month) && (1..=31).contains(day),
        _ => false,
    }
}

/// Can `earlier` be selected for every reply `later` can? Then `later` is unreachable (ties go to the earlier
/// entry, and a longer pattern would win, so only equal patterns shadow).
fn check_shadowing(v: usize, vendor: &Vendor, report: &mut Report<'_>) {
    for (b, later) in vendor.entries.iter().enumerate() {
        let label = format!("vendor {} entry {}", vendor.id, later.id);
        for earlier in &vendor.entries[..b] {
            if !codes_overlap(earlier, later) {
                continue;
            }
            if covers_every_pattern(earlier, later) && codes_contain(earlier, later) {
                let message =
                    format!("unreachable: entry `{}` always matches first (same patterns and codes)", earlier.id);
                report.error(&entry_path(v, b, Some("id")), &label, message);
                break;
            }
            if let Some(shared) = shared_fragment(earlier, later) {
                let message =
                    format!("duplicate fragment `{shared}`: entry `{}` has it too, with overlapping codes", earlier.id);
                report.error(&entry_path(v, b, Some("fragment")), &label, message);
            }
            if let Some(token) = overlapping_range(earlier, later) {
                let message = format!("token `{token}` range overlaps the range of entry `{}`", earlier.id);
                report.error(&entry_path(v, b, Some("range")), &label, message);
            }
        }
    }
}

fn covers_every_pattern(earlier: &Entry, later: &Entry) -> bool {
    let fragments: HashSet<String> = earlier.fragments().map(normalize_pattern).collect();
    let fragments_covered = later.fragments().all(|f| fragments.contains(&normalize_pattern(f)));
    let tokens_covered = later.tokens().all(|t| {
        earlier.tokens().any(|et| normalize_pattern(et) == normalize_pattern(t))
            && range_contains(earlier.range, later.range)
    });
    fragments_covered && tokens_covered
}

fn range_contains(outer: Option<[u32; 2]>, inner: Option<[u32; 2]>) -> bool {
    match (outer, inner) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some([a, b]), Some([c, d])) => a <= c && d <= b,
    }
}

fn shared_fragment<'e>(earlier: &Entry, later: &'e Entry) -> Option<&'e str> {
    let fragments: HashSet<String> = earlier.fragments().map(normalize_pattern).collect();
    later.fragments().find(|f| fragments.contains(&normalize_pattern(f)))
}

fn overlapping_range<'e>(earlier: &Entry, later: &'e Entry) -> Option<&'e str> {
    let ([a, b], [c, d]) = (earlier.range?, later.range?);
    let overlap = a <= d && c <= b;
    let shared = later.tokens().find(|t| earlier.tokens().any(|et| normalize_pattern(et) == normalize_pattern(t)));
    shared.filter(|_| overlap)
}

/// Could one reply satisfy the code constraints of both entries? (An empty list accepts any code.)
fn codes_overlap(a: &Entry, b: &Entry) -> bool {
    let overlap = |x: &[u16], y: &[u16]| x.is_empty() || y.is_empty() || x.iter().any(|c| y.contains(c));
    let overlap_text = |x: &[String], y: &[String]| x.is_empty() || y.is_empty() || x.iter().any(|c| y.contains(c));
    overlap(&a.basic, &b.basic) && overlap_text(&a.enhanced, &b.enhanced)
}

/// Does every reply `b` accepts by code also pass `a`'s code constraints?
fn codes_contain(a: &Entry, b: &Entry) -> bool {
    let contains = |x: &[u16], y: &[u16]| x.is_empty() || (!y.is_empty() && y.iter().all(|c| x.contains(c)));
    let contains_text = |x: &[String], y: &[String]| x.is_empty() || (!y.is_empty() && y.iter().all(|c| x.contains(c)));
    contains(&a.basic, &b.basic) && contains_text(&a.enhanced, &b.enhanced)
}
