import Foundation
import SQLite

/// How `detainer list --person NAME` compares names: case and accents ignored, words matched
/// from their start ("cruz" and "juan cr" find "José Juan Cruz Núñez").
///
/// The folded keys are stored (`person_search_keys`, one row per word-start suffix) rather than
/// computed by a function registered with SQLite: an index on a custom function would make the
/// file unusable for writes from the sqlite3 shell (which `detainer check`'s tampering tests and
/// any administrator rely on), and a scan calling a Swift function per person is linear. The keys
/// are plain text under SQLite's own BINARY ordering, so a search is a range scan of the primary
/// key at any size. Folding is a pure function of the name (Unicode canonical decomposition,
/// combining marks dropped, lower-cased, a few letters that do not decompose spelled out), and
/// `detainer check` recomputes it for every person.
public enum PersonSearchKey {
    /// At most this many words of a name start a key (a name may be 200 characters of one-letter
    /// words; keys grow with the square of the word count). Twelve covers real names; later words
    /// are still found as part of an earlier word's key.
    static let maxWords = 12

    /// The name folded to comparable words: "José Nuñez-O'Brien" → ["jose", "nunez", "obrien"].
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .format:
                continue  // accents and invisible formatting
            default:
                break
            }
            if scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}" { continue }  // O'Brien = OBrien
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current += spelledOut[scalar] ?? String(scalar).lowercased()
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Letters that are not a base letter plus a combining mark, written as a reader would type them.
    private static let spelledOut: [Unicode.Scalar: String] = [
        "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
        "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ı": "i", "ħ": "h", "Ħ": "h",
    ]

    /// The stored keys for a name: the folded words from each word start to the end.
    public static func keys(forName name: String) -> [String] {
        let words = words(name)
        var keys: [String] = []
        for start in words.indices.prefix(maxWords) {
            let key = String(words[start...].joined(separator: " ").prefix(400))
            if !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    /// What a search for `text` compares with the keys (a prefix), or nil when it has no letters or digits.
    public static func query(_ text: String) -> String? {
        let joined = words(text).joined(separator: " ")
        return joined.isEmpty ? nil : joined
    }

    /// Replaces the stored keys of one person with those of its current name.
    static func refresh(personID: Int64, in db: Connection) throws {
        try db.run("DELETE FROM person_search_keys WHERE person_id = ?", personID)
        guard let name = try db.scalarText("SELECT name FROM persons WHERE id = ?", personID) else { return }
        let insert = try db.cached("INSERT INTO person_search_keys (key, person_id) VALUES (?, ?)")
        for key in keys(forName: name) {
            try insert.bind(key, at: 1)
            try insert.bind(personID, at: 2)
            try insert.execute()
        }
    }

    /// Rebuilds every key (after the migration that created the table, on a database that
    /// already had persons). Runs inside the caller's write transaction.
    static func rebuildAll(in db: Connection) throws {
        try db.run("DELETE FROM person_search_keys")
        let ids = try db.prepare("SELECT id FROM persons WHERE name IS NOT NULL ORDER BY id").map { $0.int64(0) }
        for id in ids { try refresh(personID: id, in: db) }
    }

    /// Persons whose stored keys differ from their name's (for `detainer check`), at most `limit`.
    static func mismatches(in db: Connection, limit: Int = 20) throws -> [Int64] {
        var bad: [Int64] = []
        let stored = try db.prepare("SELECT key FROM person_search_keys WHERE person_id = ? ORDER BY key")
        let persons = try db.prepare("SELECT id, name FROM persons ORDER BY id")
        try persons.forEachRow { row in
            guard bad.count < limit else { return }
            let id = row.int64(0)
            let expected = row.string(1).map { keys(forName: $0).sorted() } ?? []
            stored.reset()
            try stored.bind(id, at: 1)
            let actual = try stored.map { $0.string(0) ?? "" }
            if actual != expected { bad.append(id) }
        }
        let orphans = try db.prepare("SELECT DISTINCT person_id FROM person_search_keys WHERE person_id NOT IN (SELECT id FROM persons) LIMIT ?")
        try orphans.bind(limit, at: 1)
        bad += try orphans.map { $0.int64(0) }
        return bad
    }
}
