//! The plan: what the screen, the print view, the letters and the `.ics` export render.
//!
//! [`plan`] is the single entry point. It resolves every deadline whose facts are present
//! and words each one in the case's language, keeping machine fields beside the text so
//! renderers never have to parse prose.

mod advice;
mod cite;

pub use advice::{Advice, Contact, Next};
pub use cite::Citation;

use serde::Serialize;
use time::Weekday;

use crate::engine::calendar::{holidays, sub_days, BusinessCalendar, Closure, IsoDate};
use crate::engine::case::{Case, CaseError, Fact};
use crate::engine::classify::{classify, Classification};
use crate::engine::clock::{ClockState, MET_BY};
use crate::engine::config::{ConfigIssue, HostConfig};
use crate::engine::deadlines::{resolve_all, Resolved};
use crate::engine::kb::{kb, Answers, Situation};
use crate::engine::locale::{Locale, Text};
use crate::engine::rules::{
    rule, text, Anchor, Counting, Kind, MailBy, Party, Status, Unit, CONVENTIONS, MAIL_TRANSIT_DAYS,
};
use crate::engine::template::fill;
use crate::engine::topic::Topic;
use crate::engine::triage::{answer_facts, triage, TriageError, TriageInput};

/// Everything the widget shows for a case.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plan {
    pub today: IsoDate,
    pub locale: Locale,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<Topic>,
    /// The counting conventions, in the case's language.
    pub conventions: Vec<String>,
    pub disclaimer: String,
    /// What counts as a business day for this case, and where the holidays come from.
    pub business_days: BusinessDays,
    /// Sorted by date.
    pub deadlines: Vec<Deadline>,
    /// How the case's `text` was read, when the topic came from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub classification: Option<Classification>,
    /// Urgency, channels, steps and escalation: present when the topic is known.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub advice: Option<Advice>,
    /// Problems in the case's `config`; the plan used the valid rest.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub config_issues: Vec<ConfigIssue>,
    /// The answers the plan was resolved from, so the letters can use them ("charged
    /// twice" fills what went wrong). Not part of the JSON contract: the case has them.
    #[serde(skip)]
    pub answers: Answers,
}

impl Plan {
    /// Whether a deadline was counted in business days or moved to the next one: only
    /// then does the plan need to say which days are business days (Monday to Friday
    /// except Federal Reserve holidays); elsewhere that note only raises a question.
    pub fn counts_business_days(&self) -> bool {
        self.deadlines
            .iter()
            .any(|d| d.unit == Unit::BusinessDays || d.rolled_from.is_some())
    }
}

/// One computed deadline. The first nine fields are the original contract; the rest are
/// for renderers (links, machine-readable counting, countdowns, mail advice).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub id: String,
    pub date: IsoDate,
    pub party: Party,
    pub citation: String,
    /// How the date was counted, in words.
    pub counting: String,
    /// The fact and date that started the clock, in words.
    pub starts: String,
    pub estimate: bool,
    pub status: Status,
    /// What the date means; says so when the rule is not law in force.
    pub summary: String,
    pub source_url: Option<String>,
    /// `citation` part by part, each in words and linked to its own official text.
    pub citations: Vec<Citation>,
    pub unit: Unit,
    pub length: u32,
    /// For billing cycles: the calendar-day cap.
    pub cap_days: Option<u32>,
    pub anchor: Anchor,
    pub kind: Kind,
    pub start_fact: Fact,
    pub start_date: IsoDate,
    pub estimate_reason: Option<String>,
    /// The day the rule was last checked (the same as `checked`; kept for consumers
    /// that read it before `checked` existed).
    pub as_of: IsoDate,
    /// The operative words of the law or policy the rule rests on, as written there.
    pub law_text: String,
    /// The day the rule was last checked against its sources.
    pub checked: IsoDate,
    /// Which day of the period the start date is: `day_zero` ("N days after"),
    /// `beginning_on` (the start is day 1) or `before` (counted back from the start).
    pub convention: Counting,
    /// Days from `today` to `date`; negative once passed.
    pub days_left: i64,
    /// Where the clock stands today: what the advice around the date follows.
    pub state: ClockState,
    /// For deadlines by which something must be received by mail.
    pub mail_by: Option<MailAdvice>,
    /// The date is a weekend, holiday or issuer closing day.
    pub non_business_day: bool,
    /// The due date before the next-business-day rule moved it.
    pub rolled_from: Option<IsoDate>,
    /// Set when a date that does not roll forward lands on a non-business day.
    pub warning: Option<String>,
}

