//! A backup as files other tools read, and back.

pub mod csv;
mod csv_read;
mod zip;

pub use csv_read::{CsvError, CsvProblem};
pub use zip::ZipError;
