//! `json/smtp-codes.json` (every field of the catalogue) and its JSON Schema.

use crate::{GeneratedFile, MARKER};
use askama::Template;
use serde::Serialize;
use smtp_catalogue::{Basic, Catalogue, Class, Enhanced, Phrase, Reason, Source, Subject, Vendor};

/// The published document: the catalogue with a marker and a schema reference in front.
#[derive(Serialize)]
struct Document<'c> {
    #[serde(rename = "$comment")]
    comment: &'static str,
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'c str,
    sources: &'c [Source],
    reasons: &'c [Reason],
    classes: &'c [Class],
    subjects: &'c [Subject],
    basic: &'c [Basic],
    enhanced: &'c [Enhanced],
    vendors: &'c [Vendor],
    phrases: &'c [Phrase],
}

#[derive(Template)]
#[template(path = "json/smtp-codes.schema.json", escape = "none")]
struct Schema<'c> {
    marker: &'static str,
    version: &'c str,
}

pub fn emit(catalogue: &Catalogue) -> Result<Vec<GeneratedFile>, askama::Error> {
    let document = Document {
        comment: MARKER,
        schema: "./smtp-codes.schema.json",
        version: &catalogue.version,
        sources: &catalogue.sources,
        reasons: &catalogue.reasons,
        classes: &catalogue.classes,
        subjects: &catalogue.subjects,
        basic: &catalogue.basic,
        enhanced: &catalogue.enhanced,
        vendors: &catalogue.vendors,
        phrases: &catalogue.phrases,
    };
    let mut json = serde_json::to_string_pretty(&document).map_err(|e| askama::Error::Custom(Box::new(e)))?;
    json.push('\n');
    let schema = Schema { marker: MARKER, version: &catalogue.version }.render()? + "\n";
    Ok(vec![GeneratedFile::new("smtp-codes.json", json), GeneratedFile::new("smtp-codes.schema.json", schema)])
}
