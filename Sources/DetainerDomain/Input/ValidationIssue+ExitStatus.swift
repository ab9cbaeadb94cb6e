import Sysexits

// Bad input, named field by field, is a data error (see `ExitStatusError`).

extension ValidationIssue: ExitStatusError {
    public var exitStatus: ExitStatus { .dataError }
}

extension InputErrors: ExitStatusError {
    public var exitStatus: ExitStatus { .dataError }
    public var exitMessage: String { issues.map(\.description).joined(separator: "; ") }
}
