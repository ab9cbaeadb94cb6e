import DetainerDomain

/// One entry of a detainer's timeline: a status change, an evaluation (with its checks), a
/// review, a contact with ICE or a correction of an intake field, in the order they happened.
/// Shared by `detainer show` and the web's detainer page, so both tell the same story.
public struct TimelineEvent: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case contact, status, evaluation, review, correction
    }

    /// UTC ISO 8601 as stored.
    public let at: String
    public let kind: Kind
    /// The headline, e.g. `status pendingReview → honored — ICE took custody`.
    public let summary: String
    public let actor: String
    /// For evaluations: one line per check (`[pass] message (citation)`).
    public let details: [String]
    /// Ties at the same instant: a detainer's first status, contact, evaluation, review, then the
    /// status change they led to (a review before the transfer it allowed), then corrections.
    let order: Int
}

extension DetainerDetail {
    public var timeline: [TimelineEvent] {
        func text(_ object: [String: JSONValue], _ key: String) -> String { object[key]?.cellText ?? "" }
        var events: [TimelineEvent] = []
        for s in statusEvents {
            let from = text(s, "from_status"), to = text(s, "to_status")
            var line = from.isEmpty ? "status → \(to)" : "status \(from) → \(to)"
            if s["after_deadline"] == .int(1) { line += to == "transferred" ? "  (AFTER the hold deadline)" : "  (AFTER the hold deadline, no transfer)" }
            if !text(s, "note").isEmpty { line += "  — \(text(s, "note"))" }
            line += TimelineText.recordedLater(occurred: text(s, "occurred_at"), recorded: text(s, "recorded_at"))
            events.append(TimelineEvent(at: text(s, "occurred_at"), kind: .status, summary: line, actor: text(s, "actor"), details: [],
                                        order: from.isEmpty ? -1 : 3))
        }
        for e in evaluations {
            var checks: [String] = []
            if case .object(let result)? = e["result_json"], case .array(let list)? = result["checks"] {
                for case .object(let check) in list {
                    let mark = switch check["result"]?.cellText { case "pass": "pass"; case "fail": "FAIL"; default: " ?? " }
                    checks.append("[\(mark)] \(check["message"]?.cellText ?? "") (\(check["citation"]?.cellText ?? ""))")
                }
            }
            let outcome = Outcome(rawValue: text(e, "outcome"))?.plainLabel ?? text(e, "outcome")
            let summary = "evaluation #\(text(e, "sequence")) (\(text(e, "trigger"))): \(outcome) under \(text(e, "rule_version")), as of \(text(e, "evaluated_on"))"
            events.append(TimelineEvent(at: text(e, "evaluated_at"), kind: .evaluation, summary: summary, actor: text(e, "actor"), details: checks, order: 1))
        }
        for r in reviews {
            let reason = text(r, "reason")
            events.append(TimelineEvent(at: text(r, "reviewed_at"), kind: .review,
                                        summary: "review: \(text(r, "action")) → \(text(r, "decision").uppercased())\(reason.isEmpty ? "" : " — \(reason)")",
                                        actor: text(r, "actor"), details: [], order: 2))
        }
        for c in contacts {
            let info = text(c, "info_type")
            events.append(TimelineEvent(at: text(c, "occurred_at"), kind: .contact,
                                        summary: "contact \(text(c, "id")) \(text(c, "direction") == "in" ? "from" : "to") ICE: \(text(c, "kind"))\(info.isEmpty ? "" : " (\(info))") — \(text(c, "summary"))",
                                        actor: text(c, "actor"), details: [], order: 0))
        }
        for c in corrections {
            events.append(TimelineEvent(at: text(c, "corrected_at"), kind: .correction,
                                        summary: "correction: \(text(c, "field")) \(TimelineText.change(c)) — \(text(c, "reason"))",
                                        actor: text(c, "actor"), details: [], order: 4))
        }
        // Sorted by instant (stored text compares as time only when both parse), then tie order.
        func instant(_ text: String) -> Int64 { UTCInstant(parsing: text)?.secondsSinceEpoch ?? Int64.max }
        return events.sorted { (instant($0.at), $0.order) < (instant($1.at), $1.order) }
    }
}

/// How the timeline and "what changed" show corrected values and late records.
public enum TimelineText {
    /// A corrected value: instants in New York time, absent values as "(none)".
    public static func value(_ text: String?, _ field: IntakeField) -> String {
        guard let text else { return "(none)" }
        if field == .scheduledReleaseAt || field == .receivedAt, let instant = UTCInstant(parsing: text) {
            return instant.newYorkText
        }
        return text
    }

    /// "old → new" for one stored correction row.
    public static func change(_ c: [String: JSONValue]) -> String {
        let field = IntakeField(rawValue: c["field"]?.cellText ?? "") ?? .name
        func value(_ key: String) -> String {
            if case .string(let raw)? = c[key] { return Self.value(raw, field) }
            return Self.value(nil, field)
        }
        return "\(value("old_value")) → \(value("new_value"))"
    }

    /// "  (recorded later: …)" when an event was entered well after it happened, so a release
    /// shown before the review that was entered first is visibly a late record, not a reordering.
    public static func recordedLater(occurred: String, recorded: String) -> String {
        guard let occurred = UTCInstant(parsing: occurred), let recorded = UTCInstant(parsing: recorded),
              recorded.secondsSinceEpoch - occurred.secondsSinceEpoch > 300 else { return "" }
        return "  (recorded later: \(recorded.newYorkText))"
    }
}
