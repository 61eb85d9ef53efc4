//! The knowledge base as the wasm build ships it: the JSON files compiled by the build script `kb/compile.rs`
//! into a positional binary form (fields in declaration order, LEB128 list lengths, strings ended by a 0 byte, ids as indices into a table that holds each once, absent
//! optional values as 0, English and Spanish texts each in a section of their own), read back here with a few small functions instead of serde's
//! JSON parser and a deserializer per KB type.
//!
//! Natively the result goes through the same validation as [`Kb::load`], and a test checks
//! that both paths build the same knowledge base from the shipped files; the wasm build
//! relies on that (see `Kb::assemble`).

use super::{
    Assessment, Block, Channel, ChannelFit, ChoiceOption, Condition, DaysLeftRule, Escalation, Kb,
    KbError, Line, Pick, Question, QuestionKind, QuestionsFile, Rule, TopicGuide, TopicsFile,
    Urgency, YesNoLabels,
};
use crate::engine::clock::ClockState;
use crate::engine::locale::Text;

/// The compiled knowledge base (see the build script, `kb/compile.rs`).
const COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/kb.bin"));

/// Decodes and validates the compiled knowledge base.
pub(super) fn load() -> Result<Kb, KbError> {
    decode(COMPILED)
}

fn decode(bytes: &[u8]) -> Result<Kb, KbError> {
    let mut r = Reader {
        bytes,
        pos: 0,
        en: 0,
        es: 0,
        bad: false,
        ids: Vec::new(),
    };
    // The lengths of the main section and of the English texts, then the main section
    // (the id table first), the English texts and the Spanish texts.
    let main_len = r.len();
    let en_len = r.len();
    let main_end = main_len.saturating_add(r.pos);
    r.en = main_end;
    r.es = en_len.saturating_add(main_end);
    let en_end = r.es;
    r.ids = r.list(Reader::raw);
    let topics = TopicsFile {
        days_left_rules: r.list(days_left_rule),
        blocks: r.list(block),
        topics: r.list(guide),
    };
    let questions = QuestionsFile {
        yes_no: YesNoLabels {
            yes: r.text(),
            no: r.text(),
        },
        questions: r.list(question),
    };
    let channels = r.list(channel);
    let escalations = r.list(escalation);
    if r.bad || r.pos != main_end || r.en != en_end || r.es != bytes.len() {
        return Err(KbError::Json {
            file: "kb.bin",
            message: "the compiled knowledge base is damaged".to_owned(),
        });
    }
    Kb::assemble(topics, questions, channels, escalations)
}

/// Reads values in order. Running past the end (or bad UTF-8) sets `bad` and yields
/// empty values, so decoding never panics; [`decode`] then reports the damage.
struct Reader<'a> {
    bytes: &'a [u8],
    /// The next value in the main section.
    pos: usize,
    /// The next English text.
    en: usize,
    /// The next Spanish text.
    es: usize,
    bad: bool,
    /// Every id, once; the sections refer to ids by their index here.
    ids: Vec<String>,
}

impl Reader<'_> {
    fn byte(&mut self) -> u8 {
        match self.bytes.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                b
            }
            None => {
                self.bad = true;
                0
            }
        }
    }

    /// An unsigned LEB128 number.
    fn len(&mut self) -> usize {
        let mut n = 0;
        let mut shift = 0;
        loop {
            let b = self.byte();
            n |= usize::from(b & 0x7f) << shift;
            shift += 7;
            if b < 0x80 || shift >= usize::BITS {
                return n;
            }
        }
    }

    /// An id, by its index in the id table.
    fn string(&mut self) -> String {
        let i = self.len();
        match self.ids.get(i) {
            Some(id) => id.clone(),
            None => {
                self.bad = true;
                String::new()
            }
        }
    }

    /// A string written out in full, up to its ending 0 byte.
    fn raw(&mut self) -> String {
        let bytes = self.bytes;
        let rest = bytes.get(self.pos..).unwrap_or_default();
        let text = rest.iter().position(|&b| b == 0).and_then(|end| {
            self.pos += end + 1;
            std::str::from_utf8(&rest[..end]).ok()
        });
        match text {
            Some(s) => s.to_owned(),
            None => {
                self.bad = true;
                String::new()
            }
        }
    }

    fn text(&mut self) -> Text {
        std::mem::swap(&mut self.pos, &mut self.en);
        let en = self.raw();
        std::mem::swap(&mut self.pos, &mut self.en);
        std::mem::swap(&mut self.pos, &mut self.es);
        let es = self.raw();
        std::mem::swap(&mut self.pos, &mut self.es);
        Text { en, es }
    }

    fn list<T>(&mut self, item: fn(&mut Self) -> T) -> Vec<T> {
        let n = self.len();
        let mut v = Vec::new();
        for _ in 0..n {
            if self.bad {
                break;
            }
            v.push(item(self));
        }
        v
    }

    fn strings(&mut self) -> Vec<String> {
        self.list(Self::string)
    }

    fn texts(&mut self) -> Vec<Text> {
        self.list(Self::text)
    }

    /// `Some` when the flag byte is set.
    fn option<T>(&mut self, some: fn(&mut Self) -> T) -> Option<T> {
        (self.byte() != 0).then(|| some(self))
    }
}

