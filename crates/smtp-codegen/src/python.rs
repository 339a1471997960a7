//! Placeholder: the python emitter is being written.

use crate::GeneratedFile;
use smtp_catalogue::Catalogue;

pub fn emit(catalogue: &Catalogue) -> Result<Vec<GeneratedFile>, askama::Error> {
    crate::python_classify::files(catalogue)
}
