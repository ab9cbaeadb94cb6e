import CSVStream
@testable import DetainerDomain
@testable import DetainerStore
@testable import DetainerWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
@testable import SQLite
import Sysexits
import Testing

/// Issue 26 §2: one table from errors to answers. Every error type declared in the sources has
/// an example here (a new type without one fails `everyErrorTypeHasAnExample`), and none of
/// them answers 500 on any route, API or page, except the ones that declare themselves bugs
/// (exit status 70).
@Suite struct ErrorAnswerTests {
    /// One or more values of every error type in Sources/ (the CLI's own `CLIError` never
    /// reaches the web and is left to the CLI's tests).
    static let examples: [any Error] = [
        WebError.signInRequired, WebError.csrfRejected, WebError.crossOrigin, WebError.badRequest(path: "$", message: "bad"),
        WebError.notFound, WebError.tooLarge, WebError.methodNotAllowed(allowed: ["GET", "HEAD"]),
        NIOTooManyBytesError(maxBytes: 1),
        ValidationIssue(path: "person.name", message: "required"),
        InputErrors([ValidationIssue(path: "person.name", message: "required")]),
        ReviewRefusal.engineUndecided(reasons: []), ReviewRefusal.honorForbidden(reasons: []),
        StatusMachine.Refusal.decisionNeedsReview, StatusMachine.Refusal.notAllowed,
        WallClockTime.Failure.malformed, WallClockTime.Failure.ambiguous, WallClockTime.Failure.nonexistent,
        PermissionDenied(message: "clara may not review"),
        NotFound(entity: "detainer", key: "9"),
        IllegalTransition(detainerID: 1, from: .declined, to: .released),
        DuplicateDetainer(existingID: 1, status: "pendingReview", custodyCaseID: 1),
        DuplicateImport(importID: 1, at: "2026-01-01T00:00:00Z"),
        ImportRefused(problems: [], badRows: 1, rowsRead: 2),
        RowError(column: "date", message: "is missing"),
        IntegrityRefusal("a production database needs its key"),
        KeyFileError(path: "k", problem: "is not a key"),
        StoreError.missingDatabase(path: "x.db"), StoreError.readOnly(path: "x.db"), StoreError.notAFile(path: "x"),
        StoreError.needsMigration(path: "x", version: 1, latest: 2), StoreError.badStoredValue(table: "t", column: "c", rowID: 1, value: "v"),
        BoundedFile.Failure.missing(path: "f"), BoundedFile.Failure.unreadable(path: "f", reason: "EIO"),
        BoundedFile.Failure.notRegular(path: "f"), BoundedFile.Failure.tooLarge(path: "f", limit: 1),
        SQLiteError(extendedCode: 5, message: "database is locked", sql: nil),      // SQLITE_BUSY
        SQLiteError(extendedCode: 19, message: "CHECK constraint failed", sql: nil), // SQLITE_CONSTRAINT
        SQLiteError(extendedCode: 13, message: "database or disk is full", sql: nil),
        SQLiteError(extendedCode: 8, message: "attempt to write a readonly database", sql: nil),
        SQLiteError(extendedCode: 10, message: "disk I/O error", sql: nil),
        SQLiteError(extendedCode: 1, message: "SQL logic error", sql: nil),           // unexpected: a bug
        ConnectionError.notADatabase(path: "x"), ConnectionError.foreignDatabase(path: "x", applicationID: 1),
        MigrationError.checksumMismatch(version: 1, name: "x", recorded: "a", expected: "b"),
        MigrationError.databaseTooNew(databaseVersion: 9, knownVersion: 8),
        Connection.TransactionError.nested,
        CSVError(.unclosedQuote, line: 1), CSVError(.io(operation: "read", path: "f", errno: 5)),
        JSONTextError(text: "{"),
        // From the merged issues 21, 22, 23 and 27.
        NoticeRefused(message: "no custody facts to ICE for this person"), NoticeDisabled(),
        DocumentTooLarge(message: "the file is larger than 20 MiB"), DocumentDamaged(documentID: 1),
        Section9131hWarning(personID: 1, standing: .noVSC, known: true),
        LateHonorWarning(detainerID: 1, why: "the hold deadline has already passed"),
        SecondPersonRequired(subject: "detainer 1", act: "honoring against the engine's needsReview"),
        UncertainCommit(cause: SQLiteError(extendedCode: 10, message: "disk I/O error", sql: nil)),
        SecondFactorRefused(message: "that code was already used"),
    ]

