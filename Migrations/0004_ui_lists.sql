-- Lists and reports that scale (issue 11 §6).
--
-- Covering indexes for `report monthly`: each counts one kind of event by the New York date it
-- happened, so a report reads three narrow index ranges in order instead of every detainer row.
-- The columns are in GROUP BY order (date, then what is counted), so SQLite aggregates without
-- sorting; agency comes last because it is an optional filter checked inside the index. Partial
-- on `status <> 'enteredInError'`, the report's scope, which its queries repeat verbatim.
CREATE INDEX detainers_received_on ON detainers (received_on, agency)
    WHERE status <> 'enteredInError';
CREATE INDEX detainers_decided_on ON detainers (decided_on, decision, decision_basis, agency)
    WHERE decided_on IS NOT NULL AND status <> 'enteredInError';
CREATE INDEX detainers_closed_on ON detainers (closed_on, status, agency)
    WHERE closed_on IS NOT NULL AND status <> 'enteredInError';

-- `detainer list` pages newest first: without this every page sorts the whole table.
CREATE INDEX detainers_newest ON detainers (received_at, id);

-- `detainer list --person` by booking number (the table's UNIQUE index leads with agency).
CREATE INDEX custody_cases_booking ON custody_cases (booking_number) WHERE booking_number IS NOT NULL;

-- `detainer list --person NAME`: one row per word-start suffix of each person's name, folded
-- (lower case, accents removed) by `PersonSearchKey` in Swift, so "cruz", "juan cruz" and
-- "nunez" find "José Juan Cruz Núñez" through this primary key (a range scan), not a table scan.
-- Derived data: written with the person in the same transaction, rebuilt by `detainer init`
-- after this migration, and compared with the names by `detainer check`. Not fingerprinted: it
-- holds nothing that is not in `persons`.
CREATE TABLE person_search_keys (
    key       TEXT    NOT NULL CHECK (length(key) BETWEEN 1 AND 400),
    person_id INTEGER NOT NULL REFERENCES persons(id),
    PRIMARY KEY (key, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX person_search_keys_person ON person_search_keys (person_id);
