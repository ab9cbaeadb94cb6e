import ArgumentParser
import DetainerStore
#if canImport(Glibc)
import Glibc
#endif

/// Every subcommand runs its work through `execute()`, so failures are reported the same way
/// everywhere: one line on stderr and a documented exit status.
protocol DetainerSubcommand: ParsableCommand {
    func execute() throws
    /// The option that set a field path, where the command's options are not the path spelled
    /// as an option (`person.dateOfBirth` is `--dob`); nil lets `FieldFlags` decide.
    func option(forField path: String) -> String?
}

extension DetainerSubcommand {
    func option(forField path: String) -> String? { nil }
}

extension DetainerSubcommand {
    func run() throws {
        defer { Terminal.flush() }
        // Another account's database, with the service's socket there: the service runs it.
        if PeerSession.current == nil, let target = ServiceRoute.target(for: self) {
            var client = ServiceClient(socketPath: target.socket, databasePath: target.database)
            let status: Int32
            do { status = try client.run(Array(CommandLine.arguments.dropFirst())) } catch { throw ErrorReporting.report(error) }
            throw ExitCode(status)
        }
        do {
            // Every audit row this run writes records the OS account the kernel says runs it
            // (issue 23 §2): for a client of the service socket, the client's, from the kernel;
            // whether the actor was bound to it or declared is settled per database.
            let authentication: JSONValue
            if let peer = PeerSession.current {
                try peer.admit(command: Self._commandName)
                authentication = Authentication.serviceSocket(uid: peer.uid, gid: peer.gid, pid: peer.pid, login: peer.login)
            } else {
                authentication = Authentication.commandLine(uid: getuid(), euid: geteuid(), pid: getpid(), login: try? OSAccount.currentLogin())
            }
            try Authentication.$current.withValue(authentication) {
                try execute()
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw ErrorReporting.report(FieldFlags.naming(error, in: Self.self, explicit: option(forField:)))
        }
    }
}
