//! The app layer's error: whatever the core or the print crate refused, or a
//! file that could not be read or written, in the owner's language.

use std::path::{Path, PathBuf};

use shopcircle_core::{ErrorCode, ErrorPayload, Lang};

pub type Result<T> = std::result::Result<T, Error>;

#[derive(Debug)]
pub enum Error {
    Core(shopcircle_core::Error),
    Print(shopcircle_print::Error),
    /// The UI sent bytes that are not base64: a bug in the UI, not the owner's doing.
    BadUpload,
    /// A file the owner named could not be read or written.
    File {
        path: PathBuf,
        problem: FileProblem,
    },
    /// The system could not open a made file (no PDF viewer, no file manager).
    Open {
        reason: String,
    },
    /// The desktop's login items could not be changed.
    Autostart {
        reason: String,
    },
}

/// Why a file was refused or failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    /// A folder, a FIFO, a device: only ordinary files are read or replaced.
    NotRegular,
    /// The owner made it read-only; it is not ours to replace.
    ReadOnly,
    /// A symbolic link that points nowhere.
    DanglingLink,
    TooLarge {
        max_mb: u64,
    },
    /// The system's own reason (missing, no permission, disk full).
    /// What the system said, and its kind (the Chinese message names the kind;
    /// the system's own words are English).
    Io(String, std::io::ErrorKind),
}

impl Error {
    pub fn file(path: &Path, problem: FileProblem) -> Error {
        Error::File { path: path.to_owned(), problem }
    }

    pub fn io(path: &Path, e: std::io::Error) -> Error {
        Error::file(path, FileProblem::Io(e.to_string(), e.kind()))
    }

    /// The stable code the UI and scripts branch on.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Core(e) => e.code(),
            Error::Print(e) => print_code(e),
            Error::BadUpload => ErrorCode::BadUpload,
            Error::File { problem: FileProblem::Io(..), .. } => ErrorCode::WriteFailed,
            Error::File { .. } => ErrorCode::FileRefused,
            Error::Open { .. } => ErrorCode::OpenFailed,
            Error::Autostart { .. } => ErrorCode::Autostart,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            Error::Core(e) => e.message(lang),
            Error::Print(e) if en => e.to_string(),
            Error::Print(e) => e.message_zh(),
            Error::BadUpload if en => "The file did not arrive whole; try again".into(),
            Error::BadUpload => "文件没有完整传到，请重试".into(),
            Error::File { path, problem } => file_message(path, problem, lang),
            Error::Open { reason } if en => {
                format!("The file was made, but the system could not open it: {reason}")
            }
            Error::Open { .. } => "文件已生成，但系统无法打开它（是否装有能打开这种文件的程序？）".into(),
            Error::Autostart { reason } if en => format!("The login setting could not be changed: {reason}"),
            Error::Autostart { .. } => "无法更改开机启动设置，请稍后重试".into(),
        }
    }

    pub fn payload(&self, lang: Lang) -> ErrorPayload {
        let field = match self {
            Error::Core(e) => e.field(),
            _ => None,
        };
        ErrorPayload { code: self.code(), message: self.message(lang), field }
    }
}

fn print_code(e: &shopcircle_print::Error) -> ErrorCode {
    use shopcircle_print::Error as P;
    match e {
        P::EmptyPayload => ErrorCode::EmptyPayload,
        P::PayloadTooLong { .. } => ErrorCode::PayloadTooLong,
        P::NoCjkFont => ErrorCode::NoCjkFont,
        P::TextTooLong { .. } => ErrorCode::TextTooLong,
        P::TextEmpty { .. } => ErrorCode::TextEmpty,
        P::BadImage(_) => ErrorCode::BadImage,
        P::ImageTooLarge { .. } => ErrorCode::ImageTooLarge,
        P::NoQrFound => ErrorCode::NoQrFound,
        P::SeveralQrFound { .. } => ErrorCode::SeveralQrFound,
        P::NoVouchers => ErrorCode::NoVouchers,
        P::BadVoucherCode { .. } => ErrorCode::BadVoucherCode,
        P::BadDpi { .. } => ErrorCode::BadDpi,
        P::Render(_) => ErrorCode::RenderFailed,
    }
}

fn file_message(path: &Path, problem: &FileProblem, lang: Lang) -> String {
    let path = shopcircle_core::text::one_line(&path.display().to_string());
    match (problem, lang) {
        (FileProblem::NotRegular, Lang::En) => {
            format!("{path} is not an ordinary file (a folder, a pipe or a device); choose a file")
        }
        (FileProblem::NotRegular, Lang::ZhCn) => {
            format!("{path} 不是普通文件（是文件夹、管道或设备），请选择一个文件")
        }
        (FileProblem::ReadOnly, Lang::En) => {
            format!("{path} is read-only; it was left as it was. Choose another name")
        }
        (FileProblem::ReadOnly, Lang::ZhCn) => format!("{path} 是只读文件，未做改动；请换一个文件名"),
        (FileProblem::DanglingLink, Lang::En) => format!("{path} is a link to a file that does not exist"),
        (FileProblem::DanglingLink, Lang::ZhCn) => format!("{path} 是指向不存在文件的链接"),
        (FileProblem::TooLarge { max_mb }, Lang::En) => {
            format!("{path} is too large: at most {max_mb} MB")
        }
        (FileProblem::TooLarge { max_mb }, Lang::ZhCn) => format!("{path} 太大了，最多 {max_mb} MB"),
        (FileProblem::Io(reason, _), Lang::En) => format!("Could not use {path}: {reason}"),
        (FileProblem::Io(_, kind), Lang::ZhCn) => format!("无法使用 {path}：{}", io_kind_zh(*kind)),
    }
}

