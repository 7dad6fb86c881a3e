//! Bulk imports, where the new server has them: many entries in one
//! request, with no daily cap.
//!
//! - GoToSocial: `POST /api/v1/import`, multipart, `data` a CSV in
//!   Mastodon's format, `type` `following` or `blocks` (the only two it
//!   takes), `mode` `merge`. Its following CSV keeps "show boosts",
//!   "notify" and languages, so every follow goes this way.
//! - Pleroma and Akkoma: `POST /api/pleroma/follow_import`,
//!   `blocks_import`, `mutes_import`, a form whose `list` holds one
//!   address a line. The lists carry no settings, so only follows with
//!   the default ones (boosts shown, no notifications, all languages) and
//!   mutes for ever that also hide notifications go this way; the others
//!   go one by one, with their settings.

use super::super::super::Body;
use super::super::super::Method;
use super::super::super::oauth::form;
use super::super::exchange::{Ask, AskBody, Part};
use super::plan::{BulkImport, Entry, Work};
use super::{Batch, export};

pub(super) const GOTOSOCIAL_IMPORT: &str = "/api/v1/import";

/// Whether `bulk` takes an entry of `batch` with this `work`.
pub(super) fn takes(bulk: BulkImport, refused: &[Batch], batch: Batch, work: &Work) -> bool {
    if refused.contains(&batch) {
        return false;
    }
    match (bulk, batch) {
        (BulkImport::GoToSocial, Batch::Follows | Batch::Blocks) => true,
        (BulkImport::Pleroma, Batch::Blocks) => true,
        (BulkImport::Pleroma, Batch::Follows) => matches!(
            work,
            Work::Follow {
                reblogs: true,
                notify: false,
                languages: None
            }
        ),
        (BulkImport::Pleroma, Batch::Mutes) => matches!(
            work,
            Work::Mute {
                expires_at: None,
                notifications: true
            }
        ),
        _ => false,
    }
}

pub(super) fn ask(bulk: BulkImport, batch: Batch, entries: &[&Entry]) -> Option<Ask> {
    match bulk {
        BulkImport::GoToSocial => {
            let (kind, file_name, csv) = match batch {
                Batch::Follows => (
                    "following",
                    "following_accounts.csv",
                    export::following_csv(entries),
                ),
                Batch::Blocks => ("blocks", "blocked_accounts.csv", export::addresses(entries)),
                Batch::Mutes => return None,
            };
            let file = Part::File {
                file_name: file_name.into(),
                mime: "text/csv".into(),
                bytes: csv.into_bytes(),
            };
            Some(Ask {
                method: Method::Post,
                path: GOTOSOCIAL_IMPORT.into(),
                body: Some(AskBody::Multipart(vec![
                    ("data".into(), file),
                    ("type".into(), Part::Text(kind.into())),
                    ("mode".into(), Part::Text("merge".into())),
                ])),
            })
        }
        BulkImport::Pleroma => {
            let path = match batch {
                Batch::Follows => "/api/pleroma/follow_import",
                Batch::Blocks => "/api/pleroma/blocks_import",
                Batch::Mutes => "/api/pleroma/mutes_import",
            };
            let list = export::addresses(entries);
            Some(Ask {
                method: Method::Post,
                path: path.into(),
                body: Some(AskBody::Plain(Body::Form(form(&[(
                    "list",
                    list.trim_end(),
                )])))),
            })
        }
        BulkImport::None => None,
    }
}
