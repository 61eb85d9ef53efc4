/// The clock states' contract ids, in the order of `engine::clock::ClockState`. A file of
/// its own so the build script, which cannot link the crate, includes the same list.
pub const CLOCK_STATE_IDS: [&str; 6] = [
    "unknown",
    "open",
    "closing",
    "mail_by_passed",
    "passed",
    "met",
];
