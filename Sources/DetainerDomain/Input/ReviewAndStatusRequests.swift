/// A supervisor's review and a status change, as typed by every front end (the API's JSON, the
/// web's forms, the CLI's options) and read once here: choices in any case, New York time or
/// ISO 8601 for instants, every problem named by its field path, all at once (issue 26 §4).

/// A supervisor's action on a pending detainer.
public enum ReviewRequest: Sendable, Equatable {
    /// Accept the engine's outcome (permitted or holdPendingWarrant → honor; decline → decline).
    case approve(reason: String?)
    /// Decide, with a written reason; required for needsReview and for any override.
    case decide(Decision, reason: String)

    /// The request as the review policy sees it.
    public var choice: ReviewChoice {
        switch self {
        case .approve: .approve
        case .decide(let decision, _): .decide(decision)
        }
    }
}

/// `{"action": "approve"}` or `{"action": "decide", "decision": "honor"|"decline", "reason": "…"}`,
/// with the two confirmations a review may need.
public struct ReviewInput: Sendable, Equatable {
    public enum Field {
        public static let action = "action", decision = "decision", reason = "reason"
        public static let confirmNoSearch = "confirmNoSearch", confirmAfterDeadline = "confirmAfterDeadline"
        public static let all = [action, decision, reason, confirmNoSearch, confirmAfterDeadline]
    }

    public var action: String?
    public var decision: String?
    public var reason: String?
    /// Review although no criminal-history search is on record (`ReviewPolicy`).
    public var confirmNoSearch: Bool?
    /// Honor even though the hold deadline has passed (refused otherwise).
    public var confirmAfterDeadline: Bool?
    var decodingIssues: [ValidationIssue] = []

    public init(action: String? = nil, decision: String? = nil, reason: String? = nil, confirmNoSearch: Bool? = nil,
                confirmAfterDeadline: Bool? = nil) {
        self.action = action
        self.decision = decision
        self.reason = reason
        self.confirmNoSearch = confirmNoSearch
        self.confirmAfterDeadline = confirmAfterDeadline
    }

    public func validated() throws(InputErrors) -> ReviewRequest {
        var v = FieldValidator()
        for issue in decodingIssues { v.fail(issue.path, issue.message) }
        // A decision is either a valid one with action decide, or absent: never silently ignored.
        let decided = v.choice(decision, Field.decision, as: Decision.self)
        var request: ReviewRequest?
        switch action?.lowercased() {
        case "approve":
            if decision != nil { v.fail(Field.decision, "goes with action decide only; approving takes the engine's outcome") }
            request = .approve(reason: reason)
        case "decide":
            if decision == nil { v.fail(Field.decision, "required with action decide: honor or decline") }
            if let decided { request = .decide(decided, reason: reason ?? "") }
        case nil: v.fail(Field.action, "is required: approve or decide")
        case let other?: v.fail(Field.action, "unknown value \"\(other)\" (expected approve or decide)")
        }
        try v.finish()
        guard let request else { throw InputErrors(v.errors) }
        return request
    }
}

extension ReviewInput: Decodable {
    public init(from decoder: any Decoder) throws {
        var reader = JSONFieldReader(decoder, knownKeys: Set(Field.all))
        self.init(action: reader.read(Field.action, as: String.self), decision: reader.read(Field.decision, as: String.self),
                  reason: reader.read(Field.reason, as: String.self), confirmNoSearch: reader.read(Field.confirmNoSearch, as: Bool.self),
                  confirmAfterDeadline: reader.read(Field.confirmAfterDeadline, as: Bool.self))
        decodingIssues = reader.issues
    }
}

/// A status change, validated.
public struct StatusChangeRequest: Sendable, Equatable {
    public var to: DetainerStatus
    public var at: UTCInstant?
    public var note: String?
    /// Why a hold ended (release or lift).
    public var cause: HoldEndCause?

    public init(to: DetainerStatus, at: UTCInstant? = nil, note: String? = nil, cause: HoldEndCause? = nil) {
        self.to = to
        self.at = at
        self.note = note
        self.cause = cause
    }
}

/// `{"to": "released", "at": "…", "note": "…", "cause": "holdExpired"}` as typed.
public struct StatusChangeInput: Sendable, Equatable {
    public enum Field {
        public static let to = "to", at = "at", note = "note", cause = "cause"
        public static let all = [to, at, note, cause]
    }

    public var to: String?
    public var at: String?
    public var note: String?
    public var cause: String?
    var decodingIssues: [ValidationIssue] = []

    public init(to: String? = nil, at: String? = nil, note: String? = nil, cause: String? = nil) {
        self.to = to
        self.at = at
        self.note = note
        self.cause = cause
    }

    public func validated() throws(InputErrors) -> StatusChangeRequest {
        var v = FieldValidator()
        for issue in decodingIssues { v.fail(issue.path, issue.message) }
        let status = v.choice(to, Field.to, as: DetainerStatus.self, required: true)
        let instant = v.instant(at, Field.at)
        let cause = v.choice(cause, Field.cause, as: HoldEndCause.self)
        try v.finish()
        guard let status else { throw InputErrors(v.errors) }
        return StatusChangeRequest(to: status, at: instant, note: note, cause: cause)
    }
}

extension StatusChangeInput: Decodable {
    public init(from decoder: any Decoder) throws {
        var reader = JSONFieldReader(decoder, knownKeys: Set(Field.all))
        self.init(to: reader.read(Field.to, as: String.self), at: reader.read(Field.at, as: String.self),
                  note: reader.read(Field.note, as: String.self), cause: reader.read(Field.cause, as: String.self))
        decodingIssues = reader.issues
    }
}
