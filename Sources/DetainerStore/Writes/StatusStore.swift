import DetainerDomain
import SQLite

/// Status transitions: checked against the machine, timed, attributed, and recorded in the
/// append-only `status_events` ledger together with the detainer's current status.
public struct IllegalTransition: Error, Equatable, CustomStringConvertible {
    public let detainerID: Int64
    public let from: DetainerStatus
    public let to: DetainerStatus

    public var description: String {
        let allowed = StatusMachine.statusChanges(from: from).map(\.rawValue)
        var text = "detainer \(detainerID) is \(from.rawValue); it cannot move to \(to.rawValue)."
        if to.isDecision { text += " Decisions are made with `detainer review`." }
        text += allowed.isEmpty ? " No further status changes are allowed." : " Allowed: \(allowed.joined(separator: ", "))."
        return text
    }
}

public struct StatusChange: Sendable {
    public let detainerID: Int64
    public let from: DetainerStatus
    public let to: DetainerStatus
    public let at: UTCInstant
    public let afterDeadline: Bool
    public let holdDeadline: UTCInstant?
    /// Why a hold ended (a release or lift), when recorded.
    public var cause: HoldEndCause? = nil
}

/// The status steps the services share (`StoreService`).
extension StoreService {
    func currentStatus(of detainerID: Int64, in db: Connection) throws -> (status: DetainerStatus, statusAt: UTCInstant, receivedAt: UTCInstant, holdDeadline: UTCInstant?) {
        let statement = try db.cached("SELECT status, status_at, received_at, hold_deadline FROM detainers WHERE id = ?")
        try statement.bind(detainerID, at: 1)
        guard let row = try statement.first({ ($0.string(0), $0.string(1), $0.string(2), $0.string(3)) }),
              let status = DetainerStatus(rawValue: row.0 ?? ""),
              let statusAt = UTCInstant(parsing: row.1 ?? ""), let received = UTCInstant(parsing: row.2 ?? "") else {
            throw NotFound(entity: "detainer", key: String(detainerID))
        }
        return (status, statusAt, received, row.3.flatMap(UTCInstant.init(parsing:)))
    }

    func appendStatusEvent(detainerID: Int64, from: DetainerStatus?, to: DetainerStatus, at: UTCInstant, note: String?,
                           afterDeadline: Bool, cause: HoldEndCause? = nil, in context: WriteContext) throws {
        var row = StatusEventRecord()
        row.detainerID = detainerID
        row.fromStatus = from
        row.toStatus = to
        row.occurredAt = at
        row.recordedAt = context.now
        row.actorID = try context.actorID
        row.note = note
        row.afterDeadline = afterDeadline
        row.cause = cause
        try context.insert(&row)
    }

    /// Moves the detainer and writes the ledger row; `closed_on` is set when it leaves the open set.
    @discardableResult
    func moveStatus(detainerID: Int64, from: DetainerStatus, to: DetainerStatus, at: UTCInstant, note: String?,
                    afterDeadline: Bool = false, cause: HoldEndCause? = nil, in context: WriteContext) throws -> StatusChange {
        guard from.canMove(to: to) else { throw IllegalTransition(detainerID: detainerID, from: from, to: to) }
        try appendStatusEvent(detainerID: detainerID, from: from, to: to, at: at, note: note, afterDeadline: afterDeadline,
                              cause: cause, in: context)
        // `closed_on` is set when the detainer leaves the open set; a release says whether it was late.
        var values: ColumnValues = ["status": to.rawValue, "status_at": at.iso8601]
        if !to.isOpen { values["closed_on"] = at.newYorkDate.description }
        if to == .released { values["released_after_deadline"] = afterDeadline }
        try DetainerRecord.update(id: detainerID, set: values, in: context)
        return StatusChange(detainerID: detainerID, from: from, to: to, at: at, afterDeadline: afterDeadline, holdDeadline: nil)
    }

}

extension StatusService {
    /// `detainer status ID --to STATUS`: any move but a decision, by a clerk or supervisor.
    public func changeStatus(detainerID: Int64, to: DetainerStatus, at requested: UTCInstant?, note: String?,
                             cause requestedCause: HoldEndCause? = nil, by actor: Actor) throws -> StatusChange {
        let note = try Self.validatedNote(note)
        return try audited(actor: actor, action: "detainer.status", entity: "detainer") { context in
            try record(detainerID: detainerID, to: to, at: requested, note: note, cause: requestedCause, approvedProposal: nil, in: context)
        }
    }

    static func validatedNote(_ note: String?) throws -> String? {
        var v = FieldValidator()
        let note = v.text(note, "note", maxLength: FieldLimits.note, allowNewlines: true)
        try v.finish()
        return note
    }

