//! SQL fragments that say which members count, shared by the member list,
//! the dashboard and the RFM segments (a leaf, so they depend on nothing).

/// A member neither merged into another nor erased (the table aliased `m`).
pub(crate) const LIVE: &str = "m.merged_into IS NULL AND m.erased_at IS NULL";

/// The members in scope: every member, or those ever in the community `?3`.
pub(crate) const IN_SCOPE: &str =
    "(?3 IS NULL OR EXISTS (SELECT 1 FROM membership s WHERE s.member_id = m.id AND s.community_id = ?3))";

/// The purchases in scope (the table aliased `p`): every one, walk-ins
/// included, or those of members ever in the community `?3`. The members
/// are listed once rather than looked up for each purchase: three times
/// faster over a month of a busy shop's sales.
pub(crate) const PURCHASE_IN_SCOPE: &str =
    "(?3 IS NULL OR p.member_id IN (SELECT member_id FROM membership WHERE community_id = ?3))";
