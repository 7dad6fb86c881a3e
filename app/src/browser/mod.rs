//! The thin layer over browser APIs: HTTP, WebSockets, storage, crypto and
//! the location fragment.

pub mod crypto;
pub mod files;
pub mod first_page;
pub mod http;
pub mod idb;
pub mod location;
pub mod offline;
pub mod socket;
pub mod storage;
pub mod timer;
pub mod upload;
pub mod visibility;
