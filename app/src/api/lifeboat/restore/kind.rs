//! The kinds of entry a restore re-creates, as its report names them.

use serde::{Deserialize, Serialize};

/// What an entry of the report is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Follow,
    List,
    ListMember,
    Mute,
    Block,
    DomainBlock,
    Bookmark,
    Tag,
    Filter,
    Profile,
}

impl Kind {
    pub const ALL: [Self; 10] = [
        Self::Follow,
        Self::List,
        Self::ListMember,
        Self::Mute,
        Self::Block,
        Self::DomainBlock,
        Self::Bookmark,
        Self::Tag,
        Self::Filter,
        Self::Profile,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Follow => "follow",
            Self::List => "list",
            Self::ListMember => "list member",
            Self::Mute => "mute",
            Self::Block => "block",
            Self::DomainBlock => "domain block",
            Self::Bookmark => "bookmark",
            Self::Tag => "tag",
            Self::Filter => "filter",
            Self::Profile => "profile",
        }
    }

    /// Whether the entry's subject is an account that must be found on
    /// the new server first.
    pub(super) fn is_per_account(self) -> bool {
        matches!(
            self,
            Self::Follow | Self::ListMember | Self::Mute | Self::Block
        )
    }
}
