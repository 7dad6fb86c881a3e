//! How long each step of a build took, and the memory held after it,
//! printed to stderr when the environment sets `SITE_GEN_TIMINGS`: the
//! benchmark's way to see where time and memory go without a profiler.

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
            eprintln!(
                "{:>8.3} s  {:>14}  {name}",
                (now - last).as_secs_f64(),
                memory().unwrap_or_default()
            );
            self.last = Some(now);
        }
    }
}

/// The resident memory now and at its peak so far, where Linux says.
fn memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| {
                rest.trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<u64>()
                    .ok()
            })
            .map(|kib| kib / 1024)
    };
    Some(format!("{}/{} MiB", field("VmRSS:")?, field("VmHWM:")?))
}
