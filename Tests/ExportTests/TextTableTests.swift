import Foundation
import Testing
@testable import Export

@Suite("Text table")
struct TextTableTests {
    @Test func alignsTextLeftNumbersRight() throws {
        let table = try Table(columns: ["Chỉ số", "Năm", "Giá trị"], rows: [
            [.text("Thấp còi"), .integer(2025), .number(21.5)],
            [.text("TFR"), .integer(2030), .missing],
        ])
        let text = TextTableWriter().renderString(table)
        #expect(text == """
            Chỉ số     Năm  Giá trị
            --------  ----  -------
            Thấp còi  2025     21.5
            TFR       2030        –

            """)
    }

    /// NFD text (base letter + combining marks) has the width of its NFC form: columns still line up.
    @Test func combiningDiacriticsCountOnce() throws {
        let nfd = "Tie\u{0302}\u{0301}m chu\u{031B}\u{0309}ng"   // "Tiếm chửng" decomposed
        #expect(nfd.unicodeScalars.count == 14)
        #expect(TextTableWriter.displayWidth(nfd) == 10)
        let table = try Table(columns: ["name", "n"], rows: [[.text(nfd), .integer(1)], [.text("abc"), .integer(22)]])
        let lines = TextTableWriter().renderString(table).split(separator: "\n").map(String.init)
        #expect(lines.map(\.count) == [14, 14, 14, 14])
    }

    @Test func colourOnlyWhenAsked() throws {
        let table = try Table(columns: ["a"], rows: [[.missing]])
        #expect(!TextTableWriter(colour: false).renderString(table).contains("\u{1B}"))
        let coloured = TextTableWriter(colour: true).renderString(table)
        #expect(coloured.hasPrefix("\u{1B}[1ma\u{1B}[0m\n"))
        #expect(coloured.contains("\u{1B}[2m–\u{1B}[0m"))
    }

    @Test func shouldUseColourFollowsNoColorAndTTY() {
        #expect(TextTableWriter.shouldUseColour(environment: [:], isTTY: true))
        #expect(!TextTableWriter.shouldUseColour(environment: [:], isTTY: false))
        #expect(!TextTableWriter.shouldUseColour(environment: ["NO_COLOR": "1"], isTTY: true))
        #expect(!TextTableWriter.shouldUseColour(environment: ["NO_COLOR": ""], isTTY: true))
        #expect(!TextTableWriter.shouldUseColour(environment: ["TERM": "dumb"], isTTY: true))
    }
}
