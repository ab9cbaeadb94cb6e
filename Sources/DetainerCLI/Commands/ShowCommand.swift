import ArgumentParser
import DetainerDomain
import DetainerStore

struct ShowCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "The whole record of a detainer: person, convictions, every evaluation with its checks, reviews, status history and contacts.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The detainer id.") var id: String
    @Option(help: "table (a readable timeline) or json.") var format: OutputFormat = .table

    func execute() throws {
        let detainerID = try IDArgument.parse(id)
        let detail = try database.open(.read).detail(detainerID: detainerID)
        if format == .json || format == .csv {
            if format == .csv { throw CLIError(.usage, "show prints a timeline or JSON; use --format table or json") }
            Terminal.out(detail.json.prettySerialized)
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
        func when(_ value: String) -> String { UTCInstant(parsing: value).map { NewYorkTime.localDateTime(at: $0).short } ?? value }

        Terminal.out("DETAINER \(text(d, "id"))  [\(text(d, "status"))]  \(text(d, "agency"))  form \(text(d, "form"))  origin \(text(d, "origin"))")
        if let p = detail.person {
            let ids = [("NYSID", "nysid"), ("A-number", "a_number"), ("FBI", "fbi_number")]
                .compactMap { label, key in text(p, key).isEmpty ? nil : "\(label) \(text(p, key))" }
            Terminal.out("Person \(text(p, "id")): \(text(p, "name"))  born \(text(p, "date_of_birth").isEmpty ? "?" : text(p, "date_of_birth"))  \(ids.joined(separator: "  "))  country of birth \(text(p, "country_of_birth").isEmpty ? "?" : text(p, "country_of_birth"))")
        }
        if let c = detail.custodyCase {
            Terminal.out("Custody case \(text(c, "id")): \(text(c, "agency")) booking \(text(c, "booking_number"))  \(text(c, "facility"))  arrested \(text(c, "arrest_date"))  scheduled release \(when(text(c, "scheduled_release_at")))")
        }
        Terminal.out("Warrant: \(text(d, "warrant_type"))\(text(d, "warrant_issuer").isEmpty ? "" : " (\(text(d, "warrant_issuer")), \(text(d, "warrant_date")))")  TSDB match: \(yesNo(d["tsdb_match"]))  illegal re-entry: \(yesNo(d["illegal_reentry"]))")
        let boxes = [("final order", "pc_final_order"), ("removal proceedings", "pc_removal_proceedings"),
                     ("biometric match", "pc_biometric_match"), ("statements", "pc_statements")].filter { d[$0.1] == .int(1) }.map(\.0)
        Terminal.out("Probable cause: \(boxes.isEmpty ? "none checked" : boxes.joined(separator: ", "))")
        if !text(d, "hold_deadline").isEmpty { Terminal.out("Hold deadline: \(when(text(d, "hold_deadline")))") }
        if !text(d, "decision").isEmpty {
            Terminal.out("Decision: \(text(d, "decision").uppercased()) on \(text(d, "decided_on")) (basis \(text(d, "decision_basis")))")
        }

        Terminal.out("\nCONVICTIONS (\(detail.convictions.count))")
        for c in detail.convictions {
            var flags = ["youthful_offender", "juvenile_delinquent", "hate_crime", "sealed", "vacated"].filter { c[$0] == .int(1) }
            if text(c, "jurisdiction") != "NY" { flags.append(text(c, "jurisdiction") + (text(c, "ny_equivalent").isEmpty ? "" : " ≈ \(text(c, "ny_equivalent"))")) }
            Terminal.out("  \(text(c, "id")). \(text(c, "statute_raw"))  class \(text(c, "felony_class").isEmpty ? "?" : text(c, "felony_class"))  convicted \(text(c, "convicted_on").isEmpty ? "?" : text(c, "convicted_on"))  incarcerated \(text(c, "incarcerated_days")) days\(flags.isEmpty ? "" : "  [\(flags.joined(separator: ", "))]")")
        }
        if !detail.pendingCharges.isEmpty {
            Terminal.out("PENDING CHARGES (never count under the 2014 law)")
            for c in detail.pendingCharges { Terminal.out("  \(text(c, "statute_raw"))  \(text(c, "charged_on"))") }
        }

        Terminal.out("\nTIMELINE (New York time)")
        for event in detail.timeline {
            Terminal.out("  \(when(event.at))  \(event.summary)  [\(event.actor)]")
            for line in event.details { Terminal.out("      \(line)") }
        }
    }

    private static func yesNo(_ value: JSONValue?) -> String {
        switch value { case .int(1)?: "yes"; case .int(0)?: "no"; default: "unknown" }
    }
}
