//! Time zones as people say them. The config names a zone the way computers do
//! (`America/New_York`); a cardholder reads "Eastern Time" or "hora del Este".

use crate::engine::locale::{Locale, Text};
use crate::engine::rules::text;

/// US time zones by IANA name: the zones issuers' phone lines are staffed in. Any other
/// zone is named after its city (see [`time_zone_name`]).
const ZONES: &[(&[&str], Text<&str>)] = &[
    (
        &[
            "America/New_York",
            "America/Detroit",
            "America/Indiana/Indianapolis",
            "America/Kentucky/Louisville",
            "US/Eastern",
        ],
        text("Eastern Time", "hora del Este"),
    ),
    (
        &["America/Chicago", "America/Indiana/Knox", "US/Central"],
        text("Central Time", "hora del Centro"),
    ),
    (
        &["America/Denver", "America/Boise", "US/Mountain"],
        text("Mountain Time", "hora de la Montaña"),
    ),
    (
        &["America/Phoenix"],
        text("Arizona time", "hora de Arizona"),
    ),
    (
        &["America/Los_Angeles", "US/Pacific"],
        text("Pacific Time", "hora del Pacífico"),
    ),
    (
        &["America/Anchorage", "America/Juneau", "US/Alaska"],
        text("Alaska Time", "hora de Alaska"),
    ),
    (
        &["Pacific/Honolulu", "US/Hawaii"],
        text("Hawaii Time", "hora de Hawái"),
    ),
    (
        &["America/Puerto_Rico"],
        text(
            "Atlantic Time (Puerto Rico)",
            "hora del Atlántico (Puerto Rico)",
        ),
    ),
    (&["UTC"], text("UTC", "UTC")),
];

/// What to call `zone` (an IANA name) in `locale`: "Eastern Time" for
/// `America/New_York`; for a zone not in the table, its city: "Mexico City time",
/// "hora de Mexico City".
pub fn time_zone_name(zone: &str, locale: Locale) -> String {
    if let Some((_, name)) = ZONES.iter().find(|(ids, _)| ids.contains(&zone)) {
        return name.get(locale).to_owned();
    }
    let city = zone.rsplit('/').next().unwrap_or(zone).replace('_', " ");
    match locale {
        Locale::En => format!("{city} time"),
        Locale::Es => format!("hora de {city}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_read_as_people_say_them() {
        assert_eq!(
            time_zone_name("America/New_York", Locale::En),
            "Eastern Time"
        );
        assert_eq!(
            time_zone_name("America/New_York", Locale::Es),
            "hora del Este"
        );
        assert_eq!(
            time_zone_name("America/Chicago", Locale::Es),
            "hora del Centro"
        );
        assert_eq!(
            time_zone_name("America/Mexico_City", Locale::En),
            "Mexico City time"
        );
        assert_eq!(
            time_zone_name("America/Argentina/Buenos_Aires", Locale::Es),
            "hora de Buenos Aires"
        );
    }
}
