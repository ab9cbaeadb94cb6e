import DetainerDomain
import SQLite

/// Issue 24 §4: a judicial warrant presented after a DOC or Probation detainer does not make that
/// detainer honorable; ICE may lodge a new detainer with the warrant. The new detainer is its own
/// intake, evaluated on its own paperwork; this links it to the one it replaces, so the record
/// shows the pair and nobody reads the late warrant into the old one.
public struct DetainerLink: Sendable, Equatable {
    public let detainerID: Int64
    public let supersedesID: Int64

    public var json: JSONValue { ["detainerID": .int(detainerID), "supersedes": .int(supersedesID)] }
}

extension IntakeService {
    public func link(detainerID: Int64, supersedes oldID: Int64, reason: String?, by actor: Actor) throws -> DetainerLink {
        var v = FieldValidator()
        let reason = v.text(reason, "reason", maxLength: FieldLimits.note, required: true, allowNewlines: true)
        try v.finish()
        return try store.audited(actor: actor, action: "detainer.link", entity: "detainer") { context in
            context.entityID = detainerID
            let db = context.db
            guard detainerID != oldID else { throw InputError(field: "supersedes", "a detainer cannot replace itself") }
            let statement = try db.prepare("SELECT person_id, agency, received_at, supersedes_id, origin FROM detainers WHERE id = ?")
            func row(_ id: Int64) throws -> (person: Int64?, agency: String?, received: String, supersedes: Int64?, origin: String) {
                statement.reset()
                try statement.bind(id, at: 1)
                guard let found = try statement.first({ ($0.optionalInt64(0), $0.string(1), $0.string(2) ?? "", $0.optionalInt64(3), $0.string(4) ?? "") }) else {
                    throw NotFound(entity: "detainer", key: String(id))
                }
                return found
            }
            let new = try row(detainerID), old = try row(oldID)
            guard new.origin == "intake", old.origin == "intake" else {
                throw InputError(field: "supersedes", "only detainers logged at intake can be linked")
            }
            if let linked = new.supersedes {
                throw InputError(field: "supersedes", "detainer \(detainerID) already replaces detainer \(linked); a link is never changed")
            }
            if let other = try db.scalarInt("SELECT id FROM detainers WHERE supersedes_id = ?", oldID) {
                throw InputError(field: "supersedes", "detainer \(oldID) is already replaced by detainer \(other)")
            }
            guard let person = new.person, person == old.person else {
                throw InputError(field: "supersedes", "detainers \(detainerID) and \(oldID) are not about the same person on record")
            }
            guard new.agency == old.agency else {
                throw InputError(field: "supersedes", "detainer \(oldID) was lodged with \(old.agency ?? "?"), detainer \(detainerID) with \(new.agency ?? "?")")
            }
            guard oldID < detainerID, old.received <= new.received else {
                throw InputError(field: "supersedes", "the detainer replaced must be the earlier one: detainer \(oldID) was received after detainer \(detainerID)")
            }
            try DetainerRecord.update(id: detainerID, set: ["supersedes_id": oldID], in: context)
            context.details = ["supersedes": .int(oldID), "reason": .string(reason ?? "")]
            return DetainerLink(detainerID: detainerID, supersedesID: oldID)
        }
    }
}
