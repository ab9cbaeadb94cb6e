import SQLite
import Testing
@testable import DetainerStore
import TestSupport

/// Issue 10 §1-2: the migration that adds sentence dates and makes conviction facts nullable
/// keeps every stored conviction, its audit fingerprint, its trigger and its CHECKs.
@Suite struct SentenceMigrationTests {
    let dir = TemporaryDirectory()

    @Test func existingConvictionsKeepDataAndFingerprintAndBecomeSentenceNotKnown() throws {
        let db = try Connection(path: dir.path("old.db"), options: ConnectionOptions(mode: .create))
        let first = Migrator(Array(Schema.migrations.prefix(1)))
        _ = try first.migrate(db, now: { "2026-01-01T00:00:00Z" })
        try db.execute("INSERT INTO users (id, name, role, created_at) VALUES (1, 'admin', 'admin', '2026-01-01T00:00:00Z')")
        try db.execute("""
            INSERT INTO persons (id, name, source, created_at, created_by) VALUES (1, 'A B', 'intake', '2026-01-01T00:00:00Z', 1)
            """)
        try db.execute("""
            INSERT INTO convictions (id, person_id, statute_raw, statute_kind, convicted_on, felony_class, youthful_offender,
                                     incarcerated_days, created_at, created_by)
            VALUES (7, 1, 'PL 120.05', 'penalLaw', '2020-03-02', 'D', 1, 30, '2026-01-01T00:00:00Z', 1)
            """)
        let before = try RowDigest.digest(of: "convictions", id: 7, in: db)

        _ = try Schema.migrator.migrate(db, now: { "2026-01-02T00:00:00Z" })
        #expect(try RowDigest.digest(of: "convictions", id: 7, in: db) == before, "the fingerprint of an existing row must not change")
        let row = try db.prepare("""
            SELECT statute_raw, convicted_on, felony_class, youthful_offender, incarcerated_days, sentenced_on, awaiting_sentence
            FROM convictions WHERE id = 7
            """).first { r in [r.string(0), r.string(1), r.string(2), r.optionalInt(3).map(String.init),
                               r.optionalInt(4).map(String.init), r.string(5), r.optionalInt(6).map(String.init)] }
        #expect(row == ["PL 120.05", "2020-03-02", "D", "1", "30", nil, nil])

        // Facts may now be unknown (NULL); the sentence rules are CHECKed; deletes are still refused.
        try db.execute("UPDATE convictions SET youthful_offender = NULL, sealed = NULL, incarcerated_days = NULL WHERE id = 7")
        #expect(throws: SQLiteError.self) { try db.execute("UPDATE convictions SET sentenced_on = '2020-03-01' WHERE id = 7") }
        #expect(throws: SQLiteError.self) {
            try db.execute("UPDATE convictions SET sentenced_on = '2020-04-01', awaiting_sentence = 1 WHERE id = 7")
        }
        #expect(throws: SQLiteError.self) { try db.execute("UPDATE convictions SET youthful_offender = 2 WHERE id = 7") }
        #expect(throws: SQLiteError.self) { try db.execute("DELETE FROM convictions WHERE id = 7") }
        #expect(try db.nonStrictTables().isEmpty)
    }
}
