import DetainerStore
import Dispatch

/// The order of a sign-in: read the account (read connection), check the password with bcrypt
/// on a worker thread (a quarter second of CPU that must not hold the writer or the async
/// pool), then record the outcome in one audited write, which also decides the lockout.
enum SignIn {
    static func attempt(office: Office, name: String, password: String) async throws -> SignInResult {
        let candidate = try await office.read { try $0.signInCandidate(name: name) }
        let lockedNow = candidate?.lockedUntil.map { $0.secondsSinceEpoch > office.clock.now().secondsSinceEpoch } ?? false
        let matched: Bool = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                if let hash = candidate?.passwordHash, !lockedNow {
                    continuation.resume(returning: PasswordHashing.verify(password, hash: hash))
                } else {
                    PasswordHashing.verifyAgainstDummy(password)
                    continuation.resume(returning: false)
                }
            }
        }
        return try await office.write { try $0.recordSignIn(candidate: candidate, passwordMatched: matched) }
    }

    /// Checks a password against the signed-in user's own (for a password change).
    static func verify(office: Office, name: String, password: String) async throws -> Bool {
        let candidate = try await office.read { try $0.signInCandidate(name: name) }
        guard let hash = candidate?.passwordHash else { return false }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: PasswordHashing.verify(password, hash: hash)) }
        }
    }
}
