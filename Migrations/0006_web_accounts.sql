-- Web sign-in for `detainer serve`: passwords, lockouts and sessions.
--
-- Kept out of `users` on purpose: `users` rows are fingerprinted into the audit log, and a
-- failed-sign-in counter that changed the row on every wrong password would make `detainer
-- check` report the account as tampered with. Setting a password, signing in, failing and
-- signing out are audit-log entries (actions user.passwd, auth.*); these tables hold the state.

-- One row per user who has a web password. Only a bcrypt hash (cost >= 12) is stored.
CREATE TABLE user_credentials (
    user_id        INTEGER NOT NULL PRIMARY KEY REFERENCES users(id),
    password_hash  TEXT    NOT NULL CHECK (length(password_hash) = 60 AND substr(password_hash, 1, 1) = '$'),
    set_at         TEXT    NOT NULL CHECK (set_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    set_by         INTEGER NOT NULL REFERENCES users(id),
    -- Consecutive failed sign-ins since the last success; reaching the limit sets locked_until.
    failed_signins INTEGER NOT NULL DEFAULT 0 CHECK (failed_signins >= 0),
    locked_until   TEXT    CHECK (locked_until IS NULL OR locked_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')
) STRICT;

-- Browser sessions. The cookie carries a random token; only its SHA-256 is stored, so a copy of
-- the database does not let anyone sign in as anyone.
CREATE TABLE web_sessions (
    id           INTEGER PRIMARY KEY,
    token_hash   TEXT    NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    user_id      INTEGER NOT NULL REFERENCES users(id),
    -- Per-session anti-forgery token, sent back in every form (hidden field) or X-CSRF-Token.
    csrf_token   TEXT    NOT NULL CHECK (length(csrf_token) >= 32),
    created_at   TEXT    NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    last_seen_at TEXT    NOT NULL CHECK (last_seen_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    ended_at     TEXT    CHECK (ended_at IS NULL OR ended_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    end_reason   TEXT    CHECK (end_reason IS NULL OR end_reason = 'signout' OR end_reason = 'idle'
                                OR end_reason = 'deactivated' OR end_reason = 'password'),
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
) STRICT;
CREATE INDEX web_sessions_open ON web_sessions (user_id) WHERE ended_at IS NULL;
