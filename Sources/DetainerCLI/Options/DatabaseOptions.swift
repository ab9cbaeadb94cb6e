import ArgumentParser
import DetainerStore

/// `--db PATH`, shared by every command that touches a database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The database file (default: $DETAINER_DB, else ./detainer.db).", valueName: "path"),
        completion: .file(extensions: ["db", "sqlite"]))
    var path: String?

    var resolvedPath: String { path ?? Environment.value(Environment.databaseVariable) ?? Environment.defaultDatabase }

    func open(_ access: DetainerDatabase.Access) throws -> DetainerDatabase {
        try DetainerDatabase.open(path: resolvedPath, access: access, clock: Environment.clock())
    }
}

/// `--user NAME`, for commands that write or must be attributed.
struct ActorOptions: ParsableArguments {
    @Option(name: .customLong("user"), help: ArgumentHelp(
        "The acting user (default: $DETAINER_USER).", valueName: "name"))
    var name: String?

    var resolvedName: String? { name ?? Environment.value(Environment.userVariable) }
}
