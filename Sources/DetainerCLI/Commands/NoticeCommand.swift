import ArgumentParser
import DetainerDomain
import DetainerStore

extension PersonNotice.Language: CaseInsensitiveArgument {}

struct NoticeCommand: DetainerSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Print a notice about a detainer: to the person (optional, TRUTH-Act style) or to ICE.",
        discussion: """
            --to person: that ICE asked the city to hold the person or to tell it about their release, whether the \
            city will comply, and that it will not hold anyone past release unless the law's conditions are met; in \
            English or Spanish (--language es). Off unless the office turns it on (`detainer notice setting on`, admin). \
            --to ice: the city's answer with the custody facts ICE asks about (incarceration status, release date, \
            facility) — refused (exit 65, saying why) for a person Admin. Code §9-131(h) protects: no judgment for a \
            violent or serious crime in the latest evaluation and no terrorist screening database match.
            """)

    enum Recipient: String, CaseInsensitiveArgument { case person, ice }

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The detainer id, or `setting` to turn the notice to the person on or off.") var id: String
    @Argument(help: "With `setting`: on or off.") var value: String?
    @OptionGroup var actor: ActorOptions
    @Option(help: "person or ice.") var to: Recipient?
    @Option(help: "For --to person: en or es.") var language: PersonNotice.Language = .en

    func execute() throws {
        if id == "setting" {
            guard let value, ["on", "off"].contains(value.lowercased()) else {
                throw CLIError(.usage, "notice setting: say on or off (`detainer notice setting on`)")
            }
            let db = try database.open(.write)
            let user = try actor.resolve(in: db, for: .manageUsers)
            try db.paperwork.setPersonNotice(value.lowercased() == "on", by: user)
            Terminal.out("The notice to the person is now \(value.lowercased()) for this office.")
            return
        }
        if value != nil { throw CLIError(.usage, "notice: unexpected argument \"\(value ?? "")\"") }
        guard let to else { throw CLIError(.usage, "notice: say who it is for with --to person or --to ice") }
        let detainerID = try IDArgument.parse(id)
        let db = try database.open(.read)
        switch to {
        case .person:
            let text = try db.paperwork.personNotice(detainerID: detainerID, language: language)
            Terminal.out(text.title)
            Terminal.out("")
            for paragraph in text.paragraphs { Terminal.out(paragraph); Terminal.out("") }
        case .ice:
            let notice = try db.paperwork.iceNotice(detainerID: detainerID)
            Terminal.out("To: U.S. Immigration and Customs Enforcement — detainer #\(notice.detainerID)")
            Terminal.out(notice.answer)
            for (label, value) in notice.custodyFacts { Terminal.out("\(label): \(value)") }
            Terminal.out("Given under Admin. Code §9-131(h)(1)(i): \(notice.ground).")
        }
    }
}
