import DetainerStore
@testable import DetainerWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 23 §4 on the web: a supervisor without a second factor (production) may only enrol
/// one; enrolment shows a QR code and the secret once, the app's code confirms it and ten
/// recovery codes are shown once; afterwards sign-in needs a code. GETs write nothing.
@Suite struct SecondFactorWebTests {
    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        ByteBuffer(string: fields.map { "\(FormEncoding.encode($0.0))=\(FormEncoding.encode($0.1))" }.joined(separator: "&"))
    }

    static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test func aSupervisorEnrolsBeforeAnythingElseAndThenSignsInWithACode() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await office.write { db in
            let maria = try db.accounts.authorize("maria", for: .manageUsers)
            try db.accounts.addUser(name: "nina", role: .supervisor, by: maria)
            try db.accounts.setPassword(userName: "nina", password: WebFixture.password, by: maria)
        }
        try await WebFixture.application(office).test(.router) { client in
            let login = try await client.execute(uri: "/login", method: .post, headers: Self.formHeaders,
                                                 body: Self.form([("username", "nina"), ("password", WebFixture.password), ("next", "/intake")]))
            #expect(login.status == .seeOther && login.headers[.location] == SecondFactorRoutes.page)
            let cookie = String(try #require(login.headers[.setCookie]).split(separator: ";")[0])
            let session = try await client.execute(uri: "/api/v1/session", method: .get, headers: [.cookie: cookie])
            let csrf = try #require(session.json["csrfToken"] as? String)
            // Nothing else is reachable until a factor is enrolled.
            let queue = try await client.execute(uri: "/queue", method: .get, headers: [.cookie: cookie])
            #expect(queue.status == .seeOther && queue.headers[.location] == SecondFactorRoutes.page)
            let api = try await client.execute(uri: "/api/v1/queue", method: .get, headers: [.cookie: cookie])
            #expect(api.status == .forbidden)
            // The page is a GET: it writes nothing.
            let before = try WebFixture.count(path, "SELECT count(*) FROM audit_log")
            let overview = try await client.execute(uri: SecondFactorRoutes.page, method: .get, headers: [.cookie: cookie])
            #expect(overview.status == .ok && overview.text.contains("Set up an authenticator app"))
            #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log") == before)
            var headers = Self.formHeaders
            headers[.cookie] = cookie
            let begun = try await client.execute(uri: SecondFactorRoutes.begin, method: .post, headers: headers,
                                                 body: Self.form([("csrf_token", csrf)]))
            #expect(begun.status == .ok)
            #expect(begun.text.contains("<svg") && begun.text.contains("class=\"qr-code\""))
            let secret = try #require(begun.text.firstMatch(of: /id="totp-secret">([A-Z2-7]+)</)?.1)
            #expect(begun.text.contains("otpauth://totp/detainer:nina?secret=\(secret)&amp;"))
            let totp = TOTP(secret: try #require(Base32.decode(String(secret))))
            let wrong = try await client.execute(uri: SecondFactorRoutes.confirm, method: .post, headers: headers,
                                                 body: Self.form([("csrf_token", csrf), ("code", "12345")]))
            #expect(wrong.status == .unprocessableContent)
            let code = totp.code(at: Clock.system.now().secondsSinceEpoch)
            let confirmed = try await client.execute(uri: SecondFactorRoutes.confirm, method: .post, headers: headers,
                                                     body: Self.form([("csrf_token", csrf), ("code", code)]))
            #expect(confirmed.status == .ok)
            let codes = confirmed.text.matches(of: /<li><code>([A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4})<\/code><\/li>/).map { String($0.1) }
            #expect(codes.count == 10)
            #expect(try await client.execute(uri: "/queue", method: .get, headers: [.cookie: cookie]).status == .ok)
            // From now on the password alone is refused; a recovery code works once.
            let alone = try await client.execute(uri: "/login", method: .post, headers: Self.formHeaders,
                                                 body: Self.form([("username", "nina"), ("password", WebFixture.password)]))
            #expect(alone.status == .unauthorized && alone.text.contains("one-time code"))
            let recovered = try await client.execute(uri: "/api/v1/login", method: .post, headers: [.contentType: "application/json"],
                                                     body: ByteBuffer(string: #"{"username": "nina", "password": "\#(WebFixture.password)", "code": "\#(codes[0])"}"#))
            #expect(recovered.status == .ok && recovered.json["secondFactorEnrolmentRequired"] as? Bool == false)
        }
        // The secret and the codes are in the database only as the secret (the server computes
        // codes) and hashes; every step is fingerprinted, and the check passes.
        #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log WHERE action IN ('user.totp.begin', 'user.totp.confirm') AND actor_name = 'nina'") == 2)
        #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log WHERE payload LIKE '%recovery_codes%' AND action = 'user.totp.confirm' AND actor_name = 'nina'") == 1)
        let db = try DetainerDatabase.open(path: path, access: .read)
        defer { try? db.close() }
        let report = try db.integrity.healthCheck()
        #expect(report.ok, "\(report.items.filter { !$0.ok }.map { "\($0.name): \($0.problems)" })")
    }

    /// Issue 23 §4: a timed-out session presented on a GET is refused without a write.
    @Test func getRequestsWriteNoAuditRows() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let audrey = try await client.signIn("audrey")
            let before = try WebFixture.count(path, "SELECT count(*) FROM audit_log")
            for uri in ["/queue", "/reports", "/reports/monthly.csv", "/reports/monthly.json", "/reports/annual.csv?agency=DOC&year=2026",
                        "/reports/annual.json?agency=DOC&year=2026", "/reports/annual.html?agency=DOC&year=2026", "/api/v1/reports/monthly",
                        "/api/v1/reports/annual?agency=DOC&year=2026", "/audit", "/account", SecondFactorRoutes.page] {
                let response = try await client.execute(uri: uri, method: .get, headers: audrey.headers)
                #expect(response.status == .ok, "\(uri): \(response.status)")
            }
            #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log") == before)
        }
    }
}
