/// Turns statute text from clerks and DOC data files into a `Statute`.
///
/// Understood forms (case and extra spaces ignored):
/// - Penal Law: `PL 120.05`, `120.05`, `P.L. § 120.05`, `Penal Law 120.05`, `PL 130.65-a`,
///   subdivisions `PL 120.05(3)`, `PL 135.65(2)(b)`, `PL 265.02 sub 3`, `PL 265.02 subd. 3`.
/// - Inchoate offenses (PL arts. 100, 105, 110, 115): `110-125.25` (DOC's attempt code),
///   `PL 110/125.25`, `PL 110.00/125.25`, `PL 105.15/125.25`, `PL 105.15` alone.
/// - Vehicle and Traffic Law: `VTL 600(2)(c)`, `VTL 1192.2` (dot = subdivision, DOC style),
///   `VTL 511`, `VTL 1111(d)`, `V&T 511(3)`.
/// - NYC Administrative Code: `AC 10-131(g)(1)`, `Admin. Code 10-131`.
/// - Other laws: `GBL 349`.
/// - DOC booking codes that cite no statute: `CO`, `C-COM`, `VOP`, `CIVIL`, `FOA 900.00`, and a
///   named law with an all-same-digit placeholder section (`AC 000.00`, `AC 999.99`, `VTL 888.88`).
/// - Section numbers without a law (`511(1)(A)`, `1192(2)-A`, `168-T`, `10-131(G)(1)`):
///   `.lawNotStated` — VTL, Correction Law, Agriculture and Markets Law and the Admin. Code all
///   have such numbers, so the law is not guessed.
/// Anything else is `.unrecognized` (e.g. DOC's `120.00H`, `265.01B`, `VTL 1192.2A`), keeping the raw text.
public enum StatuteParser {
    /// Booking codes seen in NYC DOC data that name no statute. Their meanings are not documented
    /// in the data, so they are only marked as "not a statute".
    public static let nonStatuteCodes: Set<String> = ["CO", "C-COM", "VOP", "CIVIL", "FOA 900.00"]

    private enum Law { case penal, vehicleAndTraffic, administrativeCode, generalBusiness }

    private static let lawPrefixes: [(String, Law)] = [
        ("NEW YORK PENAL LAW", .penal), ("PENAL LAW", .penal), ("NYPL", .penal), ("P.L.", .penal), ("PL", .penal),
        ("VEHICLE AND TRAFFIC LAW", .vehicleAndTraffic), ("V.T.L.", .vehicleAndTraffic), ("V&T", .vehicleAndTraffic),
        ("VTL", .vehicleAndTraffic),
        ("NYC ADMIN. CODE", .administrativeCode), ("NYC ADMIN CODE", .administrativeCode),
        ("ADMIN. CODE", .administrativeCode), ("ADMIN CODE", .administrativeCode), ("A.C.", .administrativeCode),
        ("AC", .administrativeCode),
        ("GBL", .generalBusiness),
    ]

    public static func parse(_ raw: String) -> Statute {
        Statute(raw: raw, citation: citation(for: raw))
    }

    static func citation(for raw: String) -> StatuteCitation {
        let text = normalize(raw)
        if text.isEmpty { return .blank }
        if nonStatuteCodes.contains(text) { return .nonStatuteCode(text) }
        guard let (law, body) = splitLaw(text) else {
            return penalLaw(body: Substring(text)) ?? lawNotStated(text) ?? .unrecognized
        }
        switch law {
        case .penal:
            return penalLaw(body: body) ?? .unrecognized
        case .vehicleAndTraffic:
            if isPlaceholder(body) { return .nonStatuteCode(text) }
            return vehicleAndTraffic(body: body).map(StatuteCitation.vehicleAndTraffic) ?? .unrecognized
        case .administrativeCode:
            if isPlaceholder(body) { return .nonStatuteCode(text) }
            return administrativeCode(body: body).map(StatuteCitation.administrativeCode) ?? .unrecognized
        case .generalBusiness:
            if isPlaceholder(body) { return .nonStatuteCode(text) }
            return plainSection(body: body).map { .otherLaw(law: "GBL", $0) } ?? .unrecognized
        }
    }

