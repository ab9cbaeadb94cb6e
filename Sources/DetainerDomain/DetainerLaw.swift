/// The one entry point to the law (issue 26 §5): the command line's `evaluate`, every stored
/// evaluation (intake, correction, conviction or charge change, re-evaluation) and the tests
/// all come through here, with a typed request; JSON is read and written at the edges
/// (`StrictJSON` for what people send, `CanonicalJSON` for what is stored and printed).
///
/// ```swift
/// let result = try DetainerLaw.evaluate(request)   // validates (every bad field named), evaluates, renders
/// print(result.report.renderedText)
/// ```
public enum DetainerLaw {
    public struct Result: Sendable {
        /// The validated facts the engine decided on.
        public let facts: CaseFacts
        public let evaluation: Evaluation
        /// What is stored, printed and explained: outcome, reasons, checks with citations.
        public let report: EvaluationReport
    }

    /// Validate, evaluate and render in one call.
    public static func evaluate(_ request: EvaluationRequest) throws(InputErrors) -> Result {
        let facts = try request.validated()
        let evaluation = Evaluator.evaluate(facts)
        return Result(facts: facts, evaluation: evaluation, report: evaluation.report(for: facts))
    }
}
