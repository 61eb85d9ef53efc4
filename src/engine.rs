//! The pure engine: everything cardhelp knows and computes, with no web dependencies.
//!
//! One resolver (`plan`) turns a case into the plan that the screen, the print view,
//! the letters and the `.ics` export all render, so they can never disagree.

pub mod calendar;
pub mod case;
pub mod classify;
pub mod clock;
pub mod config;
pub mod deadlines;
pub mod export;
pub mod flow;
pub mod ics;
pub mod kb;
pub mod letter;
pub mod locale;
pub mod order;
pub mod plan;
pub mod rules;
pub mod share;
pub mod template;
pub mod topic;
pub mod triage;