    /// Uppercase, single spaces, no spaces around `/`.
    static func normalize(_ raw: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(raw.utf8.count)
        var pendingSpace = false
        for byte in raw.utf8 {
            // Non-ASCII text is rare here; the slow path handles it with full Unicode rules.
            guard byte < 0x80 else { return normalizeUnicode(raw) }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace, byte != UInt8(ascii: "/"), result.last != UInt8(ascii: "/") { result.append(0x20) }
            pendingSpace = false
            result.append((UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 32 : byte)
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func normalizeUnicode(_ raw: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in raw.uppercased() {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace, character != "/", result.last != "/" { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        return result
    }

    private static func splitLaw(_ text: String) -> (Law, Substring)? {
        for (prefix, law) in lawPrefixes where text.hasPrefix(prefix) {
            var rest = text.dropFirst(prefix.count)
            guard let next = rest.first, next == " " || next == "§" || next.isASCIIDigit else { continue }
            rest = rest.drop { $0 == " " || $0 == "§" }
            for word in ["SECTION ", "SEC. ", "SEC "] where rest.hasPrefix(word) {
                rest = rest.dropFirst(word.count)
            }
            return (law, rest)
        }
        return nil
    }

    /// The leading citation token (up to `(` or a space) and what follows it.
    private static func splitToken(_ body: Substring) -> (token: Substring, rest: Substring) {
        let end = body.firstIndex { $0 == "(" || $0 == " " } ?? body.endIndex
        return (body[..<end], body[end...])
    }

    /// Subdivisions written as `(2)(B)`, ` SUB 3`, ` SUBD. 2(B)`, ` SUBDIVISION 3`; nil if malformed.
    static func subdivisions(_ text: Substring) -> [String]? {
        var rest = text.drop { $0 == " " }
        var result: [String] = []
        for word in ["SUBDIVISION ", "SUBD. ", "SUBD ", "SUB. ", "SUB "] where rest.hasPrefix(word) {
            rest = rest.dropFirst(word.count)
            let (token, after) = splitToken(rest)
            guard isSubdivisionToken(token) else { return nil }
            result.append(token.lowercased())
            rest = after
            break
        }
        while !rest.isEmpty {
            guard rest.first == "(", let close = rest.firstIndex(of: ")") else { return nil }
            let token = rest[rest.index(after: rest.startIndex)..<close]
            guard isSubdivisionToken(token) else { return nil }
            result.append(token.lowercased())
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    private static func isSubdivisionToken(_ token: Substring) -> Bool {
        let parts = token.split(separator: "-", omittingEmptySubsequences: false)
        return !token.isEmpty && parts.count <= 2
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCIIDigit || $0.isASCIILetter } }
    }

    private static func penalLaw(body: Substring) -> StatuteCitation? {
        let (token, rest) = splitToken(body)
        guard let subs = subdivisions(rest) else { return nil }
        if let (kind, section, objectText) = splitInchoate(token) {
            guard let object = PenalSection(parsing: objectText) else { return nil }
            return .inchoate(InchoateReference(
                kind: kind, section: section, object: PenalLawReference(section: object, subdivisions: subs)))
        }
        if let article = Int(token), let kind = InchoateKind(article: article) {
            return subs.isEmpty ? .inchoate(InchoateReference(kind: kind, section: nil, object: nil)) : nil
        }
        guard let section = PenalSection(parsing: token) else { return nil }
        if let kind = InchoateKind(article: section.article) {
            return subs.isEmpty ? .inchoate(InchoateReference(kind: kind, section: section, object: nil)) : nil
        }
        return .penalLaw(PenalLawReference(section: section, subdivisions: subs))
    }

    /// `110-125.25`, `110/125.25`, `110.00/125.25`, `105.15-125.25` → (kind, inchoate section, object text).
    private static func splitInchoate(_ token: Substring) -> (InchoateKind, PenalSection?, Substring)? {
        let separator: String.Index
        if let slash = token.firstIndex(of: "/") {
            separator = slash
        } else {
            // A dash right after the article (`110-`) or after a full section (`105.15-`).
            let prefixLength = token.dropFirst(3).first == "." ? 6 : 3
            guard token.count > prefixLength,
                  token[token.index(token.startIndex, offsetBy: prefixLength)] == "-" else { return nil }
            separator = token.index(token.startIndex, offsetBy: prefixLength)
        }
        let left = token[..<separator]
        let right = token[token.index(after: separator)...]
        if let article = Int(left), let kind = InchoateKind(article: article) {
            return (kind, nil, right)
        }
        if let section = PenalSection(parsing: left), section.letter == nil,
           let kind = InchoateKind(article: section.article) {
            return (kind, section, right)
        }
        return nil
    }

    /// `1192`, `1192.2` (DOC's spelling of subdivision 2), `511-A`, then subdivisions.
    private static func vehicleAndTraffic(body: Substring) -> LawSection? {
        let (token, rest) = splitToken(body)
        guard var subs = subdivisions(rest) else { return nil }
        let pieces = token.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2, let section = letteredNumber(pieces[0], maxDigits: 4) else { return nil }
        if pieces.count == 2 {
            guard (1...2).contains(pieces[1].count), pieces[1].allSatisfy(\.isASCIIDigit) else { return nil }
            subs.insert(String(pieces[1]), at: 0)
        }
        return LawSection(section: section, subdivisions: subs)
    }

    /// `10-131`, `9-131`, `20-699.1`, then subdivisions.
    private static func administrativeCode(body: Substring) -> LawSection? {
        let (token, rest) = splitToken(body)
        guard let subs = subdivisions(rest) else { return nil }
        let parts = token.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[0].allSatisfy(\.isASCIIDigit),
              parts[0].first != "0" else { return nil }
        let numeric = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard numeric.count <= 2, numeric.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) })
        else { return nil }
        return LawSection(section: String(token), subdivisions: subs)
    }

    private static func plainSection(body: Substring) -> LawSection? {
        let (token, rest) = splitToken(body)
        guard let subs = subdivisions(rest), let section = letteredNumber(token, maxDigits: 4) else { return nil }
        return LawSection(section: section, subdivisions: subs)
    }

    /// `511` or `168-T` → normalized (`168-t`).
    private static func letteredNumber(_ token: Substring, maxDigits: Int) -> String? {
        let parts = token.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), (1...maxDigits).contains(parts[0].count),
              parts[0].allSatisfy(\.isASCIIDigit), parts[0].first != "0" else { return nil }
        if parts.count == 2 {
            guard parts[1].count == 1, parts[1].allSatisfy(\.isASCIILetter) else { return nil }
            return parts[0] + "-" + parts[1].lowercased()
        }
        return String(parts[0])
    }

    /// DOC's placeholder sections: all digits the same, at least three of them (`000.00`, `888.88`).
    private static func isPlaceholder(_ body: Substring) -> Bool {
        let digits = body.filter { $0 != "." }
        guard digits.count >= 3, digits.allSatisfy(\.isASCIIDigit), body.allSatisfy({ $0.isASCIIDigit || $0 == "." })
        else { return false }
        return Set(digits).count == 1
    }

    /// A bare section number of another law: `511(1)(A)`, `1192(2)-A`, `168-T(2)`, `10-131(G)(1)`.
    private static func lawNotStated(_ text: String) -> StatuteCitation? {
        var body = Substring(text)
        // A trailing `-A` after the parentheses (`1192(2)-A`) is DOC's way of writing `2-a`.
        if body.count > 2, body.dropLast().last == "-", body.last!.isASCIILetter, body.dropLast(2).last == ")" {
            body = body.dropLast(2)
        }
        let (token, rest) = splitToken(body)
        guard subdivisions(rest) != nil, !rest.hasPrefix(" ") else { return nil }
        if letteredNumber(token, maxDigits: 4) != nil || administrativeCodeShape(token) {
            return .lawNotStated(text)
        }
        return nil
    }

    private static func administrativeCodeShape(_ token: Substring) -> Bool {
        let parts = token.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && (1...2).contains(parts[0].count) && parts[0].allSatisfy(\.isASCIIDigit)
            && parts[0].first != "0" && (2...4).contains(parts[1].count) && parts[1].allSatisfy(\.isASCIIDigit)
    }
}

extension Character {
    /// ASCII only: statute numbers never use other scripts' digits.
    var isASCIIDigit: Bool { asciiValue.map { (48...57).contains($0) } ?? false }
    var isASCIILetter: Bool { asciiValue.map { (65...90).contains($0) || (97...122).contains($0) } ?? false }
}
