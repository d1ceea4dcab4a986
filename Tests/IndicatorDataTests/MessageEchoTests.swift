import Foundation
import Testing
@testable import IndicatorData

/// Bidi controls and other format characters (Cf) in an echoed value are written as `\u{…}`, so a value in a
/// message cannot reorder the text around it on a terminal ("Trojan Source", CVE-2021-42574).
@Suite("MessageEcho: bidi and format characters")
struct MessageEchoTests {
    /// Every bidi control the issue names: LRM, RLM, the embeddings and overrides, the isolates.
    static let bidiControls: [UInt32] = [0x200E, 0x200F] + Array(0x202A...0x202E) + Array(0x2066...0x2069)

    static func text(_ value: UInt32) -> String { String(Character(Unicode.Scalar(value)!)) }

    @Test("each bidi control is escaped as \\u{XXXX}", arguments: bidiControls)
    func bidiControlIsEscaped(_ value: UInt32) {
        let hex = String(value, radix: 16, uppercase: true)
        #expect(MessageEcho.escaped("a" + Self.text(value) + "b") == "a\\u{\(hex)}b")
        #expect(MessageEcho.bounded("value a" + Self.text(value) + "b is wrong") == "value a\\u{\(hex)}b is wrong")
    }

    /// The override that makes "u5mr‮2202" read "u5mr2022" backwards is shown as its code point.
    @Test func rightToLeftOverrideCannotReorderAMessage() {
        let value = "u5mr\u{202E}2202\u{202C}"
        #expect(MessageEcho.quoted(value) == "\"u5mr\\u{202E}2202\\u{202C}\"")
        let message = MessageEcho.bounded("t.csv:2:1: indicator_code \(value) is not in the catalogue")
        #expect(message == "t.csv:2:1: indicator_code u5mr\\u{202E}2202\\u{202C} is not in the catalogue")
        #expect(!message.unicodeScalars.contains { $0.properties.generalCategory == .format })
    }

    /// Other Cf characters: zero-width space, word joiner, BOM, soft hyphen, Arabic letter mark, a tag character.
    @Test("other format characters are escaped", arguments: [0x200B, 0x2060, 0xFEFF, 0x00AD, 0x061C, 0xE0041] as [UInt32])
    func otherFormatCharacterIsEscaped(_ value: UInt32) {
        let hex = String(value, radix: 16, uppercase: true)
        #expect(MessageEcho.escaped("x" + Self.text(value)) == "x\\u{\(hex)}")
    }

    /// Vietnamese letters (precomposed and with combining marks, category Mn, not Cf) are left as they are.
    @Test func vietnameseIsUnchanged() {
        let text = "Tỷ lệ suy dinh dưỡng thấp còi Kon Tum" + "e\u{0301}"
        #expect(MessageEcho.escaped(text, limit: 200) == text)
        #expect(MessageEcho.bounded(text) == text)
    }

    /// Escaping a format character counts as one character of the limit, as a control character does.
    @Test func formatCharactersCountOnceTowardsTheLimit() {
        let shown = MessageEcho.escaped(String(repeating: "\u{200F}", count: 5), limit: 3)
        #expect(shown == "\\u{200F}\\u{200F}\\u{200F}… (5 characters)")
    }
}
