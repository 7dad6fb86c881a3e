//! Whether a draft can be posted now, and what is left of its length.

use super::{ComposeDraft, Limits, weigh};

/// The length a server allows when it does not say.
pub const DEFAULT_MAX_CHARACTERS: usize = 500;

/// The least time ahead a post may be scheduled, in milliseconds.
pub const MIN_SCHEDULE_AHEAD_MS: f64 = 5.0 * 60.0 * 1000.0;

/// Why a draft cannot be posted yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotReady {
    Empty,
    TooLong,
    MediaNotReady,
    TooSoon,
}

/// Characters left before `draft` passes the server's limit; negative
/// when it is over.
pub fn remaining(draft: &ComposeDraft, limits: &Limits) -> i64 {
    let max = limits
        .max_characters
        .and_then(|max| usize::try_from(max).ok())
        .unwrap_or(DEFAULT_MAX_CHARACTERS);
    let used = weigh(&draft.spoiler_text, &draft.text, limits.url_weight());
    i64::try_from(max).unwrap_or(i64::MAX) - i64::try_from(used).unwrap_or(i64::MAX)
}

/// What keeps `draft` from being posted at `now_ms`, if anything.
/// `scheduled_ms` is the draft's time, read by the caller (`NaN` when it
/// does not read).
pub fn check(
    draft: &ComposeDraft,
    limits: &Limits,
    scheduled_ms: Option<f64>,
    now_ms: f64,
) -> Option<NotReady> {
    let has_media = !draft.attachments.is_empty() && draft.poll.is_none();
    if draft.text.trim().is_empty() && !has_media {
        return Some(NotReady::Empty);
    }
    if remaining(draft, limits) < 0 {
        return Some(NotReady::TooLong);
    }
    if has_media && !draft.attachments.iter().all(|media| media.ready()) {
        return Some(NotReady::MediaNotReady);
    }
    match scheduled_ms {
        Some(at) if at.is_nan() || at < now_ms + MIN_SCHEDULE_AHEAD_MS => Some(NotReady::TooSoon),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::compose::AttachmentDraft;

    fn draft(text: &str) -> ComposeDraft {
        ComposeDraft {
            text: text.into(),
            ..ComposeDraft::default()
        }
    }

    #[test]
    fn remaining_counts_down_from_the_servers_limit() {
        let limits = Limits {
            max_characters: Some(10),
            ..Limits::default()
        };
        assert_eq!(remaining(&draft("hello"), &limits), 5);
        let mut warned = draft("hello");
        warned.spoiler_text = "cw".into();
        assert_eq!(remaining(&warned, &limits), 3);
        assert_eq!(
            remaining(&draft("see https://example.com"), &Limits::default()),
            500 - 4 - 23
        );
        assert_eq!(remaining(&draft("0123456789ab"), &limits), -2);
    }

    #[test]
    fn empty_long_unready_and_early_drafts_wait() {
        let limits = Limits {
            max_characters: Some(5),
            ..Limits::default()
        };
        assert_eq!(
            check(&draft("  "), &limits, None, 0.0),
            Some(NotReady::Empty)
        );
        assert_eq!(
            check(&draft("toolong"), &limits, None, 0.0),
            Some(NotReady::TooLong)
        );
        assert_eq!(check(&draft("ok"), &limits, None, 0.0), None);
        let mut media = draft("");
        media.attachments.push(AttachmentDraft::default());
        assert_eq!(
            check(&media, &limits, None, 0.0),
            Some(NotReady::MediaNotReady)
        );
        media.attachments[0].media_id = Some("m".into());
        assert_eq!(check(&media, &limits, None, 0.0), None);
        let now = 1_000_000.0;
        let soon = Some(now + MIN_SCHEDULE_AHEAD_MS - 1.0);
        assert_eq!(
            check(&draft("ok"), &limits, soon, now),
            Some(NotReady::TooSoon)
        );
        assert_eq!(
            check(&draft("ok"), &limits, Some(f64::NAN), now),
            Some(NotReady::TooSoon)
        );
        assert_eq!(
            check(
                &draft("ok"),
                &limits,
                Some(now + MIN_SCHEDULE_AHEAD_MS),
                now
            ),
            None
        );
    }
}
