import ArgumentParser
import DetainerDomain
import DetainerStore

struct UpdateCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Correct a logged intake or record facts that arrive later; needs --reason; re-evaluates an open detainer.",
        discussion: """
            Any intake field can be corrected; each changed field is kept with its old and new value, who, \
            when and why (`detainer show` lists them under WHAT CHANGED). An empty value ("") clears an \
            optional field; unknown clears --tsdb-match and --illegal-reentry. The corrected record must \
            pass every intake rule. On a closed detainer only identity and paperwork fields can change, not \
            the facts its decision rested on. A request that changes nothing is refused (exit 65).
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The detainer id.") var id: String

    @Option(help: "Person's name, exactly as written.") var name: String?
    @Option(help: "Date of birth, YYYY-MM-DD.") var dob: String?
    @Option(help: "NYSID (e.g. 12345678K).") var nysid: String?
    @Option(name: .customLong("a-number"), help: "A-number (A + 8 or 9 digits).") var aNumber: String?
    @Option(name: .customLong("fbi-number"), help: "FBI number.") var fbiNumber: String?
    @Option(help: "Country of birth.") var countryOfBirth: String?
    @Option(help: "Agency holding the person: NYPD, DOC or DOP.") var agency: String?
    @Option(help: "NYPD arrest / DOC book-and-case / Probation case number.") var booking: String?
    @Option(help: "Facility.") var facility: String?
    @Option(help: "Date of the instant arrest, YYYY-MM-DD.") var arrestDate: String?
    @Option(help: "When the person would otherwise be released (ISO 8601 or New York time).") var releaseAt: String?
    @Option(help: "Detainer form: I-247A, I-247, I-247D, I-247N, I-247X.") var form: String?
    @Option(help: "ICE subject id.") var iceSubjectId: String?
    @Option(help: "ICE event number.") var eventNumber: String?
    @Option(help: "Issuing DHS office.") var issuingOffice: String?
    @Option(help: "Date ICE prepared the detainer, YYYY-MM-DD.") var preparedOn: String?
    @Option(help: "When the detainer was really received (ISO 8601 or New York time).") var receivedAt: String?
    @Option(name: .customLong("probable-cause"), help: "The checked probable-cause boxes, comma-separated (replaces the set; \"\" for none).")
    var probableCause: String?
    @Option(help: "Warrant presented: none, administrative or judicial.") var warrant: String?
    @Option(help: "Who signed the warrant.") var warrantIssuer: String?
    @Option(help: "Date of the warrant, YYYY-MM-DD.") var warrantDate: String?
    @Option(name: .customLong("tsdb-match"), help: "Terrorist screening database search result: yes, no or unknown.") var tsdbMatch: String?
    @Option(help: "ICE asserts illegal re-entry after removal: yes, no or unknown.") var illegalReentry: String?
    @Option(name: [.customLong("reason"), .customLong("note")], help: "Why the record changes (required; e.g. where the fact came from).")
    var reason: String?

    func execute() throws {
        let detainerID = try IDArgument.parse(id)
        var requested: [IntakeField: String] = [:]
        for entry in typedFields { if let value = entry.value { requested[entry.field] = value } }
        let db = try database.open(.write)
        let user = try actor.resolve(in: db, for: .intake)
        let result = try IntakeService(db).correct(detainerID: detainerID, requested, reason: reason, by: user)
        if output.format == .json {
            Terminal.out(JSONValue.object([
                "detainerID": .int(detainerID),
                "changes": .array(result.changes.map { ["field": .string($0.field.rawValue), "old": .optional($0.old), "new": .optional($0.new)] }),
                "outcome": .optional(result.evaluation?.report.outcome.rawValue),
                "holdDeadline": .optional(result.evaluation?.holdDeadline?.iso8601),
            ]).prettySerialized)
            return
        }
        for change in result.changes {
            Terminal.out("\(change.field.rawValue): \(TimelineText.value(change.old, change.field)) → \(TimelineText.value(change.new, change.field))")
        }
        if let evaluation = result.evaluation {
            Terminal.out("Detainer \(detainerID) corrected and re-evaluated: \(evaluation.report.outcome.plainLabel) under \(evaluation.report.ruleVersion).")
            EvaluationPrinter.printReasons(evaluation.report)
        } else {
            Terminal.out("Detainer \(detainerID) corrected; it is closed, so its decision stands and it was not re-evaluated.")
        }
    }
}

extension UpdateCommand {
    /// Each correctable field, the option that sets it and what was typed (nil: not given). The
    /// domain reads the text (any case, New York time); its errors name the field by path, shown
    /// here as the option the person typed (`--release-at`, `--tsdb-match`), never another
    /// command's flag or the JSON path.
    var typedFields: [(field: IntakeField, option: String, value: String?)] {
        [
            (.name, "--name", name), (.dateOfBirth, "--dob", dob), (.nysid, "--nysid", nysid), (.aNumber, "--a-number", aNumber),
            (.fbiNumber, "--fbi-number", fbiNumber), (.countryOfBirth, "--country-of-birth", countryOfBirth), (.agency, "--agency", agency),
            (.booking, "--booking", booking), (.facility, "--facility", facility), (.arrestDate, "--arrest-date", arrestDate),
            (.scheduledReleaseAt, "--release-at", releaseAt), (.form, "--form", form), (.iceSubjectId, "--ice-subject-id", iceSubjectId),
            (.eventNumber, "--event-number", eventNumber), (.issuingOffice, "--issuing-office", issuingOffice),
            (.preparedOn, "--prepared-on", preparedOn), (.receivedAt, "--received-at", receivedAt),
            (.probableCause, "--probable-cause", probableCause), (.warrantType, "--warrant", warrant),
            (.warrantIssuer, "--warrant-issuer", warrantIssuer), (.warrantDate, "--warrant-date", warrantDate),
            (.tsdbMatch, "--tsdb-match", tsdbMatch), (.illegalReentry, "--illegal-reentry", illegalReentry),
        ]
    }

    func option(forField path: String) -> String? {
        let key = path.split(separator: "[").first.map(String.init) ?? path
        if key == "reason" { return "--reason" }
        return typedFields.first { $0.field.path == key }?.option
    }
}
