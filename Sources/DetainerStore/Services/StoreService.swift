import DetainerDomain
import SQLite

/// A service: a small value over the store (`DetainerDatabase`), which keeps only the
/// connection, the audited write transaction, the clock and the signer (issue 26 §5). The
/// workflow services (IntakeService, ReviewService …) are the surface the CLI and the web layer
/// call; the store's other concerns are services built the same way and reached from the
/// database by name: `db.queries`, `db.accounts`, `db.integrity`, `db.paperwork`, `db.demo`.
/// The low-level steps several services share (the current status and the status ledger,
/// recording an evaluation) are extensions of this protocol (Writes/StatusStore.swift,
/// Writes/EvaluationStore.swift).
protocol StoreService {
    var store: DetainerDatabase { get }
}

extension StoreService {
    var connection: Connection { store.connection }
    var clock: Clock { store.clock }

    func audited<T>(actor: Actor, action: String, entity: String, _ body: (WriteContext) throws -> T) throws -> T {
        try store.audited(actor: actor, action: action, entity: entity, body)
    }
}
