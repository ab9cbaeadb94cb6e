@testable import DetainerWeb
import Testing

/// The byte-level escaper against a plain character-by-character reference, on text with and
/// without the five special characters, and with accents, CJK and emoji around them.
@Suite struct EscapeTests {
    static func reference(_ text: String) -> String {
        text.map { character -> String in
            switch character {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: String(character)
            }
        }.joined()
    }

    @Test(arguments: [
        "", "Ana Ruiz", "José Núñez-O'Brien", "<script>alert(1)</script>", "a & b", "\"quoted\"",
        "李小龍 <b>", "🙂&🙂", "x'<>\"&y", "&amp;", "plain ascii 0123456789",
    ])
    func escapesLikeTheReference(_ text: String) {
        #expect(HTML.escape(text) == Self.reference(text))
        #expect(HTML(text).rendered == Self.reference(text))
    }
}
