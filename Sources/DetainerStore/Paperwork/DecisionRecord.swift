import DetainerDomain
import SQLite

/// The head of the audit chain when a record was printed: the page carries it so a reader can
/// later prove (with `detainer check` and the log) that the history it summarises is unchanged.
public struct AuditHead: Sendable, Equatable {
    public let auditID: Int64
    public let hash: String
}

/// The decision record (issue 21 §2): everything one printed page says about a detainer, read in
/// one snapshot. `DecisionRecordPage` (web, `record --format html`) and `textLines` (`record
/// --format text`) lay out the same parts in the same order.
public struct DecisionRecord: Sendable {
    public let detail: DetainerDetail
    public let printedAt: UTCInstant
    public let auditHead: AuditHead?

    /// One test of the law, in words.
    public struct Test: Sendable, Equatable {
        public let name: String
        /// "met", "not met" or "not known".
        public let result: String
        public let message: String
        public let citation: String
    }

    /// The engine's latest evaluation, read from its stored result.
    public struct Engine: Sendable, Equatable {
        public let outcome: String
        public let ruleVersion: String
        public let agency: String
        public let evaluatedOn: String
        public let sequence: Int64
        public let evaluatedAt: UTCInstant
        public let reasons: [String]
        public let tests: [Test]
        public let qualifying: [String]
    }

    public var engine: Engine? {
        guard let entry = detail.evaluations.last, case .object(let result) = entry.record.resultJSON.value else { return nil }
        func text(_ object: [String: JSONValue], _ key: String) -> String { object[key]?.cellText ?? "" }
        var tests: [Test] = []
        if case .array(let checks)? = result["checks"] {
            for case .object(let check) in checks {
                let words = switch text(check, "result") { case "pass": "met"; case "fail": "not met"; default: "not known" }
                tests.append(Test(name: CheckRule.plainName(text(check, "rule")), result: words, message: text(check, "message"), citation: text(check, "citation")))
            }
        }
        var qualifying: [String] = []
        if case .array(let list)? = result["qualifyingConvictions"] {
            for case .object(let q) in list {
                let sentenced = text(q, "sentencedOn")
                qualifying.append("\(text(q, "statute")), convicted \(text(q, "convictedOn"))\(sentenced.isEmpty ? "" : ", sentenced \(sentenced)"); counts for arrests through \(text(q, "lastQualifyingArrestDate"))\(q["withinWindow"] == .bool(false) ? " (NYPD “ever” rule only)" : "")")
            }
        }
        let reasons = entry.record.reasons.codes.map(\.plainClause)
        return Engine(outcome: entry.record.outcome.plainLabel, ruleVersion: entry.record.ruleVersion, agency: text(result, "agency"),
                      evaluatedOn: entry.record.evaluatedOn.description, sequence: entry.record.sequence, evaluatedAt: entry.record.evaluatedAt,
                      reasons: reasons, tests: tests, qualifying: qualifying)
    }

    /// The warrant ICE presented, in words.
    public var warrant: String {
        let d = detail.detainer
        let kind = switch d.warrantType {
        case .known(.judicial): "judicial warrant"
        case .known(.administrative): "administrative warrant only (ICE's own form, not signed by a judge)"
        case .known(.none): "no warrant"
        case .unknown: "not known"
        }
        let more = [d.warrantIssuer, d.warrantDate?.description].compactMap { $0 }.filter { !$0.isEmpty }
        return more.isEmpty ? kind : "\(kind) — \(more.joined(separator: ", "))"
    }

    /// The hold deadline, or why there is none.
    public var holdDeadline: String {
        let d = detail.detainer
        if d.outcome == .decline || d.decision == .decline { return "none: the detainer was declined, so nobody may be held on it" }
        guard let deadline = d.holdDeadline else { return "none recorded" }
        var text = deadline.newYorkText
        if let late = DeadlineRule.lateNote(detail) { text += " — " + late }
        return text
    }

    /// Reviews, oldest first: who, when, what, why; then every four-eyes proposal with both
    /// names, both times and both reasons (issue 23 §3).
    public var reviews: [String] {
        detail.reviews.map { entry in
            let r = entry.record
            let action = r.action == "approve" ? "approved the engine's outcome" : "decided against or without the engine"
            return "\(r.reviewedAt.newYorkText): \(entry.actor) \(action) — \(r.decision.rawValue.uppercased())\(r.reason.map { ". Reason: \($0)" } ?? "")"
        } + detail.proposals.map { p in
            var line = "Four-eyes, \(p.act): proposed \(p.proposedAt.newYorkText) by \(p.proposedBy) (\(p.reason))"
            if let by = p.decidedBy, let at = p.decidedAt {
                line += "; \(p.state.rawValue) \(at.newYorkText) by \(by)\(p.decisionNote.map { " (\($0))" } ?? "")"
            } else {
                line += "; waiting for a second person"
            }
            return line
        }
    }

    /// What happened after intake: every status change after the first, with who and why.
    public var statusChanges: [String] {
        detail.statusEvents.filter { $0.record.fromStatus != nil }.map { entry in
            let s = entry.record
            var line = "\(s.occurredAt.newYorkText): \(s.fromStatus?.rawValue ?? "") → \(s.toStatus.rawValue) (\(entry.actor))"
            if s.afterDeadline { line += ", AFTER the hold deadline" }
            if let note = s.note, !note.isEmpty { line += " — \(note)" }
            return line
        }
    }

