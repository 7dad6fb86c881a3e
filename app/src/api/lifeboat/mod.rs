//! Lifeboat: a copy of an account's network and posts, kept while its
//! server lives, and rebuilt on another server when it dies.
//!
//! - `backup`: what a backup holds, as stored and exported;
//!   addresses are always full (`user@server`), since the server that
//!   gave them may be gone when they are read;
//! - `exchange`: how the pure engines ask the browser to act for them;
//! - `health`: when to back up, and whether a server has gone silent;
//! - `collect`: the engine that fills a backup from the account's server;
//! - `export`: a backup as one zip other tools read, and read back;
//! - `restore`: rebuilding a backup on a new server.

pub mod backup;
pub mod collect;
pub mod exchange;
pub mod export;
pub mod health;
pub mod restore;

pub use backup::{
    Backup, BackupAccount, BackupFilter, BackupFilterKeyword, BackupFollow, BackupList,
    BackupMedia, BackupMute, BackupPost, BackupProfile, KnownAccount, full_address,
};
