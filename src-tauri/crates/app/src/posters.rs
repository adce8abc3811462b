//! Poster files: a poster's words and code, laid out by the print crate,
//! written where the owner chose and logged in the poster's history.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;
use shopcircle_core::db::Connection;
use shopcircle_core::poster::{
    self, LogoChange, OutputFormat, OutputReason, Poster, PosterInput, PosterTemplate, Printable,
};
use shopcircle_core::{Field, Lang, Problem};
use shopcircle_print::poster::{compose, Logo, Offer, Template};
use shopcircle_print::{render, Fonts};

use crate::files::{read_input, write_output, IMAGE_MAX_BYTES};
use crate::{upload, Result, PRINT_DPI};

/// The DPI of the designer's preview: sharp enough on a laptop screen, and
/// quick to make on every keystroke.
pub const PREVIEW_DPI: u32 = 110;

fn template(t: PosterTemplate) -> Template {
    match t {
        PosterTemplate::Counter => Template::Counter,
        PosterTemplate::TableTent => Template::TableTent,
        PosterTemplate::Window => Template::Window,
        PosterTemplate::Stickers => Template::Stickers,
        PosterTemplate::Spike => Template::Spike,
        PosterTemplate::Ladder => Template::Ladder,
    }
}

/// A logo image checked by the print crate and scaled down to a small PNG,
/// as it is stored with a poster.
pub fn checked_logo(bytes: &[u8]) -> Result<Vec<u8>> {
    Ok(Logo::from_bytes(bytes)?.png().to_vec())
}

/// A logo sent by the window as base64, checked (see `checked_logo`).
pub fn uploaded_logo(base64_text: Option<String>) -> Result<Option<Vec<u8>>> {
    base64_text.map(|b64| checked_logo(&upload::decode(&b64)?)).transpose()
}

/// A new poster, with the logo the designer sent (base64), checked.
pub fn create(
    conn: &Connection,
    channel_id: i64,
    input: &PosterInput,
    logo: Option<String>,
    now: DateTime<Utc>,
) -> Result<Poster> {
    let logo = uploaded_logo(logo)?;
    Ok(poster::create(conn, channel_id, input, logo.as_deref(), now)?)
}

/// Saves a poster's settings; `logo` replaces the logo, `remove_logo` drops
/// it, neither keeps it.
pub fn update(
    conn: &Connection,
    id: i64,
    input: &PosterInput,
    logo: Option<String>,
    remove_logo: bool,
    now: DateTime<Utc>,
) -> Result<Poster> {
    let change = LogoChange::from_parts(uploaded_logo(logo)?, remove_logo);
    Ok(poster::update(conn, id, input, &change, now)?)
}

/// The designer's live preview of settings not yet saved. The logo is the one
/// sent, else the saved poster's (unless `remove_logo`), else none.
pub fn preview_unsaved(
    conn: &Connection,
    fonts: &Fonts,
    channel_id: i64,
    input: &PosterInput,
    saved: Option<i64>,
    logo: (Option<String>, bool),
) -> Result<PosterPreview> {
    let change = LogoChange::from_parts(uploaded_logo(logo.0)?, logo.1);
    preview(&poster::draft_with_logo(conn, channel_id, input, saved, change)?, fonts)
}

/// The name the save dialog proposes for a saved poster's file.
pub fn save_name(conn: &Connection, id: i64, format: OutputFormat, now: DateTime<Utc>) -> Result<String> {
    Ok(suggested_name(&poster::get(conn, id, now)?, format))
}

/// A logo file named on the command line, checked before and after reading.
pub fn logo_file(path: &Path) -> Result<Vec<u8>> {
    checked_logo(&read_input(path, IMAGE_MAX_BYTES)?)
}

/// The poster as SVG; `Err` when a line cannot fit or the code cannot be drawn.
pub fn svg(p: &Printable, fonts: &Fonts) -> Result<String> {
    let logo = p.logo.as_deref().map(Logo::from_bytes).transpose()?;
    let poster = shopcircle_print::poster::Poster {
        payload: p.payload.clone(),
        headline: p.words.headline.clone(),
        subline: p.words.subline.clone(),
        gift: p.words.gift.clone(),
        shop_name: p.shop_name.clone(),
        address: p.words.address.clone(),
        hours: p.words.hours.clone(),
        brand_color: p.brand_color.clone(),
        logo,
        offer: p.offer.as_ref().map(|o| Offer {
            price: o.price.clone(),
            was: o.was.clone(),
            when: o.when.clone(),
            terms: o.terms.clone(),
            tiers: o.tiers.clone(),
        }),
    };
    Ok(compose(&poster, template(p.template), fonts)?)
}

