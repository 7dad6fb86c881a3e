//! A timeline's stream, kept open while its view lives: reconnected with
//! backoff when it drops, and given up on a server that never accepts it,
//! in which case polling goes on alone.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use leptos::prelude::*;

use crate::api::{StreamEvent, parse_stream_message, reconnect_delay_secs};
use crate::browser::socket::Socket;

/// Attempts after which a stream that never opened is given up.
const ATTEMPTS_BEFORE_GIVING_UP: u32 = 3;

pub struct Stream {
    url: String,
    socket: RefCell<Option<Socket>>,
    failures: Cell<u32>,
    ever_opened: Cell<bool>,
    streaming: RwSignal<bool>,
    on_event: Box<dyn Fn(StreamEvent)>,
}

/// Holds the stream; dropping it, as happens when the view goes, closes it.
pub type StreamHolder = StoredValue<Option<Rc<Stream>>, LocalStorage>;

pub fn stream_holder() -> StreamHolder {
    StoredValue::new_local(None)
}

/// Where `timeline`'s stream is on `server`, at the streaming host the
/// server advertises when it is the server's own.
pub async fn stream_address(
    state: crate::state::AppState,
    server: &crate::api::ServerAddr,
    timeline: &crate::api::Timeline,
    token: Option<&str>,
) -> String {
    let advertised = crate::state::server_info::server_info(state, server)
        .await
        .and_then(|info| info.streaming_url);
    crate::api::stream_url(server, advertised.as_deref(), timeline, token)
}

/// Opens the stream at `url` into `holder`. `streaming` is true while the
/// stream is open, which is when polling can rest.
pub fn follow_stream(
    holder: StreamHolder,
    url: String,
    streaming: RwSignal<bool>,
    on_event: impl Fn(StreamEvent) + 'static,
) {
    let stream = Rc::new(Stream {
        url,
        socket: RefCell::new(None),
        failures: Cell::new(0),
        ever_opened: Cell::new(false),
        streaming,
        on_event: Box::new(on_event),
    });
    // The view may have gone while the server was being asked about.
    if holder.try_set_value(Some(Rc::clone(&stream))).is_none() {
        connect(&stream);
    }
}

fn connect(stream: &Rc<Stream>) {
    let (opened, messages, closed) = (
        Rc::downgrade(stream),
        Rc::downgrade(stream),
        Rc::downgrade(stream),
    );
    let socket = Socket::open(
        &stream.url,
        move || {
            if let Some(stream) = opened.upgrade() {
                stream.failures.set(0);
                stream.ever_opened.set(true);
                stream.streaming.try_set(true);
            }
        },
        move |text| {
            if let Some(stream) = messages.upgrade() {
                (stream.on_event)(parse_stream_message(&text));
            }
        },
        move || reconnect_later(closed.clone()),
    );
    *stream.socket.borrow_mut() = socket;
}

fn reconnect_later(stream: Weak<Stream>) {
    let Some(live) = stream.upgrade() else {
        return;
    };
    live.streaming.try_set(false);
    let failures = live.failures.get();
    live.failures.set(failures.saturating_add(1));
    if !live.ever_opened.get() && failures + 1 >= ATTEMPTS_BEFORE_GIVING_UP {
        return;
    }
    super::after_seconds(reconnect_delay_secs(failures), move || {
        if let Some(stream) = stream.upgrade() {
            connect(&stream);
        }
    });
}

/// Keeps the active account's own stream open, counting the notifications
/// it brings until the reader opens them; another account, another stream.
/// Returns whether the stream is open now.
pub fn watch_notifications(state: crate::state::AppState) -> ReadSignal<bool> {
    let holder = stream_holder();
    let open = RwSignal::new(false);
    // Which opening is current, so that a slow one cannot replace a newer.
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        holder.set_value(None);
        generation.update_value(|count| *count += 1);
        let mine = generation.get_value();
        state.unread_notifications.set(0);
        let Some(account) = state.active_account() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let home = crate::api::Timeline::Home;
            let url = stream_address(state, &account.server, &home, Some(&account.token)).await;
            if generation.try_get_value() != Some(mine) {
                return;
            }
            follow_stream(holder, url, open, move |event| {
                if event == StreamEvent::Notification {
                    state.unread_notifications.try_update(|count| *count += 1);
                }
            });
        });
    });
    open.read_only()
}
