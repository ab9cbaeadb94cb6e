import DetainerDomain
import Foundation
import SQLite

/// The web office's search box: one text, matched against names (ignoring case and accents:
/// "jose nunez" finds "José Nuñez"), NYSIDs, A-numbers and booking numbers.
public struct PersonSearchHit: Sendable {
    public struct Detainer: Sendable {
        public let id: Int64
        public let status: String
        public let agency: String
        public let receivedAt: String
        public let outcome: String?
    }

    public let personID: Int64
    public let name: String
    public let dateOfBirth: String?
    public let nysid: String?
    public let aNumber: String?
    /// What matched: "name", "NYSID", "A-number" or "booking number".
    public let matchedOn: String
    public let detainers: [Detainer]
}

extension Queries {
    /// The most hits returned (a very common name is cut here).
    public static let searchLimit = 100

    public func searchPersons(_ query: String) throws -> [PersonSearchHit] {
        let text = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 200 else { return [] }
        var matches: [(Int64, String)] = []
        var seen: Set<Int64> = []
        func add(_ ids: [Int64], _ how: String) {
            for id in ids where seen.insert(id).inserted && matches.count < Self.searchLimit { matches.append((id, how)) }
        }
        let compact = text.uppercased().filter { !$0.isWhitespace }
        add(try ids("SELECT id FROM persons WHERE upper(nysid) = ?", compact), "NYSID")
        if compact.hasPrefix("A"), compact.dropFirst().allSatisfy(\.isNumber), (8...9).contains(compact.count - 1) {
            let digits = String(compact.dropFirst())
            add(try ids("SELECT id FROM persons WHERE a_number = ?", "A" + String(repeating: "0", count: 9 - digits.count) + digits), "A-number")
        }
        add(try ids("SELECT DISTINCT person_id FROM custody_cases WHERE booking_number = ?", text), "booking number")
        // Names through the same folded word-prefix keys as `detainer list --person`
        // (`PersonSearchKey`: case and accents ignored), a range scan of an indexed table.
        if matches.count < Self.searchLimit, let key = PersonSearchKey.query(text) {
            let names = try connection.prepare("""
                SELECT DISTINCT person_id FROM person_search_keys WHERE key >= ? AND key < ? ORDER BY person_id LIMIT ?
                """)
            try names.bind([key, key + "\u{10FFFF}", Int64(Self.searchLimit)])
            add(try names.map { $0.int64(0) }, "name")
        }
        return try matches.map { id, how in try hit(personID: id, matchedOn: how) }
    }

    private func ids(_ sql: String, _ value: String) throws -> [Int64] {
        let statement = try connection.prepare(sql)
        try statement.bind(value, at: 1)
        return try statement.map { $0.int64(0) }
    }

    private func hit(personID: Int64, matchedOn: String) throws -> PersonSearchHit {
        let person = try connection.prepare("SELECT name, date_of_birth, nysid, a_number FROM persons WHERE id = ?")
        try person.bind(personID, at: 1)
        let row = try person.first { ($0.string(0) ?? "", $0.string(1), $0.string(2), $0.string(3)) }
        let detainers = try connection.prepare("SELECT id, status, agency, received_at, outcome FROM detainers WHERE person_id = ? ORDER BY received_at DESC, id DESC")
        try detainers.bind(personID, at: 1)
        let list = try detainers.map {
            PersonSearchHit.Detainer(id: $0.int64(0), status: $0.string(1) ?? "", agency: $0.string(2) ?? "", receivedAt: $0.string(3) ?? "", outcome: $0.string(4))
        }
        return PersonSearchHit(personID: personID, name: row?.0 ?? "", dateOfBirth: row?.1, nysid: row?.2, aNumber: row?.3,
                               matchedOn: matchedOn, detainers: list)
    }
}
