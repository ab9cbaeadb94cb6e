import DetainerDomain
import SQLite

/// What a proposal asks for.
public enum ProposedAct: Sendable, Equatable {
    /// A supervisor's decision that needs a second supervisor (honoring against the engine).
    case review(Decision, reason: String)
    /// A status change that needs a supervisor's approval (entered in error after the city acted).
    case status(DetainerStatus, at: UTCInstant?, note: String)
    /// An account change that needs a second admin (granting supervisor or admin, reactivating).
    case user(UserAct, reason: String)

    var kind: String {
        switch self {
        case .review: "review"
        case .status: "status"
        case .user: "user"
        }
    }
}

/// The account changes `FourEyesRule` reserves for two admins.
public enum UserAct: Sendable, Equatable {
    case add(name: String, role: Role, osLogin: String?)
    case role(name: String, role: Role)
    case reactivate(name: String)

    public var name: String {
        switch self {
        case .add(let name, _, _), .role(let name, _), .reactivate(let name): name
        }
    }

    var payload: JSONValue {
        switch self {
        case .add(let name, let role, let osLogin):
            ["action": "add", "name": .string(name), "role": .string(role.rawValue), "osLogin": .optional(osLogin)]
        case .role(let name, let role): ["action": "role", "name": .string(name), "role": .string(role.rawValue)]
        case .reactivate(let name): ["action": "reactivate", "name": .string(name)]
        }
    }
}

public enum ProposalState: String, Sendable, CaseIterable {
    case pending, approved, rejected, withdrawn
}

/// A proposal as the queue, `show` and the pages list it.
public struct Proposal: Sendable, Equatable {
    public let id: Int64
    /// The detainer a review or status proposal is about (nil for an account change).
    public let detainerID: Int64?
    public let kind: String
    /// In words: "honor (against the engine's needsReview)", "honored → enteredInError".
    public let act: String
    public let reason: String
    public let proposedAt: UTCInstant
    public let proposedBy: String
    public let state: ProposalState
    public let decidedAt: UTCInstant?
    public let decidedBy: String?
    public let decisionNote: String?
    /// The deadline the proposal races (the detainer's hold deadline), if any.
    public let holdDeadline: UTCInstant?
    /// A review proposal's decision (nil for a status or account change).
    public let decision: Decision?

    /// Whether approving it honors the detainer (so a passed hold deadline needs confirmation).
    public var honors: Bool { kind == "review" && decision == .honor }

    public var json: JSONValue {
        .object(["proposalID": .int(id), "detainerID": .optional(detainerID), "kind": .string(kind), "act": .string(act),
                 "reason": .string(reason), "proposedAt": .string(proposedAt.iso8601), "proposedBy": .string(proposedBy),
                 "state": .string(state.rawValue), "decidedAt": .optional(decidedAt?.iso8601), "decidedBy": .optional(decidedBy),
                 "decisionNote": .optional(decisionNote), "holdDeadline": .optional(holdDeadline?.iso8601)])
    }
}

/// An approval's answer: the proposal as it now stands and the act it made.
public enum ProposalEffect: Sendable {
    case review(ReviewResult)
    case status(StatusChange)
    case user(User)

    public var json: JSONValue {
        switch self {
        case .review(let result): result.json
        case .status(let change): change.json
        case .user(let user): ["userID": .int(user.id), "name": .string(user.name), "role": .string(user.role.rawValue), "active": .bool(user.active)]
        }
    }
}

