//! Compiles the knowledge base (`src/engine/kb/*.json`, the human-edited source) into a
//! compact binary form that the wasm build decodes with a few hundred bytes of code,
//! instead of shipping pretty-printed JSON plus serde's parser for every KB type.
//!
//! The encoding is positional: fields in the declaration order of the KB structs
//! (`src/engine/kb/*.rs`), lists length-prefixed (LEB128), strings ended by a 0 byte,
//! absent optional values as a 0 byte, ids as their index in a table that holds each id
//! once. The structure, the English texts and the Spanish texts are three sections (the
//! first two lengths come first), so each compresses among its own kind. Strings end with
//! a 0 byte rather than start with their length because brotli then sees unbroken runs of
//! text: the KB compresses about 1.5 KB smaller. `src/engine/kb/compact.rs` reads it back,
//! and its test checks that the result equals what the JSON loader (`Kb::load`) builds
//! from the same files.
//!
//! Keys are checked as the JSON loader checks them (unknown or missing keys fail). On a
//! failure the wasm build stops here; a native build writes an empty file and a warning,
//! so that `cargo test` can still run and name the problem precisely.
//!
//! The classifier's glossary and concept cues ship from here too, compacted (see
//! [`compact_lexicon`]).

use std::env;
use std::fs;
use std::path::Path;

use serde_json::{Map, Value};

const FILES: [&str; 4] = [
    "topics.json",
    "questions.json",
    "channels.json",
    "escalations.json",
];

fn main() {
    for file in FILES {
        println!("cargo:rerun-if-changed=src/engine/kb/{file}");
    }
    println!("cargo:rerun-if-changed=src/engine/kb/compile.rs");
    println!("cargo:rerun-if-changed=src/engine/rules.rs");
    println!("cargo:rerun-if-changed=src/engine/clock/ids.rs");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("kb.bin");
    let bytes = match compile() {
        Ok(bytes) => bytes,
        Err(e) if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") => {
            panic!("the knowledge base does not compile: {e} (run `cargo test --test kb`)")
        }
        Err(e) => {
            println!("cargo:warning=the knowledge base does not compile: {e}");
            Vec::new()
        }
    };
    fs::write(out, bytes).unwrap();

    for file in ["glossary.txt", "concepts.txt"] {
        let source = format!("src/engine/classify/{file}");
        println!("cargo:rerun-if-changed={source}");
        let text = fs::read_to_string(&source).unwrap();
        let out = Path::new(&env::var("OUT_DIR").unwrap()).join(file);
        fs::write(out, compact_lexicon(&text)).unwrap();
    }
}

/// A lexicon file as the widget ships it: comment lines emptied (not removed, so a line
/// number in a parse error still points into the source file) and the spaces around `=`
/// and `|` dropped. The parser trims every part, so it reads both forms alike; the
/// download is about half a KB smaller.
fn compact_lexicon(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let line = line.trim();
            if line.starts_with('#') {
                return String::new();
            }
            let parts: Vec<String> = line
                .split('|')
                .map(|part| part.split('=').map(str::trim).collect::<Vec<_>>().join("="))
                .collect();
            parts.join("|")
        })
        .collect();
    lines.join("\n")
}

type Res = Result<(), String>;

// The clock states a guard may test: the engine's own list.
include!("../clock/ids.rs");

/// The deadline ids of the rules table. The build script cannot link the crate, so it
/// reads the ids from the table's source: every row's `id: "..."` line.
fn rule_ids() -> Vec<String> {
    let source = fs::read_to_string("src/engine/rules.rs").unwrap_or_default();
    source
        .lines()
        .filter_map(|l| l.trim().strip_prefix("id: \""))
        .filter_map(|l| l.strip_suffix("\","))
        .map(str::to_owned)
        .collect()
}

