/// A report breakdown's key as people read it (the reports page, the published annual report,
/// the terminal's table): `noVSC.byInformationType.releaseDate.responses` → "no violent or serious
/// conviction › by information type › release date › responses". CSV and JSON keep the keys
/// (issue 25 §3: codes stay in JSON and CSV). The law's own sub-items, (i) to (iv), keep their
/// numbering, which is what the Admin. Code calls them.
public enum BreakdownWords {
    static let words: [String: String] = [
        "VSC": "violent or serious conviction", "noVSC": "no violent or serious conviction",
        "TSDBOnly": "TSDB match only", "holdExpired": "the 48-hour hold expired", "iceDisavowed": "ICE disavowed custody",
        "byInformationType": "by information type", "byFacilitatedTransfer": "by facilitated transfer",
        "notFacilitated": "not facilitated", "i": "(i)", "ii": "(ii)", "iii": "(iii)", "iv": "(iv)", "v": "(v)",
    ]

    public static func label(_ key: String) -> String {
        key.split(separator: ".").map { part in words[String(part)] ?? spelledOut(String(part)) }.joined(separator: " › ")
    }

    /// `releaseDate` → "release date"; a word already in lower case stays as it is.
    static func spelledOut(_ word: String) -> String {
        var out = ""
        for character in word {
            if character.isUppercase, !out.isEmpty { out += " " + character.lowercased() } else { out.append(character) }
        }
        return out
    }
}