extension ProposalService {
    /// Records a proposal for an act that needs a second person. Refused when the act needs no
    /// second person (make it directly), when the act is not possible now, or when the detainer
    /// already has an open proposal.
    public func propose(detainerID: Int64?, _ act: ProposedAct, by actor: Actor) throws -> Proposal {
        var v = FieldValidator()
        let reason: String?
        switch act {
        case .review(_, let text), .user(_, let text): reason = v.text(text, "reason", maxLength: FieldLimits.note, required: true, allowNewlines: true)
        case .status(_, _, let note): reason = v.text(note, "note", maxLength: FieldLimits.note, required: true, allowNewlines: true)
        }
        try v.finish()
        if case .user = act {
            guard actor.may(.manageUsers) else {
                throw PermissionDenied(message: "proposing an account change \(PermissionDenied.required(.manageUsers))")
            }
        }
        return try audited(actor: actor, action: "proposal.create", entity: detainerID == nil ? "user" : "detainer") { context in
            context.entityID = detainerID
            let payload: JSONValue
            switch act {
            case .user(let change, _):
                try checkUserProposal(change, in: context)
                payload = change.payload
                if let open = try context.db.scalarInt("SELECT id FROM proposals WHERE kind = 'user' AND state = 'pending' AND payload ->> '$.name' = ?", change.name) {
                    throw InputError(field: "name", "user \"\(change.name)\" already has proposal \(open) waiting for a second admin; approve or reject it first")
                }
            case .review(let decision, _):
                guard let detainerID else { throw InputError(field: "id", "a review proposal names a detainer") }
                let review = ReviewService(store)
                let (evaluationID, outcome, verdict) = try review.verdict(detainerID: detainerID, .decide(decision, reason: reason ?? ""), in: context)
                guard FourEyesRule.reviewNeedsSecondPerson(verdict) else {
                    throw InputError(field: "decide", "\(decision.rawValue) on the engine's \(outcome.rawValue) needs no second person; record it with `detainer review`")
                }
                payload = ["decision": .string(decision.rawValue), "evaluationID": .int(evaluationID), "engineOutcome": .string(outcome.rawValue)]
            case .status(let to, let at, _):
                guard let detainerID else { throw InputError(field: "id", "a status proposal names a detainer") }
                let from = try StatusService(store).checkedCurrentStatus(detainerID: detainerID, to: to, in: context).status
                guard FourEyesRule.statusChangeNeedsSecondPerson(from: from, to: to) else {
                    throw InputError(field: "to", "\(from.rawValue) → \(to.rawValue) needs no second person; record it with `detainer status`")
                }
                payload = ["from": .string(from.rawValue), "to": .string(to.rawValue), "at": .optional(at?.iso8601)]
            }
            if let detainerID, let open = try context.db.scalarInt("SELECT id FROM proposals WHERE detainer_id = ? AND state = 'pending'", detainerID) {
                throw InputError(field: "id", "detainer \(detainerID) already has proposal \(open) waiting for a second person; approve or reject it first")
            }
            var row = ProposalRecord()
            row.kind = act.kind
            row.detainerID = detainerID
            row.payload = JSONText(payload)
            row.reason = reason ?? ""
            row.proposedAt = context.now
            row.proposedBy = try context.actorID
            row.state = "pending"
            let id = try context.insert(&row)
            context.details = ["proposal": .int(id), "kind": .string(act.kind), "payload": payload]
            guard let proposal = try proposal(id: id, in: context.db) else { throw NotFound(entity: "proposal", key: String(id)) }
            return proposal
        }
    }

