//! localStorage and sessionStorage, as JSON values under string keys.

use serde::Serialize;
use serde::de::DeserializeOwned;
use web_sys::Storage;

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok()?
}

fn read<T: DeserializeOwned>(storage: Option<Storage>, key: &str) -> Option<T> {
    let text = storage?.get_item(key).ok()??;
    serde_json::from_str(&text).ok()
}

fn write<T: Serialize>(storage: Option<Storage>, key: &str, value: &T) {
    if let (Some(storage), Ok(text)) = (storage, serde_json::to_string(value)) {
        let _ = storage.set_item(key, &text);
    }
}

pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    read(local(), key)
}

pub fn save<T: Serialize>(key: &str, value: &T) {
    write(local(), key, value);
}

pub fn load_session<T: DeserializeOwned>(key: &str) -> Option<T> {
    read(session(), key)
}

pub fn save_session<T: Serialize>(key: &str, value: &T) {
    write(session(), key, value);
}

pub fn remove_session(key: &str) {
    if let Some(storage) = session() {
        let _ = storage.remove_item(key);
    }
}
