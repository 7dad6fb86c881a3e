//! The words of what the service worker tells the reader: a file it
//! refused from a mirror, and a verified release ready to load.

use super::{Lang, Words};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkerWords {
    /// `{file}` and `{mirror}` are filled in.
    Refused,
    Missing,
    Rollback,
    Replaced,
    Expired,
    Unlisted,
    UpdateReady,
    ApplyUpdate,
    /// Before the list of mirrors offered when this copy's host is silent.
    HostSilent,
}

impl WorkerWords {
    /// The warning for a refusal of `kind`, as the worker names it.
    pub fn for_kind(kind: &str) -> Self {
        match kind {
            "missing" => Self::Missing,
            "rollback" => Self::Rollback,
            "replaced" => Self::Replaced,
            "expired" => Self::Expired,
            "unlisted" => Self::Unlisted,
            _ => Self::Refused,
        }
    }
}

impl Words for WorkerWords {
    fn in_lang(self, lang: Lang) -> &'static str {
        use WorkerWords::*;
        match (lang, self) {
            (Lang::En, Refused) => {
                "{file} from {mirror} did not match the publisher's signature; this version was refused and the last verified one keeps running."
            }
            (Lang::Fr, Refused) => {
                "{file} venant de {mirror} ne correspond pas à la signature de l'éditeur ; cette version a été refusée et la dernière version vérifiée reste en service."
            }
            (Lang::En, Missing) => {
                "{file} is missing from {mirror}, though the publisher's signed manifest lists it; this version was refused and the last verified one keeps running."
            }
            (Lang::Fr, Missing) => {
                "{file} manque sur {mirror}, alors que le manifeste signé par l'éditeur le cite ; cette version a été refusée et la dernière version vérifiée reste en service."
            }
            (Lang::En, Rollback) => {
                "{file} from {mirror} is older than a version already verified (a rollback); it was refused and the last verified version keeps running."
            }
            (Lang::Fr, Rollback) => {
                "{file} venant de {mirror} est plus ancien qu'une version déjà vérifiée (un retour en arrière) ; il a été refusé et la dernière version vérifiée reste en service."
            }
            (Lang::En, Replaced) => {
                "{file} from {mirror} carries the serial of a version already verified but other contents; it was refused and the last verified version keeps running."
            }
            (Lang::Fr, Replaced) => {
                "{file} venant de {mirror} porte le numéro d'une version déjà vérifiée, avec un autre contenu ; il a été refusé et la dernière version vérifiée reste en service."
            }
            (Lang::En, Expired) => {
                "{file} from {mirror} has expired: the publisher must sign the client again. The last verified version keeps running."
            }
            (Lang::Fr, Expired) => {
                "{file} venant de {mirror} a expiré : l'éditeur doit signer le client à nouveau. La dernière version vérifiée reste en service."
            }
            (Lang::En, Unlisted) => {
                "{file} from {mirror} is not in the publisher's signed manifest, so it was not served."
            }
            (Lang::Fr, Unlisted) => {
                "{file} venant de {mirror} ne figure pas dans le manifeste signé par l'éditeur ; il n'a pas été servi."
            }
            (Lang::En, UpdateReady) => "A new verified version of Samizdat is ready.",
            (Lang::Fr, UpdateReady) => "Une nouvelle version vérifiée de Samizdat est prête.",
            (Lang::En, ApplyUpdate) => "Reload with it",
            (Lang::Fr, ApplyUpdate) => "Recharger avec elle",
            (Lang::En, HostSilent) => {
                "This copy's host is not answering. The publisher's other mirrors answer with a valid signature; each opens this same page:"
            }
            (Lang::Fr, HostSilent) => {
                "L'hébergeur de cette copie ne répond pas. Les autres miroirs de l'éditeur répondent avec une signature valide ; chacun ouvre cette même page :"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_warning_names_the_file_and_the_mirror_in_both_languages() {
        for kind in [
            "contents",
            "other-key",
            "missing",
            "rollback",
            "replaced",
            "expired",
            "unlisted",
        ] {
            for lang in [Lang::En, Lang::Fr] {
                let text = WorkerWords::for_kind(kind).in_lang(lang);
                assert!(
                    text.contains("{file}") && text.contains("{mirror}"),
                    "{kind} in {lang:?}: {text}"
                );
            }
        }
        assert_eq!(WorkerWords::for_kind("other-key"), WorkerWords::Refused);
        assert_ne!(
            WorkerWords::Rollback.in_lang(Lang::En),
            WorkerWords::Rollback.in_lang(Lang::Fr)
        );
    }
}
