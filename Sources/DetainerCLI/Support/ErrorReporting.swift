import ArgumentParser
import DetainerDomain
import DetainerStore
import SQLite
import Sysexits

/// Turns any error into one line on stderr and the documented exit status.
enum ErrorReporting {
    static func report(_ error: Error) -> ExitCode {
        let (status, message) = classify(error)
        Terminal.error(message)
        return ExitCode(status.rawValue)
    }

    /// Every error type declares its own status and message (`ExitStatusError`, in the module
    /// that defines it); anything else is unexpected (70).
    static func classify(_ error: Error) -> (ExitStatus, String) {
        if let error = error as? ExitStatusError { return (error.exitStatus, error.exitMessage) }
        return (.software, "unexpected error: \(error)")
    }
}

/// An error raised by the command layer itself, with its exit status.
struct CLIError: ExitStatusError {
    let status: ExitStatus
    let message: String

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    var exitStatus: ExitStatus { status }
    var exitMessage: String { message }
}
