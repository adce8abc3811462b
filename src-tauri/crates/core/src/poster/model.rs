//! A saved drainage poster: its template and words, and what makes it stale.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::validate::{optional, required, unknown};
use crate::{Error, Field, Problem, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PosterTemplate {
    Counter,
    TableTent,
    Window,
    Stickers,
}

impl PosterTemplate {
    pub const ALL: [PosterTemplate; 4] = [
        PosterTemplate::Counter,
        PosterTemplate::TableTent,
        PosterTemplate::Window,
        PosterTemplate::Stickers,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PosterTemplate::Counter => "counter",
            PosterTemplate::TableTent => "table_tent",
            PosterTemplate::Window => "window",
            PosterTemplate::Stickers => "stickers",
        }
    }

    pub fn parse(s: &str) -> Result<PosterTemplate> {
        let wanted = s.trim().replace('-', "_");
        Self::ALL.into_iter().find(|t| t.as_str() == wanted).ok_or_else(|| unknown(Field::Template, s))
    }
}

/// Why a poster should be printed again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Staleness {
    /// Its channel has no code yet.
    NoQr,
    /// The group code it carries expires within two days.
    QrExpiring,
    /// The group code it carries has expired.
    QrExpired,
    /// Its last copy was made with a code the channel has since replaced.
    QrReplaced,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PosterOutput {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub qr_source_id: i64,
    pub format: String,
    pub dpi: Option<u32>,
    pub path: String,
    pub made_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Poster {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub channel_id: i64,
    pub template: PosterTemplate,
    pub headline: String,
    pub subline: String,
    pub gift: String,
    pub address: String,
    pub hours: String,
    pub brand_color: String,
    pub has_logo: bool,
    pub last_output: Option<PosterOutput>,
    pub stale: Option<Staleness>,
    pub archived_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct PosterInput {
    #[ts(as = "PosterTemplate")]
    pub template: String,
    pub headline: String,
    #[serde(default)]
    pub subline: String,
    #[serde(default)]
    pub gift: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub hours: String,
    /// `#RRGGBB`; empty means the shop's default green.
    #[serde(default)]
    pub brand_color: String,
}

pub const HEADLINE_MAX: usize = 60;
pub const LINE_MAX: usize = 80;
pub const DEFAULT_COLOR: &str = "#2f7d5b";

pub(crate) struct Valid {
    pub template: PosterTemplate,
    pub headline: String,
    pub subline: String,
    pub gift: String,
    pub address: String,
    pub hours: String,
    pub brand_color: String,
}

pub(crate) fn validate(input: &PosterInput) -> Result<Valid> {
    let color = input.brand_color.trim();
    let brand_color = if color.is_empty() {
        DEFAULT_COLOR.to_owned()
    } else if color.len() == 7 && color.starts_with('#') && color[1..].chars().all(|c| c.is_ascii_hexdigit())
    {
        color.to_ascii_lowercase()
    } else {
        return Err(Error::invalid(
            Field::Color,
            Problem::Unknown { value: color.chars().take(20).collect() },
        ));
    };
    Ok(Valid {
        template: PosterTemplate::parse(&input.template)?,
        headline: required(Field::Headline, &input.headline, HEADLINE_MAX)?,
        subline: optional(Field::Subline, &input.subline, LINE_MAX)?,
        gift: optional(Field::Gift, &input.gift, LINE_MAX)?,
        address: optional(Field::Address, &input.address, LINE_MAX)?,
        hours: optional(Field::Hours, &input.hours, LINE_MAX)?,
        brand_color,
    })
}
