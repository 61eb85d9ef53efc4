//! The pure engine: everything cardhelp knows and computes, with no web dependencies.
//!
//! One resolver (`plan`) turns a case into the plan that the screen, the print view,
//! the letters and the `.ics` export all render, so they can never disagree.

pub mod classify;
pub mod locale;
pub mod topic;
