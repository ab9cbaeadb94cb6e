import ArgumentParser
import DetainerDomain
import DetainerStore

struct ShowCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "The whole record of a detainer: person, convictions, every evaluation with its checks, reviews, status history and contacts.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The detainer id.") var id: String
    /// A record with nested lists is not a CSV table: show speaks table (a timeline) or JSON only,
    /// and says so in its help rather than accepting csv and refusing it.
    enum ShowFormat: String, CaseInsensitiveArgument { case table, json }

    @Option(help: "table (a readable timeline) or json.") var format: ShowFormat = .table

    func execute() throws {
        let detainerID = try IDArgument.parse(id)
        let detail = try database.open(.read).detail(detainerID: detainerID)
        if format == .json {
            Terminal.out(JSONKeys.camelCasingKeys(detail.json).prettySerialized)
            return
        }
        TimelinePrinter.print(detail)
    }
}

/// The human reading of `detainer show`.
enum TimelinePrinter {
    static func print(_ detail: DetainerDetail) {
        let d = detail.detainer
        func text(_ object: [String: JSONValue]?, _ key: String) -> String { object?[key]?.cellText ?? "" }
        func when(_ value: String) -> String { UTCInstant(parsing: value).map { $0.newYorkText } ?? value }

        Terminal.out("DETAINER \(text(d, "id"))  [\(text(d, "status"))]  \(text(d, "agency"))  form \(text(d, "form"))  origin \(text(d, "origin"))")
        if let p = detail.person {
            let ids = [("NYSID", "nysid"), ("A-number", "a_number"), ("FBI", "fbi_number")]
                .compactMap { label, key in text(p, key).isEmpty ? nil : "\(label) \(text(p, key))" }
            Terminal.out("Person \(text(p, "id")): \(text(p, "name"))  born \(text(p, "date_of_birth").isEmpty ? "?" : text(p, "date_of_birth"))  \(ids.joined(separator: "  "))  country of birth \(text(p, "country_of_birth").isEmpty ? "?" : text(p, "country_of_birth"))")
        }
        if let c = detail.custodyCase {
            Terminal.out("Custody case \(text(c, "id")): \(text(c, "agency")) booking \(text(c, "booking_number"))  \(text(c, "facility"))  arrested \(text(c, "arrest_date"))  scheduled release \(when(text(c, "scheduled_release_at")))")
        }
        let warrantDetails = [text(d, "warrant_issuer"), text(d, "warrant_date")].filter { !$0.isEmpty }
        Terminal.out("Warrant: \(text(d, "warrant_type"))\(warrantDetails.isEmpty ? "" : " (\(warrantDetails.joined(separator: ", ")))")  TSDB match: \(yesNo(d["tsdb_match"]))  illegal re-entry: \(yesNo(d["illegal_reentry"]))")
        let boxes = [("final order", "pc_final_order"), ("removal proceedings", "pc_removal_proceedings"),
                     ("biometric match", "pc_biometric_match"), ("statements", "pc_statements")].filter { d[$0.1] == .int(1) }.map(\.0)
        Terminal.out("Probable cause: \(boxes.isEmpty ? "none checked" : boxes.joined(separator: ", "))")
        // A declined detainer has no hold: showing a deadline would suggest one (issue 10 §7).
        let declined = text(d, "outcome") == "decline" || text(d, "decision") == "decline"
        if !text(d, "hold_deadline").isEmpty, !declined { Terminal.out("Hold deadline: \(when(text(d, "hold_deadline")))") }
        if let late = DeadlineText.endedLate(status: text(d, "status"), at: text(d, "status_at"), deadline: text(d, "hold_deadline")) {
            Terminal.out(late)
        }
        if !text(d, "decision").isEmpty {
            Terminal.out("Decision: \(text(d, "decision").uppercased()) on \(text(d, "decided_on")) (basis \(text(d, "decision_basis")))")
        }

        Terminal.out("\nCONVICTIONS (\(detail.convictions.count))")
        for c in detail.convictions {
            let facts = [("youthful_offender", "youthful offender"), ("juvenile_delinquent", "juvenile delinquent"),
                         ("hate_crime", "hate crime"), ("sealed", "sealed"), ("vacated", "vacated")]
            // NULL is "not known" (Sources/DetainerDomain/Law/README.md §12.13), shown as such rather than as "no".
            var flags = facts.filter { c[$0.0] == .int(1) }.map(\.1) + facts.filter { c[$0.0] == .null }.map { "\($0.1) not known" }
            if c["jurisdiction"] == .null {
                flags.append("jurisdiction not known")
            } else if text(c, "jurisdiction") != "NY" {
                flags.append(text(c, "jurisdiction") + (text(c, "ny_equivalent").isEmpty ? "" : " ≈ \(text(c, "ny_equivalent"))"))
            }
            let sentence = !text(c, "sentenced_on").isEmpty ? "sentenced \(text(c, "sentenced_on"))"
                : (c["awaiting_sentence"] == .int(1) ? "awaiting sentence" : "sentence not recorded")
            let days = c["incarcerated_days"] == .null ? "not known" : "\(text(c, "incarcerated_days")) days"
            Terminal.out("  \(text(c, "id")). \(text(c, "statute_raw"))  class \(text(c, "felony_class").isEmpty ? "?" : text(c, "felony_class"))  convicted \(text(c, "convicted_on").isEmpty ? "?" : text(c, "convicted_on"))  \(sentence)  incarcerated \(days)\(flags.isEmpty ? "" : "  [\(flags.joined(separator: ", "))]")")
        }
        if !detail.pendingCharges.isEmpty {
            Terminal.out("PENDING CHARGES (never count under the 2014 law)")
            for c in detail.pendingCharges { Terminal.out("  \(text(c, "statute_raw"))  \(text(c, "charged_on"))") }
        }

        CorrectionPrinter.printSection(detail.corrections)

        Terminal.out("\nTIMELINE (New York time)")
        for event in detail.timeline {
            Terminal.out("  \(when(event.at))  \(event.summary)  [\(event.actor)]")
            for line in event.details { Terminal.out("      \(line)") }
        }
    }

    /// Seconds since the epoch, so instants written with and without fractions order correctly.

    private static func yesNo(_ value: JSONValue?) -> String {
        switch value { case .int(1)?: "yes"; case .int(0)?: "no"; default: "unknown" }
    }
}
