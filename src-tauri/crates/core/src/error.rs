//! The one error type of the core. Every error has a stable `code` the UI branches
//! on, and a message in the owner's language; nothing here is matched by string.

pub use crate::field::Field;
use crate::invalid_message::invalid_message;
use crate::{ErrorCode, Lang};

pub type Result<T> = std::result::Result<T, Error>;

/// An error as it crosses to the UI: the UI branches on `code` (and marks
/// `field`), and shows `message`, already in the owner's language.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<Field>,
}

/// What is wrong with a field's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Empty,
    TooShort {
        min: usize,
    },
    TooLong {
        max: usize,
    },
    OutOfRange {
        min: i64,
        max: i64,
    },
    Unknown {
        value: String,
    },
    InFuture,
    InPast,
    BeforeStart,
    Duplicate,
    /// A repeat rule with no occurrence at all (the 30th of February).
    NeverOccurs,
    /// An end date with a rule that already says how many times (COUNT).
    CountAndEnd,
    /// More often than once a day: a reminder every hour is noise, not rhythm.
    TooFrequent,
    /// Refused for a reason already in the owner's words (the counter's answer).
    Refused {
        reason: String,
    },
    /// A file named for one format asked to hold another ("x.pdf" as PNG).
    ExtensionMismatch {
        extension: String,
        format: String,
    },
    /// An invisible control character (ESC, BEL, NUL, or a line break in a
    /// one-line field).
    ControlCharacter,
    /// A file larger than the limit, in megabytes.
    TooLarge {
        max_mb: usize,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", invalid_message(*.field, .problem, Lang::En))]
    Invalid { field: Field, problem: Problem },

    #[error("There is no {what} numbered {id}")]
    NotFound { what: &'static str, id: i64 },

    #[error("This community is archived; restore it before changing it")]
    Archived,

    #[error("This channel has no QR code yet: import a screenshot or type a link first")]
    NoQrCode,

    #[error("There is no redemption to undo")]
    NothingToUndo,

    #[error("A redemption can be undone only within {minutes} minutes")]
    UndoTooLate { minutes: i64 },

    #[error("This voucher was already redeemed or voided")]
    VoucherClosed,

    /// A campaign's plan failed its checks: each refusal, in both languages.
    #[error("The campaign cannot be created: {}", en.join("; "))]
    PlanRefused { en: Vec<String>, zh: Vec<String> },

    #[error("This campaign has already ended or been cancelled")]
    CampaignClosed,

    #[error(
        "This campaign is already published: its terms are locked (copy it to run it again with changes)"
    )]
    CampaignPublished,

    #[error("This campaign has already started: it can no longer be edited (copy it to run it again with changes)")]
    CampaignStarted,

    #[error("A post of this campaign has already gone out to the group: what it promised is public, so it can no longer be edited (copy it to run it again with changes)")]
    CampaignAnnounced,

    #[error("No buyer recorded in this session to undo")]
    NoBuyerToUndo,

    #[error("This buyer has already collected at the counter; undo that redemption first")]
    AlreadyCollected,

    #[error("This voucher batch is voided")]
    BatchVoided,

    /// Settling a gift-package day again would take back packages an address
    /// has already collected.
    #[error("Gift packages already collected by {address}: {collected}, more than the {shares} the new list gives it. Add its line back, or undo a pickup at the counter first")]
    PackagesCollected { address: String, collected: i64, shares: i64 },

    /// A drainage gift claimed twice with one number; `at` is local ("28 Nov 14:02").
    #[error("{phone} already claimed this gift on {at}: one per mobile number")]
    AlreadyClaimed { phone: String, at: String },

    /// A campaign not yet begun, and its first day ("YYYY-MM-DD").
    #[error("This campaign starts on {on}; claims open then")]
    NotStarted { on: String },

    /// A draw step asked for before its time; `at` is local ("2026-12-15 22:00").
    #[error("Not yet: the list freezes at {at}")]
    DrawFreezeNotYet { at: String },

    #[error("Not yet: the draw happens at {at}")]
    DrawNotYet { at: String },

    #[error("This draw's list is already frozen")]
    DrawFrozen,

    /// The draw time came before the list was frozen: the public value may be
    /// known, so freezing now could be steered.
    #[error("The draw time ({at}) has passed with the list not frozen: it can no longer be drawn fairly; cancel it and copy it with new dates")]
    DrawFreezeMissed { at: String },

    #[error("A frozen draw cannot be cancelled before it is drawn (its result would be chosen by not drawing): run it at its time")]
    DrawFrozenNotCancelled,

    #[error("Freeze the draw's list first")]
    DrawNotFrozen,

    #[error("This draw has already been run: its result cannot change")]
    DrawAlreadyRun,

    #[error("Nobody meets the draw's conditions, so there is no list to freeze")]
    NoEntrants,

    #[error("All {count} next-visit vouchers have been handed out; issue more from the Vouchers page")]
    VouchersUsedUp { count: i64 },

    #[error("No claim to undo in this campaign")]
    NoClaimToUndo,

    /// A member merged into another; `into` is the kept member's name.
    #[error("This member was merged into {into}; open that member instead")]
    MemberMerged { into: String },

    #[error("This member's data was erased on request")]
    MemberErased,

    /// A merge undone while a later merge builds on it.
    #[error("A later merge involves these members; undo that one first")]
    LaterMerge,

    #[error("The data file is damaged: {0}")]
    Damaged(&'static str),

    #[error("The shop has not been set up yet")]
    NotSetUp,

    #[error("The shop is already set up")]
    AlreadySetUp,

    #[error(
        "This database was written by a newer version of ShopCircle (schema {found}, this version knows {known}); install the newer version instead of opening it with this one"
    )]
    NewerDatabase { found: i64, known: i64 },

    #[error("The database could not be opened: {0}")]
    Open(String),

    #[error("The database is busy with another ShopCircle; try again")]
    Busy,

    #[error("{path} could not be switched to write-ahead logging; its file system may not allow it (a network drive?)")]
    NoWal { path: String },

    #[error("The clock can be set only in end-to-end tests")]
    TestClockRefused,

    #[error("No ShopCircle database at {path}; check the path, or create one with `shopcircle-cli init`")]
    NoDatabase { path: String },

    #[error("{path} is not a database file")]
    NotADatabase { path: String },

    #[error("{path} belongs to another program, not ShopCircle; it was left untouched")]
    ForeignDatabase { path: String },

    #[error("Database error: {0}")]
    Database(#[from] rusqlite::Error),

    #[error("Database migration failed: {0}")]
    Migration(String),

    #[error("{}", .0.message(Lang::En))]
    Backup(crate::backup::BackupProblem),
}

