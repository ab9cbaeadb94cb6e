-- 0013: everything that decides who someone is, in the audit (issue 23 §2), and a second factor
-- for supervisors and admins (issue 23 §4).
--
-- Passwords (user_credentials), web sessions, settings and the tables below are fingerprinted
-- into the audit entry of every write that makes or changes a row (IdentityTable.swift), and
-- `detainer check` compares them by content. Sessions and credentials are history: never deleted.
CREATE TRIGGER web_sessions_no_delete BEFORE DELETE ON web_sessions
BEGIN SELECT RAISE(ABORT, 'web sessions are never deleted; end them'); END;
CREATE TRIGGER user_credentials_no_delete BEFORE DELETE ON user_credentials
BEGIN SELECT RAISE(ABORT, 'credentials are never deleted; deactivate the user'); END;

-- A supervisor or admin who signs in on a production database without a second factor enrolled
-- gets a session that can do nothing but enrol one (and sign out).
ALTER TABLE web_sessions ADD COLUMN awaiting_second_factor INTEGER NOT NULL DEFAULT 0
    CHECK (awaiting_second_factor IN (0, 1));

-- A TOTP secret (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), base32 as the authenticator
-- app takes it. 'pending' from the start of enrolment until the user proves it with a code;
-- then 'active'. last_step: the time step of the last code accepted (a code is used once).
CREATE TABLE user_totp (
    user_id      INTEGER NOT NULL PRIMARY KEY REFERENCES users(id),
    secret       TEXT    NOT NULL CHECK (length(secret) BETWEEN 16 AND 64 AND NOT secret GLOB '*[^A-Z2-7]*'),
    state        TEXT    NOT NULL CHECK (state = 'pending' OR state = 'active'),
    created_at   TEXT    NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    confirmed_at TEXT    CHECK (confirmed_at IS NULL OR confirmed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    last_step    INTEGER CHECK (last_step IS NULL OR last_step >= 0),
    CHECK ((state = 'active') = (confirmed_at IS NOT NULL))
) STRICT;
CREATE TRIGGER user_totp_no_delete BEFORE DELETE ON user_totp
BEGIN SELECT RAISE(ABORT, 'a second factor is replaced, never deleted'); END;

-- One-time recovery codes, shown once at enrolment: only their SHA-256 is kept (each code is 80
-- random bits, so a copy of the database does not reveal them). A code is used once; enrolling
-- again replaces the unused ones.
CREATE TABLE recovery_codes (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    code_hash  TEXT    NOT NULL UNIQUE CHECK (length(code_hash) = 64 AND NOT code_hash GLOB '*[^0-9a-f]*'),
    created_at TEXT    NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    ended_at   TEXT    CHECK (ended_at IS NULL OR ended_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    end_reason TEXT    CHECK (end_reason IS NULL OR end_reason = 'used' OR end_reason = 'replaced'),
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
) STRICT;
CREATE INDEX recovery_codes_open ON recovery_codes (user_id) WHERE ended_at IS NULL;
CREATE TRIGGER recovery_codes_no_delete BEFORE DELETE ON recovery_codes
BEGIN SELECT RAISE(ABORT, 'recovery codes are ended, never deleted'); END;
