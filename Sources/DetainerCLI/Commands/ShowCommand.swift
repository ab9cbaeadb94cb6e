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
    @Flag(help: "Only the essentials: who, what is next and by when, the engine's outcome in words, the decision.") var brief = false

    func execute() throws {
        let detainerID = try IDArgument.parse(id)
        let db = try database.open(.read)
        let detail = try db.queries.detail(detainerID: detainerID)
        if brief && format == .table {
            BriefPrinter.print(detail, now: db.clock.now())
            return
        }
        if format == .json {
            Terminal.out(JSONKeys.camelCasingKeys(detail.json).prettySerialized)
            return
        }
        TimelinePrinter.print(detail, now: db.clock.now())
        TimelinePrinter.print(detail.proposals)
    }
}

/// The human reading of `detainer show`, from the record's typed fields.
enum TimelinePrinter {
    static func print(_ detail: DetainerDetail, now: UTCInstant) {
        let d = detail.detainer
        func text(_ value: String?) -> String { value ?? "" }
        func known(_ value: String?) -> String { value.map { $0.isEmpty ? "?" : $0 } ?? "?" }
        func when(_ value: UTCInstant?) -> String { value?.newYorkText ?? "" }
        func id(_ value: Int64?) -> String { value.map(String.init) ?? "" }

        Terminal.out("DETAINER \(id(d.id))  [\(d.status.plainLabel)]  \(text(d.agency?.rawValue))  form \(d.form.rawValue)  origin \(d.origin.rawValue)")
        if let p = detail.person {
            let ids = [("NYSID", p.nysid), ("A-number", p.aNumber), ("FBI", p.fbiNumber)]
                .compactMap { label, value in text(value).isEmpty ? nil : "\(label) \(text(value))" }
            Terminal.out("Person \(id(p.id)): \(text(p.name))  born \(known(p.dateOfBirth?.description))  \(ids.joined(separator: "  "))  country of birth \(known(p.countryOfBirth))")
        }
        if let c = detail.custodyCase {
            Terminal.out("Custody case \(id(c.id)): \(c.agency.rawValue) booking \(text(c.bookingNumber))  \(text(c.facility))  arrested \(text(c.arrestDate?.description))  scheduled release \(when(c.scheduledReleaseAt))")
        }
        let warrantDetails = [text(d.warrantIssuer), text(d.warrantDate?.description)].filter { !$0.isEmpty }
        Terminal.out("Warrant: \(d.warrantType.rawValue)\(warrantDetails.isEmpty ? "" : " (\(warrantDetails.joined(separator: ", ")))")  TSDB match: \(yesNo(d.tsdbMatch))  illegal re-entry: \(yesNo(d.illegalReentry))")
        let boxes = [("final order", d.pcFinalOrder), ("removal proceedings", d.pcRemovalProceedings),
                     ("biometric match", d.pcBiometricMatch), ("statements", d.pcStatements)].filter(\.1).map(\.0)
        Terminal.out("Probable cause: \(boxes.isEmpty ? "none checked" : boxes.joined(separator: ", "))")
        // A declined detainer has no hold: it shows the scheduled release it must be released at,
        // never a hold deadline (issue 10 §7, issue 25 §2).
        if let countdown = Countdown.of(status: d.status, outcome: d.decision == .decline ? .decline : d.outcome,
                                        holdDeadline: d.holdDeadline, scheduledRelease: detail.custodyCase?.scheduledReleaseAt) {
            Terminal.out("\(countdown.kind.label): \(when(countdown.at))\(DeadlineText.left(countdown, status: d.status, now: now))")
        }
        if let late = DeadlineText.endedLate(status: d.status, at: d.statusAt, deadline: d.holdDeadline) {
            Terminal.out(late)
        }
        if let decision = d.decision {
            Terminal.out("Decision: \(decision.rawValue.uppercased()) on \(text(d.decidedOn?.description))\(d.decisionBasis.map { " because \(DecisionBasis.words($0))" } ?? "")")
        }
        // Columns the layout above does not print by name, each with its label (a new column
        // shows here once its record definition gives it one).
        for (label, value) in detail.listedFacts { Terminal.out("\(label): \(value)") }

        Terminal.out("\nCONVICTIONS (\(detail.convictions.count))")
        for c in detail.convictions {
            // NULL is "not known" (Sources/DetainerDomain/Law/README.md §12.13), shown as such rather than as "no".
            let facts = ConvictionRecord.flags
            var flags = facts.filter { c[keyPath: $0.value] == true }.map(\.words) + facts.filter { c[keyPath: $0.value] == nil }.map { "\($0.words) not known" }
            if let jurisdiction = c.jurisdiction {
                if jurisdiction != .newYork { flags.append(jurisdiction.rawValue + (text(c.nyEquivalent).isEmpty ? "" : " ≈ \(text(c.nyEquivalent))")) }
            } else {
                flags.append("jurisdiction not known")
            }
            let sentence = c.sentencedOn.map { "sentenced \($0)" } ?? (c.awaitingSentence == true ? "awaiting sentence" : "sentence not recorded")
            let days = c.incarceratedDays.map { "\($0) days" } ?? "not known"
            Terminal.out("  \(id(c.id)). \(c.statuteRaw)  class \(known(c.felonyClass))  convicted \(known(c.convictedOn?.description))  \(sentence)  incarcerated \(days)\(flags.isEmpty ? "" : "  [\(flags.joined(separator: ", "))]")")
        }
        if !detail.pendingCharges.isEmpty {
            Terminal.out("PENDING CHARGES (never count under the 2014 law)")
            for c in detail.pendingCharges { Terminal.out("  \(c.statuteRaw)  \(text(c.chargedOn?.description))") }
        }

        CorrectionPrinter.printSection(detail.corrections)
        DocumentPrinter.printSection(detail.documents)

        Terminal.out("\nTIMELINE (New York time)")
        for event in detail.timeline(words: .plainStatus) {
            Terminal.out("  \(UTCInstant(parsing: event.at)?.newYorkText ?? event.at)  \(event.summary)  [\(event.actor)]")
            for line in event.details { Terminal.out("      \(line)") }
        }
    }

    /// Four-eyes acts (issue 23 §3): both people, their times and reasons.
    static func print(_ proposals: [Proposal]) {
        guard !proposals.isEmpty else { return }
        Terminal.out("\nSECOND-PERSON APPROVALS (\(proposals.count))")
        for p in proposals {
            Terminal.out("  proposal \(p.id): \(p.act)  \(p.state.rawValue.uppercased())")
            Terminal.out("      proposed \(p.proposedAt.newYorkText) by \(p.proposedBy): \(oneLine(p.reason))")
            if let by = p.decidedBy, let at = p.decidedAt {
                Terminal.out("      \(p.state.rawValue) \(at.newYorkText) by \(by)\(p.decisionNote.map { ": " + oneLine($0) } ?? "")")
            }
        }
    }

    private static func oneLine(_ text: String) -> String { String(text.map { $0.isNewline ? " " : $0 }) }

    private static func yesNo(_ value: Bool?) -> String {
        switch value { case true?: "yes"; case false?: "no"; default: "unknown" }
    }
}
