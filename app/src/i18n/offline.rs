//! The words of reading offline: the mark on a kept copy and the media
//! cap's setting.

use super::{Lang, Words};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfflineWords {
    ShownAsFetchedAt,
    OfflineReading,
    Intro,
    MediaCap,
    NotACap,
}

impl Words for OfflineWords {
    fn in_lang(self, lang: Lang) -> &'static str {
        use OfflineWords::*;
        match (lang, self) {
            (Lang::En, ShownAsFetchedAt) => "Offline: shown as fetched at",
            (Lang::Fr, ShownAsFetchedAt) => "Hors ligne : affiché tel que récupéré le",
            (Lang::En, OfflineReading) => "Offline reading",
            (Lang::Fr, OfflineReading) => "Lecture hors ligne",
            (Lang::En, Intro) => {
                "The timelines, threads, profiles and notifications you open are kept in this browser (the last 400 posts of each) and shown, marked as such, when their server cannot be reached."
            }
            (Lang::Fr, Intro) => {
                "Les fils, discussions, profils et notifications que vous ouvrez sont gardés dans ce navigateur (les 400 derniers messages de chacun) et affichés, signalés comme tels, quand leur serveur ne répond pas."
            }
            (Lang::En, MediaCap) => "Space for their image previews (MB, 0 keeps none)",
            (Lang::Fr, MediaCap) => {
                "Place pour les aperçus de leurs images (Mo, 0 n’en garde aucun)"
            }
            (Lang::En, NotACap) => "Give a whole number of megabytes, from 0 to 100000.",
            (Lang::Fr, NotACap) => "Indiquez un nombre entier de mégaoctets, de 0 à 100000.",
        }
    }
}
