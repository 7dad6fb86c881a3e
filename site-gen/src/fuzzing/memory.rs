//! Memory a piece of code takes, measured on the thread that runs it, so
//! that a resource-limit test can assert its bound while other tests run
//! beside it: the test binary's allocator counts each thread's bytes.
//!
//! The one unsafe code of site-gen, in its tests alone: an allocator is
//! unsafe to implement, and no other way measures one thread's memory.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn counted(change: isize) {
    // A thread being torn down has no counters left: its bytes go uncounted.
    let _ = LIVE.try_with(|live| {
        let now = live.get() + change;
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

// SAFETY: every call is passed on to the system allocator unchanged; the
// counting around it touches only this thread's counters.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        counted(layout.size() as isize);
        // SAFETY: the caller's layout is passed on as it came.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        counted(-(layout.size() as isize));
        // SAFETY: `ptr` came from `System.alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        counted(new_size as isize - layout.size() as isize);
        // SAFETY: as for `dealloc`, and the new size is the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What `run` gives, and the most bytes it held at once on this thread
/// beyond what the thread held before.
pub fn peak_bytes<T>(run: impl FnOnce() -> T) -> (T, usize) {
    let start = LIVE.with(Cell::get);
    PEAK.with(|peak| peak.set(start));
    let value = run();
    let peak = PEAK.with(Cell::get);
    (value, (peak - start).max(0) as usize)
}

#[test]
fn the_peak_counts_what_was_held_at_once() {
    let ((), peak) = peak_bytes(|| {
        let big = std::hint::black_box(vec![1u8; 8 << 20]);
        drop(big);
        let small = std::hint::black_box(vec![1u8; 1 << 20]);
        drop(small);
    });
    assert!((8 << 20..9 << 20).contains(&peak), "{peak}");
}
