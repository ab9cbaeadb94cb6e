import DetainerDomain
@testable import DetainerStore
import TestSupport

extension TemporaryDirectory {
    /// A migrated database with one admin, at a fixed clock.
    func database(_ name: String = "store.db", now: String = "2026-03-02T15:00:00Z") throws -> DetainerDatabase {
        let db = try DetainerDatabase.open(path: path(name), access: .create, clock: .fixed(UTCInstant(parsing: now)!))
        try db.migrate()
        try db.integrity.establish(mode: .training, publicKey: nil)
        _ = try db.accounts.bootstrapAdmin(name: "admin")
        return db
    }
}
