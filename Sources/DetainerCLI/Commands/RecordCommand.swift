import ArgumentParser
import DetainerDomain
import DetainerStore
import DetainerWeb

struct RecordCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "The decision record of a detainer, for the file: one page (A4 or US Letter) in HTML, or text.",
        discussion: """
            Identifiers, the warrant presented, each test of the law with its result and citation, the rule version, \
            the engine's outcome, the review (who, when, why), what happened next, the hold deadline, the documents' \
            SHA-256 hashes and the audit head at printing. The HTML carries its own print stylesheet: open it in a \
            browser and print, or print the same page from the web office's "Print decision record" button.
            """)

    enum RecordFormat: String, CaseInsensitiveArgument { case html, text }

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The detainer id.") var id: String
    @Option(help: "html (a printable page) or text.") var format: RecordFormat = .text
    @Option(help: ArgumentHelp("Write to this new file (mode 0600) instead of standard output.", valueName: "file")) var out: String?
    @Flag(help: "Replace --out if it exists.") var force = false

    func execute() throws {
        let detainerID = try IDArgument.parse(id)
        let db = try database.open(.read)
        let record = try db.paperwork.decisionRecord(detainerID: detainerID)
        let text = switch format {
        case .html: DecisionRecordPage.render(record, styles: .inline)
        case .text: record.textLines.joined(separator: "\n") + "\n"
        }
        if let out {
            try SafeOutput.write(out, Array(text.utf8), force: force, database: db.path)
            Terminal.err("Decision record of detainer \(detainerID) written to \(out).")
        } else {
            Terminal.outRaw(text)
        }
    }
}
