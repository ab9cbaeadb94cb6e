import DetainerStore
@testable import DetainerWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 21 through the server: the upload form (multipart, CSRF inside it), the API's raw-body
/// upload, downloads as attachments of the stored type, 413 for an oversized file, the printed
/// record and the refused notice to ICE.
@Suite struct DocumentRoutesTests {
    static let pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".utf8)
    static let boundary = "----detainerTestBoundary7MA4YWxkTrZu0gW"

    static func multipart(_ fields: [(String, String)], file: (name: String, bytes: [UInt8])?) -> ByteBuffer {
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return ByteBuffer(bytes: body)
    }

    static func upload(_ client: some TestClientProtocol, _ who: Credentials, detainer id: Int, kind: String = "i247a",
                       file: (name: String, bytes: [UInt8])?, csrf: Bool = true) async throws -> TestResponse {
        var fields = [("kind", kind), ("note", "as faxed")]
        if csrf { fields.insert(("csrf_token", who.csrf), at: 0) }
        return try await client.execute(uri: "/detainers/\(id)/documents", method: .post,
                                        headers: [.cookie: who.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"],
                                        body: multipart(fields, file: file))
    }

    @Test func aClerkUploadsThroughThePageAndAnyoneSignedInDownloadsAnAttachment() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let intake = try await client.postJSON("/api/v1/detainers", clara, intakeJSON())
            let id = try #require(intake.json["detainerID"] as? Int)

            let forged = try await Self.upload(client, clara, detainer: id, file: ("i247a.pdf", Self.pdf), csrf: false)
            #expect(forged.status == .forbidden)
            let stored = try await Self.upload(client, clara, detainer: id, file: ("i247a.pdf", Self.pdf))
            #expect(stored.status == .seeOther, "\(stored.status): \(stored.text.prefix(300))")
            #expect(try WebFixture.count(path, "SELECT count(*) FROM documents") == 1)

            let page = try await client.execute(uri: "/detainers/\(id)", method: .get, headers: clara.headers)
            #expect(page.text.contains("Documents (1)") && page.text.contains("by clara") && page.text.contains("/documents/1"))
            #expect(page.text.contains("enctype=\"multipart/form-data\"") && page.text.contains("Print decision record"))

            let audrey = try await client.signIn("audrey")
            let download = try await client.execute(uri: "/documents/1", method: .get, headers: audrey.headers)
            #expect(download.status == .ok)
            #expect(download.headers[.contentType] == "application/pdf")
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"document-1-i247a.pdf\"")
            #expect(download.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(Array(download.body.readableBytesView) == Self.pdf)
            let refused = try await Self.upload(client, audrey, detainer: id, file: ("other.pdf", Self.pdf + [1]))
            #expect(refused.status == .forbidden)   // auditors read, they do not attach
        }
        let db = try DetainerDatabase.open(path: path, access: .read)
        defer { try? db.close() }
        #expect(try db.integrity.healthCheck().ok)
    }

    @Test func disguisedFilesAreRefusedWithTheFormAgainAndNothingStored() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let intake = try await client.postJSON("/api/v1/detainers", clara, intakeJSON())
            let id = try #require(intake.json["detainerID"] as? Int)
            let html = try await Self.upload(client, clara, detainer: id, file: ("scan.png", Array("<html><script>alert(1)</script></html>".utf8)))
            #expect(html.status == .unprocessableContent)
            #expect(html.text.contains("HTML") && html.text.contains("Nothing was stored"))
            let elf = try await client.execute(uri: "/api/v1/detainers/\(id)/documents?kind=i247a&fileName=warrant.pdf", method: .post,
                                               headers: clara.json(), body: ByteBuffer(bytes: [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0]))
            #expect(elf.status == .unprocessableContent)
            #expect(elf.text.contains("executable"))
        }
        #expect(try WebFixture.count(path, "SELECT count(*) FROM documents") == 0)
        #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log WHERE action LIKE 'document.%'") == 0)
    }

    @Test func anOversizedUploadIs413() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let intake = try await client.postJSON("/api/v1/detainers", clara, intakeJSON())
            let id = try #require(intake.json["detainerID"] as? Int)
            let big = Self.pdf + [UInt8](repeating: 0x20, count: DocumentPolicy.maximumFileBytes)
            let api = try await client.execute(uri: "/api/v1/detainers/\(id)/documents?kind=other", method: .post, headers: clara.json(), body: ByteBuffer(bytes: big))
            #expect(api.status == .contentTooLarge)
            let page = try await Self.upload(client, clara, detainer: id, file: ("big.pdf", big + [UInt8](repeating: 0x20, count: 70 * 1024)))
            #expect(page.status == .contentTooLarge)
            let ok = try await client.execute(uri: "/api/v1/detainers/\(id)/documents?kind=i247a&note=faxed", method: .post, headers: clara.json(), body: ByteBuffer(bytes: Self.pdf))
            #expect(ok.status == .created)
            #expect(ok.json["sha256"] as? String == DocumentService.sha256(Self.pdf))
            let list = try await client.execute(uri: "/api/v1/detainers/\(id)/documents", method: .get, headers: clara.headers)
            #expect(list.text.contains("\"kind\" : \"i247a\"") || list.text.contains("\"kind\": \"i247a\""))
        }
        #expect(try WebFixture.count(path, "SELECT count(*) FROM documents") == 1)
    }

    @Test func theDecisionRecordPrintsAndTheNoticeToICEIsRefusedWithTheReason() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let intake = try await client.postJSON("/api/v1/detainers", clara, intakeJSON())
            let id = try #require(intake.json["detainerID"] as? Int)
            let record = try await client.execute(uri: "/detainers/\(id)/record", method: .get, headers: clara.headers)
            #expect(record.status == .ok)
            for part in ["Decision record — Detainer #\(id)", "/assets/record.css", "The law&#39;s tests", "Hold deadline", "Audit head at printing", "printed"] {
                #expect(record.text.contains(part), "the record page lacks \(part)")
            }
            #expect(record.text.contains("/detainers/\(id)/ice-notice") && !record.text.contains("/notice?language="))   // the person notice is off
            let css = try await client.execute(uri: "/assets/record.css", method: .get)
            #expect(css.text.contains("@media print"))
            let ice = try await client.execute(uri: "/detainers/\(id)/ice-notice", method: .get, headers: clara.headers)
            #expect(ice.status == .unprocessableContent)
            #expect(ice.text.contains("§9-131(h)"))
            let person = try await client.execute(uri: "/detainers/\(id)/notice", method: .get, headers: clara.headers)
            #expect(person.status == .notFound)   // off unless the office turns it on
        }
    }

    @Test func theMultipartReaderIsStrict() throws {
        let good = Self.multipart([("kind", "i200")], file: ("a.pdf", Self.pdf))
        let form = try MultipartForm.parse(Array(good.readableBytesView), boundary: Self.boundary)
        #expect(form["kind"] == "i200" && form.file?.bytes == Self.pdf && form.file?.fileName == "a.pdf")
        var cut = Array(good.readableBytesView)
        cut.removeLast(12)
        #expect(throws: WebError.self) { _ = try MultipartForm.parse(cut, boundary: Self.boundary) }
        #expect(throws: WebError.self) { _ = try MultipartForm.parse(Array("garbage".utf8), boundary: Self.boundary) }
        var two = Array(Self.multipart([], file: ("a.pdf", Self.pdf)).readableBytesView)
        two.removeLast("--\(Self.boundary)--\r\n".utf8.count)
        two += Array(Self.multipart([], file: ("b.pdf", Self.pdf)).readableBytesView)
        #expect(throws: WebError.self) { _ = try MultipartForm.parse(two, boundary: Self.boundary) }
    }
}
