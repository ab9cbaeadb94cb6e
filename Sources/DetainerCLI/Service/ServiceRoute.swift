#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser

/// Whether a command typed here goes to the service (issue 23 §1): when the service's socket is
/// there and this account does not own the database file. The owner (the service account, for
/// maintenance) and a trainee with their own training database open the file directly; anyone
/// else is a client, whatever the file's permissions say. Without a socket the command opens
/// the file directly, where a production database refuses any account but its owner.
enum ServiceRoute {
    struct Target {
        let socket: String
        let database: String
    }

    static func target(for command: any ParsableCommand) -> Target? {
        guard !(command is ServeCommand), let options = databaseOptions(of: command) else { return nil }
        let socket = options.resolvedSocketPath
        var info = stat()
        guard lstat(socket, &info) == 0, (info.st_mode & S_IFMT) == S_IFSOCK else { return nil }
        if stat(options.resolvedPath, &info) == 0, info.st_uid == geteuid() { return nil }
        return Target(socket: socket, database: options.resolvedPath)
    }

    /// The command's `--db` options, if it opens a database.
    static func databaseOptions(of command: any ParsableCommand) -> DatabaseOptions? {
        for child in Mirror(reflecting: command).children {
            if let group = child.value as? OptionGroup<DatabaseOptions> { return group.wrappedValue }
        }
        return nil
    }
}
