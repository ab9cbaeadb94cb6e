-- 0010_statutory_reports: the facts the annual reports of Admin. Code §9-131(f), §14-154(f) and
-- §9-205(f) and the quarterly report of §10-178(d) count (issue 22; law reference §7, §7a, §7b).
--
-- 1. A status `held`: the person is kept past the time they would otherwise have been released
--    (§9-131(f)(2) counts persons held, not honor decisions: DOC may honor by notifying ICE of the
--    release). honored → held → transferred | released | lifted. SQLite cannot widen a CHECK in
--    place, so `detainers` is rebuilt as 0002 rebuilt `convictions`: columns keep their positions and
--    values and the new ones are appended (every row keeps its audit fingerprint: RowDigest skips
--    NULL columns); indexes and the no-delete trigger are recreated as they stood after 0008, the
--    open-intake predicate of the queue index now naming `held` too.
-- 2. Why a hold ended (status_events.cause, detainers.hold_end_cause) for §9-131(f)(8).
-- 3. The I-247A as received: Box 2, the administrative warrant attached (I-200 / I-205), notice to
--    appear served (the Box 1 bases are the pc_* columns), for §9-131(f)(1)'s reasons (§7a).
-- 4. ice_communications: its agency (a request about a person with no detainer), and a response
--    given despite the §9-131(h) warning says so.
-- 5. SCAAP amounts per fiscal year (§9-131(f)(6)), the §10-178(d) request log, and published
--    (frozen, second-person approved) annual reports.
CREATE TABLE detainers_rebuilt (
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
    status                  TEXT    NOT NULL CHECK ((status = 'received' OR status = 'pendingReview' OR status = 'honored' OR status = 'held' OR status = 'declined' OR status = 'transferred' OR status = 'released' OR status = 'lifted' OR status = 'enteredInError')),
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
    -- 0010: when the person began to be held past the time they would otherwise have been
    -- released (status 'held'; Admin. Code §9-131(f)(2)), as an instant and its New York date.
    hold_began_at           TEXT    CHECK (hold_began_at IS NULL OR hold_began_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    hold_began_on           TEXT    CHECK (hold_began_on IS NULL OR date(hold_began_on) IS hold_began_on),
    -- 0010: why a hold ended without a transfer (§9-131(f)(8)); set by a release or lift of a held detainer.
    hold_end_cause          TEXT    CHECK ((hold_end_cause = 'holdExpired' OR hold_end_cause = 'iceDisavowed' OR hold_end_cause = 'courtOrder' OR hold_end_cause = 'other')),
    -- 0010: the I-247A as received, beyond its Box 1 bases (pc_*): Box 2 ticked (DHS transferred the
    -- person to the city's custody), which administrative warrant is attached, and whether a notice
    -- to appear was served. NULL = not recorded (never read as "no").
    i247a_box2              INTEGER CHECK (i247a_box2 IN (0, 1)),
    i247a_admin_warrant     TEXT    CHECK ((i247a_admin_warrant = 'I-200' OR i247a_admin_warrant = 'I-205')),
    i247a_nta_served        INTEGER CHECK (i247a_nta_served IN (0, 1)),
    CHECK (origin = 'import' OR (person_id IS NOT NULL AND custody_case_id IS NOT NULL
                                 AND received_by IS NOT NULL AND agency IS NOT NULL AND warrant_type <> 'unknown')),
    CHECK (origin = 'intake' OR import_id IS NOT NULL),
    CHECK ((decision IS NULL) = (decided_at IS NULL) AND (decided_at IS NULL) = (decided_on IS NULL)),
    CHECK (((status = 'declined' OR status = 'transferred' OR status = 'released' OR status = 'lifted' OR status = 'enteredInError')) = (closed_on IS NOT NULL)),
    CHECK ((hold_began_at IS NULL) = (hold_began_on IS NULL))
) STRICT;
INSERT INTO detainers_rebuilt (id, origin, import_id, person_id, custody_case_id, agency, form, ice_subject_id, event_number, a_number, issuing_office, facility, facility_city, facility_state, prepared_on, received_at, received_on, received_by, pc_final_order, pc_removal_proceedings, pc_biometric_match, pc_statements, warrant_type, warrant_issuer, warrant_date, tsdb_match, illegal_reentry, status, status_at, hold_deadline, evaluation_id, outcome, rule_version, reasons, decision, decision_basis, decided_at, decided_on, closed_on, released_after_deadline, ice_lift_reason, ice_person_ref, ice_msc_charge, ice_msc_conviction_on)
SELECT id, origin, import_id, person_id, custody_case_id, agency, form, ice_subject_id, event_number, a_number, issuing_office, facility, facility_city, facility_state, prepared_on, received_at, received_on, received_by, pc_final_order, pc_removal_proceedings, pc_biometric_match, pc_statements, warrant_type, warrant_issuer, warrant_date, tsdb_match, illegal_reentry, status, status_at, hold_deadline, evaluation_id, outcome, rule_version, reasons, decision, decision_basis, decided_at, decided_on, closed_on, released_after_deadline, ice_lift_reason, ice_person_ref, ice_msc_charge, ice_msc_conviction_on
FROM detainers;
DROP TABLE detainers;
ALTER TABLE detainers_rebuilt RENAME TO detainers;
CREATE INDEX detainers_person ON detainers (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX detainers_custody_case ON detainers (custody_case_id) WHERE custody_case_id IS NOT NULL;
CREATE INDEX detainers_received_on ON detainers (received_on, agency)
    WHERE status <> 'enteredInError';
CREATE INDEX detainers_decided_on ON detainers (decided_on, decision, decision_basis, agency)
    WHERE decided_on IS NOT NULL AND status <> 'enteredInError';
CREATE INDEX detainers_closed_on ON detainers (closed_on, status, agency)
    WHERE closed_on IS NOT NULL AND status <> 'enteredInError';
CREATE INDEX detainers_newest ON detainers (received_at, id);
CREATE INDEX detainers_queue_cells ON detainers (status, outcome, hold_deadline IS NULL, hold_deadline, received_at, id, agency)
    WHERE origin = 'intake' AND (status = 'received' OR status = 'pendingReview' OR status = 'honored' OR status = 'held');
-- Holds by the New York date they began (the annual report's f2 and f8).
CREATE INDEX detainers_hold_began_on ON detainers (hold_began_on) WHERE hold_began_on IS NOT NULL;
CREATE TRIGGER detainers_no_delete BEFORE DELETE ON detainers
BEGIN SELECT RAISE(ABORT, 'detainers are never deleted; use status enteredInError'); END;

INSERT INTO status_transitions (from_status, to_status) VALUES
    ('honored', 'held'),
    ('held', 'transferred'),
    ('held', 'released'),
    ('held', 'lifted'),
    ('held', 'enteredInError');

ALTER TABLE status_events ADD COLUMN cause TEXT
    CHECK (cause IS NULL OR ((cause = 'holdExpired' OR cause = 'iceDisavowed' OR cause = 'courtOrder' OR cause = 'other')
                             AND (to_status = 'released' OR to_status = 'lifted')));

-- A provided response about a person §9-131(h) protects (no violent or serious conviction, no
-- TSDB match, or not known) is refused unless the clerk confirms it; the confirmation is kept.
ALTER TABLE ice_communications ADD COLUMN confirmed_despite_9_131h INTEGER NOT NULL DEFAULT 0
    CHECK (confirmed_despite_9_131h IN (0, 1));
-- The agency a contact was made with. A request about a person with no detainer has no detainer
-- to take it from; for the rest it is the detainer's agency (NULL on rows before this migration).
ALTER TABLE ice_communications ADD COLUMN agency TEXT CHECK ((agency = 'NYPD' OR agency = 'DOC' OR agency = 'DOP'));
CREATE INDEX ice_communications_requests ON ice_communications (occurred_on)
    WHERE kind = 'informationRequest' OR kind = 'informationResponse';

-- ---------------------------------------------------------------------------------------------
-- §9-131(f)(6): "the amount of state criminal alien assistance funding requested and received",
-- per city fiscal year (July–June, named by the year it ends), with the source document. Appended:
-- a correction is a new row; the report reads the latest row per fiscal year.
CREATE TABLE scaap_amounts (
    id               INTEGER PRIMARY KEY,
    fiscal_year      INTEGER NOT NULL CHECK (fiscal_year BETWEEN 1990 AND 2200),
    requested_cents  INTEGER CHECK (requested_cents IS NULL OR requested_cents BETWEEN 0 AND 100000000000000),
    received_cents   INTEGER CHECK (received_cents IS NULL OR received_cents BETWEEN 0 AND 100000000000000),
    source_reference TEXT    NOT NULL CHECK (length(trim(source_reference)) BETWEEN 1 AND 500),
    recorded_at      TEXT    NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    actor_id         INTEGER NOT NULL REFERENCES users(id),
    CHECK (requested_cents IS NOT NULL OR received_cents IS NOT NULL)
) STRICT;
CREATE INDEX scaap_amounts_year ON scaap_amounts (fiscal_year, id);
CREATE TRIGGER scaap_amounts_append_only_update BEFORE UPDATE ON scaap_amounts
BEGIN SELECT RAISE(ABORT, 'scaap_amounts is append-only'); END;
CREATE TRIGGER scaap_amounts_append_only_delete BEFORE DELETE ON scaap_amounts
BEGIN SELECT RAISE(ABORT, 'scaap_amounts is append-only'); END;

-- ---------------------------------------------------------------------------------------------
-- §10-178(d): every request from a non-local law enforcement agency for support or assistance
-- intended to further immigration enforcement, and the response. The quarterly report compiles
-- these anonymized by requesting and receiving agency. Requests the annual reports already count
-- (detainers, information requests logged as contacts) are not entered here.
CREATE TABLE assistance_requests (
    id                 INTEGER PRIMARY KEY,
    requesting_agency  TEXT    NOT NULL CHECK ((requesting_agency = 'ICE_ERO' OR requesting_agency = 'ICE_HSI' OR requesting_agency = 'CBP' OR requesting_agency = 'USMS' OR requesting_agency = 'other')),
    requesting_other   TEXT    CHECK (requesting_other IS NULL OR length(trim(requesting_other)) BETWEEN 1 AND 120),
    receiving_agency   TEXT    NOT NULL CHECK (length(trim(receiving_agency)) BETWEEN 1 AND 80),
    assistance_kind    TEXT    NOT NULL CHECK ((assistance_kind = 'information' OR assistance_kind = 'detention' OR assistance_kind = 'access' OR assistance_kind = 'personnel' OR assistance_kind = 'facilities' OR assistance_kind = 'other')),
    response           TEXT    NOT NULL CHECK ((response = 'provided' OR response = 'declined' OR response = 'pending')),
    exemption          TEXT    CHECK ((exemption = 'interfereInvestigation' OR exemption = 'publicSafety')),
    received_at        TEXT    NOT NULL CHECK (received_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    received_on        TEXT    NOT NULL CHECK (date(received_on) IS received_on),
    summary            TEXT    NOT NULL CHECK (length(trim(summary)) BETWEEN 1 AND 2000),
    recorded_at        TEXT    NOT NULL,
    actor_id           INTEGER NOT NULL REFERENCES users(id),
    CHECK ((requesting_agency = 'other') = (requesting_other IS NOT NULL))
) STRICT;
CREATE INDEX assistance_requests_received_on ON assistance_requests (received_on);
CREATE TRIGGER assistance_requests_append_only_update BEFORE UPDATE ON assistance_requests
BEGIN SELECT RAISE(ABORT, 'assistance_requests is append-only'); END;
CREATE TRIGGER assistance_requests_append_only_delete BEFORE DELETE ON assistance_requests
BEGIN SELECT RAISE(ABORT, 'assistance_requests is append-only'); END;

-- ---------------------------------------------------------------------------------------------
-- `report publish`: a frozen annual report — its parameters, every number (the JSON as printed),
-- the database checkpoint it was computed at (the audit chain's head), who prepared it and the
-- second person who approved it. A prepared row may only gain its approval, once; nothing is
-- deleted. A later run that differs from an approved one is a revision of it.
CREATE TABLE report_publications (
    id             INTEGER PRIMARY KEY,
    agency         TEXT    NOT NULL CHECK ((agency = 'NYPD' OR agency = 'DOC' OR agency = 'DOP')),
    year           INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200),
    calendar       INTEGER NOT NULL CHECK (calendar IN (0, 1)),
    report_json    TEXT    NOT NULL CHECK (json_valid(report_json)),
    report_sha256  TEXT    NOT NULL CHECK (length(report_sha256) = 64),
    audit_head_id  INTEGER NOT NULL,
    audit_head     TEXT    NOT NULL CHECK (length(audit_head) = 64),
    prepared_by    INTEGER NOT NULL REFERENCES users(id),
    prepared_at    TEXT    NOT NULL,
    approved_by    INTEGER REFERENCES users(id),
    approved_at    TEXT,
    revises        INTEGER REFERENCES report_publications(id),
    CHECK ((approved_by IS NULL) = (approved_at IS NULL)),
    CHECK (approved_by IS NULL OR approved_by <> prepared_by)
) STRICT;
CREATE INDEX report_publications_report ON report_publications (agency, year, calendar, id);
CREATE TRIGGER report_publications_approve_once BEFORE UPDATE ON report_publications
WHEN OLD.approved_by IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.agency IS NOT OLD.agency OR NEW.year IS NOT OLD.year
  OR NEW.calendar IS NOT OLD.calendar OR NEW.report_json IS NOT OLD.report_json OR NEW.report_sha256 IS NOT OLD.report_sha256
  OR NEW.audit_head_id IS NOT OLD.audit_head_id OR NEW.audit_head IS NOT OLD.audit_head OR NEW.prepared_by IS NOT OLD.prepared_by
  OR NEW.prepared_at IS NOT OLD.prepared_at OR NEW.revises IS NOT OLD.revises
BEGIN SELECT RAISE(ABORT, 'a publication only gains its approval, once'); END;
CREATE TRIGGER report_publications_no_delete BEFORE DELETE ON report_publications
BEGIN SELECT RAISE(ABORT, 'publications are never deleted'); END;
