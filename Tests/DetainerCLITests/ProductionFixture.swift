import Foundation
import Testing

/// A production database (signed, actors bound to OS accounts) for issue 13's tests. The tests
/// run as one OS account: the first admin is mapped to it; other users are mapped to made-up
/// logins, so they can exist but never act from this account.
struct Production {
    let cli: CLIRunner
    let keyDirectory: String
    var privateKey: String { keyDirectory + "/signing.key" }
    var publicKey: String { keyDirectory + "/signing.pub" }

    init(admin: String = "maria") throws {
        var cli = CLIRunner()
        keyDirectory = cli.directory.path("keys")
        try expectOK(cli.run("keygen", "--out", keyDirectory))
        cli.environment["DETAINER_SIGNING_KEY"] = keyDirectory + "/signing.key"
        self.cli = cli
        try expectOK(cli.run("init", "--signing-key", privateKey, "--admin", admin))
    }

    func auditRows() throws -> Int {
        Int(try cli.sqlite("SELECT count(*) FROM audit_log;").stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }
}
