import DetainerDomain

/// A report run as every front end must do it: compute the counts, then record in the audit log
/// who ran which report with which parameters. The CLI and the web pages and API call these, so
/// the recorded parameters are the same wherever a report is run; `origin` adds where it came
/// from (the web's `via` and download `format`; nothing for the CLI, as always).
extension ReportService {
    public func runMonthly(from: String, to: String, agency: Agency?, includeExternal: Bool = false,
                           origin: [String: JSONValue] = [:], by actor: Actor) throws -> MonthlyReport {
        let report = try monthlyReport(from: from, to: to, agency: agency, includeExternal: includeExternal)
        let parameters: [String: JSONValue] = ["from": .string(from), "to": .string(to), "agency": .optional(agency?.rawValue),
                                               "includeExternal": .bool(includeExternal)]
        try recordReport("monthly", parameters: parameters.merging(origin) { _, new in new }, by: actor)
        return report
    }

    public func runAnnual(agency: Agency, year: Int, calendar: Bool = false,
                          origin: [String: JSONValue] = [:], by actor: Actor) throws -> AnnualReport {
        let report = try viewAnnual(agency: agency, year: year, calendar: calendar)
        let parameters: [String: JSONValue] = ["agency": .string(agency.rawValue), "year": .int(Int64(year)), "calendar": .bool(calendar)]
        try recordReport("annual", parameters: parameters.merging(origin) { _, new in new }, by: actor)
        return report
    }

    /// The annual report as `runAnnual` computes it (marked as a revision of a differing
    /// publication), without recording the run: for GET requests, which write no audit rows
    /// (issue 23 §4). Reading counts discloses no one; the server's request log names who asked.
    public func viewAnnual(agency: Agency, year: Int, calendar: Bool = false) throws -> AnnualReport {
        var report = try annualReport(agency: agency, year: year, calendar: calendar)
        report.revisionOf = try publishedDifference(report)?.id
        return report
    }
}