fn compile() -> Result<Vec<u8>, String> {
    let mut docs = Vec::new();
    for file in FILES {
        let path = format!("src/engine/kb/{file}");
        let text = fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        let doc: Value = serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))?;
        docs.push(doc);
    }
    let mut e = Enc(Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let topics = e.object(
        &docs[0],
        "topics.json",
        &["days_left_rules", "blocks", "topics"],
    )?;
    e.list(
        topics.get("days_left_rules"),
        "days_left_rules",
        Enc::days_left_rule,
    )?;
    e.list(topics.get("blocks"), "blocks", Enc::block)?;
    e.list(topics.get("topics"), "topics", Enc::guide)?;
    let questions = e.object(&docs[1], "questions.json", &["yes_no", "questions"])?;
    let yes_no = e.object(
        field(questions, "yes_no", "questions.json")?,
        "yes_no",
        &["yes", "no"],
    )?;
    e.text(yes_no.get("yes"), "yes_no yes")?;
    e.text(yes_no.get("no"), "yes_no no")?;
    e.list(questions.get("questions"), "questions", Enc::question)?;
    e.list(Some(&docs[2]), "channels.json", Enc::channel)?;
    e.list(Some(&docs[3]), "escalations.json", Enc::escalation)?;
    let Enc(main, spanish, ids, english) = e;
    let mut table = Enc(Vec::new(), Vec::new(), Vec::new(), Vec::new());
    table.len(ids.len());
    for id in &ids {
        table.raw(Some(&Value::from(id.as_str())), "id table")?;
    }
    let mut out = Enc(Vec::new(), Vec::new(), Vec::new(), Vec::new());
    out.len(table.0.len() + main.len());
    out.len(english.len());
    out.0.extend(table.0);
    out.0.extend(main);
    out.0.extend(english);
    out.0.extend(spanish);
    Ok(out.0)
}

fn field<'a>(obj: &'a Map<String, Value>, key: &str, at: &str) -> Result<&'a Value, String> {
    obj.get(key)
        .ok_or_else(|| format!("{at}: missing field `{key}`"))
}

/// The main section, the Spanish texts, the id table and the English texts.
struct Enc(Vec<u8>, Vec<u8>, Vec<String>, Vec<u8>);

