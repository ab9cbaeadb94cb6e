import DetainerDomain
import Foundation

/// The one reader for every JSON input (`evaluate --input`, `intake --json`, the web API):
/// strict RFC 8259, with every problem named by its path and reported at once.
///
/// Foundation does the parsing: `JSONSerialization` refuses `+1`, `01`, `"\q"`, comments, NaN,
/// raw control characters and trailing garbage. It accepts two things RFC 8259 does not (or that
/// we must not): a trailing comma (`[1,]`, `{"a":1,}`) and duplicate keys, where a later value
/// would silently replace an earlier one. `StructureScan` checks those two on the text Foundation
/// has already accepted. Decoding is `JSONDecoder`; the request types' own field reader
/// (`JSONFieldReader` in DetainerDomain) reports unknown fields, null versus missing and wrong
/// types by path.
public enum StrictJSON {
    /// Parses and decodes `data`, or throws every problem found.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(InputErrors) -> T {
        try check(data)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw InputErrors([ValidationIssue(decodingError: error)])
        } catch {
            throw InputErrors([ValidationIssue(path: "$", message: "could not be decoded: \(error)")])
        }
    }

    /// Throws unless `data` is one strict JSON text without duplicate keys or trailing commas.
    public static func check(_ data: Data) throws(InputErrors) {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            // RFC 8259 §6 lets a number be out of range (`1e999`); Foundation refuses it. Such a
            // text is valid if it parses with every exponent made zero, and the field reader
            // then names the field that cannot hold the number.
            let inRange = StructureScan.zeroingExponents(in: data)
            guard inRange != data, (try? JSONSerialization.jsonObject(with: inRange, options: [.fragmentsAllowed])) != nil else {
                throw InputErrors([ValidationIssue(path: "$", message: "not valid JSON (RFC 8259): \(describe(error))")])
            }
        }
        let issues = StructureScan.issues(in: data)
        if !issues.isEmpty { throw InputErrors(issues) }
    }

    private static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return nsError.localizedDescription
    }
}
