//! Words for media, polls and scheduled posts.

use super::{Lang, Words};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MediaWords {
    AddMedia,
    Attachments,
    UploadProgress,
    Processing,
    UploadFailed,
    NotUploaded,
    ProcessingTooLong,
    AltText,
    AltTextShort,
    AltTextNotSaved,
    FocalPointHelp,
    FocalPoint,
    Remove,
    MoveEarlier,
    MoveLater,
    MediaLimitReached,
    NoMediaWithPoll,
    Poll,
    AddPoll,
    RemovePoll,
    PollOption,
    AddOption,
    RemoveOption,
    MultipleChoice,
    Duration,
    Minute,
    Minutes,
    Hour,
    Hours,
    Day,
    Days,
    NoPollWithMedia,
    Scheduled,
    ScheduledPosts,
    NothingScheduled,
    ScheduledFor,
    NewTime,
    ChangeTime,
    CancelPost,
    EditInComposer,
    EditNote,
    TooSoon,
    ContentWarning,
}

impl Words for MediaWords {
    fn in_lang(self, lang: Lang) -> &'static str {
        use MediaWords::*;
        let (en, fr) = match self {
            AddMedia => (
                "Add images, video or audio",
                "Ajouter des images, une vidéo ou un son",
            ),
            Attachments => ("Attachments", "Pièces jointes"),
            UploadProgress => ("Upload progress", "Progression de l’envoi"),
            Processing => (
                "The server is processing this file…",
                "Le serveur traite ce fichier…",
            ),
            UploadFailed => ("The upload failed:", "L’envoi a échoué :"),
            NotUploaded => (
                "This file was not uploaded: remove it and pick it again.",
                "Ce fichier n’a pas été envoyé : retirez-le et choisissez-le à nouveau.",
            ),
            ProcessingTooLong => (
                "The server is taking too long to process this file.",
                "Le serveur met trop de temps à traiter ce fichier.",
            ),
            AltText => (
                "Alt text: describe it for people who cannot see it",
                "Texte alternatif : décrivez-le pour qui ne peut pas le voir",
            ),
            AltTextShort => ("Alt text", "Texte alternatif"),
            AltTextNotSaved => (
                "The alt text was not saved:",
                "Le texte alternatif n’a pas été enregistré :",
            ),
            FocalPointHelp => (
                "Click the picture to choose the point that stays in view when it is cropped.",
                "Cliquez sur l’image pour choisir le point qui reste visible quand elle est recadrée.",
            ),
            FocalPoint => ("Focal point", "Point focal"),
            Remove => ("Remove", "Retirer"),
            MoveEarlier => ("Move earlier", "Avancer"),
            MoveLater => ("Move later", "Reculer"),
            MediaLimitReached => (
                "This server takes no more attachments on one post.",
                "Ce serveur n’accepte pas plus de pièces jointes sur un message.",
            ),
            NoMediaWithPoll => (
                "A post with a poll cannot carry media: remove the poll to add some.",
                "Un message avec un sondage ne peut pas porter de média : retirez le sondage pour en ajouter.",
            ),
            Poll => ("Poll", "Sondage"),
            AddPoll => ("Add a poll", "Ajouter un sondage"),
            RemovePoll => ("Remove the poll", "Retirer le sondage"),
            PollOption => ("Choice", "Choix"),
            AddOption => ("Add a choice", "Ajouter un choix"),
            RemoveOption => ("Remove this choice", "Retirer ce choix"),
            MultipleChoice => ("Allow several choices", "Autoriser plusieurs choix"),
            Duration => ("Duration", "Durée"),
            Minute => ("minute", "minute"),
            Minutes => ("minutes", "minutes"),
            Hour => ("hour", "heure"),
            Hours => ("hours", "heures"),
            Day => ("day", "jour"),
            Days => ("days", "jours"),
            NoPollWithMedia => (
                "A post with media cannot carry a poll: remove the media to add one.",
                "Un message avec des médias ne peut pas porter de sondage : retirez les médias pour en ajouter un.",
            ),
            Scheduled => ("Scheduled", "Programmés"),
            ScheduledPosts => ("Scheduled posts", "Messages programmés"),
            NothingScheduled => ("Nothing is scheduled.", "Rien n’est programmé."),
            ScheduledFor => ("Scheduled for", "Programmé pour"),
            NewTime => ("New time", "Nouvelle heure"),
            ChangeTime => ("Change the time", "Changer l’heure"),
            CancelPost => ("Cancel this post", "Annuler ce message"),
            EditInComposer => ("Edit", "Modifier"),
            EditNote => (
                "Edit opens a copy in the composer: schedule it, then cancel this one.",
                "Modifier ouvre une copie dans l’éditeur : programmez-la, puis annulez celui-ci.",
            ),
            TooSoon => (
                "Pick a time at least 5 minutes from now.",
                "Choisissez une heure au moins 5 minutes plus tard.",
            ),
            ContentWarning => ("Content warning:", "Avertissement :"),
        };
        match lang {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }
}

/// `seconds` as the largest whole unit that fits: "30 minutes", "1 day".
pub fn duration_label(seconds: u64, lang: Lang) -> String {
    const HOUR: u64 = 3600;
    const DAY: u64 = 24 * HOUR;
    let (count, one, many) = if seconds >= DAY && seconds.is_multiple_of(DAY) {
        (seconds / DAY, MediaWords::Day, MediaWords::Days)
    } else if seconds >= HOUR && seconds.is_multiple_of(HOUR) {
        (seconds / HOUR, MediaWords::Hour, MediaWords::Hours)
    } else {
        (
            seconds.div_ceil(60),
            MediaWords::Minute,
            MediaWords::Minutes,
        )
    };
    let unit = if count == 1 { one } else { many };
    format!("{count} {}", unit.in_lang(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_differs_from_its_neighbours_in_each_language() {
        // A copy-paste slip would show the same words for two controls.
        let all = [
            MediaWords::AddMedia,
            MediaWords::Remove,
            MediaWords::MoveEarlier,
            MediaWords::MoveLater,
            MediaWords::AddOption,
            MediaWords::RemoveOption,
            MediaWords::ChangeTime,
            MediaWords::CancelPost,
        ];
        for lang in [Lang::En, Lang::Fr] {
            let words: std::collections::HashSet<_> =
                all.iter().map(|word| word.in_lang(lang)).collect();
            assert_eq!(words.len(), all.len());
        }
        assert_ne!(
            MediaWords::Poll.in_lang(Lang::En),
            MediaWords::Poll.in_lang(Lang::Fr)
        );
    }

    #[test]
    fn durations_read_in_the_largest_whole_unit() {
        assert_eq!(duration_label(300, Lang::En), "5 minutes");
        assert_eq!(duration_label(60, Lang::En), "1 minute");
        assert_eq!(duration_label(3600, Lang::En), "1 hour");
        assert_eq!(duration_label(21_600, Lang::Fr), "6 heures");
        assert_eq!(duration_label(86_400, Lang::Fr), "1 jour");
        assert_eq!(duration_label(604_800, Lang::En), "7 days");
        assert_eq!(duration_label(5400, Lang::En), "90 minutes");
        assert_eq!(duration_label(90, Lang::En), "2 minutes");
    }
}
