-- The web queue reads each group's 50 most urgent detainers with LIMIT (issue 14): this index's
-- key is the queue's order (deadline first, no deadline last, then time received), so a group
-- query walks it in order and stops at the limit. status, outcome and agency ride in the key so
-- the need rules and filters are tested in the index; the table row is read only for the rows
-- shown. Partial on open intake detainers, the only ones that can need action; the queue's
-- queries repeat this predicate verbatim. It replaces detainers_queue (same rows, fewer columns).
DROP INDEX detainers_queue;
CREATE INDEX detainers_action_queue ON detainers (hold_deadline IS NULL, hold_deadline, received_at, id, status, outcome, agency)
    WHERE origin = 'intake' AND (status = 'received' OR status = 'pendingReview' OR status = 'honored');
