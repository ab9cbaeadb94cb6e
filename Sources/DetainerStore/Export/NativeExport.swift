import Crypto
import DetainerDomain
import SQLite

/// `detainer export`: one row per detainer with its person, custody case, latest evaluation in
/// brief, final decision and current status. The columns (and their order) are a stable,
/// documented contract; `detainer import --format native` reads them back.
public enum NativeExport {
    /// Present in every native export; its header identifies the format.
    public static let signatureColumn = "detainer_id"

    /// (column, SQL expression) in output order, from the records' definitions: each table's
    /// `core` columns in table order (the detainer, then its person as `person_…`, then its
    /// custody case as `case_…`), the derived column, then columns added later (`appended`), so
    /// a new column lands at the end and consumers of the published columns are not broken.
    /// `ExportContractTests` holds the published order.
    static let columns: [(name: String, sql: String)] = {
        func section<R: TableRecord>(_ record: R.Type, _ placement: ExportPlacement, alias: String, prefix: String,
                                     id: String) -> [(name: String, sql: String)] {
            record.columns.filter { $0.export == placement }.map { column in
                (column.name == "id" ? id : prefix + column.name, "\(alias).\(column.name)")
            }
        }
        func sections(_ placement: ExportPlacement) -> [(name: String, sql: String)] {
            section(DetainerRecord.self, placement, alias: "d", prefix: "", id: "detainer_id")
                + section(PersonRecord.self, placement, alias: "p", prefix: "person_", id: "person_id")
                + section(CustodyCaseRecord.self, placement, alias: "c", prefix: "case_", id: "custody_case_id")
        }
        // Derived in Swift by Deadlines.endedAfterDeadline (1: transferred or released after the
        // hold deadline); never stored, so import skips it and a re-export recomputes it.
        // `training` last (issue 23 §4): 1 when the export comes from a training database.
        return sections(.core) + [("ended_after_deadline", "NULL")] + sections(.appended) + [(ReportMarker.column, "NULL")]
    }()

    /// Columns added after the format was published: an export made before one existed lacks
    /// it, and still imports (the value is empty).
    static let appended: Set<String> = Set(columns.map(\.name).drop { $0 != "ended_after_deadline" }.dropFirst())

    /// Columns computed at export time rather than read from the database.
    public static let derived: Set<String> = ["ended_after_deadline", ReportMarker.column]

    public static var columnNames: [String] { columns.map(\.name) }

    /// Flag columns (stored INTEGER 0 or 1), derived `ended_after_deadline` included: exported as
    /// true and false (issue 25 §3), which a person and a spreadsheet read without the schema;
    /// import reads either spelling back.
    static let flagColumns: Set<String> = {
        func flags<R: TableRecord>(_ record: R.Type, prefix: String) -> [String] {
            record.columns.filter { $0.export != ExportPlacement.none && $0.expected.hasPrefix(Bool.expected) }.map { prefix + $0.name }
        }
        return Set(flags(DetainerRecord.self, prefix: "") + flags(PersonRecord.self, prefix: "person_")
                   + flags(CustodyCaseRecord.self, prefix: "case_") + ["ended_after_deadline"])
    }()
}

extension JSONValue {
    /// A CSV cell: a flag is `true` or `false` (tables say yes or no; CSV is data), anything
    /// else its cell text.
    public var csvText: String {
        if case .bool(let value) = self { return value ? "true" : "false" }
        return cellText
    }
}

/// Replaces identifiers with HMAC-SHA-256 tokens: the same value gives the same token under the
/// same key (so records still link), and nothing can be read back without the key.
public struct Pseudonymizer: Sendable {
    let keyBytes: [UInt8]

    public init(key: [UInt8]) { keyBytes = key }

    public func token(_ value: String, column: String) -> String {
        // The column is part of the message so a NYSID and a booking number never share a token.
        let mac = HMAC<SHA256>.authenticationCode(for: Array((column + "\u{1F}" + value).utf8), using: SymmetricKey(data: keyBytes))
        return "t_" + String(Array(mac).hexString.prefix(20))
    }

    func apply(_ value: JSONValue, column: String) -> JSONValue {
        guard value != .null else { return .null }
        switch PseudonymPolicy.treatment(column) {
        case .keep:
            return value
        case .token:
            let family = column.hasSuffix("a_number") ? "a_number" : column.hasSuffix("facility") ? "facility" : column
            return .string(token(value.cellText, column: family))
        case let coarse:
            return .string(PseudonymPolicy.coarsen(value.cellText, to: coarse))
        }
    }
}

public struct ExportFilter: Sendable {
    public var receivedFrom: CivilDate?
    public var receivedTo: CivilDate?

    public init(receivedFrom: CivilDate? = nil, receivedTo: CivilDate? = nil) {
        self.receivedFrom = receivedFrom
        self.receivedTo = receivedTo
    }
}

extension ReportService {
    /// Streams the export row by row (memory stays flat) inside one read transaction, so the
    /// file is one consistent snapshot even while clerks keep writing.
    public func exportDetainers(_ filter: ExportFilter, pseudonymizer: Pseudonymizer?, row: ([JSONValue]) throws -> Void) throws -> Int {
        try connection.read {
            let select = NativeExport.columns.map { "\($0.sql) AS \($0.name)" }.joined(separator: ", ")
            let statement = try connection.prepare("""
                SELECT \(select)
                FROM detainers AS d
                LEFT JOIN persons AS p ON p.id = d.person_id
                LEFT JOIN custody_cases AS c ON c.id = d.custody_case_id
                WHERE (?1 IS NULL OR d.received_on >= ?1) AND (?2 IS NULL OR d.received_on <= ?2)
                ORDER BY d.id
                """)
            try statement.bind([filter.receivedFrom?.description, filter.receivedTo?.description])
            var count = 0
            let names = NativeExport.columnNames
            let status = names.firstIndex(of: "status")!, statusAt = names.firstIndex(of: "status_at")!
            let deadline = names.firstIndex(of: "hold_deadline")!, late = names.firstIndex(of: "ended_after_deadline")!
            let marker = names.firstIndex(of: ReportMarker.column)!, training = try store.integrity.mode() == .training
            let flags = names.indices.filter { NativeExport.flagColumns.contains(names[$0]) }
            try statement.forEachRow { s in
                var values = s.jsonRow()
                func instant(_ index: Int) -> UTCInstant? { if case .string(let text) = values[index] { UTCInstant(parsing: text) } else { nil } }
                let ended: Bool = if case .string(let text) = values[status], let current = DetainerStatus(rawValue: text), let at = instant(statusAt) {
                    Deadlines.endedAfterDeadline(status: current, at: at, holdDeadline: instant(deadline))
                } else { false }
                values[late] = .bool(ended)
                for index in flags { if case .int(let flag) = values[index] { values[index] = .bool(flag != 0) } }
                values[marker] = ReportMarker.cell(training)
                if let pseudonymizer {
                    for index in values.indices { values[index] = pseudonymizer.apply(values[index], column: names[index]) }
                }
                try row(values)
                count += 1
            }
            return count
        }
    }
}
