import Foundation
import Testing
import TestSupport

/// Issue 21 with the built binary: `attach` refuses disguised and oversized files (65, nothing
/// stored), `document get` writes 0600 files exclusively, `check` names a document whose bytes
/// were changed with the sqlite3 shell, `record` prints the decision record, `export
/// --documents` writes the files with a manifest, and `notice --to ice` refuses where §9-131(h)
/// protects the person.
@Suite struct PaperworkCommandTests {
    static let pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

    func write(_ office: Office, _ name: String, _ bytes: [UInt8]) throws -> String {
        let path = office.cli.directory.path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func documentCount(_ office: Office) throws -> String {
        try office.cli.sqlite("SELECT count(*) FROM documents;").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func disguisedAndOversizedFilesAreRefusedWithNothingStored() throws {
        let office = try Office()
        let id = try office.intake()
        let elf = try write(office, "warrant.pdf", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 64))
        let exe = try office.cli.run("attach", String(id), elf, "--kind", "i247a", "--user", "clara")
        #expect(exe.status == 65 && exe.stderr.contains("executable") && exe.stderr.contains("nothing was stored"), "\(exe)")
        let html = try write(office, "scan.png", Array("<!DOCTYPE html><html><body>hi</body></html>".utf8))
        let page = try office.cli.run("attach", String(id), html, "--kind", "other", "--user", "clara")
        #expect(page.status == 65 && page.stderr.contains("HTML"), "\(page)")
        // 200 MiB, sparse: refused by its size before it is read.
        let huge = office.cli.directory.path("huge.pdf")
        #expect(FileManager.default.createFile(atPath: huge, contents: Data(Self.pdf.utf8)))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: huge))
        try handle.truncate(atOffset: 200 * 1024 * 1024)
        try handle.close()
        let big = try office.cli.run("attach", String(id), huge, "--kind", "other", "--user", "clara")
        #expect(big.status == 65 && big.stderr.contains("200 MiB") && big.stderr.contains("20 MiB per file"), "\(big)")
        let auditor = try office.cli.run("attach", String(id), try write(office, "ok.pdf", Array(Self.pdf.utf8)), "--kind", "i247a", "--user", "audrey")
        #expect(auditor.status == 77)
        #expect(try documentCount(office) == "0")
        #expect(try office.cli.sqlite("SELECT count(*) FROM audit_log WHERE action LIKE 'document.%';").stdout.hasPrefix("0"))
    }

    @Test func attachShowGetWithdrawAndCheckNamesTamperedBytes() throws {
        let office = try Office()
        let id = try office.intake()
        let file = try write(office, "i247a.pdf", Array(Self.pdf.utf8))
        let attached = try office.cli.run("attach", String(id), file, "--kind", "I247A", "--note", "as faxed", "--user", "clara", "--format", "json")
        try expectOK(attached)
        #expect(attached.stdout.contains("\"sha256\"") && attached.stdout.contains("\"attachedBy\" : \"clara\"") || attached.stdout.contains("\"attachedBy\": \"clara\""))
        let show = try office.cli.run("show", String(id))
        #expect(show.stdout.contains("DOCUMENTS (1") && show.stdout.contains("by clara") && show.stdout.contains("SHA-256 "))

        let out = office.cli.directory.path("copy.pdf")
        try expectOK(office.cli.run("document", "get", "1", "--out", out))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(Self.pdf.utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let again = try office.cli.run("document", "get", "1", "--out", out)
        #expect(again.status == 73)

        try expectOK(office.cli.run("check"))
        // Bytes changed behind the tool's back (trigger dropped and restored): check names it.
        let trigger = try office.cli.sqlite("SELECT sql FROM sqlite_schema WHERE name = 'documents_withdraw_only';").stdout
        try expectOK(office.cli.sqlite("DROP TRIGGER documents_withdraw_only; UPDATE documents SET content = CAST(replace(CAST(content AS TEXT), 'Catalog', 'Catalox') AS BLOB) WHERE id = 1; \(trigger);"))
        let check = try office.cli.run("check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("document 1 (detainer \(id), i247a") && check.stdout.contains("bytes were changed"), "\(check.stdout)")
        let damaged = try office.cli.run("document", "get", "1", "--out", office.cli.directory.path("damaged.pdf"))
        #expect(damaged.status == 65 && !FileManager.default.fileExists(atPath: office.cli.directory.path("damaged.pdf")))
    }

    @Test func withdrawKeepsTheDocumentAndTheRecordAndExportCarryIt() throws {
        let office = try Office()
        let id = try office.intake()
        try expectOK(office.cli.run("attach", String(id), try write(office, "a.pdf", Array(Self.pdf.utf8)), "--kind", "i200", "--user", "clara"))
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 7, count: 32)
        try expectOK(office.cli.run("attach", String(id), try write(office, "b.png", png), "--kind", "criminalHistory", "--user", "clara"))
        let noReason = try office.cli.run("document", "withdraw", "1", "--reason", " ", "--user", "clara")
        #expect(noReason.status == 65)
        try expectOK(office.cli.run("document", "withdraw", "1", "--reason", "wrong detainer", "--user", "clara"))
        let list = try office.cli.run("document", "list", String(id), "--format", "csv")
        #expect(list.stdout.contains("wrong detainer") && list.stdout.split(separator: "\n").count == 3)

        let text = try office.cli.run("record", String(id), "--format", "text")
        try expectOK(text)
        for part in ["DECISION RECORD", "THE LAW'S TESTS", "ENGINE'S OUTCOME", "HOLD DEADLINE", "WITHDRAWN", "audit head: row"] {
            #expect(text.stdout.contains(part), "record lacks \(part)")
        }
        let html = try office.cli.run("record", String(id), "--format", "html")
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>") && html.stdout.contains("@media print") && !html.stdout.contains("/assets/"))

        let folder = office.cli.directory.path("docs")
        try expectOK(office.cli.run("export", "--user", "audrey", "--output", office.cli.directory.path("all.csv"), "--documents", folder))
        let manifest = try String(contentsOfFile: folder + "/manifest.csv", encoding: .utf8)
        #expect(manifest.hasPrefix("file,document_id,detainer_id,kind,media_type,size,sha256"))
        #expect(manifest.contains("document-2-criminalHistory.png") && manifest.contains("wrong detainer"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/document-2-criminalHistory.png")) == Data(png))
        let key = office.cli.directory.path("p.key")
        try expectOK(office.cli.run("keygen", "--pseudonym-key", key))
        let pseudo = try office.cli.run("export", "--user", "audrey", "--pseudonymize", "--key-file", key, "--documents", office.cli.directory.path("d2"))
        #expect(pseudo.status == 64 && !FileManager.default.fileExists(atPath: office.cli.directory.path("d2")))
        try expectOK(office.cli.run("check"))
    }

    @Test func noticesToThePersonAndToICE() throws {
        let office = try Office()
        let id = try office.intake(["--warrant", "administrative", "--tsdb-match", "no"])
        let ice = try office.cli.run("notice", String(id), "--to", "ice")
        #expect(ice.status == 65 && ice.stderr.contains("§9-131(h)") && ice.stdout.isEmpty, "\(ice)")
        let off = try office.cli.run("notice", String(id), "--to", "person")
        #expect(off.status == 65 && off.stderr.contains("turned off"))
        let clerk = try office.cli.run("notice", "setting", "on", "--user", "clara")
        #expect(clerk.status == 77)
        try expectOK(office.cli.run("notice", "setting", "on", "--user", "admin"))
        let spanish = try office.cli.run("notice", String(id), "--to", "person", "--language", "es")
        try expectOK(spanish)
        #expect(spanish.stdout.contains("Aviso") && spanish.stdout.contains("José Nuñez"))
    }
}
