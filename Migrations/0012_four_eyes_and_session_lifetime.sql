-- Four-eyes for the acts that hurt most (issue 23 §3): honoring a detainer against the engine (an
-- override towards ICE), marking a decided-and-acted-on detainer as entered in error, granting the
-- supervisor or admin role and reactivating a user take effect only when a second person approves. The proposal is the first person's act; the approval is
-- the second's, in its own audited write, which also makes the act itself (a review or a status
-- change) and links it here. Rows are fingerprinted into the audit log like every record.
CREATE TABLE proposals (
    id             INTEGER PRIMARY KEY,
    -- review: a supervisor's decision (`payload`: decision, evaluationID); status: a status change
    -- (`payload`: from, to, at); user: an account change (`payload`: action add|role|reactivate, name, role, osLogin).
    kind           TEXT    NOT NULL CHECK (kind = 'review' OR kind = 'status' OR kind = 'user'),
    detainer_id    INTEGER REFERENCES detainers(id),
    payload        TEXT    NOT NULL CHECK (json_valid(payload) AND json_type(payload) = 'object'),
    reason         TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    proposed_at    TEXT    NOT NULL CHECK (proposed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    proposed_by    INTEGER NOT NULL REFERENCES users(id),
    -- pending until a second person approves or anyone rejects (the proposer's own rejection is a withdrawal).
    state          TEXT    NOT NULL CHECK (state = 'pending' OR state = 'approved' OR state = 'rejected' OR state = 'withdrawn'),
    decided_at     TEXT    CHECK (decided_at IS NULL OR decided_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    decided_by     INTEGER REFERENCES users(id),
    decision_note  TEXT    CHECK (decision_note IS NULL OR length(decision_note) BETWEEN 1 AND 2000),
    -- What the approval made: the review or the status event.
    effect_table   TEXT    CHECK (effect_table IS NULL OR effect_table = 'reviews' OR effect_table = 'status_events' OR effect_table = 'users'),
    effect_id      INTEGER,
    CHECK ((state = 'pending') = (decided_at IS NULL)),
    CHECK ((decided_at IS NULL) = (decided_by IS NULL)),
    -- Nobody approves their own proposal; withdrawing it is theirs alone.
    CHECK (state <> 'approved' OR decided_by <> proposed_by),
    CHECK (state <> 'withdrawn' OR decided_by = proposed_by),
    CHECK ((state = 'approved') = (effect_id IS NOT NULL)),
    CHECK ((effect_table IS NULL) = (effect_id IS NULL)),
    CHECK (decided_at IS NULL OR decided_at >= proposed_at),
    CHECK ((kind = 'user') = (detainer_id IS NULL)),
    CHECK (kind <> 'user' OR (payload ->> '$.name') IS NOT NULL)
) STRICT;
-- At most one open proposal per detainer: a second would race the first.
CREATE UNIQUE INDEX proposals_one_pending ON proposals (detainer_id) WHERE state = 'pending';
CREATE UNIQUE INDEX proposals_one_pending_per_user ON proposals (payload ->> '$.name') WHERE kind = 'user' AND state = 'pending';
CREATE INDEX proposals_detainer ON proposals (detainer_id, id);
CREATE TRIGGER proposals_no_delete BEFORE DELETE ON proposals
BEGIN SELECT RAISE(ABORT, 'proposals are never deleted; reject or withdraw them'); END;
-- Once decided, a proposal is history.
CREATE TRIGGER proposals_decided_frozen BEFORE UPDATE ON proposals WHEN OLD.state <> 'pending'
BEGIN SELECT RAISE(ABORT, 'a decided proposal cannot change'); END;

-- Sessions have an absolute lifetime (issue 23 §4): a session past it ends with reason 'expired',
-- however active it is. SQLite cannot change a CHECK in place, so the table is rebuilt.
CREATE TABLE web_sessions_next (
    id           INTEGER PRIMARY KEY,
    token_hash   TEXT    NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    user_id      INTEGER NOT NULL REFERENCES users(id),
    csrf_token   TEXT    NOT NULL CHECK (length(csrf_token) >= 32),
    created_at   TEXT    NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    last_seen_at TEXT    NOT NULL CHECK (last_seen_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    ended_at     TEXT    CHECK (ended_at IS NULL OR ended_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    end_reason   TEXT    CHECK (end_reason IS NULL OR end_reason = 'signout' OR end_reason = 'idle' OR end_reason = 'expired'
                                OR end_reason = 'deactivated' OR end_reason = 'password'),
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
) STRICT;
INSERT INTO web_sessions_next (id, token_hash, user_id, csrf_token, created_at, last_seen_at, ended_at, end_reason)
    SELECT id, token_hash, user_id, csrf_token, created_at, last_seen_at, ended_at, end_reason FROM web_sessions;
DROP TABLE web_sessions;
ALTER TABLE web_sessions_next RENAME TO web_sessions;
CREATE INDEX web_sessions_open ON web_sessions (user_id) WHERE ended_at IS NULL;

-- Issue 24 §4: a judicial warrant presented after a DOC or Probation detainer does not make that
-- detainer honorable; ICE may lodge a new detainer with the warrant, a new intake, linked here to
-- the one it replaces (`detainer link NEW --supersedes OLD`).
ALTER TABLE detainers ADD COLUMN supersedes_id INTEGER REFERENCES detainers(id);
CREATE UNIQUE INDEX detainers_supersedes ON detainers (supersedes_id) WHERE supersedes_id IS NOT NULL;

-- Issue 22 ("beyond the law"): public figures about the city's detainers, typed in with who
-- claimed them and the source, so `report reconcile` sets the city's own counts beside them.
-- Appended only: a correction is a new row.
CREATE TABLE public_figures (
    id           INTEGER PRIMARY KEY,
    measure      TEXT    NOT NULL CHECK (length(measure) BETWEEN 1 AND 64),
    value        INTEGER NOT NULL CHECK (value >= 0),
    qualifier    TEXT    NOT NULL CHECK (qualifier = 'exactly' OR qualifier = 'atLeast' OR qualifier = 'about'),
    period_from  TEXT    NOT NULL CHECK (date(period_from) IS period_from),
    period_to    TEXT    NOT NULL CHECK (date(period_to) IS period_to AND period_to >= period_from),
    agency       TEXT    CHECK (agency IS NULL OR agency = 'NYPD' OR agency = 'DOC' OR agency = 'DOP'),
    claimed_by   TEXT    NOT NULL CHECK (length(claimed_by) BETWEEN 1 AND 200),
    source       TEXT    NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
    recorded_at  TEXT    NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    recorded_by  INTEGER NOT NULL REFERENCES users(id)
) STRICT;
CREATE TRIGGER public_figures_append_only_update BEFORE UPDATE ON public_figures
BEGIN SELECT RAISE(ABORT, 'public figures are append-only; record a correction as a new row'); END;
CREATE TRIGGER public_figures_append_only_delete BEFORE DELETE ON public_figures
BEGIN SELECT RAISE(ABORT, 'public figures are append-only'); END;
