-- 0011_documents: paperwork kept with the case (issue 21). The ICE forms, warrants, criminal-
-- history printouts and counsel letters a detainer arrives with are stored inside the database
-- (one backup holds everything), identified by the SHA-256 of their bytes. Rows are audited
-- (RowDigest covers the bytes) and `detainer check` re-hashes every document.
--
-- Limits (Sources/DetainerStore/Documents/DocumentPolicy.swift, which a test keeps equal to the
-- CHECKs here): 20 MiB per file; a per-detainer total is enforced by the store.
CREATE TABLE documents (
    id               INTEGER PRIMARY KEY,
    detainer_id      INTEGER NOT NULL REFERENCES detainers(id),
    sha256           TEXT    NOT NULL CHECK (length(sha256) = 64 AND NOT sha256 GLOB '*[^0-9a-f]*'),
    size             INTEGER NOT NULL CHECK (size BETWEEN 1 AND 20971520),
    media_type       TEXT    NOT NULL CHECK (media_type = 'application/pdf' OR media_type = 'image/png'
                                             OR media_type = 'image/jpeg' OR media_type = 'image/tiff'),
    kind             TEXT    NOT NULL CHECK (kind = 'i247a' OR kind = 'i200' OR kind = 'i205' OR kind = 'judicialWarrant'
                                             OR kind = 'criminalHistory' OR kind = 'counselLetter' OR kind = 'other'),
    file_name        TEXT    CHECK (file_name IS NULL OR length(file_name) BETWEEN 1 AND 255),
    note             TEXT    CHECK (note IS NULL OR length(note) BETWEEN 1 AND 2000),
    attached_at      TEXT    NOT NULL CHECK (attached_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    attached_by      INTEGER NOT NULL REFERENCES users(id),
    withdrawn_at     TEXT    CHECK (withdrawn_at IS NULL OR withdrawn_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    withdrawn_by     INTEGER REFERENCES users(id),
    withdrawn_reason TEXT    CHECK (withdrawn_reason IS NULL OR length(withdrawn_reason) BETWEEN 1 AND 2000),
    content          BLOB    NOT NULL CHECK (typeof(content) = 'blob' AND length(content) = size),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL) AND (withdrawn_at IS NULL) = (withdrawn_reason IS NULL)),
    CHECK (withdrawn_at IS NULL OR withdrawn_at >= attached_at)
) STRICT;

-- The same bytes are kept once per detainer while attached (a second upload is refused naming
-- the first); after a withdrawal the file may be attached again, e.g. under the right kind.
CREATE UNIQUE INDEX documents_attached_once ON documents (detainer_id, sha256) WHERE withdrawn_at IS NULL;
CREATE INDEX documents_by_detainer ON documents (detainer_id);

-- Never deleted; never changed, except that a withdrawal (who, when, why) is recorded once.
CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
BEGIN SELECT RAISE(ABORT, 'documents are never deleted; withdraw one with a reason'); END;
CREATE TRIGGER documents_withdraw_only BEFORE UPDATE ON documents
WHEN OLD.withdrawn_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.detainer_id IS NOT OLD.detainer_id
  OR NEW.sha256 IS NOT OLD.sha256 OR NEW.size IS NOT OLD.size OR NEW.media_type IS NOT OLD.media_type
  OR NEW.kind IS NOT OLD.kind OR NEW.file_name IS NOT OLD.file_name OR NEW.note IS NOT OLD.note
  OR NEW.attached_at IS NOT OLD.attached_at OR NEW.attached_by IS NOT OLD.attached_by OR NEW.content IS NOT OLD.content
BEGIN SELECT RAISE(ABORT, 'a document is kept as attached; only its withdrawal may be recorded, once'); END;

-- The optional notice to the person (issue 21 §2) is an office setting, off unless turned on.
CREATE TRIGGER settings_person_notice_valid BEFORE INSERT ON settings WHEN NEW.key = 'person_notice'
BEGIN SELECT RAISE(ABORT, 'person_notice must be on or off') WHERE NEW.value IS NOT 'on' AND NEW.value IS NOT 'off'; END;
CREATE TRIGGER settings_person_notice_update BEFORE UPDATE ON settings WHEN NEW.key = 'person_notice'
BEGIN SELECT RAISE(ABORT, 'person_notice must be on or off') WHERE NEW.value IS NOT 'on' AND NEW.value IS NOT 'off'; END;
