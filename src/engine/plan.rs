//! The plan: what the screen, the print view, the letters and the `.ics` export render.
//!
//! [`plan`] is the single entry point. It resolves every deadline whose facts are present
//! and words each one in the case's language, keeping machine fields beside the text so
//! renderers never have to parse prose.

use serde::Serialize;
use time::Weekday;

use crate::engine::calendar::{sub_days, BusinessCalendar, Closure, IsoDate};
use crate::engine::case::{Case, CaseError, Fact};
use crate::engine::deadlines::{resolve_all, Resolved};
use crate::engine::locale::{Locale, Text};
use crate::engine::rules::{
    Anchor, Kind, MailBy, Party, Status, Unit, CONVENTIONS, MAIL_TRANSIT_DAYS,
};
use crate::engine::topic::Topic;

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
    /// Sorted by date.
    pub deadlines: Vec<Deadline>,
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
    pub unit: Unit,
    pub length: u32,
    /// For billing cycles: the calendar-day cap.
    pub cap_days: Option<u32>,
    pub anchor: Anchor,
    pub kind: Kind,
    pub start_fact: Fact,
    pub start_date: IsoDate,
    pub estimate_reason: Option<String>,
    pub as_of: IsoDate,
    /// Days from `today` to `date`; negative once passed.
    pub days_left: i64,
    /// For deadlines by which something must be received by mail.
    pub mail_by: Option<MailAdvice>,
    /// The date is a weekend, holiday or issuer closing day.
    pub non_business_day: bool,
    /// The due date before the next-business-day rule moved it.
    pub rolled_from: Option<IsoDate>,
    /// Set when a date that does not roll forward lands on a non-business day.
    pub warning: Option<String>,
}

/// A suggested mailing date, which is advice and labelled as such.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MailAdvice {
    pub date: IsoDate,
    pub days_left: i64,
    pub note: String,
}

const DISCLAIMER: Text<&str> = Text {
    en: "General information, not legal advice. Check the dates against your statement and card agreement.",
    es: "Información general, no asesoría legal. Compare las fechas con su estado de cuenta y su contrato de tarjeta.",
};

const POLICY_NOTE: Text<&str> = Text {
    en: "This is a company, agency or card network policy, not a law.",
    es: "Es una política de una empresa, agencia o red de tarjetas, no una ley.",
};

const UNVERIFIED_NOTE: Text<&str> = Text {
    en: "We could not confirm this rule; check it with your card company.",
    es: "No pudimos confirmar esta regla; consúltela con la compañía de su tarjeta.",
};

const MAIL_NOTE: Text<&str> = Text {
    en: "Mailing it? Send it by this date, with tracking if you can. This allows 7 days for the mail: our advice, not a legal rule.",
    es: "¿Lo envía por correo? Mándelo a más tardar en esta fecha, con seguimiento si puede. Así deja 7 días para el correo: es un consejo nuestro, no una regla legal.",
};

const ANCHOR_RECEIVED: Text<&str> = Text {
    en: "The clock starts when it was received.",
    es: "El plazo empieza cuando se recibió.",
};

const ANCHOR_SENT: Text<&str> = Text {
    en: "The clock starts when it was sent, not when it arrived.",
    es: "El plazo empieza cuando se envió, no cuando llegó.",
};

const KIND_RECEIVE_BY: Text<&str> = Text {
    en: "It must arrive by this date; mailing it that day is too late.",
    es: "Debe llegar a más tardar en esta fecha; enviarlo ese día es demasiado tarde.",
};

const KIND_SEND_BY: Text<&str> = Text {
    en: "Sending it by this date is enough.",
    es: "Basta con enviarlo a más tardar en esta fecha.",
};

const ROLL_FORWARD: Text<&str> = Text {
    en: "A mailed payment due on a day the company gets no mail is on time if it arrives the next business day.",
    es: "Un pago por correo que vence un día en que la compañía no recibe correo llega a tiempo si llega el siguiente día hábil.",
};

