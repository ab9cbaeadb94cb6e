import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Issue 23 §3 end to end: `review` and `status` turn an act for two people into a proposal;
/// `proposal approve` by a second supervisor makes it; `show` and `queue` name both people.
@Suite struct FourEyesCLITests {
    @Test func anOverrideTowardsICETakesTwoSupervisors() throws {
        let office = try Office()
        try expectOK(office.cli.run("user", "add", "tess", "--role", "supervisor", "--user", "admin"))
        let id = try office.intake(["--warrant", "judicial", "--warrant-issuer", "Hon. J", "--tsdb-match", "unknown"])
        let proposed = try office.cli.run("review", "\(id)", "--decide", "honor", "--reason", "ICE reports a TSDB match", "--confirm-no-search", "--user", "sam")
        try expectOK(proposed)
        #expect(proposed.stdout.contains("needs a second person") && proposed.stdout.contains("proposal approve 1"), "\(proposed.stdout)")
        #expect(try office.status(of: id) == "pendingReview")
        let queue = try office.cli.run("queue")
        #expect(queue.stdout.contains("Awaiting a second person") && queue.stdout.contains("sam"), "\(queue.stdout)")

        let own = try office.cli.run("proposal", "approve", "1", "--user", "sam")
        #expect(own.status == 77 && own.stderr.contains("second person"), "\(own)")
        let clerk = try office.cli.run("proposal", "approve", "1", "--user", "clara")
        #expect(clerk.status == 77, "\(clerk)")
        #expect(try office.status(of: id) == "pendingReview")

        let approved = try office.cli.run("proposal", "approve", "1", "--note", "Checked the notice", "--user", "tess")
        try expectOK(approved)
        #expect(approved.stdout.contains("APPROVED by tess (proposed by sam)"), "\(approved.stdout)")
        #expect(try office.status(of: id) == "honored")
        let show = try office.cli.run("show", "\(id)")
        #expect(show.stdout.contains("SECOND-PERSON APPROVALS") && show.stdout.contains("by sam: ICE reports a TSDB match")
                && show.stdout.contains("approved") && show.stdout.contains("by tess: Checked the notice"), "\(show.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(try office.cli.run("show", "\(id)", "--format", "json").stdout.utf8)) as? [String: Any]
        let proposals = try #require(json?["proposals"] as? [[String: Any]])
        #expect(proposals.first?["proposedBy"] as? String == "sam" && proposals.first?["decidedBy"] as? String == "tess")
        try expectOK(office.cli.run("check"))
    }

    @Test func erasingATransferredDetainerWaitsForASupervisor() throws {
        let office = try Office()
        let id = try office.intake(["--warrant", "judicial", "--warrant-issuer", "Hon. J", "--tsdb-match", "yes"])
        try expectOK(office.cli.run("review", "\(id)", "--approve", "--confirm-no-search", "--user", "sam"))
        try expectOK(office.cli.run("status", "\(id)", "--to", "transferred", "--note", "ICE took custody", "--user", "clara"))
        let proposed = try office.cli.run("status", "\(id)", "--to", "enteredInError", "--note", "wrong person", "--user", "clara", "--format", "json")
        try expectOK(proposed)
        let proposal = try JSONSerialization.jsonObject(with: Data(proposed.stdout.utf8)) as? [String: Any]
        #expect(proposal?["state"] as? String == "pending" && proposal?["kind"] as? String == "status")
        #expect(try office.status(of: id) == "transferred")
        try expectOK(office.cli.run("proposal", "approve", "1", "--user", "sam"))
        #expect(try office.status(of: id) == "enteredInError")
        let rejectAgain = try office.cli.run("proposal", "reject", "1", "--note", "too late", "--user", "sam")
        #expect(rejectAgain.status == 65 && rejectAgain.stderr.contains("already approved"), "\(rejectAgain)")
        try expectOK(office.cli.run("check"))
    }
}

/// Issue 23 §2: every audit row records how its actor was authenticated.
@Suite struct AuthenticationRecordTests {
    @Test func eachWriteRecordsTheOSAccountThatMadeIt() throws {
        let office = try Office()
        _ = try office.intake()
        let row = try office.cli.sqlite("SELECT payload ->> '$.auth.channel', payload ->> '$.auth.uid', payload ->> '$.auth.pid', payload ->> '$.auth.identity' FROM audit_log WHERE action = 'detainer.intake';")
        let fields = row.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").map(String.init)
        #expect(fields.count == 4 && fields[0] == "cli" && fields[1] == String(getuid()) && Int(fields[2]) != nil, "\(row.stdout)")
        #expect(fields.last == "declared name (training)")
        let prod = try Production()
        try expectOK(prod.cli.run("user", "add", "clara", "--role", "clerk", "--user", "maria"))
        let identity = try prod.cli.sqlite("SELECT payload ->> '$.auth.identity' FROM audit_log WHERE action = 'user.add';")
        #expect(identity.stdout.contains("bound to the OS account"), "\(identity.stdout)")
    }
}

/// Issue 24 §4: ICE lodges a new detainer with the warrant; it is linked to the one it replaces.
@Suite struct DetainerLinkTests {
    @Test func aNewDetainerWithTheWarrantReplacesTheLateOne() throws {
        let office = try Office()
        let old = try office.intake(["--booking", "3411700001", "--tsdb-match", "yes"], nysid: "12345678K")   // no warrant: declined
        try expectOK(office.cli.run("review", "\(old)", "--approve", "--confirm-no-search", "--user", "sam"))
        let new = try office.intake(["--booking", "3411700002", "--warrant", "judicial", "--warrant-issuer", "Hon. E (S.D.N.Y.)", "--tsdb-match", "yes"],
                                    nysid: "12345678K")
        let other = try office.intake(["--booking", "3411700003"], name: "Ana Pérez", nysid: "87654321B")
        let wrongPerson = try office.cli.run("link", "\(other)", "--supersedes", "\(old)", "--reason", "x", "--user", "clara")
        #expect(wrongPerson.status == 65 && wrongPerson.stderr.contains("same person"), "\(wrongPerson)")
        let backwards = try office.cli.run("link", "\(old)", "--supersedes", "\(new)", "--reason", "x", "--user", "clara")
        #expect(backwards.status == 65, "\(backwards)")
        let linked = try office.cli.run("link", "\(new)", "--supersedes", "\(old)", "--reason", "ICE re-lodged with the judicial warrant", "--user", "clara")
        try expectOK(linked)
        #expect(linked.stdout.contains("Detainer \(new) now replaces detainer \(old)"))
        #expect(try office.cli.run("show", "\(new)").stdout.contains("Replaces detainer: \(old)"))
        let again = try office.cli.run("link", "\(new)", "--supersedes", "\(old)", "--reason", "again", "--user", "clara")
        #expect(again.status == 65 && again.stderr.contains("never changed"), "\(again)")
        #expect(try office.cli.run("link", "\(new)", "--supersedes", "\(old)", "--reason", "x", "--user", "audrey").status == 77)
        try expectOK(office.cli.run("check"))
    }
}
