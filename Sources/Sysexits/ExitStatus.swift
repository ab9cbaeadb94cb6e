/// Exit statuses, from sysexits(3). Documented in the README; scripts rely on them.
///
/// Its own module, below every other, so that each error type, wherever it is defined (the law
/// engine, the SQLite layer, the store, the command line), declares its own status by conforming
/// to `ExitStatusError`; the command line only asks. An error type that does not conform exits 70
/// ("unexpected"); `PersonSearchAndErrorsTests` checks the store's and SQLite layer's types.
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    /// The database check found problems.
    case checkFailed = 1
    /// Wrong arguments or options (also what swift-argument-parser uses for parse errors).
    case usage = 64
    /// Input data is wrong: an invalid field, an unknown record, a rule refused.
    case dataError = 65
    /// A file or database that should exist does not.
    case noInput = 66
    /// The database stayed locked by another writer past the busy timeout.
    case unavailable = 69
    /// An unexpected internal error; please report it.
    case software = 70
    /// Refused to create or overwrite an output file.
    case cannotCreate = 73
    /// Reading or writing a file or the database failed (disk full, read-only, I/O error).
    case ioError = 74
    /// The acting user is unknown, deactivated or lacks the role for the command.
    case permission = 77
}

/// An error that knows how the process should end: its exit status and its one-line message.
/// `detainer serve` answers with the HTTP status its one table (`ErrorAnswer` in DetainerWeb)
/// gives for the exit status, refined by `refusal`.
public protocol ExitStatusError: Error {
    var exitStatus: ExitStatus { get }
    /// One line for stderr (without the "detainer: error: " prefix).
    var exitMessage: String { get }
    /// What kind of refusal this is, where one exit status covers several that a front end able
    /// to say more (HTTP: 404, 409) tells apart. Scripts keep reading the exit status.
    var refusal: RefusalKind { get }
}

/// Refusals an exit status does not tell apart (both exit 65 "refused", as scripts expect).
public enum RefusalKind: Sendable, Equatable {
    /// As the exit status says.
    case general
    /// The record the request names does not exist.
    case notFound
    /// The stored state conflicts with the request: the record already exists, or its status
    /// does not allow the change.
    case conflict
}

extension ExitStatusError {
    public var refusal: RefusalKind { .general }
}

extension ExitStatusError where Self: CustomStringConvertible {
    public var exitMessage: String { description }
}
