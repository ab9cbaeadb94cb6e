import DetainerDomain
import SQLite

/// A workflow service: a small value over the store (`DetainerDatabase`), which keeps the
/// connection, the audited write transaction, the clock and the signer. The services are the
/// surface the CLI and the web layer call; the store keeps the low-level steps several services
/// share (audited writes, the current status and the status ledger, recording an evaluation,
/// finding a person or custody case). This protocol hands those steps to each service under
/// their usual names, so a service method reads as it did when it lived on the store.
protocol StoreService {
    var store: DetainerDatabase { get }
}

extension StoreService {
    var connection: Connection { store.connection }
    var clock: Clock { store.clock }

    func audited<T>(actor: Actor, action: String, entity: String, _ body: (WriteContext) throws -> T) throws -> T {
        try store.audited(actor: actor, action: action, entity: entity, body)
    }

    func currentStatus(of detainerID: Int64, in db: Connection) throws -> (status: DetainerStatus, statusAt: UTCInstant, receivedAt: UTCInstant, holdDeadline: UTCInstant?) {
        try store.currentStatus(of: detainerID, in: db)
    }

    func appendStatusEvent(detainerID: Int64, from: DetainerStatus?, to: DetainerStatus, at: UTCInstant, note: String?,
                           afterDeadline: Bool, in context: WriteContext) throws {
        try store.appendStatusEvent(detainerID: detainerID, from: from, to: to, at: at, note: note, afterDeadline: afterDeadline, in: context)
    }

    @discardableResult
    func moveStatus(detainerID: Int64, from: DetainerStatus, to: DetainerStatus, at: UTCInstant, note: String?,
                    afterDeadline: Bool = false, cause: HoldEndCause? = nil, in context: WriteContext) throws -> StatusChange {
        try store.moveStatus(detainerID: detainerID, from: from, to: to, at: at, note: note, afterDeadline: afterDeadline, cause: cause, in: context)
    }

    @discardableResult
    func recordEvaluation(detainerID: Int64, trigger: DetainerDatabase.EvaluationTrigger, in context: WriteContext) throws -> StoredEvaluation {
        try store.recordEvaluation(detainerID: detainerID, trigger: trigger, in: context)
    }

    func reevaluateOpenDetainers(personID: Int64, trigger: DetainerDatabase.EvaluationTrigger, in context: WriteContext) throws -> [StoredEvaluation] {
        try store.reevaluateOpenDetainers(personID: personID, trigger: trigger, in: context)
    }
}