/// The business-day calendar a plan was counted on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BusinessDays {
    pub description: String,
    pub source: String,
    pub source_url: String,
    /// `source` part by part, each in words and linked to its own text.
    pub citations: Vec<Citation>,
    pub as_of: IsoDate,
    /// The case's `calendar` changed the default days.
    pub issuer_adjusted: bool,
}

/// A suggested mailing date, which is advice and labelled as such.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MailAdvice {
    pub date: IsoDate,
    pub days_left: i64,
    pub note: String,
}

const DISCLAIMER: Text<&str> = text(
    "General information, not legal advice. Check the dates against your statement and card agreement.",
    "Información general, no asesoría legal. Compare las fechas con su estado de cuenta y su contrato de tarjeta.",
);

const BUSINESS_DAYS: Text<&str> = text(
    "Monday to Friday, except Federal Reserve holidays: our stand-in for the days your card company is open for business.",
    "De lunes a viernes, salvo los feriados de la Reserva Federal: nuestra aproximación a los días en que su compañía abre para atender al público.",
);

const BUSINESS_DAYS_ADJUSTED: Text<&str> = text(
    "Monday to Friday, except Federal Reserve holidays, adjusted to your card company's own schedule.",
    "De lunes a viernes, salvo los feriados de la Reserva Federal, ajustado al calendario de su compañía de tarjeta.",
);

const POLICY_NOTE: Text<&str> = text(
    "This is a company, agency or card network policy, not a law.",
    "Es una política de una empresa, agencia o red de tarjetas, no una ley.",
);

const UNVERIFIED_NOTE: Text<&str> = text(
    "We could not confirm this rule; check it with your card company.",
    "No pudimos confirmar esta regla; consúltela con la compañía de su tarjeta.",
);

const MAIL_NOTE: Text<&str> = text(
    "Mailing it? Send it by this date, with tracking if you can. This allows 7 days for the mail: our advice, not a legal rule.",
    "¿Lo envía por correo? Mándelo a más tardar en esta fecha, con seguimiento si puede. Así deja 7 días para el correo: es un consejo nuestro, no una regla legal.",
);

/// Words for a template: `{n}` and similar placeholders are filled in by [`fill`].
struct Words {
    one: Text<&'static str>,
    many: Text<&'static str>,
}

const fn words(
    one_en: &'static str,
    one_es: &'static str,
    many_en: &'static str,
    many_es: &'static str,
) -> Words {
    Words {
        one: text(one_en, one_es),
        many: text(many_en, many_es),
    }
}

