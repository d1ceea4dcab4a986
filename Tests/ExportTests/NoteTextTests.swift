import Foundation
import Testing
@testable import Export

/// The notes' phrase table: English unchanged, Vietnamese with codes and numbers kept, every note the
/// bundled plan produces translated.
@Suite("Notes in the reader's language")
struct NoteTextTests {
    static let borrowing = "u5mr: u5mr @ VN-28: 1 provincial point(s); projected with the national slope from VN "
        + "(log-linear wls-recency(λ=0.8) 1990–2023 (n=34)) shifted to the provincial level in 2023"

    @Test func englishIsUnchanged() {
        #expect(NoteText.localized(Self.borrowing, .en) == Self.borrowing)
        #expect(NoteText.notePrefix(.en) == "note: " && NoteText.warningPrefix(.en) == "warning: ")
    }

    @Test func vietnameseKeepsCodesAndNumbers() {
        let vi = NoteText.localized(Self.borrowing, .vi)
        #expect(vi == "u5mr: u5mr @ VN-28: 1 điểm số liệu của tỉnh; dự báo bằng độ dốc quốc gia của VN "
            + "(log-linear wls-recency(λ=0.8) 1990–2023 (n=34)), dịch về mức của tỉnh năm 2023")
        #expect(NoteText.localized(vi, .vi) == vi, "translating twice changes nothing")
        let sensitivity = NoteText.localized("imr: window sensitivity: the 2030 projection moves by 1.28 across "
            + "fit-window starts ±3 years", .vi)
        #expect(sensitivity == "imr: độ nhạy theo khoảng số liệu: dự báo năm 2030 thay đổi 1.28 khi năm đầu của "
            + "khoảng ước lượng dịch ±3 năm")
        #expect(NoteText.localized("something new", .vi) == "something new", "an unknown phrase passes through")
    }

    @Test func everyNoteOfTheBundledPlanIsTranslated() {
        let notes = PlanReportTests.plan.notes
        #expect(notes.count >= 20)
        let english = ["provincial point", "projected with", "the interval", "pace ladders", "reference-class forecast",
                       "fewer than", "not projected", "no national series", "no reference class", "window sensitivity",
                       "cannot be used", "level held", "degree(s) of freedom", "(group "]
        for note in notes {
            let vi = NoteText.localized(note, .vi)
            for word in english { #expect(!vi.contains(word), "\(word) left in: \(vi)") }
        }
    }

    /// Every method label a scorecard can print (`ProjectionMethod.description`), in Vietnamese for people's
    /// tables, with its region code or family kept; English unchanged.
    @Test func methodLabelsInVietnamese() {
        let labels = ["own-trend", "national-slope-shift(VN)", "own slope, shifted to plan baseline (GSO DoH basis)",
                      "parent-slope-shift(VN-28)", "hold-last", "reference-class level-held(workforce)", "own-trend (batch)"]
        for label in labels {
            #expect(NoteText.method(label, .en) == label)
            let vi = NoteText.method(label, .vi)
            #expect(vi != label, "\(label) is not translated")
            for english in ["own", "slope", "shift", "trend", "hold", "reference", "basis"] {
                #expect(!vi.contains(english), "\(label) → \(vi) keeps \"\(english)\"")
            }
        }
        #expect(NoteText.method("national-slope-shift(VN)", .vi).hasSuffix("(VN)"))
        #expect(NoteText.method("reference-class level-held(workforce)", .vi).hasSuffix("(workforce)"))
    }
}
