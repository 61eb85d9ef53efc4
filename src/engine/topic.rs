//! The twelve triage topics. Their ids are a public contract (CLI JSON, JS API, events).

use serde::{Deserialize, Serialize, Serializer};

/// What kind of problem the cardholder has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    UnauthorizedCharge,
    BillingDispute,
    FeesInterest,
    PaymentIssue,
    IdentityTheft,
    CreditReporting,
    AccountClosure,
    CreditLimitApplication,
    RewardsPromotions,
    CardProblem,
    Hardship,
    AccountService,
}

/// Topic ↔ id, in the order the topic tiles show them.
const IDS: [(Topic, &str); 12] = [
    (Topic::UnauthorizedCharge, "unauthorized_charge"),
    (Topic::BillingDispute, "billing_dispute"),
    (Topic::FeesInterest, "fees_interest"),
    (Topic::PaymentIssue, "payment_issue"),
    (Topic::IdentityTheft, "identity_theft"),
    (Topic::CreditReporting, "credit_reporting"),
    (Topic::AccountClosure, "account_closure"),
    (Topic::CreditLimitApplication, "credit_limit_application"),
    (Topic::RewardsPromotions, "rewards_promotions"),
    (Topic::CardProblem, "card_problem"),
    (Topic::Hardship, "hardship"),
    (Topic::AccountService, "account_service"),
];

/// The id as a string: the same output as the derived unit-variant form, from [`IDS`]
/// instead of a 12-arm match.
impl Serialize for Topic {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl Topic {
    /// Every topic, in tile order.
    pub const ALL: [Topic; 12] = {
        let mut all = [Topic::UnauthorizedCharge; 12];
        let mut i = 0;
        while i < 12 {
            all[i] = IDS[i].0;
            i += 1;
        }
        all
    };

    /// The stable id, e.g. `unauthorized_charge`.
    pub fn id(self) -> &'static str {
        IDS[self.index()].1
    }

    /// The topic with this exact id.
    pub fn from_id(id: &str) -> Option<Topic> {
        IDS.iter().find(|(_, s)| *s == id).map(|(t, _)| *t)
    }

    /// Position in [`Topic::ALL`]; also the class index of the classifier.
    pub fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_match_serde() {
        for (i, t) in Topic::ALL.into_iter().enumerate() {
            assert_eq!(t.index(), i);
            assert_eq!(Topic::from_id(t.id()), Some(t));
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.id()));
            assert_eq!(serde_json::from_str::<Topic>(&json).unwrap(), t);
        }
        assert_eq!(Topic::from_id("fraud"), None);
    }
}
