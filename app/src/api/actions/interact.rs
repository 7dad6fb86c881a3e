//! What a reader does to a status: favourite, boost, bookmark, pin,
//! mute its conversation, vote in its poll.

use serde_json::json;

use super::super::request::{Body, Call, Method, segment};
use super::super::status::{Poll, Status, Visibility};

/// Doing something to a status, or undoing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Toggle {
    Do,
    Undo,
}

fn toggle(id: &str, on: &str, off: &str, toggle: Toggle) -> Call<Status> {
    let action = match toggle {
        Toggle::Do => on,
        Toggle::Undo => off,
    };
    Call::new(
        Method::Post,
        format!("/api/v1/statuses/{}/{action}", segment(id)),
    )
}

pub fn favourite(id: &str, how: Toggle) -> Call<Status> {
    toggle(id, "favourite", "unfavourite", how)
}

pub fn bookmark(id: &str, how: Toggle) -> Call<Status> {
    toggle(id, "bookmark", "unbookmark", how)
}

pub fn pin(id: &str, how: Toggle) -> Call<Status> {
    toggle(id, "pin", "unpin", how)
}

pub fn mute_conversation(id: &str, how: Toggle) -> Call<Status> {
    toggle(id, "mute", "unmute", how)
}

/// Boosts a status, to the audience given or the account's default.
pub fn reblog(id: &str, visibility: Option<&Visibility>) -> Call<Status> {
    let call = toggle(id, "reblog", "unreblog", Toggle::Do);
    match visibility {
        Some(visibility) => call.with_body(Body::Json(json!({"visibility": visibility.name()}))),
        None => call,
    }
}

pub fn unreblog(id: &str) -> Call<Status> {
    toggle(id, "reblog", "unreblog", Toggle::Undo)
}

/// `POST /api/v1/polls/:id/votes` with the chosen options' indexes.
pub fn vote(poll_id: &str, choices: &[usize]) -> Call<Poll> {
    Call::new(
        Method::Post,
        format!("/api/v1/polls/{}/votes", segment(poll_id)),
    )
    .with_body(Body::Json(json!({ "choices": choices })))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Request;

    #[test]
    fn each_action_posts_to_its_own_path() {
        let cases = [
            (favourite("1", Toggle::Do), "/api/v1/statuses/1/favourite"),
            (
                favourite("1", Toggle::Undo),
                "/api/v1/statuses/1/unfavourite",
            ),
            (bookmark("1", Toggle::Do), "/api/v1/statuses/1/bookmark"),
            (bookmark("1", Toggle::Undo), "/api/v1/statuses/1/unbookmark"),
            (pin("1", Toggle::Undo), "/api/v1/statuses/1/unpin"),
            (
                mute_conversation("1", Toggle::Do),
                "/api/v1/statuses/1/mute",
            ),
            (unreblog("1"), "/api/v1/statuses/1/unreblog"),
            (reblog("a/b", None), "/api/v1/statuses/a%2Fb/reblog"),
        ];
        for (request, path) in cases {
            assert_eq!(
                (request.method(), request.path().as_str()),
                (Method::Post, path)
            );
        }
        let body = |request: Call<Status>| request.body().map(|body| body.text());
        assert_eq!(body(favourite("1", Toggle::Do)), None);
        assert_eq!(
            body(reblog("1", Some(&Visibility::Private))).as_deref(),
            Some(r#"{"visibility":"private"}"#)
        );
    }

    #[test]
    fn a_vote_names_its_choices() {
        let request = vote("p1", &[0, 2]);
        assert_eq!(request.path(), "/api/v1/polls/p1/votes");
        assert_eq!(request.body().unwrap().text(), r#"{"choices":[0,2]}"#);
        let poll = request
            .read(r#"{"id":"p1","expired":false,"multiple":true,"options":[{"title":"a","votes_count":1}],"voted":true,"own_votes":[0]}"#)
            .unwrap();
        assert_eq!(poll.options.len(), 1);
    }
}
