//! The sample shop's campaigns, one of each kind the wizards make, written
//! through the same plan and apply as the wizards (inside the sample's
//! transaction): next week's flash sale with its poster and pickup codes, the
//! Friday gift-package days with the ladder poster, and a welcome gift that
//! runs from today, already claimed twice at the counter.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use rusqlite::Transaction;

use super::activity::Communities;
use crate::campaign::drainage::{self, DrainageInput, Reward};
use crate::campaign::ladder::{self, BundleItem, LadderInput};
use crate::campaign::spike::{self, SpikeInput};
use crate::campaign::write::Target;
use crate::Result;

/// The first `weekday` after `today`.
fn next(today: NaiveDate, weekday: Weekday) -> NaiveDate {
    let mut d = today + Duration::days(1);
    while d.weekday() != weekday {
        d += Duration::days(1);
    }
    d
}

/// A channel of `community` (they all have a code in the sample).
fn channel_of(tx: &Transaction, community: i64) -> Result<Option<i64>> {
    use rusqlite::OptionalExtension;
    Ok(tx
        .query_row("SELECT id FROM channel WHERE community_id = ?1 ORDER BY id LIMIT 1", [community], |r| {
            r.get(0)
        })
        .optional()?)
}

pub(super) fn create(
    tx: &Transaction,
    c: &Communities,
    products: &[i64],
    welcome_gift: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    let today = crate::shop::today(tx, now)?;
    // Next week's Monday to Thursday at 20:00: the Tieguanyin (traffic) at ¥19.90.
    let monday = next(today, Weekday::Mon);
    let sale = SpikeInput {
        name: String::new(),
        product_id: products[0],
        price_cents: 1990,
        quantity: 10,
        per_customer: 1,
        rule: spike::PRESET_RULE.into(),
        start: format!("{monday} 20:00"),
        minutes: 30,
        ends_on: (monday + Duration::days(3)).to_string(),
        community_ids: vec![c.daily],
        lead_minutes: 60,
        pickup_days: 3,
        pickup_vouchers: true,
        poster_channel_id: channel_of(tx, c.daily)?,
    };
    spike::write_in(tx, &sale, Target::New, now)?;

    // Two Fridays of the gift-package day: the Tieguanyin with the pastry box
    // (profit), on the method's ladder for their ¥107.
    let friday = next(today, Weekday::Fri);
    let value = 3900 + 6800;
    let day = LadderInput {
        name: String::new(),
        items: vec![
            BundleItem { product_id: products[0], quantity: 1 },
            BundleItem { product_id: products[3], quantity: 1 },
        ],
        solo_cents: 9800,
        tiers: ladder::suggested(value),
        shares: 10,
        rule: ladder::PRESET_RULE.into(),
        start: format!("{friday} 20:00"),
        cutoff_minutes: ladder::DEFAULT_CUTOFF_MINUTES,
        ends_on: (friday + Duration::days(7)).to_string(),
        community_ids: vec![c.gifts],
        lead_minutes: 60,
        poster_channel_id: channel_of(tx, c.gifts)?,
    };
    ladder::write_in(tx, &day, Target::New, now)?;

    // A welcome gift in the tea club for two weeks from today, claimed twice.
    let gift = DrainageInput {
        name: String::new(),
        community_id: c.club,
        channel_ids: channel_of(tx, c.club)?.into_iter().collect(),
        reward: Reward::Gift { gift_id: welcome_gift },
        expected_joins: 30,
        budget_cents: Some(10000),
        starts_on: today.to_string(),
        ends_on: (today + Duration::days(13)).to_string(),
        gift_line: String::new(),
    };
    let made = drainage::write_in(tx, &gift, Target::New, now)?;
    for phone in ["13800138000", "13912345678"] {
        drainage::claim_in(tx, made.id, phone, gift.channel_ids.first().copied(), now)?;
    }
    Ok(())
}
