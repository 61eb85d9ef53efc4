//! Languages the widget speaks, and text that exists in each of them.

use serde::{Deserialize, Serialize};

/// A language the widget can show. English is the default everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Es,
}

impl Locale {
    /// Every supported locale, in the order the language switch shows them.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Es];

    /// The BCP 47 tag used in `lang` attributes and in the case JSON.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
        }
    }

    /// Parses a tag such as `es`, `es-MX` or `EN`; unknown languages give `None`.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        Locale::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(primary))
    }
}

/// A piece of user-facing text in every supported language.
///
/// Generic over the string type so static tables (`Text<&'static str>`) and data loaded
/// from JSON (`Text<String>`) share one accessor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text<S = String> {
    pub en: S,
    pub es: S,
}

impl<S: AsRef<str>> Text<S> {
    /// The text in `locale`.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => self.en.as_ref(),
            Locale::Es => self.es.as_ref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_with_regions_and_case() {
        assert_eq!(Locale::from_tag("es-MX"), Some(Locale::Es));
        assert_eq!(Locale::from_tag("EN"), Some(Locale::En));
        assert_eq!(Locale::from_tag("fr"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn text_picks_the_requested_language() {
        let t = Text {
            en: "Call now",
            es: "Llame ahora",
        };
        assert_eq!(t.get(Locale::Es), "Llame ahora");
        assert_eq!(t.get(Locale::En), "Call now");
    }
}
