//! `shopcircle-cli poster render …`: a drainage poster straight to a file.

use std::path::PathBuf;

use clap::Args;
use serde_json::json;
use shopcircle_core::db::Connection;
use shopcircle_core::{channel, shop, Error, Field, Problem};
use shopcircle_print::poster::{compose, Logo, Poster, Template};
use shopcircle_print::{render, Fonts};

use crate::error::{read_file, write_file, CliResult};
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
    /// Brand colour as #RRGGBB
    #[arg(long, default_value = "#2f7d5b")]
    color: String,
    /// A logo image laid over the QR's centre
    #[arg(long)]
    logo: Option<PathBuf>,
    /// pdf, png or svg
    #[arg(long, default_value = "pdf")]
    format: String,
    /// For PNG
    #[arg(long, default_value_t = 300)]
    dpi: u32,
    #[arg(long)]
    out: PathBuf,
}

pub fn render_poster(conn: &Connection, a: RenderArgs) -> CliResult<Output> {
    let template = Template::parse(&a.template)
        .ok_or_else(|| Error::invalid(Field::Template, Problem::Unknown { value: a.template.clone() }))?;
    let payload = match (a.payload, a.channel) {
        (Some(p), _) => p,
        (None, Some(id)) => channel::get(conn, id)?
            .qr
            .map(|q| q.payload)
            .ok_or_else(|| Error::invalid(Field::Payload, Problem::Empty))?,
        (None, None) => return Err(Error::invalid(Field::Payload, Problem::Empty).into()),
    };
    let logo = a.logo.as_deref().map(read_file).transpose()?.map(|b| Logo::from_bytes(&b)).transpose()?;
    let shop_name = match a.shop_name {
        Some(n) => n,
        None => shop::get(conn)?.map(|s| s.name).unwrap_or_default(),
    };
    let poster = Poster {
        payload,
        headline: a.headline,
        subline: a.subline,
        gift: a.gift,
        shop_name,
        address: a.address,
        hours: a.hours,
        brand_color: a.color,
        logo,
    };
    let fonts = Fonts::system()?;
    let svg = compose(&poster, template, &fonts)?;
    let bytes = match a.format.trim() {
        "pdf" => render::pdf(&svg, &fonts)?,
        "png" => render::png(&svg, &fonts, a.dpi)?,
        "svg" => svg.into_bytes(),
        other => return Err(Error::invalid(Field::Format, Problem::Unknown { value: other.into() }).into()),
    };
    write_file(&a.out, &bytes)?;
    let out = a.out.display().to_string();
    Ok(Output { text: out.clone(), json: json!({ "out": out, "bytes": bytes.len() }) })
}
