//! Markdown tables a docs site can publish as is: an index, one page per section, one page per vendor.

use crate::quote::{md_cell, md_code};
use crate::{GeneratedFile, MARKER};
use askama::Template;
use smtp_catalogue::{Catalogue, Confidence, Entry, Vendor};
use std::collections::HashMap;

/// Turns source ids into Markdown links (to the source's URL, or to its row on the sources page).
struct Links<'c> {
    urls: HashMap<&'c str, Option<&'c str>>,
}

impl<'c> Links<'c> {
    fn new(catalogue: &'c Catalogue) -> Links<'c> {
        Links { urls: catalogue.sources.iter().map(|s| (s.id.as_str(), s.url.as_deref())).collect() }
    }

    fn cite(&self, ids: &[String], sources_page: &str) -> String {
        let link = |id: &String| match self.urls.get(id.as_str()).copied().flatten() {
            Some(url) => format!("[{id}]({})", url.replace(' ', "%20").replace(')', "%29")),
            None => format!("[{id}]({sources_page}#{id})"),
        };
        ids.iter().map(link).collect::<Vec<_>>().join(", ")
    }
}

struct Row {
    cells: Vec<String>,
}

impl Row {
    fn line(&self) -> String {
        format!("| {} |", self.cells.join(" | "))
    }
}

#[derive(Template)]
#[template(path = "markdown/index.md", escape = "none")]
struct IndexPage<'c> {
    marker: &'static str,
    version: &'c str,
    basic_count: usize,
    enhanced_count: usize,
    vendor_count: usize,
    entry_count: usize,
    source_count: usize,
    reasons: Vec<Row>,
}

#[derive(Template)]
#[template(path = "markdown/table.md", escape = "none")]
struct TablePage<'c> {
    marker: &'static str,
    version: &'c str,
    title: String,
    intro: String,
    header: Vec<&'static str>,
    rows: Vec<Row>,
    after: String,
}

impl TablePage<'_> {
    fn header_line(&self) -> String {
        format!("| {} |", self.header.join(" | "))
    }

    fn rule_line(&self) -> String {
        format!("|{}|", self.header.iter().map(|_| "---").collect::<Vec<_>>().join("|"))
    }
}

pub fn emit(catalogue: &Catalogue) -> Result<Vec<GeneratedFile>, askama::Error> {
    let links = Links::new(catalogue);
    let mut files = vec![
        GeneratedFile::new("index.md", index_page(catalogue)?),
        GeneratedFile::new("basic.md", basic_page(catalogue, &links)?),
        GeneratedFile::new("enhanced.md", enhanced_page(catalogue, &links)?),
        GeneratedFile::new("sources.md", sources_page(catalogue)?),
        GeneratedFile::new("vendors.md", vendors_page(catalogue)?),
    ];
    for vendor in &catalogue.vendors {
        files.push(GeneratedFile::new(format!("vendors/{}.md", vendor.id), vendor_page(catalogue, vendor, &links)?));
    }
    Ok(files)
}

fn index_page(catalogue: &Catalogue) -> Result<String, askama::Error> {
    let reasons = catalogue
        .reasons
        .iter()
        .map(|r| {
            let retry = r.retry.map_or("", |x| x.as_str()).to_string();
            Row { cells: vec![format!("`{}`", r.id), r.bounce.as_str().to_string(), retry, md_cell(&r.meaning)] }
        })
        .collect();
    IndexPage {
        marker: MARKER,
        version: &catalogue.version,
        basic_count: catalogue.basic.len(),
        enhanced_count: catalogue.enhanced.len(),
        vendor_count: catalogue.vendors.len(),
        entry_count: catalogue.vendors.iter().map(|v| v.entries.len()).sum(),
        source_count: catalogue.sources.len(),
        reasons,
    }
    .render()
}

fn table<'c>(
    catalogue: &'c Catalogue,
    title: &str,
    intro: &str,
    header: Vec<&'static str>,
    rows: Vec<Row>,
) -> TablePage<'c> {
    TablePage {
        marker: MARKER,
        version: &catalogue.version,
        title: title.to_string(),
        intro: intro.to_string(),
        header,
        rows,
        after: String::new(),
    }
}

