import Foundation
import DetainerDomain
import DetainerStore

/// Monthly table and bar chart, the annual report, and the downloads.
enum ReportsPage {
    static func render(monthly: MonthlyReport, annual: AnnualReport, quarterly: QuarterlyReport, session: WebSession,
                       publications: [ReportPublication] = []) -> HTML {
        let annualQuery = "agency=\(annual.agency.rawValue)&year=\(annual.year)&calendar=\(annual.period.calendar ? 1 : 0)"
        let query = "from=\(monthly.from)&to=\(monthly.to)" + (monthly.agency.map { "&agency=\($0)" } ?? "")
        return Layout.page("Reports", session: session, current: .reports) {
            el("h1", text: "Reports")
            el("form", .class("filters card"), Attribute("method", "get"), Attribute("action", "/reports"), Attribute("aria-label", "Report period")) {
                Forms.input("From month", name: "from", value: monthly.from, type: "month", hint: "YYYY-MM")
                Forms.input("To month", name: "to", value: monthly.to, type: "month", hint: "YYYY-MM")
                Forms.select("Agency", name: "agency", options: [("", "All agencies")] + QueuePage.agencies.map { ($0, $0) }, selected: monthly.agency?.rawValue)
                Forms.select("Annual report agency", name: "annualAgency", options: QueuePage.agencies.map { ($0, $0) }, selected: annual.agency.rawValue)
                Forms.input("Annual report year", name: "year", value: String(annual.year), type: "number", hint: "the twelve months ending June 30 of it")
                Forms.select("Year kind", name: "calendar", options: [("0", "twelve months ending June 30 (the law's year)"), ("1", "calendar year")],
                             selected: annual.period.calendar ? "1" : "0")
                Forms.input("Quarterly report year", name: "qyear", value: String(quarterly.year), type: "number")
                Forms.select("Quarter", name: "quarter", options: (1...4).map { (String($0), "Q\($0)") }, selected: String(quarterly.quarter))
                Forms.submit("Show", style: "secondary")
            }
            el("section", Attribute("aria-labelledby", "monthly")) {
                el("h2", .id("monthly"), text: "Detainers by month, \(monthly.from) to \(monthly.to)\(monthly.agency.map { ", \($0.rawValue) only" } ?? ", all agencies")")
                el("p") {
                    el("a", .href("/reports/monthly.csv?" + query), Attribute("download", present: true), text: "Download CSV")
                    HTML(" · ")
                    el("a", .href("/reports/monthly.json?" + query), text: "JSON")
                }
                BarChart.render(monthly)
                monthlyTable(monthly)
                declinedByReason(monthly)
            }
            el("section", Attribute("aria-labelledby", "annual")) {
                el("h2", .id("annual"), text: "Annual report, \(annual.agency.rawValue) (Admin. Code \(annual.agency.citation)(f)), \(annual.periodStart) to \(annual.periodEnd)")
                if annual.training { el("p", .class("notice error"), text: "TRAINING DATABASE — not an agency's report.") }
                el("p") {
                    el("a", .href("/reports/annual.csv?" + annualQuery), Attribute("download", present: true), text: "Download CSV")
                    HTML(" · ")
                    el("a", .href("/reports/annual.json?" + annualQuery), text: "JSON")
                    HTML(" · ")
                    el("a", .href("/reports/annual.html?" + annualQuery), Attribute("download", present: true), text: "Page to publish (HTML)")
                }
                annualTable(annual)
                el("h3", text: "Definitions and readings")
                el("dl") {
                    for item in annual.items {
                        el("dt", text: "\(item.definition.id) — \(item.definition.citation)")
                        el("dd", text: "Counts \(item.definition.unit), dated by \(item.definition.datedBy). \(item.definition.reading)")
                    }
                }
                for line in [ReportDecisions.period, ReportDecisions.dating, ReportDecisions.scope] { el("p", .class("muted"), text: line) }
            }
            publishedHistory(publications)
            el("section", Attribute("aria-labelledby", "quarterly")) {
                el("h2", .id("quarterly"), text: "Quarterly report (Admin. Code §10-178(d)), \(quarterly.period.start) to \(quarterly.period.end)")
                el("p", .class("muted"), text: "Requests from non-local law enforcement for help with immigration enforcement (logged with `detainer assistance add`), anonymized, by requesting and receiving agency. Detainers and ICE information requests are in the annual reports.")
                quarterlyTable(quarterly)
                el("p", text: "Withheld under §10-178(d)(i) (would interfere with an investigation): \(quarterly.withheld["interfereInvestigation"] ?? 0); under (d)(ii) (would compromise public safety): \(quarterly.withheld["publicSafety"] ?? 0).")
            }
            if session.user.role.may(.export) {
                el("section", Attribute("aria-labelledby", "export")) {
                    el("h2", .id("export"), text: "Export for auditors")
                    el("p", text: "One row per detainer received in the period, every column of `detainer export`. Each export hands personal data out of the system, so it is recorded in the audit log (who, when, which months, how many rows).")
                    el("form", Attribute("method", "post"), Attribute("action", "/reports/export.csv")) {
                        Forms.csrf(session)
                        void("input", .type("hidden"), .name("from"), .value(monthly.from))
                        void("input", .type("hidden"), .name("to"), .value(monthly.to))
                        Forms.submit("Download export (CSV), \(monthly.from) to \(monthly.to)")
                    }
                }
            }
        }
    }

