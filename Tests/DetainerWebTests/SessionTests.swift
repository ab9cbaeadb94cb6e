import DetainerDomain
import DetainerStore
@testable import DetainerWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLite
import Testing

@Suite struct SessionTests {
    @Test func healthzAnswersOkWithSecurityHeaders() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(response.text == "ok")
            #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            #expect(response.headers[.contentSecurityPolicy]?.contains("unsafe-inline") == false)
            #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
        }
    }

    @Test func signedOutClientsAreSentToSignIn() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let page = try await client.execute(uri: "/queue", method: .get)
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/login?next=/queue")
            let api = try await client.execute(uri: "/api/v1/queue", method: .get)
            #expect(api.status == .unauthorized)
            #expect((api.json["error"] as? [String: Any])?["status"] as? Int == 401)
        }
    }

    @Test func signInSetsAStrictHttpOnlyCookieAndIsAudited() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let wrong = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                 body: ByteBuffer(string: "username=clara&password=wrong+password+here"))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.headers[.setCookie] == nil)
            #expect(wrong.text.contains("do not match"))
            let right = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                 body: ByteBuffer(string: "username=clara&password=correct+horse+battery+staple&next=/intake"))
            #expect(right.status == .seeOther)
            #expect(right.headers[.location] == "/intake")
            let cookie = try #require(right.headers[.setCookie])
            #expect(cookie.hasPrefix("detainer_session="))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(!cookie.contains("Secure"))
        }
        // Issue 23 §4: the failure stays out of the signed chain (the server's log has it); the success is in it.
        #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log WHERE action LIKE 'auth.signin%' AND actor_name = 'clara'") == 1)
        #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log WHERE action = 'auth.signin' AND actor_name = 'clara'") == 1)
        // Only a hash of the session token is stored.
        #expect(try WebFixture.count(path, "SELECT count(*) FROM web_sessions WHERE length(token_hash) = 64") == 1)
    }

    @Test func secureCookiesBehindTLS() async throws {
        let (directory, office, _) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office, secureCookies: true).test(.router) { client in
            let response = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                    body: ByteBuffer(string: "username=clara&password=correct+horse+battery+staple"))
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.hasPrefix("__Host-detainer_session="))
            #expect(cookie.contains("Secure"))
            #expect(response.headers[.strictTransportSecurity] != nil)
        }
    }

    /// Issue 23 §4: no lockout; a guessing address waits longer and longer, and a refused attempt
    /// checks no password and writes nothing. (The clock is pinned: the wait never runs out here.)
    @Test func failuresSlowTheAddressWithoutLockingTheAccount() async throws {
        let (directory, fixture, path) = try WebFixture.office()
        fixture.close()
        let office = try Office(path: path, clock: .fixed(UTCInstant(parsing: "2026-03-02T15:00:00Z")!), signer: WebFixture.signer)
        defer { _ = directory; office.close() }
        @Sendable func login(_ name: String, _ password: String) -> ByteBuffer { ByteBuffer(string: #"{"username": "\#(name)", "password": "\#(password)"}"#) }
        try await WebFixture.application(office).test(.router) { client in
            for _ in 1...AccountPolicy.freeFailuresPerAddress {
                let response = try await client.execute(uri: "/api/v1/login", method: .post, headers: [.contentType: "application/json"],
                                                        body: login("sam", "not the password"))
                #expect(response.status == .unauthorized)
            }
            let unknown = try await client.execute(uri: "/api/v1/login", method: .post, headers: [.contentType: "application/json"],
                                                   body: login("nobody.here", "whatever it is"))
            #expect(unknown.status == .tooManyRequests)   // the address waits, whatever the name
            let waiting = try await client.execute(uri: "/api/v1/login", method: .post, headers: [.contentType: "application/json"],
                                                   body: login("sam", "correct horse battery staple"))
            #expect(waiting.status == .tooManyRequests)
            #expect(waiting.headers[.retryAfter] == "1")
            #expect(((waiting.json["error"] as? [String: Any])?["message"] as? String)?.contains("nothing was checked") == true)
            #expect(waiting.headers[.setCookie] == nil)
        }
        // Three counted failures (in the throttle and the server's log, not the signed chain), and no lock on the account.
        #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log WHERE action LIKE 'auth.signin%'") == 0)
        #expect(try WebFixture.count(path, "SELECT count(*) FROM user_credentials WHERE locked_until IS NOT NULL") == 0)
    }

    @Test func signInsForUnknownNamesStayOutOfTheSignedChain() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        let before = try WebFixture.count(path, "SELECT count(*) FROM audit_log")
        try await WebFixture.application(office).test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/login", method: .post, headers: [.contentType: "application/json"],
                                                    body: ByteBuffer(string: #"{"username": "no.such.user", "password": "a guess of some length"}"#))
            #expect(response.status == .unauthorized)
        }
        #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log") == before)
    }

    @Test func signOutEndsTheSession() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let out = try await client.postForm("/logout", clara, [])
            #expect(out.status == .seeOther)
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            let after = try await client.execute(uri: "/api/v1/queue", method: .get, headers: clara.headers)
            #expect(after.status == .unauthorized)
        }
        #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log WHERE action = 'auth.signout'") == 1)
    }

    @Test func idleSessionsExpire() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            #expect(try await client.execute(uri: "/api/v1/queue", method: .get, headers: clara.headers).status == .ok)
            // Sixteen minutes without a request.
            let db = try DetainerDatabase.open(path: path, access: .write)
            try db.connection.run("UPDATE web_sessions SET last_seen_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-16 minutes')")
            try db.close()
            // A GET is refused and writes nothing (issue 23 §4); the next POST records the end.
            let rows = try WebFixture.count(path, "SELECT count(*) FROM audit_log")
            #expect(try await client.execute(uri: "/api/v1/queue", method: .get, headers: clara.headers).status == .unauthorized)
            #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log") == rows)
            #expect(try await client.postForm("/logout", clara, []).status == .seeOther)
        }
        #expect(try WebFixture.count(path, "SELECT count(*) FROM web_sessions WHERE end_reason = 'idle'") == 1)
    }

    /// Issue 23 §4: however busy, a session older than the absolute lifetime ends.
    @Test func busySessionsStillEndAtTheirAbsoluteLifetime() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let db = try DetainerDatabase.open(path: path, access: .write)
            try db.connection.run("UPDATE web_sessions SET created_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-13 hours')")   // active a moment ago
            try db.close()
            #expect(try await client.execute(uri: "/api/v1/queue", method: .get, headers: clara.headers).status == .unauthorized)
            #expect(try await client.postJSON("/api/v1/detainers", clara, intakeJSON()).status == .unauthorized)
        }
        #expect(try WebFixture.count(path, "SELECT count(*) FROM web_sessions WHERE end_reason = 'expired'") == 1)
        #expect(try WebFixture.count(path, "SELECT count(*) FROM audit_log WHERE action = 'auth.session_end' AND payload ->> '$.details.reason' = 'expired'") == 1)
    }

    @Test func deactivatingAUserEndsTheirSessionsAtOnce() async throws {
        let (directory, office, path) = try WebFixture.office()
        defer { _ = directory; office.close() }
        try await WebFixture.application(office).test(.router) { client in
            let clara = try await client.signIn("clara")
            let db = try DetainerDatabase.open(path: path, access: .write, signer: WebFixture.signer)
            _ = try db.accounts.deactivateUser(name: "clara", by: try db.accounts.authorize("maria", for: .manageUsers))
            try db.close()
            #expect(try await client.execute(uri: "/api/v1/queue", method: .get, headers: clara.headers).status == .unauthorized)
        }
        #expect(try WebFixture.count(path, "SELECT count(*) FROM web_sessions WHERE end_reason = 'deactivated'") == 1)
    }
}
