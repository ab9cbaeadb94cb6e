import DetainerDomain
import DetainerStore
@testable import DetainerWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SQLite
import Synchronization
import TestSupport

/// A database with one user of each role, every one with the password `WebFixture.password`,
/// made once per test process (bcrypt at cost 12 is slow on purpose) and copied for each test.
enum WebFixture {
    static let password = "correct horse battery staple"
    static let users: [(String, Role)] = [("maria", .admin), ("clara", .clerk), ("sam", .supervisor), ("audrey", .auditor)]

    private static let templateDirectory = TemporaryDirectory()
    /// The server's signing key: the template is a production database, as a served one is.
    static let signer = SigningKey.generate()
    private static let template: Result<String, any Error> = Result {
        let path = templateDirectory.path("template.db")
        // Made at a time before every test's (pinned or real): a TOTP code is used once and a
        // later step only, so the enrolment's step must precede any test's sign-in.
        let db = try DetainerDatabase.open(path: path, access: .create, clock: .fixed(templateTime), signer: signer)
        try db.migrate()
        try db.integrity.establish(mode: .production, publicKey: signer.publicKey)
        let admin = try db.accounts.bootstrapAdmin(name: "maria").user.actor
        for (name, role) in users where name != "maria" { try db.accounts.addUser(name: name, role: role, by: admin) }
        for (name, _) in users { try db.accounts.setPassword(userName: name, password: password, by: admin) }
        // Issue 23 §4: supervisors and admins sign in with a second factor on production. Each
        // enrols with a code of the step before now, so every test's copy accepts the codes of
        // its own time (a code is used once).
        for (name, role) in users where AccountPolicy.requiresSecondFactor(role, mode: .production) {
            let actor = try db.accounts.authorize(name, for: .report)
            let enrolment = try db.accounts.beginTOTPEnrolment(by: actor)
            let totp = TOTP(secret: Base32.decode(enrolment.secret)!)
            let codes = try db.accounts.confirmTOTPEnrolment(code: totp.code(at: db.clock.now().secondsSinceEpoch - totp.stepSeconds), session: nil, by: actor)
            totpSecrets.withLock { $0[name] = enrolment.secret }
            recoveryCodes.withLock { $0[name] = codes }
        }
        try db.close()
        return path
    }
    /// When the template was made: before every date a web test pins its office to.
    static let templateTime = UTCInstant(parsing: "2026-01-01T12:00:00Z")!
    /// Their recovery codes (unused in every fresh copy of the template).
    static let recoveryCodes = Mutex<[String: [String]]>([:])
    /// Which recovery code the next fallback sign-in uses: each copy has all ten unused, and a
    /// test falls back rarely, so a process-wide turn never meets a code spent in the same copy.
    static let recoveryTurn = Mutex(0)

    /// A recovery code of `name`'s, for a sign-in whose authenticator code came too late.
    static func recoveryCode(for name: String) -> String? {
        guard let codes = recoveryCodes.withLock({ $0[name] }), !codes.isEmpty else { return nil }
        return codes[recoveryTurn.withLock { turn in defer { turn += 1 }; return turn } % codes.count]
    }
    /// The authenticator secrets of the template's supervisors and admins.
    static let totpSecrets = Mutex<[String: String]>([:])

    /// The code an authenticator app would show now for `name`, or nil for a user without one.
    /// `at`: the office's clock, for an office pinned to another day than today.
    static func code(for name: String, at clock: Clock = .system) -> String? {
        _ = try? template.get()
        guard let secret = totpSecrets.withLock({ $0[name] }), let bytes = Base32.decode(secret) else { return nil }
        return TOTP(secret: bytes).code(at: clock.now().secondsSinceEpoch)
    }

    /// A fresh copy of the template in its own directory, and the server's office on it.
    static func office() throws -> (TemporaryDirectory, Office, String) {
        let directory = TemporaryDirectory()
        let path = directory.path("office.db")
        try FileManager.default.copyItem(atPath: try template.get(), toPath: path)
        return (directory, try Office(path: path, signer: signer), path)
    }

    static func application(_ office: Office, secureCookies: Bool = false) -> some ApplicationProtocol {
        var logger = Logger(label: "detainer.test")
        logger.logLevel = .warning
        return WebApp.application(office: office, options: WebOptions(secureCookies: secureCookies), logger: logger)
    }

