//! The theme's UI strings, in the language of each page.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::language::primary_language;

const EN: &[(&str, &str)] = &[
    ("skip", "Skip to content"),
    ("home", "Home"),
    ("newer", "Newer"),
    ("older", "Older"),
    ("page", "Page"),
    ("of", "of"),
    ("by", "By"),
    ("tags", "Tags"),
    ("published", "Published"),
    ("updated", "Updated"),
    ("not_found", "This page does not exist"),
    (
        "not_found_hint",
        "It may have moved. Start again from the home page.",
    ),
    ("mirrors", "Mirrors"),
    ("redirecting", "This page has moved."),
    ("pagination", "Pages"),
    ("feed", "Subscribe to this feed (Atom)"),
    ("sections", "Sections"),
    ("site_pages", "About this site"),
    ("categories", "Categories"),
    ("authors", "Authors"),
    ("years", "Years"),
    ("colon", ":"),
    ("translations", "Other languages"),
    ("in_reply_to", "In reply to"),
    ("replies", "Replies"),
    ("comments", "Comments"),
    ("comments_total", "replies on the fediverse"),
    ("comments_none", "No replies yet."),
    (
        "comments_cut_short",
        "The server showed only some of the replies: read the rest on it.",
    ),
    ("comment_replies", "replies"),
    ("comment_boosts", "boosts"),
    ("comment_favourites", "favourites"),
    ("content_warning", "Content warning"),
    ("reply_on", "Reply on"),
    ("reply_elsewhere", "Reply from your own server"),
    ("reply", "Reply"),
    ("open_in_client", "Open in Samizdat"),
    ("search", "Search"),
    ("search_label", "Words to find"),
    ("search_archives", "Or browse the archives:"),
    ("search_none", "No article matches these words."),
    ("search_found", "articles found"),
    ("search_more", "More results"),
    ("search_any", "All"),
    (
        "mirrors_intro",
        "This site is also published at these addresses. If one is gone, try another.",
    ),
];

const FR: &[(&str, &str)] = &[
    ("skip", "Aller au contenu"),
    ("home", "Accueil"),
    ("newer", "Plus récents"),
    ("older", "Plus anciens"),
    ("page", "Page"),
    ("of", "sur"),
    ("by", "Par"),
    ("tags", "Mots-clés"),
    ("published", "Publié le"),
    ("updated", "Mis à jour le"),
    ("not_found", "Cette page n’existe pas"),
    (
        "not_found_hint",
        "Elle a peut-être été déplacée. Repartez de la page d’accueil.",
    ),
    ("mirrors", "Miroirs"),
    ("redirecting", "Cette page a été déplacée."),
    ("pagination", "Pages"),
    ("feed", "S’abonner à ce flux (Atom)"),
    ("sections", "Rubriques"),
    ("site_pages", "À propos du site"),
    ("categories", "Catégories"),
    ("authors", "Auteurs"),
    ("years", "Années"),
    ("colon", "\u{a0}:"),
    ("translations", "Autres langues"),
    ("in_reply_to", "En réponse à"),
    ("replies", "Réponses"),
    ("comments", "Commentaires"),
    ("comments_total", "réponses sur le fédivers"),
    ("comments_none", "Pas encore de réponse."),
    (
        "comments_cut_short",
        "Le serveur n’a montré qu’une partie des réponses : lisez la suite chez lui.",
    ),
    ("comment_replies", "réponses"),
    ("comment_boosts", "partages"),
    ("comment_favourites", "favoris"),
    ("content_warning", "Avertissement"),
    ("reply_on", "Répondre sur"),
    ("reply_elsewhere", "Répondre depuis votre serveur"),
    ("reply", "Répondre"),
    ("open_in_client", "Ouvrir dans Samizdat"),
    ("search", "Rechercher"),
    ("search_label", "Mots à chercher"),
    ("search_archives", "Ou parcourez les archives\u{a0}:"),
    ("search_none", "Aucun article ne contient ces mots."),
    ("search_found", "articles trouvés"),
    ("search_more", "Plus de résultats"),
    ("search_any", "Tous"),
    (
        "mirrors_intro",
        "Ce site est aussi publié à ces adresses. Si l’une disparaît, essayez-en une autre.",
    ),
];

/// English, then French.
const TABLES: [&[(&str, &str)]; 2] = [EN, FR];

/// Which of [`TABLES`] serves `lang` (`fr`, `fr-CA`…): English for any
/// language but French.
fn table_for(lang: &str) -> usize {
    usize::from(primary_language(lang) == "fr")
}

/// The strings for `lang`.
pub fn for_language(lang: &str) -> BTreeMap<&'static str, &'static str> {
    TABLES[table_for(lang)].iter().copied().collect()
}

/// [`for_language`] as a template value, converted once per table.
pub fn value_for_language(lang: &str) -> minijinja::Value {
    static VALUES: [OnceLock<minijinja::Value>; 2] = [OnceLock::new(), OnceLock::new()];
    VALUES[table_for(lang)]
        .get_or_init(|| minijinja::Value::from_serialize(for_language(lang)))
        .clone()
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_languages_have_the_same_keys() {
        let en: Vec<_> = super::EN.iter().map(|(key, _)| key).collect();
        let fr: Vec<_> = super::FR.iter().map(|(key, _)| key).collect();
        assert_eq!(en, fr);
        assert_eq!(super::for_language("fr-CA")["home"], "Accueil");
        assert_eq!(super::for_language("de")["home"], "Home");
        let french = super::value_for_language("fr-BE");
        assert_eq!(
            french
                .get_attr("home")
                .ok()
                .as_ref()
                .and_then(|home| home.as_str()),
            Some("Accueil")
        );
        let english = super::value_for_language("en");
        assert_eq!(
            english
                .get_attr("home")
                .ok()
                .as_ref()
                .and_then(|home| home.as_str()),
            Some("Home")
        );
    }
}
