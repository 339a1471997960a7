//! Placeholder: the rust emitter is being written.

use crate::GeneratedFile;
use smtp_catalogue::Catalogue;

pub fn emit(_catalogue: &Catalogue) -> Result<Vec<GeneratedFile>, askama::Error> {
    Ok(Vec::new())
}