impl Error {
    pub fn invalid(field: Field, problem: Problem) -> Self {
        Error::Invalid { field, problem }
    }

    /// The stable code the UI and scripts branch on.
    pub fn code(&self) -> ErrorCode {
        use ErrorCode as C;
        match self {
            Error::Invalid { .. } => C::InvalidInput,
            Error::NotFound { .. } => C::NotFound,
            Error::Archived => C::Archived,
            Error::NoQrCode => C::NoQrCode,
            Error::NothingToUndo => C::NothingToUndo,
            Error::UndoTooLate { .. } => C::UndoTooLate,
            Error::BatchVoided => C::BatchVoided,
            Error::VoucherClosed => C::VoucherClosed,
            Error::PlanRefused { .. } => C::PlanRefused,
            Error::CampaignClosed => C::CampaignClosed,
            Error::CampaignPublished => C::CampaignPublished,
            Error::CampaignStarted | Error::CampaignAnnounced => C::CampaignPublished,
            Error::NoBuyerToUndo => C::NothingToUndo,
            Error::AlreadyCollected | Error::PackagesCollected { .. } => C::VoucherClosed,
            Error::AlreadyClaimed { .. } => C::AlreadyClaimed,
            Error::NotStarted { .. } | Error::DrawFreezeNotYet { .. } | Error::DrawNotYet { .. } => {
                C::NotStarted
            }
            Error::DrawFrozen | Error::DrawAlreadyRun | Error::DrawFrozenNotCancelled => C::CampaignPublished,
            Error::DrawFreezeMissed { .. } => C::CampaignClosed,
            Error::DrawNotFrozen | Error::NoEntrants => C::CampaignClosed,
            Error::VouchersUsedUp { .. } => C::NoVouchers,
            Error::NoClaimToUndo => C::NothingToUndo,
            Error::MemberMerged { .. } | Error::MemberErased => C::MemberGone,
            Error::LaterMerge => C::NothingToUndo,
            Error::Damaged(_) => C::Damaged,
            Error::NotSetUp => C::NotSetUp,
            Error::AlreadySetUp => C::AlreadySetUp,
            Error::TestClockRefused => C::Forbidden,
            Error::Busy => C::Database,
            Error::NoWal { .. } => C::DatabaseOpen,
            Error::NewerDatabase { .. } => C::NewerDatabase,
            Error::Open(_) => C::DatabaseOpen,
            Error::NoDatabase { .. } => C::NoDatabase,
            Error::NotADatabase { .. } => C::NotADatabase,
            Error::ForeignDatabase { .. } => C::ForeignDatabase,
            Error::Database(_) | Error::Migration(_) => C::Database,
            Error::Backup(p) => backup_code(p),
        }
    }