    /// The second person approves: the act is made now, in the approver's name, in this one write.
    /// The proposer cannot approve; a review proposal whose evaluation has changed since (new
    /// facts) is refused, so nobody approves a decision on facts that are no longer the record's.
    /// Approving a proposal to honor once the hold deadline has passed is refused with
    /// `LateHonorWarning` unless `confirmedAfterDeadline`, as a review's honor is (issue 25 §2):
    /// the honor takes effect at the approval, so it is the approver who must read why.
    public func approve(proposalID: Int64, note: String?, confirmedAfterDeadline: Bool = false,
                        by actor: Actor) throws -> (Proposal, ProposalEffect) {
        var v = FieldValidator()
        let note = v.text(note, "note", maxLength: FieldLimits.note, allowNewlines: true)
        try v.finish()
        return try audited(actor: actor, action: "proposal.approve", entity: "proposal") { context in
            let open = try pendingRow(proposalID, in: context.db)
            let permission: Permission = open.kind == "user" ? .manageUsers : .review
            guard actor.may(permission) else {
                throw PermissionDenied(message: "approving proposal \(proposalID) \(PermissionDenied.required(permission))")
            }
            context.entityID = proposalID
            guard open.proposedBy != (try context.actorID) else {
                throw PermissionDenied(message: "\(actor.name) proposed \(proposalID); a second person must approve it (you may withdraw it with `detainer proposal reject \(proposalID)`)")
            }
            let effect: ProposalEffect
            let effectTable: String, effectID: Int64
            switch open.kind {
            case "user":
                let user: User
                let role = Role(rawValue: open.role ?? "")
                switch open.action {
                case "add"?:
                    guard let role else { throw StoreError.badStoredValue(table: "proposals", column: "payload", rowID: proposalID, value: open.role ?? "null") }
                    user = try store.accounts.recordAddUser(name: open.name ?? "", role: role, osLogin: open.osLogin, approvedProposal: proposalID, in: context)
                case "role"?:
                    guard let role else { throw StoreError.badStoredValue(table: "proposals", column: "payload", rowID: proposalID, value: open.role ?? "null") }
                    user = try store.accounts.recordChangeRole(name: open.name ?? "", to: role, approvedProposal: proposalID, in: context)
                default:
                    user = try store.accounts.recordReactivate(name: open.name ?? "", approvedProposal: proposalID, in: context)
                }
                effect = .user(user)
                (effectTable, effectID) = ("users", user.id)
            case "review":
                guard let detainerID = open.detainerID else { throw NotFound(entity: "detainer of proposal", key: String(proposalID)) }
                guard let decision = Decision(rawValue: open.decision ?? "") else {
                    throw StoreError.badStoredValue(table: "proposals", column: "payload", rowID: proposalID, value: open.decision ?? "null")
                }
                let current = try context.db.scalarInt("SELECT evaluation_id FROM detainers WHERE id = ?", detainerID)
                guard current == open.evaluationID else {
                    throw InputError(field: "id", "detainer \(detainerID) was re-evaluated after proposal \(proposalID) was made; reject it and propose again on the current facts")
                }
                let review = ReviewService(store), request = ReviewRequest.decide(decision, reason: open.reason)
                let late = try review.lateHonor(detainerID: detainerID, request, in: context)
                if let late, !confirmedAfterDeadline { throw LateHonorWarning(detainerID: detainerID, why: late, proposalID: proposalID) }
                let result = try review.record(detainerID: detainerID, request, reason: open.reason, approvedProposal: proposalID, in: context)
                // The audit row says the approver confirmed an honor after the deadline.
                if late != nil { context.details["confirmedAfterHoldDeadline"] = .bool(true) }
                effect = .review(result)
                (effectTable, effectID) = ("reviews", result.reviewID)
            default:
                guard let detainerID = open.detainerID else { throw NotFound(entity: "detainer of proposal", key: String(proposalID)) }
                guard let to = DetainerStatus(rawValue: open.to ?? "") else {
                    throw StoreError.badStoredValue(table: "proposals", column: "payload", rowID: proposalID, value: open.to ?? "null")
                }
                let change = try StatusService(store).record(detainerID: detainerID, to: to, at: open.at.flatMap(UTCInstant.init(parsing:)),
                                                             note: open.reason, approvedProposal: proposalID, in: context)
                effect = .status(change)
                guard let event = try context.db.scalarInt("SELECT max(id) FROM status_events WHERE detainer_id = ?", detainerID) else {
                    throw NotFound(entity: "status event of detainer", key: String(detainerID))
                }
                (effectTable, effectID) = ("status_events", event)
            }
            try ProposalRecord.update(id: proposalID, set: ["state": "approved", "decided_at": context.now.iso8601, "decided_by": try context.actorID,
                                                            "decision_note": note, "effect_table": effectTable, "effect_id": effectID],
                                      in: context, where: "state = 'pending'")
            context.details["proposal"] = .int(proposalID)
            context.details["proposedBy"] = .string(open.proposedByName)
            context.details["kind"] = .string(open.kind)
            guard let proposal = try proposal(id: proposalID, in: context.db) else { throw NotFound(entity: "proposal", key: String(proposalID)) }
            return (proposal, effect)
        }
    }

