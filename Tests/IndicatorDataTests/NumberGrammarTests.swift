import Foundation
@testable import IndicatorData
import Testing

private func parse(_ text: String, _ format: NumberFormat = NumberFormat()) -> NumberParse {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { NumberGrammar.parse($0, 0, $0.count, format: format) }
}

private func value(_ text: String, _ format: NumberFormat = NumberFormat()) -> Double? {
    if case .value(let v) = parse(text, format) { return v }
    return nil
}

private func failure(_ text: String, _ format: NumberFormat = NumberFormat()) -> NumberFailure? {
    if case .failure(let f) = parse(text, format) { return f }
    return nil
}

@Suite("Number grammar")
struct NumberGrammarTests {
    @Test("point mode accepts plain decimals, signs, exponents and surrounding blanks")
    func pointMode() {
        #expect(value("10.5") == 10.5)
        #expect(value("-0.25") == -0.25)
        #expect(value("+3") == 3)
        #expect(value(" 42 ") == 42)
        #expect(value("1.5e3") == 1500)
        #expect(value("2E-2") == 0.02)
        #expect(value("0") == 0)
        #expect(value("007") == 7)
    }

    @Test("comma mode reads 10,5 as 10.5 and rejects exponents")
    func commaMode() {
        let comma = NumberFormat(decimalMark: .comma)
        #expect(value("10,5", comma) == 10.5)
        #expect(value("-0,25", comma) == -0.25)
        #expect(failure("1e3", comma) == .notANumber)
        #expect(failure("10.609", comma) == .groupingLikeUnderComma)
        #expect(failure("1.234.567", comma) == .groupingLikeUnderComma)
        #expect(failure("10.5", comma) == .decimalPointUnderComma)
    }

    @Test("grouping separators are rejected unless declared, and then must group by three")
    func grouping() {
        #expect(failure("1,234") == .groupingLikeUnderPoint)
        #expect(failure("10,5") == .decimalCommaUnderPoint)
        let declared = NumberFormat(decimalMark: .point, grouping: .comma)
        #expect(value("1,234", declared) == 1234)
        #expect(value("12,345,678.5", declared) == 12_345_678.5)
        #expect(failure("1,23", declared) == .notANumber)
        #expect(failure("1234,567", declared) == .notANumber)
        let viet = NumberFormat(decimalMark: .comma, grouping: .point)
        #expect(value("10.609", viet) == 10609)
        #expect(value("579.914,5", viet) == 579_914.5)
        let space = NumberFormat(decimalMark: .comma, grouping: .space)
        #expect(value("1 234,5", space) == 1234.5)
    }

    @Test("non-numbers are classified for the message")
    func nonNumbers() {
        #expect(failure("NaN") == .nonFinite)
        #expect(failure("inf") == .nonFinite)
        #expect(failure("-Infinity") == .nonFinite)
        #expect(failure("NA") == .nonFinite)
        #expect(failure("abc") == .notANumber)
        #expect(failure("1.") == .notANumber)
        #expect(failure(".5") == .notANumber)
        #expect(failure("1e") == .notANumber)
        #expect(failure("--1") == .notANumber)
        #expect(failure("1e400") == .overflow)
        #expect(failure("-1e400") == .overflow)
        if case .empty = parse("   ") {} else { Issue.record("blank should be empty (missing)") }
    }

    /// The fast path (Clinger) and the slow path must agree bit for bit with the standard library's
    /// correctly rounded parser on validated text: 20,000 seeded random literals of 1–20 significant digits
    /// and exponents −30…30, plus known hard cases.
    @Test("conversion is correctly rounded (parity with the standard library on validated text)")
    func correctlyRounded() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var literals = ["0.1", "0.3", "9007199254740993", "2.2250738585072014e-308", "1.7976931348623157e308",
                        "123456789012345678901234567890", "0.000000000000000000000000000001", "4.35", "28.7"]
        for _ in 0..<20_000 {
            let digits = Int(next() % 20) + 1
            var mantissa = ""
            for _ in 0..<digits { mantissa += String(next() % 10) }
            let point = Int(next() % UInt64(digits + 1))
            let text = point == digits ? mantissa
                : String(mantissa.prefix(max(point, 1))) + "." + String(mantissa.dropFirst(max(point, 1)))
            let exp = Int(next() % 61) - 30
            literals.append(text.hasSuffix(".") ? text + "0" : text + (exp == 0 ? "" : "e\(exp)"))
        }
        var mismatches: [String] = []
        for text in literals {
            guard let expected = Double(text) else { continue }
            let seen = value(text)
            if seen?.bitPattern != expected.bitPattern { mismatches.append("\(text): \(String(describing: seen)) vs \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test("years: whole numbers 1900–2100 only")
    func years() {
        func year(_ t: String) -> YearParse {
            let b = Array(t.utf8)
            return b.withUnsafeBufferPointer { YearGrammar.parse($0, 0, $0.count) }
        }
        if case .year(2023) = year("2023") {} else { Issue.record("2023") }
        if case .year(1900) = year(" 1900 ") {} else { Issue.record("1900") }
        if case .notAYear = year("2023.5") {} else { Issue.record("2023.5") }
        if case .notAYear = year("2023.0") {} else { Issue.record("2023.0") }
        if case .outOfRange(1850) = year("1850") {} else { Issue.record("1850") }
        if case .outOfRange(2101) = year("2101") {} else { Issue.record("2101") }
        if case .empty = year("") {} else { Issue.record("empty") }
    }
}
