-- A judgment needs a sentence, and unknown is never "no" (issue 10; law reference §12.12-12.13).
--
-- CPL 1.20(15): a judgment is a conviction and the sentence imposed on it. Convictions gain
-- `sentenced_on` (NULL = not known) and `awaiting_sentence` (1 = plea or verdict awaiting
-- sentence, 0 = not awaiting, NULL = not known). Existing convictions get NULL for both:
-- "sentence not known", so re-evaluating a stored detainer that rests on one of them asks for
-- review until a clerk records the sentence date.
--
-- Every fact column becomes nullable (NULL = not known): youthful_offender, juvenile_delinquent,
-- hate_crime, sealed, vacated, incarcerated_days and jurisdiction. SQLite cannot drop NOT NULL in
-- place, so the table is rebuilt (the migrator runs with foreign keys off; nothing references
-- convictions). Columns keep their positions and values and the new ones are appended, so every
-- existing row keeps its audit fingerprint (RowDigest skips NULL columns). The index and the
-- no-delete trigger are recreated exactly as in 0001.
CREATE TABLE convictions_rebuilt (
    id                  INTEGER PRIMARY KEY,
    person_id           INTEGER NOT NULL REFERENCES persons(id),
    statute_raw         TEXT    NOT NULL CHECK (length(statute_raw) <= 100),
    statute_kind        TEXT    NOT NULL,
    statute_normalized  TEXT,
    object_statute      TEXT    CHECK (object_statute IS NULL OR length(object_statute) <= 100),
    convicted_on        TEXT    CHECK (convicted_on IS NULL OR date(convicted_on) IS convicted_on),
    -- The grade as convicted, in the law engine's spelling (OffenseLevel.label).
    felony_class        TEXT    CHECK ((felony_class = 'A-I' OR felony_class = 'A-II' OR felony_class = 'A' OR felony_class = 'B' OR felony_class = 'C' OR felony_class = 'D' OR felony_class = 'E' OR felony_class = 'misdemeanor' OR felony_class = 'A misdemeanor' OR felony_class = 'B misdemeanor' OR felony_class = 'unclassified misdemeanor' OR felony_class = 'violation' OR felony_class = 'traffic infraction')),
    -- NULL = not known.
    jurisdiction        TEXT    DEFAULT 'NY' CHECK ((jurisdiction = 'NY' OR jurisdiction = 'otherState' OR jurisdiction = 'federal')),
    ny_equivalent       TEXT    CHECK (ny_equivalent IS NULL OR length(ny_equivalent) <= 100),
    -- Out-of-state / federal only: was a term over one year authorized (PL 70.06(1)(b)(i))?
    term_over_one_year  INTEGER CHECK (term_over_one_year IN (0, 1)),
    -- Facts: 1 yes, 0 no, NULL not known.
    youthful_offender   INTEGER DEFAULT 0 CHECK (youthful_offender IN (0, 1)),
    juvenile_delinquent INTEGER DEFAULT 0 CHECK (juvenile_delinquent IN (0, 1)),
    hate_crime          INTEGER DEFAULT 0 CHECK (hate_crime IN (0, 1)),
    sealed              INTEGER DEFAULT 0 CHECK (sealed IN (0, 1)),
    vacated             INTEGER DEFAULT 0 CHECK (vacated IN (0, 1)),
    incarcerated_days   INTEGER DEFAULT 0 CHECK (incarcerated_days BETWEEN 0 AND 36600),
    court               TEXT    CHECK (court IS NULL OR length(court) <= 120),
    docket_number       TEXT    CHECK (docket_number IS NULL OR length(docket_number) <= 40),
    created_at          TEXT    NOT NULL,
    created_by          INTEGER NOT NULL REFERENCES users(id),
    updated_at          TEXT,
    updated_by          INTEGER REFERENCES users(id),
    -- The date sentence was imposed (CPL 1.20(14)), which completes the judgment; NULL = not known.
    sentenced_on        TEXT    CHECK (sentenced_on IS NULL OR (date(sentenced_on) IS sentenced_on
                                       AND (convicted_on IS NULL OR sentenced_on >= convicted_on))),
    -- 1 = plea or verdict entered, no sentence yet; 0 = not awaiting; NULL = not known.
    awaiting_sentence   INTEGER CHECK (awaiting_sentence IN (0, 1) AND NOT (awaiting_sentence = 1 AND sentenced_on IS NOT NULL))
) STRICT;
INSERT INTO convictions_rebuilt (id, person_id, statute_raw, statute_kind, statute_normalized, object_statute, convicted_on,
    felony_class, jurisdiction, ny_equivalent, term_over_one_year, youthful_offender, juvenile_delinquent, hate_crime,
    sealed, vacated, incarcerated_days, court, docket_number, created_at, created_by, updated_at, updated_by)
SELECT id, person_id, statute_raw, statute_kind, statute_normalized, object_statute, convicted_on,
    felony_class, jurisdiction, ny_equivalent, term_over_one_year, youthful_offender, juvenile_delinquent, hate_crime,
    sealed, vacated, incarcerated_days, court, docket_number, created_at, created_by, updated_at, updated_by
FROM convictions;
DROP TABLE convictions;
ALTER TABLE convictions_rebuilt RENAME TO convictions;
CREATE INDEX convictions_person ON convictions (person_id);
CREATE TRIGGER convictions_no_delete BEFORE DELETE ON convictions
BEGIN SELECT RAISE(ABORT, 'convictions are never deleted; mark them vacated'); END;