    /// Rejects a proposal (a supervisor), or withdraws it (its proposer). Nothing else changes.
    public func reject(proposalID: Int64, note: String?, by actor: Actor) throws -> Proposal {
        var v = FieldValidator()
        let note = v.text(note, "note", maxLength: FieldLimits.note, required: true, allowNewlines: true)
        try v.finish()
        return try audited(actor: actor, action: "proposal.reject", entity: "proposal") { context in
            let open = try pendingRow(proposalID, in: context.db)
            context.entityID = proposalID
            let own = open.proposedBy == (try context.actorID)
            let permission: Permission = open.kind == "user" ? .manageUsers : .review
            guard own || actor.may(permission) else {
                throw PermissionDenied(message: "rejecting someone else's proposal \(PermissionDenied.required(permission))")
            }
            try ProposalRecord.update(id: proposalID, set: ["state": own ? "withdrawn" : "rejected", "decided_at": context.now.iso8601,
                                                            "decided_by": try context.actorID, "decision_note": note],
                                      in: context, where: "state = 'pending'")
            context.details = ["proposal": .int(proposalID), "state": .string(own ? "withdrawn" : "rejected")]
            guard let proposal = try proposal(id: proposalID, in: context.db) else { throw NotFound(entity: "proposal", key: String(proposalID)) }
            return proposal
        }
    }

    /// A proposed account change must be one that needs a second admin and could be made now.
    private func checkUserProposal(_ change: UserAct, in context: WriteContext) throws {
        let existing = try store.accounts.user(named: change.name)
        switch change {
        case .add(let name, let role, let osLogin):
            try Accounts.validateUserName(name)
            if let osLogin { try Accounts.validateOSLogin(osLogin) }
            if existing != nil { throw InputError(field: "name", "a user named \"\(name)\" already exists") }
            guard FourEyesRule.grantNeedsSecondPerson(role: role.rawValue) else {
                throw InputError(field: "role", "adding \(role == .admin ? "an" : "a") \(role.rawValue) needs no second admin; use `detainer user add`")
            }
        case .role(let name, let role):
            guard let existing else { throw NotFound(entity: "user", key: "\"\(name)\"") }
            if existing.role == role { throw InputError(field: "role", "user \"\(name)\" is already \(role.rawValue)") }
            guard FourEyesRule.grantNeedsSecondPerson(role: role.rawValue) else {
                throw InputError(field: "role", "making \(name) \(role == .admin ? "an" : "a") \(role.rawValue) needs no second admin; use `detainer user role`")
            }
        case .reactivate(let name):
            guard let existing else { throw NotFound(entity: "user", key: "\"\(name)\"") }
            if existing.active { throw InputError(field: "name", "user \"\(name)\" is active") }
        }
    }

    /// Open proposals, the one racing the earliest hold deadline first.
    public func pending(limit: Int = 200) throws -> [Proposal] {
        try proposals(where: "p.state = 'pending'", order: "d.hold_deadline IS NULL, d.hold_deadline, p.id", limit: limit, bind: nil, in: connection)
    }

    /// Every proposal about one detainer, oldest first (for `show` and the detainer page).
    public func proposals(detainerID: Int64) throws -> [Proposal] {
        try proposals(where: "p.detainer_id = ?1", order: "p.id", limit: 1000, bind: detainerID, in: connection)
    }

    /// One proposal, any state (nil when there is none).
    public func proposal(id: Int64) throws -> Proposal? { try proposal(id: id, in: connection) }

    func proposal(id: Int64, in db: Connection) throws -> Proposal? {
        try proposals(where: "p.id = ?1", order: "p.id", limit: 1, bind: id, in: db).first
    }

