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
        // The disk failed from the commit onwards (issue 27 §1.3): say what the user must do.
        if let error = error as? UncertainCommit {
            return (error.exitStatus, "\(error.cause.causePhrase) while saving: the change \(lookBeforeEnteringAgain)")
        }
        // A database failure after this run committed a write: that write stands.
        if let error = error as? SQLiteError, error.isIOFailure || error.category == .corrupt, Connection.committedWrites > 0 {
            return (error.exitStatus, "\(error.causePhrase): a change this command saved before the failure stays recorded: \(lookHint)")
        }
        if let error = error as? ExitStatusError { return (error.exitStatus, error.exitMessage) }
        return (.software, "unexpected error: \(error)")
    }

    static let lookHint = "run `detainer show …` before entering it again (`detainer list --person NAME` finds its id)"
    static let lookBeforeEnteringAgain = "may or may not have been recorded: " + lookHint
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
