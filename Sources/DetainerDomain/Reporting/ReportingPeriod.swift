/// The period an annual report covers: by default "the preceding twelve month period ending June
/// 30" (Admin. Code §9-131(f), §14-154(f), §9-205(f); law reference §7), i.e. July 1 of YYYY−1 to
/// June 30 of YYYY in New York dates; `--calendar` gives January–December of YYYY instead.
public struct ReportingPeriod: Sendable, Hashable {
    public let start: CivilDate
    public let end: CivilDate
    public let calendar: Bool

    public static func annual(year: Int, calendar: Bool) -> ReportingPeriod {
        calendar
            ? ReportingPeriod(start: CivilDate(year: year, month: 1, day: 1)!, end: CivilDate(year: year, month: 12, day: 31)!, calendar: true)
            : ReportingPeriod(start: CivilDate(year: year - 1, month: 7, day: 1)!, end: CivilDate(year: year, month: 6, day: 30)!, calendar: false)
    }

    /// §10-178(d)'s quarters, by calendar quarter of YYYY (Q1 = January–March).
    public static func quarter(year: Int, quarter: Int) -> ReportingPeriod? {
        guard (1...4).contains(quarter) else { return nil }
        let firstMonth = (quarter - 1) * 3 + 1
        let lastMonth = firstMonth + 2
        return ReportingPeriod(start: CivilDate(year: year, month: firstMonth, day: 1)!,
                               end: CivilDate(year: year, month: lastMonth, day: CivilDate.daysInMonth(year: year, month: lastMonth))!,
                               calendar: true)
    }

    public func contains(_ date: CivilDate) -> Bool { start <= date && date <= end }
}
