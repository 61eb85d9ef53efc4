//! Citations as a person hears them. A rule's `citation` is short and dense ("12 CFR
//! 1026.13(b)(1); 15 USC 1666(a)"), which a screen reader spells out letter by letter
//! and which links both parts to one source. Each part becomes its own citation, with a
//! name that reads well ("Regulation Z, section 1026.13(b)(1)") and a link to its own
//! official text.

use serde::Serialize;

use crate::engine::locale::{Locale, Text};
use crate::engine::rules::text;
use crate::engine::template::fill;

/// One cited authority.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// The short form, as the rule cites it: what the screen shows.
    pub text: String,
    /// The same in words, in the plan's language: the link's accessible name.
    pub name: String,
    /// Its official text: eCFR or the U.S. Code for a regulation or statute, the row's
    /// own source for anything else; `None` when there is none (private network rules).
    pub url: Option<String>,
}

/// A body of law cited by prefix: `{s}` in the name is the rest of the citation (the
/// section and paragraph), `{t}` the title.
struct Authority {
    prefix: &'static str,
    name: Text<&'static str>,
    /// `eCFR` for a CFR part (the section's page), otherwise the U.S. Code.
    cfr: bool,
}

const fn cfr(prefix: &'static str, en: &'static str, es: &'static str) -> Authority {
    Authority {
        prefix,
        name: text(en, es),
        cfr: true,
    }
}

const fn usc(prefix: &'static str, en: &'static str, es: &'static str) -> Authority {
    Authority {
        prefix,
        name: text(en, es),
        cfr: false,
    }
}

/// Every authority the rules table and the holiday calendar cite, most specific prefix
/// first. The sections 15 USC 1666 to 1666j are the Fair Credit Billing Act's, except
/// those the Credit CARD Act added to the Truth in Lending Act later (1666i-1).
const AUTHORITIES: [Authority; 11] = [
    cfr(
        "12 CFR 1026.",
        "Regulation Z, section {s}",
        "Reglamento Z, sección {s}",
    ),
    cfr(
        "12 CFR 1002.",
        "Regulation B, section {s}",
        "Reglamento B, sección {s}",
    ),
    cfr(
        "12 CFR 1005.",
        "Regulation E, section {s}",
        "Reglamento E, sección {s}",
    ),
    usc(
        "15 USC 1666i-1",
        "Truth in Lending Act, 15 U.S.C. section {s}",
        "Ley de Veracidad en los Préstamos, 15 U.S.C., sección {s}",
    ),
    usc(
        "15 USC 1666",
        "Fair Credit Billing Act, 15 U.S.C. section {s}",
        "Ley de Facturación Imparcial de Crédito, 15 U.S.C., sección {s}",
    ),
    usc(
        "15 USC 1637",
        "Truth in Lending Act, 15 U.S.C. section {s}",
        "Ley de Veracidad en los Préstamos, 15 U.S.C., sección {s}",
    ),
    usc(
        "15 USC 1643",
        "Truth in Lending Act, 15 U.S.C. section {s}",
        "Ley de Veracidad en los Préstamos, 15 U.S.C., sección {s}",
    ),
    usc(
        "15 USC 1681",
        "Fair Credit Reporting Act, 15 U.S.C. section {s}",
        "Ley de Informe Justo de Crédito, 15 U.S.C., sección {s}",
    ),
    usc(
        "15 USC 1691",
        "Equal Credit Opportunity Act, 15 U.S.C. section {s}",
        "Ley de Igualdad de Oportunidades de Crédito, 15 U.S.C., sección {s}",
    ),
    usc(
        "15 USC 1693",
        "Electronic Fund Transfer Act, 15 U.S.C. section {s}",
        "Ley de Transferencia Electrónica de Fondos, 15 U.S.C., sección {s}",
    ),
    usc(
        "5 USC 6103",
        "Federal holidays law, 5 U.S.C. section {s}",
        "Ley de feriados federales, 5 U.S.C., sección {s}",
    ),
];

/// Words inside a section that change with the language ("1026.13(c)(2) and comment
/// 13(c)(2)-1": an official interpretation of Regulation Z).
const SECTION_WORDS: [(&str, Text<&str>); 2] = [
    ("and", text("and", "y")),
    ("comment", text("comment", "comentario")),
];

/// The parts of `citation` (separated by `; `), each named and linked. `source_url`, the
/// row's own link, goes to the first part without a link of its own, unless a part
/// already links there.
pub fn citations(citation: &str, source_url: Option<&str>, locale: Locale) -> Vec<Citation> {
    // Char patterns only: a string pattern would link std's substring search into the
    // widget for this one call (see `template`).
    let mut parts: Vec<Citation> = citation
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|part| cite(part, locale))
        .collect();
    let linked = parts.iter().any(|p| p.url.as_deref() == source_url);
    if let (Some(url), false) = (source_url, linked) {
        if let Some(p) = parts.iter_mut().find(|p| p.url.is_none()) {
            p.url = Some(url.to_string());
        }
    }
    parts
}

