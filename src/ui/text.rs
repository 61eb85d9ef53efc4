//! Every piece of UI chrome (buttons, headings, labels, messages) in English and
//! Spanish, in one table. Domain text (questions, advice, deadlines, letters) comes from
//! the engine; this is only what the screen itself says. Templates mark the values they
//! take with `{n}`-style placeholders, filled by [`fill`].

use crate::engine::kb::Urgency;
use crate::engine::letter::LetterKind;
use crate::engine::locale::Locale;
use crate::engine::rules::Party;
use crate::engine::template::fill;

/// The screen's words in one language. (`Debug` lists every string, for the test that
/// each one is translated.)
#[derive(Debug)]
pub struct Words {
    pub title: &'static str,
    pub language: &'static str,
    /// The language's own name, shown on its switch button.
    pub endonym: &'static str,

    pub issues_title: &'static str,
    pub issues_intro: &'static str,

    pub story_label: &'static str,
    pub story_hint: &'static str,
    pub tiles_title: &'static str,
    pub suggested: &'static str,
    /// `{words}`.
    pub because: &'static str,
    pub not_sure: &'static str,

    /// `{n}` of `{total}`.
    pub progress: &'static str,
    pub next: &'static str,
    pub skip: &'static str,
    pub back: &'static str,
    pub bad_date: &'static str,
    pub future_date: &'static str,
    pub bad_day: &'static str,
    /// Above an answer the cardholder's own words already gave.
    pub prefilled: &'static str,

