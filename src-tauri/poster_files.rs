//! Making poster files: a saved poster's settings and its channel's current code,
//! laid out by the print crate, written to disk and logged in its history.

use std::path::{Path, PathBuf};

use base64::Engine;
use chrono::{DateTime, Utc};
use serde::Serialize;
use shopcircle_core::db::Connection;
use shopcircle_core::files::write_atomically;
use shopcircle_core::poster::{self, OutputFormat, OutputReason, Poster, PosterTemplate, Printable};
use shopcircle_print::poster::{compose, Logo, Template};
use shopcircle_print::{render, Fonts};

use crate::error::AppError;

/// The DPI of the designer's preview: sharp enough on a laptop screen, and
/// quick to make on every keystroke.
pub const PREVIEW_DPI: u32 = 110;

fn template(t: PosterTemplate) -> Template {
    match t {
        PosterTemplate::Counter => Template::Counter,
        PosterTemplate::TableTent => Template::TableTent,
        PosterTemplate::Window => Template::Window,
        PosterTemplate::Stickers => Template::Stickers,
    }
}

/// The poster as SVG; `Err` when a line cannot fit or the code cannot be drawn.
pub fn svg(p: &Printable, fonts: &Fonts) -> Result<String, AppError> {
    let logo = p.logo.as_deref().map(Logo::from_bytes).transpose()?;
    let poster = shopcircle_print::poster::Poster {
        payload: p.payload.clone(),
        headline: p.headline.clone(),
        subline: p.subline.clone(),
        gift: p.gift.clone(),
        shop_name: p.shop_name.clone(),
        address: p.address.clone(),
        hours: p.hours.clone(),
        brand_color: p.brand_color.clone(),
        logo,
    };
    Ok(compose(&poster, template(p.template), fonts)?)
}

/// The file's bytes in `format`; `dpi` applies to PNG.
pub fn render(p: &Printable, format: OutputFormat, dpi: u32, fonts: &Fonts) -> Result<Vec<u8>, AppError> {
    let svg = svg(p, fonts)?;
    Ok(match format {
        OutputFormat::Pdf => render::pdf(&svg, fonts)?,
        OutputFormat::Png => render::png(&svg, fonts, dpi)?,
        OutputFormat::Svg => svg.into_bytes(),
    })
}

/// What the designer shows beside the form: exactly what will print, as an image.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PosterPreview {
    /// A `data:image/png` URL.
    pub image: String,
    pub width_mm: f64,
    pub height_mm: f64,
    /// The text the code on it carries.
    pub payload: String,
}

pub fn preview(p: &Printable, fonts: &Fonts) -> Result<PosterPreview, AppError> {
    let png = render(p, OutputFormat::Png, PREVIEW_DPI, fonts)?;
    let (width_mm, height_mm) = template(p.template).paper();
    Ok(PosterPreview {
        image: format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(png)),
        width_mm,
        height_mm,
        payload: p.payload.clone(),
    })
}

/// Renders the saved poster with its channel's code now, writes it to `path`
/// and logs it. The file is written before the log, so the history never
/// names a file that was not made.
#[allow(clippy::too_many_arguments)] // the poster, where and how to write it, and why
pub fn make_file(
    conn: &Connection,
    fonts: &Fonts,
    id: i64,
    format: OutputFormat,
    dpi: u32,
    path: &Path,
    reason: OutputReason,
    now: DateTime<Utc>,
) -> Result<Poster, AppError> {
    let printable = poster::printable(conn, id, now)?;
    let bytes = render(&printable, format, dpi, fonts)?;
    write_atomically(path, &bytes)
        .map_err(|e| AppError::Write { path: path.to_owned(), reason: e.to_string() })?;
    let dpi = (format == OutputFormat::Png).then_some(dpi);
    let path = path.to_string_lossy();
    Ok(poster::record_output(conn, id, printable.qr_source_id, format, dpi, &path, reason, now)?)
}

/// One poster made again after its channel's code was replaced.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Rerendered {
    #[ts(type = "number")]
    pub poster_id: i64,
    pub headline: String,
    pub path: String,
    /// Why it could not be made (the folder is gone, the disk is full), in the
    /// owner's language; `None` when the file now carries the new code.
    pub error: Option<String>,
}

/// Makes every kept file of the channel's posters again, at the same place and
/// in the same format, with the channel's new code. One poster failing (its
/// folder was moved) does not stop the others.
pub fn rerender_channel(
    conn: &Connection,
    fonts: &Fonts,
    channel_id: i64,
    lang: shopcircle_core::Lang,
    now: DateTime<Utc>,
) -> Result<Vec<Rerendered>, AppError> {
    let due = poster::needing_rerender(conn, channel_id, now)?;
    Ok(due
        .into_iter()
        .map(|(p, out)| {
            let path = PathBuf::from(&out.path);
            let dpi = out.dpi.unwrap_or(300);
            let made = make_file(conn, fonts, p.id, out.format, dpi, &path, OutputReason::Rerendered, now);
            Rerendered {
                poster_id: p.id,
                headline: p.headline,
                path: out.path,
                error: made.err().map(|e| e.payload(lang).message),
            }
        })
        .collect())
}

/// A file name the save dialog proposes: the headline and the template.
pub fn suggested_name(p: &Poster, format: OutputFormat) -> String {
    let headline: String = p
        .headline
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') && !c.is_control())
        .take(30)
        .collect();
    let headline = headline.trim();
    let stem = if headline.is_empty() { "poster" } else { headline };
    format!("{stem} - {}.{}", p.template.as_str().replace('_', "-"), format.as_str())
}
