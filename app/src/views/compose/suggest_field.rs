//! The compose form's status field, as the suggestions and the emoji
//! picker reach it: found afresh at each event from the element that
//! asks (the field may be rendered again at any time), and written to
//! both in the page and in the draft.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget, HtmlTextAreaElement};

use crate::api::compose::{ComposeDraft, Edited};

/// The `id` the compose form gives its status field, for a part of the
/// composer that is not inside the form.
pub const STATUS_FIELD_ID: &str = "compose-status";

/// The status field of the compose form that holds `inside`, else the
/// page's field with the known `id`.
pub fn status_field(inside: &Element) -> Option<HtmlTextAreaElement> {
    inside
        .closest("form.compose")
        .ok()
        .flatten()
        .and_then(|form| form.query_selector("textarea[name=status]").ok().flatten())
        .or_else(|| document().get_element_by_id(STATUS_FIELD_ID))
        .and_then(|field| field.dyn_into().ok())
}

/// The status field near `inside`, if it is what `target` is.
pub fn is_status_field(
    target: Option<EventTarget>,
    inside: &Element,
) -> Option<HtmlTextAreaElement> {
    let field = status_field(inside)?;
    let target = target?.dyn_into::<HtmlTextAreaElement>().ok()?;
    (target == field).then_some(field)
}

/// The selection in UTF-16 units, start before end; the end of the text
/// when the browser does not say.
pub fn selection(field: &HtmlTextAreaElement) -> (u32, u32) {
    let end_of_text = field.value().encode_utf16().count() as u32;
    let start = field
        .selection_start()
        .ok()
        .flatten()
        .unwrap_or(end_of_text);
    let end = field.selection_end().ok().flatten().unwrap_or(start);
    (start.min(end), start.max(end))
}

/// Puts `edited` in the field and the draft, the cursor after the
/// insertion and the focus back in the field.
pub fn write(field: &HtmlTextAreaElement, draft: RwSignal<ComposeDraft>, edited: Edited) {
    field.set_value(&edited.text);
    let _ = field.set_selection_range(edited.cursor, edited.cursor);
    let _ = field.focus();
    draft.update(|draft| draft.text = edited.text);
}