fn cite(part: &str, locale: Locale) -> Citation {
    let known = AUTHORITIES.iter().find(|a| part.starts_with(a.prefix));
    let Some(a) = known else {
        return Citation {
            text: part.to_string(),
            name: part.to_string(),
            url: None,
        };
    };
    // "12 CFR 1026.13(b)(1)": title 12, section "1026.13(b)(1)", page "1026.13".
    let (title, section) = part.split_once(' ').map_or(("", part), |(t, rest)| {
        (t, rest.split_once(' ').map_or(rest, |(_, s)| s))
    });
    let page = section.split(['(', ' ', ',']).next().unwrap_or(section);
    let url = if a.cfr {
        format!("https://www.ecfr.gov/current/title-{title}/section-{page}")
    } else {
        format!("https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title{title}-section{page}")
    };
    let words: Vec<&str> = section
        .split(' ')
        .map(|w| match SECTION_WORDS.iter().find(|(en, _)| *en == w) {
            Some((_, t)) => t.get(locale),
            None => w,
        })
        .collect();
    let words = words.join(" ");
    Citation {
        text: part.to_string(),
        name: fill(a.name.get(locale), &[("s", &words)]),
        url: Some(url),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::RULES;

    #[test]
    fn a_regulation_and_a_statute_are_two_citations_each_linked_to_its_own_text() {
        let c = citations(
            "12 CFR 1026.13(b)(1); 15 USC 1666(a)",
            Some("https://www.ecfr.gov/current/title-12/section-1026.13"),
            Locale::En,
        );
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].text, "12 CFR 1026.13(b)(1)");
        assert_eq!(c[0].name, "Regulation Z, section 1026.13(b)(1)");
        assert_eq!(
            c[0].url.as_deref(),
            Some("https://www.ecfr.gov/current/title-12/section-1026.13")
        );
        assert_eq!(
            c[1].name,
            "Fair Credit Billing Act, 15 U.S.C. section 1666(a)"
        );
        assert_eq!(
            c[1].url.as_deref(),
            Some(
                "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title15-section1666"
            )
        );
        let es = citations(
            "12 CFR 1026.13(c)(2) and comment 13(c)(2)-1",
            None,
            Locale::Es,
        );
        assert_eq!(
            es[0].name,
            "Reglamento Z, sección 1026.13(c)(2) y comentario 13(c)(2)-1"
        );
    }

    #[test]
    fn the_row_link_goes_to_the_part_it_belongs_to() {
        // The model notice is not section 13's page: it gets no link of its own.
        let c = citations(
            "12 CFR 1026.13(d)(1); Reg Z model billing-rights notice",
            Some("https://www.ecfr.gov/current/title-12/section-1026.13"),
            Locale::En,
        );
        assert_eq!(c[1].name, "Reg Z model billing-rights notice");
        assert_eq!(c[1].url, None);
        let c = citations(
            "5 USC 6103(a); Federal Reserve Board, K.8 Holidays Observed by the Federal Reserve System",
            Some("https://www.federalreserve.gov/aboutthefed/k8.htm"),
            Locale::En,
        );
        assert_eq!(c[0].name, "Federal holidays law, 5 U.S.C. section 6103(a)");
        assert_eq!(
            c[1].url.as_deref(),
            Some("https://www.federalreserve.gov/aboutthefed/k8.htm")
        );
        let c = citations(
            "Visa Core Rules; Mastercard Chargeback Guide",
            None,
            Locale::En,
        );
        assert!(c.iter().all(|c| c.url.is_none()));
    }

    /// The computed links agree with the links the rules table gives: every row's own
    /// source stays linked, from the citation it belongs to, and every statute and
    /// regulation it cites is named in words in both languages.
    #[test]
    fn every_rule_keeps_its_link_and_every_law_it_cites_reads_as_words() {
        for r in RULES {
            for locale in Locale::ALL {
                let c = citations(r.citation, r.source_url, locale);
                assert!(!c.is_empty(), "{}", r.id);
                if let Some(url) = r.source_url {
                    assert!(c.iter().any(|c| c.url.as_deref() == Some(url)), "{}", r.id);
                }
                for c in &c {
                    let law = c.text.starts_with(|ch: char| ch.is_ascii_digit());
                    let named = c.name != c.text && !c.name.contains('{');
                    assert!(!law || named, "{}: {}", r.id, c.text);
                }
            }
        }
    }
}
