-- 0005_integrity: identity bound to OS accounts, training vs production databases, signed
-- audit history (issue 13).

-- Who a user acts as on the operating system. NULL for web-only users (and for users created
-- before this migration, who therefore cannot act from the command line on a production
-- database until an admin maps them). name_key is the name after NFKC, case folding and
-- homoglyph folding (computed in Swift): two users whose names look alike are refused.
-- Rows created before this migration keep NULL; the store compares their keys in Swift.
ALTER TABLE users ADD COLUMN os_login TEXT CHECK (os_login IS NULL OR (length(os_login) BETWEEN 1 AND 64 AND os_login NOT GLOB '*[^A-Za-z0-9._@$-]*'));
ALTER TABLE users ADD COLUMN name_key TEXT CHECK (name_key IS NULL OR length(name_key) BETWEEN 1 AND 256);
CREATE UNIQUE INDEX users_name_key ON users (name_key) WHERE name_key IS NOT NULL;
CREATE INDEX users_os_login ON users (os_login) WHERE os_login IS NOT NULL;

-- Each audit row written once a signing key is recorded carries an Ed25519 signature (hex) of
-- its own hash, i.e. of the whole chain up to and including it.
ALTER TABLE audit_log ADD COLUMN signature TEXT CHECK (signature IS NULL OR length(signature) = 128);

-- The database's mode ('training' or 'production') and its public signing key are written once
-- and never changed: a training database can never become a production one (or back), and the
-- key that vouches for the history cannot be swapped. Training may be chosen only while the
-- audit log is empty (a fresh file), so a real database cannot be downgraded to training.
CREATE TRIGGER settings_mode_valid BEFORE INSERT ON settings WHEN NEW.key = 'mode'
BEGIN
    SELECT RAISE(ABORT, 'mode must be training or production')
    WHERE NEW.value IS NOT 'training' AND NEW.value IS NOT 'production';
    SELECT RAISE(ABORT, 'only a new, empty database can be a training database')
    WHERE NEW.value = 'training' AND EXISTS (SELECT 1 FROM audit_log);
END;
CREATE TRIGGER settings_fixed_update BEFORE UPDATE ON settings
WHEN OLD.key = 'mode' OR OLD.key = 'signing_public_key' OR NEW.key = 'mode' OR NEW.key = 'signing_public_key'
BEGIN SELECT RAISE(ABORT, 'the database mode and signing key are written once and never changed'); END;
CREATE TRIGGER settings_fixed_delete BEFORE DELETE ON settings
WHEN OLD.key = 'mode' OR OLD.key = 'signing_public_key'
BEGIN SELECT RAISE(ABORT, 'the database mode and signing key are written once and never changed'); END;
