//! A backup as files other tools read, and back.

mod activity;
mod archive;
pub mod csv;
mod csv_read;
mod media_path;
mod zip;

pub use archive::StoredFile;
pub use csv_read::{CsvError, CsvProblem};
pub use zip::ZipError;