    pub plan_title: &'static str,
    pub plan_error: &'static str,
    pub start_over: &'static str,
    /// Urgent, soon, routine.
    pub urgency: [&'static str; 3],
    pub do_now: &'static str,
    /// Before the one thing to do next, its door, and (in `how_counted`) the disclosure
    /// that holds how a date was counted.
    pub next_label: &'static str,
    pub door: &'static str,
    pub how_counted: &'static str,
    pub conventions_title: &'static str,
    /// `{name}`: a link that opens in a new tab.
    pub new_tab: &'static str,
    /// Before a phone line's hours.
    pub hours: &'static str,
    pub other_channels: &'static str,
    pub steps_title: &'static str,
    pub deadlines_title: &'static str,
    pub no_deadlines: &'static str,
    pub day_left: &'static str,
    /// `{n}`.
    pub days_left: &'static str,
    pub due_today: &'static str,
    pub passed: &'static str,
    pub who: &'static str,
    /// Cardholder, issuer, bureau, CFPB, network.
    pub parties: [&'static str; 5],
    pub estimate: &'static str,
    pub policy: &'static str,
    pub unverified: &'static str,
    /// `{date}`, `{days}`.
    pub mail_by: &'static str,
    pub counted: &'static str,
    pub started: &'static str,
    pub rule: &'static str,
    /// Before the day a rule's words were last checked: "checked {date}".
    pub checked: &'static str,
    pub business_days: &'static str,
    pub prepare_title: &'static str,
    pub expect_title: &'static str,
    pub can: &'static str,
    pub cannot: &'static str,
    pub escalate_title: &'static str,

    pub takeaway_title: &'static str,
    pub letter_title: &'static str,
    /// What opens the letter's disclosure.
    pub letter_open: &'static str,
    /// Billing-error notice, credit-balance refund, adverse-action reasons.
    pub letters: [&'static str; 4],
    pub letter_intro: &'static str,
    pub choose: &'static str,
    /// `{list}`.
    pub missing: &'static str,
    /// `{list}`: fields that can't be used, before copying, printing or downloading.
    pub letter_check: &'static str,
    pub preview: &'static str,
    pub copy_letter: &'static str,
    pub print_letter: &'static str,
    pub download_letter: &'static str,
    pub calendar: &'static str,
    pub print_plan: &'static str,
    pub share: &'static str,
    pub share_note: &'static str,
    pub share_label: &'static str,
    pub copy_link: &'static str,
    pub save: &'static str,
    pub save_note: &'static str,
    pub saved: &'static str,
    pub forget: &'static str,
    /// Start over and Forget ask once: the question, and yes.
    pub confirm_start_over: [&'static str; 2],
    pub confirm_forget: [&'static str; 2],
    /// `{date}`: the day the plan was made, on its printed copy.
    pub prepared: &'static str,
    /// `{site}`: a web link's text, naming the site instead of spelling out its address.
    pub open_site: &'static str,

    /// What the live region says, by [`crate::ui::state::Note`].
    pub notes: [&'static str; 12],
}

/// A letter field's label, by slot id (see `engine::letter`).
pub fn field_label(locale: Locale, id: &str) -> &'static str {
    FIELDS
        .iter()
        .find(|(slot, _, _)| *slot == id)
        .map_or("", |(_, en, es)| match locale {
            Locale::En => en,
            Locale::Es => es,
        })
}

/// Where a letter field goes in the form: the order of [`FIELDS`], which is the order a
/// person fills a letter in (themselves, the charge, then the card company).
pub fn field_rank(id: &str) -> usize {
    FIELDS
        .iter()
        .position(|(slot, _, _)| *slot == id)
        .unwrap_or(FIELDS.len())
}

const FIELDS: [(&str, &str, &str); 17] = [
    ("name", "Your full name", "Su nombre completo"),
    ("address", "Your mailing address", "Su dirección postal"),
    (
        "last4",
        "Last 4 digits of your card",
        "Últimos 4 dígitos de su tarjeta",
    ),
    ("charge_date", "Date of the charge", "Fecha del cargo"),
    ("amount", "Amount (US$)", "Monto (US$)"),
    (
        "merchant",
        "Merchant or description",
        "Comercio o descripción",
    ),
    ("reason", "What's wrong with it", "Qué tiene de malo"),
    (
        "details",
        "Details, in your words",
        "Detalles, en sus palabras",
    ),
    (
        "statement_date",
        "Statement date",
        "Fecha del estado de cuenta",
    ),
    ("notice_date", "Date of their notice", "Fecha de su aviso"),
    ("adverse_action", "What they did", "Qué hicieron"),
    (
        "refund_method",
        "How to get your refund",
        "Cómo recibir su reembolso",
    ),
    (
        "issuer_name",
        "Card company's name",
        "Nombre de la compañía de la tarjeta",
    ),
    (
        "issuer_address",
        "Card company's address",
        "Dirección de la compañía de la tarjeta",
    ),
    (
        "billing_error_address",
        "Billing-error address (on your statement)",
        "Dirección para errores de facturación (en su estado de cuenta)",
    ),
    ("receive_by", "Deadline", "Fecha límite"),
    ("today", "Today's date", "Fecha de hoy"),
];

const EN: Words = Words {
    title: "Get help with your card",
    language: "Language",
    endonym: "English",
    issues_title: "Setup problems (for the site owner)",
    issues_intro: "The help below still works. These settings were skipped:",
    story_label: "Tell us what happened",
    story_hint: "A few words are enough, like “a charge I didn't make”.",
    tiles_title: "Or choose a topic",
    suggested: "This sounds like:",
    because: "Because you wrote: {words}",
    not_sure: "We can't tell yet what this is about. Add a few words, or choose the closest topic below.",
    progress: "Question {n} of {total}",
    next: "Continue",
    skip: "Skip: I don't know",
    back: "Back",
    bad_date: "Enter a real date between 1990 and 2100.",
    future_date: "That date is after today. Enter the day it happened.",
    bad_day: "Enter a day of the month from 1 to 31.",
    prefilled: "From what you wrote. Tap it to confirm, or pick another answer.",
    plan_title: "Your plan",
    plan_error: "We couldn't make a plan from these answers. Go back and check them.",
    start_over: "Start over",
    urgency: ["Act today", "Act soon", "No rush"],
    do_now: "Do this now",
    next_label: "Next:",
    door: "Where:",
    how_counted: "How this date is counted",
    conventions_title: "How we count dates",
    new_tab: "{name}, opens in a new tab",
    hours: "Hours: ",
    other_channels: "Other ways to reach them",
    steps_title: "Steps",
    deadlines_title: "Your dates",
    no_deadlines: "No dates yet. Answer the date questions to see your deadlines.",
    day_left: "1 day left",
    days_left: "{n} days left",
    due_today: "Today",
    passed: "Passed",
    who: "Who: ",
    parties: ["You", "Your card company", "A credit bureau", "The CFPB", "The card network"],
    estimate: "Estimate",
    policy: "Policy, not law",
    unverified: "Not confirmed",
    mail_by: "Mail by {date} ({days})",
    counted: "How it's counted: ",
    started: "Counted from: ",
    rule: "Rule: ",
    checked: "checked {date}",
    business_days: "Business days: ",
    prepare_title: "Have this ready",
    expect_title: "What to expect from support",
    can: "They can",
    cannot: "They can't",
    escalate_title: "If that doesn't work",
    takeaway_title: "Take it with you",
    letter_title: "Your letter",
    letter_open: "Write your letter",
    letters: [
        "Billing-error notice",
        "Credit-balance refund request",
        "Request for the reasons",
        "Request to look into a charge",
    ],
    letter_intro: "Fill in what you know. Nothing you type leaves this device or is saved.",
    choose: "Choose…",
    missing: "Still blank, shown in [brackets]: {list}.",
    letter_check: "Check {list}: the letter leaves it blank until it is right. Press again to go ahead anyway.",
    preview: "Preview",
    copy_letter: "Copy letter",
    print_letter: "Print letter",
    download_letter: "Download letter (.txt)",
    calendar: "Add dates to my calendar (.ics)",
    print_plan: "Print or save as PDF",
    share: "Get a link to this plan",
    share_note: "The link holds your answers, not your name or card details. Anyone with the link can see them.",
    share_label: "Link to this plan",
    copy_link: "Copy link",
    save: "Save on this device",
    save_note: "Nothing is stored unless you choose to. Letter details are never stored.",
    saved: "Saved on this device.",
    forget: "Forget this",
    confirm_start_over: [
        "Clear your answers and this plan?",
        "Yes, start over",
    ],
    confirm_forget: [
        "Remove this plan from this device?",
        "Yes, forget it",
    ],
    prepared: "Prepared on {date}",
    open_site: "Open {site}",
    notes: [
        "Link copied.",
        "Couldn't copy. Select the text and copy it yourself.",
        "Link ready.",
        "Saved on this device.",
        "This browser won't let us save here.",
        "Forgotten. Nothing is stored on this device.",
        "This link couldn't be opened. Start here instead.",
        "Calendar file downloaded.",
        "Your saved plan is back.",
        "That didn't work in this browser. Try another browser.",
        "Letter copied.",
        "Your saved plan couldn't be read, so it was removed. Start here.",
    ],
};

const ES: Words = Words {
    title: "Ayuda con su tarjeta",
    language: "Idioma",
    endonym: "Español",
    issues_title: "Problemas de configuración (para el administrador del sitio)",
    issues_intro: "La ayuda sigue funcionando. Se omitieron estas opciones:",
    story_label: "Cuéntenos qué pasó",
    story_hint: "Bastan unas palabras, como «un cargo que no hice».",
    tiles_title: "O elija un tema",
    suggested: "Parece que se trata de:",
    because: "Porque usted escribió: {words}",
    not_sure: "Todavía no sabemos de qué se trata. Agregue unas palabras o elija abajo el tema más parecido.",
    progress: "Pregunta {n} de {total}",
    next: "Continuar",
    skip: "Omitir: no lo sé",
    back: "Atrás",
    bad_date: "Escriba una fecha válida entre 1990 y 2100.",
    future_date: "Esa fecha es posterior a hoy. Escriba el día en que ocurrió.",
    bad_day: "Escriba un día del mes del 1 al 31.",
    prefilled: "Según lo que escribió. Tóquelo para confirmarlo o elija otra respuesta.",
    plan_title: "Su plan",
    plan_error: "No pudimos armar un plan con estas respuestas. Regrese y revíselas.",
    start_over: "Empezar de nuevo",
    urgency: ["Actúe hoy", "Actúe pronto", "Sin prisa"],
    do_now: "Haga esto ahora",
    next_label: "Lo siguiente:",
    door: "Dónde:",
    how_counted: "Cómo se cuenta esta fecha",
    conventions_title: "Cómo contamos las fechas",
    new_tab: "{name}, se abre en una pestaña nueva",
    hours: "Horario: ",
    other_channels: "Otras formas de comunicarse",
    steps_title: "Pasos",
    deadlines_title: "Sus fechas",
    no_deadlines: "Todavía no hay fechas. Responda las preguntas de fechas para ver sus plazos.",
    day_left: "Queda 1 día",
    days_left: "Quedan {n} días",
    due_today: "Hoy",
    passed: "Ya pasó",
    who: "Quién: ",
    parties: [
        "Usted",
        "La compañía de su tarjeta",
        "Una agencia de crédito",
        "La CFPB",
        "La red de la tarjeta",
    ],
    estimate: "Estimado",
    policy: "Política, no ley",
    unverified: "Sin confirmar",
    mail_by: "Envíelo por correo a más tardar el {date} ({days})",
    counted: "Cómo se cuenta: ",
    started: "Se cuenta desde: ",
    rule: "Norma: ",
    checked: "revisada el {date}",
    business_days: "Días hábiles: ",
    prepare_title: "Tenga esto a mano",
    expect_title: "Qué esperar del servicio al cliente",
    can: "Pueden",
    cannot: "No pueden",
    escalate_title: "Si eso no funciona",
    takeaway_title: "Lléveselo",
    letter_title: "Su carta",
    letter_open: "Redactar su carta",
    letters: [
        "Aviso de error de facturación",
        "Solicitud de reembolso del saldo a favor",
        "Solicitud de las razones",
        "Solicitud para revisar un cargo",
    ],
    letter_intro: "Complete lo que sepa. Nada de lo que escriba sale de este dispositivo ni se guarda.",
    choose: "Elija…",
    missing: "Falta completar, aparece entre [corchetes]: {list}.",
    letter_check: "Revise {list}: la carta lo deja en blanco hasta que esté bien. Vuelva a pulsar para seguir de todos modos.",
    preview: "Vista previa",
    copy_letter: "Copiar carta",
    print_letter: "Imprimir carta",
    download_letter: "Descargar carta (.txt)",
    calendar: "Agregar fechas a mi calendario (.ics)",
    print_plan: "Imprimir o guardar como PDF",
    share: "Obtener un enlace a este plan",
    share_note: "El enlace contiene sus respuestas, no su nombre ni los datos de su tarjeta. Cualquiera que tenga el enlace puede verlas.",
    share_label: "Enlace a este plan",
    copy_link: "Copiar enlace",
    save: "Guardar en este dispositivo",
    save_note: "No se guarda nada a menos que usted lo elija. Los datos de la carta nunca se guardan.",
    saved: "Guardado en este dispositivo.",
    forget: "Olvidar esto",
    confirm_start_over: [
        "¿Borrar sus respuestas y este plan?",
        "Sí, empezar de nuevo",
    ],
    confirm_forget: [
        "¿Quitar este plan de este dispositivo?",
        "Sí, olvidarlo",
    ],
    prepared: "Preparado el {date}",
    open_site: "Abrir {site}",
    notes: [
        "Enlace copiado.",
        "No se pudo copiar. Seleccione el texto y cópielo usted.",
        "Enlace listo.",
        "Guardado en este dispositivo.",
        "Este navegador no permite guardar aquí.",
        "Olvidado. No queda nada guardado en este dispositivo.",
        "No se pudo abrir este enlace. Empiece aquí.",
        "Se descargó el archivo de calendario.",
        "Recuperamos su plan guardado.",
        "Eso no funcionó en este navegador. Pruebe con otro navegador.",
        "Carta copiada.",
        "No pudimos leer su plan guardado, así que lo borramos. Empiece aquí.",
    ],
};

/// `lang` for text that stays in English whatever the widget's language (citations, the
/// law's own words, document titles): `None` where the widget is in English already.
pub fn english(locale: Locale) -> Option<&'static str> {
    (locale != Locale::En).then_some("en")
}

/// The words for `locale`.
pub fn words(locale: Locale) -> &'static Words {
    match locale {
        Locale::En => &EN,
        Locale::Es => &ES,
    }
}

impl Words {
    pub fn urgency(&self, u: Urgency) -> &'static str {
        self.urgency[match u {
            Urgency::Urgent => 0,
            Urgency::Soon => 1,
            Urgency::Routine => 2,
        }]
    }

    pub fn party(&self, p: Party) -> &'static str {
        self.parties[match p {
            Party::Cardholder => 0,
            Party::Issuer => 1,
            Party::Bureau => 2,
            Party::Cfpb => 3,
            Party::Network => 4,
        }]
    }

    pub fn letter(&self, kind: LetterKind) -> &'static str {
        self.letters[kind as usize]
    }

