import DetainerDomain
import DetainerStore

/// JSON shapes of the API (camelCase, instants UTC ISO 8601), built from the store's values.
enum APIJSON {
    static func user(_ user: User) -> JSONValue {
        .object(["name": .string(user.name), "role": .string(user.role.rawValue), "active": .bool(user.active)])
    }

    static func queueItem(_ item: QueueItem) -> JSONValue {
        .object([
            "detainerId": .int(item.detainerID), "agency": .string(item.agency.rawValue), "person": .string(item.person),
            "status": .string(item.status.rawValue), "receivedAt": .string(item.receivedAt.iso8601),
            "outcome": .optional(item.outcome?.rawValue), "reasons": .array(item.reasons.map(JSONValue.string)),
            "holdDeadline": .optional(item.holdDeadline?.iso8601), "secondsLeft": .optional(item.secondsLeft),
            "overdue": .bool(item.isOverdue), "needsAttention": .bool(item.needsAttention),
        ])
    }

    static func actionQueue(_ queue: ActionQueue) -> JSONValue {
        .object([
            "pendingReview": .array(queue.pendingReview.map(queueItem)),
            "awaitingTransfer": .array(queue.awaitingTransfer.map(queueItem)),
            "holdsPendingWarrant": .array(queue.holdsPendingWarrant.map(queueItem)),
            "pastDeadline": .array(queue.pastDeadline.map(queueItem)),
            "truncated": .bool(queue.truncated),
            // Each group's size in all: the lists above hold at most ActionQueue.limit entries.
            "totals": .object(Dictionary(uniqueKeysWithValues: ActionQueue.Group.allCases.map { ($0.rawValue, JSONValue.int(Int64(queue.total($0)))) })),
        ])
    }

    static func intake(_ result: IntakeResult) -> JSONValue {
        let report = result.evaluation.report
        return .object([
            "detainerId": .int(result.detainerID), "personId": .int(result.personID), "personReused": .bool(result.personReused),
            "custodyCaseId": .int(result.custodyCaseID), "evaluationId": .int(result.evaluation.id),
            "outcome": .string(report.outcome.rawValue), "reasons": .array(report.reasons.map { .string($0.code) }),
            "holdDeadline": .optional(result.evaluation.holdDeadline?.iso8601), "warnings": .array(result.warnings.map(JSONValue.string)),
            "status": .string("pendingReview"),
        ])
    }

    static func evaluation(_ evaluation: StoredEvaluation) -> JSONValue {
        .object([
            "detainerId": .int(evaluation.detainerID), "evaluationId": .int(evaluation.id),
            "outcome": .string(evaluation.report.outcome.rawValue), "ruleVersion": .string(evaluation.report.ruleVersion),
            "reasons": .array(evaluation.report.reasons.map { .string($0.code) }),
            "holdDeadline": .optional(evaluation.holdDeadline?.iso8601),
        ])
    }
}

extension APIJSON {
    static func historyChange(_ change: HistoryChange) -> JSONValue {
        .object([
            "recordId": .int(change.recordID), "personId": .int(change.personID), "statute": .string(change.statute.description),
            "reevaluations": .array(change.reevaluations.map(evaluation)),
        ])
    }
}
