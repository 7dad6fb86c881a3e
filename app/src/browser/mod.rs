//! The thin layer over browser APIs: HTTP and the location fragment.

pub mod http;
pub mod location;