    private static func monthlyTable(_ report: MonthlyReport) -> HTML {
        let columns = ["month", "received", "honored", "declined", "transferred", "lifted", "released", "open_at_month_end"]
        return ScrollRegion.table("Monthly counts") {
            el("table") {
                el("caption", .class("muted"), text: "Counts by New York date; see the README for what each column counts.")
                el("thead") {
                    el("tr") { for column in columns { el("th", Attribute("scope", "col"), .class(column == "month" ? "" : "num"), text: column.replacingOccurrences(of: "_", with: " ")) } }
                }
                el("tbody") {
                    for row in report.months + [report.total] {
                        let values = MonthlyReport.values(row)
                        element("tr", attributes: row.month == report.total.month ? [.class("total")] : []) {
                            for column in columns {
                                el("td", .class(column == "month" ? "" : "num"), text: values[column]?.cellText ?? "")
                            }
                        }
                    }
                }
            }
        }
    }

    private static func quarterlyTable(_ report: QuarterlyReport) -> HTML {
        let table = report.table
        return ScrollRegion.table("Quarterly report") {
            el("table") {
                el("thead") { el("tr") { for column in table.columns { el("th", Attribute("scope", "col"), text: column.replacingOccurrences(of: "_", with: " ")) } } }
                el("tbody") {
                    if table.rows.isEmpty { el("tr") { el("td", text: "No requests logged in this quarter.") } }
                    for row in table.rows { el("tr") { for value in row { el("td", text: value.cellText) } } }
                }
            }
        }
    }

    /// The CLI's "Declined, by reason" table: the months' declines by the first reason each rests on.
    private static func declinedByReason(_ report: MonthlyReport) -> HTML {
        let used = MonthlyReport.declineReasonCodes.filter { (report.total.declineReasons[$0] ?? 0) > 0 }
        guard !used.isEmpty else { return HTML() }
        return ScrollRegion.table("Declined, by reason") {
            el("table") {
                el("caption", text: "Declined, by the first reason the decision rests on")
                el("thead") { el("tr") { el("th", Attribute("scope", "col"), text: "month"); for code in used { el("th", Attribute("scope", "col"), .class("num"), text: MonthlyReport.declineReasonLabel(code)) } } }
                el("tbody") {
                    for row in report.months + [report.total] {
                        el("tr") {
                            el("th", Attribute("scope", "row"), text: row.month)
                            for code in used { el("td", .class("num"), text: String(row.declineReasons[code] ?? 0)) }
                        }
                    }
                }
            }
        }
    }

