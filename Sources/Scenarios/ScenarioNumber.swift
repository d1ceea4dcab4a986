/// The number grammar of scenario files and of the `solve`/`scenario` command-line options: one place, so
/// that `attrition: 3%` in a file and `--attrition 3%` on the command line mean the same 0.03.
///
/// - A number is plain decimal: `[+-]digits[.digits][e[+-]digits]`, `_` allowed between digits
///   (`1_500_000`). Hexadecimal (`0x10`), octal, `.inf`, `.nan`, `1e400` (overflow) are not numbers.
/// - **One percent convention**: every rate or share is a fraction (`0.03` = 3 %); the string `"3%"` is
///   accepted wherever a fraction is and means 0.03. A value in an indicator's own unit (a stunting
///   prevalence of 25.0 %, a density per 10,000) is written as the data write it, and "%" is refused
///   there because it would be ambiguous.
public enum ScenarioNumber {
    /// What a number measures: its name in messages, the fix to suggest, and whether "3%" is accepted.
    public struct Unit: Sendable, Equatable {
        public let name: String
        public let hint: String
        public let acceptsPercent: Bool

        public init(name: String, hint: String, acceptsPercent: Bool = false) {
            self.name = name
            self.hint = hint
            self.acceptsPercent = acceptsPercent
        }

        /// A rate or share: 0.03 or "3%".
        public static let fraction = Unit(name: "(a fraction: 0.03 = 3 %)",
                                          hint: "Write it as a fraction: 0.03 for 3 % (or \"3%\")", acceptsPercent: true)
        /// Persons, staff, beds, hires a year.
        public static let count = Unit(name: "(a count)", hint: "Give a plain number such as 60")
        /// A density per 10,000 population.
        public static let density = Unit(name: "per 10,000 population", hint: "Give a density per 10,000 such as 10.5")
        /// An amount of money in the scenario's currency.
        public static let money = Unit(name: "(currency units)", hint: "Give the amount in the currency units, e.g. 1.2e8")
        /// A multiplier such as `accelerate`.
        public static let factor = Unit(name: "(a factor: 1 = as observed, 1.5 = 50 % faster)",
                                        hint: "Give a factor such as 1.5")
        /// A value of an indicator, in the indicator's unit.
        public static func indicator(_ code: String, unit: String) -> Unit {
            Unit(name: "(\(code) in its unit: \(unit))",
                 hint: "Write the value as the data do (\(unit)), within the indicator's bounds (`chitieu indicators`)")
        }

        public static func == (a: Unit, b: Unit) -> Bool { a.name == b.name && a.acceptsPercent == b.acceptsPercent }
    }

    /// The value of `text` in `unit`, or `nil` when it is not a finite plain decimal (or is "x%" where
    /// `unit` takes no percentages). "3%" → 0.03 for fractions.
    public static func parse(_ text: String, unit: Unit) -> Double? {
        var body = Substring(text)
        var percent = false
        if body.hasSuffix("%") {
            guard unit.acceptsPercent else { return nil }
            percent = true
            body = body.dropLast()
            while body.last == " " { body = body.dropLast() }
        }
        guard let value = decimal(body) else { return nil }
        return percent ? value / 100 : value
    }

    /// A plain decimal number (see the type's grammar), finite.
    public static func decimal(_ text: Substring) -> Double? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 64 else { return nil }
        var i = 0
        var cleaned: [UInt8] = []
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        /// Digits with `_` only between two digits; returns how many digits were read.
        func digits() -> Int {
            var n = 0
            while i < bytes.count {
                if isDigit(bytes[i]) { cleaned.append(bytes[i]); n += 1; i += 1 }
                else if bytes[i] == 0x5F, n > 0, i + 1 < bytes.count, isDigit(bytes[i + 1]) { i += 1 }
                else { break }
            }
            return n
        }
        if bytes[i] == 0x2B || bytes[i] == 0x2D { cleaned.append(bytes[i]); i += 1 }
        var mantissa = digits()
        if i < bytes.count, bytes[i] == 0x2E {
            cleaned.append(0x2E)
            i += 1
            mantissa += digits()
        }
        guard mantissa > 0 else { return nil }
        if i < bytes.count, bytes[i] == 0x65 || bytes[i] == 0x45 {
            cleaned.append(0x65)
            i += 1
            if i < bytes.count, bytes[i] == 0x2B || bytes[i] == 0x2D { cleaned.append(bytes[i]); i += 1 }
            guard digits() > 0 else { return nil }
        }
        guard i == bytes.count, let value = Double(String(decoding: cleaned, as: UTF8.self)), value.isFinite else {
            return nil
        }
        return value
    }

    /// A whole number in plain decimal digits (optional sign), `nil` on overflow or anything else.
    public static func integer(_ text: String) -> Int? {
        let body = text.first == "+" ? text.dropFirst() : Substring(text)
        guard let first = body.first, first == "-" || first.isASCII && first.isNumber,
              body.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(body)
    }
}
