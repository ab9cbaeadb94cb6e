import CSVStream

/// Published summary tables (NPR's "detainers by lift reason and year", "NYC facilities by lift
/// reason", …) look like ICE data but each row is a count of many detainers. Importing one as
/// records would invent detainers, so they are recognised and refused by name.
public enum AggregateTable {
    /// Column names a count table groups by.
    static let groupingColumns = ["year", "month", "lift_reason", "detainer_type", "det_facility", "facility", "state", "city",
                                  "Detainer Lift Reason", "Detainer Type", "Detention Facility", "Fiscal Year"]
    /// Column names that hold the count.
    static let countColumns = ["count", "n", "total", "detainers", "Count", "Total"]

    /// When `header` is a count table: its grouping columns and count column, for the message.
    public static func recognise(_ header: CSVHeader) -> (groups: [String], count: String)? {
        guard let count = countColumns.first(where: { header.index(of: $0) != nil }) else { return nil }
        // A record file has a per-detainer date; a count table has none (at most a year or month).
        if header.index(of: "date") != nil || header.index(of: "Detainer Prepare Date") != nil { return nil }
        let groups = groupingColumns.filter { header.index(of: $0) != nil }
        return groups.isEmpty ? nil : (groups, count)
    }
}
