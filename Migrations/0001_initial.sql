-- 0001_initial: the detainer case-tracking schema.
--
-- Conventions (checked here where SQLite can hold the rule, in Swift where it cannot):
--   * enumerations are written `x = 'a' OR x = 'b' OR …`, not `x IN ('a', 'b', …)`: SQLite
--     evaluates an IN-list of more than two constants by building a temporary b-tree, and in a
--     CHECK or a partial-index condition it does so for every row written (measured: 60% of a
--     million-row import);
--   * instants are UTC ISO 8601 to the second, 'YYYY-MM-DDTHH:MM:SSZ';
--   * calendar dates are 'YYYY-MM-DD' and, for *_on columns derived from an instant, are the
--     America/New_York calendar date of that instant (reports group on them);
--   * records are never deleted: corrections are audited updates, mistakes become
--     'enteredInError'; event tables are append-only;
--   * every write also appends an audit_log row in the same transaction.

-- ---------------------------------------------------------------------------------------------
-- Facts about the database itself (e.g. that it is a disposable demo).
CREATE TABLE settings (
    key   TEXT NOT NULL PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- ---------------------------------------------------------------------------------------------
-- People who use the system.
CREATE TABLE users (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
    role           TEXT    NOT NULL CHECK ((role = 'clerk' OR role = 'supervisor' OR role = 'auditor' OR role = 'admin')),
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at     TEXT    NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    created_by     INTEGER REFERENCES users(id),
    deactivated_at TEXT,
    CHECK ((active = 1) = (deactivated_at IS NULL))
) STRICT;

-- ---------------------------------------------------------------------------------------------
-- One row per file brought in by `detainer import`; imported rows point here for provenance.
CREATE TABLE imports (
    id            INTEGER PRIMARY KEY,
    format        TEXT    NOT NULL CHECK ((format = 'ice' OR format = 'native' OR format = 'doc-custody')),
    file_name     TEXT    NOT NULL,
    file_sha256   TEXT    NOT NULL CHECK (length(file_sha256) = 64),
    rows_read     INTEGER NOT NULL CHECK (rows_read >= 0),
    rows_imported INTEGER NOT NULL CHECK (rows_imported >= 0),
    rows_rejected INTEGER NOT NULL CHECK (rows_rejected >= 0),
    started_at    TEXT    NOT NULL,
    -- NULL only inside the import's own transaction: the row is written first (so imported rows
    -- reference an existing import and need no deferred foreign-key checks) and completed last.
    finished_at   TEXT,
    actor_id      INTEGER NOT NULL REFERENCES users(id),
    CHECK (rows_imported + rows_rejected <= rows_read)
) STRICT;

