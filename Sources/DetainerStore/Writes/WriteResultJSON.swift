import DetainerDomain

// The one JSON shape of each write's result: `--format json` on the CLI and the `/api/v1` answers
// both print these, so a script sees the same keys from either front end (camelCase, "ID" as one
// capitalised word, instants UTC ISO 8601).

extension StoredEvaluation {
    public var json: JSONValue {
        .object(["detainerID": .int(detainerID), "evaluationID": .int(id),
                 "outcome": .string(report.outcome.rawValue), "ruleVersion": .string(report.ruleVersion),
                 "reasons": .array(report.reasons.map { .string($0.code) }),
                 "holdDeadline": .optional(holdDeadline?.iso8601)])
    }
}

extension IntakeResult {
    public var json: JSONValue {
        .object(["detainerID": .int(detainerID), "personID": .int(personID), "personReused": .bool(personReused),
                 "custodyCaseID": .int(custodyCaseID), "evaluationID": .int(evaluation.id),
                 "outcome": .string(evaluation.report.outcome.rawValue),
                 "reasons": .array(evaluation.report.reasons.map { .string($0.code) }),
                 "holdDeadline": .optional(evaluation.holdDeadline?.iso8601),
                 "warnings": .array(warnings.map(JSONValue.string)),
                 "convictionIDs": .array(convictionIDs.map { .int($0) }),
                 "pendingChargeIDs": .array(pendingChargeIDs.map { .int($0) }),
                 // Every intake ends pending review (the store moves it there in the same transaction).
                 "status": .string(DetainerStatus.pendingReview.rawValue)])
    }
}

extension ReviewResult {
    public var json: JSONValue {
        .object(["detainerID": .int(detainerID), "reviewID": .int(reviewID), "decision": .string(decision.rawValue),
                 "override": .bool(isOverride), "engineOutcome": .string(engineOutcome.rawValue), "basis": .string(basis)])
    }
}

extension StatusChange {
    public var json: JSONValue {
        .object(["detainerID": .int(detainerID), "from": .string(from.rawValue), "to": .string(to.rawValue),
                 "at": .string(at.iso8601), "afterDeadline": .bool(afterDeadline),
                 "holdDeadline": .optional(holdDeadline?.iso8601), "cause": .optional(cause?.rawValue)])
    }
}

extension ContactResult {
    /// `reevaluation` is present (non-null) when the contact changed what the engine sees.
    public func json(detainerID: Int64) -> JSONValue {
        .object(["contactID": .int(contactID), "detainerID": .int(detainerID),
                 "reevaluation": evaluation?.json ?? .null])
    }
}

extension HistoryChange {
    /// `recordKey` names the record written: `convictionID` or `chargeID`.
    public func json(recordKey: String) -> JSONValue {
        .object([recordKey: .int(recordID), "personID": .int(personID), "statute": .string(statute.description),
                 "reevaluations": .array(reevaluations.map(\.json))])
    }
}
