//! Communities: the WeChat/WeCom groups the shop runs, planned with the method.

mod model;
pub mod read;
pub mod rule_log;
pub mod write;

pub(crate) use model::validate;
pub use model::{
    Community, CommunityInput, Kind, Platform, Stage, CAPACITY_MAX, NAME_MAX, RULES_MAX, RULE_MAX, TEXT_MAX,
};

#[cfg(test)]
mod tests;
