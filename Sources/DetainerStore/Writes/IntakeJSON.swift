import DetainerDomain
import DetainerJSON
import Foundation

/// The `intake --json` contract's decoder, shared by the CLI and `POST /api/v1/detainers`, so
/// both read exactly the same JSON the same way: the one strict reader (unknown fields,
/// duplicate keys and non-RFC 8259 text are errors, each named with its path).
public enum IntakeJSON {
    public static func decode(_ data: Data) throws -> IntakeRequest {
        try StrictJSON.decode(IntakeRequest.self, from: data)
    }
}
