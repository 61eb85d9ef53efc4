//! Filling `{name}` placeholders in the engine's and the screen's texts.
//!
//! One pass over the template: a value, once written, is never scanned again, so a
//! merchant name that happens to contain `{date}` stays as the cardholder typed it. It is
//! also the only text substitution in the wasm, which keeps std's substring searcher out
//! of the download.

/// `template` with each `{name}` that `write` knows replaced by what it writes; `write`
/// returns `false` (writing nothing) for a name it does not know, and that brace stays.
pub fn fill_with(template: &str, mut write: impl FnMut(&str, &mut String) -> bool) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if write(&after[..close], &mut out) => rest = &after[close + 1..],
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `template` with each `{name}` replaced by its value in `values`.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    fill_with(template, |name, out| {
        let value = values.iter().find(|(n, _)| *n == name);
        value.map(|(_, v)| out.push_str(v)).is_some()
    })
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn every_known_placeholder_is_filled_once_and_values_are_not_rescanned() {
        let cases = [
            ("{a} and {b}, {a}", "x and y, x"),
            ("no placeholders", "no placeholders"),
            ("{unknown} {a}", "{unknown} x"),
            ("{ {a}} {", "{ x} {"),
            ("{b}{a}", "yx"),
            ("", ""),
        ];
        for (template, expected) in cases {
            assert_eq!(
                fill(template, &[("a", "x"), ("b", "y")]),
                expected,
                "{template}"
            );
        }
        assert_eq!(fill("Paid {m}", &[("m", "{m} {date}")]), "Paid {m} {date}");
        assert_eq!(fill("café {n}€", &[("n", "5")]), "café 5€");
    }
}
