//! Randomness and SHA-256 from the browser's Web Crypto, which costs the
//! bundle nothing.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// `count` random bytes, base64url-encoded.
pub fn random_token(count: usize) -> Option<String> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut bytes = vec![0u8; count];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(crate::api::oauth::base64url(&bytes))
}

/// The PKCE S256 challenge for `verifier`.
pub async fn pkce_challenge(verifier: &str) -> Option<String> {
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    let data = verifier.as_bytes().to_vec();
    let promise = subtle.digest_with_str_and_u8_array("SHA-256", &data).ok()?;
    let digest = JsFuture::from(promise).await.ok()?;
    let bytes = js_sys::Uint8Array::new(digest.dyn_ref::<js_sys::ArrayBuffer>()?).to_vec();
    Some(crate::api::oauth::base64url(&bytes))
}
