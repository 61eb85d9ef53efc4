//! Engine output (the plan, the questions, a classification, event details) as plain JS
//! values, through the same `Serialize` impls the CLI prints as JSON text.
//!
//! serde-wasm-bindgen's serializer, and going through `serde_json::Value` first, cost
//! more of the download than this one: numbers become JS numbers, maps and structs plain
//! objects (keys in the CLI's order), `None` and units `null`, as `JSON.parse` of the
//! CLI's output would give them. Bytes become an array of numbers.

use std::fmt::Display;

use js_sys::{Array, Object, Reflect};
use serde::ser::{self, Serialize};
use wasm_bindgen::JsValue;

/// `value` as a plain JS value.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    value.serialize(Js)
}

/// Why a value could not be written; only a `Serialize` impl's own refusal.
#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

/// The serializer: stateless, each value becomes one `JsValue`.
struct Js;

/// A list being written; with `variant`, wrapped as `{variant: [...]}` at the end.
struct List {
    array: Array,
    variant: Option<&'static str>,
}

/// An object being written (a map or a struct), with the map key waiting for its value;
/// with `variant`, wrapped as `{variant: {...}}` at the end.
struct Fields {
    object: Object,
    key: JsValue,
    variant: Option<&'static str>,
}

/// `{variant: value}`, as serde writes an enum variant that holds data.
fn tagged(variant: Option<&'static str>, value: JsValue) -> JsValue {
    match variant {
        None => value,
        Some(name) => {
            let object = Object::new();
            let _ = Reflect::set(&object, &name.into(), &value);
            object.into()
        }
    }
}

impl ser::Serializer for Js {
    type Ok = JsValue;
    type Error = Error;
    type SerializeSeq = List;
    type SerializeTuple = List;
    type SerializeTupleStruct = List;
    type SerializeTupleVariant = List;
    type SerializeMap = Fields;
    type SerializeStruct = Fields;
    type SerializeStructVariant = Fields;

    fn serialize_bool(self, v: bool) -> Result<JsValue, Error> {
        Ok(v.into())
    }
    fn serialize_i8(self, v: i8) -> Result<JsValue, Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<JsValue, Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<JsValue, Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<JsValue, Error> {
        self.serialize_f64(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Result<JsValue, Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<JsValue, Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<JsValue, Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<JsValue, Error> {
        self.serialize_f64(v as f64)
    }
    fn serialize_f32(self, v: f32) -> Result<JsValue, Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<JsValue, Error> {
        Ok(v.into())
    }
    fn serialize_char(self, v: char) -> Result<JsValue, Error> {
        Ok(v.to_string().into())
    }
    fn serialize_str(self, v: &str) -> Result<JsValue, Error> {
        Ok(v.into())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<JsValue, Error> {
        v.serialize(self)
    }
    fn serialize_none(self) -> Result<JsValue, Error> {
        Ok(JsValue::NULL)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<JsValue, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<JsValue, Error> {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<JsValue, Error> {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<JsValue, Error> {
        Ok(variant.into())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<JsValue, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<JsValue, Error> {
        Ok(tagged(Some(variant), value.serialize(self)?))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<List, Error> {
        Ok(List {
            array: Array::new(),
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<List, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<List, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<List, Error> {
        Ok(List {
            array: Array::new(),
            variant: Some(variant),
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Fields, Error> {
        Ok(Fields {
            object: Object::new(),
            key: JsValue::UNDEFINED,
            variant: None,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Fields, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Fields, Error> {
        Ok(Fields {
            object: Object::new(),
            key: JsValue::UNDEFINED,
            variant: Some(variant),
        })
    }
}

impl List {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.array.push(&value.serialize(Js)?);
        Ok(())
    }
    fn done(self) -> Result<JsValue, Error> {
        Ok(tagged(self.variant, self.array.into()))
    }
}

/// serde's four sequence shapes all become a JS array (a tuple variant's tagged by its name).
macro_rules! list {
    ($($shape:ident :: $element:ident),*) => {$(
        impl ser::$shape for List {
            type Ok = JsValue;
            type Error = Error;
            fn $element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.push(value)
            }
            fn end(self) -> Result<JsValue, Error> {
                self.done()
            }
        }
    )*};
}

list!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl Fields {
    fn set<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        let _ = Reflect::set(&self.object, &key.into(), &value.serialize(Js)?);
        Ok(())
    }
    fn done(self) -> Result<JsValue, Error> {
        Ok(tagged(self.variant, self.object.into()))
    }
}

impl ser::SerializeMap for Fields {
    type Ok = JsValue;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = key.serialize(Js)?;
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let _ = Reflect::set(&self.object, &self.key, &value.serialize(Js)?);
        Ok(())
    }
    fn end(self) -> Result<JsValue, Error> {
        self.done()
    }
}

/// A struct and a struct variant both become a plain object (the variant's tagged by its name).
macro_rules! fields {
    ($($shape:ident),*) => {$(
        impl ser::$shape for Fields {
            type Ok = JsValue;
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.set(key, value)
            }
            fn end(self) -> Result<JsValue, Error> {
                self.done()
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;
    use wasm_bindgen_test::*;

    use super::to_js;

    wasm_bindgen_test_configure!(run_in_browser);

    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(u8, i64),
        Struct { on: bool },
    }

    #[derive(Serialize)]
    struct Every {
        zeta: u32,
        alpha: Option<&'static str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        shapes: Vec<Shape>,
        scores: BTreeMap<&'static str, f64>,
        pair: (char, ()),
    }

    /// Whatever the Rust types hold, `JSON.stringify` of the JS value is the CLI's JSON text,
    /// keys in the same order.
    #[wasm_bindgen_test]
    fn stringified_it_is_the_json_the_cli_prints() {
        let every = Every {
            zeta: 7,
            alpha: None,
            skipped: None,
            shapes: vec![
                Shape::Unit,
                Shape::Newtype(1),
                Shape::Tuple(2, -3),
                Shape::Struct { on: true },
            ],
            scores: BTreeMap::from([("b", 0.25), ("a", 1.5)]),
            pair: ('ñ', ()),
        };
        let js = to_js(&every).unwrap();
        let text = js_sys::JSON::stringify(&js).unwrap().as_string().unwrap();
        assert_eq!(text, serde_json::to_string(&every).unwrap());
    }
}
