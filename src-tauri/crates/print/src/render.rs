//! SVG to PNG (at any DPI) and to vector PDF with the fonts embedded.

use resvg::{tiny_skia, usvg};

use crate::{Error, Fonts, Result};

pub const DPI_MIN: u32 = 72;
pub const DPI_MAX: u32 = 600;

pub(crate) fn tree(svg: &str, fonts: &Fonts) -> Result<usvg::Tree> {
    let options = usvg::Options {
        fontdb: fonts.db.clone(),
        font_family: fonts.family.clone(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| Error::Render(e.to_string()))
}

/// A PNG of the page at `dpi` dots per inch, with the DPI recorded in the file.
pub fn png(svg: &str, fonts: &Fonts, dpi: u32) -> Result<Vec<u8>> {
    if !(DPI_MIN..=DPI_MAX).contains(&dpi) {
        return Err(Error::BadDpi { min: DPI_MIN, max: DPI_MAX });
    }
    let tree = tree(svg, fonts)?;
    let scale = dpi as f32 / CSS_PX_PER_INCH;
    let size = tree.size().to_int_size().scale_by(scale).ok_or_else(|| Error::Render("empty page".into()))?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| Error::Render("page too large".into()))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    encode_png(&pixmap, dpi)
}

fn encode_png(pixmap: &tiny_skia::Pixmap, dpi: u32) -> Result<Vec<u8>> {
    let image = image::RgbaImage::from_raw(pixmap.width(), pixmap.height(), pixmap.data().to_vec())
        .ok_or_else(|| Error::Render("pixel buffer".into()))?;
    let mut out = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new(&mut out);
    image::DynamicImage::ImageRgba8(image)
        .write_with_encoder(encoder)
        .map_err(|e| Error::Render(e.to_string()))?;
    Ok(with_dpi(out, dpi))
}

/// Inserts a pHYs chunk so printers and viewers know the intended size.
fn with_dpi(png: Vec<u8>, dpi: u32) -> Vec<u8> {
    let ppm = (dpi as f64 / 0.0254).round() as u32;
    let mut data = Vec::with_capacity(9);
    data.extend_from_slice(&ppm.to_be_bytes());
    data.extend_from_slice(&ppm.to_be_bytes());
    data.push(1); // unit: metre
    let mut chunk = Vec::with_capacity(21);
    chunk.extend_from_slice(&9u32.to_be_bytes());
    chunk.extend_from_slice(b"pHYs");
    chunk.extend_from_slice(&data);
    chunk.extend_from_slice(&crc32(&chunk[4..]).to_be_bytes());
    // The IHDR chunk is always first: 8-byte signature + 25-byte chunk.
    let at = 33.min(png.len());
    let mut out = png[..at].to_vec();
    out.extend_from_slice(&chunk);
    out.extend_from_slice(&png[at..]);
    out
}

pub(crate) fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// usvg measures a page in CSS pixels, 96 to the inch; the PDF must use the
/// same ratio or a page drawn in millimetres prints at 96/72 = 133 % of its
/// paper (svg2pdf's default is 72, one PDF point per pixel). See issue 11.
const CSS_PX_PER_INCH: f32 = 96.0;

/// A one-page vector PDF at the page's real size: shapes stay shapes, text
/// stays text in an embedded subset font.
pub fn pdf(svg: &str, fonts: &Fonts) -> Result<Vec<u8>> {
    let tree = tree(svg, fonts)?;
    let page = svg2pdf::PageOptions { dpi: CSS_PX_PER_INCH };
    svg2pdf::to_pdf(&tree, svg2pdf::ConversionOptions::default(), page)
        .map_err(|e| Error::Render(e.to_string()))
}
