//! The headless JS API: the engine's JSON contract for hosts that build their own UI.
//!
//! Same input and output as the `cardhelp` CLI, as plain JS objects instead of JSON text.
//! Errors are thrown as `Error`s whose message starts with the field's path, as the CLI's
//! one-line messages do (`facts.due_date: 2026-02-30 is not a real date`).

use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::engine::case::{Case, CaseError};
use crate::engine::classify::classify;
use crate::engine::flow::questions;
use crate::engine::plan::plan as resolve_plan;

/// `plan(case)`: the plan for a case, exactly as `cardhelp plan` prints it.
#[wasm_bindgen(js_name = plan)]
pub fn plan_js(case: JsValue) -> Result<JsValue, JsError> {
    let case = case_from(case)?;
    let plan = resolve_plan(&case).map_err(thrown)?;
    to_js(&plan)
}

/// `questions(case)`: the questions still to ask, exactly as `cardhelp questions`
/// prints them.
#[wasm_bindgen(js_name = questions)]
pub fn questions_js(case: JsValue) -> Result<JsValue, JsError> {
    let case = case_from(case)?;
    to_js(&questions(&case).map_err(thrown)?)
}

/// `deadlines(facts, {today, locale, calendar})`: only the deadlines of a plan, for hosts
/// that show their own triage. `today` is required, as in a case.
#[wasm_bindgen(js_name = deadlines)]
pub fn deadlines_js(facts: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let mut case = match from_js(options)? {
        Value::Object(map) => map,
        Value::Null => serde_json::Map::new(),
        _ => return Err(thrown(CaseError::new("options", "expected an object"))),
    };
    case.insert("facts".into(), from_js(facts)?);
    let case = Case::from_value(&Value::Object(case)).map_err(thrown)?;
    let plan = resolve_plan(&case).map_err(thrown)?;
    to_js(&plan.deadlines)
}

/// `classify(text)`: all 12 topics ranked, the words behind the top one, and whether the
/// reading is confident enough to act on; as `cardhelp classify` prints it for one line.
#[wasm_bindgen(js_name = classify)]
pub fn classify_js(text: &str) -> Result<JsValue, JsError> {
    let classification = classify(text).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&classification)
}

fn case_from(case: JsValue) -> Result<Case, JsError> {
    Case::from_value(&from_js(case)?).map_err(thrown)
}

/// A JS value as JSON data; `undefined` reads as `null`.
fn from_js(value: JsValue) -> Result<Value, JsError> {
    super::json::from_js(&value)
        .map_err(|e| thrown(CaseError::new("case", format!("not plain JSON data ({e})"))))
}

/// Plain objects and arrays (maps as objects, `None` as `null`), as the CLI prints them.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    super::to_js::to_js(value).map_err(|e| JsError::new(&e.to_string()))
}

fn thrown(e: CaseError) -> JsError {
    JsError::new(&e.to_string())
}