    /// Counts rows with a separate read-only connection, as another process would see them.
    static func count(_ path: String, _ sql: String) throws -> Int {
        let db = try DetainerDatabase.open(path: path, access: .read)
        defer { try? db.close() }
        return Int(try db.connection.scalarInt(sql) ?? -1)
    }
}

/// A signed-in client: the session cookie and the CSRF token.
struct Credentials {
    let cookie: String
    let csrf: String

    var headers: HTTPFields { [.cookie: cookie] }

    func json(csrf withToken: Bool = true) -> HTTPFields {
        var fields: HTTPFields = [.cookie: cookie, .contentType: "application/json"]
        if withToken { fields[HTTPField.Name("X-CSRF-Token")!] = csrf }
        return fields
    }

    var form: HTTPFields { [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"] }
}

extension TestClientProtocol {
    /// Signs in through the form, as a browser does, and reads the CSRF token from the API.
    func signIn(_ name: String, password: String = WebFixture.password, clock: Clock = .system) async throws -> Credentials {
        func attempt(_ code: String?) async throws -> TestResponse {
            try await execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                              body: ByteBuffer(string: "username=\(name)&password=\(password.replacingOccurrences(of: " ", with: "+"))\(code.map { "&code=\($0)" } ?? "")"))
        }
        var response = try await attempt(WebFixture.code(for: name, at: clock))
        // The authenticator code is computed here and checked when the request reaches the
        // handler; on a machine loaded enough to delay that past the code's 30-second window,
        // sign in as a person would then: with a recovery code (time plays no part).
        if response.status == .unauthorized, let recovery = WebFixture.recoveryCode(for: name) {
            response = try await attempt(recovery)
        }
        guard response.status == .seeOther, let setCookie = response.headers[.setCookie] else {
            throw FixtureError("sign-in of \(name) failed: \(response.status)")
        }
        let cookie = String(setCookie.split(separator: ";")[0])
        let session = try await execute(uri: "/api/v1/session", method: .get, headers: [.cookie: cookie])
        guard let object = try JSONSerialization.jsonObject(with: Data(session.body.readableBytesView)) as? [String: Any],
              let csrf = object["csrfToken"] as? String else { throw FixtureError("no csrf token") }
        return Credentials(cookie: cookie, csrf: csrf)
    }

    func postForm(_ uri: String, _ credentials: Credentials, _ fields: [(String, String)], csrf: Bool = true) async throws -> TestResponse {
        var all = fields
        if csrf { all.append(("csrf_token", credentials.csrf)) }
        let body = all.map { "\(FormEncoding.encode($0.0))=\(FormEncoding.encode($0.1))" }.joined(separator: "&")
        return try await execute(uri: uri, method: .post, headers: credentials.form, body: ByteBuffer(string: body))
    }

    func postJSON(_ uri: String, _ credentials: Credentials, _ json: String, csrf: Bool = true) async throws -> TestResponse {
        try await execute(uri: uri, method: .post, headers: credentials.json(csrf: csrf), body: ByteBuffer(string: json))
    }
}

enum FormEncoding {
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.append(Character(UnicodeScalar(byte)))
            default: out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }
}

/// A detainer the intake API accepts; `name` is the person's.
func intakeJSON(name: String = "José Nuñez", nysid: String = "12345678K", warrant: String = "judicial") -> String {
    """
    {"person": {"name": \(jsonString(name)), "dateOfBirth": "1985-02-03", "nysid": "\(nysid)"},
     "custody": {"agency": "DOC", "bookingNumber": "3411700123", "arrestDate": "2026-01-10", "scheduledReleaseAt": "2030-01-01T15:00:00Z"},
     "detainer": {"receivedAt": "2026-01-12T15:00:00Z", "warrant": {"type": "\(warrant)", "issuer": "Hon. A. Judge (E.D.N.Y.)", "date": "2026-01-11"},
                  "terroristScreeningMatch": false, "illegalReentryAfterRemoval": false}}
    """
}

func jsonString(_ text: String) -> String {
    String(decoding: try! JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast().description
}
