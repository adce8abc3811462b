//! QR codes as vector shapes: a module matrix and the SVG path that draws it.

use qrcode::{EcLevel, QrCode};

use crate::{Error, Result};

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
            Correction::High => EcLevel::H,
        };
        let code = QrCode::with_error_correction_level(payload.as_bytes(), level)
            .map_err(|_| Error::PayloadTooLong { bytes: payload.len(), max: max_bytes(correction) })?;
        let size = code.width();
        let dark = code.to_colors().into_iter().map(|c| c == qrcode::Color::Dark).collect();
        Ok(Matrix { size, dark })
    }

    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.size + x]
    }

    /// An SVG path of the dark modules in module units (0..size), one rectangle
    /// per horizontal run, so the PDF holds crisp vector shapes.
    pub fn svg_path(&self) -> String {
        let mut d = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if self.is_dark(x, y) {
                    let start = x;
                    while x < self.size && self.is_dark(x, y) {
                        x += 1;
                    }
                    d.push_str(&format!("M{start} {y}h{}v1h-{}z", x - start, x - start));
                } else {
                    x += 1;
                }
            }
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
        Correction::High => 1273,
    }
}
