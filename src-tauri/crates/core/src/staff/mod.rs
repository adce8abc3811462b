//! Staff accounts: who adds customers, under which nickname, in which groups.

mod model;
pub mod read;
pub mod write;

pub use model::{missing_brand, Role, Staff, StaffInput};
pub(crate) use model::validate;

#[cfg(test)]
mod tests;
