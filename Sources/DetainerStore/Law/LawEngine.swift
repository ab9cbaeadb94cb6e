import DetainerDomain
import DetainerJSON
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
        try evaluate(StrictJSON.decode(EvaluationRequest.self, from: json))
    }

    public static func evaluate(_ request: EvaluationRequest) throws -> Result {
        let facts = try request.validated()
        let evaluation = Evaluator.evaluate(facts)
        let report = evaluation.report(for: facts)
        return Result(facts: facts, evaluation: evaluation, report: report, json: try encode(report))
    }

    /// Pretty JSON with sorted keys, straight from `JSONEncoder` (deterministic for one
    /// platform and Foundation version: sorted keys, fixed indentation).
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