fn basic_page(catalogue: &Catalogue, links: &Links<'_>) -> Result<String, askama::Error> {
    let rows = catalogue
        .basic
        .iter()
        .map(|b| {
            let mut meaning = md_cell(&b.meaning);
            for command in b.commands.iter().filter(|c| c.meaning.is_some()) {
                let text = command.meaning.as_deref().unwrap_or_default();
                meaning.push_str(&format!("<br>**{}**: {}", md_cell(&command.command), md_cell(text)));
            }
            if let Some(provenance) = &b.provenance {
                meaning.push_str(&format!("<br>*Provenance*: {}", md_cell(provenance)));
            }
            for conflict in &b.conflicts {
                let cited = links.cite(&conflict.sources, "sources.md");
                meaning.push_str(&format!("<br>*Also claimed*: {} ({cited})", md_cell(&conflict.meaning)));
            }
            Row {
                cells: vec![
                    format!("<a id=\"{0}\"></a>{0}", b.code),
                    format!("`{}`", b.name),
                    b.text.as_deref().map(md_cell).unwrap_or_default(),
                    meaning,
                    md_cell(&b.action),
                    b.retry.map(|r| r.as_str()).unwrap_or("").to_string(),
                    b.status.as_str().to_string(),
                    links.cite(&b.sources, "sources.md"),
                ],
            }
        })
        .collect();
    let intro = "Three-digit reply codes (RFC 5321 and its extensions). `status` tells standard codes from \
                 experimental ones, codes that only appear in the IANA registry's associated-code column \
                 (`registry_only`), and codes that circulate on the web without an RFC (`nonstandard`).";
    let header = vec!["Code", "Name", "RFC text", "Meaning", "What to do", "Retry", "Status", "Sources"];
    table(catalogue, "Basic reply codes", intro, header, rows).render()
}

fn enhanced_page(catalogue: &Catalogue, links: &Links<'_>) -> Result<String, askama::Error> {
    let rows = catalogue
        .enhanced
        .iter()
        .map(|e| {
            let classes = e.classes.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
            let basic = e.basic.iter().map(u16::to_string).collect::<Vec<_>>().join(", ");
            let status = if e.deprecated { "deprecated" } else { "" };
            Row {
                cells: vec![
                    format!("<a id=\"{0}\"></a>{0}", e.code),
                    format!("`{}`", e.name),
                    md_cell(&e.title),
                    md_cell(&e.meaning),
                    md_cell(&e.action),
                    classes,
                    basic,
                    format!("`{}`", e.reason),
                    status.to_string(),
                    links.cite(&e.sources, "sources.md"),
                ],
            }
        })
        .collect();
    let intro = "The IANA SMTP Enhanced Status Codes registry (RFC 3463, RFC 5248): `class.subject.detail`, where \
                 the class is 2 (success), 4 (transient failure) or 5 (permanent failure).";
    let header = vec![
        "Code",
        "Name",
        "Registry title",
        "Meaning",
        "What to do",
        "Classes",
        "Basic codes",
        "Reason",
        "Status",
        "Sources",
    ];
    table(catalogue, "Enhanced status codes", intro, header, rows).render()
}

fn sources_page(catalogue: &Catalogue) -> Result<String, askama::Error> {
    let rows = catalogue
        .sources
        .iter()
        .map(|s| Row {
            cells: vec![
                format!("<a id=\"{0}\"></a>`{0}`", s.id),
                md_cell(&s.title),
                s.url.as_deref().map(|u| format!("<{}>", u.replace(' ', "%20"))).unwrap_or_default(),
                s.note.as_deref().map(md_cell).unwrap_or_default(),
            ],
        })
        .collect();
    let intro = "Every fact in the catalogue cites one or more of these sources by id.";
    table(catalogue, "Sources", intro, vec!["Id", "Title", "Link", "Note"], rows).render()
}

fn confidence_counts(entries: &[Entry]) -> [usize; 4] {
    let mut counts = [0; 4];
    for entry in entries {
        counts[entry.confidence as usize] += 1;
    }
    counts
}

