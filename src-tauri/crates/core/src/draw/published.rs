//! The file a draw publishes with its result: every input anyone needs to
//! recompute it (docs/draw.md), and the check that does so — used by
//! `shopcircle-cli draw verify`, mirrored by tests/draw/verify.py and by the
//! self-contained verifier page.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::fair;

pub const FORMAT: &str = "shopcircle-draw-1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PublishedPrize {
    pub name: String,
    pub quantity: u32,
    #[ts(type = "number")]
    pub value_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Published {
    pub format: String,
    pub title: String,
    pub organiser: String,
    /// Each entrant's published label, in list order (entrant 1 first).
    pub entrants: Vec<String>,
    pub list_sha256: String,
    pub seed_sha256: String,
    /// Revealed with the result.
    pub shop_seed: String,
    pub public_value: String,
    /// What the public value is, as announced ("12月16日上证指数收盘价").
    pub public_value_source: String,
    /// In rank order: rank 1 first.
    pub prizes: Vec<PublishedPrize>,
    pub consolation: String,
    /// The rank each entrant won, 0 for the consolation prize.
    pub result: Vec<u32>,
}

/// What a check of a published draw found: the first difference, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum DrawVerdict {
    Matches,
    NotADrawFile,
    ListHash,
    SeedCommitment,
    Length { published: usize, entrants: usize },
    Entrant { number: usize, published: u32, computed: u32 },
}

impl DrawVerdict {
    pub fn matches(&self) -> bool {
        *self == DrawVerdict::Matches
    }

    /// In one language, whole.
    pub fn message(&self, zh: bool) -> String {
        match (self, zh) {
            (DrawVerdict::Matches, true) => "一致：公布的结果正是这些输入算出的结果".into(),
            (DrawVerdict::Matches, false) => {
                "Matches: the published result is the one these inputs give".into()
            }
            (DrawVerdict::NotADrawFile, true) => "这不是 ShopCircle 抽奖结果文件".into(),
            (DrawVerdict::NotADrawFile, false) => "This is not a ShopCircle draw file".into(),
            (DrawVerdict::ListHash, true) => "名单与冻结时公布的名单哈希不符".into(),
            (DrawVerdict::ListHash, false) => {
                "The list does not match the list hash published at freeze".into()
            }
            (DrawVerdict::SeedCommitment, true) => "公开的店铺种子与冻结时公布的种子哈希不符".into(),
            (DrawVerdict::SeedCommitment, false) => {
                "The revealed shop seed does not match the seed hash published at freeze".into()
            }
            (DrawVerdict::Length { published, entrants }, true) => {
                format!("公布了 {published} 个结果，但名单有 {entrants} 人")
            }
            (DrawVerdict::Length { published, entrants }, false) => {
                format!("{published} results published for {entrants} entrants")
            }
            (DrawVerdict::Entrant { number, published, computed }, true) => {
                format!(
                    "第 {number} 位：公布的奖项是 {}，算出的是 {}",
                    rank_zh(*published),
                    rank_zh(*computed)
                )
            }
            (DrawVerdict::Entrant { number, published, computed }, false) => format!(
                "Entrant {number}: published {}, computed {}",
                rank_en(*published),
                rank_en(*computed)
            ),
        }
    }
}

fn rank_zh(rank: u32) -> String {
    if rank == fair::CONSOLATION {
        "参与奖".into()
    } else {
        format!("第 {rank} 等奖")
    }
}

fn rank_en(rank: u32) -> String {
    if rank == fair::CONSOLATION {
        "the consolation prize".into()
    } else {
        format!("prize {rank}")
    }
}

/// Recomputes a published draw from its inputs.
pub fn verify(p: &Published) -> DrawVerdict {
    if p.format != FORMAT {
        return DrawVerdict::NotADrawFile;
    }
    let list_hash = fair::list_hash(&p.entrants);
    if fair::hex(&list_hash) != p.list_sha256 {
        return DrawVerdict::ListHash;
    }
    let Some(seed) = fair::unhex(&p.shop_seed).and_then(|s| <[u8; 32]>::try_from(s).ok()) else {
        return DrawVerdict::SeedCommitment;
    };
    if fair::hex(&fair::sha256(&seed)) != p.seed_sha256 {
        return DrawVerdict::SeedCommitment;
    }
    let quantities: Vec<u32> = p.prizes.iter().map(|prize| prize.quantity).collect();
    let computed = fair::draw(&p.entrants, &seed, &p.public_value, &quantities);
    if computed.len() != p.result.len() {
        return DrawVerdict::Length { published: p.result.len(), entrants: computed.len() };
    }
    match computed.iter().zip(&p.result).position(|(c, p)| c != p) {
        Some(i) => DrawVerdict::Entrant { number: i + 1, published: p.result[i], computed: computed[i] },
        None => DrawVerdict::Matches,
    }
}

/// Reads a published file's text; anything unreadable is "not a draw file".
pub fn verify_text(text: &str) -> DrawVerdict {
    match serde_json::from_str::<Published>(text) {
        Ok(p) => verify(&p),
        Err(_) => DrawVerdict::NotADrawFile,
    }
}
