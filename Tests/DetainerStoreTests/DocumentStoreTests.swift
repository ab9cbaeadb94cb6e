import Crypto
import DetainerDomain
@testable import DetainerStore
import SQLite
import Testing
import TestSupport

/// Issue 21 §1 in process: documents are stored with their SHA-256 in the signed audit trail,
/// refused when they are not what they claim or too big (nothing stored), withdrawn but never
/// deleted, and `check` names a document whose bytes changed.
@Suite struct DocumentStoreTests {
    let dir = TemporaryDirectory()

    static let pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)

    struct Office {
        let db: DetainerDatabase
        let clerk: Actor
        let detainerID: Int64
        var documents: DocumentService { DocumentService(db) }
    }

    func office() throws -> Office {
        let db = try dir.database(now: "2026-03-02T15:00:00Z")
        let admin = try db.accounts.authorize("admin", for: .manageUsers)
        try db.accounts.addUser(name: "clara", role: .clerk, by: admin)
        let clerk = try db.accounts.authorize("clara", for: .attachDocuments)
        let request = IntakeRequest(person: .init(name: "Ana Ruiz", dateOfBirth: "1985-02-03", nysid: "12345678K"),
                                    custody: .init(agency: "DOC", bookingNumber: "B1", arrestDate: "2026-02-20", scheduledReleaseAt: "2026-03-05T15:00:00Z"),
                                    detainer: .init(warrant: .init(type: "administrative"), terroristScreeningMatch: false))
        let result = try IntakeService(db).intake(request, by: try db.accounts.authorize("clara", for: .intake))
        return Office(db: db, clerk: clerk, detainerID: result.detainerID)
    }

    func auditCount(_ db: DetainerDatabase) throws -> Int64 { try db.connection.scalarInt("SELECT count(*) FROM audit_log") ?? -1 }

    @Test func attachingKeepsTheBytesAndPutsHashSizeTypeKindAndUploaderInTheAuditTrail() throws {
        let office = try office()
        let doc = try office.documents.attach(detainerID: office.detainerID, AttachRequest(bytes: Self.pdf, kind: .i247a, note: "as faxed", fileName: "/tmp/scans/i247a.pdf"), by: office.clerk)
        #expect(doc.sha256 == Array(SHA256.hash(data: Self.pdf)).hexString)
        #expect(doc.size == Int64(Self.pdf.count) && doc.type == .pdf && doc.kind == .i247a && doc.attachedBy == "clara")
        #expect(doc.fileName == "i247a.pdf")   // the folders are not kept
        let payload = try #require(try office.db.connection.scalarText("SELECT payload FROM audit_log WHERE action = 'document.attach'"))
        for part in [doc.sha256, "\"size\":\(Self.pdf.count)", "application/pdf", "i247a", "clara", "\"table\":\"documents\""] {
            #expect(payload.contains(part), "audit payload lacks \(part): \(payload)")
        }
        #expect(try DocumentService(office.db).content(documentID: doc.id).bytes == Self.pdf)
        #expect(try office.db.queries.detail(detainerID: office.detainerID).documents == [doc])
        #expect(try office.db.integrity.healthCheck().ok)
    }

    @Test(arguments: [
        ([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0], "executable"),
        (Array("<html><body><script>alert(1)</script></body></html>".utf8), "HTML"),
        ([UInt8](), "empty"),
    ] as [([UInt8], String)])
    func aFileThatIsNotAnAcceptedTypeIsRefusedAndNothingIsStored(bytes: [UInt8], words: String) throws {
        let office = try office()
        let before = try auditCount(office.db)
        do {
            _ = try office.documents.attach(detainerID: office.detainerID, AttachRequest(bytes: bytes, kind: .i247a, fileName: "warrant.pdf"), source: "warrant.pdf", by: office.clerk)
            Issue.record("accepted \(words)")
        } catch let issue as ValidationIssue {
            #expect(issue.path == "file" && issue.message.contains(words) && issue.message.contains("nothing was stored"), "\(issue)")
        }
        #expect(try auditCount(office.db) == before)
        #expect(try office.db.connection.scalarInt("SELECT count(*) FROM documents") == 0)
    }

    @Test func theLimitsAreStatedConstantsTheSchemaAgreesWith() throws {
        #expect(DocumentPolicy.maximumFileBytes == 20 * 1024 * 1024)
        #expect(DocumentPolicy.maximumBytesPerDetainer == 100 * 1024 * 1024)
        let office = try office()
        let sql = try #require(try office.db.connection.scalarText("SELECT sql FROM sqlite_schema WHERE name = 'documents'"))
        #expect(sql.contains("size BETWEEN 1 AND \(DocumentPolicy.maximumFileBytes)"))
        // One byte over the per-file limit: refused before anything is written.
        let tooBig = Self.pdf + [UInt8](repeating: 0x20, count: DocumentPolicy.maximumFileBytes + 1 - Self.pdf.count)
        #expect(throws: DocumentTooLarge.self) {
            _ = try office.documents.attach(detainerID: office.detainerID, AttachRequest(bytes: tooBig, kind: .other), by: office.clerk)
        }
        #expect(try office.db.connection.scalarInt("SELECT count(*) FROM documents") == 0)
    }

    @Test func aDetainerKeepsAtMostItsTotal() throws {
        let office = try office()
        let perFile = DocumentPolicy.maximumFileBytes
        let files = Int(DocumentPolicy.maximumBytesPerDetainer) / perFile
        for index in 0..<files {
            // Same size, different bytes (identical bytes would be refused as a duplicate).
            var bytes = Self.pdf + [UInt8](repeating: 0x20, count: perFile - Self.pdf.count)
            bytes[bytes.count - 1] = UInt8(index)
            _ = try office.documents.attach(detainerID: office.detainerID, AttachRequest(bytes: bytes, kind: .other), by: office.clerk)
        }
        let before = try auditCount(office.db)
        do {
            _ = try office.documents.attach(detainerID: office.detainerID, AttachRequest(bytes: Self.pdf, kind: .other), by: office.clerk)
            Issue.record("the per-detainer total was passed")
        } catch let error as DocumentTooLarge {
            #expect(error.message.contains("per detainer"))
        }
        #expect(try auditCount(office.db) == before)
    }

    @Test func aDocumentIsWithdrawnNeverDeletedAndTheSameBytesAreNotKeptTwice() throws {
        let office = try office()
        let doc = try office.documents.attach(detainerID: office.detainerID, AttachRequest(bytes: Self.pdf, kind: .i200), by: office.clerk)
        #expect(throws: ValidationIssue.self) {
            _ = try office.documents.attach(detainerID: office.detainerID, AttachRequest(bytes: Self.pdf, kind: .i247a), by: office.clerk)
        }
        #expect(throws: InputErrors.self) { _ = try office.documents.withdraw(documentID: doc.id, reason: "  ", by: office.clerk) }
        let withdrawn = try office.documents.withdraw(documentID: doc.id, reason: "wrong kind; it is the I-247A", by: office.clerk)
        #expect(withdrawn.isWithdrawn && withdrawn.withdrawnBy == "clara" && withdrawn.withdrawnReason == "wrong kind; it is the I-247A")
        #expect(throws: ValidationIssue.self) { _ = try office.documents.withdraw(documentID: doc.id, reason: "again", by: office.clerk) }
        #expect(throws: SQLiteError.self) { try office.db.connection.execute("DELETE FROM documents") }
        #expect(throws: SQLiteError.self) { try office.db.connection.execute("UPDATE documents SET kind = 'other'") }
        // Withdrawn, the same file may be attached again under the right kind; both stay listed.
        _ = try office.documents.attach(detainerID: office.detainerID, AttachRequest(bytes: Self.pdf, kind: .i247a), by: office.clerk)
        let listed = try office.db.queries.documents(detainerID: office.detainerID)
        #expect(listed.map(\.kind) == [.i200, .i247a] && listed[0].isWithdrawn && !listed[1].isWithdrawn)
        #expect(try office.db.queries.detail(detainerID: office.detainerID).timeline(words: .plainStatus).filter { $0.kind == .document }.count == 3)
        #expect(try office.db.integrity.healthCheck().ok)
    }

    @Test func checkNamesADocumentWhoseBytesChangedAndItIsNotHandedOut() throws {
        let office = try office()
        let doc = try office.documents.attach(detainerID: office.detainerID, AttachRequest(bytes: Self.pdf, kind: .i247a), by: office.clerk)
        // A careful tamperer: the guard trigger dropped for the edit and put back exactly.
        let trigger = try #require(try office.db.connection.scalarText("SELECT sql FROM sqlite_schema WHERE name = 'documents_withdraw_only'"))
        try office.db.connection.execute("DROP TRIGGER documents_withdraw_only")
        var changed = Self.pdf
        changed[10] ^= 0x01
        try office.db.connection.run("UPDATE documents SET content = ? WHERE id = ?", changed, doc.id)
        try office.db.connection.execute(trigger)
        let report = try office.db.integrity.healthCheck()
        let documents = try #require(report.items.first { $0.name == "documents" })
        #expect(!documents.ok)
        #expect(documents.problems.contains { $0.contains("document \(doc.id)") && $0.contains("bytes were changed") }, "\(documents.problems)")
        #expect(report.items.first { $0.name == "records vs audit" }?.ok == false)
        #expect(throws: DocumentDamaged.self) { _ = try DocumentService(office.db).content(documentID: doc.id) }
    }

    @Test func theDecisionRecordCarriesTheLawsTestsTheDocumentsHashesAndTheAuditHead() throws {
        let office = try office()
        let doc = try office.documents.attach(detainerID: office.detainerID, AttachRequest(bytes: Self.pdf, kind: .i247a), by: office.clerk)
        let record = try office.db.paperwork.decisionRecord(detainerID: office.detainerID)
        let text = record.textLines.joined(separator: "\n")
        let head = try #require(try office.db.paperwork.auditHead())
        for part in ["DECISION RECORD — DETAINER #\(office.detainerID)", "Ana Ruiz", "12345678K", "WARRANT PRESENTED: administrative warrant only",
                     "THE LAW'S TESTS", "Admin. Code §9-131", "ENGINE'S OUTCOME: decline", "REVIEW", "not reviewed", "HOLD DEADLINE: none",
                     "SHA-256 \(doc.sha256)", "audit head: row \(head.auditID), SHA-256 \(head.hash)"] {
            #expect(text.contains(part), "the record lacks \(part):\n\(text)")
        }
        #expect(record.engine?.tests.allSatisfy { ["met", "not met", "not known"].contains($0.result) } == true)
    }

    @Test func noNoticeToICECarriesCustodyFactsForAPersonSection9131hProtects() throws {
        let office = try office()
        do {
            _ = try office.db.paperwork.iceNotice(detainerID: office.detainerID)
            Issue.record("a notice to ICE was printed for a person with no judgment and no TSDB match")
        } catch let refused as NoticeRefused {
            #expect(refused.message.contains("§9-131(h)") && refused.message.contains("no judgment") && refused.message.contains("release date"))
        }
        // A possible TSDB match is (h)(1)(i)'s other ground: then the facts may be given.
        let match = IntakeRequest(person: .init(name: "Eli Moss", dateOfBirth: "1980-01-01", nysid: "87654321K"),
                                  custody: .init(agency: "DOC", bookingNumber: "B2", arrestDate: "2026-02-20", scheduledReleaseAt: "2026-03-05T15:00:00Z"),
                                  detainer: .init(warrant: .init(type: "judicial", issuer: "Hon. J"), terroristScreeningMatch: true))
        let other = try IntakeService(office.db).intake(match, by: try office.db.accounts.authorize("clara", for: .intake))
        let notice = try office.db.paperwork.iceNotice(detainerID: other.detainerID)
        #expect(notice.custodyFacts.contains { $0.label == "Scheduled release" && $0.value.contains("2026-03-05") })
        #expect(notice.ground.contains("terrorist screening"))
    }

    @Test func theNoticeToThePersonIsOffUntilAnAdminTurnsItOn() throws {
        let office = try office()
        #expect(throws: NoticeDisabled.self) { _ = try office.db.paperwork.personNotice(detainerID: office.detainerID, language: .en) }
        let admin = try office.db.accounts.authorize("admin", for: .manageUsers)
        try office.db.paperwork.setPersonNotice(true, by: admin)
        let spanish = try office.db.paperwork.personNotice(detainerID: office.detainerID, language: .es)
        #expect(spanish.paragraphs.contains { $0.contains("Ana Ruiz") })
        #expect(try office.db.connection.scalarInt("SELECT count(*) FROM audit_log WHERE action = 'settings.person_notice'") == 1)
        #expect(throws: SQLiteError.self) { try office.db.connection.execute("UPDATE settings SET value = 'maybe' WHERE key = 'person_notice'") }
        #expect(try office.db.integrity.healthCheck().ok)
    }
}
