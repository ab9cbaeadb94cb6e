/// Exit statuses, from sysexits(3). Documented in the README; scripts rely on them.
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
