import DetainerDomain
import Foundation

/// The law engine behind JSON: the same path for `detainer evaluate --input` and for stored
/// detainers, so a stored evaluation's result is exactly what `evaluate --input` prints for its
/// stored input.
public enum LawEngine {
    public struct Result: Sendable {
        public let facts: CaseFacts
        public let evaluation: Evaluation
        public let report: EvaluationReport
        /// The report as stored and printed: pretty JSON with sorted keys.
        public let json: String
    }

    /// Decodes the contract JSON, validates it (every bad field named), evaluates and renders.
    public static func evaluate(json: Data) throws -> Result {
        let request: EvaluationRequest
        do {
            request = try JSONDecoder().decode(EvaluationRequest.self, from: json)
        } catch let error as DecodingError {
            throw InputErrors([ValidationIssue(decodingError: error)])
        }
        return try evaluate(request)
    }

    public static func evaluate(_ request: EvaluationRequest) throws -> Result {
        let facts = try request.validated()
        let evaluation = Evaluator.evaluate(facts)
        let report = evaluation.report(for: facts)
        return Result(facts: facts, evaluation: evaluation, report: report, json: try encode(report))
    }

    /// Pretty JSON with sorted keys, indented by our own printer so the text is the same on
    /// every platform (Foundation's pretty printer differs between Darwin and Linux).
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let compact = String(decoding: try encoder.encode(value), as: UTF8.self)
        return JSONValue(parsing: compact)?.prettySerialized ?? compact
    }
}