    /// "12 days left", "Today", "Passed".
    pub fn days(&self, days_left: i64) -> String {
        match days_left {
            ..0 => self.passed.to_owned(),
            0 => self.due_today.to_owned(),
            1 => self.day_left.to_owned(),
            n => fill(self.days_left, &[("n", &n.to_string())]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// Every quoted string of a `Debug` listing, in order.
    fn strings(listing: &str) -> Vec<String> {
        let mut found = Vec::new();
        let mut chars = listing.chars();
        while let Some(c) = chars.next() {
            if c != '"' {
                continue;
            }
            let mut s = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => s.extend(chars.next()),
                    '"' => break,
                    c => s.push(c),
                }
            }
            found.push(s);
        }
        found
    }

    /// The `{name}` placeholders of a template.
    fn placeholders(s: &str) -> Vec<&str> {
        s.split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(n, _)| n))
            .collect()
    }

    #[wasm_bindgen_test]
    fn every_string_on_the_screen_is_in_both_languages() {
        let mut pairs: Vec<(String, String)> = strings(&format!("{EN:?}"))
            .into_iter()
            .zip(strings(&format!("{ES:?}")))
            .collect();
        assert_eq!(pairs.len(), strings(&format!("{ES:?}")).len());
        assert!(pairs.len() > 90, "the listing was read: {}", pairs.len());
        pairs.extend(
            FIELDS
                .iter()
                .map(|(_, en, es)| (en.to_string(), es.to_string())),
        );
        for (en, es) in &pairs {
            assert!(
                !es.trim().is_empty() && !en.trim().is_empty(),
                "{en:?} / {es:?}"
            );
            assert_ne!(en, es, "left in English in the Spanish widget");
            assert_eq!(placeholders(en), placeholders(es), "{en:?} / {es:?}");
        }
    }
}
