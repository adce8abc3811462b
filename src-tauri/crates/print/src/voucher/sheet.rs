//! A batch of vouchers as one PDF of A4 pages, ten cards a page.
//!
//! A batch can be 10,000 cards. Converting one SVG page per sheet would take
//! minutes and embed the Chinese font once per page, so the card (everything
//! that is the same on every voucher: frame, band, the owner's words) goes
//! through svg2pdf once, as a Form XObject every card draws with `cm` + `Do`.
//! What differs (the QR's modules and the code) is written straight into each
//! page's content stream: the modules as rectangles, one per horizontal run,
//! in module units so each is a few bytes; the code in the standard
//! Courier-Bold, which every PDF reader has, so nothing more is embedded.

use std::collections::HashMap;

use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::face::{self, Card, CARD_H, CARD_W};
use super::marks;
use crate::qr::Matrix;
use crate::{render, Error, Fonts, Result};

pub const PAGE_W: f64 = 210.0;
pub const PAGE_H: f64 = 297.0;
pub const COLS: usize = 2;
pub const ROWS: usize = 5;
pub const PER_PAGE: usize = COLS * ROWS;
/// Room between cards for the cut marks, and for scissors.
pub const GAP_X: f64 = 8.0;
pub const GAP_Y: f64 = 4.0;
/// The grid is centred: 11 mm at the sides, 5.5 mm top and bottom.
pub const MARGIN_X: f64 = (PAGE_W - COLS as f64 * CARD_W - (COLS - 1) as f64 * GAP_X) / 2.0;
pub const MARGIN_Y: f64 = (PAGE_H - ROWS as f64 * CARD_H - (ROWS - 1) as f64 * GAP_Y) / 2.0;
// Most office printers leave 4–5 mm at the edges unprinted.
const _: () = assert!(MARGIN_X >= 5.0 && MARGIN_Y >= 5.0, "ten cards fit an A4 page within 5 mm margins");

const CARD: Name = Name(b"Card");
const COURIER: Name = Name(b"Code");
/// Courier's every glyph is 600/1000 em wide, so the code is centred exactly.
const COURIER_ADVANCE: f32 = 0.6;

/// Millimetres to PDF points.
pub fn pt(mm: f64) -> f32 {
    (mm * 72.0 / 25.4) as f32
}

/// The top-left corner of slot `i` of a page, in millimetres from the page's top-left.
pub fn slot(i: usize) -> (f64, f64) {
    let (row, col) = (i / COLS, i % COLS);
    (MARGIN_X + col as f64 * (CARD_W + GAP_X), MARGIN_Y + row as f64 * (CARD_H + GAP_Y))
}

pub fn pdf(card: &Card, codes: &[String], fonts: &Fonts) -> Result<Vec<u8>> {
    let tree = render::tree(&card.svg(fonts), fonts)?;
    let (card_chunk, card_ref) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
        .map_err(|e| Error::Render(e.to_string()))?;

    let pages: Vec<&[String]> = codes.chunks(PER_PAGE).collect();
    let streams = page_streams(&pages)?;

    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let tree_ref = alloc.bump();
    let resources = alloc.bump();
    let courier = alloc.bump();
    let info = alloc.bump();
    let page_refs: Vec<(Ref, Ref)> = pages.iter().map(|_| (alloc.bump(), alloc.bump())).collect();
    // The card's objects (its XObject, the embedded font subsets, colour
    // profiles) follow ours, renumbered into our document as typst does.
    let mut map = HashMap::new();
    let card_chunk = card_chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
    let card_ref = map[&card_ref];

    let size: usize = streams.iter().map(Vec::len).sum::<usize>() + card_chunk.len();
    let mut pdf = Pdf::with_capacity(size + pages.len() * 160 + 4096);
    pdf.catalog(catalog).pages(tree_ref);
    pdf.pages(tree_ref).kids(page_refs.iter().map(|(p, _)| *p)).count(pages.len() as i32);
    // One resource dictionary, shared by every page.
    let mut res = pdf.indirect(resources).start::<pdf_writer::writers::Resources>();
    res.x_objects().pair(CARD, card_ref);
    res.fonts().pair(COURIER, courier);
    res.finish();
    pdf.type1_font(courier).base_font(Name(b"Courier-Bold")).encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.document_info(info).producer(TextStr("ShopCircle"));

    let media = Rect::new(0.0, 0.0, pt(PAGE_W), pt(PAGE_H));
    for ((page_ref, content_ref), stream) in page_refs.iter().zip(&streams) {
        let mut page = pdf.page(*page_ref);
        page.media_box(media).parent(tree_ref).contents(*content_ref);
        page.pair(Name(b"Resources"), resources);
        page.finish();
        pdf.stream(*content_ref, stream).filter(Filter::FlateDecode);
    }
    pdf.extend(&card_chunk);
    Ok(pdf.finish())
}

