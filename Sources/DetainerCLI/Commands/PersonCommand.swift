import ArgumentParser
import DetainerDomain
import DetainerStore

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "A person's record: every detainer, conviction and pending charge.",
        subcommands: [Show.self])

    struct Show: DetainerSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "A person with their detainers (newest first), convictions and pending charges.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The person id (as in `detainer show` or `list`).") var id: String
        @Option(help: "table or json.") var format: OutputFormat = .table

        func execute() throws {
            let personID = try IDArgument.parse(id)
            if format == .csv { throw CLIError(.usage, "person show prints tables or JSON; use --format table or json") }
            let detail = try database.open(.read).personDetail(personID: personID)
            if format == .json {
                Terminal.out(JSONKeys.camelCasingKeys(detail.json).prettySerialized)
                return
            }
            let p = detail.person
            func text(_ object: [String: JSONValue], _ key: String) -> String { object[key]?.cellText ?? "" }
            let ids = [("NYSID", "nysid"), ("A-number", "a_number"), ("FBI", "fbi_number")]
                .compactMap { label, key in text(p, key).isEmpty ? nil : "\(label) \(text(p, key))" }
            Terminal.out("PERSON \(text(p, "id")): \(text(p, "name"))  born \(text(p, "date_of_birth").isEmpty ? "?" : text(p, "date_of_birth"))  \(ids.joined(separator: "  "))")
            func when(_ value: String) -> String { UTCInstant(parsing: value)?.newYorkText ?? value }

            Terminal.out("\nDETAINERS (\(detail.detainers.count))")
            var detainers = RecordSet(columns: ["id", "agency", "status", "received", "outcome", "decision", "booking", "facility", "arrested"])
            for d in detail.detainers {
                detainers.append([d["id"] ?? .null, d["agency"] ?? .null, d["status"] ?? .null, .string(when(text(d, "received_at"))),
                                  d["outcome"] ?? .null, d["decision"] ?? .null, d["booking_number"] ?? .null, d["facility"] ?? .null,
                                  d["arrest_date"] ?? .null])
            }
            try RecordPrinter.print(detainers, as: .table)

            Terminal.out("\nCONVICTIONS (\(detail.convictions.count))")
            var convictions = RecordSet(columns: ["id", "statute", "class", "convicted_on", "sentenced_on", "jurisdiction", "flags"])
            for c in detail.convictions {
                // A fact that is not known (NULL) is shown as "name?": unknown is never "no".
                let flags = ["youthful_offender", "juvenile_delinquent", "hate_crime", "sealed", "vacated"].compactMap { name -> String? in
                    c[name] == .int(1) ? name : (c[name] == nil || c[name] == .null ? name + "?" : nil)
                }
                let sentence: JSONValue = c["awaiting_sentence"] == .int(1) ? .string("awaiting sentence") : (c["sentenced_on"] ?? .null)
                convictions.append([c["id"] ?? .null, c["statute_raw"] ?? .null, c["felony_class"] ?? .null, c["convicted_on"] ?? .null,
                                    sentence, c["jurisdiction"] ?? .null, .string(flags.joined(separator: " "))])
            }
            try RecordPrinter.print(convictions, as: .table)

            Terminal.out("\nPENDING CHARGES (\(detail.pendingCharges.count); never count under the 2014 law)")
            var charges = RecordSet(columns: ["id", "statute", "charged_on", "custody_case"])
            for c in detail.pendingCharges {
                charges.append([c["id"] ?? .null, c["statute_raw"] ?? .null, c["charged_on"] ?? .null, c["custody_case_id"] ?? .null])
            }
            try RecordPrinter.print(charges, as: .table)
        }
    }
}
