//! How long each step of a build took, printed to stderr when the
//! environment sets `SITE_GEN_TIMINGS`: the benchmark's way to see where
//! the time goes without a profiler.

use std::time::Instant;

pub const TIMINGS_ENV: &str = "SITE_GEN_TIMINGS";

pub struct Phases {
    last: Option<Instant>,
}

impl Phases {
    pub fn from_env() -> Self {
        Self {
            last: std::env::var_os(TIMINGS_ENV).map(|_| Instant::now()),
        }
    }

    /// Ends the step called `name`, and starts the next.
    pub fn done(&mut self, name: &str) {
        if let Some(last) = self.last {
            let now = Instant::now();
            eprintln!("{:>8.3} s  {name}", (now - last).as_secs_f64());
            self.last = Some(now);
        }
    }
}
