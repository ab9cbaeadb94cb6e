-- 0003_clerk_corrections: corrections with a reason and a visible history; information responses
-- that say whether information was given.

-- ---------------------------------------------------------------------------------------------
-- One row per corrected field of a logged intake (`detainer update`): the value before and after
-- (canonical text, NULL = not recorded), who, when and why. Append-only: the history of a record
-- cannot itself be rewritten. person_id / custody_case_id name the rows the field lives on, so a
-- person's corrections made through one detainer also show on the person's other detainers.
CREATE TABLE corrections (
    id              INTEGER PRIMARY KEY,
    detainer_id     INTEGER NOT NULL REFERENCES detainers(id),
    person_id       INTEGER NOT NULL REFERENCES persons(id),
    custody_case_id INTEGER NOT NULL REFERENCES custody_cases(id),
    field           TEXT    NOT NULL CHECK ((field = 'name' OR field = 'dateOfBirth' OR field = 'nysid' OR field = 'aNumber'
                                             OR field = 'fbiNumber' OR field = 'countryOfBirth' OR field = 'agency' OR field = 'booking'
                                             OR field = 'facility' OR field = 'arrestDate' OR field = 'scheduledReleaseAt' OR field = 'form'
                                             OR field = 'iceSubjectId' OR field = 'eventNumber' OR field = 'issuingOffice'
                                             OR field = 'preparedOn' OR field = 'receivedAt' OR field = 'probableCause'
                                             OR field = 'warrantType' OR field = 'warrantIssuer' OR field = 'warrantDate'
                                             OR field = 'tsdbMatch' OR field = 'illegalReentry')),
    old_value       TEXT    CHECK (old_value IS NULL OR length(old_value) <= 2000),
    new_value       TEXT    CHECK (new_value IS NULL OR length(new_value) <= 2000),
    reason          TEXT    NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 2000),
    corrected_at    TEXT    NOT NULL CHECK (corrected_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    actor_id        INTEGER NOT NULL REFERENCES users(id),
    -- A correction that changes nothing is refused by the store; never recorded.
    CHECK (old_value IS NOT new_value)
) STRICT;
CREATE INDEX corrections_detainer ON corrections (detainer_id);
CREATE INDEX corrections_person ON corrections (person_id);

CREATE TRIGGER corrections_append_only_update BEFORE UPDATE ON corrections
BEGIN SELECT RAISE(ABORT, 'corrections is append-only'); END;
CREATE TRIGGER corrections_append_only_delete BEFORE DELETE ON corrections
BEGIN SELECT RAISE(ABORT, 'corrections is append-only'); END;

-- ---------------------------------------------------------------------------------------------
-- An information response says whether the information was provided or declined (Admin. Code
-- §9-131(f), §14-154(f), §9-205(f) count responses; only provided ones honor a request). NULL on
-- responses recorded before this migration: unknown, and counted as neither.
ALTER TABLE ice_communications ADD COLUMN response_outcome TEXT
    CHECK (response_outcome IS NULL OR ((response_outcome = 'provided' OR response_outcome = 'declined') AND kind = 'informationResponse'));
