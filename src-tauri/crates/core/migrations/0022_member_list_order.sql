-- The member list, newest first, a page at a time without sorting them all.
CREATE INDEX member_by_created ON member(created_at, id);
