import Foundation
import Hummingbird

/// An `application/x-www-form-urlencoded` body as name → value (the last value wins; repeated
/// names are available through `all`).
struct FormData: Sendable {
    private(set) var pairs: [(String, String)] = []

    /// Forms are small; a bigger body is refused before parsing.
    static let maximumBytes = 256 * 1024

    init(body: ByteBuffer) {
        self.init(string: String(buffer: body))
    }

    init(string: String) {
        for part in string.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(pieces[0])
            let value = pieces.count > 1 ? Self.decode(pieces[1]) : ""
            pairs.append((name, value))
        }
    }

    mutating func set(_ name: String, _ value: String) {
        pairs.removeAll { $0.0 == name }
        pairs.append((name, value))
    }

    subscript(_ name: String) -> String? { pairs.last(where: { $0.0 == name })?.1 }

    func all(_ name: String) -> [String] { pairs.filter { $0.0 == name }.map(\.1) }

    /// The value, or nil when absent or blank (an empty form field means "not given").
    func nonEmpty(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    static func isForm(_ request: Request) -> Bool {
        request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false
    }

    /// Reads a form body (refusing anything else) from a request.
    static func read(_ request: Request, context: WebContext) async throws -> FormData {
        guard isForm(request) else { throw WebError.badRequest(path: "$", message: "expected a form (application/x-www-form-urlencoded)") }
        var request = request
        let body = try await request.collectBody(upTo: Self.maximumBytes)
        guard body.readableBytes <= maximumBytes else { throw WebError.tooLarge }
        return FormData(body: body)
    }

    private static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                if let high = iterator.next(), let low = iterator.next(), let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                    bytes.append(value)
                } else {
                    bytes.append(UInt8(ascii: "%"))
                }
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
