//! Issuer links: only schemes that are safe to put in an `href`.
//!
//! The widget renders these as links on a bank's own page, so a `javascript:` or
//! `data:` URL here would be script injection. The rule is an allow-list (`https:`,
//! `http:`, and `mailto:` where e-mail makes sense), never a block-list. Links with
//! user names (`https://bank.example@evil.example`) are refused as a phishing shape.

use super::{text, ConfigIssue};
use serde_json::Value;

/// Longest link, in characters.
pub const MAX_URL_CHARS: usize = 2048;

/// Characters that never appear unescaped in a valid URL and that browsers treat
/// inconsistently (`\` becomes `/` in `http:` URLs, for instance).
const FORBIDDEN: [char; 9] = ['"', '<', '>', '\\', '^', '`', '{', '|', '}'];

/// What a relative link is told.
const RELATIVE: &str = "must be absolute: start it with https://";

/// Which schemes a link key accepts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Schemes {
    /// `https:` and `http:` only.
    Web,
    /// `https:`, `http:`, or `mailto:` (for secure messaging by e-mail).
    WebOrMailto,
}

/// Reads a link value, recording an issue and giving `None` if it is not acceptable.
pub(super) fn parse(
    value: &Value,
    field: &str,
    schemes: Schemes,
    out: &mut Vec<ConfigIssue>,
) -> Option<String> {
    let s = text::string(value, field, out)?;
    text::accept(
        s.to_owned(),
        field,
        problem(s, schemes).map(str::to_owned),
        out,
    )
}

/// Whether `s` is an acceptable `https:`/`http:` link by the same rules as the config
/// (the calendar export writes links it did not read from the config).
pub(crate) fn check_web_url(s: &str) -> bool {
    problem(s, Schemes::Web).is_none()
}

/// Why `s` is not an acceptable link for `schemes`, if it is not.
fn problem(s: &str, schemes: Schemes) -> Option<&'static str> {
    if s.chars().count() > MAX_URL_CHARS {
        return Some("too long (at most 2048 characters)");
    }
    if s.chars()
        .any(|c| c.is_whitespace() || c.is_control() || FORBIDDEN.contains(&c))
    {
        return Some("spaces, control characters and \" < > \\ ^ ` { | } are not allowed");
    }
    if s.chars().any(text::is_bidi_override) {
        return Some("bidirectional override characters are not allowed");
    }
    let (scheme, rest) = s.split_once(':').unwrap_or(("", s));
    // No scheme (or a path before the first colon): a relative link, which on a host's
    // page would point into the host's own site. (`matches!`, not `"+-.".contains(c)`: a
    // char pattern not known at compile time links the two-way string search, 2 KB.)
    let is_scheme = |s: &str| {
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    };
    if !is_scheme(scheme) {
        return Some(RELATIVE);
    }
    if scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http") {
        web_problem(rest)
    } else if scheme.eq_ignore_ascii_case("mailto") && schemes == Schemes::WebOrMailto {
        (!rest.bytes().any(|b| b == b'@')).then_some("mailto: link needs an e-mail address")
    } else if schemes == Schemes::WebOrMailto {
        Some("only https:, http: and mailto: links are allowed")
    } else {
        Some("only https: and http: links are allowed")
    }
}

/// Checks the part after `https:`: `//host[:port]` and an optional path.
fn web_problem(rest: &str) -> Option<&'static str> {
    let Some(after) = rest.strip_prefix("//") else {
        return Some(RELATIVE);
    };
    let authority = after.split(['/', '?', '#']).next().unwrap_or("");
    // `%40` is an `@` to some readers of a link and not to others: refused like one.
    let escaped_at = |w: &[u8]| w.eq_ignore_ascii_case(b"%40");
    if authority.bytes().any(|b| b == b'@') || authority.as_bytes().windows(3).any(escaped_at) {
        return Some("user names in links are not allowed");
    }
    // An IPv6 host (`[::1]`) holds colons of its own; a port comes after its `]`.
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if !p.contains(']') => (h, p),
        _ => (authority, ""),
    };
    if host.is_empty() {
        return Some("link has no host name");
    }
    let bad_port = !port.bytes().all(|b| b.is_ascii_digit())
        || (!port.is_empty() && port.parse::<u64>().map_or(true, |n| n > 65535));
    if bad_port {
        return Some("the port must be a number from 0 to 65535");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allow_list_of_schemes() {
        assert_eq!(
            problem("https://bank.example/help?x=1#y", Schemes::Web),
            None
        );
        assert_eq!(problem("HTTP://bank.example:8080", Schemes::Web), None);
        assert_eq!(problem("https://bank.example:65535/", Schemes::Web), None);
        assert_eq!(problem("https://[::1]:443/", Schemes::Web), None);
        assert_eq!(problem("https://[::1]/a%40b", Schemes::Web), None);
        assert_eq!(
            problem("mailto:help@bank.example", Schemes::WebOrMailto),
            None
        );
        for bad in [
            "mailto:help@bank.example",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<b>",
            "vbscript:x",
            "//bank.example",
            "bank.example/help",
            "https:bank.example",
            "https://",
            "https://:443/x",
            "https://bank.example@evil.example/",
            "https://bank.example/a b",
            "https://bank.example/\u{0}",
            "https:\\\\evil.example",
            "https://bank.example:65536/",
            "https://bank.example:99999999999/",
            "https://bank.example:80x/",
            "https://bank.example%40evil.example/",
            "https://bank.example%2540x%40evil.example/",
            "https://bank.example/\u{202E}lmth.exe",
            "https://\u{2067}bank.example/",
        ] {
            assert!(problem(bad, Schemes::Web).is_some(), "{bad}");
        }
        assert!(problem("javascript:alert(1)", Schemes::WebOrMailto).is_some());
        assert!(problem("mailto:nobody", Schemes::WebOrMailto).is_some());
    }
}
