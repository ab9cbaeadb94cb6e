import Foundation
import Testing
import TestSupport

/// End to end: the built binary on a temporary database.
@Suite struct FoundationCommandTests {
    @Test func versionNamesTheSQLiteLibrary() throws {
        let result = try CLIRunner().run("--version")
        #expect(result.status == 0)
        #expect(result.stdout.contains("detainer "))
        #expect(result.stdout.contains("SQLite 3."))
    }

    @Test func helpListsTheCommands() throws {
        let result = try CLIRunner().run("--help")
        #expect(result.status == 0)
        for command in ["init", "check", "backup"] { #expect(result.stdout.contains(command)) }
    }

    @Test func unknownOptionIsAUsageError() throws {
        let result = try CLIRunner().run("init", "--frobnicate")
        #expect(result.status == 64)
    }

    @Test func initCreatesThenReportsAndCheckPasses() throws {
        let cli = CLIRunner()
        let first = try cli.run("init", "--training", "--admin", "alice")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Created"))
        #expect(first.stdout.contains("admin user alice"))
        let second = try cli.run("init")
        #expect(second.status == 0)
        #expect(second.stdout.contains("up to date at schema version"))
        let check = try cli.run("check")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("all checks passed"))
    }

    @Test func initWorksFromAnyDirectoryWithAnExplicitPath() throws {
        let cli = CLIRunner()
        let elsewhere = TemporaryDirectory()
        let result = try CLIRunner.execute(CLIRunner.binary.path, ["init", "--training", "--db", cli.dbPath], in: elsewhere.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: cli.dbPath))
    }

    @Test func theSqliteShellSeesWALForeignKeysAndStrictTables() throws {
        let cli = CLIRunner()
        try cli.run("init", "--training", "--admin", "alice")
        #expect(try cli.sqlite("PRAGMA journal_mode;").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "wal")
        let loose = try cli.sqlite("SELECT count(*) FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND strict = 0;")
        #expect(loose.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        // foreign_keys is per connection; the schema declares them and every detainer connection turns them on.
        let fks = try cli.sqlite("SELECT count(*) FROM pragma_foreign_key_list('detainers');")
        #expect(Int(fks.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 >= 4)
    }

    @Test(arguments: ["audit_log", "evaluations", "status_events"])
    func theSqliteShellCannotRewriteAppendOnlyTables(table: String) throws {
        let cli = CLIRunner()
        try cli.run("init", "--training", "--admin", "alice")
        // audit_log has a row after init; for the others insert nothing and rely on the trigger text.
        let update = try cli.sqlite("UPDATE \(table) SET id = id + 1000;")
        let delete = try cli.sqlite("DELETE FROM \(table);")
        if table == "audit_log" {
            #expect(update.status != 0 && update.stderr.contains("append-only"))
            #expect(delete.status != 0 && delete.stderr.contains("append-only"))
        }
        let triggers = try cli.sqlite("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = '\(table)' AND name LIKE '%append_only%';")
        #expect(triggers.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
    }

    @Test func checkFailsAndNamesTheRowAfterTampering() throws {
        let cli = CLIRunner()
        try cli.run("init", "--training", "--admin", "alice")
        try cli.sqlite("UPDATE users SET role = 'clerk' WHERE name = 'alice';")
        let check = try cli.run("check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("FAIL"))
        #expect(check.stdout.contains("users row 1 was changed"))
        #expect(check.stdout.contains("first bad audit row 2"))  // row 1 records the mode (issue 13)
    }

    @Test func backupCopiesAndRefusesToOverwrite() throws {
        let cli = CLIRunner()
        try cli.run("init", "--training", "--admin", "alice")
        let dest = cli.directory.path("copy.db")
        let first = try cli.run("backup", dest)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("integrity ok"))
        let again = try cli.run("backup", dest)
        #expect(again.status == 73)
        #expect(again.stderr.contains("--force"))
        #expect(try cli.run("backup", dest, "--force").status == 0)
        let check = try cli.run("check", "--db", dest)
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAndLeftAlone() throws {
        let cli = CLIRunner()
        let path = cli.directory.path("notes.txt")
        try Data("not a database\n".utf8).write(to: URL(fileURLWithPath: path))
        for command in [["check", "--db", path], ["init", "--db", path]] {
            let result = try cli.run(command)
            #expect(result.status == 65)
            #expect(result.stderr.contains("not an SQLite database"))
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a database\n")
    }

    @Test func someoneElsesSQLiteFileIsRefused() throws {
        let cli = CLIRunner()
        let path = cli.directory.path("other.db")
        _ = try CLIRunner.execute("/usr/bin/sqlite3", [path, "CREATE TABLE notes (x); INSERT INTO notes VALUES (1);"], in: cli.directory.url)
        let result = try cli.run("init", "--db", path)
        #expect(result.status == 65)
        #expect(result.stderr.contains("not one created by this tool"))
    }

    @Test func aMissingDatabaseIsReported() throws {
        let result = try CLIRunner().run("check")
        #expect(result.status == 66)
        #expect(result.stderr.contains("detainer init"))
    }

    @Test func databasePathComesFromTheEnvironment() throws {
        let cli = CLIRunner()
        let other = cli.directory.path("env.db")
        let result = try cli.run(["init", "--training"], env: ["DETAINER_DB": other])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: other))
        #expect(!FileManager.default.fileExists(atPath: cli.dbPath))
    }
}
