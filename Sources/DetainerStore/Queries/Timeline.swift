import DetainerDomain

/// One entry of a detainer's timeline: a status change, an evaluation (with its checks), a
/// review or a contact with ICE, in the order they happened. Shared by `detainer show` and the
/// web's detainer page, so both tell the same story.
public struct TimelineEvent: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case contact, status, evaluation, review, facts
    }

    /// UTC ISO 8601 as stored.
    public let at: String
    public let kind: Kind
    /// The headline, e.g. `status pendingReview → honored — ICE took custody`.
    public let summary: String
    public let actor: String
    /// For evaluations: one line per check (`[pass] message (citation)`).
    public let details: [String]
    /// Ties at the same instant: contact, status, evaluation, review (the order they are written).
    let order: Int
}

extension DetainerDetail {
    public var timeline: [TimelineEvent] {
        func text(_ object: [String: JSONValue], _ key: String) -> String { object[key]?.cellText ?? "" }
        var events: [TimelineEvent] = []
        for s in statusEvents {
            let from = text(s, "from_status")
            var line = from.isEmpty ? "status → \(text(s, "to_status"))" : "status \(from) → \(text(s, "to_status"))"
            if s["after_deadline"] == .int(1) { line += "  (AFTER the hold deadline, no transfer)" }
            if !text(s, "note").isEmpty { line += "  — \(text(s, "note"))" }
            events.append(TimelineEvent(at: text(s, "occurred_at"), kind: .status, summary: line, actor: text(s, "actor"), details: [], order: 1))
        }
        for e in evaluations {
            var checks: [String] = []
            if case .object(let result)? = e["result_json"], case .array(let list)? = result["checks"] {
                for case .object(let check) in list {
                    let mark = switch check["result"]?.cellText { case "pass": "pass"; case "fail": "FAIL"; default: " ?? " }
                    checks.append("[\(mark)] \(check["message"]?.cellText ?? "") (\(check["citation"]?.cellText ?? ""))")
                }
            }
            let summary = "evaluation #\(text(e, "sequence")) (\(text(e, "trigger"))): \(text(e, "outcome").uppercased()) under \(text(e, "rule_version")), as of \(text(e, "evaluated_on"))"
            events.append(TimelineEvent(at: text(e, "evaluated_at"), kind: .evaluation, summary: summary, actor: text(e, "actor"), details: checks, order: 2))
        }
        for r in reviews {
            let reason = text(r, "reason")
            events.append(TimelineEvent(at: text(r, "reviewed_at"), kind: .review,
                                        summary: "review: \(text(r, "action")) → \(text(r, "decision").uppercased())\(reason.isEmpty ? "" : " — \(reason)")",
                                        actor: text(r, "actor"), details: [], order: 3))
        }
        for c in contacts {
            let info = text(c, "info_type")
            events.append(TimelineEvent(at: text(c, "occurred_at"), kind: .contact,
                                        summary: "contact \(text(c, "id")) \(text(c, "direction") == "in" ? "from" : "to") ICE: \(text(c, "kind"))\(info.isEmpty ? "" : " (\(info))") — \(text(c, "summary"))",
                                        actor: text(c, "actor"), details: [], order: 0))
        }
        return events.sorted { ($0.at, $0.order) < ($1.at, $1.order) }
    }
}

extension DetainerDatabase {
    /// Corrections of a detainer's facts after intake (`detainer update`), with the note and the
    /// values they replaced, from the audit log: the timeline's entries for them.
    public func factCorrections(detainerID: Int64) throws -> [TimelineEvent] {
        let statement = try connection.prepare("""
            SELECT at, actor_name, json_extract(payload, '$.details') FROM audit_log
            WHERE entity = 'detainer' AND entity_id = ? AND action = 'detainer.facts' ORDER BY id
            """)
        try statement.bind(detainerID, at: 1)
        return try statement.map { row in
            var summary = "facts corrected"
            var details: [String] = []
            if case .object(let object)? = row.string(2).flatMap(JSONValue.init(parsing:)) {
                if let note = object["note"]?.cellText, !note.isEmpty { summary += " — \(note)" }
                if let outcome = object["outcome"]?.cellText { summary += "; re-evaluated: \(outcome.uppercased())" }
                if case .object(let before)? = object["before"] {
                    details = before.keys.sorted().map { "before: \($0) = \(before[$0]?.cellText.isEmpty == false ? before[$0]!.cellText : "unknown")" }
                }
            }
            return TimelineEvent(at: row.string(0) ?? "", kind: .facts, summary: summary, actor: row.string(1) ?? "", details: details, order: 2)
        }
    }
}

extension DetainerDetail {
    /// The timeline with other entries (fact corrections) merged in time order.
    public func timeline(adding extra: [TimelineEvent]) -> [TimelineEvent] {
        (timeline + extra).sorted { ($0.at, $0.order) < ($1.at, $1.order) }
    }
}
