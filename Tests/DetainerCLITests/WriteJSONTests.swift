import Foundation
import Testing

/// Issue 11 §7: every command that writes speaks `--format json` for scripts: one object, keys in
/// camelCase, ids as `…ID`.
@Suite struct WriteJSONTests {
    private func object(_ result: CLIResult, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        try expectOK(result, sourceLocation: sourceLocation)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], sourceLocation: sourceLocation)
    }

    @Test func convictionChargeAndContactAnswerInJSON() throws {
        let office = try Office()
        let id = try office.intake(["--warrant", "judicial", "--warrant-issuer", "Hon. A. Judge"], nysid: "12345678K")
        let conviction = try object(office.cli.run("conviction", "add", "12345678K", "--statute", "PL 120.05", "--convicted-on", "2022-03-02",
                                                   "--sentenced-on", "2022-04-01", "--felony-class", "D", "--user", "clara", "--format", "json"))
        let convictionID = try #require(conviction["convictionID"] as? Int)
        let reevaluations = try #require(conviction["reevaluations"] as? [[String: Any]])
        #expect(reevaluations.first?["detainerID"] as? Int == Int(id))
        #expect(reevaluations.first?["outcome"] as? String != nil)
        let updated = try object(office.cli.run("conviction", "update", "\(convictionID)", "--felony-class", "C", "--user", "clara", "--format", "json"))
        #expect(updated["convictionID"] as? Int == convictionID)
        let charge = try object(office.cli.run("charge", "add", "12345678K", "--statute", "PL 155.30", "--user", "clara", "--format", "json"))
        #expect(charge["chargeID"] as? Int != nil)
        let contact = try object(office.cli.run("contact", "\(id)", "--direction", "in", "--kind", "other", "--summary", "called",
                                                "--user", "clara", "--format", "json"))
        #expect(contact["contactID"] as? Int != nil)
        #expect(contact["detainerID"] as? Int == Int(id))
        // Text stays the default.
        #expect(try office.cli.run("charge", "add", "12345678K", "--statute", "PL 155.25", "--user", "clara").stdout.hasPrefix("Pending charge"))
    }

    @Test func initAndBackupAnswerInJSON() throws {
        let cli = CLIRunner()
        let created = try object(cli.run("init", "--training", "--admin", "admin", "--format", "json"))
        #expect(created["created"] as? Bool == true)
        #expect(created["mode"] as? String == "training")
        #expect((created["admin"] as? [String: Any])?["name"] as? String == "admin")
        let backup = try object(cli.run("backup", cli.directory.path("copy.db"), "--format", "json"))
        #expect(backup["integrity"] as? String == "ok")
        #expect((backup["pages"] as? Int ?? 0) > 0)
        #expect(backup["checkpoint"] as? String == cli.directory.path("copy.db") + ".checkpoint")
    }
}
