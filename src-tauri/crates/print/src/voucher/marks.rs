//! Cut marks: short grey lines on the extension of every card edge, in the
//! gaps and margins only, so a cut along them leaves no mark on a card. Each
//! edge is marked in every gap it crosses, so the marks between the cards
//! still guide the cut where a printer clips the page's outer margin.

use pdf_writer::Content;

use super::face::{CARD_H, CARD_W};
use super::sheet::{pt, slot, COLS, PAGE_H, ROWS};

/// How far a mark stays from the card, and how far it reaches into a margin.
const OFFSET: f64 = 1.0;
const LENGTH: f64 = 3.5;
const WIDTH_PT: f32 = 0.5;
const GRAY: f32 = 0.45;

/// Marks for the first `cards` slots of a page.
pub fn draw(content: &mut Content, cards: usize) {
    content.save_state();
    content.set_stroke_gray(GRAY);
    content.set_line_width(WIDTH_PT);
    for col in 0..COLS.min(cards) {
        let spans: Vec<(f64, f64)> = (0..ROWS)
            .filter(|r| r * COLS + col < cards)
            .map(|r| span(slot(r * COLS + col).1, CARD_H))
            .collect();
        let x0 = slot(col).0;
        for x in [x0, x0 + CARD_W] {
            for (a, b) in gaps(&spans) {
                line(content, (x, a), (x, b));
            }
        }
    }
    for row in 0..cards.div_ceil(COLS) {
        let spans: Vec<(f64, f64)> = (0..COLS)
            .filter(|c| row * COLS + c < cards)
            .map(|c| span(slot(row * COLS + c).0, CARD_W))
            .collect();
        let y0 = slot(row * COLS).1;
        for y in [y0, y0 + CARD_H] {
            for (a, b) in gaps(&spans) {
                line(content, (a, y), (b, y));
            }
        }
    }
    content.stroke();
    content.restore_state();
}

fn span(start: f64, len: f64) -> (f64, f64) {
    (start, start + len)
}

/// The stretches of a cut line outside the cards it runs along: a short mark
/// before the first card and after the last, the whole gap (less the offsets)
/// between two.
fn gaps(spans: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let (Some(first), Some(last)) = (spans.first(), spans.last()) else { return Vec::new() };
    let mut out = vec![(first.0 - OFFSET - LENGTH, first.0 - OFFSET)];
    out.extend(spans.windows(2).map(|w| (w[0].1 + OFFSET, w[1].0 - OFFSET)));
    out.push((last.1 + OFFSET, last.1 + OFFSET + LENGTH));
    out
}

/// A line between two points in millimetres from the page's top-left.
fn line(content: &mut Content, (x1, y1): (f64, f64), (x2, y2): (f64, f64)) {
    content.move_to(pt(x1), pt(PAGE_H - y1));
    content.line_to(pt(x2), pt(PAGE_H - y2));
}
