import DetainerStore
import Foundation
import Testing
import TestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Issue 25 §4: the JSON API keeps the contract `Sources/DetainerWeb/openapi.yaml` states.
/// Starts `detainer serve` on a fresh production database with a few detainers, signs a
/// supervisor in over the API, and runs Schemathesis (PyPI `schemathesis`, installed by
/// `.ci/run`) with every check against it: statuses, content types, schemas of the answers,
/// that data the schema forbids is refused and data it allows is accepted, that unknown
/// methods answer 405 with `Allow`, that requests without the session are refused. Bounded
/// (`maxExamples` per operation, a fixed seed) so the run takes well under a minute and a
/// failure can be replayed. A missing schemathesis is a failure, not a skip.
/// In the browser suite (serialized): its servers never start while the browser's do.
extension BrowserEndToEndTests {
    @Test("API contract: Schemathesis, every check, against openapi.yaml on a served test database")
    func apiKeepsItsDocumentedContract() async throws {
        typealias Contract = APIContract
        let probe = try? Subprocess.run("/usr/bin/env", ["schemathesis", "--version"], in: URL(fileURLWithPath: "/"), timeout: 120)
        try #require(probe?.status == 0, "the API contract test needs schemathesis: pip install schemathesis (as .ci/run does)")
        let directory = TemporaryDirectory()
        let db = directory.path("office.db")
        let binary = try BrowserEndToEndTests.binary()
        let keygen = try Subprocess.run(binary, ["keygen", "--out", directory.path("keys")], in: directory.url, timeout: 120)
        try #require(keygen.status == 0, "detainer keygen: \(keygen)")
        let key = directory.path("keys") + "/signing.key"
        func cli(_ arguments: [String], stdin: String? = nil) throws {
            let result = try Subprocess.run(binary, arguments + ["--db", db, "--signing-key", key], in: directory.url,
                                            stdin: stdin.map { Data($0.utf8) }, timeout: 120)
            try #require(result.status == 0, "detainer \(arguments.joined(separator: " ")): \(result)")
        }
        try cli(["init", "--admin", "maria"])
        try cli(["user", "add", "sam", "--role", "supervisor", "--user", "maria"])
        try cli(["user", "passwd", "sam", "--password-stdin", "--user", "maria"], stdin: Contract.password + "\n")

        let server = try await Server.start(binary: binary, db: db, in: directory.url, extra: ["--signing-key", key])
        defer { server.stop() }
        let (cookie, csrf) = try await Contract.signIn(server.url, user: "sam")
        // A supervisor on a production database enrols a second factor before anything else (issue 23 §4).
        try await Contract.enrolSecondFactor(server.url, cookie: cookie, csrf: csrf)
        // Records for the generated ids to find (detainers, persons and convictions 1, 2, 3),
        // logged over the API itself, arrested ten days ago (New York).
        let arrested = Contract.isoDate(Date().addingTimeInterval(-10 * 86_400))
        for (index, name) in ["Ana Example", "Bo Example", "Cy Example"].enumerated() {
            let intake = #"{"person": {"name": "\#(name)"}, "custody": {"agency": "DOC", "bookingNumber": "34117\#(index)0001", "arrestDate": "\#(arrested)"}}"#
            let (status, body) = try await Contract.post(server.url + "/api/v1/detainers", intake, cookie: cookie, csrf: csrf)
            try #require(status == 201, "seeding intake \(index): \(status) \(body)")
            let conviction = #"{"conviction": {"statute": "PL 160.15", "convictedOn": "2019-03-04", "felonyClass": "B"}}"#
            let (added, text) = try await Contract.post(server.url + "/api/v1/detainers/\(index + 1)/convictions", conviction, cookie: cookie, csrf: csrf)
            try #require(added == 201, "seeding a conviction: \(added) \(text)")
        }

        let root = BrowserEndToEndTests.repositoryRoot
        let started = Date()
        let run = try Subprocess.run("/usr/bin/env", [
            "schemathesis", "--config-file", root.appendingPathComponent("Tests/Schemathesis/schemathesis.toml").path,
            "run", root.appendingPathComponent("Sources/DetainerWeb/openapi.yaml").path,
            "--url", server.url, "--checks", "all", "--workers", "1",
            "--max-examples", String(Contract.maxExamples), "--seed", String(Contract.seed),
            "--request-timeout", "30", "--suppress-health-check", "all",
            // Signing out would end the session every later request uses (it is tested in SessionTests).
            "--exclude-path", "/api/v1/logout",
        ], in: directory.url, environment: [
            "NO_COLOR": "1",
            // Read by [auth.openapi.*] in schemathesis.toml: the session cookie's value and the CSRF token.
            "DETAINER_SESSION": String(cookie.drop { $0 != "=" }.dropFirst()), "DETAINER_CSRF": csrf,
        ], timeout: 600)
        let seconds = Date().timeIntervalSince(started)
        let serverStatus = server.stop()
        print("APIContract: schemathesis took \(String(format: "%.1f", seconds)) s")
        #expect(run.status == 0, """
            schemathesis found a difference between the server and openapi.yaml (exit \(run.status), \(String(format: "%.0f", seconds)) s):
            \(run.stdout.suffix(12000))
            \(run.stderr.suffix(3000))
            """)
        #expect(serverStatus == 0, "serve did not exit 0 on SIGTERM: \(server.logTail())")
        let check = try Subprocess.run(binary, ["check", "--db", db], in: directory.url, timeout: 120)
        #expect(check.status == 0, "detainer check after the Schemathesis run: \(check)")
    }

}

/// The Schemathesis run's bounds and the HTTP it needs before it.
enum APIContract {
    static let password = "correct horse battery staple"
    /// Examples per operation and phase: enough to try every field's bounds, small enough
    /// for a 2-core machine (README "API contract test" gives the time it takes).
    static let maxExamples = 8
    static let seed = 20251207

    /// `POST /api/v1/login`: the session cookie (`name=value`) and the CSRF token.
    static func signIn(_ base: String, user: String) async throws -> (String, String) {
        var request = URLRequest(url: URL(string: base + "/api/v1/login")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: ["username": user, "password": password])
        request.timeoutInterval = 120
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        try #require(http.statusCode == 200, "sign-in of \(user): \(http.statusCode) \(String(decoding: data, as: UTF8.self))")
        let setCookie = try #require(http.value(forHTTPHeaderField: "Set-Cookie"), "no Set-Cookie on sign-in")
        let cookie = String(setCookie.split(separator: ";")[0])
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let csrf = try #require(json["csrfToken"] as? String)
        return (cookie, csrf)
    }

    /// The enrolment a supervisor's first session is limited to: start it, read the secret off
    /// the page, confirm with the authenticator's code for now.
    static func enrolSecondFactor(_ base: String, cookie: String, csrf: String) async throws {
        let (began, page) = try await form(base + "/account/second-factor/begin", ["csrf_token": csrf], cookie: cookie)
        try #require(began == 200, "starting the second factor: \(began)")
        let marker = #"id="totp-secret">"#
        let start = try #require(page.range(of: marker), "no secret on the enrolment page")
        let secretText = String(page[start.upperBound...].prefix { $0 != "<" })
        let secret = try #require(Base32.decode(secretText), "the secret \(secretText) is not base32")
        let code = TOTP(secret: secret).code(at: Int64(Date().timeIntervalSince1970))
        let (confirmed, text) = try await form(base + "/account/second-factor/confirm", ["csrf_token": csrf, "code": code], cookie: cookie)
        try #require(confirmed == 200 && text.contains("recovery-codes"), "confirming the second factor: \(confirmed)")
    }

    /// A form POST with the session; the status and the body.
    static func form(_ url: String, _ fields: [String: String], cookie: String) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue(cookie, forHTTPHeaderField: "Cookie")
        let allowed = CharacterSet.alphanumerics
        request.httpBody = Data(fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&").utf8)
        request.timeoutInterval = 120
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// A JSON POST with the session; the status and the body.
    static func post(_ url: String, _ json: String, cookie: String, csrf: String) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(cookie, forHTTPHeaderField: "Cookie")
        request.setValue(csrf, forHTTPHeaderField: "X-CSRF-Token")
        request.httpBody = Data(json.utf8)
        request.timeoutInterval = 120
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    static func isoDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "America/New_York")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
