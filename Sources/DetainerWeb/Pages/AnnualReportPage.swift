import Foundation
import DetainerDomain
import DetainerStore

/// The annual report as a page an agency can post (`report annual --format html`, the web's
/// `/reports/annual.html`): one self-contained file — styles inline, no script, no outside
/// resource — in statute order with the statute's words, a chart of the item totals, footnotes
/// with the definitions and the readings the counts depend on, an "as of" line, small cells
/// suppressed by `ReportDecisions.smallCellThreshold`, and a print stylesheet.
public enum AnnualReportPage {
    /// The whole document, doctype included.
    public static func document(_ report: AnnualReport) -> String {
        "<!DOCTYPE html>\n" + render(report).rendered + "\n"
    }

    /// A published count: 1 to threshold−1 becomes "<threshold" (zeros and totals are shown).
    public static func published(_ count: Int, suppress: Bool = true) -> String {
        let threshold = ReportDecisions.smallCellThreshold
        return suppress && count > 0 && count < threshold ? "<\(threshold)" : String(count)
    }

    static func cell(_ value: JSONValue) -> String {
        if case .double(let d) = value { return "$" + String(format: "%.2f", d) }
        if case .null = value { return "not recorded" }
        return value.cellText
    }

    /// The small-cell rule (`ReportDecisions.suppression`) over one item's breakdown: cells are
    /// grouped by their parent (`noVSC.byInformationType.*` is one group, `i`…`other` another).
    /// In a group with any count from 1 to threshold−1, every count below the threshold — zeros
    /// too — is shown as "<threshold", so a small count cannot be told from a zero; and when that
    /// leaves a single hidden cell, the smallest shown count of the group is hidden as well, so no
    /// hidden count can be recovered by subtracting the others from the total.
    public static func suppressed(_ cells: [(String, JSONValue)]) -> [(String, String)] {
        let threshold = ReportDecisions.smallCellThreshold
        func parent(_ key: String) -> String { key.split(separator: ".").dropLast().joined(separator: ".") }
        func count(_ value: JSONValue) -> Int? { if case .int(let n) = value { return Int(n) } else { return nil } }
        var hidden = Set<String>()
        for group in Set(cells.map { parent($0.0) }) {
            let members = cells.filter { parent($0.0) == group && count($0.1) != nil }
            guard members.contains(where: { (1..<threshold).contains(count($0.1)!) }) else { continue }
            let small = members.filter { count($0.1)! < threshold }
            small.forEach { hidden.insert($0.0) }
            if small.count == 1, let next = members.filter({ count($0.1)! >= threshold }).min(by: { count($0.1)! < count($1.1)! }) {
                hidden.insert(next.0)
            }
        }
        return cells.map { key, value in
            guard hidden.contains(key), let n = count(value) else { return (key, cell(value)) }
            return (key, n < threshold ? "<\(threshold)" : "suppressed")
        }
    }

    public static func render(_ report: AnnualReport) -> HTML {
        let title = "\(report.agency.sectionName): civil immigration detainers, \(report.periodStart) to \(report.periodEnd)"
        return el("html", Attribute("lang", "en")) {
            el("head") {
                void("meta", Attribute("charset", "utf-8"))
                void("meta", .name("viewport"), Attribute("content", "width=device-width, initial-scale=1"))
                el("title", text: title)
                HTML.raw(stylesheet)
            }
            el("body") {
                if report.training {
                    el("p", .class("training"), Attribute("role", "alert"),
                       text: "TRAINING DATABASE — not an agency's report. These numbers come from practice data and must not be published.")
                }
                el("header") {
                    el("h1", text: title)
                    el("p", .class("asof"), text: "As of \(report.asOf.newYorkText). Period: \(report.period.calendar ? "calendar year" : "the twelve months ending June 30") \(report.periodStart) to \(report.periodEnd). Required by Admin. Code \(report.agency.citation)(f).")
                }
                chart(report)
                el("section", Attribute("aria-labelledby", "items")) {
                    el("h2", .id("items"), text: "Items, in the order of the law")
                    for (index, item) in report.items.enumerated() { itemBlock(item, footnote: index + 1) }
                }
                el("section", Attribute("aria-labelledby", "reconcile")) {
                    el("h2", .id("reconcile"), text: "How the detainers received add up")
                    el("p", text: "Detainers received in the period, by where each stood at its end: "
                       + report.reconciliation.map { "\($0.key) \(published($0.count, suppress: $0.key != "received"))" }.joined(separator: "; ") + ".")
                    el("p", text: "ICE's own records for this agency (imported; not the city's counts and not in any item above): "
                       + report.iceRecords.map { "\($0.key) \($0.count)" }.joined(separator: "; ") + ".")
                }
                el("footer") {
                    el("h2", text: "Notes")
                    el("ol", .class("notes")) {
                        for (index, item) in report.items.enumerated() {
                            el("li", .id("note-\(index + 1)"),
                               text: "\(item.definition.id): counts \(item.definition.unit), dated by \(item.definition.datedBy). \(item.definition.reading)"
                                   + (item.notes.isEmpty ? "" : " " + item.notes.joined(separator: " ")))
                        }
                    }
                    for line in [ReportDecisions.period, ReportDecisions.dating, ReportDecisions.scope, ReportDecisions.persons,
                                 ReportDecisions.suppression] {
                        el("p", text: line)
                    }
                    el("p", text: "Reasons are mapped from the I-247A by \(StatutoryReasonMapping.version); the mapping is a reading pending counsel's sign-off.")
                }
            }
        }
    }

