@testable import DetainerStore
import Testing

/// The queue's fast reader of stored reason codes agrees with the general JSON reader: it takes
/// only the store's own form and hands everything else to the general reader, which decides.
@Suite struct QueueReasonsTests {
    @Test(arguments: [
        #"[]"#, #"["NO_JUDICIAL_WARRANT"]"#, #"["NO_JUDICIAL_WARRANT","NO_QUALIFYING_CONVICTION"]"#,
        #"["A", "B"]"#, #"[ "A" ]"#, #"["A",]"#, #"["A""B"]"#, #"[1]"#, #"["a-b"]"#, #"["A"]x"#,
        #"["""#, #"["#, #"]"#, #""#, #"[""]"#, #"{"A":1}"#, #"["A\u0042"]"#, #"[null]"#,
    ])
    func fastPathAgreesWithTheJSONReader(_ text: String) {
        let general: [String]? = if case .array(let values)? = JSONValue(parsing: text) {
            values.allSatisfy({ if case .string = $0 { true } else { false } })
                ? values.compactMap { if case .string(let s) = $0 { s } else { nil } } : nil
        } else { nil }
        #expect(QueueRow.reasonCodes(text) == general)
        if let fast = QueueRow.canonicalCodes(text) { #expect(fast == general) }
    }
}
