//! A grammar-based generator of hostile HTML for the sanitizer, with its
//! own seeded PRNG (proptest does not build for wasm32) and a minimizer.

mod gadgets;
mod grammar;
mod minimize;
mod mutate;
mod payloads;
mod rng;
mod spelling;
mod status_markup;
mod tree;

pub use minimize::minimize;
pub use rng::Rng;
pub use tree::Case;

/// Case `index` of a run seeded with `seed`; `label` is what its payloads
/// write into `window.__pwned` if they ever run.
pub fn case(seed: u64, index: u64, label: &str) -> Case {
    let mut rng = Rng::for_case(seed, index);
    let mut case = grammar::case(label, &mut rng);
    if rng.chance(40) {
        mutate::mutate(&mut case.nodes, &mut rng);
    }
    case
}
