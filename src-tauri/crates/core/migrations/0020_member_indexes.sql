-- Indexes the dashboard needs at 20,000 members and 1,000,000 purchases: a
-- member's communities (every "members of this community" check), and a
-- member's purchases with their amounts, so the RFM figures read the index
-- alone.
CREATE INDEX membership_by_member ON membership(member_id, community_id);
DROP INDEX purchase_by_member;
CREATE INDEX purchase_by_member ON purchase(member_id, occurred_at, amount_cents);
-- A period's sales and buyers read from the index alone.
DROP INDEX purchase_by_time;
CREATE INDEX purchase_by_time ON purchase(occurred_at, member_id, amount_cents);
