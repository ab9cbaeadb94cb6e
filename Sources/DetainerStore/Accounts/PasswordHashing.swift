import HummingbirdBcrypt

/// bcrypt hashing and checking of web passwords, in one place for the CLI and the server.
public enum PasswordHashing {
    /// Checks the policy, then hashes. Throws `InputError` on field `password`.
    public static func hash(_ password: String) throws -> String {
        try validate(password)
        return Bcrypt.hash(password, cost: AccountPolicy.bcryptCost)
    }

    public static func verify(_ password: String, hash: String) -> Bool {
        guard password.utf8.count <= AccountPolicy.maximumPasswordBytes, !password.utf8.contains(0) else { return false }
        return Bcrypt.verify(password, hash: hash)
    }

    /// Spends the same time as a real check, so a sign-in for an unknown user or a user without a
    /// password cannot be told apart by timing.
    public static func verifyAgainstDummy(_ password: String) {
        _ = Bcrypt.verify(password, hash: dummyHash)
    }

    private static let dummyHash = Bcrypt.hash("not a password of anyone's", cost: AccountPolicy.bcryptCost)

    public static func validate(_ password: String) throws {
        if password.count < AccountPolicy.minimumPasswordLength {
            throw InputError(field: "password", "must be at least \(AccountPolicy.minimumPasswordLength) characters")
        }
        if password.utf8.count > AccountPolicy.maximumPasswordBytes {
            throw InputError(field: "password", "must be at most \(AccountPolicy.maximumPasswordBytes) bytes (bcrypt ignores the rest)")
        }
        if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw InputError(field: "password", "may not contain control characters")
        }
        if let problem = CommonPasswords.problem(password) {
            throw InputError(field: "password", "\(problem): a guesser tries it first; choose a longer phrase of unrelated words")
        }
    }
}
