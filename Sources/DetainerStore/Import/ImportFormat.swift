import CSVStream

/// The file layouts `detainer import` understands.
public enum ImportFormat: String, Sendable, CaseIterable {
    /// ICE detainer records as released under FOIA: the NPR/Pennsylvania extract
    /// (`date,lift_reason,det_facility,city,state,detainer_type`) or the Deportation Data
    /// Project's column names (`Detainer Prepare Date`, `Detainer Lift Reason`, …).
    case ice
    /// This tool's own `detainer export --format csv`.
    case native
    /// NYC DOC "Daily Inmates In Custody" snapshots (NYC Open Data).
    case docCustody = "doc-custody"

    /// Recognises a layout from its header, or nil.
    public static func detect(_ header: CSVHeader) -> ImportFormat? {
        if header.index(of: NativeExport.signatureColumn) != nil { return .native }
        if header.index(of: "INMATEID") != nil, header.index(of: "TOP_CHARGE") != nil { return .docCustody }
        if IceColumns(header) != nil { return .ice }
        return nil
    }
}

/// A row that cannot be imported: where, and what is wrong.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: String?
    public let message: String

    public init(line: Int, column: String?, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        column.map { "line \(line), column \($0): \(message)" } ?? "line \(line): \(message)"
    }
}

/// The whole import was refused (without --skip-bad); nothing was written.
public struct ImportRefused: Error, Sendable, CustomStringConvertible {
    public let problems: [ImportProblem]
    public let badRows: Int
    public let rowsRead: Int

    public var description: String {
        "\(badRows) of \(rowsRead) rows are bad; nothing was imported (fix them, or use --skip-bad --rejects FILE)"
    }
}

/// A row error raised by a format's row mapper.
struct RowError: Error {
    let column: String?
    let message: String
}
