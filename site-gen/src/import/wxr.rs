//! Placeholder until the wxr importer lands.

use super::{ImportError, ImportOptions, Importer, Source};

pub fn open(source: &Source, _options: &ImportOptions) -> Result<Box<dyn Importer>, ImportError> {
    Err(ImportError::UnknownFormat {
        source_label: source.label(),
        why: "this format is not supported yet".into(),
    })
}
