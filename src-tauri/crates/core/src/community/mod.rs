//! Communities: the WeChat/WeCom groups the shop runs, planned with the method.

mod model;
pub mod read;
pub mod write;

pub use model::{Community, CommunityInput, Kind, Platform, Stage, CAPACITY_MAX, NAME_MAX};
pub(crate) use model::validate;

#[cfg(test)]
mod tests;
