//! Contact channels by id, so knowledge-base text can say "call `fraud_phone`" and the
//! UI can fill in whatever this issuer configured (or leave the step generic).

use super::HostConfig;
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

type Lookup = fn(&HostConfig) -> Option<&str>;

/// Channel ↔ id ↔ where its value lives in the config.
const CHANNELS: [(Channel, &str, Lookup); 8] = [
    (Channel::CardServicesPhone, "card_services_phone", |c| {
        c.phones.card_services.as_ref().map(|p| p.number.as_str())
    }),
    (Channel::FraudPhone, "fraud_phone", |c| {
        c.phones.fraud.as_ref().map(|p| p.number.as_str())
    }),
    (Channel::GeneralPhone, "general_phone", |c| {
        c.phones.general.as_ref().map(|p| p.number.as_str())
    }),
    (Channel::SecureMessageUrl, "secure_message_url", |c| {
        c.secure_message_url.as_deref()
    }),
    (Channel::OnlineAccountUrl, "online_account_url", |c| {
        c.online_account_url.as_deref()
    }),
    (Channel::AppUrl, "app_url", |c| c.app_url.as_deref()),
    (Channel::DisputeFormUrl, "dispute_form_url", |c| {
        c.dispute_form_url.as_deref()
    }),
    (Channel::BillingErrorAddress, "billing_error_address", |c| {
        c.billing_error_address.as_deref()
    }),
];

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
        (CHANNELS[self as usize].2)(config)
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
}
