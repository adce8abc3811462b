//! SQL fragments that say which members count, shared by the member list,
//! the dashboard and the RFM segments (a leaf, so they depend on nothing).

/// A member neither merged into another nor erased (the table aliased `m`).
pub(crate) const LIVE: &str = "m.merged_into IS NULL AND m.erased_at IS NULL";

/// The members in scope: every member, or those ever in the community `?3`.
pub(crate) const IN_SCOPE: &str =
    "(?3 IS NULL OR EXISTS (SELECT 1 FROM membership s WHERE s.member_id = m.id AND s.community_id = ?3))";
