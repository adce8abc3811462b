//! What a campaign is, its status, and the checks a plan reports.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Lang;

/// The method's six campaigns (the last three come with the member list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CampaignKind {
    Spike,
    Ladder,
    Drainage,
    Draw,
    Referral,
    Alliance,
}

impl CampaignKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CampaignKind::Spike => "spike",
            CampaignKind::Ladder => "ladder",
            CampaignKind::Drainage => "drainage",
            CampaignKind::Draw => "draw",
            CampaignKind::Referral => "referral",
            CampaignKind::Alliance => "alliance",
        }
    }

    pub(crate) fn parse(s: &str) -> CampaignKind {
        match s {
            "ladder" => CampaignKind::Ladder,
            "drainage" => CampaignKind::Drainage,
            "draw" => CampaignKind::Draw,
            "referral" => CampaignKind::Referral,
            "alliance" => CampaignKind::Alliance,
            _ => CampaignKind::Spike,
        }
    }
}

/// One status machine for every kind. Only `draft` and `cancelled` are
/// decided by the owner; the rest follow from the dates, so none goes stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Status {
    Draft,
    Scheduled,
    Running,
    Ended,
    Cancelled,
}

impl Status {
    pub fn parse(s: &str) -> crate::Result<Status> {
        match s.trim() {
            "draft" => Ok(Status::Draft),
            "scheduled" => Ok(Status::Scheduled),
            "running" => Ok(Status::Running),
            "ended" => Ok(Status::Ended),
            "cancelled" => Ok(Status::Cancelled),
            other => Err(crate::validate::unknown(crate::Field::Status, other)),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Scheduled => "scheduled",
            Status::Running => "running",
            Status::Ended => "ended",
            Status::Cancelled => "cancelled",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Campaign {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: CampaignKind,
    pub name: String,
    pub status: Status,
    #[ts(type = "number[]")]
    pub community_ids: Vec<i64>,
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    /// The next session still to start, if any.
    pub next_at: Option<String>,
    #[ts(type = "number")]
    pub sessions: i64,
    pub cancel_reason: String,
    pub created_at: String,
    /// Done of planned and the money, once published.
    pub figures: Option<super::report::KeyFigures>,
}

/// How a check came out: passed, a warning the owner may accept, or a refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Outcome {
    Pass,
    Warn,
    Refuse,
}

/// One rule a plan was checked against, and what it found, in the owner's language.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Check {
    /// Stable name of the rule, for the UI and the tests.
    pub rule: String,
    pub outcome: Outcome,
    /// In the shop's language.
    pub message: String,
    #[serde(skip)]
    pub(crate) en: String,
    #[serde(skip)]
    pub(crate) zh: String,
}

impl Check {
    pub(crate) fn new(rule: &str, outcome: Outcome, lang: Lang, en: String, zh: String) -> Check {
        let message = if lang == Lang::ZhCn { zh.clone() } else { en.clone() };
        Check { rule: rule.to_owned(), outcome, message, en, zh }
    }
}

/// The refusals among `checks` as an error, or `Ok` when there are none.
pub(crate) fn refused(checks: &[Check]) -> crate::Result<()> {
    let refusals: Vec<&Check> = checks.iter().filter(|c| c.outcome == Outcome::Refuse).collect();
    if refusals.is_empty() {
        return Ok(());
    }
    Err(crate::Error::PlanRefused {
        en: refusals.iter().map(|c| c.en.clone()).collect(),
        zh: refusals.iter().map(|c| c.zh.clone()).collect(),
    })
}

/// One session of a campaign (a flash sale's evening, a gift-package day).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PlannedSession {
    pub day: String,
    pub starts_at: String,
    pub ends_at: String,
}

/// A post the plan puts on the content calendar.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PlannedPost {
    #[ts(type = "number")]
    pub community_id: i64,
    pub day: String,
    pub time: String,
    pub topic: String,
    pub body: String,
}

/// How a below-cost check comes out under the shop's policy; `None` when it is not reported.
pub(crate) fn below_cost(policy: crate::cost_policy::CostPolicy) -> Option<Outcome> {
    use crate::cost_policy::CostPolicy;
    match policy {
        CostPolicy::Block => Some(Outcome::Refuse),
        CostPolicy::Warn => Some(Outcome::Warn),
        CostPolicy::Off => None,
    }
}
