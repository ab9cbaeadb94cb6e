import CSQLite
import Foundation

/// Foundation `Data` as a blob, for callers that already hold bytes that way.
extension Data: SQLiteBindable {
    public var sqliteValue: SQLiteValue { .blob([UInt8](self)) }
}

extension Statement {
    public func bind(_ data: Data, at index: Int32) throws {
        try bind([UInt8](data), at: index)
    }

    public func data(_ index: Int32) -> Data? {
        blob(index).map { Data($0) }
    }
}