    /// The field an invalid-input error is about, for the UI to mark.
    pub fn field(&self) -> Option<Field> {
        match self {
            Error::Invalid { field, .. } => Some(*field),
            _ => None,
        }
    }

    pub fn payload(&self, lang: Lang) -> ErrorPayload {
        ErrorPayload { code: self.code(), message: self.message(lang), field: self.field() }
    }

    /// The message in the owner's language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Error::Invalid { field, problem }, _) => invalid_message(*field, problem, lang),
            (Error::Backup(p), _) => p.message(lang),
            (_, Lang::En) => self.to_string(),
            (Error::NotFound { what, id }, Lang::ZhCn) => {
                format!("找不到{} {id}", what_zh(what))
            }
            (Error::Archived, Lang::ZhCn) => "该社群已归档，请先恢复再修改".into(),
            (Error::NoQrCode, Lang::ZhCn) => "这个渠道还没有二维码，请先导入截图或填写链接".into(),
            (Error::NothingToUndo, Lang::ZhCn) => "没有可以撤销的核销".into(),
            (Error::UndoTooLate { minutes }, Lang::ZhCn) => format!("核销只能在 {minutes} 分钟内撤销"),
            (Error::BatchVoided, Lang::ZhCn) => "这批券已作废".into(),
            (Error::VoucherClosed, Lang::ZhCn) => "这张券已核销或已作废".into(),
            (Error::PlanRefused { zh, .. }, Lang::ZhCn) => format!("无法创建活动：{}", zh.join("；")),
            (Error::CampaignClosed, Lang::ZhCn) => "这个活动已经结束或已取消".into(),
            (Error::CampaignPublished, Lang::ZhCn) => "这个活动已经发布，价格、数量等已锁定（可复制后修改再办一次）".into(),
            (Error::CampaignStarted, Lang::ZhCn) => "这个活动已经开始，不能再修改（可复制后修改再办一次）".into(),
            (Error::CampaignAnnounced, Lang::ZhCn) => "这个活动已有内容发到群里，承诺已公开，不能再修改（可复制后修改再办一次）".into(),
            (Error::NoBuyerToUndo, Lang::ZhCn) => "这一场还没有记录买家，无可撤销".into(),
            (Error::AlreadyCollected, Lang::ZhCn) => "这位买家已在收银台提货，请先撤销那次核销".into(),
            (Error::PackagesCollected { address, collected, shares }, Lang::ZhCn) => format!(
                "{address} 已取走 {collected} 份礼包，新名单只有 {shares} 份：请把它的接龙行加回去，或先在收银台撤销取货"
            ),
            (Error::AlreadyClaimed { phone, at }, Lang::ZhCn) => format!("{phone} 已在 {at} 领过这份入群礼：每个手机号限领一次"),
            (Error::NotStarted { on }, Lang::ZhCn) => format!("这个活动 {on} 开始，届时才能领取"),
            (Error::DrawFreezeNotYet { at }, Lang::ZhCn) => format!("还没到时间：名单 {at} 冻结"),
            (Error::DrawNotYet { at }, Lang::ZhCn) => format!("还没到时间：{at} 开奖"),
            (Error::DrawFrozen, Lang::ZhCn) => "这次抽奖的名单已经冻结".into(),
            (Error::DrawFreezeMissed { at }, Lang::ZhCn) => {
                format!("开奖时间（{at}）已过而名单未冻结：已无法公平开奖，请取消后复制并重设时间")
            }
            (Error::DrawFrozenNotCancelled, Lang::ZhCn) => "名单已冻结的抽奖在开奖前不能取消（否则等于借不开奖挑选结果）：请按时开奖".into(),
            (Error::DrawNotFrozen, Lang::ZhCn) => "请先冻结抽奖名单".into(),
            (Error::DrawAlreadyRun, Lang::ZhCn) => "这次抽奖已经开奖，结果不能更改".into(),
            (Error::NoEntrants, Lang::ZhCn) => "没有人符合抽奖条件，无法冻结名单".into(),
            (Error::VouchersUsedUp { count }, Lang::ZhCn) => format!("{count} 张下次到店券已全部发完，可在“券”页面再发一批"),
            (Error::NoClaimToUndo, Lang::ZhCn) => "这个活动还没有领取记录，无可撤销".into(),
            (Error::MemberMerged { into }, Lang::ZhCn) => format!("这位会员已合并到 {into}，请打开那位会员"),
            (Error::MemberErased, Lang::ZhCn) => "这位会员的资料已应本人要求删除".into(),
            (Error::LaterMerge, Lang::ZhCn) => "之后还有涉及这些会员的合并，请先撤销那一次".into(),
            (Error::Damaged(_), Lang::ZhCn) => "数据文件已损坏，请从备份恢复".into(),
            (Error::NotSetUp, Lang::ZhCn) => "店铺尚未设置".into(),
            (Error::AlreadySetUp, Lang::ZhCn) => "店铺已经设置过了".into(),
            (Error::NewerDatabase { found, known }, Lang::ZhCn) => format!(
                "此数据库由更新版本的 ShopCircle 写入（结构版本 {found}，本版本只认识 {known}）。请安装新版本再打开，以免损坏数据"
            ),
            (Error::Open(_), Lang::ZhCn) => "无法打开数据库：请检查文件是否存在、是否有读写权限".into(),
            (Error::NoDatabase { path }, Lang::ZhCn) => {
                format!("{path} 没有 ShopCircle 数据库；请检查路径，或用 `shopcircle-cli init` 新建")
            }
            (Error::NoWal { path }, Lang::ZhCn) => {
                format!("{path} 无法切换到预写日志模式，所在的文件系统可能不支持（是网络盘吗？）")
            }
            (Error::Busy, Lang::ZhCn) => "数据库正被另一个 ShopCircle 使用，请重试".into(),
            (Error::TestClockRefused, Lang::ZhCn) => "只有端到端测试可以调整时钟".into(),
            (Error::NotADatabase { path }, Lang::ZhCn) => format!("{path} 不是数据库文件"),
            (Error::ForeignDatabase { path }, Lang::ZhCn) => {
                format!("{path} 属于其他程序，不是 ShopCircle 的数据库；未做任何改动")
            }
            // SQLite's words are English; the Chinese message stays Chinese.
            (Error::Database(_), Lang::ZhCn) => "数据库出错，请重试；如果反复出现，请从备份恢复".into(),
            (Error::Migration(_), Lang::ZhCn) => "数据库升级失败，数据未做改动；请安装完整的新版本后再试".into(),
        }
    }
}