impl From<shopcircle_core::Error> for Error {
    fn from(e: shopcircle_core::Error) -> Self {
        Error::Core(e)
    }
}

impl From<shopcircle_print::Error> for Error {
    fn from(e: shopcircle_print::Error) -> Self {
        Error::Print(e)
    }
}

/// The kind of a system error in Chinese (the system's own message is English).
fn io_kind_zh(kind: std::io::ErrorKind) -> &'static str {
    use std::io::ErrorKind as K;
    match kind {
        K::NotFound => "文件或文件夹不存在",
        K::PermissionDenied => "没有权限",
        K::AlreadyExists => "文件已存在",
        K::StorageFull => "磁盘空间不足",
        K::ReadOnlyFilesystem => "磁盘是只读的",
        K::IsADirectory => "这是一个文件夹",
        K::NotADirectory => "路径中有一段不是文件夹",
        K::Interrupted | K::TimedOut | K::WouldBlock => "操作被打断，请重试",
        _ => "系统出错，请重试",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shopcircle_core::{Error as Core, Field, Problem};
    use shopcircle_print::Error as Print;

    /// One of every error the owner can meet, with English details where the
    /// system would give them (the words of SQLite, the image decoder, the OS).
    fn every_error() -> Vec<Error> {
        let path = || "/数据/店.db".to_owned();
        let core = [
            Core::invalid(Field::Name, Problem::TooLong { max: 60 }),
            Core::NotFound { what: "community", id: 7 },
            Core::Archived,
            Core::NoQrCode,
            Core::NothingToUndo,
            Core::UndoTooLate { minutes: 10 },
            Core::VoucherClosed,
            Core::CampaignClosed,
            Core::CampaignPublished,
            Core::NoBuyerToUndo,
            Core::AlreadyCollected,
            Core::PlanRefused {
                en: vec!["The flash-sale price must be more than ¥0".into()],
                zh: vec!["秒杀价必须大于 0 元".into()],
            },
            Core::BatchVoided,
            Core::Damaged("a schedule's repeat rule"),
            Core::NotSetUp,
            Core::AlreadySetUp,
            Core::NewerDatabase { found: 9, known: 8 },
            Core::Open("unable to open database file: Permission denied".into()),
            Core::Busy,
            Core::NoWal { path: path() },
            Core::TestClockRefused,
            Core::NoDatabase { path: path() },
            Core::NotADatabase { path: path() },
            Core::ForeignDatabase { path: path() },
            Core::Database(
                shopcircle_core::db::Connection::open_in_memory()
                    .unwrap()
                    .execute("nonsense", [])
                    .unwrap_err(),
            ),
            Core::Migration("near \"X\": syntax error".into()),
        ];
        let print = [
            Print::EmptyPayload,
            Print::PayloadTooLong { bytes: 3000, max: 2331 },
            Print::NoCjkFont,
            Print::TextTooLong { field: "headline", max: 12 },
            Print::TextEmpty { field: "headline" },
            Print::BadImage("Format error decoding Png: invalid signature".into()),
            Print::ImageTooLarge { width: 9000, height: 9000, max_pixels: 40_000_000 },
            Print::NoQrFound,
            Print::SeveralQrFound { count: 2 },
            Print::NoVouchers,
            Print::BadVoucherCode { code: "K7QM".into() },
            Print::BadDpi { min: 72, max: 600 },
            Print::Render("page too large".into()),
        ];
        let file = |problem| Error::file(Path::new("/数据/海报.pdf"), problem);
        let mut all: Vec<Error> = core.into_iter().map(Error::Core).collect();
        all.extend(print.into_iter().map(Error::Print));
        all.extend([
            Error::BadUpload,
            file(FileProblem::NotRegular),
            file(FileProblem::ReadOnly),
            file(FileProblem::DanglingLink),
            file(FileProblem::TooLarge { max_mb: 20 }),
            Error::io(
                Path::new("/数据/海报.pdf"),
                std::io::Error::from(std::io::ErrorKind::PermissionDenied),
            ),
            Error::Open { reason: "no default application".into() },
            Error::Autostart { reason: "failed to write the desktop entry".into() },
        ]);
        all
    }

    /// Words that stay Latin in Chinese text: names, formats and a command.
    const LATIN_IN_CHINESE: &[&str] = &[
        "ShopCircle",
        "shopcircle",
        "cli",
        "init",
        "QR",
        "PNG",
        "JPEG",
        "WebP",
        "GIF",
        "BMP",
        "PDF",
        "DPI",
        "MB",
        "Noto",
        "Sans",
        "CJK",
        "K7QM-3XPA-9D2F-ABCD-EFGH",
        "K7QM",
    ];

    #[test]
    fn every_message_is_wholly_in_the_owners_language_and_english_ones_start_with_a_capital() {
        for e in every_error() {
            let en = e.message(Lang::En);
            let first = en.chars().next().unwrap();
            assert!(first.is_uppercase() || "/\"".contains(first), "English starts in lower case: {en}");
            let zh = e.message(Lang::ZhCn);
            // The paths the owner chose are theirs, whatever their letters.
            let mut latin = zh.replace("/数据/海报.pdf", " ").replace("/数据/店.db", " ");
            for word in LATIN_IN_CHINESE {
                latin = latin.replace(word, " ");
            }
            let words: Vec<&str> =
                latin.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() >= 3).collect();
            assert!(words.is_empty(), "English {words:?} in the Chinese message: {zh}");
        }
    }
}
