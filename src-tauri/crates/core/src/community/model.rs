//! What a community is: its kind and stage from the method, where it lives,
//! why customers join, and the rules they agree to.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::validate::{in_range, optional_lines, required, unknown};
use crate::{Field, Result};

/// The method's three kinds of community, by how often customers need the shop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Kind {
    HighFrequency,
    LowFrequency,
    Niche,
}

/// The lifecycle: drainage → activation → value output → realization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Stage {
    Drainage,
    Activation,
    ValueOutput,
    Realization,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Platform {
    WechatGroup,
    WecomGroup,
    Other,
}

macro_rules! text_enum {
    ($t:ty, $field:expr, { $($v:ident => $s:literal),+ $(,)? }) => {
        impl $t {
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$v => $s),+ }
            }
            /// Accepts the stored form (`high_frequency`) and the CLI's (`high-frequency`).
            pub fn parse(s: &str) -> Result<Self> {
                match s.trim().replace('-', "_").as_str() {
                    $($s => Ok(Self::$v),)+
                    _ => Err(unknown($field, s)),
                }
            }
        }
    };
}

text_enum!(Kind, Field::Kind, {
    HighFrequency => "high_frequency", LowFrequency => "low_frequency", Niche => "niche",
});
text_enum!(Stage, Field::Stage, {
    Drainage => "drainage", Activation => "activation",
    ValueOutput => "value_output", Realization => "realization",
});
text_enum!(Platform, Field::Platform, {
    WechatGroup => "wechat_group", WecomGroup => "wecom_group", Other => "other",
});

impl Platform {
    /// A WeChat group stops admitting by QR scan at 200 members; a WeCom
    /// customer group holds 500.
    pub fn default_capacity(self) -> i64 {
        match self {
            Platform::WechatGroup | Platform::Other => 200,
            Platform::WecomGroup => 500,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Community {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub kind: Kind,
    pub stage: Stage,
    pub platform: Platform,
    pub purpose: String,
    pub goal: String,
    #[ts(type = "number")]
    pub capacity: i64,
    pub rules: Vec<String>,
    /// The most recent recorded member count, if any.
    #[ts(type = "number | null")]
    pub members: Option<i64>,
    pub archived_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A community as the owner types it. Kind, stage and platform arrive as text and
/// are checked here, so an unknown value gets a clear message, not a crash.
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct CommunityInput {
    pub name: String,
    #[ts(as = "Kind")]
    pub kind: String,
    #[ts(as = "Option<Stage>", optional)]
    #[serde(default)]
    pub stage: Option<String>,
    #[ts(as = "Option<Platform>", optional)]
    #[serde(default)]
    pub platform: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub purpose: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub goal: Option<String>,
    /// Empty means the platform's default.
    #[serde(default)]
    #[ts(type = "number | null", optional)]
    pub capacity: Option<i64>,
    #[serde(default)]
    #[ts(optional)]
    pub rules: Option<Vec<String>>,
}

impl CommunityInput {
    /// The least a community needs: a name and a kind.
    pub fn new(name: impl Into<String>, kind: Kind) -> Self {
        CommunityInput {
            name: name.into(),
            kind: kind.as_str().into(),
            stage: None,
            platform: None,
            purpose: None,
            goal: None,
            capacity: None,
            rules: None,
        }
    }
}

pub const NAME_MAX: usize = 60;
pub const TEXT_MAX: usize = 500;
pub const RULE_MAX: usize = 200;
pub const RULES_MAX: usize = 30;
pub const CAPACITY_MAX: i64 = 100_000;

/// A checked input, ready to store.
pub(crate) struct Valid {
    pub name: String,
    pub kind: Kind,
    pub stage: Stage,
    pub platform: Platform,
    pub purpose: String,
    pub goal: String,
    pub capacity: i64,
    pub rules: Vec<String>,
}

pub(crate) fn validate(input: &CommunityInput) -> Result<Valid> {
    let name = required(Field::Name, &input.name, NAME_MAX)?;
    let kind = Kind::parse(&input.kind)?;
    let stage = input.stage.as_deref().map(Stage::parse).transpose()?.unwrap_or(Stage::Drainage);
    let platform =
        input.platform.as_deref().map(Platform::parse).transpose()?.unwrap_or(Platform::WechatGroup);
    let purpose = optional_lines(Field::Purpose, input.purpose.as_deref().unwrap_or(""), TEXT_MAX)?;
    let goal = optional_lines(Field::Goal, input.goal.as_deref().unwrap_or(""), TEXT_MAX)?;
    let capacity = in_range(
        Field::Capacity,
        input.capacity.unwrap_or_else(|| platform.default_capacity()),
        1,
        CAPACITY_MAX,
    )?;
    let rules = validate_rules(input.rules.as_deref().unwrap_or(&[]))?;
    Ok(Valid { name, kind, stage, platform, purpose, goal, capacity, rules })
}

/// Blank rules are dropped (an empty line in the editor is not a rule).
fn validate_rules(rules: &[String]) -> Result<Vec<String>> {
    let rules: Vec<String> = rules
        .iter()
        .map(|r| optional_lines(Field::Rules, r, RULE_MAX))
        .filter(|r| !matches!(r, Ok(t) if t.is_empty()))
        .collect::<Result<_>>()?;
    if rules.len() > RULES_MAX {
        return Err(crate::Error::invalid(
            Field::Rules,
            crate::Problem::OutOfRange { min: 0, max: RULES_MAX as i64 },
        ));
    }
    Ok(rules)
}
