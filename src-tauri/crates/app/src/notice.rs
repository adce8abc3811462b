//! The members' privacy notice as a printable A4 PDF, in both languages with
//! the shop's name: the shell opens it in the system's viewer, the CLI writes it.

use shopcircle_core::db::Connection;
use shopcircle_core::{member, shop, Lang};
use shopcircle_print::notice::{self, Notice};
use shopcircle_print::Fonts;

use crate::Result;

pub fn pdf(conn: &Connection, fonts: &Fonts) -> Result<Vec<u8>> {
    let name = shop::get(conn)?.map(|s| s.name).unwrap_or_default();
    let of = |lang| {
        let (title, sections) = member::notice(&name, lang);
        Notice { title, sections }
    };
    Ok(notice::pdf(fonts, &of(Lang::ZhCn), &of(Lang::En))?)
}

/// The file's name: the same every time, so printing again replaces it.
pub const FILE_NAME: &str = "member-notice.pdf";
