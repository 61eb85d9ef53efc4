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

/// Most data read, counted roughly in JSON bytes (a config's own limit): an array that
/// claims billions of items is refused before a single one is read.
const MAX_BYTES: usize = 64 * 1024;

/// `value` as JSON data, or why it is not plain JSON data.
///
/// The loader hands over plain copies (see `plainData` in `www/cardhelp.js`), so no host
/// getter runs here; the limits hold whatever the caller passes.
pub fn from_js(value: &JsValue) -> Result<Value, String> {
    let mut budget = MAX_BYTES;
    read(value, 0, &mut budget)
}

/// Takes `bytes` from what may still be read.
fn spend(budget: &mut usize, bytes: usize) -> Result<(), String> {
    *budget = budget
        .checked_sub(bytes)
        .ok_or(format!("larger than {MAX_BYTES} bytes"))?;
    Ok(())
}

fn read(value: &JsValue, depth: usize, budget: &mut usize) -> Result<Value, String> {
    if depth > MAX_DEPTH {
        return Err(format!("nested more than {MAX_DEPTH} levels deep"));
    }
    if value.is_null() || value.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(b) = value.as_bool() {
        spend(budget, 5)?;
        return Ok(Value::Bool(b));
    }
    if let Some(s) = value.as_string() {
        spend(budget, s.len() + 2)?;
        return Ok(Value::String(s));
    }
    if let Some(n) = value.as_f64() {
        spend(budget, 8)?;
        return number(n).ok_or_else(|| "NaN and infinite numbers are not JSON data".into());
    }
    // `Array.isArray`, not `instanceof`: an array made in another frame is an array too.
    if js_sys::Array::is_array(value) {
        let array: &js_sys::Array = value.unchecked_ref();
        spend(budget, (array.length() as usize).saturating_mul(2))?;
        return (0..array.length())
            .map(|i| read(&array.get(i), depth + 1, budget))
            .collect();
    }
    if value.is_object() && !value.is_function() {
        let mut map = Map::new();
        for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
            let entry: js_sys::Array = entry.unchecked_into();
            let key = entry.get(0).as_string().unwrap_or_default();
            spend(budget, key.len() + 4)?;
            map.insert(key, read(&entry.get(1), depth + 1, budget)?);
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
    fn more_data_than_a_config_may_hold_is_refused_before_it_is_read() {
        for source in [
            // An array that claims 2^32 - 1 items, each a getter that would run.
            "new Proxy([], { get: (t, k) => k === 'length' ? 4294967295 : (() => { throw 1; })() })",
            "Array(40000).fill(0)",
            "{ a: 'x'.repeat(70000) }",
            "Object.fromEntries(Array.from({ length: 20000 }, (_, i) => ['k' + i, 1]))",
        ] {
            assert!(from_js(&js(source)).unwrap_err().contains("larger"), "{source}");
        }
        assert!(from_js(&js("Array(3000).fill(0)")).is_ok());
    }
}