/// How each unit is counted under each convention, for one and for `{n}`. Billing
/// cycles also use `{nth}`, `{day}` (the closing day) and `{cap}` (the day cap).
const UNIT_WORDS: [((Counting, Unit), Words); 7] = [
    (
        (Counting::DayZero, Unit::CalendarDays),
        words(
            "1 calendar day after the start date (day 0).",
            "1 día calendario después de la fecha de inicio (día 0).",
            "{n} calendar days after the start date (day 0).",
            "{n} días calendario después de la fecha de inicio (día 0).",
        ),
    ),
    (
        (Counting::DayZero, Unit::BusinessDays),
        words(
            "The next business day after the start date (weekends and holidays don't count).",
            "El siguiente día hábil después de la fecha de inicio (sin contar fines de semana ni feriados).",
            "{n} business days after the start date (weekends and holidays don't count).",
            "{n} días hábiles después de la fecha de inicio (sin contar fines de semana ni feriados).",
        ),
    ),
    (
        (Counting::DayZero, Unit::Months),
        words(
            "1 calendar month after the start date (same day of the month, or the last day of a shorter month).",
            "1 mes calendario después de la fecha de inicio (el mismo día del mes, o el último día de un mes más corto).",
            "{n} calendar months after the start date (same day of the month, or the last day of a shorter month).",
            "{n} meses calendario después de la fecha de inicio (el mismo día del mes, o el último día de un mes más corto).",
        ),
    ),
    (
        (Counting::BeginningOn, Unit::CalendarDays),
        words(
            "The start date itself: a 1-day period beginning on it.",
            "La misma fecha de inicio: un período de 1 día que comienza ese día.",
            "The last day of the {n}-day period beginning on the start date (the start date is day 1).",
            "El último día del período de {n} días que comienza en la fecha de inicio (la fecha de inicio es el día 1).",
        ),
    ),
    (
        (Counting::BeginningOn, Unit::Years),
        words(
            "The last day of the 1-year period beginning on the start date: the day before its anniversary.",
            "El último día del período de 1 año que comienza en la fecha de inicio: el día antes de su aniversario.",
            "The last day of the {n}-year period beginning on the start date: the day before its anniversary.",
            "El último día del período de {n} años que comienza en la fecha de inicio: el día antes de su aniversario.",
        ),
    ),
    (
        (Counting::Before, Unit::BusinessDays),
        words(
            "The last business day before the date (weekends and holidays don't count).",
            "El último día hábil antes de la fecha (sin contar fines de semana ni feriados).",
            "{n} business days before the date, not counting the date itself (weekends and holidays don't count).",
            "{n} días hábiles antes de la fecha, sin contar esa fecha (ni fines de semana ni feriados).",
        ),
    ),
    (
        (Counting::DayZero, Unit::BillingCycles),
        words(
            "The earlier of: the end of the first complete billing cycle after the cycle in which it arrived (your cycles close on day {day}), or {cap} days after it arrived.",
            "Lo que ocurra primero: el cierre del primer ciclo de facturación completo después del ciclo en que llegó (sus ciclos cierran el día {day}), o {cap} días después de que llegó.",
            "The earlier of: the end of the {nth} complete billing cycle after the cycle in which it arrived (your cycles close on day {day}), or {cap} days after it arrived.",
            "Lo que ocurra primero: el cierre del {nth} ciclo de facturación completo después del ciclo en que llegó (sus ciclos cierran el día {day}), o {cap} días después de que llegó.",
        ),
    ),
];

const SAME_DAY: Text<&str> = text(
    "The same day as the start date.",
    "El mismo día de la fecha de inicio.",
);

/// What starts the clock, said after the length (nothing for a plain event).
const ANCHOR_WORDS: [(Anchor, Text<&str>); 2] = [
    (
        Anchor::Received,
        text(
            "The clock starts when it was received.",
            "El plazo empieza cuando se recibió.",
        ),
    ),
    (
        Anchor::Sent,
        text(
            "The clock starts when it was sent, not when it arrived.",
            "El plazo empieza cuando se envió, no cuando llegó.",
        ),
    ),
];

/// What meets the deadline, for kinds where receipt and sending differ.
const KIND_WORDS: [(Kind, Text<&str>); 2] = [
    (
        Kind::ReceiveBy,
        text(
            "It must arrive by this date; mailing it that day is too late.",
            "Debe llegar a más tardar en esta fecha; enviarlo ese día es demasiado tarde.",
        ),
    ),
    (
        Kind::SendBy,
        text(
            "Sending it by this date is enough.",
            "Basta con enviarlo a más tardar en esta fecha.",
        ),
    ),
];

const ROLL_FORWARD: Text<&str> = text(
    "A mailed payment due on a day the company gets no mail (a Sunday or a holiday, for example) is on time if it arrives the next day it gets mail.",
    "Un pago por correo que vence un día en que la compañía no recibe correo (por ejemplo, un domingo o un feriado) llega a tiempo si llega el siguiente día en que recibe correo.",
);

const SATURDAY_MAIL: Text<&str> = text(
    "This date is a Saturday. If your card company gets no mail on Saturdays, a mailed payment that arrives by {date} is still on time.",
    "Esta fecha cae en sábado. Si su compañía no recibe correo los sábados, un pago por correo que llegue a más tardar el {date} sigue a tiempo.",
);

/// How the start is named when a fallback counted from the next cycle closing.
const FROM_CLOSING_STARTS: Text<&str> = text(
    "First closing date on or after the transaction",
    "Primer cierre en la fecha de la transacción o después",
);

const CLOSED_WEEKEND: Text<&str> = text("This date is a {weekday}", "Esta fecha cae en {weekday}");

const CLOSED_HOLIDAY: Text<&str> = text(
    "This date is a holiday ({holiday})",
    "Esta fecha es feriado ({holiday})",
);

