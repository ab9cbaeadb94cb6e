import CSVStream
import DetainerDomain

/// Dates as ICE files write them.
enum IceDates {
    /// `YYYY-MM-DD`, optionally followed by a time (`2007-10-02 00:00:00`), or `MM/DD/YYYY`.
    static func parse(_ record: CSVRecord, _ index: Int) -> CivilDate? {
        record.withFieldBytes(index) { bytes -> CivilDate? in
            func digits(_ range: Range<Int>) -> Int? {
                var value = 0
                for i in range {
                    let b = bytes[i]
                    guard b >= 48, b <= 57 else { return nil }
                    value = value * 10 + Int(b - 48)
                }
                return value
            }
            if bytes.count >= 10, bytes[4] == 45, bytes[7] == 45, bytes.count == 10 || bytes[10] == 32 || bytes[10] == 84,
               let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) {
                return CivilDate(year: y, month: m, day: d)
            }
            if bytes.count >= 10, bytes[2] == 47, bytes[5] == 47, let m = digits(0..<2), let d = digits(3..<5), let y = digits(6..<10) {
                return CivilDate(year: y, month: m, day: d)
            }
            return nil
        }
    }
}

/// ICE's detainer-type strings → this system's form names.
enum IceForms {
    static func form(_ raw: String) throws -> String {
        let text = raw.trimmingSpaces.uppercased().replacingHyphenAfterI
        if text.isEmpty { return "unknown" }
        for (prefix, form) in [("I247A", "I-247A"), ("I247D", "I-247D"), ("I247N", "I-247N"), ("I247X", "I-247X"), ("I247", "I-247")] {
            if text.hasPrefix(prefix) {
                let rest = text.dropFirst(prefix.count)
                if rest.isEmpty || rest.first == " " || rest.first == "-" { return form }
            }
        }
        throw RowError(column: "detainer type", message: "unknown detainer type \"\(raw)\"")
    }
}

/// NYC facilities as they appear in ICE data: DOC jails and NYPD central booking.
enum NYCFacilities {
    static func agency(facility: String?, state: String?) -> String? {
        guard let facility = facility?.uppercased() else { return nil }
        let inNewYork = state.map { ["NY", "NEW YORK"].contains($0.uppercased()) } ?? facility.hasSuffix(", NY")
        guard inNewYork else { return nil }
        if facility.contains("RIKERS") || facility.contains("VERNON C. BAIN") || facility.contains("NYC DOC") { return Agency.doc.rawValue }
        if facility.contains("CENTRAL BOOKING") { return Agency.nypd.rawValue }
        return nil
    }
}

extension String {
    /// "I-247A …" → "I247A …", so both spellings match.
    var replacingHyphenAfterI: String {
        hasPrefix("I-") ? "I" + dropFirst(2) : self
    }
}
