import DetainerDomain
import DetainerStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Paperwork on the web (issue 21): the document upload on the detainer page (multipart, CSRF
/// token inside the form), downloads as attachments of their stored type only, withdrawal, the
/// printable decision record and the notices; and the same under /api/v1 (raw-body upload).
/// Uploads and withdrawals need the contact roles (clerk, supervisor); anyone signed in who can
/// read the detainer can download its documents and print its record.
enum DocumentRoutes {
    static func register(_ routes: RouteBook, office: Office) {
        routes.get("/assets/record.css") { _, _ in SystemRoutes.asset(RecordStylesheet.css.description, type: "text/css; charset=utf-8") }

        routes.post("/detainers/{id}/documents") { request, context in
            let session = try context.requireSession()
            try await office.permit(session, .attachDocuments)
            let id = try context.id()
            var request = request
            let form = try await MultipartForm.read(&request)
            // What the form shows again after a refusal (never the file, never the token).
            let values: [String: String] = ["kind": form["kind"] ?? "", "note": form["note"] ?? ""]
            do {
                let attach = try uploadRequest(form)
                _ = try await office.write { db in
                    try DocumentService(db).attach(detainerID: id, attach, source: attach.fileName ?? "the upload",
                                                   by: try db.accounts.authorize(session.user.name, for: .attachDocuments))
                }
                return Responses.redirect(to: "/detainers/\(id)?done=document#documents")
            } catch let tooLarge as DocumentTooLarge {
                throw HTTPError(.contentTooLarge, message: tooLarge.message)
            } catch {
                guard let errors = FormRequests.fieldErrors(error) else { throw error }
                let detail = try await office.read { db in try db.queries.detail(detainerID: id) }
                let state = DetainerPage.FormState(form: "document", values: values, errors: errors,
                                                   message: FieldLabels.summary("Nothing was stored: ", errors))
                return Responses.html(DetainerPage.render(detail, session: session, now: office.clock.now(), state: state), status: .unprocessableContent)
            }
        }

        routes.post("/documents/{id}/withdraw") { request, context in
            let session = try context.requireSession()
            try await office.permit(session, .attachDocuments)
            let id = try context.id()
            let form = try await FormData.read(request, context: context)
            let document = try await office.write { db in
                try DocumentService(db).withdraw(documentID: id, reason: form["reason"] ?? "", by: try db.accounts.authorize(session.user.name, for: .attachDocuments))
            }
            return Responses.redirect(to: "/detainers/\(document.detainerID)?done=document-withdrawn#documents")
        }

        routes.get("/documents/{id}") { _, context in
            _ = try context.requireSession()
            return try await download(office: office, id: try context.id())
        }

        routes.get("/detainers/{id}/record") { _, context in
            let session = try context.requireSession()
            let id = try context.id()
            let (record, notice) = try await office.read { db in (try db.paperwork.decisionRecord(detainerID: id), try db.paperwork.personNoticeEnabled()) }
            return Responses.text(DecisionRecordPage.render(record, styles: .linked, printedBy: session.user.name, personNotice: notice),
                                  contentType: "text/html; charset=utf-8")
        }

        routes.get("/detainers/{id}/notice") { request, context in
            _ = try context.requireSession()
            let id = try context.id()
            let language = request.uri.queryParameters.get("language").flatMap(PersonNotice.Language.init(rawValue:)) ?? .en
            let text = try await noticeErrors { try await office.read { db in try db.paperwork.personNotice(detainerID: id, language: language) } }
            return Responses.text(NoticePage.render(title: text.title, paragraphs: text.paragraphs, language: language.rawValue, back: id),
                                  contentType: "text/html; charset=utf-8")
        }

        routes.get("/detainers/{id}/ice-notice") { _, context in
            _ = try context.requireSession()
            let id = try context.id()
            let notice = try await noticeErrors { try await office.read { db in try db.paperwork.iceNotice(detainerID: id) } }
            var paragraphs = [notice.answer]
            paragraphs += notice.custodyFacts.map { "\($0.label): \($0.value)" }
            paragraphs.append("Given under Admin. Code §9-131(h)(1)(i): \(notice.ground).")
            return Responses.text(NoticePage.render(title: "To U.S. Immigration and Customs Enforcement — detainer #\(id)", paragraphs: paragraphs, language: "en", back: id),
                                  contentType: "text/html; charset=utf-8")
        }

        // The JSON API: a raw-body upload (the file is the body; kind, note and fileName in the query).
        routes.post("/api/v1/detainers/{id}/documents") { request, context in
            let session = try context.requireSession()
            try await office.permit(session, .attachDocuments)
            let id = try context.id()
            let query = request.uri.queryParameters
            guard let kindText = query.get("kind"), let kind = DocumentKind(typed: kindText) else {
                throw ValidationIssue(path: "kind", message: "required in the query: \(DocumentKind.spelledOut)")
            }
            if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > DocumentPolicy.maximumFileBytes { throw tooLarge() }
            var request = request
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: DocumentPolicy.maximumFileBytes)
            } catch is NIOTooManyBytesError {
                throw tooLarge()
            }
            let attach = AttachRequest(bytes: Array(body.readableBytesView), kind: kind, note: query.get("note"), fileName: query.get("fileName"))
            do {
                let document = try await office.write { db in
                    try DocumentService(db).attach(detainerID: id, attach, source: attach.fileName ?? "the upload",
                                                   by: try db.accounts.authorize(session.user.name, for: .attachDocuments))
                }
                var response = Responses.json(JSONKeys.camelCasingKeys(document.json), status: .created)
                response.headers[.location] = "/api/v1/documents/\(document.id)"
                return response
            } catch let error as DocumentTooLarge {
                throw HTTPError(.contentTooLarge, message: error.message)
            }
        }

        routes.get("/api/v1/detainers/{id}/documents") { _, context in
            _ = try context.requireSession()
            let id = try context.id()
            let documents = try await office.read { db in
                _ = try db.queries.detail(detainerID: id)
                return try db.queries.documents(detainerID: id)
            }
            return Responses.json(JSONKeys.camelCasingKeys(.array(documents.map(\.json))))
        }

        routes.get("/api/v1/documents/{id}") { _, context in
            _ = try context.requireSession()
            return try await download(office: office, id: try context.id())
        }

        routes.post("/api/v1/documents/{id}/withdraw") { request, context in
            let session = try context.requireSession()
            try await office.permit(session, .attachDocuments)
            let id = try context.id()
            let body = try await APIBody.decode(WithdrawBody.self, request, context: context)
            let document = try await office.write { db in
                try DocumentService(db).withdraw(documentID: id, reason: body.reason, by: try db.accounts.authorize(session.user.name, for: .attachDocuments))
            }
            return Responses.json(JSONKeys.camelCasingKeys(document.json))
        }
    }

    /// A refused notice is the client's answer (422, saying why), never a server error.
    static func noticeErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let refused as NoticeRefused {
            throw HTTPError(.unprocessableContent, message: refused.message)
        } catch let disabled as NoticeDisabled {
            throw HTTPError(.notFound, message: disabled.description)
        }
    }

    static func tooLarge() -> HTTPError {
        HTTPError(.contentTooLarge, message: "the file is larger than the \(DocumentPolicy.megabytes(Int64(DocumentPolicy.maximumFileBytes))) limit per file; nothing was stored")
    }

    static func uploadRequest(_ form: MultipartForm) throws -> AttachRequest {
        var issues: [ValidationIssue] = []
        let kind = form.nonEmpty("kind").flatMap(DocumentKind.init(typed:))
        if kind == nil { issues.append(ValidationIssue(path: "kind", message: "choose what the document is")) }
        if form.file == nil || form.file?.bytes.isEmpty == true { issues.append(ValidationIssue(path: "file", message: "choose a file (PDF, PNG, JPEG or TIFF)")) }
        guard issues.isEmpty, let kind, let file = form.file else { throw InputErrors(issues) }
        return AttachRequest(bytes: file.bytes, kind: kind, note: form.nonEmpty("note"), fileName: file.fileName)
    }

    /// The stored bytes as an attachment of the stored type, never rendered inline; the bytes
    /// are checked against their SHA-256 first (409 when they no longer match).
    static func download(office: Office, id: Int64) async throws -> Response {
        let (summary, bytes): (DocumentSummary, [UInt8])
        do {
            (summary, bytes) = try await office.read { db in try DocumentService(db).content(documentID: id) }
        } catch let damaged as DocumentDamaged {
            throw HTTPError(.conflict, message: damaged.description)
        }
        var headers = HTTPFields()
        headers[.contentType] = summary.type.mediaType
        headers[.contentDisposition] = "attachment; filename=\"\(summary.downloadName)\""
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("X-Document-SHA256")!] = summary.sha256
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

struct WithdrawBody: Decodable, KnownKeys {
    let reason: String
    static let knownKeys: Set<String> = ["reason"]
}
