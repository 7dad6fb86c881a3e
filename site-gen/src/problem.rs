//! Problems found in an archive, each naming the file, the line where
//! known, and what to do. A build gathers all of them before it stops.

use std::fmt;
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub message: String,
    /// What the publisher can do about it.
    pub hint: String,
}

impl Problem {
    pub fn new(
        file: impl Into<PathBuf>,
        line: Option<usize>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Self {
            file: file.into(),
            line,
            message: message.into(),
            hint: hint.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", self.message)?;
        if !self.hint.is_empty() {
            write!(f, " ({})", self.hint)?;
        }
        Ok(())
    }
}

/// Every problem that stopped a build.
#[derive(Debug, thiserror::Error)]
pub struct Problems(pub Vec<Problem>);

/// Problems shown at most: a full disk or a broken theme can stop every
/// page of a million, and a screen of the first ones says as much.
const SHOWN: usize = 50;

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.0.len();
        writeln!(
            f,
            "the build stopped on {count} problem{}:",
            if count == 1 { "" } else { "s" }
        )?;
        for problem in self.0.iter().take(SHOWN) {
            writeln!(f, "  {problem}")?;
        }
        if count > SHOWN {
            writeln!(f, "  … and {} more, not shown", count - SHOWN)?;
        }
        Ok(())
    }
}

impl From<Problem> for Problems {
    fn from(problem: Problem) -> Self {
        Self(vec![problem])
    }
}

#[cfg(test)]
mod tests {
    use super::{Problem, Problems, SHOWN};

    #[test]
    fn a_long_list_shows_its_first_problems_and_counts_the_rest() {
        let problem = |n: usize| Problem::new(format!("p/{n}.md"), Some(1), "bad", "fix it");
        let few = Problems((0..3).map(problem).collect()).to_string();
        assert_eq!(few.lines().count(), 4, "{few}");
        assert!(few.starts_with("the build stopped on 3 problems:"));
        let many = Problems((0..SHOWN + 7).map(problem).collect()).to_string();
        assert_eq!(many.lines().count(), SHOWN + 2, "{many}");
        assert!(many.contains(&format!("p/{}.md:1: bad (fix it)", SHOWN - 1)));
        assert!(!many.contains(&format!("p/{SHOWN}.md")));
        assert!(many.ends_with("… and 7 more, not shown\n"), "{many}");
    }
}
