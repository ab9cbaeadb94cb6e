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

    /// Versions are numbered by assignment across parallel branches (0010 was assigned while 0009 was
    /// still on another branch), so a branch may lack one; they must still start at 1 and increase.
    /// Once every assigned number is merged they are consecutive again.
    @Test func versionsIncreaseFromOne() {
        let versions = Schema.migrations.map(\.version)
        #expect(versions.first == 1)
        #expect(versions == versions.sorted() && Set(versions).count == versions.count)
    }
}
