//! The new account's profile as it stands, to tell whether the backup's
//! text is already there: a restore run twice then reports it present
//! rather than writing it again.

use serde::Deserialize;

use super::super::backup::BackupProfile;

#[derive(Deserialize)]
struct Field {
    #[serde(default)]
    name: String,
    #[serde(default)]
    value: String,
}

#[derive(Deserialize)]
struct Source {
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    fields: Option<Vec<Field>>,
}

/// `verify_credentials`, as far as the profile's text goes. The source
/// (plain text) is compared where the server gives it, as the backup
/// keeps it.
#[derive(Deserialize)]
struct Credentials {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    locked: bool,
    #[serde(default)]
    bot: bool,
    #[serde(default)]
    fields: Vec<Field>,
    #[serde(default)]
    source: Option<Source>,
}

/// Whether `body`, a `verify_credentials` answer, already shows `wanted`.
pub(super) fn already_there(body: &str, wanted: &BackupProfile) -> bool {
    let Ok(current) = serde_json::from_str::<Credentials>(body) else {
        return false;
    };
    let source = current.source.unwrap_or(Source {
        note: None,
        fields: None,
    });
    let note = source.note.unwrap_or(current.note);
    let fields: Vec<(String, String)> = source
        .fields
        .unwrap_or(current.fields)
        .into_iter()
        .map(|field| (field.name, field.value))
        .collect();
    current.display_name == wanted.display_name
        && note == wanted.note
        && fields == wanted.fields
        && current.locked == wanted.locked
        && current.bot == wanted.bot
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wanted() -> BackupProfile {
        BackupProfile {
            display_name: "Ada".into(),
            note: "Engines & looms".into(),
            fields: vec![("Home".into(), "https://ada.example".into())],
            locked: true,
            ..BackupProfile::default()
        }
    }

    #[test]
    fn the_source_text_is_compared_where_the_server_gives_it() {
        let same = r#"{"display_name":"Ada","note":"<p>Engines &amp; looms</p>","locked":true,
            "fields":[{"name":"Home","value":"<a href=\"https://ada.example\">ada.example</a>"}],
            "source":{"note":"Engines & looms","fields":[{"name":"Home","value":"https://ada.example"}]}}"#;
        assert!(already_there(same, &wanted()));
        let unlocked = same.replace("\"locked\":true", "\"locked\":false");
        assert!(!already_there(&unlocked, &wanted()));
        let renamed = same.replace("\"Ada\"", "\"Ada L.\"");
        assert!(!already_there(&renamed, &wanted()));
    }

    #[test]
    fn without_a_source_the_rendered_text_is_compared() {
        let plain = r#"{"display_name":"Ada","note":"Engines & looms","locked":true,
            "fields":[{"name":"Home","value":"https://ada.example"}]}"#;
        assert!(already_there(plain, &wanted()));
        assert!(!already_there("not json", &wanted()));
    }
}
