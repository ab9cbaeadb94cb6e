import DetainerDomain

/// Everything in the office that needs someone to act, for the web home page and
/// `GET /api/v1/queue`, grouped by what must be done. A detainer can sit in two groups (pending
/// review and past its deadline). Each group keeps the queue's order, most urgent first, and
/// shows at most `limit` rows: each is one bounded query (`queueItems`), so a page reads about
/// `4 × limit` rows however large the backlog, plus one index count for a group that is cut.
public struct ActionQueue: Sendable {
    public enum Group: String, Sendable, CaseIterable {
        /// Awaiting a supervisor's review.
        case pendingReview
        /// Honored and still in city custody: ICE must take custody before the deadline (or, when
        /// the law no longer allows the hold, the person must be released: needs `attention`).
        case awaitingTransfer
        /// NYPD holds the engine allowed for 48 business hours while ICE obtains a judicial warrant.
        case holdsPendingWarrant
        /// Open detainers whose hold deadline has passed.
        case pastDeadline

        /// The needs that put a detainer in this group (the rules are the domain's `NeedRule`s).
        public var needs: Set<ActionNeed> {
            switch self {
            case .pendingReview: [.review]
            case .awaitingTransfer: [.transfer, .attention]
            case .holdsPendingWarrant: [.warrant]
            case .pastDeadline: [.overdue]
            }
        }
    }

    /// The most rows shown per group; `truncated` says when a group was cut.
    public static let limit = 50

    private let lists: [Group: [QueueItem]]
    private let totals: [Group: Int]

    public init(lists: [Group: [QueueItem]], totals: [Group: Int]) {
        self.lists = lists
        self.totals = totals
    }

    /// The group's most urgent entries (at most `limit`).
    public func items(_ group: Group) -> [QueueItem] { lists[group] ?? [] }
    /// How many detainers the group holds in all, shown or not.
    public func total(_ group: Group) -> Int { totals[group] ?? items(group).count }

    public var pendingReview: [QueueItem] { items(.pendingReview) }
    public var awaitingTransfer: [QueueItem] { items(.awaitingTransfer) }
    public var holdsPendingWarrant: [QueueItem] { items(.holdsPendingWarrant) }
    public var pastDeadline: [QueueItem] { items(.pastDeadline) }
    public var truncated: Bool { Group.allCases.contains { total($0) > items($0).count } }
}

extension Queries {
    public func actionQueue(_ filter: QueueFilter) throws -> ActionQueue {
        // One snapshot for all groups, so a detainer reviewed meanwhile is not in two states.
        connection.isInTransaction ? try groups(filter) : try connection.read { try groups(filter) }
    }

    private func groups(_ filter: QueueFilter) throws -> ActionQueue {
        var lists: [ActionQueue.Group: [QueueItem]] = [:], totals: [ActionQueue.Group: Int] = [:]
        for group in ActionQueue.Group.allCases {
            // One row past the limit says whether the group was cut; only then is it counted.
            let rows = try queueItems(needing: group.needs, filter, limit: ActionQueue.limit + 1)
            lists[group] = Array(rows.prefix(ActionQueue.limit))
            totals[group] = rows.count > ActionQueue.limit ? try queueCount(needing: group.needs, filter) : rows.count
        }
        return ActionQueue(lists: lists, totals: totals)
    }
}