impl Enc {
    fn len(&mut self, mut n: usize) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }

    /// An object with only the given keys.
    fn object<'a>(
        &mut self,
        v: &'a Value,
        at: &str,
        keys: &[&str],
    ) -> Result<&'a Map<String, Value>, String> {
        let obj = v
            .as_object()
            .ok_or_else(|| format!("{at}: expected an object"))?;
        if let Some(k) = obj.keys().find(|k| !keys.contains(&k.as_str())) {
            return Err(format!("{at}: unknown field `{k}`"));
        }
        Ok(obj)
    }

    /// A text's half (or an id in the table), written out in full and ended by a 0 byte.
    fn raw(&mut self, v: Option<&Value>, at: &str) -> Res {
        let s = v
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{at}: expected a string"))?;
        if s.contains('\0') {
            return Err(format!("{at}: a string holds a NUL character"));
        }
        self.0.extend_from_slice(s.as_bytes());
        self.0.push(0);
        Ok(())
    }

    /// An id (of a question, fact, deadline, channel, choice…): its index in the id table,
    /// which holds each id once.
    fn string(&mut self, v: Option<&Value>, at: &str) -> Res {
        let s = v
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{at}: expected a string"))?;
        let i = match self.2.iter().position(|id| id == s) {
            Some(i) => i,
            None => {
                self.2.push(s.to_owned());
                self.2.len() - 1
            }
        };
        self.len(i);
        Ok(())
    }

    /// English in its section, Spanish in its own.
    fn text(&mut self, v: Option<&Value>, at: &str) -> Res {
        let v = v.ok_or_else(|| format!("{at}: missing text"))?;
        let t = self.object(v, at, &["en", "es"])?;
        std::mem::swap(&mut self.0, &mut self.3);
        let en = self.raw(t.get("en"), at);
        std::mem::swap(&mut self.0, &mut self.3);
        en?;
        std::mem::swap(&mut self.0, &mut self.1);
        let es = self.raw(t.get("es"), at);
        std::mem::swap(&mut self.0, &mut self.1);
        es
    }

    /// A list; absent means empty (every list without `#[serde(default)]` is checked for
    /// presence by its caller through `required`).
    fn list(
        &mut self,
        v: Option<&Value>,
        at: &str,
        item: fn(&mut Enc, &Value, &str) -> Res,
    ) -> Res {
        let items: &[Value] = match v {
            None => &[],
            Some(v) => v
                .as_array()
                .ok_or_else(|| format!("{at}: expected a list"))?,
        };
        self.len(items.len());
        for (i, v) in items.iter().enumerate() {
            item(self, v, &format!("{at} {i}"))?;
        }
        Ok(())
    }

    fn required<'a>(v: Option<&'a Value>, at: &str) -> Result<Option<&'a Value>, String> {
        v.map(Some).ok_or_else(|| format!("{at}: missing field"))
    }

    fn strings(&mut self, v: Option<&Value>, at: &str) -> Res {
        self.list(v, at, |e, v, at| e.string(Some(v), at))
    }

    fn texts(&mut self, v: Option<&Value>, at: &str) -> Res {
        self.list(v, at, |e, v, at| e.text(Some(v), at))
    }

    /// `None` (absent or `null`) as 0, `Some` as 1 and the value.
    fn option(
        &mut self,
        v: Option<&Value>,
        at: &str,
        some: fn(&mut Enc, &Value, &str) -> Res,
    ) -> Res {
        match v {
            None | Some(Value::Null) => {
                self.0.push(0);
                Ok(())
            }
            Some(v) => {
                self.0.push(1);
                some(self, v, at)
            }
        }
    }

    fn assessment(&mut self, v: &Value, at: &str) -> Res {
        let a = self.object(v, at, &["level", "reason"])?;
        let level = match a.get("level").and_then(Value::as_str) {
            Some("routine") => 0,
            Some("soon") => 1,
            Some("urgent") => 2,
            _ => return Err(format!("{at}: bad urgency level")),
        };
        self.0.push(level);
        self.text(a.get("reason"), at)
    }

    fn days_left_rule(&mut self, v: &Value, at: &str) -> Res {
        let r = self.object(v, at, &["min", "max", "urgency"])?;
        for key in ["min", "max"] {
            self.option(r.get(key), at, |e, v, at| {
                let n = v
                    .as_i64()
                    .ok_or_else(|| format!("{at}: expected an integer"))?;
                // Zigzag, so small negative bounds stay one byte.
                e.len(((n << 1) ^ (n >> 63)) as u64 as usize);
                Ok(())
            })?;
        }
        self.assessment(field(r, "urgency", at)?, at)
    }

    /// A guard's condition: a tag byte for its form, then its fields. Clock states and
    /// deadline ids are checked here, so a guard naming a state or deadline that does not
    /// exist stops the build.
    fn condition(&mut self, v: &Value, at: &str) -> Res {
        let c = self.object(
            v,
            at,
            &[
                "question", "fact", "deadline", "setting", "any", "in", "known", "state",
                "answered",
            ],
        )?;
        let form = if c.contains_key("answered") {
            Some(5)
        } else {
            ["question", "fact", "deadline", "setting", "any"]
                .iter()
                .position(|k| c.contains_key(*k))
        };
        let form = form.ok_or_else(|| {
            format!("{at}: a condition needs a question, fact, deadline, setting or any")
        })?;
        self.0.push(form as u8);
        match form {
            1 => {
                self.string(c.get("fact"), at)?;
                let known = c
                    .get("known")
                    .and_then(Value::as_bool)
                    .ok_or_else(|| format!("{at}: `known` must be true or false"))?;
                self.0.push(u8::from(known));
                Ok(())
            }
            2 => {
                let id = c.get("deadline").and_then(Value::as_str).unwrap_or("");
                if !rule_ids().iter().any(|r| r == id) {
                    return Err(format!("{at}: unknown deadline `{id}` in a guard"));
                }
                self.string(c.get("deadline"), at)?;
                self.list(Self::required(c.get("state"), at)?, at, |e, v, at| {
                    let state = v
                        .as_str()
                        .and_then(|s| CLOCK_STATE_IDS.iter().position(|c| *c == s));
                    let state = state.ok_or_else(|| format!("{at}: unknown clock state {v}"))?;
                    e.0.push(state as u8);
                    Ok(())
                })
            }
            4 => self.list(c.get("any"), at, Enc::condition),
            5 => {
                self.string(c.get("question"), at)?;
                let answered = c.get("answered").and_then(Value::as_bool);
                let answered =
                    answered.ok_or_else(|| format!("{at}: `answered` must be true or false"))?;
                self.0.push(u8::from(answered));
                Ok(())
            }
            _ => {
                self.string(c.get(["question", "", "", "setting"][form]), at)?;
                self.strings(Self::required(c.get("in"), at)?, at)
            }
        }
    }

    /// A text with an optional guard.
    fn line(&mut self, v: &Value, at: &str) -> Res {
        let l = self.object(v, at, &["en", "es", "when"])?;
        std::mem::swap(&mut self.0, &mut self.3);
        let en = self.raw(l.get("en"), at);
        std::mem::swap(&mut self.0, &mut self.3);
        en?;
        std::mem::swap(&mut self.0, &mut self.1);
        let es = self.raw(l.get("es"), at);
        std::mem::swap(&mut self.0, &mut self.1);
        es?;
        self.list(l.get("when"), at, Enc::condition)
    }

    /// An id, plain or with a guard.
    fn pick(&mut self, v: &Value, at: &str) -> Res {
        if v.is_string() {
            self.string(Some(v), at)?;
            self.len(0);
            return Ok(());
        }
        let p = self.object(v, at, &["id", "when"])?;
        self.string(p.get("id"), at)?;
        self.list(Self::required(p.get("when"), at)?, at, Enc::condition)
    }

    fn lines(&mut self, v: Option<&Value>, at: &str) -> Res {
        self.list(v, at, Enc::line)
    }

    fn picks(&mut self, v: Option<&Value>, at: &str) -> Res {
        self.list(v, at, Enc::pick)
    }

    fn guide(&mut self, v: &Value, at: &str) -> Res {
        let g = self.object(
            v,
            at,
            &[
                "id",
                "title",
                "description",
                "questions",
                "urgency",
                "rules",
                "channels",
                "steps",
                "prepare",
                "can",
                "cannot",
                "escalations",
                "deadlines",
                "letters",
                "blocks",
            ],
        )?;
        self.string(g.get("id"), at)?;
        self.text(g.get("title"), at)?;
        self.text(g.get("description"), at)?;
        self.picks(g.get("questions"), at)?;
        self.assessment(field(g, "urgency", at)?, at)?;
        self.list(g.get("rules"), at, Enc::rule)?;
        self.list(Self::required(g.get("channels"), at)?, at, Enc::channel_fit)?;
        for key in ["steps", "prepare", "can", "cannot"] {
            self.lines(Self::required(g.get(key), at)?, at)?;
        }
        self.picks(Self::required(g.get("escalations"), at)?, at)?;
        self.picks(g.get("deadlines"), at)?;
        self.picks(g.get("letters"), at)?;
        self.picks(g.get("blocks"), at)
    }

    fn block(&mut self, v: &Value, at: &str) -> Res {
        let b = self.object(
            v,
            at,
            &[
                "id",
                "questions",
                "steps",
                "prepare",
                "can",
                "cannot",
                "escalations",
                "deadlines",
                "letters",
            ],
        )?;
        self.string(b.get("id"), at)?;
        self.picks(b.get("questions"), at)?;
        for key in ["steps", "prepare", "can", "cannot"] {
            self.lines(b.get(key), at)?;
        }
        self.picks(b.get("escalations"), at)?;
        self.picks(b.get("deadlines"), at)?;
        self.picks(b.get("letters"), at)
    }

    fn rule(&mut self, v: &Value, at: &str) -> Res {
        let r = self.object(
            v,
            at,
            &[
                "when",
                "urgency",
                "channels_first",
                "steps",
                "add_escalations",
                "add_deadlines",
                "add_letters",
            ],
        )?;
        self.list(Self::required(r.get("when"), at)?, at, Enc::condition)?;
        self.option(r.get("urgency"), at, Enc::assessment)?;
        self.strings(r.get("channels_first"), at)?;
        self.texts(r.get("steps"), at)?;
        self.strings(r.get("add_escalations"), at)?;
        self.strings(r.get("add_deadlines"), at)?;
        self.strings(r.get("add_letters"), at)
    }

    fn channel_fit(&mut self, v: &Value, at: &str) -> Res {
        let c = self.object(v, at, &["id", "why", "when"])?;
        self.string(c.get("id"), at)?;
        self.text(c.get("why"), at)?;
        self.list(c.get("when"), at, Enc::condition)
    }

    fn question(&mut self, v: &Value, at: &str) -> Res {
        let q = self.object(v, at, &["id", "kind", "prompt", "help", "fact"])?;
        self.string(q.get("id"), at)?;
        match field(q, "kind", at)? {
            Value::String(s) if s == "yes_no" => self.0.push(0),
            Value::String(s) if s == "date" => self.0.push(2),
            Value::String(s) if s == "day_of_month" => self.0.push(3),
            kind => {
                let choice = self.object(kind, at, &["choice"])?;
                self.0.push(1);
                self.list(Some(field(choice, "choice", at)?), at, |e, v, at| {
                    let o = e.object(v, at, &["id", "label"])?;
                    e.string(o.get("id"), at)?;
                    e.text(o.get("label"), at)
                })?;
            }
        }
        self.text(q.get("prompt"), at)?;
        self.text(q.get("help"), at)?;
        // One fact id, or a list of them.
        match q.get("fact") {
            Some(Value::String(_)) => {
                self.strings(Some(&Value::Array(vec![q["fact"].clone()])), at)
            }
            fact => self.strings(fact, at),
        }
    }

    fn channel(&mut self, v: &Value, at: &str) -> Res {
        let c = self.object(v, at, &["id", "name", "fallback", "config_key"])?;
        self.string(c.get("id"), at)?;
        self.text(c.get("name"), at)?;
        self.text(c.get("fallback"), at)?;
        self.option(c.get("config_key"), at, |e, v, at| e.string(Some(v), at))
    }

    fn escalation(&mut self, v: &Value, at: &str) -> Res {
        let x = self.object(v, at, &["id", "title", "text", "deadlines"])?;
        self.string(x.get("id"), at)?;
        self.text(x.get("title"), at)?;
        self.text(x.get("text"), at)?;
        self.strings(x.get("deadlines"), at)
    }
}