-- ---------------------------------------------------------------------------------------------
-- The subjects of detainers. Names are kept exactly as written, in any script.
CREATE TABLE persons (
    id               INTEGER PRIMARY KEY,
    name             TEXT CHECK (name IS NULL OR length(name) BETWEEN 1 AND 200),
    date_of_birth    TEXT CHECK (date_of_birth IS NULL OR date(date_of_birth) IS date_of_birth),
    nysid            TEXT UNIQUE CHECK (nysid IS NULL OR length(nysid) BETWEEN 1 AND 16),
    a_number         TEXT UNIQUE CHECK (a_number IS NULL OR a_number GLOB 'A[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    fbi_number       TEXT CHECK (fbi_number IS NULL OR length(fbi_number) BETWEEN 1 AND 16),
    country_of_birth TEXT CHECK (country_of_birth IS NULL OR length(country_of_birth) BETWEEN 1 AND 80),
    source           TEXT NOT NULL CHECK (source IN ('intake', 'import')),
    external_system  TEXT CHECK ((external_system = 'ice' OR external_system = 'doc' OR external_system = 'native')),
    external_id      TEXT,
    import_id        INTEGER REFERENCES imports(id),
    created_at       TEXT NOT NULL,
    created_by       INTEGER NOT NULL REFERENCES users(id),
    updated_at       TEXT,
    updated_by       INTEGER REFERENCES users(id),
    UNIQUE (external_system, external_id),
    CHECK (source = 'intake' OR import_id IS NOT NULL),
    CHECK (source = 'import' OR name IS NOT NULL)
) STRICT;
CREATE INDEX persons_name_dob ON persons (name, date_of_birth);

-- ---------------------------------------------------------------------------------------------
-- The city's custody of a person: one arrest (NYPD) or one book-and-case (DOC).
CREATE TABLE custody_cases (
    id                   INTEGER PRIMARY KEY,
    person_id            INTEGER NOT NULL REFERENCES persons(id),
    agency               TEXT    NOT NULL CHECK ((agency = 'NYPD' OR agency = 'DOC' OR agency = 'DOP')),
    booking_number       TEXT    CHECK (booking_number IS NULL OR length(booking_number) BETWEEN 1 AND 32),
    facility             TEXT    CHECK (facility IS NULL OR length(facility) BETWEEN 1 AND 120),
    arrest_date          TEXT    CHECK (arrest_date IS NULL OR date(arrest_date) IS arrest_date),
    admitted_at          TEXT,
    scheduled_release_at TEXT,
    released_at          TEXT,
    custody_status       TEXT,
    source               TEXT    NOT NULL CHECK (source IN ('intake', 'import')),
    import_id            INTEGER REFERENCES imports(id),
    created_at           TEXT    NOT NULL,
    created_by           INTEGER NOT NULL REFERENCES users(id),
    updated_at           TEXT,
    updated_by           INTEGER REFERENCES users(id),
    UNIQUE (agency, booking_number),
    CHECK (released_at IS NULL OR admitted_at IS NULL OR released_at >= admitted_at)
) STRICT;
CREATE INDEX custody_cases_person ON custody_cases (person_id);

-- ---------------------------------------------------------------------------------------------
-- Convictions, as the criminal-history search reports them. statute_raw is exactly what was
-- entered; the parsed form is derived by the law engine's parser and kept for queries.
CREATE TABLE convictions (
    id                  INTEGER PRIMARY KEY,
    person_id           INTEGER NOT NULL REFERENCES persons(id),
    statute_raw         TEXT    NOT NULL CHECK (length(statute_raw) <= 100),
    statute_kind        TEXT    NOT NULL,
    statute_normalized  TEXT,
    object_statute      TEXT    CHECK (object_statute IS NULL OR length(object_statute) <= 100),
    convicted_on        TEXT    CHECK (convicted_on IS NULL OR date(convicted_on) IS convicted_on),
    -- The grade as convicted, in the law engine's spelling (OffenseLevel.label).
    felony_class        TEXT    CHECK ((felony_class = 'A-I' OR felony_class = 'A-II' OR felony_class = 'A' OR felony_class = 'B' OR felony_class = 'C' OR felony_class = 'D' OR felony_class = 'E' OR felony_class = 'misdemeanor' OR felony_class = 'A misdemeanor' OR felony_class = 'B misdemeanor' OR felony_class = 'unclassified misdemeanor' OR felony_class = 'violation' OR felony_class = 'traffic infraction')),
    jurisdiction        TEXT    NOT NULL DEFAULT 'NY' CHECK ((jurisdiction = 'NY' OR jurisdiction = 'otherState' OR jurisdiction = 'federal')),
    ny_equivalent       TEXT    CHECK (ny_equivalent IS NULL OR length(ny_equivalent) <= 100),
    -- Out-of-state / federal only: was a term over one year authorized (PL 70.06(1)(b)(i))?
    term_over_one_year  INTEGER CHECK (term_over_one_year IN (0, 1)),
    youthful_offender   INTEGER NOT NULL DEFAULT 0 CHECK (youthful_offender IN (0, 1)),
    juvenile_delinquent INTEGER NOT NULL DEFAULT 0 CHECK (juvenile_delinquent IN (0, 1)),
    hate_crime          INTEGER NOT NULL DEFAULT 0 CHECK (hate_crime IN (0, 1)),
    sealed              INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),
    vacated             INTEGER NOT NULL DEFAULT 0 CHECK (vacated IN (0, 1)),
    incarcerated_days   INTEGER NOT NULL DEFAULT 0 CHECK (incarcerated_days BETWEEN 0 AND 36600),
    court               TEXT    CHECK (court IS NULL OR length(court) <= 120),
    docket_number       TEXT    CHECK (docket_number IS NULL OR length(docket_number) <= 40),
    created_at          TEXT    NOT NULL,
    created_by          INTEGER NOT NULL REFERENCES users(id),
    updated_at          TEXT,
    updated_by          INTEGER REFERENCES users(id)
) STRICT;
CREATE INDEX convictions_person ON convictions (person_id);