fn backup_code(p: &crate::backup::BackupProblem) -> ErrorCode {
    use crate::backup::BackupProblem as P;
    match p {
        P::DiskFull { .. }
        | P::FolderNotWritable { .. }
        | P::FolderMissing { .. }
        | P::WriteFailed { .. }
        | P::CopyFailedCheck { .. }
        | P::InUse => ErrorCode::BackupFailed,
        P::Newer { .. } => ErrorCode::NewerDatabase,
        P::WrongPassphrase => ErrorCode::WrongPassphrase,
        P::HashMismatch { .. }
        | P::Damaged { .. }
        | P::NotOurs { .. }
        | P::Missing { .. }
        | P::DataFileDamaged { .. }
        | P::ShopFileDamaged { .. }
        | P::NotAShopFile { .. } => ErrorCode::BackupDamaged,
    }
}

fn what_zh(what: &str) -> &'static str {
    match what {
        "community" => "社群",
        "staff" => "店员账号",
        "channel" => "引流渠道",
        "qr code" => "二维码",
        "poster" => "海报",
        "gift" => "赠品",
        "voucher batch" => "券批次",
        "voucher" => "券",
        "file" => "文件",
        "schedule" => "日程",
        "content item" => "内容",
        "product" => "商品",
        "campaign" => "活动",
        "session" => "场次",
        "member" => "会员",
        "membership" => "入群记录",
        "purchase" => "消费记录",
        "import" => "导入记录",
        "merge" => "合并记录",
        "partner" => "合作商家",
        "alliance" => "邻里联盟",
        "referral day" => "推荐活动",
        _ => "记录",
    }
}

impl From<rusqlite_migration::Error> for Error {
    fn from(e: rusqlite_migration::Error) -> Self {
        Error::Migration(e.to_string())
    }
}
