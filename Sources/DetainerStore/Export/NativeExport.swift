import Crypto
import DetainerDomain
import SQLite

/// `detainer export`: one row per detainer with its person, custody case, latest evaluation in
/// brief, final decision and current status. The columns (and their order) are a stable,
/// documented contract; `detainer import --format native` reads them back.
public enum NativeExport {
    /// Present in every native export; its header identifies the format.
    public static let signatureColumn = "detainer_id"

    /// (column, SQL expression) in output order. Changing this breaks consumers: add columns at
    /// the end only.
    static let columns: [(name: String, sql: String)] = [
        ("detainer_id", "d.id"), ("agency", "d.agency"), ("form", "d.form"), ("ice_subject_id", "d.ice_subject_id"),
        ("event_number", "d.event_number"), ("a_number", "d.a_number"), ("issuing_office", "d.issuing_office"),
        ("facility", "d.facility"), ("facility_city", "d.facility_city"), ("facility_state", "d.facility_state"),
        ("prepared_on", "d.prepared_on"), ("received_at", "d.received_at"), ("received_on", "d.received_on"),
        ("pc_final_order", "d.pc_final_order"), ("pc_removal_proceedings", "d.pc_removal_proceedings"),
        ("pc_biometric_match", "d.pc_biometric_match"), ("pc_statements", "d.pc_statements"),
        ("warrant_type", "d.warrant_type"), ("warrant_issuer", "d.warrant_issuer"), ("warrant_date", "d.warrant_date"),
        ("tsdb_match", "d.tsdb_match"), ("illegal_reentry", "d.illegal_reentry"),
        ("status", "d.status"), ("status_at", "d.status_at"), ("hold_deadline", "d.hold_deadline"),
        ("outcome", "d.outcome"), ("rule_version", "d.rule_version"), ("reasons", "d.reasons"),
        ("decision", "d.decision"), ("decision_basis", "d.decision_basis"), ("decided_at", "d.decided_at"),
        ("decided_on", "d.decided_on"), ("closed_on", "d.closed_on"), ("released_after_deadline", "d.released_after_deadline"),
        ("ice_lift_reason", "d.ice_lift_reason"), ("ice_person_ref", "d.ice_person_ref"), ("ice_msc_charge", "d.ice_msc_charge"),
        ("ice_msc_conviction_on", "d.ice_msc_conviction_on"),
        ("person_id", "p.id"), ("person_name", "p.name"), ("person_date_of_birth", "p.date_of_birth"), ("person_nysid", "p.nysid"),
        ("person_a_number", "p.a_number"), ("person_fbi_number", "p.fbi_number"), ("person_country_of_birth", "p.country_of_birth"),
        ("custody_case_id", "c.id"), ("case_agency", "c.agency"), ("case_booking_number", "c.booking_number"),
        ("case_facility", "c.facility"), ("case_arrest_date", "c.arrest_date"), ("case_scheduled_release_at", "c.scheduled_release_at"),
        ("case_released_at", "c.released_at"),
        // Derived in Swift by Deadlines.endedAfterDeadline (1: transferred or released after the
        // hold deadline); never stored, so import skips it and a re-export recomputes it.
        ("ended_after_deadline", "NULL"),
    ]

    /// Columns computed at export time rather than read from the database.
    public static let derived: Set<String> = ["ended_after_deadline"]

    public static var columnNames: [String] { columns.map(\.name) }
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

extension DetainerDatabase {
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
            try statement.forEachRow { s in
                var values = s.jsonRow()
                func instant(_ index: Int) -> UTCInstant? { if case .string(let text) = values[index] { UTCInstant(parsing: text) } else { nil } }
                let ended: Bool = if case .string(let text) = values[status], let current = DetainerStatus(rawValue: text), let at = instant(statusAt) {
                    Deadlines.endedAfterDeadline(status: current, at: at, holdDeadline: instant(deadline))
                } else { false }
                values[late] = .int(ended ? 1 : 0)
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
