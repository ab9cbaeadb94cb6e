import DetainerDomain
import DetainerStore

/// JSON shapes of the API (camelCase, instants UTC ISO 8601), built from the store's values.
enum APIJSON {
    static func user(_ user: User) -> JSONValue {
        .object(["name": .string(user.name), "role": .string(user.role.rawValue), "active": .bool(user.active)])
    }

    static func queueItem(_ item: QueueItem) -> JSONValue {
        .object([
            "detainerID": .int(item.detainerID), "agency": .string(item.agency.rawValue), "person": .string(item.person),
            "status": .string(item.status.rawValue), "receivedAt": .string(item.receivedAt.iso8601),
            "outcome": .optional(item.outcome?.rawValue), "reasons": .array(item.reasons.map(JSONValue.string)),
            "holdDeadline": .optional(item.holdDeadline?.iso8601), "secondsLeft": .optional(item.secondsLeft),
            "overdue": .bool(item.isOverdue), "needsAttention": .bool(item.needsAttention), "releaseNow": .bool(item.releaseNow),
            "searchPending": .bool(item.searchPending),
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
}
