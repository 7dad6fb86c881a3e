//! The index's files: each a script registering its data, so that script
//! elements load it where `fetch` is refused (`file://`).

use serde::Serialize;

use crate::render::Page;

/// Where the index's files go in the output.
pub const FOLDER: &str = "search";

/// A registration script: `name` is the file's path in the index's
/// folder, without `.js`.
pub fn script<T: Serialize + ?Sized>(name: &str, data: &T) -> String {
    let data = serde_json::to_string(data).unwrap_or_else(|_| "null".into());
    wrap(name, &data)
}

/// A registration script around JSON already written.
pub fn wrap(name: &str, json: &str) -> String {
    let name = serde_json::to_string(name).unwrap_or_default();
    format!("__samizdatSearch({name},{json});\n")
}

pub fn page(name: &str, contents: String) -> Page {
    Page {
        path: format!("{FOLDER}/{name}.js"),
        contents,
    }
}