fn assessment(r: &mut Reader) -> Assessment {
    Assessment {
        level: match r.byte() {
            0 => Urgency::Routine,
            1 => Urgency::Soon,
            _ => Urgency::Urgent,
        },
        reason: r.text(),
    }
}

fn days_left_rule(r: &mut Reader) -> DaysLeftRule {
    let bound = |r: &mut Reader| {
        r.option(|r| {
            let n = r.len() as u64;
            ((n >> 1) as i64) ^ -((n & 1) as i64)
        })
    };
    DaysLeftRule {
        min: bound(r),
        max: bound(r),
        urgency: assessment(r),
    }
}

fn condition(r: &mut Reader) -> Condition {
    match r.byte() {
        0 => Condition::Answer {
            question: r.string(),
            any_of: r.strings(),
        },
        1 => Condition::Fact {
            fact: r.string(),
            known: r.byte() != 0,
        },
        2 => Condition::Deadline {
            deadline: r.string(),
            states: r.list(|r| {
                let i = usize::from(r.byte());
                ClockState::ALL.get(i).copied().unwrap_or_else(|| {
                    r.bad = true;
                    ClockState::Unknown
                })
            }),
        },
        3 => Condition::Setting {
            key: r.string(),
            any_of: r.strings(),
        },
        4 => Condition::Any(r.list(condition)),
        _ => Condition::Answered {
            question: r.string(),
            answered: r.byte() != 0,
        },
    }
}

fn line(r: &mut Reader) -> Line {
    let Text { en, es } = r.text();
    Line {
        en,
        es,
        when: r.list(condition),
    }
}

fn pick(r: &mut Reader) -> Pick {
    Pick {
        id: r.string(),
        when: r.list(condition),
    }
}

fn guide(r: &mut Reader) -> TopicGuide {
    TopicGuide {
        id: r.string(),
        title: r.text(),
        description: r.text(),
        questions: r.list(pick),
        urgency: assessment(r),
        rules: r.list(rule),
        channels: r.list(channel_fit),
        steps: r.list(line),
        prepare: r.list(line),
        can: r.list(line),
        cannot: r.list(line),
        escalations: r.list(pick),
        deadlines: r.list(pick),
        letters: r.list(pick),
        blocks: r.list(pick),
    }
}

fn block(r: &mut Reader) -> Block {
    Block {
        id: r.string(),
        questions: r.list(pick),
        steps: r.list(line),
        prepare: r.list(line),
        can: r.list(line),
        cannot: r.list(line),
        escalations: r.list(pick),
        deadlines: r.list(pick),
        letters: r.list(pick),
    }
}

fn rule(r: &mut Reader) -> Rule {
    Rule {
        when: r.list(condition),
        urgency: r.option(assessment),
        channels_first: r.strings(),
        steps: r.texts(),
        add_escalations: r.strings(),
        add_deadlines: r.strings(),
        add_letters: r.strings(),
    }
}

fn channel_fit(r: &mut Reader) -> ChannelFit {
    ChannelFit {
        id: r.string(),
        why: r.text(),
        when: r.list(condition),
    }
}

fn question(r: &mut Reader) -> Question {
    Question {
        id: r.string(),
        kind: match r.byte() {
            0 => QuestionKind::YesNo,
            1 => QuestionKind::Choice(r.list(|r| ChoiceOption {
                id: r.string(),
                label: r.text(),
            })),
            2 => QuestionKind::Date,
            _ => QuestionKind::DayOfMonth,
        },
        prompt: r.text(),
        help: r.text(),
        fact: r.strings(),
    }
}

fn channel(r: &mut Reader) -> Channel {
    Channel {
        id: r.string(),
        name: r.text(),
        fallback: r.text(),
        config_key: r.option(Reader::string),
    }
}

fn escalation(r: &mut Reader) -> Escalation {
    Escalation {
        id: r.string(),
        title: r.text(),
        text: r.text(),
        deadlines: r.strings(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::kb::SHIPPED;

    #[test]
    fn the_compiled_kb_equals_the_json_kb() {
        let json = Kb::load(SHIPPED).unwrap_or_else(|e| panic!("shipped KB is invalid: {e}"));
        assert!(
            !COMPILED.is_empty(),
            "the build script could not compile the KB; see its warning"
        );
        let compiled = load().unwrap_or_else(|e| panic!("compiled KB is invalid: {e}"));
        // Every KB type derives Debug, which prints every field.
        assert_eq!(format!("{compiled:#?}"), format!("{json:#?}"));
    }

    #[test]
    fn damaged_data_is_an_error_not_a_panic() {
        for cut in [0, 1, COMPILED.len() / 2, COMPILED.len() - 1] {
            assert!(matches!(
                decode(&COMPILED[..cut]),
                Err(KbError::Json { file: "kb.bin", .. })
            ));
        }
        let mut extra = COMPILED.to_vec();
        extra.push(0);
        assert!(decode(&extra).is_err());
    }
}
