#[cfg(target_arch = "wasm32")]
fn main() {
    app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Samizdat client runs in a browser: build it with `trunk build`.");
    std::process::exit(2);
}