const CLOSED_BY_ISSUER: Text<&str> = text(
    "Your card company is closed this day",
    "Su compañía de tarjeta está cerrada ese día",
);

const DOES_NOT_MOVE: Text<&str> = text(
    "{closed}, and this deadline does not move to the next business day.",
    "{closed}, y este plazo no pasa al siguiente día hábil.",
);

const FINISH_BY: Text<&str> = text(
    "To be safe, finish by {date}.",
    "Para mayor seguridad, termine a más tardar el {date}.",
);

const UNVERIFIED_AS_OF: Text<&str> = text("(as of {date})", "(al {date})");

const WEEKDAYS: [(Weekday, Text<&str>); 7] = [
    (Weekday::Monday, text("Monday", "lunes")),
    (Weekday::Tuesday, text("Tuesday", "martes")),
    (Weekday::Wednesday, text("Wednesday", "miércoles")),
    (Weekday::Thursday, text("Thursday", "jueves")),
    (Weekday::Friday, text("Friday", "viernes")),
    (Weekday::Saturday, text("Saturday", "sábado")),
    (Weekday::Sunday, text("Sunday", "domingo")),
];

/// The entry for `key` in a small wording table.
fn lookup<K: PartialEq, V>(table: &'static [(K, V)], key: K) -> Option<&'static V> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
}

/// The plan for a case, with the host config the case carries (if any).
///
/// A bad case (dates outside 1990–2100, answers the topic does not ask) is an error
/// naming the field; a bad config key is only reported in `config_issues`.
pub fn plan(case: &Case) -> Result<Plan, CaseError> {
    let (host, issues) = host_config(case);
    let mut plan = resolve(case, &host)?;
    plan.config_issues = issues;
    Ok(plan)
}

/// The host config a case carries (the default when it carries none), with its problems.
pub(crate) fn host_config(case: &Case) -> (HostConfig, Vec<ConfigIssue>) {
    case.config.as_ref().map_or_else(
        || (HostConfig::default(), Vec::new()),
        HostConfig::from_value,
    )
}

/// What the plan and the question flow both read from a case: the case with its topic
/// and answered facts, the deadlines dated from it, and the situation the knowledge
/// base's guards test. One reading, so the questions asked and the advice given can
/// never see different facts.
pub(crate) struct Reading {
    pub case: Case,
    pub classification: Option<Classification>,
    pub issuer_adjusted: bool,
    pub deadlines: Vec<Deadline>,
    pub situation: Situation,
}

/// Reads a case: validates it, decides the topic, fills facts from answers and dates
/// every deadline whose facts are known.
pub(crate) fn read(case: &Case, host: &HostConfig) -> Result<Reading, CaseError> {
    case.validate()?;
    // Free text decides the topic only when none was chosen: a tapped tile wins.
    let classification = match (&case.topic, &case.text) {
        (None, Some(text)) => {
            Some(classify(text).map_err(|e| CaseError::new("text", e.to_string()))?)
        }
        _ => None,
    };
    // Only a confident reading picks the topic: "a question about my bill" must not get a
    // "no deadline" plan while a billing-error clock may be running.
    let topic = case.topic.or(classification
        .as_ref()
        .filter(|c| c.confident)
        .map(Classification::top));
    let case = with_answered_facts(&Case {
        topic,
        ..case.clone()
    })?;
    let issuer_adjusted = case.calendar.is_some() || !host.calendar.is_empty();
    let calendar = case.business_calendar(&host.calendar);
    let deadlines: Vec<Deadline> = resolve_all(&case.facts, &calendar)
        .iter()
        .map(|r| deadline(r, &case, &calendar))
        .collect();
    let situation = Situation {
        known_facts: case.facts.known_ids(),
        clocks: deadlines
            .iter()
            .filter_map(|d| Some((rule(&d.id)?.id, d.state)))
            .collect(),
        settings: host.settings(),
    };
    Ok(Reading {
        case,
        classification,
        issuer_adjusted,
        deadlines,
        situation,
    })
}