    private static func annualTable(_ report: AnnualReport) -> HTML {
        ScrollRegion.table("Annual report items") {
            el("table") {
                el("thead") {
                    el("tr") {
                        el("th", Attribute("scope", "col"), text: "Item")
                        el("th", Attribute("scope", "col"), .class("num"), text: "Count")
                        el("th", Attribute("scope", "col"), text: "Citation")
                    }
                }
                el("tbody") {
                    for item in report.items {
                        el("tr", .class("total")) {
                            el("th", Attribute("scope", "row"), text: item.definition.id + ". " + item.definition.label)
                            el("td", .class("num"), text: item.total.map { String($0) } ?? "—")
                            el("td", text: item.definition.citation)
                        }
                        for (key, value) in item.flatBreakdown {
                            el("tr") { el("th", Attribute("scope", "row"), text: "  " + BreakdownWords.label(key)); el("td", .class("num"), text: value.cellText); el("td", text: "") }
                        }
                        for line in item.remainder {
                            el("tr") { el("th", Attribute("scope", "row"), text: "  = " + line.label); el("td", .class("num"), text: String(line.count)); el("td", text: "") }
                        }
                    }
                }
            }
        }
    }
    /// The published annual reports (`report publish`), newest first: who prepared and who
    /// approved each, which earlier one it revises, and the SHA-256 of what was published.
    static func publishedHistory(_ publications: [ReportPublication]) -> HTML {
        el("section", Attribute("aria-labelledby", "published")) {
            el("h2", .id("published"), text: "Published annual reports")
            if publications.isEmpty {
                el("p", .class("muted"), text: "Nothing published yet (`detainer report publish`; a second person approves).")
            } else {
                ScrollRegion.table("Published annual reports") {
                    el("table") {
                        el("thead") { el("tr") { for h in ["#", "Agency", "Year", "Prepared", "Approved", "Revises", "SHA-256"] { el("th", Attribute("scope", "col"), text: h) } } }
                        el("tbody") {
                            for p in publications.reversed() {
                                el("tr") {
                                    el("td", text: String(p.id))
                                    el("td", text: p.agency.rawValue)
                                    el("td", text: "\(p.year)\(p.calendar ? " (calendar)" : "")")
                                    el("td") { HTML("\(p.preparedBy), "); Badges.time(p.preparedAt) }
                                    el("td") {
                                        if let by = p.approvedBy { HTML("\(by), "); Badges.time(p.approvedAt) } else { HTML("waiting for a second person") }
                                    }
                                    el("td", text: p.revises.map { "#\($0)" } ?? "")
                                    el("td") { el("code", text: String(p.sha256.prefix(16)) + "…") }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

}

/// The monthly counts as an SVG bar chart (no script): received, honored and declined per month,
/// with a legend and a text alternative; the table below carries the same numbers.
enum BarChart {
    static func render(_ report: MonthlyReport) -> HTML {
        let months = report.months
        let series: [(String, KeyPath<MonthlyReport.Row, Int>)] = [("received", \.received), ("honored", \.honored), ("declined", \.declined)]
        let maxValue = max(1, months.flatMap { row in series.map { row[keyPath: $0.1] } }.max() ?? 1)
        let barWidth = 10, gap = 2, groupGap = 12, chartHeight = 160, top = 10, left = 36, bottom = 40
        let groupWidth = series.count * (barWidth + gap) + groupGap
        let width = left + max(1, months.count) * groupWidth + 10
        let height = top + chartHeight + bottom
        var bars: [HTML] = []
        for (index, row) in months.enumerated() {
            let x0 = left + index * groupWidth
            for (position, (name, path)) in series.enumerated() {
                let value = row[keyPath: path]
                let h = value * chartHeight / maxValue
                let rect = HTML.empty("rect", [
                    .class(name), Attribute("x", String(x0 + position * (barWidth + gap))), Attribute("y", String(top + chartHeight - h)),
                    Attribute("width", String(barWidth)), Attribute("height", String(h)),
                ])
                bars.append(HTML.element("g", [], HTML.element("title", [], HTML("\(row.month) \(name): \(value)")) + rect))
            }
            bars.append(HTML.element("text", [Attribute("x", String(x0)), Attribute("y", String(top + chartHeight + 14))], HTML(String(row.month.suffix(5)))))
        }
        let axis = HTML.empty("line", [Attribute("x1", String(left - 4)), Attribute("y1", String(top + chartHeight)),
                                      Attribute("x2", String(width - 4)), Attribute("y2", String(top + chartHeight)), Attribute("stroke", "#57606a")])
        let scale = HTML.element("text", [Attribute("x", "2"), Attribute("y", String(top + 10))], HTML(String(maxValue)))
            + HTML.element("text", [Attribute("x", "2"), Attribute("y", String(top + chartHeight))], HTML("0"))
        let summary = "Bar chart of detainers received, honored and declined per month from \(report.from) to \(report.to): "
            + "\(report.total.received) received, \(report.total.honored) honored, \(report.total.declined) declined in all."
        let svg = HTML.element("svg", [
            .class("chart"), Attribute("viewBox", "0 0 \(width) \(height)"), Attribute("role", "img"), Attribute("aria-labelledby", "chart-title"),
            Attribute("xmlns", "http://www.w3.org/2000/svg"),
        ], HTML.element("title", [.id("chart-title")], HTML(summary)) + axis + scale + HTML.join(bars))
        let legend = el("ul", .class("legend")) {
            for (name, _) in series {
                el("li") { el("span", .class("swatch " + name), Attribute("aria-hidden", "true")) { HTML() }; HTML(name) }
            }
        }
        return el("figure") { svg; legend; el("figcaption", .class("muted"), text: summary) }
    }
}
