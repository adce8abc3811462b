//! Drainage channels: where a community's QR code meets customers (the counter,
//! a table tent, the shop window, a partner store…), so joins can be counted per
//! channel and each carries its own code.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::qr_source::QrSource;
use crate::validate::{required, unknown};
use crate::{Field, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChannelKind {
    Counter,
    TableTent,
    ShopWindow,
    FriendCircle,
    PartnerStore,
    OutdoorEvent,
    Custom,
}

impl ChannelKind {
    pub const ALL: [ChannelKind; 7] = [
        ChannelKind::Counter,
        ChannelKind::TableTent,
        ChannelKind::ShopWindow,
        ChannelKind::FriendCircle,
        ChannelKind::PartnerStore,
        ChannelKind::OutdoorEvent,
        ChannelKind::Custom,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ChannelKind::Counter => "counter",
            ChannelKind::TableTent => "table_tent",
            ChannelKind::ShopWindow => "shop_window",
            ChannelKind::FriendCircle => "friend_circle",
            ChannelKind::PartnerStore => "partner_store",
            ChannelKind::OutdoorEvent => "outdoor_event",
            ChannelKind::Custom => "custom",
        }
    }

    pub fn parse(s: &str) -> Result<ChannelKind> {
        let wanted = s.trim().replace('-', "_");
        Self::ALL.into_iter().find(|k| k.as_str() == wanted).ok_or_else(|| unknown(Field::ChannelKind, s))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Channel {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub community_id: i64,
    pub kind: ChannelKind,
    pub name: String,
    /// The code this channel's posters carry now, if one has been set.
    pub qr: Option<QrSource>,
    pub archived_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ChannelInput {
    #[ts(as = "ChannelKind")]
    pub kind: String,
    pub name: String,
}

pub const NAME_MAX: usize = 40;

pub(crate) fn validate(input: &ChannelInput) -> Result<(ChannelKind, String)> {
    Ok((ChannelKind::parse(&input.kind)?, required(Field::Name, &input.name, NAME_MAX)?))
}
