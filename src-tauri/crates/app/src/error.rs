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
    Io(String),
}

impl Error {
    pub fn file(path: &Path, problem: FileProblem) -> Error {
        Error::File { path: path.to_owned(), problem }
    }

    pub fn io(path: &Path, e: std::io::Error) -> Error {
        Error::file(path, FileProblem::Io(e.to_string()))
    }

    /// The stable code the UI and scripts branch on.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Core(e) => e.code(),
            Error::Print(e) => print_code(e),
            Error::BadUpload => ErrorCode::BadUpload,
            Error::File { problem: FileProblem::Io(_), .. } => ErrorCode::WriteFailed,
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
            Error::BadUpload if en => "the file did not arrive whole; try again".into(),
            Error::BadUpload => "文件没有完整传到，请重试".into(),
            Error::File { path, problem } => file_message(path, problem, lang),
            Error::Open { reason } if en => {
                format!("the file was made, but the system could not open it: {reason}")
            }
            Error::Open { reason } => format!("文件已生成，但系统无法打开它：{reason}"),
            Error::Autostart { reason } if en => format!("The login setting could not be changed: {reason}"),
            Error::Autostart { reason } => format!("无法更改开机启动设置：{reason}"),
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
        (FileProblem::Io(reason), Lang::En) => format!("could not use {path}: {reason}"),
        (FileProblem::Io(reason), Lang::ZhCn) => format!("无法使用 {path}：{reason}"),
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
