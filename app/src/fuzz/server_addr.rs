//! Server addresses, as a route or a person gives them.

use proptest::prelude::*;
use proptest::sample::select;

use crate::api::ServerAddr;

/// What a valid address promises: a lower-case host of letters, digits,
/// dots and hyphens (or a bracketed IPv6 address), text that parses back
/// to itself, and an origin with no path, user or whitespace.
fn check(addr: &ServerAddr) {
    let host = addr.host();
    let v6 = host.starts_with('[') && host.ends_with(']');
    assert!(
        v6 || host
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-'),
        "{host:?}"
    );
    let text = addr.to_string();
    assert_eq!(ServerAddr::parse(&text).as_ref(), Ok(addr), "{text:?}");
    assert_eq!(ServerAddr::parse_user_input(&text).as_ref(), Ok(addr));
    let origin = addr.origin();
    assert_eq!(ServerAddr::parse_user_input(&origin).as_ref(), Ok(addr));
    let scheme = if addr.is_loopback() {
        "http://"
    } else {
        "https://"
    };
    assert_eq!(origin, format!("{scheme}{text}"));
    let authority = &origin[scheme.len()..];
    assert!(
        !authority.contains(['/', '?', '#', '@', '\\'])
            && !authority.chars().any(char::is_whitespace),
        "{origin:?}"
    );
    assert!(addr.owns_url(&origin) && addr.owns_url(&format!("{origin}/api?x#y")));
    for foreign in [".evil.example", "@evil.example", ":1", "0", "evil"] {
        assert!(
            !addr.owns_url(&format!("{origin}{foreign}/")),
            "{origin}{foreign}"
        );
    }
    let json = serde_json::to_string(addr).expect("an address writes");
    assert_eq!(
        serde_json::from_str::<ServerAddr>(&json).ok().as_ref(),
        Some(addr)
    );
}

/// Addresses, nearly valid ones, and what people paste.
fn address() -> impl Strategy<Value = String> {
    let label = prop_oneof![
        "[a-zA-Z0-9-]{1,12}",
        select(vec![
            "xn--bcher-kva",
            "ℯxample",
            "ｅｘａｍｐｌｅ",
            "a\u{200b}b",
            "-x",
            "x-",
            ""
        ])
        .prop_map(str::to_string),
        "[a-z]{63,64}",
    ];
    let host = prop_oneof![
        4 => prop::collection::vec(label, 1..5).prop_map(|labels| labels.join(".")),
        1 => select(vec![
            "localhost", "127.0.0.1", "[::1]", "[2001:DB8::1]", "[::ffff:127.0.0.1]", "[fe80::1%eth0]",
            "[::1", "::1", "１２７．０．０．１", "lifeboat",
        ]).prop_map(str::to_string),
    ];
    let port = prop_oneof![
        Just(String::new()),
        any::<u16>().prop_map(|port| format!(":{port}")),
        select(vec![
            ":", ":0", ":65536", ":+80", ":080", ":８０", ": 80", ":-1"
        ])
        .prop_map(str::to_string),
    ];
    let wrap = select(vec![
        ("", ""),
        ("https://", ""),
        ("HTTP://", "/"),
        ("https://", "/about?x"),
        ("@a@", ""),
        ("user:pw@", ""),
        (" ", "\t"),
        ("javascript://", ""),
        ("", "#x"),
        ("", "\\evil"),
    ]);
    prop_oneof![
        6 => (wrap, host, port).prop_map(|((before, after), host, port)| format!("{before}{host}{port}{after}")),
        1 => any::<String>(),
    ]
}

proptest! {
    #![proptest_config(super::config())]

    #[test]
    fn fuzz_server_addr(text in address()) {
        for parsed in [ServerAddr::parse(&text), ServerAddr::parse_user_input(&text)] {
            match parsed {
                Ok(addr) => check(&addr),
                Err(error) => prop_assert!(!error.to_string().is_empty()),
            }
        }
    }
}

/// Found by `fuzz_server_addr`: text typed or pasted into the server field
/// whose eighth byte falls inside a character panicked while looking for
/// `https://`, which took the whole client down.
#[test]
fn text_that_cuts_a_character_where_a_scheme_ends_is_refused() {
    for text in ["𞹡𛅰", "éééé"] {
        assert!(
            matches!(
                ServerAddr::parse_user_input(text),
                Err(crate::api::ServerAddrError::BadHost(_))
            ),
            "{text}"
        );
    }
}
