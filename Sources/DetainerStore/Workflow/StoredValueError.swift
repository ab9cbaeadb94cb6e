import Sysexits

/// A value read back from the database that this binary cannot understand (a reason code it
/// does not know, an outcome out of its enumeration). The CHECK constraints should make this
/// impossible; if it happens the command stops rather than deciding on a default.
public struct StoredValueError: Error, Equatable, CustomStringConvertible {
    public let table: String
    public let id: Int64
    public let column: String
    public let problem: String

    public init(table: String, id: Int64, column: String, problem: String) {
        self.table = table
        self.id = id
        self.column = column
        self.problem = problem
    }

    public var description: String {
        "\(table) \(id) has an unreadable \(column) (\(problem)); run `detainer check`"
    }
}

extension StoredValueError: ExitStatusError { public var exitStatus: ExitStatus { .dataError } }
