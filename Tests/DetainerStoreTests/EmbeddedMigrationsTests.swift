import Foundation
import Testing
@testable import DetainerStore
import SQLite

/// The binary carries its migrations; this keeps that copy identical to Migrations/*.sql.
@Suite struct EmbeddedMigrationsTests {
    @Test func embeddedCopyEqualsTheMigrationFiles() throws {
        let folder = RepositoryRoot.url.appendingPathComponent("Migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        #expect(files.count == Schema.migrations.count, "run Scripts/embed-migrations")
        for (file, migration) in zip(files, Schema.migrations) {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(file == String(format: "%04d_%@.sql", migration.version, migration.name), "run Scripts/embed-migrations")
            #expect(text == migration.sql, "\(file) differs from the embedded copy; run Scripts/embed-migrations")
        }
    }

    @Test func versionsAreConsecutiveFromOne() {
        #expect(Schema.migrations.map(\.version) == Array(1...Schema.migrations.count))
    }
}