/// Each page's content stream, deflated, drawn on every core: encoding the
/// codes and writing and compressing these is nearly all of a big batch's time.
fn page_streams(pages: &[&[String]]) -> Result<Vec<Vec<u8>>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(pages.len());
    let per_thread = pages.len().div_ceil(threads);
    std::thread::scope(|s| {
        let workers: Vec<_> = pages
            .chunks(per_thread)
            .map(|share| {
                s.spawn(move || share.iter().map(|codes| page_stream(codes)).collect::<Result<Vec<_>>>())
            })
            .collect();
        let mut out = Vec::with_capacity(pages.len());
        for w in workers {
            out.extend(w.join().map_err(|_| Error::Render("a page worker panicked".into()))??);
        }
        Ok(out)
    })
}

fn page_stream(codes: &[String]) -> Result<Vec<u8>> {
    let mut content = Content::with_capacity(24 * 1024);
    marks::draw(&mut content, codes.len());
    for i in 0..codes.len() {
        let (x, y) = slot(i);
        content.save_state();
        content.transform([pt(CARD_W), 0.0, 0.0, pt(CARD_H), pt(x), pt(PAGE_H - y - CARD_H)]);
        content.x_object(CARD);
        content.restore_state();
    }
    for (i, code) in codes.iter().enumerate() {
        let (x, y) = slot(i);
        qr_modules(&mut content, &super::code_matrix(code)?, x + face::QR_X, y + face::QR_Y);
    }
    code_texts(&mut content, codes);
    // Level 3: a file a seventh larger than level 6, and a sheet a third faster.
    Ok(miniz_oxide::deflate::compress_to_vec_zlib(&content.finish(), 3))
}

/// The dark modules of `qr`, its top-left module at (`x`, `y`) mm from the
/// page's top-left, one filled path for the whole code.
fn qr_modules(content: &mut Content, qr: &Matrix, x: f64, y: f64) {
    let module = pt(face::QR_SIDE) / qr.size as f32;
    content.save_state();
    // Module units, y down, so every rectangle is four small integers.
    content.transform([module, 0.0, 0.0, -module, pt(x), pt(PAGE_H - y)]);
    for (row, col, len) in qr.runs() {
        content.rect(col as f32, row as f32, len as f32, 1.0);
    }
    content.fill_nonzero();
    content.restore_state();
}

/// Every code of the page, in one text object.
fn code_texts(content: &mut Content, codes: &[String]) {
    let size = pt(face::CODE_SIZE);
    content.save_state();
    content.set_fill_gray(face::CODE_GRAY);
    content.begin_text();
    content.set_font(COURIER, size);
    for (i, code) in codes.iter().enumerate() {
        let (x, y) = slot(i);
        let width = code.len() as f32 * COURIER_ADVANCE * size;
        let left = pt(x + face::CODE_CX) - width / 2.0;
        content.set_text_matrix([1.0, 0.0, 0.0, 1.0, left, pt(PAGE_H - y - face::CODE_BASELINE)]);
        content.show(Str(code.as_bytes()));
    }
    content.end_text();
    content.restore_state();
}
