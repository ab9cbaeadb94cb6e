import ArgumentParser
import DetainerDomain
import DetainerJSON
import DetainerStore
import Foundation

struct EvaluateCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Apply the law: to a JSON case (--input, no database needed) or to a stored detainer (ID, recorded).",
        discussion: """
            With --input FILE (- for stdin), reads one case in the documented JSON contract and prints the result; \
            exit 0 for every valid case whatever its outcome, 65 naming the field for invalid input. With ID, \
            re-runs the engine on a stored detainer as of today and records the evaluation; its stored result is \
            what `evaluate --input` prints for its stored input.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "A stored detainer's id.") var id: String?
    @Option(help: ArgumentHelp("A JSON case to evaluate (- for stdin).", valueName: "file")) var input: String?
    @Option(help: "json or text.") var format: EvaluationFormat = .json

    enum EvaluationFormat: String, CaseInsensitiveArgument { case json, text }

    func validate() throws {
        if (id == nil) == (input == nil) { throw ValidationError("give either a detainer ID or --input FILE") }
    }

    func execute() throws {
        if let input {
            let result = try DetainerLaw.evaluate(StrictJSON.decode(EvaluationRequest.self, from: try InputFile.readJSON(input)))
            print(result.report, json: try CanonicalJSON.encode(result.report))
        } else {
            let detainerID = try IDArgument.parse(id ?? "")
            let db = try database.open(.write)
            let user = try actor.resolve(in: db, for: .evaluate)
            let stored = try ReviewService(db).reevaluate(detainerID: detainerID, by: user)
            if format == .text { Terminal.out("Evaluation \(stored.id) (#\(stored.sequence)) of detainer \(detainerID) recorded.") }
            print(stored.report, json: stored.resultJSON)
        }
    }

    private func print(_ report: EvaluationReport, json: String) {
        switch format {
        case .json: Terminal.out(json)
        case .text: Terminal.out(report.renderedText)
        }
    }
}
