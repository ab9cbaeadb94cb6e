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
        do {
            // Every audit row this run writes records the OS account the kernel says runs it
            // (issue 23 §2); whether the actor was bound to it or declared is settled per database.
            try Authentication.$current.withValue(Authentication.commandLine(
                uid: getuid(), euid: geteuid(), pid: getpid(), login: try? OSAccount.currentLogin())) {
                try execute()
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw ErrorReporting.report(FieldFlags.naming(error, in: Self.self, explicit: option(forField:)))
        }
    }
}
