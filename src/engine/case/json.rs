//! Reading a case out of JSON values by hand, field by field.
//!
//! serde's derived `Deserialize` reads the same shapes, but in the browser build it brings
//! serde_json's `Value` deserializer and its error formatting (5.5 KB of the compressed
//! download) for a few dozen fields. The engine already has the tables these readers
//! need (the fact table, the topic, weekday and choice lists), and reading by hand names
//! the offending field in every error without a second pass.

use serde_json::{Map, Value};

use super::{
    CalendarOverrides, CardNetwork, Case, CaseError, Fact, Facts, FreezeMethod, PaymentMethod,
    WeekdayName,
};
use crate::engine::calendar::cycles::ClosingDay;
use crate::engine::calendar::IsoDate;
use crate::engine::config::json_kind;
use crate::engine::kb::Answers;
use crate::engine::locale::Locale;
use crate::engine::topic::Topic;

/// A value read, or what was wrong with it (the caller adds the field's path).
type Read<T> = Result<T, String>;

/// "expected a list, found a string".
fn expected(what: &str, v: &Value) -> String {
    format!("expected {what}, found {}", json_kind(v))
}

fn string<'a>(v: &'a Value, what: &str) -> Read<&'a str> {
    v.as_str().ok_or_else(|| expected(what, v))
}

/// `null` is "not given"; anything else must read as `T`.
fn optional<T>(v: &Value, read: impl Fn(&Value) -> Read<T>) -> Read<Option<T>> {
    if v.is_null() {
        Ok(None)
    } else {
        read(v).map(Some)
    }
}

fn date(v: &Value) -> Read<IsoDate> {
    IsoDate::parse(string(v, "a date as \"YYYY-MM-DD\"")?)
}

/// One of a closed list of ids (`all`, spelled by `id`).
fn one_of<T: Copy>(v: &Value, all: &[T], id: fn(T) -> &'static str) -> Read<T> {
    let names = || all.iter().map(|&x| id(x)).collect::<Vec<_>>().join(", ");
    let Some(s) = v.as_str() else {
        return Err(expected(&format!("one of {}", names()), v));
    };
    all.iter()
        .copied()
        .find(|&x| id(x) == s)
        .ok_or_else(|| format!("unknown value {s:?}, expected one of {}", names()))
}

fn closing_day(v: &Value) -> Read<ClosingDay> {
    let Some(n) = v.as_i64() else {
        return Err(expected("a day of the month (1-31)", v));
    };
    u8::try_from(n)
        .ok()
        .and_then(ClosingDay::new)
        .ok_or_else(|| format!("{n} is not a day of the month (use 1-31)"))
}

fn boolean(v: &Value) -> Read<bool> {
    v.as_bool().ok_or_else(|| expected("true or false", v))
}

/// A list whose entries are read one by one; an error names the entry (`path[i]`).
fn list<T>(path: &str, v: &Value, read: impl Fn(&Value) -> Read<T>) -> Result<Vec<T>, CaseError> {
    let Some(items) = v.as_array() else {
        return Err(CaseError::new(path, expected("a list", v)));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| read(item).map_err(|m| CaseError::new(&format!("{path}[{i}]"), m)))
        .collect()
}

/// Puts a reader's message at `key`.
fn at(key: &str) -> impl Fn(String) -> CaseError + '_ {
    move |m| CaseError::new(key, m)
}

fn object<'a>(path: &str, v: &'a Value) -> Result<&'a Map<String, Value>, CaseError> {
    v.as_object()
        .ok_or_else(|| CaseError::new(path, "expected an object"))
}

impl Facts {
    /// Facts from a JSON object keyed by fact id; `null` leaves a fact absent. An error
    /// names the fact (`facts.due_date`).
    pub fn from_map(map: &Map<String, Value>) -> Result<Facts, CaseError> {
        let mut facts = Facts::default();
        facts.fill_missing(map)?;
        Ok(facts)
    }

