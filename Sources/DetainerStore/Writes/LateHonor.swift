import DetainerDomain

/// Honoring a detainer whose hold deadline has already passed, refused until the supervisor
/// confirms it (issue 25 §2): the person may no longer be held for ICE, so the honor can only
/// record what was done. The message says why; each front end says how to confirm.
public struct LateHonorWarning: Error, Sendable, CustomStringConvertible {
    public let detainerID: Int64
    /// Why, from the domain (`Deadlines.lateHonorWarning`).
    public let why: String
    /// The four-eyes proposal to honor whose approval this is (nil for a review).
    public let proposalID: Int64?

    public init(detainerID: Int64, why: String, proposalID: Int64? = nil) {
        self.detainerID = detainerID
        self.why = why
        self.proposalID = proposalID
    }

    public var description: String {
        let act = proposalID.map { "Approving proposal \($0) to honor detainer \(detainerID)" } ?? "Honoring detainer \(detainerID)"
        return "\(act) needs confirmation: \(why). Nothing was recorded."
    }
}

extension ReviewService {
    /// Why `request` needs confirmation (it would honor a detainer past its hold deadline now),
    /// or nil when it does not.
    func lateHonor(detainerID: Int64, _ request: ReviewRequest, in context: WriteContext) throws -> String? {
        let (_, _, verdict) = try self.verdict(detainerID: detainerID, request, in: context)
        guard verdict.decision == .honor else { return nil }
        let current = try currentStatus(of: detainerID, in: context.db)
        return Deadlines.lateHonorWarning(holdDeadline: current.holdDeadline, now: context.now)
    }
}

extension LateHonorWarning: FieldIssues {
    /// Shown beside the confirmation a form or body offers (`confirmAfterDeadline`).
    public var fieldIssues: [ValidationIssue] { [ValidationIssue(path: "confirmAfterDeadline", message: description)] }
}
