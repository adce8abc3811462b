//! ShopCircle's core: the shop's communities, staff and their data, every rule
//! about them, and the SQLite storage. No UI and no Tauri: the desktop shell and
//! the CLI both call in here, so both obey the same rules on the same file.

pub mod backup;
pub mod campaign;
pub mod channel;
pub mod community;
pub mod content;
pub mod cost_policy;
pub mod dashboard;
pub mod db;
pub mod draw;
mod error;
mod error_code;
pub mod export_log;
mod field;
pub mod gift;
pub mod health;
pub mod image_change;
pub mod import;
mod invalid_message;
mod lang;
pub mod limits;
pub mod member;
pub mod member_counts;
pub mod member_export;
mod migrations;
pub mod money;
pub mod paths;
pub mod phone;
pub mod poster;
pub mod product;
pub mod purchase;
pub mod qr_source;
pub mod qr_watch;
pub mod reminder;
pub mod restore;
pub mod rfm;
pub mod rule_templates;
pub mod sample;
pub mod schedule;
pub mod settings;
pub mod shop;
mod sql_scope;
pub mod staff;
pub mod text;
mod validate;
pub mod voucher;
pub mod voucher_code;

#[cfg(test)]
mod testing;

pub use error::{Error, ErrorPayload, Field, Problem, Result};
pub use error_code::ErrorCode;
pub use lang::Lang;
pub use validate::in_range as validate_range;
pub use validate::instant as parse_instant;
pub use validate::money as parse_money;