/// The plan for a case and an already-parsed host config: the one resolver behind the
/// CLI, the JS API, the screen, the print view, the letters and the `.ics` export.
pub fn resolve(case: &Case, host: &HostConfig) -> Result<Plan, CaseError> {
    let Reading {
        case,
        classification,
        issuer_adjusted,
        deadlines,
        situation,
    } = read(case, host)?;
    let locale = case.locale;
    let advice = match case.topic {
        Some(topic) => {
            let input = TriageInput {
                topic,
                answers: case.answers.clone(),
                days_left: advice::nearest_days_left(&deadlines),
                locale,
                situation,
            };
            let triage = triage(&input).map_err(answer_error)?;
            Some(Advice::new(triage, host, locale).with_dates(&deadlines, locale))
        }
        None => None,
    };
    Ok(Plan {
        today: case.today,
        locale,
        topic: case.topic,
        conventions: CONVENTIONS
            .iter()
            .map(|c| c.text.get(locale).to_string())
            .collect(),
        disclaimer: DISCLAIMER.get(locale).to_string(),
        business_days: BusinessDays {
            description: if issuer_adjusted {
                BUSINESS_DAYS_ADJUSTED
            } else {
                BUSINESS_DAYS
            }
            .get(locale)
            .to_string(),
            source: holidays::SOURCE.to_string(),
            source_url: holidays::SOURCE_URL.to_string(),
            citations: cite::citations(holidays::SOURCE, Some(holidays::SOURCE_URL), locale),
            as_of: holidays::AS_OF.into(),
            issuer_adjusted,
        },
        deadlines,
        classification,
        advice,
        config_issues: Vec::new(),
        answers: case.answers,
    })
}

/// A rejected answer, named by its question (`answers.still_have_card`).
fn answer_error(e: TriageError) -> CaseError {
    let field = match &e {
        TriageError::UnknownQuestion { question, .. }
        | TriageError::InvalidAnswer { question, .. } => format!("answers.{question}"),
        TriageError::Kb(_) => "answers".to_string(),
    };
    CaseError::new(&field, e.to_string())
}

/// The case with the facts its answers fill (a date question fills the fact of the same
/// name). A fact given explicitly wins over an answer.
fn with_answered_facts(case: &Case) -> Result<Case, CaseError> {
    if case.answers.is_empty() {
        return Ok(case.clone());
    }
    let topic = case
        .topic
        .ok_or_else(|| CaseError::new("answers", "answers need a topic"))?;
    let answered = answer_facts(topic, &case.answers).map_err(answer_error)?;
    let mut facts = case.facts.clone();
    facts
        .fill_missing(&answered)
        .map_err(|e| CaseError::new("answers", e.message))?;
    let answered_case = Case {
        facts,
        ..case.clone()
    };
    answered_case
        .validate()
        .map_err(|e| on_answer_field(e, case))?;
    Ok(answered_case)
}

/// A problem with a fact that an answer filled (the case's own `facts` did not have
/// it) is reported on that answer (`answers.statement_sent`), the field the person typed.
fn on_answer_field(e: CaseError, case: &Case) -> CaseError {
    let fact = e.field.strip_prefix("facts.").and_then(Fact::from_id);
    let question = fact
        .filter(|&f| case.facts.text(f).is_none())
        .and_then(|f| {
            let kb = kb().ok()?;
            case.answers.iter().map(|(q, _)| q).find(|q| {
                kb.question(q)
                    .is_some_and(|q| q.fact.iter().any(|id| id == f.id()))
            })
        });
    match question {
        Some(q) => CaseError {
            field: format!("answers.{q}"),
            ..e
        },
        None => e,
    }
}

