// libFuzzer target for the JSON that `detainer intake --json` and `detainer evaluate --input`
// read: decoding IntakeRequest and EvaluationRequest with Foundation's JSONDecoder (as the CLI
// does), validating them, and evaluating valid cases. Scripts/fuzz compiles it with
// Sources/DetainerDomain/*.swift into one module (no import of DetainerDomain).
//
// Any bytes must give either a decoding error or a request; validation must either throw the
// documented input errors or produce facts; evaluation of valid facts must not trap and must be
// deterministic.
import Foundation

private let now = UTCInstant(parsing: "2026-03-02T15:00:00Z")!

@_cdecl("LLVMFuzzerTestOneInput")
public func intakeJSONFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let decoder = JSONDecoder()
    if let intake = try? decoder.decode(IntakeRequest.self, from: bytes) {
        do {
            let valid = try intake.validated(now: now)
            precondition(valid.person.name.unicodeScalars.count <= FieldLimits.name, "validated names respect the limit")
        } catch let error as InputErrors {
            precondition(!error.issues.isEmpty, "an input error names at least one problem")
            _ = error.issues.map(\.description)
        } catch {
            preconditionFailure("IntakeRequest.validated threw an undocumented error: \(error)")
        }
    }
    if let request = try? decoder.decode(EvaluationRequest.self, from: bytes) {
        do {
            let facts = try request.validated()
            let first = Evaluator.evaluate(facts)
            let second = Evaluator.evaluate(facts)
            precondition(first == second, "evaluation is deterministic")
        } catch {
            precondition(!error.issues.isEmpty, "an input error names at least one problem")
            _ = error.issues.map(\.description)
        }
    }
    do {
        _ = try decoder.decode(IntakeRequest.self, from: bytes)
    } catch let error as DecodingError {
        _ = ValidationIssue(decodingError: error).description
    } catch {}
    return 0
}
