//! Every code an error carries across to the window, in one enum that ts-rs
//! writes for the UI: the UI branches on these and never on a message, and a
//! code it does not know is a type error there, not a silent fall-through.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    // The core: the owner's input and the shop's data.
    InvalidInput,
    NotFound,
    Archived,
    NoQrCode,
    NothingToUndo,
    UndoTooLate,
    BatchVoided,
    VoucherClosed,
    PlanRefused,
    CampaignClosed,
    CampaignPublished,
    AlreadyClaimed,
    NotStarted,
    Damaged,
    NotSetUp,
    AlreadySetUp,
    Forbidden,
    /// A member merged into another or erased on request.
    MemberGone,
    // The database file.
    NewerDatabase,
    DatabaseOpen,
    NoDatabase,
    NotADatabase,
    ForeignDatabase,
    Database,
    // Backups, restores and whole-shop files.
    BackupFailed,
    BackupDamaged,
    WrongPassphrase,
    // Printing and reading images (the print crate).
    EmptyPayload,
    PayloadTooLong,
    NoCjkFont,
    TextTooLong,
    TextEmpty,
    BadImage,
    ImageTooLarge,
    NoQrFound,
    SeveralQrFound,
    NoVouchers,
    BadVoucherCode,
    BadDpi,
    RenderFailed,
    // Files and the desktop (the app layer and the shell).
    BadUpload,
    WriteFailed,
    FileRefused,
    OpenFailed,
    Autostart,
    /// A step stopped before it finished (a bug, logged).
    Internal,
}

impl ErrorCode {
    /// The code as scripts and the UI see it ("invalid_input").
    pub fn as_str(self) -> &'static str {
        use ErrorCode::*;
        match self {
            InvalidInput => "invalid_input",
            NotFound => "not_found",
            Archived => "archived",
            NoQrCode => "no_qr_code",
            NothingToUndo => "nothing_to_undo",
            UndoTooLate => "undo_too_late",
            BatchVoided => "batch_voided",
            VoucherClosed => "voucher_closed",
            PlanRefused => "plan_refused",
            CampaignClosed => "campaign_closed",
            CampaignPublished => "campaign_published",
            AlreadyClaimed => "already_claimed",
            NotStarted => "not_started",
            Damaged => "damaged",
            NotSetUp => "not_set_up",
            AlreadySetUp => "already_set_up",
            Forbidden => "forbidden",
            MemberGone => "member_gone",
            NewerDatabase => "newer_database",
            DatabaseOpen => "database_open",
            NoDatabase => "no_database",
            NotADatabase => "not_a_database",
            ForeignDatabase => "foreign_database",
            Database => "database",
            BackupFailed => "backup_failed",
            BackupDamaged => "backup_damaged",
            WrongPassphrase => "wrong_passphrase",
            EmptyPayload => "empty_payload",
            PayloadTooLong => "payload_too_long",
            NoCjkFont => "no_cjk_font",
            TextTooLong => "text_too_long",
            TextEmpty => "text_empty",
            BadImage => "bad_image",
            ImageTooLarge => "image_too_large",
            NoQrFound => "no_qr_found",
            SeveralQrFound => "several_qr_found",
            NoVouchers => "no_vouchers",
            BadVoucherCode => "bad_voucher_code",
            BadDpi => "bad_dpi",
            RenderFailed => "render_failed",
            BadUpload => "bad_upload",
            WriteFailed => "write_failed",
            FileRefused => "file_refused",
            OpenFailed => "open_failed",
            Autostart => "autostart",
            Internal => "internal",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_is_written_as_serde_writes_it() {
        for code in [ErrorCode::InvalidInput, ErrorCode::NoQrCode, ErrorCode::NotADatabase, ErrorCode::BadDpi]
        {
            assert_eq!(serde_json::to_value(code).unwrap(), serde_json::json!(code.as_str()));
        }
    }
}
