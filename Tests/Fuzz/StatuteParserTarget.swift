// libFuzzer target for the statute parser and the offense lookup (Sources/DetainerDomain).
// Scripts/fuzz compiles it with Sources/DetainerDomain/*.swift into one module (no import).
//
// Any text must parse to some Statute without trapping; parsing is deterministic; the
// normalized form, when there is one, parses to the same citation (a fixed point); the lookup
// on every rule version's start date never traps.

@_cdecl("LLVMFuzzerTestOneInput")
public func statuteParserFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let statute = StatuteParser.parse(text)
    precondition(statute.raw == text, "the raw text is kept as given")
    precondition(StatuteParser.parse(text) == statute, "parsing is deterministic")
    _ = statute.description
    _ = statute.kind
    if let normalized = statute.citation.normalized, normalized != text {
        let again = StatuteParser.parse(normalized)
        precondition(again.citation == statute.citation,
                     "normalized form \"\(normalized)\" of \"\(text)\" reads as \(again.citation), not \(statute.citation)")
    }
    for date in [CivilDate(year: 2010, month: 1, day: 1)!, CivilDate(year: 2015, month: 6, day: 1)!, CivilDate(year: 2024, month: 6, day: 1)!] {
        let lookup = OffenseCatalog.lookup(text, on: date)
        _ = lookup.renderedText
    }
    return 0
}
