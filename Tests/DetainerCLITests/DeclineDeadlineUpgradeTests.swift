import DetainerDomain
@testable import DetainerStore
import Foundation
import Testing

/// Issue 25 §2 on a database from before release-on-time: an open decline evaluated then stores
/// release + 48 business hours. `init` (migration 0014) sets it to the scheduled release in one
/// audited entry, so the queue, its overdue filter, the digest and `show` agree, and `check`
/// still vouches for every row.
@Suite struct DeclineDeadlineUpgradeTests {
    /// Rewrites a detainer's deadline as the evaluation of an older version stored it: in an
    /// audited write that fingerprints the row, as that version's own write did.
    static func makeOldStyle(_ office: Office, detainer id: Int64) throws -> UTCInstant {
        let db = try DetainerDatabase.open(path: office.cli.dbPath, access: .write, clock: .fixed(UTCInstant(parsing: "2026-03-02T15:05:00Z")!))
        defer { try? db.close() }
        let release = UTCInstant(parsing: "2026-03-05T15:00:00Z")!
        let old = HoldDeadline.plain(scheduledRelease: release)
        try db.audited(actor: try db.accounts.authorize("sam", for: .evaluate), action: "detainer.evaluate", entity: "detainer") { context in
            try context.db.run("UPDATE detainers SET hold_deadline = ? WHERE id = ?", old.iso8601, id)
            context.touch("detainers", id)
        }
        return old
    }

    @Test func initRealignsAnOldDeclineAndEveryViewAgrees() throws {
        let office = try Office(now: "2026-03-02T15:00:00Z")
        let decline = try office.intake(["--booking", "B1"], name: "Old Decline", nysid: "11111111A")
        let honored = try office.intake(DeadlineTruthTests.permitted + ["--booking", "B2"], name: "Honored Person", nysid: "22222222B")
        try expectOK(office.cli.run("review", "\(honored)", "--approve", "--confirm-no-search", "--user", "sam"))
        let old = try Self.makeOldStyle(office, detainer: decline)
        #expect(old.iso8601 == "2026-03-09T14:00:00Z")
        try expectOK(office.cli.run("check"))

        // After the release (Thursday 10:00 EST), before the old deadline: the row is overdue.
        let thursday = ["DETAINER_NOW": "2026-03-05T19:00:00Z"]
        let overdueBefore = CSVLines.parse(try office.cli.run(["queue", "--overdue", "--format", "csv"], env: thursday).stdout)
        #expect(!overdueBefore.dropFirst().contains { $0[0] == "\(decline)" }, "the stored deadline hides it: \(overdueBefore)")

        let upgrade = try office.cli.run("init", "--training")
        try expectOK(upgrade)
        #expect(upgrade.stdout.contains("Set the deadline of 1 open declined detainer(s) to the scheduled release"), "\(upgrade.stdout)")
        try expectOK(office.cli.run("check"))
        let audit = try office.cli.sqlite("SELECT payload ->> '$.details.detainers[0].from', payload ->> '$.details.detainers[0].to' FROM audit_log WHERE action = 'detainer.deadline_realign';")
        #expect(audit.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "2026-03-09T14:00:00Z|2026-03-05T15:00:00Z", "\(audit.stdout)")
        // Once is enough: a second init finds nothing and writes nothing.
        let again = try office.cli.run("init", "--training")
        #expect(!again.stdout.contains("Set the deadline"))
        #expect(try office.cli.sqlite("SELECT count(*) FROM audit_log WHERE action = 'detainer.deadline_realign';").stdout.hasPrefix("1"))

        let rows = CSVLines.parse(try office.cli.run(["queue", "--format", "csv"], env: thursday).stdout)
        let deadline = try #require(rows.first?.firstIndex(of: "hold_deadline")), needs = try #require(rows.first?.firstIndex(of: "needs"))
        let row = try #require(rows.first { $0[0] == "\(decline)" })
        #expect(row[deadline] == "2026-03-05T15:00:00Z")
        #expect(row[needs].contains("release-on-time") && row[needs].contains("OVERDUE"), "\(row)")
        #expect(rows.dropFirst().first?[0] == "\(decline)", "past its release, it leads the queue")
        let overdue = CSVLines.parse(try office.cli.run(["queue", "--overdue", "--format", "csv"], env: thursday).stdout)
        #expect(overdue.dropFirst().contains { $0[0] == "\(decline)" })
        let show = try office.cli.run(["show", "\(decline)"], env: thursday)
        #expect(show.stdout.contains("Release on time: 2026-03-05 10:00 EST"), "\(show.stdout)")
        #expect(!show.stdout.contains("Hold deadline"))
        let digest = try office.cli.run(["digest"], env: thursday)
        #expect(digest.stdout.contains("Release on time 2026-03-05 10:00 EST (OVERDUE"), "\(digest.stdout)")
        // The honored detainer's hold deadline is untouched.
        #expect(try office.cli.sqlite("SELECT hold_deadline FROM detainers WHERE id = \(honored);").stdout.hasPrefix("2026-03-09T14:00:00Z"))
    }
}
