//! The post announcing the move, drafted for the reader to edit in the
//! composer of the new account: nothing is posted without them.

use crate::api::compose::ComposeDraft;
use crate::api::lifeboat::restore::announcement;
use crate::browser::location::navigate;
use crate::route::Route;
use crate::state::SignedInAccount;
use crate::state::handoff::hand_to_composer;
use crate::state::lifeboat::stored_backup;

pub async fn draft_announcement(source: &str, target: &SignedInAccount) {
    let Some(backup) = stored_backup(source).await else {
        return;
    };
    let draft = ComposeDraft {
        id: format!("moved-{}", js_sys::Date::now() as u64),
        account: target.key(),
        text: announcement(&backup, &target.key()),
        ..ComposeDraft::default()
    };
    hand_to_composer(&draft);
    navigate(&Route::Compose {
        server: target.server.clone(),
        draft: None,
    });
}