fn deadline(r: &Resolved, case: &Case, calendar: &BusinessCalendar) -> Deadline {
    let rule = r.rule;
    let locale = case.locale;
    let days_until = |d: time::Date| (d - case.today.0).whole_days();
    let closure = calendar.closure(r.date);
    let mail_by = mail_advice(r, case, calendar).map(|date| MailAdvice {
        date: date.into(),
        days_left: days_until(date),
        note: MAIL_NOTE.get(locale).to_string(),
    });
    Deadline {
        id: rule.id.to_string(),
        date: r.date.into(),
        party: rule.party,
        citation: rule.citation.to_string(),
        counting: counting(r, case, locale),
        starts: format!(
            "{}: {}",
            if r.from_closing {
                FROM_CLOSING_STARTS.get(locale)
            } else {
                r.start_fact.label(locale)
            },
            IsoDate(r.start_date).long(locale)
        ),
        estimate: r.estimate_reason.is_some(),
        status: rule.status,
        summary: summary(r, locale),
        source_url: rule.source_url.map(str::to_string),
        citations: cite::citations(rule.citation, rule.source_url, locale),
        unit: r.unit,
        length: r.length,
        cap_days: rule.cap_days,
        anchor: rule.anchor,
        kind: rule.kind,
        start_fact: r.start_fact,
        start_date: r.start_date.into(),
        estimate_reason: r.estimate_reason.map(|t| t.get(locale).to_string()),
        as_of: rule.checked.into(),
        law_text: rule.law_text.to_string(),
        checked: rule.checked.into(),
        convention: rule.counting,
        days_left: days_until(r.date),
        state: clock_state(r, case, days_until(r.date), mail_by.as_ref()),
        mail_by,
        non_business_day: closure.is_some(),
        rolled_from: r.rolled_from.map(IsoDate),
        warning: match closure {
            Some(c) if !r.roll_forward => Some(warning(r, c, calendar, locale)),
            _ => saturday_mail(r, calendar, locale),
        },
    }
}

/// Where a deadline's clock stands: met when the case records the act that meets it on
/// time, else by the days left.
fn clock_state(
    r: &Resolved,
    case: &Case,
    days_left: i64,
    mail_by: Option<&MailAdvice>,
) -> ClockState {
    let done = MET_BY
        .iter()
        .find(|(id, _)| *id == r.rule.id)
        .and_then(|(_, fact)| case.facts.date(Fact::from_id(fact)?));
    match done {
        Some(done) if done <= r.date => ClockState::Met,
        _ => ClockState::of(days_left, mail_by.map(|m| m.days_left)),
    }
}

/// For a mailed payment due on a Saturday the issuer is assumed to get mail: the day it
/// would be due if the issuer takes no Saturday mail (12 CFR 1026.10(d)).
fn saturday_mail(r: &Resolved, calendar: &BusinessCalendar, locale: Locale) -> Option<String> {
    if !r.roll_forward || r.date.weekday() != Weekday::Saturday {
        return None;
    }
    let next = calendar
        .clone()
        .with_mail_on_saturday(false)
        .mail_day_on_or_after(r.date)?;
    let date = IsoDate(next).long(locale);
    Some(fill(SATURDAY_MAIL.get(locale), &[("date", &date)]))
}

/// The rule's summary, plus the caveat every rule that is not law in force must carry.
fn summary(r: &Resolved, locale: Locale) -> String {
    let base = r.rule.summary.get(locale);
    match r.rule.status {
        Status::InForce => base.to_string(),
        Status::Policy => format!("{base} {}", POLICY_NOTE.get(locale)),
        Status::Unverified => {
            let as_of = IsoDate(r.rule.checked).long(locale);
            let when = fill(UNVERIFIED_AS_OF.get(locale), &[("date", &as_of)]);
            format!("{base} {} {when}", UNVERIFIED_NOTE.get(locale))
        }
    }
}

/// How the date was counted, in words: the length and unit, then what starts the clock
/// and what meets the deadline.
fn counting(r: &Resolved, case: &Case, locale: Locale) -> String {
    let n = r.length;
    let length = match lookup(&UNIT_WORDS, (r.rule.counting, r.unit)) {
        _ if n == 0 => SAME_DAY.get(locale),
        Some(w) if n == 1 => w.one.get(locale),
        Some(w) => w.many.get(locale),
        None => "",
    };
    let nth = match locale {
        Locale::En => ordinal_en(n),
        Locale::Es => format!("{n}.º"),
    };
    let day = case
        .facts
        .cycle_closing_day
        .map_or(String::new(), |d| d.get().to_string());
    let cap = r.rule.cap_days.map_or(String::new(), |c| c.to_string());
    let mut text = fill(
        length,
        &[
            ("n", &n.to_string()),
            ("nth", &nth),
            ("day", &day),
            ("cap", &cap),
        ],
    );
    let then = [
        lookup(&ANCHOR_WORDS, r.rule.anchor),
        lookup(&KIND_WORDS, r.rule.kind),
        r.roll_forward.then_some(&ROLL_FORWARD),
    ];
    for t in then.into_iter().flatten() {
        text.push(' ');
        text.push_str(t.get(locale));
    }
    text
}