const WEEKDAYS: [(Weekday, &str, &str); 7] = [
    (Weekday::Monday, "Monday", "lunes"),
    (Weekday::Tuesday, "Tuesday", "martes"),
    (Weekday::Wednesday, "Wednesday", "miércoles"),
    (Weekday::Thursday, "Thursday", "jueves"),
    (Weekday::Friday, "Friday", "viernes"),
    (Weekday::Saturday, "Saturday", "sábado"),
    (Weekday::Sunday, "Sunday", "domingo"),
];

/// Resolves and words every deadline whose facts the case contains.
///
/// Fails only if the case's own dates are outside 1990–2100, which [`Case::from_json`]
/// already rejects; a case built in code gets the same check here.
pub fn plan(case: &Case) -> Result<Plan, CaseError> {
    case.validate()?;
    let calendar = case.business_calendar();
    let locale = case.locale;
    let deadlines = resolve_all(&case.facts, &calendar)
        .iter()
        .map(|r| deadline(r, case, &calendar))
        .collect();
    Ok(Plan {
        today: case.today,
        locale,
        topic: case.topic,
        conventions: CONVENTIONS
            .iter()
            .map(|c| c.text.get(locale).to_string())
            .collect(),
        disclaimer: DISCLAIMER.get(locale).to_string(),
        deadlines,
    })
}

fn deadline(r: &Resolved, case: &Case, calendar: &BusinessCalendar) -> Deadline {
    let rule = r.rule;
    let locale = case.locale;
    let days_until = |d: time::Date| (d - case.today.0).whole_days();
    let closure = calendar.closure(r.date);
    Deadline {
        id: rule.id.to_string(),
        date: r.date.into(),
        party: rule.party,
        citation: rule.citation.to_string(),
        counting: counting(r, case, locale),
        starts: format!(
            "{}: {}",
            r.start_fact.label(locale),
            IsoDate(r.start_date).long(locale)
        ),
        estimate: r.estimate_reason.is_some(),
        status: rule.status,
        summary: summary(r, locale),
        source_url: rule.source_url.map(str::to_string),
        unit: rule.unit,
        length: r.length,
        cap_days: rule.cap_days,
        anchor: rule.anchor,
        kind: rule.kind,
        start_fact: r.start_fact,
        start_date: r.start_date.into(),
        estimate_reason: r.estimate_reason.map(|t| t.get(locale).to_string()),
        as_of: rule.as_of.into(),
        days_left: days_until(r.date),
        mail_by: mail_advice(r, case, calendar).map(|date| MailAdvice {
            date: date.into(),
            days_left: days_until(date),
            note: MAIL_NOTE.get(locale).to_string(),
        }),
        non_business_day: closure.is_some(),
        rolled_from: r.rolled_from.map(IsoDate),
        warning: closure
            .filter(|_| !r.roll_forward)
            .map(|c| warning(r, c, calendar, locale)),
    }
}

/// The rule's summary, plus the caveat every rule that is not law in force must carry.
fn summary(r: &Resolved, locale: Locale) -> String {
    let base = r.rule.summary.get(locale);
    match r.rule.status {
        Status::InForce => base.to_string(),
        Status::Policy => format!("{base} {}", POLICY_NOTE.get(locale)),
        Status::Unverified => format!(
            "{base} {} ({})",
            UNVERIFIED_NOTE.get(locale),
            as_of_words(IsoDate(r.rule.as_of), locale)
        ),
    }
}

fn as_of_words(d: IsoDate, locale: Locale) -> String {
    match locale {
        Locale::En => format!("as of {}", d.long(locale)),
        Locale::Es => format!("al {}", d.long(locale)),
    }
}

