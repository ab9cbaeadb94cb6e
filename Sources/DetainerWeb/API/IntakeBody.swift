import DetainerDomain
import DetainerJSON
import DetainerStore
import Foundation

/// `POST /api/v1/detainers`: the `intake --json` document (read by the same strict reader as the
/// CLI), plus the web's way to record a second open detainer on one custody case, the CLI's
/// `--allow-duplicate --reason TEXT`: `"allowDuplicate": true` with `"duplicateReason"`. Without
/// them such an intake is refused with 409 (`DuplicateDetainer`), naming the open detainer.
struct IntakeBody {
    let intake: IntakeRequest
    let duplicateReason: String?

    static let consentKeys = ["allowDuplicate", "duplicateReason"]

    private struct Consent: Decodable {
        var allowDuplicate: Bool?
        var duplicateReason: String?
    }

    static func decode(_ data: Data) throws -> IntakeBody {
        try StrictJSON.check(data)
        guard case .object(var members)? = JSONValue(parsing: String(decoding: data, as: UTF8.self)),
              consentKeys.contains(where: { members[$0] != nil }) else {
            return IntakeBody(intake: try IntakeJSON.decode(data), duplicateReason: nil)
        }
        let consent = try StrictJSON.decode(Consent.self, from: data)
        for key in consentKeys { members[key] = nil }
        let intake = try IntakeJSON.decode(Data(JSONValue.object(members).serialized.utf8))
        switch (consent.allowDuplicate ?? false, consent.duplicateReason) {
        case (true, let reason?): return IntakeBody(intake: intake, duplicateReason: reason)
        case (false, nil): return IntakeBody(intake: intake, duplicateReason: nil)
        case (true, nil): throw ValidationIssue(path: "duplicateReason", message: "required with allowDuplicate: say why ICE really sent a second detainer")
        case (false, _?): throw ValidationIssue(path: "allowDuplicate", message: "must be true when a duplicateReason is given")
        }
    }
}
