//! The shell's error: whatever the core or the print crate refused, carried to
//! the UI as `{ code, message, field }` in the owner's language.

use shopcircle_core::{ErrorPayload, Lang};

#[derive(Debug)]
pub enum AppError {
    Core(shopcircle_core::Error),
    Print(shopcircle_print::Error),
    /// The UI sent bytes that are not base64: a bug in the UI, not the owner's doing.
    BadUpload,
    /// A poster file could not be written where the owner chose.
    Write {
        path: std::path::PathBuf,
        reason: String,
    },
    /// The system could not open a file (no PDF viewer, no file manager).
    Open {
        reason: String,
    },
}

impl From<shopcircle_core::Error> for AppError {
    fn from(e: shopcircle_core::Error) -> Self {
        AppError::Core(e)
    }
}

impl From<shopcircle_print::Error> for AppError {
    fn from(e: shopcircle_print::Error) -> Self {
        AppError::Print(e)
    }
}

impl AppError {
    pub fn payload(&self, lang: Lang) -> ErrorPayload {
        match self {
            AppError::Core(e) => e.payload(lang),
            AppError::Print(e) => ErrorPayload {
                code: e.code().into(),
                message: if lang == Lang::En { e.to_string() } else { e.message_zh() },
                field: None,
            },
            AppError::BadUpload => ErrorPayload {
                code: "bad_upload".into(),
                message: if lang == Lang::En {
                    "the file did not arrive whole; try again"
                } else {
                    "文件没有完整传到，请重试"
                }
                .into(),
                field: None,
            },
            AppError::Write { path, reason } => ErrorPayload {
                code: "write_failed".into(),
                message: if lang == Lang::En {
                    format!("could not write {}: {reason}", path.display())
                } else {
                    format!("无法写入 {}：{reason}", path.display())
                },
                field: None,
            },
            AppError::Open { reason } => ErrorPayload {
                code: "open_failed".into(),
                message: if lang == Lang::En {
                    format!("the file was made, but the system could not open it: {reason}")
                } else {
                    format!("文件已生成，但系统无法打开它：{reason}")
                },
                field: None,
            },
        }
    }
}