/// "2nd", "3rd", "11th": English ordinals.
fn ordinal_en(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The "mail by" date for a deadline that must be received, when mail is a way to meet it.
fn mail_advice(r: &Resolved, case: &Case, calendar: &BusinessCalendar) -> Option<time::Date> {
    let offered = match r.rule.mail_by {
        MailBy::Never => false,
        MailBy::Always => true,
        MailBy::Unless(c) => !c.holds(&case.facts),
    };
    if !offered {
        return None;
    }
    calendar.on_or_before(sub_days(r.date, MAIL_TRANSIT_DAYS)?)
}

/// Why a date that does not move lands on a closed day, and for the cardholder's own
/// deadlines, the last business day before it.
fn warning(r: &Resolved, closure: Closure, calendar: &BusinessCalendar, locale: Locale) -> String {
    let closed = match closure {
        Closure::Weekend(w) => fill(
            CLOSED_WEEKEND.get(locale),
            &[(
                "weekday",
                lookup(&WEEKDAYS, w).map_or("", |t| t.get(locale)),
            )],
        ),
        Closure::Holiday(h) => fill(
            CLOSED_HOLIDAY.get(locale),
            &[("holiday", h.name.get(locale))],
        ),
        Closure::IssuerClosed => CLOSED_BY_ISSUER.get(locale).to_string(),
    };
    let mut text = fill(DOES_NOT_MOVE.get(locale), &[("closed", &closed)]);
    let cardholder_acts = r.rule.party == Party::Cardholder
        && matches!(r.rule.kind, Kind::ReceiveBy | Kind::SendBy | Kind::ActBy);
    let before = r.date.previous_day().and_then(|d| calendar.on_or_before(d));
    if let (true, Some(before)) = (cardholder_acts, before) {
        let date = IsoDate(before).long(locale);
        text.push(' ');
        text.push_str(&fill(FINISH_BY.get(locale), &[("date", &date)]));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::case::Facts;
    use time::macros::date;

    fn case(today: time::Date, facts: Facts) -> Case {
        Case {
            today: IsoDate(today),
            topic: None,
            locale: Locale::En,
            text: None,
            facts,
            calendar: None,
            answers: Default::default(),
            config: None,
        }
    }

    #[test]
    fn cases_built_in_code_get_the_same_date_range_check() {
        let old = case(date!(1900 - 01 - 01), Facts::default());
        assert_eq!(plan(&old).unwrap_err().field, "today");
        let facts = Facts {
            due_date: Some(IsoDate(date!(2200 - 01 - 01))),
            ..Facts::default()
        };
        let err = plan(&case(date!(2026 - 01 - 01), facts)).unwrap_err();
        assert_eq!(err.field, "facts.due_date");
    }

    #[test]
    fn days_left_is_negative_once_a_deadline_has_passed() {
        let facts = Facts {
            notice_received: Some(IsoDate(date!(2026 - 01 - 01))),
            ..Facts::default()
        };
        let p = plan(&case(date!(2026 - 02 - 05), facts)).unwrap();
        assert_eq!(p.deadlines[0].date, IsoDate(date!(2026 - 01 - 31)));
        assert_eq!(p.deadlines[0].days_left, -5);
    }

    #[test]
    fn every_rule_has_counting_words_for_its_convention_and_unit() {
        use crate::engine::rules::RULES;
        for r in RULES {
            assert!(
                lookup(&UNIT_WORDS, (r.counting, r.unit)).is_some(),
                "{}",
                r.id
            );
            if r.cycle_day_unknown.is_some() {
                assert!(lookup(&UNIT_WORDS, (r.counting, Unit::CalendarDays)).is_some());
            }
        }
    }

    #[test]
    fn templates_fill_every_placeholder() {
        assert_eq!(ordinal_en(2), "2nd");
        assert_eq!(ordinal_en(11), "11th");
        assert_eq!(ordinal_en(23), "23rd");
        for (_, w) in &UNIT_WORDS {
            for t in [&w.one, &w.many] {
                for locale in Locale::ALL {
                    let filled = fill(
                        t.get(locale),
                        &[("n", "2"), ("nth", "2nd"), ("day", "10"), ("cap", "90")],
                    );
                    assert!(!filled.contains('{'), "{filled}");
                }
            }
        }
    }
}
