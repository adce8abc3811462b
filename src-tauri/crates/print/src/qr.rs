//! QR codes as vector shapes: a module matrix and the SVG path that draws it.

use qrcode::bits::encode_auto;
use qrcode::canvas::Canvas;
use qrcode::ec::construct_codewords;
use qrcode::EcLevel;

use crate::{qr_mask, Error, Result};

/// A QR code's dark modules, `size` × `size`, row by row.
pub struct Matrix {
    pub size: usize,
    dark: Vec<bool>,
}

/// How much of the code may be damaged (or covered by a logo) and still scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Correction {
    /// ~15%: the default for a bare code.
    Medium,
    /// ~25%: for short payloads that fit the same size at this level anyway,
    /// such as voucher codes, so a scuffed card still scans.
    Quartile,
    /// ~30%: needed when a logo is laid over the centre.
    High,
}

/// The quiet zone the standard asks for, in modules, on every side.
pub const QUIET_ZONE: usize = 4;

impl Matrix {
    pub fn encode(payload: &str, correction: Correction) -> Result<Matrix> {
        if payload.trim().is_empty() {
            return Err(Error::EmptyPayload);
        }
        let level = match correction {
            Correction::Medium => EcLevel::M,
            Correction::Quartile => EcLevel::Q,
            Correction::High => EcLevel::H,
        };
        let too_long = |_| Error::PayloadTooLong { bytes: payload.len(), max: max_bytes(correction) };
        // `QrCode::with_error_correction_level`, step by step, so the mask is
        // chosen by our faster scoring (a voucher batch encodes 10,000 codes).
        let bits = encode_auto(payload.as_bytes(), level).map_err(too_long)?;
        let version = bits.version();
        let (data, ec) = construct_codewords(&bits.into_bytes(), version, level).map_err(too_long)?;
        let mut canvas = Canvas::new(version, level);
        canvas.draw_all_functional_patterns();
        canvas.draw_data(&data, &ec);
        let size = version.width() as usize;
        Ok(Matrix { size, dark: qr_mask::best(&canvas, size) })
    }

    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.size + x]
    }

    /// The dark modules as horizontal runs, `(row, first column, length)`:
    /// one rectangle each in the SVG and in the voucher sheets.
    pub fn runs(&self) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        (0..self.size).flat_map(move |y| {
            let row = &self.dark[y * self.size..(y + 1) * self.size];
            let mut x = 0;
            std::iter::from_fn(move || {
                let start = x + row[x..].iter().position(|d| *d)?;
                let len = row[start..].iter().position(|d| !*d).unwrap_or(row.len() - start);
                x = start + len;
                Some((y, start, len))
            })
        })
    }

    /// An SVG path of the dark modules in module units (0..size), one rectangle
    /// per horizontal run, so the PDF holds crisp vector shapes.
    pub fn svg_path(&self) -> String {
        let mut d = String::new();
        for (y, x, len) in self.runs() {
            d.push_str(&format!("M{x} {y}h{len}v1h-{len}z"));
        }
        d
    }

    /// An SVG group drawing the code with its white quiet zone into a square of
    /// `side` user units at (`x`, `y`).
    pub fn svg_group(&self, x: f64, y: f64, side: f64) -> String {
        let total = (self.size + 2 * QUIET_ZONE) as f64;
        let scale = side / total;
        format!(
            r##"<g transform="translate({x:.3} {y:.3}) scale({scale:.5})"><rect width="{total}" height="{total}" fill="#fff"/><path transform="translate({q} {q})" d="{d}" fill="#000" shape-rendering="crispEdges"/></g>"##,
            q = QUIET_ZONE,
            d = self.svg_path()
        )
    }
}

/// The most bytes a version-40 code holds at this level.
fn max_bytes(correction: Correction) -> usize {
    match correction {
        Correction::Medium => 2331,
        Correction::Quartile => 1663,
        Correction::High => 1273,
    }
}