    /// The detainer's status now, refusing a move the machine does not allow: shared by a change
    /// and by a proposal of one.
    func checkedCurrentStatus(detainerID: Int64, to: DetainerStatus, in context: WriteContext) throws
        -> (status: DetainerStatus, statusAt: UTCInstant, receivedAt: UTCInstant, holdDeadline: UTCInstant?) {
        let current = try currentStatus(of: detainerID, in: context.db)
        if StatusMachine.statusChangeRefusal(from: current.status, to: to) != nil {
            throw IllegalTransition(detainerID: detainerID, from: current.status, to: to)
        }
        return current
    }

    /// Makes the change inside `context`. Without `approvedProposal`, a change the four-eyes rule
    /// reserves for two people is refused; with it, the approval being written is the second person.
    func record(detainerID: Int64, to: DetainerStatus, at requested: UTCInstant?, note: String?, cause requestedCause: HoldEndCause? = nil,
                approvedProposal: Int64?, in context: WriteContext) throws -> StatusChange {
        context.entityID = detainerID
        let current = try checkedCurrentStatus(detainerID: detainerID, to: to, in: context)
        if approvedProposal == nil, FourEyesRule.statusChangeNeedsSecondPerson(from: current.status, to: to) {
            throw SecondPersonRequired(subject: "detainer \(detainerID)", act: "marking a \(current.status.rawValue) detainer \(to.rawValue)")
        }
        let at = requested.map { UTCInstant(secondsSinceEpoch: $0.secondsSinceEpoch) } ?? context.now
        if at.secondsSinceEpoch > context.now.secondsSinceEpoch + FieldLimits.clockSkewSeconds {
            throw InputError(field: "at", "\(at.newYorkText) is in the future")
        }
        if at < current.receivedAt {
            throw InputError(field: "at", "\(at.newYorkText) is before the detainer was received (\(current.receivedAt.newYorkText))")
        }
        // A release is recorded when it really happened, even if the office learned of it only
        // after a later review: the ledger keeps both times (occurred_at, recorded_at) and the
        // timeline shows it in its true place, marked as recorded later.
        if at < current.statusAt && !StatusTiming.mayPrecedeCurrentStatus(to) {
            throw InputError(field: "at", "\(at.newYorkText) is before the current status was set (\(current.statusAt.newYorkText))")
        }
        if StatusMachine.requiresNote(to), note == nil {
            throw InputError(field: "note", "say why the record is in error (e.g. \"duplicate of detainer 12\")")
        }
        let cause: HoldEndCause?
        switch HoldEndCause.resolve(requestedCause, from: current.status, to: to) {
        case .success(let resolved): cause = resolved
        case .failure(.required):
            throw InputError(field: "cause", "detainer \(detainerID) is held; say why the hold ended without a transfer (\(HoldEndCause.choicesText))")
        case .failure(.notApplicable):
            throw InputError(field: "cause", "only a release or a lift records why a hold ended")
        }
        // A hold past its deadline without a transfer is unlawful detention; record it as such.
        // A transfer after it is the same unlawful hold, ended by ICE instead of the city.
        let afterDeadline = Deadlines.holdEndedLate(from: current.status, to: to, at: at, holdDeadline: current.holdDeadline)
        var change = try moveStatus(detainerID: detainerID, from: current.status, to: to, at: at, note: note,
                                    afterDeadline: afterDeadline, cause: cause, in: context)
        var holdDeadline = current.holdDeadline
        if to == .held {
            // The hold runs 48 hours from when it began, excluding Saturdays, Sundays and
            // holidays (8 CFR 287.7(d)); an earlier deadline already set stands.
            let deadline = HoldDeadline.plain(scheduledRelease: at)
            holdDeadline = min(current.holdDeadline ?? deadline, deadline)
            try DetainerRecord.update(id: detainerID, set: ["hold_began_at": at.iso8601, "hold_began_on": at.newYorkDate.description,
                                                            "hold_deadline": holdDeadline?.iso8601], in: context)
        }
        if current.status == .held, let cause {
            try DetainerRecord.update(id: detainerID, set: ["hold_end_cause": cause.rawValue], in: context)
        }
        if StatusMachine.leavesCityCustody(to) {
            if let caseID = try context.db.scalarInt("SELECT custody_case_id FROM detainers WHERE id = ?", detainerID) {
                try CustodyCaseRecord.fill(id: caseID, with: ["released_at": at.iso8601], in: context)
            }
        }
        change = StatusChange(detainerID: detainerID, from: current.status, to: to, at: at, afterDeadline: afterDeadline,
                              holdDeadline: holdDeadline, cause: cause)
        context.details = ["from": .string(current.status.rawValue), "to": .string(to.rawValue), "at": .string(at.iso8601),
                           "afterDeadline": .bool(afterDeadline), "note": .optional(note), "cause": .optional(cause?.rawValue)]
        if let approvedProposal { context.details["proposal"] = .int(approvedProposal) }
        return change
    }
}
