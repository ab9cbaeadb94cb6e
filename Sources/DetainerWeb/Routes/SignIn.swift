import DetainerStore
import Dispatch
import Logging

/// The order of a sign-in: ask the throttle (no password check at all while an address or an
/// account must wait), read the account (read connection), check the password with bcrypt on a
/// worker thread (a quarter second of CPU that must not hold the writer or the async pool), then
/// record the outcome in one audited write and tell the throttle.
enum SignIn {
    static func attempt(office: Office, name: String, password: String, secondFactor: String? = nil, address: String?,
                        logger: Logger) async throws -> SignInResult {
        let arrived = office.clock.now()
        let now = arrived.secondsSinceEpoch
        if let wait = office.signInThrottle.wait(name: name, address: address, now: now) {
            logger.notice("sign-in throttled", metadata: ["address": .string(address ?? "?"), "retryAfter": .stringConvertible(wait)])
            return .throttled(retryAfterSeconds: wait)
        }
        let candidate = try await office.read { try $0.accounts.signInCandidate(name: name) }
        let matched: Bool = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                if let hash = candidate?.passwordHash {
                    continuation.resume(returning: PasswordHashing.verify(password, hash: hash))
                } else {
                    PasswordHashing.verifyAgainstDummy(password)
                    continuation.resume(returning: false)
                }
            }
        }
        let result = try await office.write {
            try $0.accounts.recordSignIn(candidate: candidate, passwordMatched: matched, secondFactor: secondFactor, presentedAt: arrived)
        }
        var succeeded = false
        if case .signedIn = result { succeeded = true }
        office.signInThrottle.record(name: name, address: address, succeeded: succeeded, now: now)
        // A failed attempt is not in the signed audit chain (issue 23 §4); the server's log keeps
        // it, without the name typed (people type passwords into the name field).
        if candidate == nil {
            logger.notice("sign-in refused: unknown user name", metadata: ["address": .string(address ?? "?")])
        } else if !succeeded, let user = candidate?.user {
            logger.notice("sign-in refused", metadata: ["user": .stringConvertible(user.id), "address": .string(address ?? "?")])
        }
        return result
    }

    /// Checks a password against the signed-in user's own (for a password change), counted by
    /// the same throttle as sign-ins: nil when the caller must wait first.
    static func verify(office: Office, name: String, password: String, address: String?) async throws -> Bool? {
        let now = office.clock.now().secondsSinceEpoch
        if office.signInThrottle.wait(name: name, address: address, now: now) != nil { return nil }
        let candidate = try await office.read { try $0.accounts.signInCandidate(name: name) }
        guard let hash = candidate?.passwordHash else { return false }
        let matched = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: PasswordHashing.verify(password, hash: hash)) }
        }
        office.signInThrottle.record(name: name, address: address, succeeded: matched, now: now)
        return matched
    }
}