    private func proposals(where condition: String, order: String, limit: Int, bind: Int64?, in db: Connection) throws -> [Proposal] {
        let statement = try db.cached("""
            SELECT p.id, p.detainer_id, p.kind, p.payload ->> '$.decision', p.payload ->> '$.engineOutcome', p.payload ->> '$.from',
                   p.payload ->> '$.to', p.reason, p.proposed_at, pu.name, p.state, p.decided_at, du.name, p.decision_note, d.hold_deadline,
                   p.payload ->> '$.action', p.payload ->> '$.name', p.payload ->> '$.role'
            FROM proposals AS p LEFT JOIN detainers AS d ON d.id = p.detainer_id JOIN users AS pu ON pu.id = p.proposed_by
            LEFT JOIN users AS du ON du.id = p.decided_by
            WHERE \(condition) ORDER BY \(order) LIMIT \(limit)
            """)
        if let bind { try statement.bind(bind, at: 1) }
        var result: [Proposal] = []
        try statement.forEachRow { r in
            let kind = r.string(2) ?? ""
            let act: String
            switch kind {
            case "review": act = "\(r.string(3) ?? "?") (against the engine's \(r.string(4) ?? "?"))"
            case "status": act = "\(r.string(5) ?? "?") → \(r.string(6) ?? "?")"
            default:
                let name = r.string(16) ?? "?", role = r.string(17) ?? "?"
                switch r.string(15) {
                case "add"?: act = "add \(role) \(name)"
                case "role"?: act = "make \(name) \(role)"
                default: act = "reactivate \(name)"
                }
            }
            result.append(Proposal(
                id: r.int64(0), detainerID: r.optionalInt64(1), kind: kind, act: act, reason: r.string(7) ?? "",
                proposedAt: UTCInstant(parsing: r.string(8) ?? "") ?? UTCInstant(secondsSinceEpoch: 0), proposedBy: r.string(9) ?? "?",
                state: ProposalState(rawValue: r.string(10) ?? "") ?? .pending, decidedAt: r.string(11).flatMap(UTCInstant.init(parsing:)),
                decidedBy: r.string(12), decisionNote: r.string(13), holdDeadline: r.string(14).flatMap(UTCInstant.init(parsing:)),
                decision: kind == "review" ? r.string(3).flatMap(Decision.init(rawValue:)) : nil))
        }
        return result
    }

    private struct PendingRow {
        let detainerID: Int64?, kind: String, reason: String, proposedBy: Int64, proposedByName: String
        let decision: String?, evaluationID: Int64?, to: String?, at: String?
        let action: String?, name: String?, role: String?, osLogin: String?
    }

    private func pendingRow(_ id: Int64, in db: Connection) throws -> PendingRow {
        let statement = try db.cached("""
            SELECT p.detainer_id, p.kind, p.reason, p.proposed_by, u.name, p.payload ->> '$.decision', p.payload ->> '$.evaluationID',
                   p.payload ->> '$.to', p.payload ->> '$.at', p.state,
                   p.payload ->> '$.action', p.payload ->> '$.name', p.payload ->> '$.role', p.payload ->> '$.osLogin'
            FROM proposals AS p JOIN users AS u ON u.id = p.proposed_by WHERE p.id = ?
            """)
        try statement.bind(id, at: 1)
        guard let (row, state) = try statement.first({ r in
            (PendingRow(detainerID: r.optionalInt64(0), kind: r.string(1) ?? "", reason: r.string(2) ?? "", proposedBy: r.int64(3),
                        proposedByName: r.string(4) ?? "", decision: r.string(5), evaluationID: r.optionalInt64(6), to: r.string(7), at: r.string(8),
                        action: r.string(10), name: r.string(11), role: r.string(12), osLogin: r.string(13)),
             r.string(9) ?? "")
        }) else { throw NotFound(entity: "proposal", key: String(id)) }
        guard state == ProposalState.pending.rawValue else {
            throw InputError(field: "id", "proposal \(id) is already \(state)")
        }
        return row
    }
}
