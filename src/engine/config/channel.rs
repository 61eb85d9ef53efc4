//! Contact channels by id, so knowledge-base text can say "call `fraud_phone`" and the
//! UI can fill in whatever this issuer configured (or leave the step generic).

use super::time_zone::time_zone_name;
use super::{HostConfig, Phone, Phones};
use crate::engine::locale::Locale;
use serde::{Deserialize, Serialize};

/// A way to reach the issuer that the host config may provide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    CardServicesPhone,
    FraudPhone,
    GeneralPhone,
    SecureMessageUrl,
    OnlineAccountUrl,
    AppUrl,
    DisputeFormUrl,
    BillingErrorAddress,
}

/// Where a channel's value lives in the config, and so how it is reached.
#[derive(Clone, Copy)]
enum Source {
    /// A phone line: shown as written, dialled through a `tel:` link.
    Phone(fn(&Phones) -> Option<&Phone>),
    /// A web (or `mailto:`) link: opened as is.
    Link(fn(&HostConfig) -> Option<&str>),
    /// The billing-error mailing address: shown, never linked.
    Address,
}

/// Channel ↔ id ↔ where its value lives in the config.
const CHANNELS: [(Channel, &str, Source); 8] = [
    (
        Channel::CardServicesPhone,
        "card_services_phone",
        Source::Phone(|p| p.card_services.as_ref()),
    ),
    (
        Channel::FraudPhone,
        "fraud_phone",
        Source::Phone(|p| p.fraud.as_ref()),
    ),
    (
        Channel::GeneralPhone,
        "general_phone",
        Source::Phone(|p| p.general.as_ref()),
    ),
    (
        Channel::SecureMessageUrl,
        "secure_message_url",
        Source::Link(|c| c.secure_message_url.as_deref()),
    ),
    (
        Channel::OnlineAccountUrl,
        "online_account_url",
        Source::Link(|c| c.online_account_url.as_deref()),
    ),
    (
        Channel::AppUrl,
        "app_url",
        Source::Link(|c| c.app_url.as_deref()),
    ),
    (
        Channel::DisputeFormUrl,
        "dispute_form_url",
        Source::Link(|c| c.dispute_form_url.as_deref()),
    ),
    (
        Channel::BillingErrorAddress,
        "billing_error_address",
        Source::Address,
    ),
];

/// How to reach a channel the operator configured.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reach {
    /// What to show: the number as written, the link, or the address.
    pub value: String,
    /// What to open: a `tel:` link for phones, the link itself for links; none for mail.
    pub href: Option<String>,
    /// When a phone line is staffed, with its time zone if given.
    pub hours: Option<String>,
    /// The language the host wrote the hours in, when it is not the plan's: a screen
    /// reader then reads them with that language's voice (the page marks them).
    #[serde(skip)]
    pub hours_lang: Option<Locale>,
}

impl Channel {
    /// Every channel, in table order.
    pub const ALL: [Channel; 8] = {
        let mut all = [Channel::CardServicesPhone; 8];
        let mut i = 0;
        while i < 8 {
            all[i] = CHANNELS[i].0;
            i += 1;
        }
        all
    };

    /// The stable id, e.g. `fraud_phone`.
    pub fn id(self) -> &'static str {
        CHANNELS[self as usize].1
    }

    /// The channel with this exact id.
    pub fn from_id(id: &str) -> Option<Channel> {
        CHANNELS
            .iter()
            .find(|(_, s, _)| *s == id)
            .map(|(c, _, _)| *c)
    }

    pub(super) fn lookup(self, config: &HostConfig) -> Option<&str> {
        match CHANNELS[self as usize].2 {
            Source::Phone(line) => line(&config.phones).map(|p| p.number.as_str()),
            Source::Link(link) => link(config),
            Source::Address => config.billing_error_address.as_deref(),
        }
    }

    /// How to reach this channel with `config`, or `None` if the operator did not set it
    /// (for a phone line: neither it nor the general line).
    /// Hours are in `locale`, with their time zone as people say it ("Eastern Time").
    pub fn reach(self, config: &HostConfig, locale: Locale) -> Option<Reach> {
        match CHANNELS[self as usize].2 {
            // The general line stands in for a specific line the operator did not set.
            Source::Phone(line) => {
                line(&config.phones)
                    .or(config.phones.general.as_ref())
                    .map(|p| {
                        let hours = p.hours_in(locale);
                        Reach {
                            value: p.number.clone(),
                            href: Some(p.tel_href()),
                            hours: hours.map(|(h, _)| match &p.time_zone {
                                Some(tz) => format!("{h} ({})", time_zone_name(tz, locale)),
                                None => h.to_owned(),
                            }),
                            hours_lang: hours.map(|(_, l)| l).filter(|l| *l != locale),
                        }
                    })
            }
            Source::Link(link) => link(config).map(|url| Reach {
                value: url.to_owned(),
                href: Some(url.to_owned()),
                hours: None,
                hours_lang: None,
            }),
            Source::Address => config.billing_error_address.as_ref().map(|a| Reach {
                value: a.clone(),
                href: None,
                hours: None,
                hours_lang: None,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_match_serde() {
        for (i, c) in Channel::ALL.into_iter().enumerate() {
            assert_eq!(c as usize, i);
            assert_eq!(Channel::from_id(c.id()), Some(c));
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.id())
            );
        }
        assert_eq!(Channel::from_id("phone"), None);
    }

    #[test]
    fn reach_dials_phones_opens_links_and_only_shows_addresses() {
        let (config, issues) = crate::engine::config::parse_config(
            r#"{"phones": {"fraud": {"number": "+1 (800) 555-0199", "hours": "24/7",
                "time_zone": "America/New_York"}},
                "dispute_form_url": "https://bank.example/dispute",
                "billing_error_address": "PO Box 1\nWilmington, DE"}"#,
        );
        assert!(issues.is_empty(), "{issues:?}");
        let fraud = Channel::FraudPhone.reach(&config, Locale::En).unwrap();
        assert_eq!(fraud.href.as_deref(), Some("tel:+18005550199"));
        assert_eq!(fraud.hours.as_deref(), Some("24/7 (Eastern Time)"));
        let form = Channel::DisputeFormUrl.reach(&config, Locale::En).unwrap();
        assert_eq!(form.href.as_deref(), Some("https://bank.example/dispute"));
        let address = Channel::BillingErrorAddress
            .reach(&config, Locale::En)
            .unwrap();
        assert_eq!(address.href, None);
        assert_eq!(address.value, "PO Box 1\nWilmington, DE");
        assert_eq!(Channel::CardServicesPhone.reach(&config, Locale::En), None);
    }

    #[test]
    fn hours_written_in_another_language_say_which() {
        let (config, _) = crate::engine::config::parse_config(
            r#"{"phones": {"fraud": {"number": "8005550199", "hours": "24/7"},
                "card_services": {"number": "8005550100",
                    "hours": {"en": "Every day", "es": "Todos los días"}}}}"#,
        );
        let hours = |channel: Channel, locale| {
            let reach = channel.reach(&config, locale).unwrap();
            (reach.hours.unwrap(), reach.hours_lang)
        };
        // A plain string is English: marked so in a Spanish plan.
        assert_eq!(
            hours(Channel::FraudPhone, Locale::En),
            ("24/7".into(), None)
        );
        let spanish = hours(Channel::FraudPhone, Locale::Es);
        assert_eq!(spanish, ("24/7".into(), Some(Locale::En)));
        let both = hours(Channel::CardServicesPhone, Locale::Es);
        assert_eq!(both, ("Todos los días".into(), None));
    }
}
