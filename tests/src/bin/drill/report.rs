//! Each step of the drill, timed as it runs, and a pass or fail per step
//! at the end. A step that fails stops the story: the ones after it
//! depend on it, so they are reported as not run.

use std::future::Future;
use std::time::{Duration, Instant};

enum Outcome {
    Passed,
    Failed(String),
    NotRun,
}

pub struct Report {
    started: Instant,
    steps: Vec<(String, Duration, Outcome)>,
}

impl Report {
    pub fn new() -> Self {
        Self {
            started: Instant::now(),
            steps: Vec::new(),
        }
    }

    fn failed(&self) -> bool {
        self.steps
            .iter()
            .any(|(_, _, outcome)| !matches!(outcome, Outcome::Passed))
    }

    /// Runs `step` unless an earlier one failed; its `Ok` text says what
    /// was seen. `None` when it failed or did not run.
    pub async fn step<T>(
        &mut self,
        name: &str,
        step: impl Future<Output = anyhow::Result<(T, String)>>,
    ) -> Option<T> {
        if self.failed() {
            self.steps
                .push((name.to_string(), Duration::ZERO, Outcome::NotRun));
            return None;
        }
        let at = self.started.elapsed();
        println!("[{:6.1} s] {name}", at.as_secs_f64());
        let started = Instant::now();
        let result = step.await;
        let took = started.elapsed();
        match result {
            Ok((value, seen)) => {
                println!("           ok in {:.1} s: {seen}", took.as_secs_f64());
                self.steps.push((name.to_string(), took, Outcome::Passed));
                Some(value)
            }
            Err(error) => {
                println!(
                    "           FAILED in {:.1} s: {error:#}",
                    took.as_secs_f64()
                );
                self.steps.push((
                    name.to_string(),
                    took,
                    Outcome::Failed(format!("{error:#}")),
                ));
                None
            }
        }
    }

    /// Prints the table and says whether every step passed.
    pub fn finish(self) -> bool {
        println!("\nThe drill, step by step:");
        for (name, took, outcome) in &self.steps {
            let (verdict, detail) = match outcome {
                Outcome::Passed => ("pass", String::new()),
                Outcome::Failed(error) => ("FAIL", format!("  ({error})")),
                Outcome::NotRun => ("not run", String::new()),
            };
            println!(
                "  {verdict:>7}  {:6.1} s  {name}{detail}",
                took.as_secs_f64()
            );
        }
        let passed = !self.failed();
        println!(
            "\n{} in {:.1} s",
            if passed { "PASS" } else { "FAIL" },
            self.started.elapsed().as_secs_f64()
        );
        passed
    }
}
