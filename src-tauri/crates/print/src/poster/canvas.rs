//! Small SVG building blocks: the document, escaped text, colours.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color(pub u8, pub u8, pub u8);

impl Color {
    /// Tea green, ShopCircle's own colour.
    pub const DEFAULT_BRAND: Color = Color(0x2f, 0x7d, 0x5b);

    pub fn parse(hex: &str) -> Option<Color> {
        let hex = hex.trim().strip_prefix('#')?;
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Color(byte(0)?, byte(2)?, byte(4)?))
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Mixed towards white by `amount` (0..1), for tints behind brand text.
    pub fn tint(self, amount: f64) -> Color {
        let mix = |c: u8| (c as f64 + (255.0 - c as f64) * amount).round() as u8;
        Color(mix(self.0), mix(self.1), mix(self.2))
    }
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Control characters are not allowed in XML; drop them.
            c if (c as u32) < 0x20 && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

pub fn document(w: f64, h: f64, family: &str, body: &str) -> String {
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}mm" height="{h}mm" viewBox="0 0 {w} {h}" font-family="{family}"><rect width="{w}" height="{h}" fill="#fff"/>{body}</svg>"##,
        family = escape(family)
    )
}

/// Lines of centred (or start-anchored) text, `size` tall, the first baseline at `y`.
pub fn text_lines(
    lines: &[String],
    x: f64,
    y: f64,
    size: f64,
    weight: u16,
    fill: &str,
    anchor: &str,
) -> String {
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            format!(
                r#"<text x="{x:.2}" y="{:.2}" font-size="{size:.2}" font-weight="{weight}" fill="{fill}" text-anchor="{anchor}">{}</text>"#,
                y + i as f64 * size * LINE_HEIGHT,
                escape(line)
            )
        })
        .collect()
}

pub const LINE_HEIGHT: f64 = 1.25;