    /// The names of error types declared in Sources/ (outside the CLI): every `struct`, `enum`
    /// or `class` whose declaration lists `Error` or `ExitStatusError` among what it conforms to.
    static func declaredErrorTypes() throws -> Set<String> {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources")
        let pattern = try NSRegularExpression(pattern: #"(?m)^\s*(?:public |internal |fileprivate |private |final )*(?:struct|enum|class)\s+(\w+)[^:{\n]*:\s*([^{\n]*)\{"#)
        var names: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift", !url.path.contains("/Sources/DetainerCLI/") else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let name = String(text[Range(match.range(at: 1), in: text)!])
                let conformances = text[Range(match.range(at: 2), in: text)!].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                if conformances.contains("Error") || conformances.contains("ExitStatusError") { names.insert(name) }
            }
        }
        return names
    }

    @Test func everyErrorTypeHasAnExample() throws {
        let declared = try Self.declaredErrorTypes()
        let covered = Set(Self.examples.map { String(describing: type(of: $0)) })
        #expect(declared.count >= 20, "the scan found too few error types: \(declared.sorted())")
        #expect(declared.subtracting(covered).isEmpty, "error types without an example here: \(declared.subtracting(covered).sorted())")
    }

    /// The table: the statuses issue 26 names, and 500 only for a bug.
    @Test func exitStatusesMapOnceToHTTPStatuses() {
        let expected: [(Sysexits.ExitStatus, HTTPResponse.Status)] = [
            (.usage, .badRequest), (.dataError, .unprocessableContent), (.noInput, .notFound), (.cannotCreate, .conflict),
            (.permission, .forbidden), (.unavailable, .serviceUnavailable), (.ioError, .serviceUnavailable),
            (.checkFailed, .conflict), (.software, .internalServerError),
        ]
        for (exit, status) in expected { #expect(ErrorAnswer.status(for: exit) == status, "\(exit)") }
        #expect(ErrorAnswer.status(for: .dataError, refusal: .conflict) == .conflict)
        #expect(ErrorAnswer.status(for: .dataError, refusal: .notFound) == .notFound)
    }

    /// Each example's answer: its own declared HTTP status, or the table's for its exit status;
    /// never 500 unless it declares itself a bug.
    @Test func noKnownErrorIsAnInternalError() {
        for error in Self.examples {
            let problem = Problem(error)
            if let error = error as? any ExitStatusError {
                #expect(problem.status == ErrorAnswer.status(for: error.exitStatus, refusal: error.refusal), "\(error)")
                if error.exitStatus == .software {
                    #expect(problem.status == .internalServerError && !problem.message.contains("SQL"), "\(error)")
                    continue
                }
            }
            #expect(problem.status != .internalServerError, "\(type(of: error)) \(error) answers 500")
        }
        #expect(Problem(DuplicateDetainer(existingID: 4, status: "pendingReview", custodyCaseID: 2)).status == .conflict)
        #expect(Problem(NIOTooManyBytesError(maxBytes: 1)).status == .contentTooLarge)
        #expect(Problem(InputErrors([ValidationIssue(path: "a", message: "b")])).issues.map(\.path) == ["a"])
    }

    /// Through the real router and its middleware, signed in, for an API path and a page path:
    /// the answer every route gives for each example (the error middleware wraps every route).
    @Test func everyExampleAnswersTheSameOnAPIAndPageRoutes() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        let (router, _) = WebApp.router(office: office, options: WebOptions(), logger: .init(label: "test"))
        let examples = Self.examples
        router.get("/api/v1/example-error/{n}") { _, context -> Response in throw examples[try context.parameters.require("n", as: Int.self)] }
        router.get("/example-error/{n}") { _, context -> Response in throw examples[try context.parameters.require("n", as: Int.self)] }
        try await Application(router: router).test(.router) { client in
            let clara = try await client.signIn("clara")
            for (index, error) in examples.enumerated() {
                let expected = Problem(error).status
                let api = try await client.execute(uri: "/api/v1/example-error/\(index)", method: .get, headers: clara.headers)
                #expect(api.status == expected, "\(error) on the API")
                #expect((api.json["error"] as? [String: Any])?["status"] as? Int == Int(expected.code))
                let page = try await client.execute(uri: "/example-error/\(index)", method: .get, headers: clara.headers)
                // A page without a session is sent to sign in; every other answer is the same status.
                #expect(page.status == (expected == .unauthorized ? .seeOther : expected), "\(error) on a page")
            }
        }
    }

    /// Issue 26 §2: a duplicate intake is 409 with the open detainer named, and the API and the
    /// intake form both let the clerk record it with a reason; an oversized body is 413.
    @Test func duplicateIntakeIsAConflictThatAReasonResolves() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let first = try await client.postJSON("/api/v1/detainers", clara, intakeJSON())
            #expect(first.status == .created)
            let id = try #require(first.json["detainerID"] as? Int)
            let again = try await client.postJSON("/api/v1/detainers", clara, intakeJSON())
            #expect(again.status == .conflict)
            #expect(((again.json["error"] as? [String: Any])?["message"] as? String)?.contains("detainer \(id) (pendingReview) is already open") == true)
            // The same document with the consent fields added at its top level.
            let open = String(intakeJSON().trimmingCharacters(in: .whitespacesAndNewlines).dropLast())
            let noReason = try await client.postJSON("/api/v1/detainers", clara, open + #", "allowDuplicate": true}"#)
            #expect(noReason.status == .unprocessableContent)
            #expect(((noReason.json["error"] as? [String: Any])?["issues"] as? [[String: Any]])?.first?["path"] as? String == "duplicateReason")
            let confirmed = try await client.postJSON("/api/v1/detainers", clara,
                                                      open + #", "allowDuplicate": true, "duplicateReason": "ICE re-issued it"}"#)
            #expect(confirmed.status == .created, "\(confirmed.text)")

            let form: [(String, String)] = [("person.name", "Ana Ruiz"), ("person.nysid", "87654321K"), ("custody.agency", "DOC"),
                                            ("custody.bookingNumber", "3411700999"), ("custody.arrestDate", "2026-01-10")]
            #expect(try await client.postForm("/intake", clara, form).status == .seeOther)
            let page = try await client.postForm("/intake", clara, form)
            #expect(page.status == .conflict)
            #expect(page.text.contains("id=\"duplicate\"") && page.text.contains("name=\"duplicateReason\""))
            let blank = try await client.postForm("/intake", clara, form + [("allowDuplicate", "yes"), ("duplicateReason", "")])
            #expect(blank.status == .unprocessableContent && blank.text.contains("id=\"duplicate\""))
            let second = try await client.postForm("/intake", clara, form + [("allowDuplicate", "yes"), ("duplicateReason", "ICE sent a second form")])
            #expect(second.status == .seeOther)

            let huge = String(repeating: "x", count: APIBody.maximumBytes + 10)
            #expect(try await client.postJSON("/api/v1/detainers", clara, huge).status == .contentTooLarge)
            let bigForm = try await client.postForm("/intake", clara, [("person.name", String(repeating: "y", count: FormData.maximumBytes + 10))])
            #expect(bigForm.status == .contentTooLarge)
        }
        #expect(try WebFixture.count(path, "SELECT count(*) FROM detainers") == 4)
        #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log WHERE json_extract(payload, '$.details.duplicateReason') IS NOT NULL") == 2)
    }
}
