//! Finding a font that draws Chinese, and measuring text in it so long lines can
//! be shrunk or wrapped before they ever overflow a poster.

use std::sync::Arc;

use resvg::usvg::fontdb::{self, Database, Family, Query, Weight};

use crate::{Error, Result};

/// CJK families by platform preference: Windows, macOS, Linux, then the rest.
const CJK_FAMILIES: &[&str] = &[
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "WenQuanYi Micro Hei",
    "Hiragino Sans GB",
    "SimHei",
];

/// The fonts a poster is drawn with: the database resvg and svg2pdf read, and
/// the CJK family chosen from it.
#[derive(Clone)]
pub struct Fonts {
    pub db: Arc<Database>,
    pub family: String,
    regular: fontdb::ID,
    bold: fontdb::ID,
}

impl Fonts {
    /// The system's fonts, or `NoCjkFont` when none of them draws Chinese.
    pub fn system() -> Result<Fonts> {
        let mut db = Database::new();
        db.load_system_fonts();
        Fonts::from_database(db)
    }

    pub fn from_database(mut db: Database) -> Result<Fonts> {
        let family = CJK_FAMILIES
            .iter()
            .find(|f| query(&db, f, Weight::NORMAL).is_some())
            .map(|f| f.to_string())
            .or_else(|| any_cjk_family(&db))
            .ok_or(Error::NoCjkFont)?;
        let regular = query(&db, &family, Weight::NORMAL).ok_or(Error::NoCjkFont)?;
        let bold = query(&db, &family, Weight::BOLD).unwrap_or(regular);
        for id in [regular, bold] {
            // Map the CJK files once and keep them mapped: otherwise every glyph
            // lookup maps and unmaps a 20 MB collection again, which dominated
            // the time to make a PDF. Safety: fontdb reads through the mapping;
            // a font file rewritten under a running app is the one risk, the
            // same one every desktop program that maps fonts takes.
            unsafe {
                db.make_shared_face_data(id);
            }
        }
        Ok(Fonts { db: Arc::new(db), family, regular, bold })
    }

    /// The width of `text` set at `size` (user units), from the font's advances.
    pub fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let id = if bold { self.bold } else { self.regular };
        self.db
            .with_face_data(id, |data, index| {
                let Ok(face) = ttf_parser::Face::parse(data, index) else { return None };
                let upem = face.units_per_em() as f64;
                let units: f64 = text
                    .chars()
                    .map(|c| {
                        face.glyph_index(c)
                            .and_then(|g| face.glyph_hor_advance(g))
                            .map(f64::from)
                            // A glyph the font lacks is drawn by a fallback; count it as wide.
                            .unwrap_or(upem)
                    })
                    .sum();
                Some(units / upem * size)
            })
            .flatten()
            .unwrap_or_else(|| text.chars().count() as f64 * size)
    }
}

fn query(db: &Database, family: &str, weight: Weight) -> Option<fontdb::ID> {
    db.query(&Query { families: &[Family::Name(family)], weight, ..Query::default() })
        .filter(|id| db.face(*id).is_some_and(|f| f.families.iter().any(|(n, _)| n == family)))
}

/// Any installed family with a glyph for 中, when none of the known ones is there.
fn any_cjk_family(db: &Database) -> Option<String> {
    db.faces().find_map(|face| {
        let draws_chinese = db
            .with_face_data(face.id, |data, index| {
                ttf_parser::Face::parse(data, index).ok().and_then(|f| f.glyph_index('中')).is_some()
            })
            .unwrap_or(false);
        draws_chinese.then(|| face.families.first().map(|(n, _)| n.clone())).flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_font_database_is_reported_as_no_chinese_font() {
        assert_eq!(Fonts::from_database(Database::new()).err(), Some(Error::NoCjkFont));
    }

    #[test]
    fn the_system_has_a_chinese_font_and_chinese_is_wider_than_latin() {
        let fonts = Fonts::system().expect("fonts-noto-cjk is installed by scripts/setup.sh");
        let zh = fonts.width("扫码入群", 10.0, true);
        let en = fonts.width("scan", 10.0, true);
        assert!(zh > 35.0 && zh < 45.0, "four CJK characters are about four ems: {zh}");
        assert!(en < zh);
    }
}
