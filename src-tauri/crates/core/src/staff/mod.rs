//! Staff accounts: who adds customers, under which nickname, in which groups.

mod model;
pub mod read;
pub mod write;

pub(crate) use model::validate;
pub use model::{missing_brand, Role, Staff, StaffInput, ACCOUNT_ID_MAX, DISPLAY_NAME_MAX, NOTE_MAX};

#[cfg(test)]
mod tests;
