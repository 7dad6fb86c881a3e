//! A backup as files other tools read, and back.

pub mod csv;
mod csv_read;

pub use csv_read::{CsvError, CsvProblem};