    /// Identifiers, in print order.
    public var identifiers: [(label: String, value: String)] {
        let d = detail.detainer, p = detail.person, c = detail.custodyCase
        let rows: [(String, String?)] = [
            ("Detainer", d.id.map { "#\($0)" }), ("Agency", d.agency?.rawValue), ("Form", d.form.rawValue),
            ("Received", d.receivedAt.newYorkText), ("Person", p.map { "\($0.name ?? "") (#\($0.id.map(String.init) ?? ""))" }),
            ("Date of birth", p?.dateOfBirth?.description), ("NYSID", p?.nysid), ("A-number", p?.aNumber ?? d.aNumber),
            ("ICE subject ID", d.iceSubjectID), ("Event number", d.eventNumber), ("Booking number", c?.bookingNumber),
            ("Facility", c?.facility ?? d.facility), ("Arrest date", c?.arrestDate?.description),
            ("Scheduled release", c?.scheduledReleaseAt?.newYorkText), ("TSDB match", yesNo(d.tsdbMatch)),
            ("Status", d.status.rawValue),
        ]
        return rows.compactMap { label, value in value.flatMap { $0.isEmpty ? nil : (label, $0) } }
    }

    /// One line per document: what, who attached it and when, its SHA-256 in full.
    public var documentLines: [(title: String, hash: String)] {
        detail.documents.map { doc in
            let withdrawn = doc.withdrawnAt.map { " — WITHDRAWN \($0.newYorkText) by \(doc.withdrawnBy ?? "?"): \(doc.withdrawnReason ?? "")" } ?? ""
            return ("#\(doc.id) \(doc.kind.shortLabel) · \(doc.type.rawValue.uppercased()) · \(doc.size) bytes · \(doc.attachedBy), \(doc.attachedAt.newYorkText)\(withdrawn)", doc.sha256)
        }
    }

    private func yesNo(_ value: Bool?) -> String {
        switch value { case true?: "yes"; case false?: "no"; default: "not known" }
    }

    /// `detainer record --format text`: the same parts as the printed page, in the same order.
    public var textLines: [String] {
        var lines: [String] = []
        let id = detail.detainer.id.map(String.init) ?? ""
        lines.append("DECISION RECORD — DETAINER #\(id)")
        lines.append("Printed \(printedAt.newYorkText)\(auditHead.map { "; audit head: row \($0.auditID), SHA-256 \($0.hash)" } ?? "")")
        lines.append("")
        lines.append("IDENTIFIERS")
        for (label, value) in identifiers { lines.append("  \(label): \(value)") }
        lines.append("")
        lines.append("WARRANT PRESENTED: \(warrant)")
        lines.append("")
        if let engine {
            lines.append("THE LAW'S TESTS (rule version \(engine.ruleVersion), \(engine.agency), as of \(engine.evaluatedOn); evaluation #\(engine.sequence) at \(engine.evaluatedAt.newYorkText))")
            for test in engine.tests { lines.append("  [\(test.result)] \(test.name): \(test.message) (\(test.citation))") }
            for q in engine.qualifying { lines.append("  Qualifying: \(q)") }
            lines.append("ENGINE'S OUTCOME: \(engine.outcome)\(engine.reasons.isEmpty ? "" : " — " + engine.reasons.joined(separator: "; "))")
        } else {
            lines.append("THE LAW'S TESTS: not evaluated")
        }
        lines.append("")
        lines.append("REVIEW")
        if reviews.isEmpty { lines.append("  not reviewed") }
        for review in reviews { lines.append("  \(review)") }
        lines.append("")
        lines.append("WHAT HAPPENED NEXT")
        if statusChanges.isEmpty { lines.append("  no status change after intake") }
        for change in statusChanges { lines.append("  \(change)") }
        lines.append("")
        lines.append("HOLD DEADLINE: \(holdDeadline)")
        lines.append("")
        lines.append("DOCUMENTS (\(detail.documents.count))")
        if detail.documents.isEmpty { lines.append("  none attached") }
        for (title, hash) in documentLines {
            lines.append("  \(title)")
            lines.append("    SHA-256 \(hash)")
        }
        return lines
    }
}

/// Whether a hold ended after its deadline, in words (shared with `show`'s rule).
enum DeadlineRule {
    static func lateNote(_ detail: DetainerDetail) -> String? {
        let d = detail.detainer
        guard Deadlines.endedAfterDeadline(status: d.status, at: d.statusAt, holdDeadline: d.holdDeadline) else { return nil }
        return "LATE: the hold ended (\(d.status.rawValue)) at \(d.statusAt.newYorkText), after the deadline"
    }
}

extension Paperwork {
    /// The newest audit row, if any.
    public func auditHead() throws -> AuditHead? {
        try connection.cached("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").first { AuditHead(auditID: $0.int64(0), hash: $0.string(1) ?? "") }
    }

    /// Everything the printed record needs. The record is read first (one snapshot), then the
    /// audit head, so the head printed covers at least everything the page shows.
    public func decisionRecord(detainerID: Int64) throws -> DecisionRecord {
        let detail = try store.queries.detail(detainerID: detainerID)
        return DecisionRecord(detail: detail, printedAt: clock.now(), auditHead: try auditHead())
    }
}
