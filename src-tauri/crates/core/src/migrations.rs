//! The schema's history: every migration in order, the version this build
//! writes, and the mark that says a SQLite file is ShopCircle's. A leaf, so
//! that both opening a file (`db`) and checking a copy (`backup`) can know them.

/// Every migration, in order. Append only: a released migration is never edited,
/// because databases in the field have already run it.
pub(crate) const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_foundation.sql"),
    include_str!("../migrations/0002_channels_and_qr_sources.sql"),
    include_str!("../migrations/0003_posters.sql"),
    include_str!("../migrations/0004_poster_output_reason.sql"),
    include_str!("../migrations/0005_gifts_and_vouchers.sql"),
    include_str!("../migrations/0006_schedules_and_reminders.sql"),
    include_str!("../migrations/0007_products.sql"),
    include_str!("../migrations/0008_campaigns.sql"),
    include_str!("../migrations/0009_pickup_vouchers_and_spike_orders.sql"),
    include_str!("../migrations/0010_gift_package_days_and_cost_policy.sql"),
    include_str!("../migrations/0011_campaign_posters.sql"),
    include_str!("../migrations/0012_drainage_campaigns.sql"),
    include_str!("../migrations/0013_gift_package_pickup_codes.sql"),
    include_str!("../migrations/0014_members.sql"),
    include_str!("../migrations/0015_purchases.sql"),
    include_str!("../migrations/0016_imports.sql"),
    include_str!("../migrations/0017_rfm_thresholds.sql"),
    include_str!("../migrations/0018_merges_and_erasures.sql"),
    include_str!("../migrations/0019_export_log.sql"),
    include_str!("../migrations/0020_member_indexes.sql"),
    include_str!("../migrations/0021_rule_events.sql"),
    include_str!("../migrations/0022_member_list_order.sql"),
    include_str!("../migrations/0023_imported_customers.sql"),
    include_str!("../migrations/0024_import_mappings.sql"),
    include_str!("../migrations/0025_draws.sql"),
    include_str!("../migrations/0026_referrals.sql"),
    include_str!("../migrations/0027_alliances.sql"),
    include_str!("../migrations/0028_backups.sql"),
];

/// The schema version this build writes.
pub fn schema_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Marks a SQLite file as ShopCircle's (`PRAGMA application_id`, "ShCi"), so
/// another program's database is never mistaken for ours and changed.
pub const APPLICATION_ID: i32 = 0x5368_4369;
