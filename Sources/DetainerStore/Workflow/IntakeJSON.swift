import DetainerDomain
import Foundation

/// The `intake --json` contract's decoder, shared by the CLI and `POST /api/v1/detainers`, so
/// both read exactly the same JSON the same way (and a stricter reader replaces it in one place).
public enum IntakeJSON {
    public static func decode(_ data: Data) throws -> IntakeRequest {
        do {
            return try JSONDecoder().decode(IntakeRequest.self, from: data)
        } catch let error as DecodingError {
            throw InputErrors([ValidationIssue(decodingError: error)])
        }
    }
}
