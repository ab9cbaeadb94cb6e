-- The web queue's groups are unions of (status, outcome) cells (issue 14): every NeedRule names
-- statuses and an outcome test. With status and outcome leading this index's key, each cell is one
-- range, kept in the queue's order (deadline first, no deadline last, then time received, id), so
-- a group query seeks to each of its cells and walks only the rows it shows, and an empty group
-- costs a few seeks. Under 0007's key, led by the deadline, every group that matched few rows
-- walked the whole open backlog (about 27,000 index entries a page with 6,700 pending reviews).
-- agency rides in the key for the agency filter. Partial on open intake detainers, as before; the
-- queue's queries repeat this predicate verbatim. It replaces detainers_action_queue.
DROP INDEX detainers_action_queue;
CREATE INDEX detainers_queue_cells ON detainers (status, outcome, hold_deadline IS NULL, hold_deadline, received_at, id, agency)
    WHERE origin = 'intake' AND (status = 'received' OR status = 'pendingReview' OR status = 'honored');
