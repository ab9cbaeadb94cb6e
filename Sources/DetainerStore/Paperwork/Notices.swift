import DetainerDomain
import SQLite
import Sysexits

/// What the tool refuses to print (issue 21 §2): a notice to ICE carrying custody facts for a
/// person §9-131(h) protects. Exit 65; on the web 422. The message says why.
public struct NoticeRefused: Error, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// The optional notice to the person is off until an office turns it on.
public struct NoticeDisabled: Error, Equatable, CustomStringConvertible {
    public var description: String {
        "the notice to the person is turned off for this office; an admin turns it on with `detainer notice setting on`"
    }
}

/// A notice to ICE that the tool may print: the city's answer to the detainer and, only where
/// §9-131(h) allows it, the custody facts ICE asks about.
public struct IceNotice: Sendable {
    public let detainerID: Int64
    public let answer: String
    /// Present only when `CustodyFactsRule` allows them, with the ground.
    public let custodyFacts: [(label: String, value: String)]
    public let ground: String
}

extension Paperwork {
    static let personNoticeKey = "person_notice"

    /// Whether the office gives the person the notice (off unless turned on).
    public func personNoticeEnabled() throws -> Bool {
        try connection.scalarText("SELECT value FROM settings WHERE key = ?", Self.personNoticeKey) == "on"
    }

    /// Turns the notice to the person on or off (admins; audited).
    public func setPersonNotice(_ on: Bool, by actor: Actor) throws {
        try audited(actor: actor, action: "settings.person_notice", entity: "settings") { context in
            let before = try context.db.scalarText("SELECT value FROM settings WHERE key = ?", Self.personNoticeKey) ?? "off"
            try context.db.run("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                               Self.personNoticeKey, on ? "on" : "off")
            context.touchIdentity("settings", .text(Self.personNoticeKey))
            context.details = ["personNotice": .string(on ? "on" : "off"), "before": .string(before)]
        }
    }

    /// §9-131(h)'s question for this detainer, from its record and latest evaluation.
    public func custodyFactsAnswer(_ detail: DetainerDetail) -> CustodyFactsRule.Answer {
        var inWindow = 0, outside = 0
        if let latest = detail.evaluations.last, case .object(let result) = latest.record.resultJSON.value,
           case .array(let list)? = result["qualifyingConvictions"] {
            for case .object(let q) in list {
                if q["withinWindow"] == .bool(false) { outside += 1 } else { inWindow += 1 }
            }
        }
        return CustodyFactsRule.answer(.init(tsdbMatch: detail.detainer.tsdbMatch, evaluated: !detail.evaluations.isEmpty,
                                             judgmentsInWindow: inWindow, judgmentsOutsideWindow: outside))
    }

    /// The notice to ICE, or `NoticeRefused` naming why custody facts may not go to ICE.
    public func iceNotice(detainerID: Int64) throws -> IceNotice {
        let detail = try store.queries.detail(detainerID: detainerID)
        let id = detainerID
        switch custodyFactsAnswer(detail) {
        case .refused(let why):
            throw NoticeRefused(message: "refusing to print a notice to ICE for detainer \(id): it would carry custody facts (release date, court date, incarceration status) that \(CustodyFactsRule.citation) forbids giving ICE here, because \(why). Nothing was printed")
        case .allowed(let ground):
            let d = detail.detainer
            let answer = switch d.decision {
            case .honor?: "The City will honor this detainer as the law allows."
            case .decline?: "The City declines this detainer."
            case nil: "The City has not yet decided on this detainer."
            }
            var facts: [(label: String, value: String)] = [("Incarceration status", d.status.isOpen ? "in custody" : d.status.rawValue)]
            if let release = detail.custodyCase?.scheduledReleaseAt { facts.append(("Scheduled release", release.newYorkText)) }
            if let facility = detail.custodyCase?.facility { facts.append(("Facility", facility)) }
            return IceNotice(detainerID: id, answer: answer, custodyFacts: facts, ground: ground)
        }
    }

    /// The notice to the person, when the office gives it.
    public func personNotice(detainerID: Int64, language: PersonNotice.Language) throws -> PersonNotice.Text {
        guard try personNoticeEnabled() else { throw NoticeDisabled() }
        let detail = try store.queries.detail(detainerID: detainerID)
        let d = detail.detainer
        guard let person = detail.person, let agency = d.agency else {
            throw InputError(field: "id", "detainer \(detainerID) has no person or agency on record (an imported ICE record); there is nobody to give a notice to")
        }
        let stand: PersonNotice.Stand = switch (d.decision, d.status) {
        case (.decline?, _), (_, .lifted), (_, .declined): .willNotComply
        case (.honor?, _): .willComply
        default: .undecided
        }
        return PersonNotice.text(.init(personName: person.name ?? "", receivedOn: d.receivedOn, agency: agency, stand: stand), in: language)
    }
}

extension NoticeRefused: ExitStatusError { public var exitStatus: ExitStatus { .dataError } }
extension NoticeDisabled: ExitStatusError { public var exitStatus: ExitStatus { .dataError } }