/// How the date was counted, in words: the length and unit, then what starts and ends
/// the clock.
fn counting(r: &Resolved, case: &Case, locale: Locale) -> String {
    let n = r.length;
    let en = locale == Locale::En;
    let mut parts = vec![match r.rule.unit {
        Unit::CalendarDays if n == 0 => {
            if en { "On the start date itself.".to_string() } else { "En la misma fecha de inicio.".to_string() }
        }
        Unit::CalendarDays => {
            if en {
                format!("{n} calendar days after the start date (day 0).")
            } else {
                format!("{n} días naturales después de la fecha de inicio (día 0).")
            }
        }
        Unit::BusinessDays => match (en, n == 1) {
            (true, true) => "The next business day after the start date (weekends and holidays don't count).".to_string(),
            (true, false) => format!("{n} business days after the start date (weekends and holidays don't count)."),
            (false, true) => "El siguiente día hábil después de la fecha de inicio (sin contar fines de semana ni feriados).".to_string(),
            (false, false) => format!("{n} días hábiles después de la fecha de inicio (sin contar fines de semana ni feriados)."),
        },
        Unit::Years => match (en, n == 1) {
            (true, true) => "1 year after the start date (same month and day).".to_string(),
            (true, false) => format!("{n} years after the start date (same month and day)."),
            (false, true) => "1 año después de la fecha de inicio (mismo mes y día).".to_string(),
            (false, false) => format!("{n} años después de la fecha de inicio (mismo mes y día)."),
        },
        Unit::BillingCycles => {
            let day = case.facts.cycle_closing_day.map_or(0, |d| d.get());
            let cap = r.rule.cap_days.unwrap_or(0);
            if en {
                format!("The earlier of: the end of the {} complete billing cycle after the cycle in which it arrived (your cycles close on day {day}), or {cap} days after it arrived.", ordinal_en(n))
            } else {
                format!("Lo que ocurra primero: el cierre del {n}.º ciclo de facturación completo después del ciclo en que llegó (sus ciclos cierran el día {day}), o {cap} días después de que llegó.")
            }
        }
    }];
    match r.rule.anchor {
        Anchor::Received => parts.push(ANCHOR_RECEIVED.get(locale).to_string()),
        Anchor::Sent => parts.push(ANCHOR_SENT.get(locale).to_string()),
        Anchor::Event => {}
    }
    match r.rule.kind {
        Kind::ReceiveBy => parts.push(KIND_RECEIVE_BY.get(locale).to_string()),
        Kind::SendBy => parts.push(KIND_SEND_BY.get(locale).to_string()),
        Kind::ActBy | Kind::Ends | Kind::NotBefore => {}
    }
    if r.roll_forward {
        parts.push(ROLL_FORWARD.get(locale).to_string());
    }
    parts.join(" ")
}

/// "2nd", "3rd", "11th": English ordinals for small counts.
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
    let en = locale == Locale::En;
    let what = match closure {
        Closure::Weekend(w) => {
            let (_, wen, wes) = WEEKDAYS[usize::from(w.number_days_from_monday())];
            if en {
                format!("This date is a {wen}")
            } else {
                format!("Esta fecha cae en {wes}")
            }
        }
        Closure::Holiday(h) => {
            if en {
                format!("This date is a holiday ({})", h.name.en)
            } else {
                format!("Esta fecha es feriado ({})", h.name.es)
            }
        }
        Closure::IssuerClosed => {
            if en {
                "Your card company is closed this day".to_string()
            } else {
                "Su compañía de tarjeta está cerrada ese día".to_string()
            }
        }
    };
    let mut text = if en {
        format!("{what}, and this deadline does not move to the next business day.")
    } else {
        format!("{what}, y este plazo no pasa al siguiente día hábil.")
    };
    let cardholder_acts = r.rule.party == Party::Cardholder
        && matches!(r.rule.kind, Kind::ReceiveBy | Kind::SendBy | Kind::ActBy);
    if cardholder_acts {
        if let Some(before) = r.date.previous_day().and_then(|d| calendar.on_or_before(d)) {
            let before = IsoDate(before).long(locale);
            text.push_str(&if en {
                format!(" To be safe, finish by {before}.")
            } else {
                format!(" Para ir a la segura, termine a más tardar el {before}.")
            });
        }
    }
    text
}
