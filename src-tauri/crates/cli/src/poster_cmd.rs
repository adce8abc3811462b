//! `shopcircle-cli poster render …`: a drainage poster straight to a file.

use std::path::PathBuf;

use clap::Args;
use serde_json::json;
use shopcircle_app::posters;
use shopcircle_core::db::Connection;
use shopcircle_core::poster::{self, OutputFormat, PosterInput, PosterWords};
use shopcircle_core::{Error, Field, Problem};
use shopcircle_print::Fonts;

use crate::error::CliResult;
use crate::Output;

#[derive(Args)]
#[command(group = clap::ArgGroup::new("source").required(true).args(["payload", "channel"]))]
pub struct RenderArgs {
    /// The text the QR code carries
    #[arg(long)]
    payload: Option<String>,
    /// Use this channel's current code
    #[arg(long)]
    channel: Option<i64>,
    /// counter, table-tent, window or stickers
    #[arg(long)]
    template: String,
    #[arg(long)]
    headline: String,
    #[arg(long, default_value = "")]
    subline: String,
    /// The gift line, e.g. "Scan to join and get a tea sample"
    #[arg(long, default_value = "")]
    gift: String,
    /// [default: the shop's name]
    #[arg(long)]
    shop_name: Option<String>,
    #[arg(long, default_value = "")]
    address: String,
    #[arg(long, default_value = "")]
    hours: String,
    /// Brand colour as #RRGGBB [default: the shop's green]
    #[arg(long)]
    color: Option<String>,
    /// A logo image laid over the QR's centre
    #[arg(long)]
    logo: Option<PathBuf>,
    /// pdf, png or svg
    #[arg(long, default_value = "pdf")]
    format: String,
    /// For PNG, 72 to 600
    #[arg(long, default_value_t = shopcircle_app::PRINT_DPI)]
    dpi: u32,
    #[arg(long)]
    out: PathBuf,
}

/// Checks the words exactly as the app's designer does, then renders and
/// writes the file (issue 11: the flags used to reach the print crate unchecked).
pub fn render_poster(conn: &Connection, a: RenderArgs) -> CliResult<Output> {
    let input = PosterInput {
        template: a.template,
        words: PosterWords {
            headline: a.headline,
            subline: a.subline,
            gift: a.gift,
            address: a.address,
            hours: a.hours,
        },
        brand_color: a.color.unwrap_or_default(),
    };
    let format = OutputFormat::parse(&a.format)?;
    posters::check_extension(&a.out, format)?;
    let logo = a.logo.as_deref().map(posters::logo_file).transpose()?;
    let mut printable = match (a.payload, a.channel) {
        (Some(payload), _) => poster::one_off(conn, &payload, &input, logo)?,
        (None, Some(id)) => poster::draft(conn, id, &input, logo)?,
        (None, None) => return Err(Error::invalid(Field::Payload, Problem::Empty).into()),
    };
    if let Some(name) = a.shop_name.as_deref() {
        printable = printable.with_shop_name(name)?;
    }
    let fonts = Fonts::system()?;
    let bytes = posters::render_to_file(&printable, format, a.dpi, &a.out, &fonts)?;
    let out = a.out.display().to_string();
    Ok(Output { text: out.clone(), json: json!({ "out": out, "bytes": bytes }) })
}
