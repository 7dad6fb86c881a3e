//! Routes: any fragment reads as some route, and every route's fragment
//! reads back as the same route.

use proptest::prelude::*;
use proptest::sample::select;

use crate::api::{ServerAddr, Timeline};
use crate::route::{ModerationPage, Route};

fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec![
            "public",
            "local",
            "home",
            "tags",
            "lists",
            "s",
            "notifications",
            "search",
            "compose",
            "drafts",
            "scheduled",
            "mutes",
            "blocks",
            "domain-blocks",
            "filters",
            "followed-tags",
            "follow-requests",
            "lifeboat",
            "@",
            "@a@b.org",
            "",
            "%",
            "%zz",
            "%FF",
            "%2F",
            "%3F",
            "?x=1",
            "#",
            "..",
            ".",
            "%00",
            "%C3",
            "caf%C3%A9",
        ])
        .prop_map(str::to_string),
        ".{0,12}",
    ]
}

fn fragment() -> impl Strategy<Value = String> {
    let server = select(vec![
        "x.org",
        "127.0.0.1:3000",
        "[::1]:8080",
        "X.ORG",
        "bad host",
        "lifeboat",
        "%78.org",
        "",
    ]);
    (
        select(vec!["#/", "#", "", "#//", "/"]),
        server,
        prop::collection::vec(segment(), 0..4),
        select(vec!["", "/", "?a=b", "//"]),
    )
        .prop_map(|(start, server, segments, end)| {
            let mut text = format!("{start}{server}");
            for segment in segments {
                text.push('/');
                text.push_str(&segment);
            }
            text + end
        })
}

fn server() -> impl Strategy<Value = ServerAddr> {
    select(vec![
        "x.org",
        "127.0.0.1:3000",
        "[::1]:8080",
        "a-b.c.example",
        "localhost",
    ])
    .prop_map(|text| ServerAddr::parse(text).expect("a valid address"))
}

/// Routes built directly, with any text where the route carries text.
fn route() -> impl Strategy<Value = Route> {
    let text = ".{1,16}";
    prop_oneof![
        Just(Route::Start),
        Just(Route::Lifeboat),
        (
            server(),
            prop_oneof![
                Just(Timeline::Federated),
                Just(Timeline::Local),
                Just(Timeline::Home),
                text.prop_map(Timeline::Hashtag),
                text.prop_map(Timeline::List),
            ]
        )
            .prop_map(|(server, timeline)| Route::Timeline { server, timeline }),
        (server(), text).prop_map(|(server, status_id)| Route::Thread { server, status_id }),
        (server(), text).prop_map(|(server, acct)| Route::Profile { server, acct }),
        (server(), ".{0,16}").prop_map(|(server, query)| Route::Search { server, query }),
        (server(), prop::option::of(text))
            .prop_map(|(server, draft)| Route::Compose { server, draft }),
        (server(), select(ModerationPage::ALL.to_vec()))
            .prop_map(|(server, page)| Route::Moderation { server, page }),
        server().prop_map(|server| Route::Notifications { server }),
        server().prop_map(|server| Route::Lists { server }),
        server().prop_map(|server| Route::Drafts { server }),
        server().prop_map(|server| Route::Scheduled { server }),
    ]
}

proptest! {
    #![proptest_config(super::config())]

    #[test]
    fn fuzz_route_fragment(fragment in prop_oneof![4 => fragment(), 1 => any::<String>()]) {
        let route = Route::parse(&fragment);
        let again = route.to_fragment();
        prop_assert!(again.starts_with('#'));
        prop_assert_eq!(Route::parse(&again), route);
    }

    #[test]
    fn fuzz_route_round_trip(route in route()) {
        let fragment = route.to_fragment();
        prop_assert_eq!(Route::parse(&fragment), route, "{}", fragment);
    }
}
