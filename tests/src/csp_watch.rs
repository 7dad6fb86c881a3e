//! Every Content-Security-Policy violation in the pages a test opens.
//! A script that runs before any of the page's own, in every document,
//! records each `securitypolicyviolation` event in `window.__cspViolations`
//! and writes it to the console, whose log outlives the page: the harness
//! collects them from there, across navigations, and a test fails on any
//! it did not take as expected (see `Browser::take_csp_violations`).

/// Installed with `Page.addScriptToEvaluateOnNewDocument`.
pub const RECORDER: &str = r#"
(() => {
  if (window.__cspViolations) return;
  const seen = [];
  Object.defineProperty(window, '__cspViolations', { value: seen });
  addEventListener('securitypolicyviolation', event => {
    const violation = {
      directive: event.effectiveDirective || event.violatedDirective,
      blocked: event.blockedURI,
      sample: event.sample,
      source: event.sourceFile ? event.sourceFile + ':' + event.lineNumber : '',
      page: location.href,
      policy: event.originalPolicy,
    };
    seen.push(violation);
    console.error('__csp_violation__ ' + JSON.stringify(violation));
  }, true);
})();
"#;

/// The marker before each violation the recorder logs.
const MARKER: &str = "__csp_violation__ ";

/// A violation as the recorder saw it.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Violation {
    /// The directive that refused, such as `script-src-elem`.
    pub directive: String,
    /// What was refused: a URL, or `inline`, `eval`, `wasm-eval`.
    pub blocked: String,
    /// The start of the refused inline code, when the policy allows a sample.
    pub sample: String,
    /// The script that caused it, as `file:line`, when known.
    pub source: String,
    pub page: String,
    /// The whole policy that refused: the page's `<meta>` and a header
    /// each refuse on their own.
    #[serde(default)]
    pub policy: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} refused {:?} on {}",
            self.directive, self.blocked, self.page
        )?;
        if !self.sample.is_empty() {
            write!(f, " (sample {:?})", self.sample)?;
        }
        if !self.source.is_empty() {
            write!(f, " from {}", self.source)?;
        }
        Ok(())
    }
}

/// `violations` less those [`raised_by_inert_parse`].
pub async fn outside_inert_parses(violations: Vec<Violation>) -> Vec<Violation> {
    let mut sources = std::collections::HashMap::new();
    let mut live = Vec::new();
    for violation in violations {
        if !raised_by_inert_parse(&violation, &mut sources).await {
            live.push(violation);
        }
    }
    live
}

/// Whether `violation` was raised while `DOMParser` read a string:
/// Chromium checks the policy then, though the document it makes never
/// runs or styles anything, and the client's sanitizer parses a server's
/// HTML so before it drops what is not allowed. The source line of such
/// a violation (read from the server, `sources` keeping each file) calls
/// `parseFromString`.
pub async fn raised_by_inert_parse(
    violation: &Violation,
    sources: &mut std::collections::HashMap<String, String>,
) -> bool {
    let Some((file, line)) = violation.source.rsplit_once(':') else {
        return false;
    };
    let Ok(line) = line.parse::<usize>() else {
        return false;
    };
    if !sources.contains_key(file) {
        let text = crate::http::send_any("GET", file, None, crate::http::Body::Empty)
            .await
            .map(|response| String::from_utf8_lossy(&response.body).into_owned())
            .unwrap_or_default();
        sources.insert(file.to_string(), text);
    }
    sources
        .get(file)
        .and_then(|text| text.lines().nth(line.saturating_sub(1)))
        .is_some_and(|text| text.contains(".parseFromString("))
}

/// What a browser log entry says about CSP: a violation the recorder
/// logged, the browser's own note of one (already reported by the
/// recorder), or nothing.
pub enum Entry {
    Violation(Violation),
    BrowserNote,
    Other,
}

/// Reads one console message from chromedriver's log. The recorder's
/// message arrives as the page's location, a position, then the logged
/// string in JSON quotes.
pub fn classify(message: &str) -> Entry {
    if let Some(at) = message.find(MARKER) {
        let quoted = message[..at].rfind('"').map(|start| &message[start..]);
        let text = quoted
            .and_then(|quoted| serde_json::from_str::<String>(quoted).ok())
            .unwrap_or_else(|| message[at..].to_string());
        let json = text.strip_prefix(MARKER).unwrap_or(&text);
        return Entry::Violation(serde_json::from_str(json).unwrap_or_else(|_| Violation {
            directive: "unknown".into(),
            blocked: String::new(),
            sample: String::new(),
            source: String::new(),
            page: message.to_string(),
            policy: String::new(),
        }));
    }
    if message.contains("Content Security Policy") {
        return Entry::BrowserNote;
    }
    Entry::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_logged_violation_is_read_back_whole() {
        let logged = serde_json::to_string(
            r#"__csp_violation__ {"directive":"script-src-elem","blocked":"inline","sample":"window.x = \"1\"","source":"","page":"http://127.0.0.1:1/app/"}"#,
        )
        .unwrap_or_default();
        let message = format!("http://127.0.0.1:1/app/ 20:13 {logged}");
        let Entry::Violation(violation) = classify(&message) else {
            panic!("not read as a violation: {message}");
        };
        assert_eq!(violation.directive, "script-src-elem");
        assert_eq!(violation.sample, "window.x = \"1\"");
        assert_eq!(
            violation.to_string(),
            r#"script-src-elem refused "inline" on http://127.0.0.1:1/app/ (sample "window.x = \"1\"")"#
        );
        assert!(matches!(
            classify("http://x/ 0 Refused to run ... Content Security Policy directive"),
            Entry::BrowserNote
        ));
        assert!(matches!(classify("panicked at"), Entry::Other));
    }
}
