-- Group rules in action: each warning given and each removal from a
-- community, with the rule, the staff account and a note. A removal also
-- ends the member's membership there (in the same transaction).
CREATE TABLE rule_event (
    id           INTEGER PRIMARY KEY,
    community_id INTEGER NOT NULL REFERENCES community(id),
    member_id    INTEGER NOT NULL REFERENCES member(id),
    kind         TEXT NOT NULL CHECK (kind IN ('warning', 'removal')),
    rule         TEXT NOT NULL,
    staff_id     INTEGER REFERENCES staff(id),
    note         TEXT NOT NULL DEFAULT '',
    at           TEXT NOT NULL
);
CREATE INDEX rule_event_by_community ON rule_event(community_id, at);
CREATE INDEX rule_event_by_member ON rule_event(member_id);
