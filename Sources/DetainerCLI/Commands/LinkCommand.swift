import ArgumentParser
import DetainerStore

/// `detainer link NEW --supersedes OLD --reason TEXT` (issue 24 §4).
struct LinkCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Record that a new detainer replaces an earlier one (ICE lodged it again, with the warrant).",
        discussion: """
            A judicial warrant presented after a DOC or Probation detainer does not make that detainer \
            honorable: the law wants it with the detainer. When ICE lodges a new detainer with the warrant, log \
            it with `intake` (it is evaluated on its own paperwork), then link it to the one it replaces. Both \
            must be about the same person and agency, the replaced one the earlier; a link is never changed.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The new detainer's id.") var id: String
    @Option(help: ArgumentHelp("The earlier detainer it replaces.", valueName: "id")) var supersedes: String
    @Option(help: "Why (required), e.g. \"ICE re-lodged with the judicial warrant of 2026-03-08\".") var reason: String
    @OptionGroup var output: WriteOutputOptions

    func execute() throws {
        let detainerID = try IDArgument.parse(id)
        let oldID = try IDArgument.parse(supersedes, field: "--supersedes")
        let db = try database.open(.write)
        let clerk = try actor.resolve(in: db, for: .intake)
        let link = try IntakeService(db).link(detainerID: detainerID, supersedes: oldID, reason: reason, by: clerk)
        output.print(text: "Detainer \(link.detainerID) now replaces detainer \(link.supersedesID).", json: link.json)
    }
}
