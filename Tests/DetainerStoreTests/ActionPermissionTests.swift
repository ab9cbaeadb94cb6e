import DetainerDomain
@testable import DetainerStore
import Foundation
import Testing
import TestSupport

/// Issue 26 §3: the store checks every audited write's permission itself, inside the write's
/// transaction, against the actor's row as it is then; the front ends' checks are a courtesy.
@Suite struct ActionPermissionTests {
    let dir = TemporaryDirectory()

    /// Every action a service records (`action: "…"` in Sources/DetainerStore) has its rule.
    @Test func everyRecordedActionDeclaresWhatItRequires() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/DetainerStore")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" }
        // The action argument of every audited write, and the `let action = …` a few compute.
        let expression = try Regex(#"(?:audited\(actor: [^,]+, action: |let action = reason)([^\n]+?)(?:, entity:|$)"#).anchorsMatchLineEndings()
        let literal = try Regex(#""([a-z_.]+)""#)
        var actions: Set<String> = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: expression) {
                guard let argument = match.output[1].substring, argument.contains("\"") else { continue }
                for word in argument.matches(of: literal) { actions.insert(String(argument[word.range].dropFirst().dropLast())) }
            }
        }
        #expect(actions.count >= 30, "the scan found too few actions: \(actions.sorted())")
        for action in actions {
            #expect(ActionPermission.required(for: action) != nil, "\(action) has no permission rule")
        }
        #expect(actions.contains("auth.session_end") && actions.contains("user.totp.begin"))
        #expect(ActionPermission.required(for: "report.monthly") == .permission(.report))
    }

    @Test func aForgedRoleOrAStaleActorIsRefusedInsideTheWrite() throws {
        let db = try dir.database()
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "clara", role: .clerk, by: admin)
        let clara = try db.accounts.authorize("clara", for: .intake)
        let before = try db.connection.scalarInt("SELECT count(*) FROM audit_log")

        // Any code can build an Actor; the store believes the users table, not the value.
        let forged = Actor(id: clara.id, name: "clara", role: .admin)
        #expect(throws: PermissionDenied.self) { try db.accounts.addUser(name: "mallory", role: .admin, by: forged) }
        #expect(try db.connection.scalarInt("SELECT count(*) FROM users WHERE name = 'mallory'") == 0)

        // An actor authorized before their deactivation cannot finish a write afterwards.
        try db.accounts.deactivateUser(name: "clara", by: admin)
        let request = IntakeRequest(person: .init(name: "Ana Ruiz", dateOfBirth: "1990-05-06"),
                                    custody: .init(agency: "DOC", bookingNumber: "B1", arrestDate: "2026-02-20", scheduledReleaseAt: "2026-03-05T15:00:00Z"))
        #expect(throws: PermissionDenied.self) { try IntakeService(db).intake(request, by: clara) }
        #expect(try db.connection.scalarInt("SELECT count(*) FROM detainers") == 0)
        // Only the deactivation was written.
        #expect(try db.connection.scalarInt("SELECT count(*) FROM audit_log") == (before ?? 0) + 1)
    }

    @Test func anUndeclaredActionWritesNothing() throws {
        let db = try dir.database()
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        #expect(throws: PermissionDenied.self) {
            try db.audited(actor: admin, action: "detainer.teleport", entity: "detainer") { _ in }
        }
    }
}
