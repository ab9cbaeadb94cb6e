import DetainerStore
import Foundation
import Hummingbird
import NIOCore

/// A strict `multipart/form-data` reader (RFC 7578) for the one form that uploads a file: the
/// document form on the detainer page. Hummingbird has no multipart parser; this one reads only
/// what that form sends — a few named text fields and at most one file — and refuses anything
/// else (a missing or odd boundary, a part without a name, too many parts, a text field over its
/// limit, a missing final delimiter) with a 400 naming the problem.
struct MultipartForm: Sendable {
    struct FilePart: Sendable {
        let fieldName: String
        let fileName: String?
        let bytes: [UInt8]
    }

    private(set) var fields: [(String, String)] = []
    private(set) var file: FilePart?

    /// Field name → last value.
    subscript(_ name: String) -> String? { fields.last(where: { $0.0 == name })?.1 }

    func nonEmpty(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// The whole body: the file's limit plus room for the text fields and part headers.
    static let maximumBytes = DocumentPolicy.maximumFileBytes + 64 * 1024
    static let maximumParts = 12
    static let maximumFieldBytes = 16 * 1024

    static func boundary(of request: Request) -> String? {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in type.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            // RFC 2046: 1 to 70 characters.
            guard (1...70).contains(value.utf8.count), value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
            return value
        }
        return nil
    }

    static func isMultipart(_ request: Request) -> Bool {
        request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") ?? false
    }

    /// Reads the body (413 past the limit, refused by Content-Length before a byte is read when
    /// the client states it) and parses it.
    static func read(_ request: inout Request) async throws -> MultipartForm {
        guard let boundary = boundary(of: request) else {
            throw WebError.badRequest(path: "$", message: "expected a multipart/form-data upload with a boundary")
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maximumBytes { throw WebError.tooLarge }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maximumBytes)
        } catch is NIOTooManyBytesError {
            throw WebError.tooLarge
        }
        return try parse(Array(body.readableBytesView), boundary: boundary)
    }

    static func parse(_ body: [UInt8], boundary: String) throws -> MultipartForm {
        func refuse(_ message: String) -> WebError { .badRequest(path: "$", message: "the upload is not a valid form: \(message)") }
        let dashBoundary = Array("--\(boundary)".utf8)
        let delimiter = Array("\r\n--\(boundary)".utf8)
        guard body.starts(with: dashBoundary) else { throw refuse("it does not start with its boundary") }
        var form = MultipartForm()
        var position = dashBoundary.count
        var parts = 0
        while true {
            // After a boundary: "--" ends the body, CRLF starts a part.
            if body.count >= position + 2, body[position] == UInt8(ascii: "-"), body[position + 1] == UInt8(ascii: "-") { break }
            guard body.count >= position + 2, body[position] == 13, body[position + 1] == 10 else { throw refuse("a boundary is not followed by a line break") }
            position += 2
            parts += 1
            guard parts <= maximumParts else { throw refuse("more than \(maximumParts) parts") }
            guard let headerEnd = find(Array("\r\n\r\n".utf8), in: body, from: position) else { throw refuse("a part's headers do not end") }
            let headers = String(decoding: body[position..<headerEnd], as: UTF8.self)
            guard headers.utf8.count <= 4096 else { throw refuse("a part's headers are too long") }
            let contentStart = headerEnd + 4
            guard let contentEnd = find(delimiter, in: body, from: contentStart) else { throw refuse("the final boundary is missing (the upload was cut short?)") }
            let (name, fileName) = try disposition(headers, refuse)
            if let fileName {
                guard form.file == nil else { throw refuse("more than one file") }
                form.file = FilePart(fieldName: name, fileName: fileName.isEmpty ? nil : fileName, bytes: Array(body[contentStart..<contentEnd]))
            } else {
                guard contentEnd - contentStart <= maximumFieldBytes else { throw refuse("field \(name) is longer than \(maximumFieldBytes) bytes") }
                guard let value = String(validating: body[contentStart..<contentEnd], as: UTF8.self) else { throw refuse("field \(name) is not UTF-8 text") }
                form.fields.append((name, value))
            }
            position = contentEnd + delimiter.count
        }
        return form
    }

    /// `Content-Disposition: form-data; name="kind"; filename="a.pdf"` → ("kind", "a.pdf").
    private static func disposition(_ headers: String, _ refuse: (String) -> WebError) throws -> (String, String?) {
        for line in headers.split(separator: "\r\n") {
            let pieces = line.split(separator: ":", maxSplits: 1)
            guard pieces.count == 2, pieces[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" else { continue }
            var name: String?
            var fileName: String?
            for parameter in pieces[1].split(separator: ";").dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2 else { continue }
                var value = pair[1]
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                switch pair[0].lowercased() {
                case "name": name = value
                case "filename": fileName = value
                default: break
                }
            }
            guard let name, !name.isEmpty else { throw refuse("a part has no name") }
            return (name, fileName)
        }
        throw refuse("a part has no Content-Disposition")
    }

    /// The first index of `needle` in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { hay -> Int? in
            needle.withUnsafeBufferPointer { pin -> Int? in
                var index = start
                let last = hay.count - pin.count
                while index <= last {
                    if hay[index] == first {
                        var match = true
                        for offset in 1..<pin.count where hay[index + offset] != pin[offset] { match = false; break }
                        if match { return index }
                    }
                    index += 1
                }
                return nil
            }
        }
    }
}
