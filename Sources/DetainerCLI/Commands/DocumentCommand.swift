import ArgumentParser
import DetainerDomain
import DetainerStore
import Sysexits

struct DocumentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract: "The documents kept with detainers: list them, save one to a file, withdraw one attached in error.",
        subcommands: [DocumentListCommand.self, DocumentGetCommand.self, DocumentWithdrawCommand.self])
}

struct DocumentListCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The documents of a detainer, withdrawn ones included.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The detainer id.") var id: String
    @OptionGroup var output: OutputOptions

    func execute() throws {
        let detainerID = try IDArgument.parse(id)
        let db = try database.open(.read)
        _ = try db.queries.detail(detainerID: detainerID)  // NotFound for a detainer that does not exist
        let documents = try db.queries.documents(detainerID: detainerID)
        var set = RecordSet(columns: ["id", "kind", "media_type", "size", "sha256", "attached_at", "attached_by", "withdrawn_at", "withdrawn_by", "withdrawn_reason", "note"])
        for d in documents {
            set.append([.int(d.id), .string(d.kind.rawValue), .string(d.type.mediaType), .int(d.size), .string(d.sha256),
                        .string(d.attachedAt.iso8601), .string(d.attachedBy), .optional(d.withdrawnAt?.iso8601), .optional(d.withdrawnBy),
                        .optional(d.withdrawnReason), .optional(d.note)])
        }
        try RecordPrinter.print(set, as: output.format)
    }
}

struct DocumentGetCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Save a document's bytes to a new file (created exclusively, mode 0600).",
        discussion: "The bytes are checked against the SHA-256 recorded when the document was attached before they are written.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The document id (see `detainer show` or `detainer document list`).") var id: String
    @Option(help: ArgumentHelp("The file to create; it must not exist (unless --force).", valueName: "file")) var out: String
    @Flag(help: "Replace --out if it exists.") var force = false

    func execute() throws {
        let documentID = try IDArgument.parse(id)
        let db = try database.open(.read)
        let (summary, bytes) = try DocumentService(db).content(documentID: documentID)
        try SafeOutput.write(out, bytes, force: force, database: db.path)
        Terminal.err("Document \(summary.id) (\(summary.kind.label), \(summary.type.label), \(summary.size) bytes, SHA-256 \(summary.sha256)) written to \(out).")
    }
}

struct DocumentWithdrawCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Mark a document as attached in error. It is never deleted: it stays stored, listed and in the history.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The document id.") var id: String
    @Option(help: "Why it is withdrawn (required).") var reason: String
    @OptionGroup var output: WriteOutputOptions

    func execute() throws {
        let documentID = try IDArgument.parse(id)
        let db = try database.open(.write)
        let user = try actor.resolve(in: db, for: .attachDocuments)
        let document = try DocumentService(db).withdraw(documentID: documentID, reason: reason, by: user)
        if output.format == .json {
            Terminal.out(JSONKeys.camelCasingKeys(document.json).prettySerialized)
            return
        }
        Terminal.out("Document \(document.id) on detainer \(document.detainerID) withdrawn; it stays on record.")
    }
}
