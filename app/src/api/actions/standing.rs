//! How the reader stands towards an account, in the terms a profile shows,
//! and what an action is expected to change, so that a view can show the
//! result at once and put things back if the server refuses.

use super::relationship::Relationship;

/// One fact about a relationship worth telling the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Each follows the other.
    Mutual,
    FollowsYou,
    /// The reader asked to follow and waits for an answer.
    Requested,
    Blocked,
    BlockedYou,
    Muted,
    DomainBlocked,
}

/// What a profile says of `relationship`, most telling first.
pub fn standing(relationship: &Relationship) -> Vec<Standing> {
    let mut facts = Vec::new();
    if relationship.following && relationship.followed_by {
        facts.push(Standing::Mutual);
    } else if relationship.followed_by {
        facts.push(Standing::FollowsYou);
    }
    let flags = [
        (relationship.requested, Standing::Requested),
        (relationship.blocking, Standing::Blocked),
        (relationship.blocked_by, Standing::BlockedYou),
        (relationship.muting, Standing::Muted),
        (relationship.domain_blocking, Standing::DomainBlocked),
    ];
    facts.extend(
        flags
            .into_iter()
            .filter(|(on, _)| *on)
            .map(|(_, fact)| fact),
    );
    facts
}

/// Something the reader does to an account that changes the relationship.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountAction {
    /// `locked` accounts answer a follow with a request.
    Follow {
        locked: bool,
    },
    Unfollow,
    Mute {
        notifications: bool,
    },
    Unmute,
    Block,
    Unblock,
    BlockDomain,
}

/// The relationship as the server should have it after `action`.
pub fn expected_after(relationship: &Relationship, action: AccountAction) -> Relationship {
    let mut next = relationship.clone();
    match action {
        AccountAction::Follow { locked } => {
            next.following = !locked;
            next.requested = locked;
        }
        AccountAction::Unfollow => {
            next.following = false;
            next.requested = false;
        }
        AccountAction::Mute { notifications } => {
            next.muting = true;
            next.muting_notifications = notifications;
        }
        AccountAction::Unmute => {
            next.muting = false;
            next.muting_notifications = false;
        }
        AccountAction::Block => {
            // Blocking ends follows both ways.
            next.blocking = true;
            next.following = false;
            next.requested = false;
            next.followed_by = false;
        }
        AccountAction::Unblock => next.blocking = false,
        AccountAction::BlockDomain => {
            next.domain_blocking = true;
            next.following = false;
        }
    }
    next
}

/// Mute durations offered, in seconds; 0 is for ever.
pub const MUTE_DURATIONS: [u64; 8] = [0, 300, 1800, 3600, 21_600, 86_400, 259_200, 604_800];

/// The server of a remote account, from its `user@server` address; `None`
/// for an account on the reader's own server.
pub fn remote_domain(acct: &str) -> Option<&str> {
    acct.rsplit_once('@')
        .map(|(_, domain)| domain)
        .filter(|domain| !domain.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relationship(set: impl FnOnce(&mut Relationship)) -> Relationship {
        let mut relationship = Relationship {
            id: "5".into(),
            ..Relationship::default()
        };
        set(&mut relationship);
        relationship
    }

    #[test]
    fn a_profile_tells_the_facts_that_matter() {
        assert_eq!(standing(&relationship(|_| ())), []);
        let mutual = relationship(|r| (r.following, r.followed_by) = (true, true));
        assert_eq!(standing(&mutual), [Standing::Mutual]);
        let fan = relationship(|r| (r.followed_by, r.muting) = (true, true));
        assert_eq!(standing(&fan), [Standing::FollowsYou, Standing::Muted]);
        let shunned = relationship(|r| {
            (r.requested, r.blocking, r.blocked_by, r.domain_blocking) = (true, true, true, true)
        });
        assert_eq!(
            standing(&shunned),
            [
                Standing::Requested,
                Standing::Blocked,
                Standing::BlockedYou,
                Standing::DomainBlocked
            ]
        );
    }

    #[test]
    fn actions_predict_what_the_server_will_say() {
        let none = relationship(|_| ());
        let followed = expected_after(&none, AccountAction::Follow { locked: false });
        assert!(followed.following && !followed.requested);
        let asked = expected_after(&none, AccountAction::Follow { locked: true });
        assert!(!asked.following && asked.requested);
        assert_eq!(expected_after(&asked, AccountAction::Unfollow), none);

        let friends = relationship(|r| (r.following, r.followed_by) = (true, true));
        let blocked = expected_after(&friends, AccountAction::Block);
        assert!(blocked.blocking && !blocked.following && !blocked.followed_by);
        assert!(!expected_after(&blocked, AccountAction::Unblock).blocking);

        let muted = expected_after(
            &none,
            AccountAction::Mute {
                notifications: true,
            },
        );
        assert!(muted.muting && muted.muting_notifications);
        assert_eq!(expected_after(&muted, AccountAction::Unmute), none);
        let walled = expected_after(&friends, AccountAction::BlockDomain);
        assert!(walled.domain_blocking && !walled.following && walled.followed_by);
    }

    #[test]
    fn only_remote_accounts_have_a_domain_to_block() {
        assert_eq!(remote_domain("kim@spam.example"), Some("spam.example"));
        assert_eq!(remote_domain("kim"), None);
        assert_eq!(remote_domain("kim@"), None);
        assert_eq!(MUTE_DURATIONS[0], 0, "for ever comes first");
        assert!(MUTE_DURATIONS.windows(2).all(|pair| pair[0] < pair[1]));
    }
}
