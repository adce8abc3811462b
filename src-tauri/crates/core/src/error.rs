//! The one error type of the core. Every error has a stable `code` the UI branches
//! on, and a message in the owner's language; nothing here is matched by string.

use crate::invalid_message::invalid_message;
use crate::{ErrorCode, Lang};

pub type Result<T> = std::result::Result<T, Error>;

/// A field of an input the owner typed, named in validation errors so the UI can
/// put the message beside the right box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Field {
    ShopName,
    Brand,
    Industry,
    TimeZone,
    Language,
    Name,
    Kind,
    Stage,
    Platform,
    Purpose,
    Goal,
    Capacity,
    Rules,
    DisplayName,
    Role,
    AccountId,
    Note,
    Communities,
    Date,
    Count,
    ChannelKind,
    QrKind,
    Payload,
    MadeAt,
    Staff,
    Template,
    Format,
    Color,
    Headline,
    Subline,
    Gift,
    Address,
    Hours,
    UnitCost,
    PerceivedValue,
    Stock,
    LowStockAt,
    Packaging,
    Benefit,
    AmountOff,
    PercentOff,
    MinSpend,
    ValidFrom,
    ValidUntil,
    HolderName,
    HolderPhone,
    Reason,
    Code,
    Spend,
    Batch,
    Quantity,
    Community,
    Channel,
    Title,
    Rule,
    Start,
    Time,
    EndsOn,
    Skipped,
    LeadMinutes,
    Message,
    Occurrence,
    Topic,
    Body,
    Image,
    Minutes,
    Days,
}

