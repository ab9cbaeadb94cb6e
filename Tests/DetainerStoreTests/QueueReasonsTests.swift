@testable import DetainerStore
import Testing

/// The queue reads stored reason codes as a JSON array of strings and nothing else: what the
/// general JSON reader makes of the text decides. (The byte-level shortcut this suite once
/// checked went when `JSONReader` made the general reader as fast.)
@Suite struct QueueReasonsTests {
    @Test(arguments: [
        #"[]"#, #"["NO_JUDICIAL_WARRANT"]"#, #"["NO_JUDICIAL_WARRANT","NO_QUALIFYING_CONVICTION"]"#,
        #"["A", "B"]"#, #"[ "A" ]"#, #"["A",]"#, #"["A""B"]"#, #"[1]"#, #"["a-b"]"#, #"["A"]x"#,
        #"["""#, #"["#, #"]"#, #""#, #"[""]"#, #"{"A":1}"#, #"["A\u0042"]"#, #"[null]"#,
    ])
    func readsOnlyAnArrayOfStrings(_ text: String) {
        let general: [String]? = if case .array(let values)? = JSONValue(parsing: text) {
            values.allSatisfy({ if case .string = $0 { true } else { false } })
                ? values.compactMap { if case .string(let s) = $0 { s } else { nil } } : nil
        } else { nil }
        #expect(QueueRow.reasonCodes(text) == general)
    }
}