    static func itemBlock(_ item: AnnualReport.Item, footnote: Int) -> HTML {
        el("article", .class("item"), .id("item-" + item.definition.id)) {
            el("h3") {
                HTML(item.definition.id + ". " + item.definition.label)
                el("sup") { el("a", .href("#note-\(footnote)"), text: "[\(footnote)]") }
            }
            el("p", .class("citation"), text: item.definition.citation)
            el("p", .class("total")) {
                el("strong", text: "Total: ")
                HTML(item.total.map { String($0) } ?? "see below")
            }
            let cells = item.flatBreakdown
            if !cells.isEmpty {
                el("table") {
                    el("thead") { el("tr") { el("th", Attribute("scope", "col"), text: "Breakdown"); el("th", Attribute("scope", "col"), .class("num"), text: "Count") } }
                    el("tbody") {
                        for (key, shown) in suppressed(cells) {
                            el("tr") { el("th", Attribute("scope", "row"), text: BreakdownWords.label(key)); el("td", .class("num"), text: shown) }
                        }
                        for line in item.remainder {
                            el("tr", .class("remainder")) { el("th", Attribute("scope", "row"), text: line.label); el("td", .class("num"), text: published(line.count)) }
                        }
                    }
                }
            } else if !item.remainder.isEmpty {
                el("ul") { for line in item.remainder { el("li", text: "\(line.label): \(published(line.count))") } }
            }
            if item.excludedEnteredInError > 0 {
                el("p", .class("muted"), text: "Left out as entered in error: \(published(item.excludedEnteredInError)).")
            }
        }
    }

    /// Horizontal bars of the item totals (the money item has none), with a text alternative.
    static func chart(_ report: AnnualReport) -> HTML {
        let counted = report.items.compactMap { item in item.total.map { (item.definition.id, $0) } }
        let maxValue = max(1, counted.map(\.1).max() ?? 1)
        let rowHeight = 22, left = 40, barMax = 420, width = left + barMax + 60
        var parts: [HTML] = []
        for (index, (id, total)) in counted.enumerated() {
            let y = 6 + index * rowHeight
            let w = total * barMax / maxValue
            parts.append(HTML.element("text", [Attribute("x", "2"), Attribute("y", String(y + 14))], HTML(id)))
            parts.append(HTML.element("g", [], HTML.element("title", [], HTML("\(id): \(total)"))
                + HTML.empty("rect", [.class("bar"), Attribute("x", String(left)), Attribute("y", String(y)), Attribute("width", String(w)), Attribute("height", "16")])))
            parts.append(HTML.element("text", [Attribute("x", String(left + w + 6)), Attribute("y", String(y + 14))], HTML(String(total))))
        }
        let summary = "Item totals: " + counted.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + "."
        let svg = HTML.element("svg", [
            .class("chart"), Attribute("viewBox", "0 0 \(width) \(12 + counted.count * rowHeight)"), Attribute("role", "img"),
            Attribute("aria-labelledby", "chart-title"), Attribute("xmlns", "http://www.w3.org/2000/svg"),
        ], HTML.element("title", [.id("chart-title")], HTML(summary)) + HTML.join(parts))
        return el("figure") { svg; el("figcaption", text: summary) }
    }

    static let stylesheet: StaticString = """
        <style>
        body { font: 16px/1.5 Georgia, "Times New Roman", serif; color: #1b1f24; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; border-bottom: 1px solid #d0d7de; margin-top: 2rem; } h3 { font-size: 1rem; }
        .asof, .citation, .muted, figcaption { color: #57606a; }
        .training { background: #a40e26; color: #fff; font-weight: bold; padding: .5rem 1rem; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; } th, td { border: 1px solid #d0d7de; padding: .2rem .6rem; text-align: left; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; } tr.remainder th { font-style: italic; }
        .chart { width: 100%; max-width: 36rem; height: auto; } .chart .bar { fill: #0b3d91; } .chart text { font: 12px sans-serif; }
        .notes li { margin-bottom: .4rem; } footer { font-size: .9rem; }
        @media print {
          @page { size: letter; margin: 18mm 16mm; }
          body { margin: 0; max-width: none; font-size: 11pt; }
          .item { break-inside: avoid; page-break-inside: avoid; }
          h2 { break-after: avoid; page-break-after: avoid; }
          a { color: inherit; text-decoration: none; }
          .chart .bar { fill: #000; }
          .training { border: 3px solid #000; color: #000; background: none; }
        }
        </style>
        """
}

extension Agency {
    /// The section that requires the agency's report.
    var citation: String {
        switch self {
        case .doc: "§9-131"
        case .nypd: "§14-154"
        case .dop: "§9-205"
        }
    }

    var sectionName: String {
        switch self {
        case .doc: "Department of Correction"
        case .nypd: "Police Department"
        case .dop: "Department of Probation"
        }
    }
}
