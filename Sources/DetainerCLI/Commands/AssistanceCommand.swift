import ArgumentParser
import DetainerDomain
import DetainerStore

extension RequestingAgency: CaseInsensitiveArgument {}
extension AssistanceKind: CaseInsensitiveArgument {}
extension AssistanceResponse: CaseInsensitiveArgument {}
extension DisclosureExemption: CaseInsensitiveArgument {}

/// `detainer assistance add`: the §10-178(d) request log.
struct AssistanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assistance",
        abstract: "The §10-178(d) log: requests from non-local law enforcement for help with immigration enforcement.",
        subcommands: [Add.self])

    struct Add: DetainerSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record one request for immigration-enforcement assistance and the response (Admin. Code §10-178(d)).",
            discussion: """
                Not for detainers or ICE information requests about a person (log those with intake and `contact`): \\
                the annual reports count them. --exemption marks a request whose disclosure would interfere with a law \\
                enforcement investigation (interfereInvestigation, §10-178(d)(i)) or compromise public safety \\
                (publicSafety, (d)(ii)); the quarterly report then only counts it.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Option(help: "ICE_ERO, ICE_HSI, CBP, USMS or other.") var requestingAgency: RequestingAgency
        @Option(help: "With --requesting-agency other: its name.") var requestingOther: String?
        @Option(help: "The city agency that received the request (e.g. DOC, NYPD, DOP, HRA).") var receivingAgency: String
        @Option(help: "information, detention, access, personnel, facilities or other.") var kind: AssistanceKind
        @Option(help: "provided, declined or pending.") var response: AssistanceResponse
        @Option(help: "interfereInvestigation (§10-178(d)(i)) or publicSafety ((d)(ii)).") var exemption: DisclosureExemption?
        @Option(help: "When the request was received (default now).") var at: String?
        @Option(help: "What was asked and done (kept in the log; never in the report).") var summary: String
        @OptionGroup var output: WriteOutputOptions

        func execute() throws {
            let when = try at.map { try InstantArgument.parse($0, field: "at") }
            let db = try database.open(.write)
            let user = try actor.resolve(in: db, for: .recordContact)
            let id = try ReportService(db).recordAssistanceRequest(
                .init(requestingAgency: requestingAgency, requestingOther: requestingOther, receivingAgency: receivingAgency, kind: kind,
                      response: response, exemption: exemption, at: when, summary: summary), by: user)
            output.print(text: "Assistance request \(id) recorded.", json: .object(["assistanceRequestID": .int(id)]))
        }
    }
}

/// `detainer scaap record`: §9-131(f)(6)'s amounts.
struct ScaapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scaap",
        abstract: "State criminal alien assistance (SCAAP) funding requested and received, per fiscal year (DOC annual report item f6).",
        subcommands: [Record.self])

    struct Record: DetainerSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Record the SCAAP amounts for a city fiscal year (July–June, named by the year it ends), with their source.",
            discussion: "Amounts in US dollars (1234567.89). A new record for the same year replaces the old one in the report; both stay in the log.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Option(help: "The fiscal year, named by the year it ends (FY2026 = July 2025–June 2026).") var fiscalYear: Int
        @Option(help: "Amount requested, US dollars.") var requested: String?
        @Option(help: "Amount received, US dollars.") var received: String?
        @Option(help: "The source document (e.g. \"BJA SCAAP award letter 2026-123, OMB ledger\").") var source: String
        @OptionGroup var output: WriteOutputOptions

        func execute() throws {
            let db = try database.open(.write)
            let user = try actor.resolve(in: db, for: .recordFunding)
            let amounts = try ReportService(db).recordScaap(fiscalYear: fiscalYear, requested: requested, received: received, source: source, by: user)
            output.print(text: "SCAAP amounts recorded for fiscal year \(amounts.fiscalYear).",
                         json: .object(["fiscalYear": .int(Int64(amounts.fiscalYear)), "requestedCents": .optional(amounts.requestedCents),
                                        "receivedCents": .optional(amounts.receivedCents), "source": .string(amounts.source)]))
        }
    }
}
