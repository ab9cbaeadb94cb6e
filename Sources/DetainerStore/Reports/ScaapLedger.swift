import DetainerDomain
import Foundation
import SQLite

/// §9-131(f)(6): "the amount of state criminal alien assistance funding requested and received",
/// recorded per city fiscal year (July–June, named by the year it ends) with the source document's
/// reference. Appended: a correction is a new row, and the latest row for a year counts.
public struct ScaapAmounts: Sendable, Equatable {
    public let fiscalYear: Int
    public let requestedCents: Int64?
    public let receivedCents: Int64?
    public let source: String
}

enum ScaapLedger {
    static func latest(fiscalYear: Int, in db: Connection) throws -> ScaapAmounts? {
        let statement = try db.prepare("""
            SELECT requested_cents, received_cents, source_reference FROM scaap_amounts
            WHERE fiscal_year = ? ORDER BY id DESC LIMIT 1
            """)
        try statement.bind(Int64(fiscalYear), at: 1)
        return try statement.first { ScaapAmounts(fiscalYear: fiscalYear, requestedCents: $0.optionalInt64(0), receivedCents: $0.optionalInt64(1), source: $0.string(2) ?? "") }
    }

    /// "1234.56", "1,234", "$1,234.5" → cents; nil when it is not an amount of dollars and cents.
    public static func cents(_ text: String) -> Int64? {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("$") { t.removeFirst() }
        t = t.replacingOccurrences(of: ",", with: "")
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), whole >= 0, parts[0].allSatisfy(\.isASCII),
              parts[0].allSatisfy(\.isNumber), whole <= 1_000_000_000_000 else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let f = Int64(parts[1]) else { return nil }
            fraction = parts[1].count == 1 ? f * 10 : f
        }
        return whole * 100 + fraction
    }
}

extension ReportService {
    /// `detainer scaap record`: the amounts for one fiscal year, with their source.
    public func recordScaap(fiscalYear: Int, requested: String?, received: String?, source: String, by actor: Actor) throws -> ScaapAmounts {
        var v = FieldValidator()
        if !(1990...2200).contains(fiscalYear) { v.fail("fiscal-year", "\(fiscalYear) is not a plausible fiscal year") }
        let requestedCents = requested.flatMap { text -> Int64? in
            guard let c = ScaapLedger.cents(text) else { v.fail("requested", "\"\(text)\" is not an amount in dollars (e.g. 1234567.89)"); return nil }
            return c
        }
        let receivedCents = received.flatMap { text -> Int64? in
            guard let c = ScaapLedger.cents(text) else { v.fail("received", "\"\(text)\" is not an amount in dollars (e.g. 1234567.89)"); return nil }
            return c
        }
        if requested == nil, received == nil { v.fail("requested", "give --requested, --received or both") }
        let source = v.text(source, "source", maxLength: 500, required: true)
        try v.finish()
        return try audited(actor: actor, action: "scaap.record", entity: "scaap_amounts") { context in
            var row = ScaapAmountRecord()
            row.fiscalYear = Int64(fiscalYear)
            row.requestedCents = requestedCents
            row.receivedCents = receivedCents
            row.sourceReference = source!
            row.recordedAt = context.now
            row.actorID = try context.actorID
            context.entityID = try context.insert(&row)
            context.details = ["fiscalYear": .int(Int64(fiscalYear)), "requestedCents": .optional(requestedCents),
                               "receivedCents": .optional(receivedCents), "source": .string(source!)]
            return ScaapAmounts(fiscalYear: fiscalYear, requestedCents: requestedCents, receivedCents: receivedCents, source: source!)
        }
    }
}
