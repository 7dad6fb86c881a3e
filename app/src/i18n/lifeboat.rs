//! The words of the Lifeboat page: backups, exports and restores.

use super::{Lang, Words};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LifeboatWords {
    Lifeboat,
    Intro,
    NoAccounts,
    LastGood,
    NoBackupYet,
    HoursAgo,
    BackingUp,
    BackUpNow,
    Export,
    Exporting,
    ServerDown,
    BackupAge,
    LastFailure,
    RestoreTitle,
    RestoreInto,
    SignInFirst,
    FromThisBrowser,
    FromFile,
    NothingPicked,
    WillDo,
    Restore,
    Restoring,
    RestoreDone,
    RestoreWaits,
    RestoreHalted,
    FollowsCsv,
    DraftAnnouncement,
    Restored,
    Present,
    Waiting,
    Impossible,
    Follows,
    Followers,
    Lists,
    ListMembers,
    Mutes,
    Blocks,
    DomainBlocks,
    Bookmarks,
    Tags,
    Filters,
    Posts,
    Profile,
    NotABackup,
}

impl Words for LifeboatWords {
    fn in_lang(self, lang: Lang) -> &'static str {
        use LifeboatWords::*;
        match (lang, self) {
            (Lang::En, Lifeboat) => "Lifeboat",
            (Lang::Fr, Lifeboat) => "Canot de sauvetage",
            (Lang::En, Intro) => {
                "This browser keeps a copy of each signed-in account: who it follows, its lists, mutes, blocks, filters, profile and posts. If a server goes dark, sign in on another one and restore the copy there."
            }
            (Lang::Fr, Intro) => {
                "Ce navigateur garde une copie de chaque compte connecté : ses abonnements, listes, masquages, blocages, filtres, son profil et ses messages. Si un serveur s’éteint, connectez-vous sur un autre et restaurez-y la copie."
            }
            (Lang::En, NoAccounts) => "Sign in to an account to back it up.",
            (Lang::Fr, NoAccounts) => "Connectez-vous à un compte pour le sauvegarder.",
            (Lang::En, LastGood) => "Last complete backup:",
            (Lang::Fr, LastGood) => "Dernière sauvegarde complète :",
            (Lang::En, NoBackupYet) => "No complete backup yet.",
            (Lang::Fr, NoBackupYet) => "Pas encore de sauvegarde complète.",
            (Lang::En, HoursAgo) => "hours ago",
            (Lang::Fr, HoursAgo) => "heures auparavant",
            (Lang::En, BackingUp) => "Backing up…",
            (Lang::Fr, BackingUp) => "Sauvegarde en cours…",
            (Lang::En, BackUpNow) => "Back up now",
            (Lang::Fr, BackUpNow) => "Sauvegarder maintenant",
            (Lang::En, Export) => "Download the backup (zip)",
            (Lang::Fr, Export) => "Télécharger la sauvegarde (zip)",
            (Lang::En, Exporting) => "Preparing the download…",
            (Lang::Fr, Exporting) => "Préparation du téléchargement…",
            (Lang::En, ServerDown) => {
                "This server has stopped answering. Restore this account on another server from its last backup."
            }
            (Lang::Fr, ServerDown) => {
                "Ce serveur ne répond plus. Restaurez ce compte sur un autre serveur à partir de sa dernière sauvegarde."
            }
            (Lang::En, BackupAge) => "Age of the last backup, in hours:",
            (Lang::Fr, BackupAge) => "Âge de la dernière sauvegarde, en heures :",
            (Lang::En, LastFailure) => "The last backup failed:",
            (Lang::Fr, LastFailure) => "La dernière sauvegarde a échoué :",
            (Lang::En, RestoreTitle) => "Restore a backup",
            (Lang::Fr, RestoreTitle) => "Restaurer une sauvegarde",
            (Lang::En, RestoreInto) => "Into the account",
            (Lang::Fr, RestoreInto) => "Dans le compte",
            (Lang::En, SignInFirst) => {
                "Sign in to the new server first, make that account the active one, then come back here."
            }
            (Lang::Fr, SignInFirst) => {
                "Connectez-vous d’abord au nouveau serveur, faites de ce compte le compte actif, puis revenez ici."
            }
            (Lang::En, FromThisBrowser) => "A backup kept in this browser",
            (Lang::Fr, FromThisBrowser) => "Une sauvegarde gardée dans ce navigateur",
            (Lang::En, FromFile) => "Or a backup file (zip)",
            (Lang::Fr, FromFile) => "Ou un fichier de sauvegarde (zip)",
            (Lang::En, NothingPicked) => "Pick a backup to see what the restore will do.",
            (Lang::Fr, NothingPicked) => {
                "Choisissez une sauvegarde pour voir ce que fera la restauration."
            }
            (Lang::En, WillDo) => "What the restore will do",
            (Lang::Fr, WillDo) => "Ce que fera la restauration",
            (Lang::En, Restore) => "Restore",
            (Lang::Fr, Restore) => "Restaurer",
            (Lang::En, Restoring) => "Restoring…",
            (Lang::Fr, Restoring) => "Restauration en cours…",
            (Lang::En, RestoreDone) => "The restore is finished.",
            (Lang::Fr, RestoreDone) => "La restauration est terminée.",
            (Lang::En, RestoreWaits) => {
                "The server limits follows per day: the rest will be sent by themselves on a later visit, from"
            }
            (Lang::Fr, RestoreWaits) => {
                "Le serveur limite les abonnements par jour : le reste partira de lui-même lors d’une prochaine visite, à partir du"
            }
            (Lang::En, RestoreHalted) => {
                "The restore stopped: sign in to the new server again, then press Restore to go on. The server said:"
            }
            (Lang::Fr, RestoreHalted) => {
                "La restauration s’est arrêtée : reconnectez-vous au nouveau serveur, puis appuyez sur Restaurer pour continuer. Le serveur a dit :"
            }
            (Lang::En, FollowsCsv) => "Follows still to make, for Mastodon’s import page (CSV)",
            (Lang::Fr, FollowsCsv) => {
                "Abonnements restant à faire, pour la page d’import de Mastodon (CSV)"
            }
            (Lang::En, DraftAnnouncement) => "Draft a post announcing the move",
            (Lang::Fr, DraftAnnouncement) => "Rédiger un message annonçant le déménagement",
            (Lang::En, Restored) => "restored",
            (Lang::Fr, Restored) => "restauré",
            (Lang::En, Present) => "already there",
            (Lang::Fr, Present) => "déjà là",
            (Lang::En, Waiting) => "waiting",
            (Lang::Fr, Waiting) => "en attente",
            (Lang::En, Impossible) => "impossible",
            (Lang::Fr, Impossible) => "impossible",
            (Lang::En, Follows) => "follows",
            (Lang::Fr, Follows) => "abonnements",
            (Lang::En, Followers) => "followers",
            (Lang::Fr, Followers) => "abonnés",
            (Lang::En, Lists) => "lists",
            (Lang::Fr, Lists) => "listes",
            (Lang::En, ListMembers) => "list members",
            (Lang::Fr, ListMembers) => "membres de listes",
            (Lang::En, Mutes) => "muted accounts",
            (Lang::Fr, Mutes) => "comptes masqués",
            (Lang::En, Blocks) => "blocked accounts",
            (Lang::Fr, Blocks) => "comptes bloqués",
            (Lang::En, DomainBlocks) => "blocked domains",
            (Lang::Fr, DomainBlocks) => "domaines bloqués",
            (Lang::En, Bookmarks) => "bookmarks",
            (Lang::Fr, Bookmarks) => "signets",
            (Lang::En, Tags) => "followed hashtags",
            (Lang::Fr, Tags) => "mots-clés suivis",
            (Lang::En, Filters) => "filters",
            (Lang::Fr, Filters) => "filtres",
            (Lang::En, Posts) => "posts",
            (Lang::Fr, Posts) => "messages",
            (Lang::En, Profile) => "profile",
            (Lang::Fr, Profile) => "profil",
            (Lang::En, NotABackup) => "This file is not a backup this client can read:",
            (Lang::Fr, NotABackup) => {
                "Ce fichier n’est pas une sauvegarde que ce client sait lire :"
            }
        }
    }
}
