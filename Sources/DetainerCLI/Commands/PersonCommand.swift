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
            let detail = try database.open(.read).queries.personDetail(personID: personID)
            if format == .json {
                Terminal.out(JSONKeys.camelCasingKeys(detail.json).prettySerialized)
                return
            }
            let p = detail.person
            func text(_ value: String?) -> String { value ?? "" }
            func number(_ value: Int64?) -> JSONValue { value.map(JSONValue.int) ?? .null }
            func date(_ value: CivilDate?) -> JSONValue { value.map { .string($0.description) } ?? .null }
            let ids = [("NYSID", p.nysid), ("A-number", p.aNumber), ("FBI", p.fbiNumber)]
                .compactMap { label, value in text(value).isEmpty ? nil : "\(label) \(text(value))" }
            Terminal.out("PERSON \(p.id.map(String.init) ?? ""): \(text(p.name))  born \(p.dateOfBirth?.description ?? "?")  \(ids.joined(separator: "  "))")

            Terminal.out("\nDETAINERS (\(detail.detainers.count))")
            var detainers = RecordSet(columns: ["id", "agency", "status", "received", "outcome", "decision", "booking", "facility", "arrested"])
            for (d, c) in detail.detainers {
                detainers.append([number(d.id), .optional(d.agency?.rawValue), .string(d.status.rawValue), .string(d.receivedAt.newYorkText),
                                  .optional(d.outcome?.rawValue), .optional(d.decision?.rawValue), .optional(c?.bookingNumber),
                                  .optional(c?.facility), date(c?.arrestDate)])
            }
            try RecordPrinter.print(detainers, as: .table)

            Terminal.out("\nCONVICTIONS (\(detail.convictions.count))")
            var convictions = RecordSet(columns: ["id", "statute", "class", "convicted_on", "sentenced_on", "jurisdiction", "flags"])
            for c in detail.convictions {
                // A fact that is not known (NULL) is shown as "name?": unknown is never "no".
                let flags = ConvictionRecord.flags.compactMap { flag -> String? in
                    switch c[keyPath: flag.value] { case true?: flag.column; case nil: flag.column + "?"; case false?: nil }
                }
                let sentence: JSONValue = c.awaitingSentence == true ? .string("awaiting sentence") : date(c.sentencedOn)
                convictions.append([number(c.id), .string(c.statuteRaw), .optional(c.felonyClass), date(c.convictedOn),
                                    sentence, .optional(c.jurisdiction?.rawValue), .string(flags.joined(separator: " "))])
            }
            try RecordPrinter.print(convictions, as: .table)

            Terminal.out("\nPENDING CHARGES (\(detail.pendingCharges.count); never count under the 2014 law)")
            var charges = RecordSet(columns: ["id", "statute", "charged_on", "custody_case"])
            for c in detail.pendingCharges {
                charges.append([number(c.id), .string(c.statuteRaw), date(c.chargedOn), number(c.custodyCaseID)])
            }
            try RecordPrinter.print(charges, as: .table)
        }
    }
}
