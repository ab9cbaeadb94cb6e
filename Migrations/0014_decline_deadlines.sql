-- 0014: the stored deadline of an open decline is its scheduled release (issue 25 §2).
--
-- A detainer the engine declines has no lawful hold, so `recordEvaluation` stores the scheduled
-- release as its deadline; one evaluated before that rule stores release + 48 business hours
-- until its next evaluation. This migration changes no table: rewriting those rows here would
-- change fingerprinted rows behind the audit log (`detainer check` would name each as "changed
-- outside detainer"). It raises the schema version so every command waits for `detainer init`,
-- which realigns them in one audited, signed write (`DeclineDeadlines.swift`,
-- action detainer.deadline_realign), fingerprinting each row it changes.
SELECT 1;
