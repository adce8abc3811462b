-- The shop's members: who they are (as little as the shop needs), which
-- communities they joined through which channel and staff account, what they
-- agreed to, and their tags. No ID numbers, addresses or incomes, by design.

CREATE TABLE member (
    id              INTEGER PRIMARY KEY,
    -- A random identity that is never reused: an erasure is recorded by a
    -- keyed hash of it, so a restored older backup can erase them again.
    uid             TEXT NOT NULL UNIQUE,
    display_name    TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 40),
    -- The 11 digits of a mainland mobile number, or none.
    phone           TEXT CHECK (phone IS NULL OR (length(phone) = 11 AND phone GLOB '1[3-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]')),
    wechat_nickname TEXT NOT NULL DEFAULT '',
    -- Month and day only ("MM-DD"): enough for a birthday greeting.
    birthday_md     TEXT CHECK (birthday_md IS NULL OR birthday_md GLOB '[01][0-9]-[0-3][0-9]'),
    note            TEXT NOT NULL DEFAULT '',
    -- One level of referral: the member who brought them.
    referred_by     INTEGER REFERENCES member(id),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK (referred_by IS NULL OR referred_by <> id)
);
CREATE UNIQUE INDEX member_phone ON member(phone) WHERE phone IS NOT NULL;
CREATE INDEX member_name ON member(display_name);

-- A member in a community: since when, through which channel and staff
-- account (join attribution), until when if they left.
CREATE TABLE membership (
    id           INTEGER PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES member(id),
    community_id INTEGER NOT NULL REFERENCES community(id),
    channel_id   INTEGER REFERENCES channel(id),
    staff_id     INTEGER REFERENCES staff(id),
    joined_at    TEXT NOT NULL,
    left_at      TEXT,
    CHECK (left_at IS NULL OR left_at >= joined_at)
);
-- In a community at most once at a time.
CREATE UNIQUE INDEX membership_current ON membership(member_id, community_id) WHERE left_at IS NULL;
CREATE INDEX membership_by_community ON membership(community_id, joined_at);

CREATE TABLE member_tag (
    member_id INTEGER NOT NULL REFERENCES member(id),
    tag       TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 20),
    PRIMARY KEY (member_id, tag)
) WITHOUT ROWID;
CREATE INDEX member_tag_by_tag ON member_tag(tag);

-- What a member agreed to, per purpose, how and when, and who recorded it.
-- A withdrawal is recorded on the row, never deleted.
CREATE TABLE consent (
    id             INTEGER PRIMARY KEY,
    member_id      INTEGER NOT NULL REFERENCES member(id),
    purpose        TEXT NOT NULL CHECK (purpose IN ('membership', 'marketing')),
    method         TEXT NOT NULL CHECK (method IN ('paper', 'verbal', 'qr_form')),
    notice_version INTEGER NOT NULL,
    given_at       TEXT NOT NULL,
    recorded_by    TEXT NOT NULL DEFAULT '',
    withdrawn_at   TEXT
);
CREATE UNIQUE INDEX consent_current ON consent(member_id, purpose) WHERE withdrawn_at IS NULL;