    /// Records one fact from its JSON value (`null` clears it).
    pub fn set(&mut self, fact: Fact, v: &Value) -> Result<(), String> {
        match fact {
            Fact::CycleClosingDay => self.cycle_closing_day = optional(v, closing_day)?,
            Fact::PaymentMethod => {
                self.payment_method =
                    optional(v, |v| one_of(v, &PaymentMethod::ALL, PaymentMethod::id))?;
            }
            Fact::FreezeRequestMethod => {
                self.freeze_request_method =
                    optional(v, |v| one_of(v, &FreezeMethod::ALL, FreezeMethod::id))?;
            }
            Fact::CardNetwork => {
                self.card_network = optional(v, |v| one_of(v, &CardNetwork::ALL, CardNetwork::id))?;
            }
            Fact::FreezeLiftMethod => {
                self.freeze_lift_method =
                    optional(v, |v| one_of(v, &FreezeMethod::ALL, FreezeMethod::id))?;
            }
            Fact::ReportDisputeInfoAdded => {
                self.report_dispute_info_added = optional(v, boolean)?;
            }
            Fact::AutopayFromIssuerAccount => {
                self.autopay_from_issuer_account = optional(v, boolean)?;
            }
            date_fact => {
                if let Some(slot) = self.date_slot(date_fact) {
                    *slot = optional(v, date)?;
                }
            }
        }
        Ok(())
    }

    /// Each fact of `map` that is not recorded yet (answers fill facts; a fact given
    /// explicitly wins).
    pub fn fill_missing(&mut self, map: &Map<String, Value>) -> Result<(), CaseError> {
        for (key, v) in map {
            let path = format!("facts.{key}");
            let fact = Fact::from_id(key).ok_or_else(|| CaseError::new(&path, "unknown field"))?;
            if self.text(fact).is_none() {
                self.set(fact, v).map_err(|m| CaseError::new(&path, m))?;
            }
        }
        Ok(())
    }

    /// A recorded fact as text: the date, the day number, or the choice's id.
    pub fn text(&self, fact: Fact) -> Option<String> {
        if fact == Fact::CycleClosingDay {
            return self.cycle_closing_day.map(|d| d.get().to_string());
        }
        self.date(fact)
            .map(|d| IsoDate(d).to_string())
            .or_else(|| self.choice(fact).map(str::to_owned))
    }
}

fn calendar(v: &Value) -> Result<CalendarOverrides, CaseError> {
    let mut calendar = CalendarOverrides::default();
    for (key, v) in object("calendar", v)? {
        let path = format!("calendar.{key}");
        match key.as_str() {
            "closed_days" => calendar.closed_days = list(&path, v, date)?,
            "open_days" => calendar.open_days = list(&path, v, date)?,
            "mail_on_saturday" => {
                calendar.mail_on_saturday = optional(v, boolean).map_err(at(&path))?;
            }
            "open_weekdays" => {
                calendar.open_weekdays =
                    list(&path, v, |v| one_of(v, &WeekdayName::ALL, WeekdayName::id))?;
            }
            _ => return Err(CaseError::new(&path, "unknown field")),
        }
    }
    Ok(calendar)
}

fn answers(v: &Value) -> Result<Answers, CaseError> {
    let mut answers = Answers::new();
    for (question, answer) in object("answers", v)? {
        let answer = string(answer, "a string")
            .map_err(|m| CaseError::new(&format!("answers.{question}"), m))?;
        answers.insert(question.clone(), answer.to_owned());
    }
    Ok(answers)
}

impl Case {
    /// Reads a case from a parsed JSON value (the browser's JS API hands one over),
    /// naming the offending field on any error.
    pub fn from_value(value: &Value) -> Result<Case, CaseError> {
        let root = object("case", value)?;
        let today = root
            .get("today")
            .ok_or_else(|| CaseError::new("today", "missing (the current date, YYYY-MM-DD)"))?;
        let mut case = Case {
            today: date(today).map_err(at("today"))?,
            topic: None,
            locale: Locale::default(),
            text: None,
            facts: Facts::default(),
            calendar: None,
            answers: Answers::new(),
            config: None,
        };
        for (key, v) in root {
            match key.as_str() {
                "today" => {}
                "topic" => {
                    case.topic =
                        optional(v, |v| one_of(v, &Topic::ALL, Topic::id)).map_err(at(key))?;
                }
                "locale" => case.locale = one_of(v, &Locale::ALL, Locale::tag).map_err(at(key))?,
                "text" => {
                    case.text = optional(v, |v| string(v, "a string").map(str::to_owned))
                        .map_err(at(key))?;
                }
                "facts" => case.facts = Facts::from_map(object(key, v)?)?,
                "calendar" if v.is_null() => {}
                "calendar" => case.calendar = Some(calendar(v)?),
                "answers" => case.answers = answers(v)?,
                "config" => case.config = (!v.is_null()).then(|| v.clone()),
                _ => return Err(CaseError::new(key, "unknown field")),
            }
        }
        Ok(case)
    }
}
