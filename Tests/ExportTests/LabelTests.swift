import Foundation
import Testing
@testable import Export

@Suite("Labels vi/en")
struct LabelTests {
    @Test(arguments: Label.allCases)
    func everyLabelExistsInBothLanguages(label: Label) {
        let vi = label.text(.vi), en = label.text(.en)
        #expect(!vi.trimmingCharacters(in: .whitespaces).isEmpty, "\(label) has no Vietnamese text")
        #expect(!en.trimmingCharacters(in: .whitespaces).isEmpty, "\(label) has no English text")
        #expect(vi != en, "\(label) is not translated: \(vi)")
        #expect(vi == vi.precomposedStringWithCanonicalMapping, "\(label) Vietnamese text is not NFC")
    }

    /// Vietnamese is written with its diacritics, not stripped to ASCII.
    @Test func vietnameseHasDiacritics() {
        #expect(Label.target.text(.vi) == "Chỉ tiêu")
        #expect(Label.year.text(.vi) == "Năm")
        let nonASCII = Label.allCases.filter { label in label.text(.vi).unicodeScalars.contains { !$0.isASCII } }
        #expect(nonASCII.count * 10 >= Label.allCases.count * 8)
    }

    @Test func languageParsesFromOptionValue() {
        #expect(Language(rawValue: "vi") == .vi)
        #expect(Language(rawValue: "fr") == nil)
    }
}
