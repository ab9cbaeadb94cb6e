import DetainerDomain

/// One entry of a detainer's timeline: a status change, an evaluation (with its checks), a
/// review, a contact with ICE or a correction of an intake field, in the order they happened.
/// Shared by `detainer show` and the web's detainer page, so both tell the same story.
public struct TimelineEvent: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case contact, status, evaluation, review, correction, document
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

/// The words a timeline uses for stored values. The CLI keeps the stored names (`pendingReview`),
/// which scripts and the docs use; the web passes the office's words (`Pending review`).
public struct TimelineWords: Sendable {
    public var status: @Sendable (DetainerStatus) -> String
    public var contactKind: @Sendable (ContactKind) -> String
    public var informationType: @Sendable (InformationType) -> String

    public init(status: @escaping @Sendable (DetainerStatus) -> String,
                contactKind: @escaping @Sendable (ContactKind) -> String,
                informationType: @escaping @Sendable (InformationType) -> String) {
        self.status = status
        self.contactKind = contactKind
        self.informationType = informationType
    }

    /// Statuses in words ("Pending review → Honored"), as `detainer show` prints them (issue 25
    /// §3: words, not codes, where people read); contact kinds keep their short stored names.
    public static let plainStatus = TimelineWords(status: \.plainLabel, contactKind: \.rawValue, informationType: \.rawValue)
}

extension DetainerDetail {
    public func timeline(words: TimelineWords) -> [TimelineEvent] {
        var events: [TimelineEvent] = []
        for entry in statusEvents {
            let s = entry.record
            let to = words.status(s.toStatus)
            var line = s.fromStatus.map { "status \(words.status($0)) → \(to)" } ?? "status → \(to)"
            if s.afterDeadline { line += s.toStatus == .transferred ? "  (AFTER the hold deadline)" : "  (AFTER the hold deadline, no transfer)" }
            if let note = s.note, !note.isEmpty { line += "  — \(note)" }
            line += TimelineText.recordedLater(occurred: s.occurredAt, recorded: s.recordedAt)
            events.append(TimelineEvent(at: s.occurredAt.description, kind: .status, summary: line, actor: entry.actor, details: [],
                                        order: s.fromStatus == nil ? -1 : 3))
        }
        for entry in evaluations {
            let e = entry.record
            var checks: [String] = []
            if case .object(let result) = e.resultJSON.value, case .array(let list)? = result["checks"] {
                for case .object(let check) in list {
                    let mark = switch check["result"]?.cellText { case "pass": "pass"; case "fail": "FAIL"; default: " ?? " }
                    checks.append("[\(mark)] \(check["message"]?.cellText ?? "") (\(check["citation"]?.cellText ?? ""))")
                }
            }
            let summary = "evaluation #\(e.sequence) (\(e.trigger)): \(e.outcome.plainLabel) under \(e.ruleVersion), as of \(e.evaluatedOn)"
            events.append(TimelineEvent(at: e.evaluatedAt.description, kind: .evaluation, summary: summary, actor: entry.actor, details: checks, order: 1))
        }
        for entry in reviews {
            let r = entry.record
            let reason = r.reason ?? ""
            events.append(TimelineEvent(at: r.reviewedAt.description, kind: .review,
                                        summary: "review: \(r.action) → \(r.decision.rawValue.uppercased())\(reason.isEmpty ? "" : " — \(reason)")",
                                        actor: entry.actor, details: [], order: 2))
        }
        for entry in contacts {
            let c = entry.record
            let id = c.id.map(String.init) ?? ""
            events.append(TimelineEvent(at: c.occurredAt.description, kind: .contact,
                                        summary: "contact \(id) \(c.direction == .incoming ? "from" : "to") ICE: \(words.contactKind(c.kind))\(c.infoType.map { " (\(words.informationType($0)))" } ?? "") — \(c.summary)",
                                        actor: entry.actor, details: [], order: 0))
        }
        for entry in corrections {
            let c = entry.record
            events.append(TimelineEvent(at: c.correctedAt.description, kind: .correction,
                                        summary: "correction: \(c.field.rawValue) \(TimelineText.change(c)) — \(c.reason)",
                                        actor: entry.actor, details: [], order: 4))
        }
        for document in documents {
            let what = "document \(document.id) (\(document.kind.rawValue), \(document.type.label), \(document.size) bytes, SHA-256 \(document.sha256.prefix(16))…)"
            events.append(TimelineEvent(at: document.attachedAt.description, kind: .document, summary: "attached \(what)",
                                        actor: document.attachedBy, details: [], order: 5))
            if let at = document.withdrawnAt {
                events.append(TimelineEvent(at: at.description, kind: .document,
                                            summary: "withdrew document \(document.id) — \(document.withdrawnReason ?? "")",
                                            actor: document.withdrawnBy ?? "", details: [], order: 5))
            }
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

    /// "old → new" for one stored correction.
    public static func change(_ c: CorrectionRecord) -> String {
        "\(value(c.oldValue, c.field)) → \(value(c.newValue, c.field))"
    }

    /// "  (recorded later: …)" when an event was entered well after it happened, so a release
    /// shown before the review that was entered first is visibly a late record, not a reordering.
    public static func recordedLater(occurred: UTCInstant, recorded: UTCInstant) -> String {
        guard recorded.secondsSinceEpoch - occurred.secondsSinceEpoch > 300 else { return "" }
        return "  (recorded later: \(recorded.newYorkText))"
    }
}
