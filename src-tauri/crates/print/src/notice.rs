//! The printed privacy notice for members, on one A4 page: the Chinese text
//! above, the English below, each a title and short sections wrapped to the
//! page's width at one size, so the counter can hand it over or pin it up.

use crate::poster::canvas::{document, escape, LINE_HEIGHT};
use crate::{render, Error, Fonts, Result};

/// One language's notice: a title and sections of a heading and a body.
pub struct Notice {
    pub title: String,
    pub sections: Vec<(String, String)>,
}

const W: f64 = 210.0;
const H: f64 = 297.0;
const MARGIN: f64 = 16.0;
const TITLE: f64 = 6.4;
const HEADING: f64 = 4.2;
const BODY: f64 = 3.8;

/// The page as SVG; refused when the text would run off the page.
pub fn svg(fonts: &Fonts, zh: &Notice, en: &Notice) -> Result<String> {
    page_svg(fonts, &[zh, en])
}

/// Any text of titled sections on one A4 page (the notice in two languages,
/// a partner's settlement sheet in one), each under a rule; refused when it
/// would run off the page.
pub fn page_svg(fonts: &Fonts, docs: &[&Notice]) -> Result<String> {
    let mut body = String::new();
    let mut y = MARGIN;
    for (i, n) in docs.iter().enumerate() {
        if i > 0 {
            y += 3.0;
            body.push_str(&format!(
                r##"<line x1="{MARGIN}" y1="{y:.2}" x2="{:.2}" y2="{y:.2}" stroke="#c9cfc4" stroke-width="0.3"/>"##,
                W - MARGIN
            ));
            y += 5.0;
        }
        y += TITLE;
        body.push_str(&line(&n.title, MARGIN, y, TITLE, 700, "#1f3d2e"));
        y += 4.0;
        for (heading, text) in &n.sections {
            y += HEADING * LINE_HEIGHT;
            body.push_str(&line(heading, MARGIN, y, HEADING, 700, "#1f1f1f"));
            for l in wrap(fonts, text, BODY, W - 2.0 * MARGIN) {
                y += BODY * LINE_HEIGHT;
                body.push_str(&line(&l, MARGIN, y, BODY, 400, "#333"));
            }
            y += 1.2;
        }
    }
    if y > H - MARGIN {
        return Err(Error::TextTooLong { field: "notice", max: 0 });
    }
    Ok(document(W, H, &fonts.family, &body))
}

pub fn pdf(fonts: &Fonts, zh: &Notice, en: &Notice) -> Result<Vec<u8>> {
    render::pdf(&svg(fonts, zh, en)?, fonts)
}

/// `page_svg` as a PDF.
pub fn page_pdf(fonts: &Fonts, docs: &[&Notice]) -> Result<Vec<u8>> {
    render::pdf(&page_svg(fonts, docs)?, fonts)
}

fn line(text: &str, x: f64, y: f64, size: f64, weight: u16, fill: &str) -> String {
    format!(
        r#"<text x="{x:.2}" y="{y:.2}" font-size="{size:.2}" font-weight="{weight}" fill="{fill}">{}</text>"#,
        escape(text)
    )
}

/// Greedy lines of at most `width`: a Chinese character breaks anywhere, a
/// Latin word only at a space.
fn wrap(fonts: &Fonts, text: &str, size: f64, width: f64) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    for c in text.chars() {
        match tokens.last_mut() {
            Some(t)
                if c.is_ascii()
                    && !c.is_ascii_whitespace()
                    && t.chars().all(|x| x.is_ascii() && !x.is_ascii_whitespace()) =>
            {
                t.push(c)
            }
            _ => tokens.push(c.to_string()),
        }
    }
    let mut lines = Vec::new();
    let mut current = String::new();
    for t in tokens {
        let candidate = format!("{current}{t}");
        // A closing mark never starts a line (it stays, a hair over, on the line it closes).
        let closing = t.chars().all(|c| "，。；：、）」』！？,.;:)!?".contains(c));
        if !current.is_empty() && !closing && fonts.width(candidate.trim_end(), size, false) > width {
            lines.push(current.trim_end().to_owned());
            current = t.trim_start().to_owned();
        } else {
            current = candidate;
        }
    }
    if !current.trim().is_empty() {
        lines.push(current.trim_end().to_owned());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notice(title: &str, body: &str) -> Notice {
        Notice { title: title.into(), sections: vec![("谁保管".into(), body.into())] }
    }

    #[test]
    fn the_notice_fits_one_page_and_no_line_starts_with_a_closing_mark() {
        let fonts = Fonts::system().expect("fonts");
        let body = "为了认出你、为你核销赠品和优惠券、记录积分和消费，以及了解社群办得好不好。".repeat(3);
        for l in wrap(&fonts, &body, BODY, 60.0) {
            assert!(!l.starts_with(['，', '。', '、']), "{l}");
            assert!(fonts.width(l.trim_end_matches(['，', '。', '、']), BODY, false) <= 60.0 + 1e-6, "{l}");
        }
        let page = svg(
            &fonts,
            &notice("告知书", &body),
            &notice("Notice", "We keep your details on this computer only."),
        )
        .unwrap();
        assert!(page.contains("告知书") && page.contains("Notice"));
        assert!(pdf(&fonts, &notice("告知书", &body), &notice("Notice", "x")).unwrap().starts_with(b"%PDF"));
        // Too much text for the page is refused, not printed off its edge.
        let long = notice("告知书", &body.repeat(40));
        assert!(matches!(svg(&fonts, &long, &long), Err(Error::TextTooLong { .. })));
    }
}
