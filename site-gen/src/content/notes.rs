//! Warnings said once: the same unknown field in 120 files, or the same
//! thing another generator's folder does that site-gen cannot, is one
//! warning at its first file, with how many more there are.

use std::collections::HashMap;

use crate::problem::Problem;

#[derive(Debug, Default)]
pub struct Notes {
    /// Each note at its first file, with the number of files it concerns.
    found: Vec<(Problem, usize)>,
    by_key: HashMap<String, usize>,
}

impl Notes {
    /// Adds `problem` under `key`: the first of a key is kept, the others
    /// only counted.
    pub fn add(&mut self, key: impl Into<String>, problem: Problem) {
        let key = key.into();
        match self.by_key.get(&key) {
            Some(&index) => self.found[index].1 += 1,
            None => {
                self.by_key.insert(key, self.found.len());
                self.found.push((problem, 1));
            }
        }
    }

    /// The notes in the order first found.
    pub fn into_problems(self) -> Vec<Problem> {
        self.found
            .into_iter()
            .map(|(mut problem, count)| {
                if count > 1 {
                    problem.message = format!(
                        "{}, and in {} other file{}",
                        problem.message,
                        count - 1,
                        if count == 2 { "" } else { "s" }
                    );
                }
                problem
            })
            .collect()
    }
}

/// `warnings` with those that say the same thing of several files made one.
pub fn once_each(warnings: Vec<Problem>) -> Vec<Problem> {
    let mut notes = Notes::default();
    for warning in warnings {
        notes.add(format!("{}\u{0}{}", warning.message, warning.hint), warning);
    }
    notes.into_problems()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_warning_in_many_files_is_said_once_at_the_first() {
        let unknown =
            |file: &str, line| Problem::new(file, Some(line), "unknown field `foo`", "move it");
        let warnings = once_each(vec![
            unknown("a.md", 3),
            Problem::new("b.md", Some(2), "unknown field `bar`", "move it"),
            unknown("c.md", 5),
            unknown("d.md", 4),
        ]);
        let said: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                "a.md:3: unknown field `foo`, and in 2 other files (move it)",
                "b.md:2: unknown field `bar` (move it)",
            ]
        );
    }
}
