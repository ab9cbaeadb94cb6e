import ArgumentParser
import DetainerStore

struct InitCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a database, or bring an existing one up to this version's schema.",
        discussion: "Safe to run on an existing database: it applies only missing migrations and reports the version.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("Create this first admin user (only when the database has no admin yet).", valueName: "name"))
    var admin: String?

    func execute() throws {
        let path = database.resolvedPath
        if FileStatus.isDirectory(path) { throw CLIError(.ioError, "\(path) is a directory, not a database file") }
        if let missing = FileStatus.missingDirectory(for: path) {
            throw CLIError(.noInput, "\(missing): no such directory (for the database \(path)); create it first")
        }
        let existed = FileStatus.exists(path)
        let db = try database.open(.create)
        let before = try db.schemaVersion()
        let applied = try db.migrate()
        let version = try db.schemaVersion()
        if !existed {
            Terminal.out("Created \(path) at schema version \(version).")
        } else if applied.isEmpty {
            Terminal.out("\(path) is up to date at schema version \(version).")
        } else {
            Terminal.out("Migrated \(path) from schema version \(before) to \(version) (\(applied.map { "\($0.version)_\($0.name)" }.joined(separator: ", "))).")
        }
        if let admin {
            let (user, created) = try db.bootstrapAdmin(name: admin)
            Terminal.out(created ? "Created admin user \(user.name)." : "Admin user \(user.name) already exists.")
        }
        try db.close()
    }
}
