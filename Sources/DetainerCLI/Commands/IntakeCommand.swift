import ArgumentParser
import DetainerDomain
import DetainerJSON
import DetainerStore
import Foundation

struct IntakeCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "Log an incoming ICE detainer; the law engine evaluates it at once.",
        discussion: """
            Give the facts as options, or as JSON with --json FILE (- for stdin) using the same names: \
            {"person": {"name", "dateOfBirth", "nysid", "aNumber", "fbiNumber", "countryOfBirth"}, \
            "custody": {"agency", "bookingNumber", "facility", "arrestDate", "scheduledReleaseAt"}, \
            "detainer": {"form", "iceSubjectId", "eventNumber", "issuingOffice", "preparedOn", "receivedAt", \
            "probableCause": [...], "warrant": {"type", "issuer", "date"}, "terroristScreeningMatch", \
            "illegalReentryAfterRemoval", "dhsTransferBox2", "administrativeWarrantForm", "noticeToAppearServed"}, \
            "convictions": [{the fields of `conviction add`, by their JSON names: "statute", "convictedOn", "sentencedOn", …}], \
            "pendingCharges": [{"statute", "chargedOn"}]}. Options given with --json override the file's values. \
            The criminal-history search's judgments and pending charges given here are recorded with the detainer, \
            so its first evaluation reads them. \
            An existing person (same NYSID or A-number) is reused; a probable duplicate is warned about.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: WriteOutputOptions

    @Option(help: ArgumentHelp("Read the intake from this JSON file (- for stdin).", valueName: "file")) var json: String?

    @Option(help: "Person's name, exactly as written (any script; up to 200 characters).") var name: String?
    @Option(help: "Date of birth, YYYY-MM-DD.") var dob: String?
    @Option(help: "NYSID (e.g. 12345678K).") var nysid: String?
    @Option(name: .customLong("a-number"), help: "A-number (A + 8 or 9 digits).") var aNumber: String?
    @Option(name: .customLong("fbi-number"), help: "FBI number.") var fbiNumber: String?
    @Option(help: "Country of birth.") var countryOfBirth: String?

    @Option(help: "Agency holding the person: NYPD (§14-154), DOC (§9-131) or DOP, Probation (§9-205).") var agency: String?
    @Option(help: "NYPD arrest / DOC book-and-case number.") var booking: String?
    @Option(help: "Facility (e.g. a precinct or a jail).") var facility: String?
    @Option(help: "Date of the instant arrest, YYYY-MM-DD (the five-year window ends on it).") var arrestDate: String?
    @Option(help: "When the person would otherwise be released (ISO 8601 or New York time).") var releaseAt: String?

    @Option(help: "Detainer form: I-247A (default), I-247, I-247D, I-247N, I-247X.") var form: String?
    @Option(help: "ICE subject id.") var iceSubjectId: String?
    @Option(help: "ICE event number.") var eventNumber: String?
    @Option(help: "Issuing DHS office.") var issuingOffice: String?
    @Option(help: "Date ICE prepared the detainer, YYYY-MM-DD.") var preparedOn: String?
    @Option(help: "When it was received (default now; ISO 8601 or New York time).") var receivedAt: String?
    @Option(name: .customLong("probable-cause"), help: "A probable-cause box (repeatable): finalOrder, removalProceedings, biometricMatch, statements.")
    var probableCause: [String] = []
    @Option(help: "Warrant presented with it: none (default), administrative or judicial.") var warrant: String?
    @Option(help: "Who signed the warrant (for a judicial warrant, the federal judge or magistrate judge).") var warrantIssuer: String?
    @Option(help: "Date of the warrant, YYYY-MM-DD.") var warrantDate: String?
    @Option(name: .customLong("box2"), help: "I-247A Box 2 ticked (DHS transferred the person to this custody): yes, no or unknown (default).")
    var box2: String?
    @Option(help: "With --warrant administrative: which form is attached, I-200 or I-205.") var adminWarrantForm: String?
    @Option(name: .customLong("nta-served"), help: "A notice to appear (or other charging document) was served: yes, no or unknown (default).")
    var ntaServed: String?
    @Option(name: .customLong("tsdb-match"), help: "Terrorist screening database search: yes, no or unknown (default).") var tsdbMatch: String?
    @Option(help: "ICE asserts illegal re-entry after removal: yes, no or unknown (default).") var illegalReentry: String?
    @Option(name: .customLong("pending-charge"), help: "A pending charge from the criminal-history search, the statute as written (repeatable; added to the JSON's).")
    var pendingCharges: [String] = []
    @Flag(help: "Log a second open detainer on the same custody case (requires --reason).") var allowDuplicate = false
    @Option(help: "Why a second detainer on the same custody case is real (with --allow-duplicate).") var reason: String?

    func validate() throws {
        if allowDuplicate != (reason != nil) { throw ValidationError("--allow-duplicate and --reason TEXT go together") }
    }

    func execute() throws {
        let request = merged(into: try json.map(Self.load) ?? IntakeRequest())
        let db = try database.open(.write)
        let clerk = try actor.resolve(in: db, for: .intake)
        let result = try IntakeService(db).intake(request, duplicateReason: allowDuplicate ? reason : nil, by: clerk)
        for warning in result.warnings { Terminal.warn(warning) }
        let report = result.evaluation.report
        if output.format == .json {
            Terminal.out(result.json.prettySerialized)
            return
        }
        Terminal.out("Detainer \(result.detainerID) recorded for person \(result.personID)\(result.personReused ? " (existing record)" : ""); now pendingReview.")
        if !result.convictionIDs.isEmpty || !result.pendingChargeIDs.isEmpty {
            Terminal.out("Criminal history recorded with it: \(result.convictionIDs.count) conviction(s)\(Self.ids(result.convictionIDs)), \(result.pendingChargeIDs.count) pending charge(s)\(Self.ids(result.pendingChargeIDs)).")
        }
        Terminal.out("Outcome: \(report.outcome.plainLabel) under rule version \(report.ruleVersion).")
        EvaluationPrinter.printReasons(report)
        // A decline has no lawful hold: the person is released on time, and no hold deadline is
        // printed that could be read as one (issue 25 §2).
        if let deadline = result.evaluation.holdDeadline {
            Terminal.out(report.outcome == .decline
                ? "Release on time: \(deadline.newYorkText) (no lawful hold: the engine says decline)."
                : "Hold deadline: \(deadline.newYorkText).")
        }
    }

    static func ids(_ ids: [Int64]) -> String { ids.isEmpty ? "" : " (" + ids.map(String.init).joined(separator: ", ") + ")" }

    static func load(_ path: String) throws -> IntakeRequest {
        try IntakeJSON.decode(try InputFile.readJSON(path))
    }
}