/// The file's bytes in `format`; `dpi` applies to PNG.
pub fn render(p: &Printable, format: OutputFormat, dpi: u32, fonts: &Fonts) -> Result<Vec<u8>> {
    let svg = svg(p, fonts)?;
    Ok(match format {
        OutputFormat::Pdf => render::pdf(&svg, fonts)?,
        OutputFormat::Png => render::png(&svg, fonts, dpi)?,
        OutputFormat::Svg => svg.into_bytes(),
    })
}

/// Renders a poster made on the spot (the CLI's `poster render`) to `path`.
/// The file's name must agree with the format, so a PNG is never named .pdf.
pub fn render_to_file(
    p: &Printable,
    format: OutputFormat,
    dpi: u32,
    path: &Path,
    fonts: &Fonts,
) -> Result<usize> {
    check_extension(path, format)?;
    let bytes = render(p, format, dpi, fonts)?;
    write_output(path, &bytes)?;
    Ok(bytes.len())
}

/// A file named `x.pdf` holds a PDF: refuses a name whose extension is
/// another format's. A name without an extension is the owner's choice.
pub fn check_extension(path: &Path, format: OutputFormat) -> Result<()> {
    let Some(ext) = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()) else { return Ok(()) };
    if OutputFormat::parse(&ext).is_ok_and(|f| f != format) {
        let problem = Problem::ExtensionMismatch { extension: ext, format: format.as_str().into() };
        return Err(shopcircle_core::Error::invalid(Field::Format, problem).into());
    }
    Ok(())
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

pub fn preview(p: &Printable, fonts: &Fonts) -> Result<PosterPreview> {
    let png = render(p, OutputFormat::Png, PREVIEW_DPI, fonts)?;
    let (width_mm, height_mm) = template(p.template).paper();
    Ok(PosterPreview {
        image: format!("data:image/png;base64,{}", upload::encode(&png)),
        width_mm,
        height_mm,
        payload: p.payload.clone(),
    })
}

/// Where and how a saved poster's file is made, and why.
#[derive(Debug, Clone)]
pub struct FileRequest {
    pub format: OutputFormat,
    /// For PNG; `None` is the print default, 300.
    pub dpi: Option<u32>,
    pub path: PathBuf,
    pub reason: OutputReason,
}

/// Renders the saved poster with its channel's code now, writes it and logs
/// it. The file is written before the log, so the history never names a file
/// that was not made.
pub fn make_file(
    conn: &Connection,
    fonts: &Fonts,
    id: i64,
    req: &FileRequest,
    now: DateTime<Utc>,
) -> Result<Poster> {
    let printable = poster::printable(conn, id, now)?;
    let dpi = req.dpi.unwrap_or(PRINT_DPI);
    let bytes = render(&printable, req.format, dpi, fonts)?;
    write_output(&req.path, &bytes)?;
    let dpi = (req.format == OutputFormat::Png).then_some(dpi);
    let path = req.path.to_string_lossy();
    // A saved poster always carries its channel's code (`printable` requires one).
    let qr = printable.qr_source_id.ok_or(shopcircle_core::Error::NoQrCode)?;
    Ok(poster::record_output(conn, id, qr, req.format, dpi, &path, req.reason, now)?)
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
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Vec<Rerendered>> {
    let due = poster::needing_rerender(conn, channel_id, now)?;
    Ok(due
        .into_iter()
        .map(|(p, out)| {
            let req = FileRequest {
                format: out.format,
                dpi: out.dpi,
                path: PathBuf::from(&out.path),
                reason: OutputReason::Rerendered,
            };
            let made = make_file(conn, fonts, p.id, &req, now);
            Rerendered {
                poster_id: p.id,
                headline: p.words.headline,
                path: out.path,
                error: made.err().map(|e| e.message(lang)),
            }
        })
        .collect())
}

/// A file name the save dialog proposes: the headline and the template.
pub fn suggested_name(p: &Poster, format: OutputFormat) -> String {
    let headline: String = p
        .words
        .headline
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') && !c.is_control())
        .take(30)
        .collect();
    let headline = headline.trim();
    let stem = if headline.is_empty() { "poster" } else { headline };
    format!("{stem} - {}.{}", p.template.as_str().replace('_', "-"), format.as_str())
}

/// The file the print button makes in the print folder, named by the poster and the time.
pub fn print_file_name(id: i64, now: DateTime<Utc>) -> String {
    format!("poster-{id}-{}.pdf", now.format("%Y%m%d-%H%M%S"))
}