-- Pending charges are kept apart from convictions: under the 2014 law they never count.
CREATE TABLE pending_charges (
    id                 INTEGER PRIMARY KEY,
    person_id          INTEGER NOT NULL REFERENCES persons(id),
    custody_case_id    INTEGER REFERENCES custody_cases(id),
    statute_raw        TEXT    NOT NULL CHECK (length(statute_raw) <= 100),
    statute_kind       TEXT    NOT NULL,
    statute_normalized TEXT,
    charged_on         TEXT    CHECK (charged_on IS NULL OR date(charged_on) IS charged_on),
    source             TEXT    NOT NULL CHECK (source IN ('intake', 'import')),
    import_id          INTEGER REFERENCES imports(id),
    created_at         TEXT    NOT NULL,
    created_by         INTEGER NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX pending_charges_person ON pending_charges (person_id);
CREATE INDEX pending_charges_case ON pending_charges (custody_case_id) WHERE custody_case_id IS NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- ICE detainers. Rows logged by clerks (origin 'intake') always have a person, custody case and
-- receiving clerk; rows from ICE's own records (origin 'import') carry what the file has.
-- status, decision and the *_on dates are kept in step with status_events/reviews by the store
-- in the same transaction, so reports are single scans of this table.
CREATE TABLE detainers (
    id                      INTEGER PRIMARY KEY,
    origin                  TEXT    NOT NULL CHECK (origin IN ('intake', 'import')),
    import_id               INTEGER REFERENCES imports(id),
    person_id               INTEGER REFERENCES persons(id),
    custody_case_id         INTEGER REFERENCES custody_cases(id),
    agency                  TEXT    CHECK ((agency = 'NYPD' OR agency = 'DOC' OR agency = 'DOP')),
    form                    TEXT    NOT NULL CHECK ((form = 'I-247A' OR form = 'I-247' OR form = 'I-247D' OR form = 'I-247N' OR form = 'I-247X' OR form = 'unknown')),
    ice_subject_id          TEXT    CHECK (ice_subject_id IS NULL OR length(ice_subject_id) <= 40),
    event_number            TEXT    CHECK (event_number IS NULL OR length(event_number) <= 40),
    a_number                TEXT    CHECK (a_number IS NULL OR a_number GLOB 'A[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    issuing_office          TEXT    CHECK (issuing_office IS NULL OR length(issuing_office) <= 120),
    facility                TEXT    CHECK (facility IS NULL OR length(facility) <= 120),
    facility_city           TEXT    CHECK (facility_city IS NULL OR length(facility_city) <= 80),
    facility_state          TEXT    CHECK (facility_state IS NULL OR length(facility_state) <= 80),
    prepared_on             TEXT    CHECK (prepared_on IS NULL OR date(prepared_on) IS prepared_on),
    received_at             TEXT    NOT NULL,
    received_on             TEXT    NOT NULL,
    received_by             INTEGER REFERENCES users(id),
    pc_final_order          INTEGER NOT NULL DEFAULT 0 CHECK (pc_final_order IN (0, 1)),
    pc_removal_proceedings  INTEGER NOT NULL DEFAULT 0 CHECK (pc_removal_proceedings IN (0, 1)),
    pc_biometric_match      INTEGER NOT NULL DEFAULT 0 CHECK (pc_biometric_match IN (0, 1)),
    pc_statements           INTEGER NOT NULL DEFAULT 0 CHECK (pc_statements IN (0, 1)),
    warrant_type            TEXT    NOT NULL CHECK ((warrant_type = 'none' OR warrant_type = 'administrative' OR warrant_type = 'judicial' OR warrant_type = 'unknown')),
    warrant_issuer          TEXT    CHECK (warrant_issuer IS NULL OR length(warrant_issuer) <= 120),
    warrant_date            TEXT    CHECK (warrant_date IS NULL OR date(warrant_date) IS warrant_date),
    -- NULL = not yet known (search not done / ICE did not say); the engine treats it as unknown.
    tsdb_match              INTEGER CHECK (tsdb_match IN (0, 1)),
    illegal_reentry         INTEGER CHECK (illegal_reentry IN (0, 1)),
    status                  TEXT    NOT NULL CHECK ((status = 'received' OR status = 'pendingReview' OR status = 'honored' OR status = 'declined' OR status = 'transferred' OR status = 'released' OR status = 'lifted' OR status = 'enteredInError')),
    status_at               TEXT    NOT NULL,
    hold_deadline           TEXT,
    evaluation_id           INTEGER REFERENCES evaluations(id),
    -- The latest evaluation in brief (the full record is in evaluations).
    outcome                 TEXT    CHECK ((outcome = 'permitted' OR outcome = 'decline' OR outcome = 'holdPendingWarrant' OR outcome = 'needsReview')),
    rule_version            TEXT,
    reasons                 TEXT    CHECK (reasons IS NULL OR (json_valid(reasons) AND json_type(reasons) = 'array')),
    decision                TEXT    CHECK (decision IN ('honor', 'decline')),
    decision_basis          TEXT,
    decided_at              TEXT,
    decided_on              TEXT,
    closed_on               TEXT,
    released_after_deadline INTEGER CHECK (released_after_deadline IN (0, 1)),
    -- From ICE's own records (imports): its lift reason, hashed person identifier and most
    -- serious conviction as ICE recorded them. Kept as ICE wrote them; never used by the engine.
    ice_lift_reason         TEXT,
    ice_person_ref          TEXT,
    ice_msc_charge          TEXT,
    ice_msc_conviction_on   TEXT,
    CHECK (origin = 'import' OR (person_id IS NOT NULL AND custody_case_id IS NOT NULL
                                 AND received_by IS NOT NULL AND agency IS NOT NULL AND warrant_type <> 'unknown')),
    CHECK (origin = 'intake' OR import_id IS NOT NULL),
    CHECK ((decision IS NULL) = (decided_at IS NULL) AND (decided_at IS NULL) = (decided_on IS NULL)),
    CHECK (((status = 'declined' OR status = 'transferred' OR status = 'released' OR status = 'lifted' OR status = 'enteredInError')) = (closed_on IS NOT NULL))
) STRICT;
-- The review queue: open detainers, most urgent first.
CREATE INDEX detainers_queue ON detainers (hold_deadline, received_at)
    WHERE origin = 'intake' AND (status = 'received' OR status = 'pendingReview' OR status = 'honored');
CREATE INDEX detainers_person ON detainers (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX detainers_custody_case ON detainers (custody_case_id) WHERE custody_case_id IS NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- Every run of the law engine, with its inputs and its full explained result. Never rewritten.
CREATE TABLE evaluations (
    id           INTEGER PRIMARY KEY,
    detainer_id  INTEGER NOT NULL REFERENCES detainers(id),
    sequence     INTEGER NOT NULL CHECK (sequence >= 1),
    evaluated_at TEXT    NOT NULL,
    evaluated_on TEXT    NOT NULL CHECK (date(evaluated_on) IS evaluated_on),
    rule_version TEXT    NOT NULL,
    outcome      TEXT    NOT NULL CHECK ((outcome = 'permitted' OR outcome = 'decline' OR outcome = 'holdPendingWarrant' OR outcome = 'needsReview')),
    reasons      TEXT    NOT NULL CHECK (json_valid(reasons) AND json_type(reasons) = 'array'),
    input_json   TEXT    NOT NULL CHECK (json_valid(input_json)),
    result_json  TEXT    NOT NULL CHECK (json_valid(result_json)),
    trigger      TEXT    NOT NULL CHECK ((trigger = 'intake' OR trigger = 'conviction' OR trigger = 'charge' OR trigger = 'detainer' OR trigger = 'manual')),
    actor_id     INTEGER NOT NULL REFERENCES users(id),
    UNIQUE (detainer_id, sequence)
) STRICT;

-- A supervisor's decision on an evaluation. Appended, never rewritten: a change of mind is a
-- new review.
CREATE TABLE reviews (
    id            INTEGER PRIMARY KEY,
    detainer_id   INTEGER NOT NULL REFERENCES detainers(id),
    evaluation_id INTEGER NOT NULL REFERENCES evaluations(id),
    action        TEXT    NOT NULL CHECK (action IN ('approve', 'override')),
    decision      TEXT    NOT NULL CHECK (decision IN ('honor', 'decline')),
    reason        TEXT    CHECK (reason IS NULL OR length(trim(reason)) BETWEEN 1 AND 2000),
    reviewed_at   TEXT    NOT NULL,
    actor_id      INTEGER NOT NULL REFERENCES users(id),
    CHECK (action = 'approve' OR reason IS NOT NULL)
) STRICT;
CREATE INDEX reviews_detainer ON reviews (detainer_id);

-- The law forbids honoring a detainer the engine declined; refuse it here too, whatever the caller.
CREATE TRIGGER reviews_no_honor_on_decline BEFORE INSERT ON reviews
WHEN NEW.decision = 'honor' AND (SELECT outcome FROM evaluations WHERE id = NEW.evaluation_id) = 'decline'
BEGIN
    SELECT RAISE(ABORT, 'honoring is forbidden: the evaluation''s outcome is decline');
END;

-- ---------------------------------------------------------------------------------------------
-- The status machine, as data. The store checks transitions in Swift first (to list the
-- allowed moves); this table and its trigger make the rule hold for any writer.
CREATE TABLE status_transitions (
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    PRIMARY KEY (from_status, to_status)
) STRICT, WITHOUT ROWID;
INSERT INTO status_transitions (from_status, to_status) VALUES
    ('received', 'pendingReview'),
    ('received', 'lifted'),
    ('received', 'released'),
    ('received', 'enteredInError'),
    ('pendingReview', 'honored'),
    ('pendingReview', 'declined'),
    ('pendingReview', 'lifted'),
    ('pendingReview', 'released'),
    ('pendingReview', 'enteredInError'),
    ('honored', 'transferred'),
    ('honored', 'released'),
    ('honored', 'lifted'),
    ('honored', 'enteredInError'),
    ('declined', 'enteredInError'),
    ('transferred', 'enteredInError'),
    ('released', 'enteredInError'),
    ('lifted', 'enteredInError');

CREATE TABLE status_events (
    id             INTEGER PRIMARY KEY,
    detainer_id    INTEGER NOT NULL REFERENCES detainers(id),
    from_status    TEXT,
    to_status      TEXT    NOT NULL,
    occurred_at    TEXT    NOT NULL,
    recorded_at    TEXT    NOT NULL,
    actor_id       INTEGER NOT NULL REFERENCES users(id),
    note           TEXT    CHECK (note IS NULL OR length(note) <= 2000),
    after_deadline INTEGER NOT NULL DEFAULT 0 CHECK (after_deadline IN (0, 1)),
    CHECK ((from_status IS NULL) = (to_status = 'received'))
) STRICT;
CREATE INDEX status_events_detainer ON status_events (detainer_id, id);

CREATE TRIGGER status_events_legal_transition BEFORE INSERT ON status_events
WHEN NEW.from_status IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM status_transitions WHERE from_status = NEW.from_status AND to_status = NEW.to_status)
BEGIN
    SELECT RAISE(ABORT, 'illegal status transition');
END;

-- ---------------------------------------------------------------------------------------------
-- Every contact with ICE: release notifications, information requests and answers, warrants,
-- withdrawals. The annual reports count information requests and answers from here.
CREATE TABLE ice_communications (
    id                   INTEGER PRIMARY KEY,
    detainer_id          INTEGER REFERENCES detainers(id),
    person_id            INTEGER REFERENCES persons(id),
    direction            TEXT    NOT NULL CHECK (direction IN ('in', 'out')),
    kind                 TEXT    NOT NULL CHECK ((kind = 'detainer' OR kind = 'warrant' OR kind = 'releaseNotification' OR kind = 'informationRequest' OR kind = 'informationResponse' OR kind = 'withdrawal' OR kind = 'transfer' OR kind = 'other')),
    info_type            TEXT    CHECK ((info_type = 'incarcerationStatus' OR info_type = 'releaseDate' OR info_type = 'courtDate' OR info_type = 'appointment' OR info_type = 'other')),
    in_reply_to          INTEGER REFERENCES ice_communications(id),
    facilitated_transfer INTEGER NOT NULL DEFAULT 0 CHECK (facilitated_transfer IN (0, 1)),
    occurred_at          TEXT    NOT NULL,
    occurred_on          TEXT    NOT NULL,
    recorded_at          TEXT    NOT NULL,
    actor_id             INTEGER NOT NULL REFERENCES users(id),
    summary              TEXT    NOT NULL CHECK (length(summary) BETWEEN 1 AND 2000),
    CHECK (detainer_id IS NOT NULL OR person_id IS NOT NULL),
    CHECK (kind NOT IN ('informationRequest', 'informationResponse') OR info_type IS NOT NULL)
) STRICT;
CREATE INDEX ice_communications_detainer ON ice_communications (detainer_id) WHERE detainer_id IS NOT NULL;
CREATE INDEX ice_communications_person ON ice_communications (person_id) WHERE person_id IS NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- One row per write, chained by SHA-256: hash = SHA-256(prev_hash || canonical row). The payload
-- carries the digests of the rows the write left behind, so `detainer check` can tell when a
-- record was changed outside the tool.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT    NOT NULL,
    actor_id   INTEGER REFERENCES users(id),
    actor_name TEXT    NOT NULL,
    action     TEXT    NOT NULL,
    entity     TEXT    NOT NULL,
    entity_id  INTEGER,
    payload    TEXT    NOT NULL CHECK (json_valid(payload)),
    prev_hash  TEXT    NOT NULL CHECK (length(prev_hash) = 64),
    hash       TEXT    NOT NULL UNIQUE CHECK (length(hash) = 64)
) STRICT;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

-- ---------------------------------------------------------------------------------------------
-- Append-only event tables: no UPDATE, no DELETE, whoever asks.
CREATE TRIGGER evaluations_append_only_update BEFORE UPDATE ON evaluations
BEGIN SELECT RAISE(ABORT, 'evaluations is append-only'); END;
CREATE TRIGGER evaluations_append_only_delete BEFORE DELETE ON evaluations
BEGIN SELECT RAISE(ABORT, 'evaluations is append-only'); END;
CREATE TRIGGER status_events_append_only_update BEFORE UPDATE ON status_events
BEGIN SELECT RAISE(ABORT, 'status_events is append-only'); END;
CREATE TRIGGER status_events_append_only_delete BEFORE DELETE ON status_events
BEGIN SELECT RAISE(ABORT, 'status_events is append-only'); END;
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER reviews_append_only_update BEFORE UPDATE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews is append-only'); END;
CREATE TRIGGER reviews_append_only_delete BEFORE DELETE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews is append-only'); END;
CREATE TRIGGER ice_communications_append_only_update BEFORE UPDATE ON ice_communications
BEGIN SELECT RAISE(ABORT, 'ice_communications is append-only'); END;
CREATE TRIGGER ice_communications_append_only_delete BEFORE DELETE ON ice_communications
BEGIN SELECT RAISE(ABORT, 'ice_communications is append-only'); END;
CREATE TRIGGER imports_append_only_update BEFORE UPDATE ON imports WHEN OLD.finished_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'imports is append-only'); END;
CREATE TRIGGER imports_append_only_delete BEFORE DELETE ON imports
BEGIN SELECT RAISE(ABORT, 'imports is append-only'); END;

-- Records are corrected, never deleted.
CREATE TRIGGER users_no_delete BEFORE DELETE ON users
BEGIN SELECT RAISE(ABORT, 'users are deactivated, not deleted'); END;
CREATE TRIGGER persons_no_delete BEFORE DELETE ON persons
BEGIN SELECT RAISE(ABORT, 'persons are never deleted'); END;
CREATE TRIGGER custody_cases_no_delete BEFORE DELETE ON custody_cases
BEGIN SELECT RAISE(ABORT, 'custody cases are never deleted'); END;
CREATE TRIGGER convictions_no_delete BEFORE DELETE ON convictions
BEGIN SELECT RAISE(ABORT, 'convictions are never deleted; mark them vacated'); END;
CREATE TRIGGER pending_charges_no_delete BEFORE DELETE ON pending_charges
BEGIN SELECT RAISE(ABORT, 'pending charges are never deleted'); END;
CREATE TRIGGER detainers_no_delete BEFORE DELETE ON detainers
BEGIN SELECT RAISE(ABORT, 'detainers are never deleted; use status enteredInError'); END;
