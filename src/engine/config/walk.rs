//! Walking a JSON object against a table of known keys.
//!
//! Every object in the config (the root, `phones`, each phone, `calendar`) is read the
//! same way: known keys are dispatched to their reader, `null` means "not set", and
//! unknown keys become issues (with a spelling suggestion) instead of being dropped
//! silently, because a misspelt key otherwise looks like a widget bug.

use super::{text, ConfigIssue};
use serde_json::Value;

/// Reads one key's value into the target. Arguments: target, value, field path, issues.
pub(super) type Apply<T> = fn(&mut T, &Value, &str, &mut Vec<ConfigIssue>);

/// One key an object may have: its name and its reader, and, beside them, what it means and
/// its JSON Schema, from which `cardhelp config-schema` writes the schema editors check
/// configs with. The browser build never needs those two, so it leaves them out (see
/// [`key!`](crate::engine::config::walk::key)).
pub(super) struct Key<T: 'static> {
    pub name: &'static str,
    pub apply: Apply<T>,
    /// One sentence for the operator, shown by editors.
    #[cfg(not(target_arch = "wasm32"))]
    pub doc: &'static str,
    /// The value's JSON Schema (`null`, meaning "not set", is added by the object's).
    #[cfg(not(target_arch = "wasm32"))]
    pub schema: fn() -> Value,
}

/// The keys an object may have, each with its reader.
pub(super) type KeyTable<T> = &'static [Key<T>];

/// A [`Key`]: `key!("name", "what it means", || schema, |target, value, field, issues| …)`.
macro_rules! key {
    ($name:expr, $doc:expr, $schema:expr, $apply:expr $(,)?) => {
        $crate::engine::config::walk::Key {
            name: $name,
            apply: $apply,
            #[cfg(not(target_arch = "wasm32"))]
            doc: $doc,
            #[cfg(not(target_arch = "wasm32"))]
            schema: $schema,
        }
    };
}
pub(super) use key;

/// Dispatches every key of `value` (which must be an object) through `keys`.
/// `prefix` is the dotted path of the object itself (`""` for the root).
pub(super) fn walk_object<T>(
    value: &Value,
    prefix: &str,
    target: &mut T,
    keys: KeyTable<T>,
    out: &mut Vec<ConfigIssue>,
) {
    let Some(map) = value.as_object() else {
        out.push(ConfigIssue::new(
            prefix,
            format!("expected an object, found {}", text::kind(value)),
        ));
        return;
    };
    for (key, v) in map {
        match keys.iter().find(|k| k.name == key) {
            Some(k) => {
                if !v.is_null() {
                    (k.apply)(target, v, &join(prefix, k.name), out);
                }
            }
            None => out.push(ConfigIssue::new(
                join(prefix, &text::clip(key)),
                unknown_key_message(key, keys),
            )),
        }
    }
}

/// `phones` + `fraud` → `phones.fraud`; the root has an empty prefix.
pub(super) fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

fn unknown_key_message<T>(key: &str, keys: KeyTable<T>) -> String {
    match suggestion(key, keys) {
        Some(k) => format!("unknown key; did you mean \"{k}\"?"),
        None => {
            let known: Vec<&str> = keys.iter().map(|k| k.name).collect();
            format!("unknown key; expected one of: {}", known.join(", "))
        }
    }
}

/// The known key `key` was most likely meant to be: the closest one at most two edits away
/// (ASCII letter case aside), else the only one whose words (between `_`) hold all of the typed
/// key's words or the other way round (`dispute_url` for `dispute_form_url`).
fn suggestion<T>(key: &str, keys: KeyTable<T>) -> Option<&'static str> {
    let key = key.to_ascii_lowercase();
    let len = key.chars().count();
    // Keys whose lengths differ by more than two cannot be two edits apart: skipped, so
    // a config of thousands of unknown keys costs little more than reading them.
    let closest = keys
        .iter()
        .filter(|k| k.name.len().abs_diff(len) <= 2)
        .map(|k| (edit_distance(&key, k.name), k.name))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d);
    if let Some((_, k)) = closest {
        return Some(k);
    }
    let words = |s: &'static str| s.split('_');
    let typed: Vec<&str> = key.split('_').filter(|w| !w.is_empty()).collect();
    let mut related = keys.iter().map(|k| k.name).filter(|k| {
        typed.iter().all(|w| words(k).any(|kw| kw == *w)) || words(k).all(|kw| typed.contains(&kw))
    });
    match (related.next(), related.next()) {
        (Some(k), None) if !typed.is_empty() => Some(k),
        _ => None,
    }
}

/// Levenshtein distance, for "did you mean". Long keys are never typos of ours.
fn edit_distance(a: &str, b: &str) -> usize {
    const LONGEST: usize = 40;
    let a: Vec<char> = a.chars().take(LONGEST + 1).collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() > LONGEST {
        return usize::MAX;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = prev[j] + usize::from(ca != cb);
            cur[j + 1] = substitution.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("issuer_nmae", "issuer_name"), 2);
        assert_eq!(edit_distance("phone", "phones"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance(&"x".repeat(100), "x"), usize::MAX);
    }
}
