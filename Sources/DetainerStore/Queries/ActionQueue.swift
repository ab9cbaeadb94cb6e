import DetainerDomain

/// Everything in the office that needs someone to act, for the web home page and
/// `GET /api/v1/queue`: `detainer queue`'s one list (what needs action is `Deadlines.needs`, in
/// the domain), grouped by what must be done. A detainer can sit in two groups (pending review
/// and past its deadline). Each group keeps the queue's order: most urgent first.
public struct ActionQueue: Sendable {
    /// Awaiting a supervisor's review.
    public let pendingReview: [QueueItem]
    /// Honored and still in city custody: ICE must take custody before the deadline (or, when the
    /// law no longer allows the hold, the person must be released: needs `attention`).
    public let awaitingTransfer: [QueueItem]
    /// NYPD holds the engine allowed for 48 business hours while ICE obtains a judicial warrant.
    public let holdsPendingWarrant: [QueueItem]
    /// Open detainers whose hold deadline has passed.
    public let pastDeadline: [QueueItem]
    /// The most rows shown per group; `truncated` says when a group was cut.
    public static let limit = 50
    public let truncated: Bool

    public init(_ items: [QueueItem]) {
        func group(_ wanted: Set<ActionNeed>) -> [QueueItem] { items.filter { !wanted.isDisjoint(with: $0.needs) } }
        let groups = [group([.review]), group([.transfer, .attention]), group([.warrant]), group([.overdue])]
        pendingReview = Array(groups[0].prefix(Self.limit))
        awaitingTransfer = Array(groups[1].prefix(Self.limit))
        holdsPendingWarrant = Array(groups[2].prefix(Self.limit))
        pastDeadline = Array(groups[3].prefix(Self.limit))
        truncated = groups.contains { $0.count > Self.limit }
    }
}

extension DetainerDatabase {
    public func actionQueue(_ filter: QueueFilter) throws -> ActionQueue {
        ActionQueue(try queue(filter))
    }
}
