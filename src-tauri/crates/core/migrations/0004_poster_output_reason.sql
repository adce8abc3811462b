-- Why each file was made, for the poster's history: saved by the owner, sent to
-- the printer, or re-rendered because the channel's code was replaced.

ALTER TABLE poster_output ADD COLUMN reason TEXT NOT NULL DEFAULT 'saved'
    CHECK (reason IN ('saved', 'printed', 'rerendered'));
