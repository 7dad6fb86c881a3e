//! Reading the fake's requests and writing its answers, and driving an
//! engine against it.

use serde_json::Value;

use super::fake::Fake;
use crate::api::lifeboat::exchange::{Answer, Ask, AskBody, Next, Outcome, Part};
use crate::api::lifeboat::restore::Restore;

pub fn decode(text: &str) -> String {
    percent_encoding::percent_decode_str(&text.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned()
}

pub fn query(path: &str, name: &str) -> Vec<String> {
    let query = path.split_once('?').map_or("", |(_, query)| query);
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter(|(key, _)| decode(key) == name)
        .map(|(_, value)| decode(value))
        .collect()
}

pub fn form(ask: &Ask) -> Vec<(String, String)> {
    match &ask.body {
        Some(AskBody::Plain(crate::api::Body::Form(text))) => text
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(key, value)| (decode(key), decode(value)))
            .collect(),
        _ => Vec::new(),
    }
}

pub fn body_json(ask: &Ask) -> Value {
    match &ask.body {
        Some(AskBody::Plain(crate::api::Body::Json(value))) => value.clone(),
        _ => Value::Null,
    }
}

pub fn ok(value: Value) -> Outcome<Answer> {
    Ok(Answer {
        body: value.to_string(),
        next_page: None,
        rate: Default::default(),
    })
}

pub fn describe_import(ask: &Ask) -> String {
    match &ask.body {
        Some(AskBody::Multipart(parts)) => parts
            .iter()
            .map(|(name, part)| match part {
                Part::Text(text) => format!("{name}={text}"),
                Part::File {
                    file_name,
                    mime,
                    bytes,
                } => format!(
                    "{name}={file_name} ({mime}):\n{}",
                    String::from_utf8_lossy(bytes)
                ),
                Part::Stored { key, .. } => format!("{name}=stored {key}"),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        _ => form(ask)
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// What a run stopped on.
#[derive(Debug, PartialEq)]
pub enum Stop {
    Done,
    Wait(f64),
}

/// Drives `engine` against `fake` at `now_ms` until it is done or waits.
pub fn drive(engine: &mut Restore, fake: &mut Fake, now_ms: f64) -> Stop {
    for _ in 0..20_000 {
        match engine.next(now_ms) {
            Next::Send(ask) => {
                let outcome = fake.answer(&ask);
                engine.absorb(outcome, now_ms);
            }
            Next::Wait { until_ms } => return Stop::Wait(until_ms),
            Next::Done => return Stop::Done,
            Next::Download { .. } => panic!("a restore downloads nothing"),
        }
    }
    panic!("the engine never stopped");
}
