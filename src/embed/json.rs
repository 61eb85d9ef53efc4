//! JS values read as the engine's JSON data, by hand.
//!
//! serde-wasm-bindgen could deserialize them, but its deserializer and serde's error
//! messages (which print floats, and so bring std's float formatting) cost more of the
//! download than these few lines. Only what `JSON.stringify` would keep is accepted:
//! `undefined` reads as `null`; functions, symbols, big integers and non-finite numbers
//! are refused.

use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

/// Deeper nesting than any config or case needs is refused rather than recursed into.
const MAX_DEPTH: usize = 64;

/// Longest array read: a config's lists hold at most 1000 entries, and an array that
/// claims billions of items (a Proxy can) is refused before a single one is read.
const MAX_ITEMS: u32 = 16 * 1024;

/// `value` as JSON data, or why it is not plain JSON data.
///
/// The loader hands over plain copies, already limited to 64 KB (see `plainData` in
/// `www/cardhelp.js`), so no host getter runs here; the limits hold whatever the caller
/// passes.
pub fn from_js(value: &JsValue) -> Result<Value, String> {
    read(value, 0)
}

fn read(value: &JsValue, depth: usize) -> Result<Value, String> {
    if depth > MAX_DEPTH {
        return Err(format!("nested more than {MAX_DEPTH} levels deep"));
    }
    if value.is_null() || value.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(s) = value.as_string() {
        return Ok(Value::String(s));
    }
    if let Some(n) = value.as_f64() {
        return number(n).ok_or_else(|| "NaN and infinite numbers are not JSON data".into());
    }
    // `Array.isArray`, not `instanceof`: an array made in another frame is an array too.
    if js_sys::Array::is_array(value) {
        let array: &js_sys::Array = value.unchecked_ref();
        if array.length() > MAX_ITEMS {
            return Err(format!("a list of more than {MAX_ITEMS} items"));
        }
        return (0..array.length())
            .map(|i| read(&array.get(i), depth + 1))
            .collect();
    }
    if value.is_object() && !value.is_function() {
        let mut map = Map::new();
        for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
            let entry: js_sys::Array = entry.unchecked_into();
            let key = entry.get(0).as_string().unwrap_or_default();
            map.insert(key, read(&entry.get(1), depth + 1)?);
        }
        return Ok(Value::Object(map));
    }
    Err("a function, symbol or big integer is not JSON data".into())
}

/// Whole numbers stay integers (a closing day of `10` is not `10.0`), as `JSON.parse`
/// text would give them.
fn number(n: f64) -> Option<Value> {
    const SAFE: f64 = 9_007_199_254_740_991.0; // Number.MAX_SAFE_INTEGER
    if n.fract() == 0.0 && n.abs() <= SAFE {
        Some(Value::Number(Number::from(n as i64)))
    } else {
        Number::from_f64(n).map(Value::Number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn js(source: &str) -> JsValue {
        js_sys::Function::new_no_args(&format!("return {source};"))
            .call0(&JsValue::NULL)
            .unwrap()
    }

    #[wasm_bindgen_test]
    fn plain_data_reads_as_json_and_whole_numbers_stay_integers() {
        let value = from_js(&js(
            r#"{ today: "2026-03-01", facts: { cycle_closing_day: 10, amount: 12.5,
                 info_added: true, none: null, gone: undefined }, list: [1, "a", [false]] }"#,
        ))
        .unwrap();
        assert_eq!(
            value,
            json!({ "today": "2026-03-01",
                    "facts": { "cycle_closing_day": 10, "amount": 12.5, "info_added": true,
                               "none": null, "gone": null },
                    "list": [1, "a", [false]] })
        );
        assert!(value["facts"]["cycle_closing_day"].is_i64());
        assert_eq!(from_js(&JsValue::UNDEFINED).unwrap(), Value::Null);
    }

    #[wasm_bindgen_test]
    fn what_json_cannot_hold_is_refused() {
        for source in [
            "() => 1",
            "{ a: () => 1 }",
            "Symbol('x')",
            "10n",
            "NaN",
            "[Infinity]",
        ] {
            assert!(from_js(&js(source)).is_err(), "{source}");
        }
        let deep = format!(
            "{}1{}",
            "[".repeat(MAX_DEPTH + 2),
            "]".repeat(MAX_DEPTH + 2)
        );
        assert!(from_js(&js(&deep)).unwrap_err().contains("deep"));
        let fine = format!("{}1{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(from_js(&js(&fine)).is_ok());
    }

    #[wasm_bindgen_test]
    fn lists_longer_than_any_config_needs_are_refused_before_they_are_read() {
        for source in [
            // An array that claims 2^32 - 1 items, each a getter that would throw.
            "new Proxy([], { get: (t, k) => k === 'length' ? 4294967295 : (() => { throw 1; })() })",
            "{ calendar: { closed_days: Array(20000).fill('2026-01-01') } }",
        ] {
            assert!(from_js(&js(source)).unwrap_err().contains("more than"), "{source}");
        }
        assert!(from_js(&js("Array(16384).fill(0)")).is_ok());
    }
}
