//! The URL fragment, which holds the client's route.

use leptos::prelude::*;

use crate::route::Route;

fn current_fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// A signal that follows the route in the location fragment.
pub fn route_signal() -> ReadSignal<Route> {
    let (route, set_route) = signal(Route::parse(&current_fragment()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(Route::parse(&current_fragment()));
    });
    on_cleanup(move || handle.remove());
    route
}

pub fn navigate(route: &Route) {
    let _ = window().location().set_hash(&route.to_fragment());
}