fn vendors_page(catalogue: &Catalogue) -> Result<String, askama::Error> {
    let mut totals = [0; 4];
    let rows: Vec<Row> = catalogue
        .vendors
        .iter()
        .map(|v| {
            let counts = confidence_counts(&v.entries);
            totals.iter_mut().zip(counts).for_each(|(t, c)| *t += c);
            let mut cells = vec![
                format!("[{}](vendors/{}.md)", md_cell(&v.name), v.id),
                format!("`{}`", v.id),
                v.kind.as_str().to_string(),
                v.entries.len().to_string(),
            ];
            cells.extend(counts.iter().map(usize::to_string));
            Row { cells }
        })
        .collect();
    let entries: usize = totals.iter().sum();
    let intro = format!(
        "{} vendors, {entries} entries. Confidence: *documented* by the vendor, *observed* verbatim in real bounces, \
         *derived* from a maintained classifier's tables, *folklore* explained only by third parties.",
        catalogue.vendors.len()
    );
    let header = vec!["Vendor", "Id", "Kind", "Entries", "Documented", "Observed", "Derived", "Folklore"];
    let mut page = table(catalogue, "Vendor-specific replies", &intro, header, rows);
    page.after = format!(
        "Totals: {} documented, {} observed, {} derived, {} folklore.",
        totals[Confidence::Documented as usize],
        totals[Confidence::Observed as usize],
        totals[Confidence::Derived as usize],
        totals[Confidence::Folklore as usize]
    );
    page.render()
}

fn vendor_page(catalogue: &Catalogue, vendor: &Vendor, links: &Links<'_>) -> Result<String, askama::Error> {
    let rows = vendor.entries.iter().map(|e| entry_row(e, links)).collect();
    let markers = vendor.markers.iter().map(|m| md_code(m)).collect::<Vec<_>>().join(", ");
    let mut intro = format!(
        "Kind: {}. Recognised by: {}. Sources: {}.",
        vendor.kind.as_str(),
        if markers.is_empty() { "its entries' own text".to_string() } else { markers },
        links.cite(&vendor.sources, "../sources.md")
    );
    if let Some(note) = &vendor.note {
        intro.push_str(&format!("\n\n{}", md_cell(note)));
    }
    intro.push_str(
        "\n\nEach entry is selected by its wire text (matched without regard to case, after unfolding \
         multi-line replies) or by the vendor's token; *Retry* says whether the message may be sent again later, \
         *Bounce* whether the address should be suppressed.",
    );
    let header = vec![
        "Entry",
        "Codes",
        "Wire text or token",
        "Meaning",
        "What to do",
        "Retry",
        "Bounce",
        "Reason",
        "Confidence",
        "Sources",
    ];
    let page = table(catalogue, &md_cell(&vendor.name), &intro, header, rows);
    page.render()
}

fn entry_row(entry: &Entry, links: &Links<'_>) -> Row {
    let codes: Vec<String> = entry.basic.iter().map(u16::to_string).chain(entry.enhanced.iter().cloned()).collect();
    let mut wire: Vec<String> = entry.fragments().map(md_code).collect();
    for token in entry.tokens() {
        let range = entry.range.map(|[lo, hi]| format!(" {lo}-{hi}")).unwrap_or_default();
        wire.push(format!("token {}{range}", md_code(token)));
    }
    let mut meaning = md_cell(&entry.meaning);
    if let Some(code) = &entry.overrides {
        meaning.push_str(&format!("<br>*Overrides the registry meaning of {code}.*"));
    }
    if entry.legacy || entry.retired.is_some() {
        let when = entry.retired.as_deref().map(|r| format!(" (retired {r})")).unwrap_or_default();
        meaning.push_str(&format!("<br>*Legacy{when}.*"));
    }
    Row {
        cells: vec![
            format!("<a id=\"{0}\"></a>`{0}`", entry.id),
            codes.join(" "),
            wire.join("<br>"),
            meaning,
            md_cell(&entry.action),
            entry.retry.as_str().to_string(),
            entry.bounce.as_str().to_string(),
            format!("`{}`", entry.reason),
            entry.confidence.as_str().to_string(),
            links.cite(&entry.sources, "../sources.md"),
        ],
    }
}
