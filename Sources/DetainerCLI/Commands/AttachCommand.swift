import ArgumentParser
import DetainerDomain
import DetainerStore

extension DocumentKind: CaseInsensitiveArgument {}

struct AttachCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "attach",
        abstract: "Keep a document with a detainer: the I-247A, an I-200 or I-205, a judicial warrant, the criminal-history search, a counsel letter.",
        discussion: """
            Accepted: PDF, PNG, JPEG and TIFF, recognised by their contents, not their name (an executable named \
            .pdf is refused); up to 20 MiB per file and 100 MiB per detainer. The document is stored inside the \
            database with its SHA-256, which goes into the signed audit trail; `detainer check` re-hashes every \
            document. A document attached in error is withdrawn (`detainer document withdraw`), never deleted.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The detainer id.") var id: String
    @Argument(help: ArgumentHelp("The file to attach.", valueName: "file"), completion: .file()) var file: String
    @Option(help: "What it is: i247a, i200, i205, judicialWarrant, criminalHistory, counselLetter or other.") var kind: DocumentKind
    @Option(help: "A note about it (up to 2,000 characters).") var note: String?
    @OptionGroup var output: WriteOutputOptions

    func execute() throws {
        let detainerID = try IDArgument.parse(id)
        let bytes = try DocumentFile.read(file)
        let db = try database.open(.write)
        let user = try actor.resolve(in: db, for: .attachDocuments)
        let document = try DocumentService(db).attach(
            detainerID: detainerID, AttachRequest(bytes: bytes, kind: kind, note: note, fileName: file), source: file, by: user)
        if output.format == .json {
            Terminal.out(JSONKeys.camelCasingKeys(document.json).prettySerialized)
            return
        }
        Terminal.out("Document \(document.id) attached to detainer \(detainerID): \(document.kind.label), \(document.type.label), \(document.size) bytes, SHA-256 \(document.sha256).")
    }
}

/// Reads a file to attach without ever holding more than the limit: the size is checked on the
/// open descriptor before a byte is read (a 200 MiB file is refused at once), and a file that
/// grows while being read is cut off at the limit and refused.
enum DocumentFile {
    static func read(_ path: String) throws -> [UInt8] {
        let limit = DocumentPolicy.maximumFileBytes
        do {
            return try ClientFiles.read(path, limit: limit)
        } catch BoundedFile.Failure.tooLarge {
            let size = (PeerSession.current == nil ? FileStatus.size(path) : nil).map { DocumentPolicy.megabytes($0) } ?? "larger than the limit"
            throw CLIError(.dataError, "\(path) is \(size); the limit is \(DocumentPolicy.megabytes(Int64(limit))) per file; nothing was stored")
        }
    }
}
