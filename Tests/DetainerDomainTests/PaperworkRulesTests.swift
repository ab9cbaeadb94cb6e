import Testing
@testable import DetainerDomain

/// Issue 21: documents are recognised by their bytes; §9-131(h) decides what a notice to ICE may
/// carry; the notice to the person exists in English and Spanish.
@Suite struct PaperworkRulesTests {
    @Test(arguments: [
        (Array("%PDF-1.7\n".utf8), DocumentType.pdf),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], DocumentType.png),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], DocumentType.jpeg),
        ([0x49, 0x49, 0x2A, 0x00, 8, 0], DocumentType.tiff),
        ([0x4D, 0x4D, 0x00, 0x2A, 0, 8], DocumentType.tiff),
    ] as [([UInt8], DocumentType)])
    func acceptedTypesAreRecognisedByTheirFirstBytes(bytes: [UInt8], type: DocumentType) {
        #expect(DocumentType.recognise(bytes) == type)
    }

    @Test func anythingElseIsRefusedAndDescribed() {
        let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0]
        #expect(DocumentType.recognise(elf) == nil)
        #expect(DocumentType.describe(elf).contains("executable"))
        let html = Array("<!DOCTYPE html><html><script>alert(1)</script>".utf8)
        #expect(DocumentType.recognise(html) == nil)
        #expect(DocumentType.describe(html).contains("HTML"))
        #expect(DocumentType.recognise(Array(" %PDF-1.7".utf8)) == nil)   // the signature must come first
        #expect(DocumentType.recognise([UInt8]()) == nil)
        #expect(DocumentType.describe([UInt8]()) == "an empty file")
        #expect(DocumentType.recognise(Array("GIF89a".utf8)) == nil)
    }

    @Test func custodyFactsGoToICEOnlyForAPersonTheLawDoesNotProtect() {
        let none = CustodyFactsRule.Facts(tsdbMatch: false, evaluated: true, judgmentsInWindow: 0)
        guard case .refused(let why) = CustodyFactsRule.answer(none) else { Issue.record("disclosed without a judgment or TSDB match"); return }
        #expect(why.contains("no judgment") && why.contains("not a terrorist screening database match"))
        // Unknown is never a match; an unevaluated detainer establishes nothing.
        #expect(CustodyFactsRule.answer(.init(tsdbMatch: nil, evaluated: true, judgmentsInWindow: 0)) != .allowed(ground: ""))
        if case .allowed = CustodyFactsRule.answer(.init(tsdbMatch: nil, evaluated: false, judgmentsInWindow: 0)) { Issue.record("unevaluated allowed") }
        if case .refused = CustodyFactsRule.answer(.init(tsdbMatch: true, evaluated: false, judgmentsInWindow: 0)) { Issue.record("TSDB match refused") }
        if case .refused = CustodyFactsRule.answer(.init(tsdbMatch: false, evaluated: true, judgmentsInWindow: 1)) { Issue.record("judgment refused") }
    }

    @Test func theWindowReadingIsANamedChoiceThatChangesTheAnswer() {
        let outsideOnly = CustodyFactsRule.Facts(tsdbMatch: false, evaluated: true, judgmentsInWindow: 0, judgmentsOutsideWindow: 1)
        #expect(CustodyFactsRule.judgmentMustBeInWindow)
        if case .allowed = CustodyFactsRule.answer(outsideOnly) { Issue.record("a judgment outside the window disclosed under the standard reading") }
        if case .refused = CustodyFactsRule.answer(outsideOnly, judgmentMustBeInWindow: false) { Issue.record("the other reading should disclose") }
    }

    @Test(arguments: PersonNotice.Language.allCases)
    func theNoticeToThePersonSaysWhetherTheCityWillComply(language: PersonNotice.Language) {
        let facts = PersonNotice.Facts(personName: "Ana Ruiz", receivedOn: CivilDate(year: 2026, month: 3, day: 2)!, agency: .doc, stand: .willNotComply)
        let text = PersonNotice.text(facts, in: language)
        #expect(text.paragraphs.joined().contains("Ana Ruiz"))
        #expect(text.paragraphs.joined().contains("2026-03-02"))
        let word = language == .en ? "will not comply" : "no cumplirá"
        #expect(text.paragraphs.contains { $0.contains(word) })
        var honored = facts
        honored.stand = .willComply
        #expect(PersonNotice.text(honored, in: language) != text)
        #expect(text.paragraphs.contains { $0.contains("9-131") })
    }
}