impl Field {
    pub(crate) fn label(self, lang: Lang) -> &'static str {
        use Field::*;
        match (self, lang) {
            (ShopName, Lang::En) => "Shop name",
            (ShopName, Lang::ZhCn) => "店铺名称",
            (Brand, Lang::En) => "Brand name",
            (Brand, Lang::ZhCn) => "品牌名",
            (Industry, Lang::En) => "Industry",
            (Industry, Lang::ZhCn) => "行业",
            (TimeZone, Lang::En) => "Time zone",
            (TimeZone, Lang::ZhCn) => "时区",
            (Language, Lang::En) => "Language",
            (Language, Lang::ZhCn) => "语言",
            (Name, Lang::En) => "Name",
            (Name, Lang::ZhCn) => "名称",
            (Kind, Lang::En) => "Kind",
            (Kind, Lang::ZhCn) => "社群类型",
            (Stage, Lang::En) => "Stage",
            (Stage, Lang::ZhCn) => "阶段",
            (Platform, Lang::En) => "Platform",
            (Platform, Lang::ZhCn) => "平台",
            (Purpose, Lang::En) => "Purpose",
            (Purpose, Lang::ZhCn) => "入群理由",
            (Goal, Lang::En) => "Long-term goal",
            (Goal, Lang::ZhCn) => "长期目标",
            (Capacity, Lang::En) => "Capacity",
            (Capacity, Lang::ZhCn) => "容量",
            (Rules, Lang::En) => "Group rules",
            (Rules, Lang::ZhCn) => "群规",
            (DisplayName, Lang::En) => "Display name",
            (DisplayName, Lang::ZhCn) => "昵称",
            (Role, Lang::En) => "Role",
            (Role, Lang::ZhCn) => "角色",
            (AccountId, Lang::En) => "Account ID",
            (AccountId, Lang::ZhCn) => "账号",
            (Note, Lang::En) => "Note",
            (Note, Lang::ZhCn) => "备注",
            (Communities, Lang::En) => "Communities",
            (Communities, Lang::ZhCn) => "负责的社群",
            (Date, Lang::En) => "Date",
            (Date, Lang::ZhCn) => "日期",
            (Count, Lang::En) => "Member count",
            (Count, Lang::ZhCn) => "成员数",
            (ChannelKind, Lang::En) => "Channel type",
            (ChannelKind, Lang::ZhCn) => "渠道类型",
            (QrKind, Lang::En) => "QR type",
            (QrKind, Lang::ZhCn) => "二维码类型",
            (Payload, Lang::En) => "QR content",
            (Payload, Lang::ZhCn) => "二维码内容",
            (MadeAt, Lang::En) => "Date the group QR was made",
            (MadeAt, Lang::ZhCn) => "群二维码生成日期",
            (Staff, Lang::En) => "Staff account",
            (Staff, Lang::ZhCn) => "店员账号",
            (Template, Lang::En) => "Template",
            (Template, Lang::ZhCn) => "模板",
            (Format, Lang::En) => "File format",
            (Format, Lang::ZhCn) => "文件格式",
            (Color, Lang::En) => "Brand colour",
            (Color, Lang::ZhCn) => "品牌色",
            (Headline, Lang::En) => "Headline",
            (Headline, Lang::ZhCn) => "标题",
            (Subline, Lang::En) => "Sub-line",
            (Subline, Lang::ZhCn) => "副标题",
            (Gift, Lang::En) => "Gift line",
            (Gift, Lang::ZhCn) => "赠品说明",
            (Address, Lang::En) => "Address",
            (Address, Lang::ZhCn) => "地址",
            (Hours, Lang::En) => "Opening hours",
            (Hours, Lang::ZhCn) => "营业时间",
            (UnitCost, Lang::En) => "Unit cost",
            (UnitCost, Lang::ZhCn) => "单件成本",
            (PerceivedValue, Lang::En) => "Perceived value",
            (PerceivedValue, Lang::ZhCn) => "感知价值",
            (Stock, Lang::En) => "Stock",
            (Stock, Lang::ZhCn) => "库存",
            (LowStockAt, Lang::En) => "Low-stock warning level",
            (LowStockAt, Lang::ZhCn) => "库存预警数量",
            (Packaging, Lang::En) => "Packaging note",
            (Packaging, Lang::ZhCn) => "包装说明",
            (Benefit, Lang::En) => "What the voucher gives",
            (Benefit, Lang::ZhCn) => "券的内容",
            (AmountOff, Lang::En) => "Amount off",
            (AmountOff, Lang::ZhCn) => "减免金额",
            (PercentOff, Lang::En) => "Percentage off",
            (PercentOff, Lang::ZhCn) => "折扣百分比",
            (MinSpend, Lang::En) => "Minimum spend",
            (MinSpend, Lang::ZhCn) => "最低消费",
            (ValidFrom, Lang::En) => "Valid from",
            (ValidFrom, Lang::ZhCn) => "生效日期",
            (ValidUntil, Lang::En) => "Valid until",
            (ValidUntil, Lang::ZhCn) => "截止日期",
            (HolderName, Lang::En) => "Customer name",
            (HolderName, Lang::ZhCn) => "顾客姓名",
            (HolderPhone, Lang::En) => "Customer phone",
            (HolderPhone, Lang::ZhCn) => "顾客电话",
            (Reason, Lang::En) => "Reason",
            (Reason, Lang::ZhCn) => "原因",
            (Code, Lang::En) => "Voucher code",
            (Code, Lang::ZhCn) => "券码",
            (Spend, Lang::En) => "Amount spent",
            (Spend, Lang::ZhCn) => "消费金额",
            (Batch, Lang::En) => "Voucher batch",
            (Batch, Lang::ZhCn) => "券批次",
            (Quantity, Lang::En) => "Number of vouchers",
            (Quantity, Lang::ZhCn) => "券的数量",
            (Community, Lang::En) => "Community",
            (Community, Lang::ZhCn) => "社群",
            (Channel, Lang::En) => "Channel",
            (Channel, Lang::ZhCn) => "渠道",
            (Title, Lang::En) => "Title",
            (Title, Lang::ZhCn) => "标题",
            (Rule, Lang::En) => "Repeat rule",
            (Rule, Lang::ZhCn) => "重复规则",
            (Start, Lang::En) => "First day and time",
            (Start, Lang::ZhCn) => "开始日期和时间",
            (Time, Lang::En) => "Time",
            (Time, Lang::ZhCn) => "时间",
            (EndsOn, Lang::En) => "End date",
            (EndsOn, Lang::ZhCn) => "结束日期",
            (Skipped, Lang::En) => "Skipped date",
            (Skipped, Lang::ZhCn) => "跳过的日期",
            (LeadMinutes, Lang::En) => "Remind before (minutes)",
            (LeadMinutes, Lang::ZhCn) => "提前提醒（分钟）",
            (Message, Lang::En) => "Text to post",
            (Message, Lang::ZhCn) => "要发布的文案",
            (Occurrence, Lang::En) => "Occurrence",
            (Occurrence, Lang::ZhCn) => "日程",
            (Topic, Lang::En) => "Topic",
            (Topic, Lang::ZhCn) => "话题",
            (Body, Lang::En) => "Text to post",
            (Body, Lang::ZhCn) => "要发布的文案",
            (Image, Lang::En) => "Image",
            (Image, Lang::ZhCn) => "图片",
            (Minutes, Lang::En) => "Minutes",
            (Minutes, Lang::ZhCn) => "分钟数",
            (Days, Lang::En) => "Number of days",
            (Days, Lang::ZhCn) => "天数",
        }
    }
}

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

    #[error("This voucher batch is voided")]
    BatchVoided,

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
        _ => "记录",
    }
}

impl From<rusqlite_migration::Error> for Error {
    fn from(e: rusqlite_migration::Error) -> Self {
        Error::Migration(e.to_string())
    }
}
