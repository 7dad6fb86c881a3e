//! The reader's words for what a restore re-creates.

use crate::api::lifeboat::restore::Kind;
use crate::i18n::lifeboat::LifeboatWords as W;

pub fn kind_words(kind: Kind) -> W {
    match kind {
        Kind::Follow => W::Follows,
        Kind::List => W::Lists,
        Kind::ListMember => W::ListMembers,
        Kind::Mute => W::Mutes,
        Kind::Block => W::Blocks,
        Kind::DomainBlock => W::DomainBlocks,
        Kind::Bookmark => W::Bookmarks,
        Kind::Tag => W::Tags,
        Kind::Filter => W::Filters,
        Kind::Profile => W::Profile,
    }
}
