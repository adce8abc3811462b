//! Posters: what the owner fills in, and the templates that lay it out on
//! paper as SVG in millimetres — four for drainage, one for a flash sale, one
//! for a gift-package day.

pub(crate) mod canvas;
mod face;
mod logo;
mod offer;
mod templates;

use serde::Deserialize;

pub use logo::Logo;
pub use offer::Offer;

use crate::qr::{Correction, Matrix};
use crate::{Error, Fonts, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Template {
    /// A4 portrait, for a standee on the counter.
    Counter,
    /// A4 landscape folded in half: the same face on both halves, one upside down.
    TableTent,
    /// A3 portrait, for the shop window.
    Window,
    /// A4 sheet of twelve small QR labels.
    Stickers,
    /// A4 portrait for a flash sale: the price against the 7-day low, when, how many.
    Spike,
    /// A4 portrait for a gift-package day: its ladder of prices, when the list opens and closes.
    Ladder,
}

impl Template {
    pub fn parse(s: &str) -> Option<Template> {
        match s.trim().replace('-', "_").as_str() {
            "counter" => Some(Template::Counter),
            "table_tent" => Some(Template::TableTent),
            "window" => Some(Template::Window),
            "stickers" => Some(Template::Stickers),
            "spike" => Some(Template::Spike),
            "ladder" => Some(Template::Ladder),
            _ => None,
        }
    }

    /// Paper size in millimetres (width, height).
    pub fn paper(self) -> (f64, f64) {
        match self {
            Template::Counter | Template::Stickers | Template::Spike | Template::Ladder => (210.0, 297.0),
            Template::TableTent => (297.0, 210.0),
            Template::Window => (297.0, 420.0),
        }
    }
}

/// Everything printed on a poster.
#[derive(Debug, Clone, Default)]
pub struct Poster {
    pub payload: String,
    pub headline: String,
    pub subline: String,
    /// "Scan to join and get …".
    pub gift: String,
    pub shop_name: String,
    pub address: String,
    pub hours: String,
    /// `#RRGGBB`.
    pub brand_color: String,
    pub logo: Option<Logo>,
    /// A campaign's offer, for the templates that print one (a flash sale's, a gift-package day's).
    pub offer: Option<Offer>,
}

impl Poster {
    /// The sample tea shop's counter poster, every field filled: what the
    /// examples, benchmarks and tests draw.
    pub fn sample() -> Poster {
        Poster {
            payload: "https://weixin.qq.com/g/AQYAAHnq3ZxExample".into(),
            headline: "扫码加入茶香会员群".into(),
            subline: "每天一款好茶 · 周五会员价 · 新茶群友先选".into(),
            gift: "入群即送 精美茶包一份".into(),
            shop_name: "茶香茶馆".into(),
            address: "和平路 88 号（地铁 2 号线 B 口）".into(),
            hours: "每天 9:00–21:00".into(),
            brand_color: "#2f7d5b".into(),
            logo: None,
            offer: None,
        }
    }
}

pub const HEADLINE_MAX: usize = 60;

/// The poster as an SVG document sized in millimetres.
pub fn compose(poster: &Poster, template: Template, fonts: &Fonts) -> Result<String> {
    if poster.headline.trim().is_empty() {
        return Err(Error::TextEmpty { field: "headline" });
    }
    if poster.headline.chars().count() > HEADLINE_MAX {
        return Err(Error::TextTooLong { field: "headline", max: HEADLINE_MAX });
    }
    let brand = canvas::Color::parse(&poster.brand_color).unwrap_or(canvas::Color::DEFAULT_BRAND);
    // A logo over the centre hides modules: level H leaves enough to still scan.
    let correction = if poster.logo.is_some() { Correction::High } else { Correction::Medium };
    let qr = Matrix::encode(&poster.payload, correction)?;
    let ctx = face::Ctx { poster, fonts, qr: &qr, brand };
    let (w, h) = template.paper();
    let body = match template {
        Template::Counter | Template::Window => face::portrait(&ctx, w, h)?,
        Template::TableTent => templates::table_tent(&ctx, w, h)?,
        Template::Stickers => templates::stickers(&ctx, w, h)?,
        Template::Spike => offer::spike(&ctx, w, h)?,
        Template::Ladder => offer::ladder(&ctx, w, h)?,
    };
    Ok(canvas::document(w, h, &fonts.family, &body))
}

#[cfg(test)]
mod tests;
