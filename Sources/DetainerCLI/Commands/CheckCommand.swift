import ArgumentParser
import DetainerStore
import Sysexits

struct CheckCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify the database: file integrity, references, migrations, append-only guards and the audit trail.",
        discussion: "Exits 0 only when every check holds, 1 otherwise. Opens the file read-only.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("public-key"), help: ArgumentHelp(
        "Also verify every signature against this public key, held outside the database (signing.pub).", valueName: "file"))
    var publicKey: String?

    @Option(help: ArgumentHelp("Prove the history still contains the head recorded in this checkpoint (written by `backup`).", valueName: "file"))
    var checkpoint: String?

    func execute() throws {
        // Files the person names are read with their permissions (through the client on the socket).
        let external = try publicKey.map { try PublicSigningKey.load(path: $0, contents: try ClientFiles.read($0, limit: 4096)) }
        let mark = try checkpoint.map { try Checkpoint.load(path: $0, contents: try ClientFiles.read($0, limit: 4096)) }
        let db = try database.open(.inspect)
        let report = try db.integrity.healthCheck(externalKey: external, checkpoint: mark)
        switch output.format {
        case .json:
            let items: [JSONValue] = report.items.map {
                ["name": .string($0.name), "ok": .bool($0.ok), "summary": .string($0.summary),
                 "problems": .array($0.problems.map(JSONValue.string))]
            }
            Terminal.out(JSONValue.object(["ok": .bool(report.ok), "database": .string(db.path),
                                           "training": .bool((try? db.integrity.mode()) == .training), "checks": .array(items)]).prettySerialized)
        case .csv:
            var set = RecordSet(columns: ["check", "ok", "summary"])
            for item in report.items { set.append([.string(item.name), .string(item.ok ? "ok" : "FAIL"), .string(item.summary)]) }
            try RecordPrinter.print(set, as: .csv)
        case .table:
            for item in report.items {
                Terminal.out("\(item.ok ? "ok  " : "FAIL")  \(item.name.padding(toLength: 17, withPad: " ", startingAt: 0)) \(item.summary)")
                for problem in item.problems { Terminal.out("        - \(problem)") }
            }
            Terminal.out(report.ok ? "\(db.path): all checks passed." : "\(db.path): CHECK FAILED.")
        }
        if !report.ok { throw ExitCode(ExitStatus.checkFailed.rawValue) }
    }
}
