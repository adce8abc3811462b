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
    /// A flash sale's poster: it prints its campaign's offer, so only a
    /// campaign makes one (never the designer's list).
    Spike,
    /// A gift-package day's poster: its ladder of prices; made by its campaign too.
    Ladder,
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
            PosterTemplate::Spike => "spike",
            PosterTemplate::Ladder => "ladder",
        }
    }

    /// Whether it prints a campaign's offer (and so only its campaign makes one).
    pub fn prints_offer(self) -> bool {
        matches!(self, PosterTemplate::Spike | PosterTemplate::Ladder)
    }

    pub fn parse(s: &str) -> Result<PosterTemplate> {
        let wanted = s.trim().replace('-', "_");
        Self::ALL
            .into_iter()
            .chain([PosterTemplate::Spike, PosterTemplate::Ladder])
            .find(|t| t.as_str() == wanted)
            .ok_or_else(|| unknown(Field::Template, s))
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

/// Why a file was made from a poster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OutputReason {
    /// The owner saved it through the save dialog.
    Saved,
    /// Sent to the system's viewer to print.
    Printed,
    /// Made again at the same place because the channel's code was replaced.
    Rerendered,
}

impl OutputReason {
    pub fn as_str(self) -> &'static str {
        match self {
            OutputReason::Saved => "saved",
            OutputReason::Printed => "printed",
            OutputReason::Rerendered => "rerendered",
        }
    }

    pub(crate) fn from_db(s: &str) -> OutputReason {
        match s {
            "printed" => OutputReason::Printed,
            "rerendered" => OutputReason::Rerendered,
            _ => OutputReason::Saved,
        }
    }
}

/// The file formats a poster is made in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OutputFormat {
    Pdf,
    Png,
    Svg,
}

impl OutputFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            OutputFormat::Pdf => "pdf",
            OutputFormat::Png => "png",
            OutputFormat::Svg => "svg",
        }
    }

    pub fn parse(s: &str) -> Result<OutputFormat> {
        match s.trim().to_ascii_lowercase().as_str() {
            "pdf" => Ok(OutputFormat::Pdf),
            "png" => Ok(OutputFormat::Png),
            "svg" => Ok(OutputFormat::Svg),
            _ => Err(unknown(Field::Format, s)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PosterOutput {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub qr_source_id: i64,
    pub format: OutputFormat,
    pub dpi: Option<u32>,
    pub path: String,
    pub reason: OutputReason,
    pub made_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Poster {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub channel_id: i64,
    pub channel_name: String,
    #[ts(type = "number")]
    pub community_id: i64,
    pub community_name: String,
    pub template: PosterTemplate,
    #[serde(flatten)]
    #[ts(flatten)]
    pub words: PosterWords,
    pub brand_color: String,
    pub has_logo: bool,
    /// The campaign whose offer it prints (a flash sale's poster).
    #[ts(type = "number | null")]
    pub campaign_id: Option<i64>,
    pub last_output: Option<PosterOutput>,
    /// When the code it carries now expires (group codes only).
    pub qr_expires_at: Option<DateTime<Utc>>,
    pub stale: Option<Staleness>,
    pub archived_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A poster's words as the owner writes them: the one definition the
/// designer's input, the saved poster and what is printed share.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct PosterWords {
    pub headline: String,
    #[serde(default)]
    pub subline: String,
    /// The gift line ("入群即送 精美茶包一份").
    #[serde(default)]
    pub gift: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub hours: String,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct PosterInput {
    #[ts(as = "PosterTemplate")]
    pub template: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub words: PosterWords,
    /// `#RRGGBB`; empty means the shop's default green.
    #[serde(default)]
    pub brand_color: String,
}

pub const HEADLINE_MAX: usize = 60;
pub const LINE_MAX: usize = 80;
pub use crate::shop::DEFAULT_BRAND_COLOR as DEFAULT_COLOR;

/// Everything needed to lay a poster out on paper: its words, the code it
/// carries now, the shop's name and the logo. The print crate takes it from here.
#[derive(Debug, Clone, PartialEq)]
pub struct Printable {
    pub template: PosterTemplate,
    pub words: PosterWords,
    pub brand_color: String,
    pub shop_name: String,
    pub payload: String,
    /// The channel's code it carries; `None` for a one-off code.
    pub qr_source_id: Option<i64>,
    pub logo: Option<Vec<u8>>,
    /// A campaign's offer, for the template that prints one.
    pub offer: Option<Offer>,
}

/// A campaign's offer as a poster prints it, in the shop's language.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Offer {
    /// "¥19.90".
    pub price: String,
    /// The 7-day low, struck through beside the price; empty when there is none.
    pub was: String,
    pub when: String,
    pub terms: String,
    /// A gift-package day's ladder: each rung's label and price; empty for a flash sale.
    pub tiers: Vec<(String, String)>,
}

/// What to do with a poster's logo when its settings are saved (the new
/// image already checked by the print crate).
pub use crate::image_change::ImageChange as LogoChange;

pub(crate) struct Valid {
    pub template: PosterTemplate,
    pub words: PosterWords,
    pub brand_color: String,
}

impl Valid {
    pub(crate) fn printable(
        self,
        shop_name: String,
        payload: String,
        qr_source_id: Option<i64>,
        logo: Option<Vec<u8>>,
    ) -> Printable {
        Printable {
            template: self.template,
            words: self.words,
            brand_color: self.brand_color,
            shop_name,
            payload,
            qr_source_id,
            logo,
            offer: None,
        }
    }
}

/// Checks what the owner typed. A poster that prints a campaign's offer keeps
/// its template (`offer`: the one it has); any other may not take one.
pub(crate) fn validate(input: &PosterInput, offer: Option<PosterTemplate>) -> Result<Valid> {
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
    let template = PosterTemplate::parse(&input.template)?;
    let allowed = match offer {
        Some(fixed) => template == fixed,
        None => !template.prints_offer(),
    };
    if !allowed {
        return Err(unknown(Field::Template, &input.template));
    }
    Ok(Valid {
        template,
        words: PosterWords {
            headline: required(Field::Headline, &input.words.headline, HEADLINE_MAX)?,
            subline: optional(Field::Subline, &input.words.subline, LINE_MAX)?,
            gift: optional(Field::Gift, &input.words.gift, LINE_MAX)?,
            address: optional(Field::Address, &input.words.address, LINE_MAX)?,
            hours: optional(Field::Hours, &input.words.hours, LINE_MAX)?,
        },
        brand_color,
    })
}
