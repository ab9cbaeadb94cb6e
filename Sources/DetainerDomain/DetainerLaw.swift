/// The entry points the CLI and storage layer call.
///
/// ```swift
/// let request = try JSONDecoder().decode(EvaluationRequest.self, from: data)   // never fails on field problems
/// let facts = try request.validated()                                         // throws(InputErrors)
/// let evaluation = Evaluator.evaluate(facts)                                  // compact, no strings
/// let report = evaluation.report(for: facts)                                  // Encodable; use .sortedKeys
/// print(report.renderedText)
/// ```
public enum DetainerLaw {
    /// Validate, evaluate and render in one call.
    public static func evaluate(_ request: EvaluationRequest) throws(InputErrors) -> EvaluationReport {
        let facts = try request.validated()
        return Evaluator.evaluate(facts).report(for: facts)
    }

    /// Evaluate already-validated facts (e.g. loaded from storage) and render.
    public static func evaluate(_ facts: CaseFacts) -> EvaluationReport {
        Evaluator.evaluate(facts).report(for: facts)
    }
}
