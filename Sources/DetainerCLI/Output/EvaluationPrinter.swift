import DetainerDomain
import DetainerStore

/// How an evaluation reads on the terminal: the outcome, then each check with its citation.
enum EvaluationPrinter {
    static func printReasons(_ report: EvaluationReport) {
        Terminal.out("Reasons: \(report.reasons.map(\.plainClause).joined(separator: "; "))")
        for check in report.checks {
            let mark = switch check.result { case "pass": "pass"; case "fail": "FAIL"; default: " ?? " }
            Terminal.out("  [\(mark)] \(check.message) (\(check.citation))")
        }
    }
}
