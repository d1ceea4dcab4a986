// MARK: - Declared number format

/// The decimal mark a file uses, declared per file (`--decimal point|comma`), never taken from the locale:
/// Foundation's locale-aware parsing reads "10.5" as 10 or 105 under a Vietnamese locale.
public enum DecimalMark: String, Sendable, Hashable, CaseIterable, Codable {
    case point
    case comma

    var byte: UInt8 { self == .point ? UInt8(ascii: ".") : UInt8(ascii: ",") }
    var symbol: String { self == .point ? "." : "," }
}

/// A thousands-grouping separator, rejected unless declared (`.none`, the default).
public enum GroupingSeparator: String, Sendable, Hashable, CaseIterable, Codable {
    case none, point, comma, space

    var byte: UInt8? {
        switch self {
        case .none: return nil
        case .point: return UInt8(ascii: ".")
        case .comma: return UInt8(ascii: ",")
        case .space: return UInt8(ascii: " ")
        }
    }
}

/// How numbers in a file are written.
public struct NumberFormat: Sendable, Hashable {
    public var decimalMark: DecimalMark
    public var grouping: GroupingSeparator

    public init(decimalMark: DecimalMark = .point, grouping: GroupingSeparator = .none) {
        self.decimalMark = decimalMark
        self.grouping = grouping
    }
}

// MARK: - Parse outcome

/// Result of parsing one numeric field. Failures carry a reason; the message is built only on failure.
enum NumberParse {
    case value(Double)
    case empty
    case failure(NumberFailure)
}

enum NumberFailure {
    /// Not in the grammar.
    case notANumber
    /// "NaN", "inf", "NA", "-": text that stands for a non-number.
    case nonFinite
    /// "10,5" under decimal point (no grouping declared).
    case decimalCommaUnderPoint
    /// "1,234" or "1,234,567" under decimal point: grouping or decimal comma, ambiguous.
    case groupingLikeUnderPoint
    /// "10.609" under decimal comma: looks like a grouping separator.
    case groupingLikeUnderComma
    /// "10.5" under decimal comma.
    case decimalPointUnderComma
    /// |x| ≥ 2^1024 after rounding ("1e400").
    case overflow

    /// Message (without position) and hint for a value field.
    func describe(_ text: String, format: NumberFormat) -> (message: String, hint: String) {
        let mark = format.decimalMark.rawValue
        switch self {
        case .notANumber:
            let other = format.decimalMark == .point ? "comma" : "point"
            return ("value \"\(text)\" is not a number (decimal mark: \(mark))",
                    "Fix the cell or pass --decimal \(other) if the file uses decimal \(other)s")
        case .nonFinite:
            return ("value \"\(text)\" is not a finite number",
                    "Leave the cell empty for a missing value (it is reported as missing, never read as 0)")
        case .decimalCommaUnderPoint:
            return ("value \"\(text)\" has a decimal comma but the file's decimal mark is point",
                    "Pass --decimal comma if the file uses decimal commas, or write the number with a point")
        case .groupingLikeUnderPoint:
            let plain = text.filter { $0 != "," }
            return ("value \"\(text)\" is ambiguous: \",\" is neither the decimal mark (point) nor a declared grouping separator",
                    "Write \(plain) without separators, or pass --decimal comma if the comma is the decimal mark")
        case .groupingLikeUnderComma:
            let plain = text.filter { $0 != "." }
            return ("value \"\(text)\" looks like a number with a thousands separator \".\" (decimal mark: comma)",
                    "If it means \(plain), remove the \".\"; if the file uses decimal points, pass --decimal point")
        case .decimalPointUnderComma:
            return ("value \"\(text)\" has a decimal point but the file's decimal mark is comma",
                    "Pass --decimal point if the file uses decimal points, or write the number with a comma")
        case .overflow:
            return ("value \"\(text)\" is too large for a double-precision number (limit about 1.8e308)",
                    "Check the cell; if the value is real, rescale the unit")
        }
    }
}

// MARK: - Grammar

/// Strict number grammar over bytes, with the decimal mark declared per file.
///
/// Point mode:  `[+-]? int ( "." digits )? ( [eE] [+-]? digits )?`
/// Comma mode:  `[+-]? int ( "," digits )?` (no exponent: "1,5e3" is too unusual to guess about)
/// where `int` is `digits`, or, when a grouping separator is declared, `d{1,3} ( sep ddd )*`.
/// Leading and trailing spaces/tabs are ignored. Nothing else is accepted: no locale, no "NaN", no
/// currency or percent signs, no leading "." (".5").
///
/// Conversion is exact: up to 19 significant digits accumulate in a `UInt64`; when the mantissa is at
/// most 2^53 and the decimal exponent within ±22, one IEEE multiplication or division by an exact power
/// of ten gives the correctly rounded result (Clinger 1990, "How to read floating point numbers
/// accurately", PLDI; the "fast path" of every strtod). Otherwise the validated bytes are rewritten as a
/// plain ASCII literal and handed to the standard library's locale-independent `Double(_:)`.
///
/// - Complexity: O(length of the field), no allocation on the fast path.
enum NumberGrammar {
    private static let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c &- 48 < 10 }
    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == 32 || c == 9 }

    static func parse(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                      format: NumberFormat) -> NumberParse {
        var i = start
        var e = end
        while i < e, isBlank(b[i]) { i += 1 }
        while e > i, isBlank(b[e - 1]) { e -= 1 }
        if i == e { return .empty }
        let first = i
        let decimal = format.decimalMark.byte
        let group = format.grouping.byte
        var negative = false
        if b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var dropped = false
        var exponent = 0
        var intDigits = 0
        var groupRun = 0          // digits since the last grouping separator
        var sawGroup = false
        var sawOther = false      // saw the "other" mark ("," under point, "." under comma) in the integer part
        // Integer part.
        while i < e {
            let c = b[i]
            if isDigit(c) {
                accumulate(c, &mantissa, &significant, &dropped, &exponent, fractional: false)
                intDigits += 1
                groupRun += 1
                i += 1
            } else if let g = group, c == g {
                if sawGroup ? groupRun != 3 : (groupRun < 1 || groupRun > 3) { return .failure(.notANumber) }
                sawGroup = true
                groupRun = 0
                i += 1
            } else if c != decimal, c == UInt8(ascii: ",") || c == UInt8(ascii: ".") {
                sawOther = true
                i += 1
            } else {
                break
            }
        }
        if sawGroup, groupRun != 3 { return .failure(.notANumber) }
        if sawOther { return .failure(classifyOtherMark(b, first, e, format: format)) }
        if intDigits == 0 { return .failure(classifyNonNumeric(b, first, e)) }
        // Fraction.
        if i < e, b[i] == decimal {
            i += 1
            var fracDigits = 0
            while i < e, isDigit(b[i]) {
                accumulate(b[i], &mantissa, &significant, &dropped, &exponent, fractional: true)
                fracDigits += 1
                i += 1
            }
            if fracDigits == 0 { return .failure(.notANumber) }
        }
        // Exponent (point mode only).
        if i < e, format.decimalMark == .point, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            var expNegative = false
            if i < e, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") {
                expNegative = b[i] == UInt8(ascii: "-")
                i += 1
            }
            var expValue = 0
            var expDigits = 0
            while i < e, isDigit(b[i]) {
                if expValue < 100_000 { expValue = expValue * 10 + Int(b[i] &- 48) }
                expDigits += 1
                i += 1
            }
            if expDigits == 0 { return .failure(.notANumber) }
            exponent += expNegative ? -expValue : expValue
        }
        if i != e { return .failure(.notANumber) }
        // Conversion.
        if mantissa == 0 { return .value(negative ? -0.0 : 0.0) }
        if !dropped, mantissa <= (1 << 53), exponent >= -22, exponent <= 22 {
            let m = Double(mantissa)
            let magnitude = exponent >= 0 ? m * exactPowers[exponent] : m / exactPowers[-exponent]
            return .value(negative ? -magnitude : magnitude)
        }
        return slowPath(b, first, e, format: format)
    }

    @inline(__always)
    private static func accumulate(_ c: UInt8, _ mantissa: inout UInt64, _ significant: inout Int,
                                   _ dropped: inout Bool, _ exponent: inout Int, fractional: Bool) {
        let d = UInt64(c &- 48)
        if significant == 0, d == 0 {
            if fractional { exponent -= 1 }
            return
        }
        if significant < 19 {
            mantissa = mantissa &* 10 &+ d
            significant += 1
            if fractional { exponent -= 1 }
        } else {
            if d != 0 { dropped = true }
            if !fractional { exponent += 1 }
        }
    }

    /// Rewrites the validated literal in plain ASCII (grouping removed, "." as decimal mark) and converts
    /// it with the standard library's locale-independent parser; reports overflow.
    private static func slowPath(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                 format: NumberFormat) -> NumberParse {
        var ascii: [UInt8] = []
        ascii.reserveCapacity(end - start)
        for k in start..<end {
            let c = b[k]
            if let g = format.grouping.byte, c == g { continue }
            ascii.append(c == format.decimalMark.byte ? UInt8(ascii: ".") : c)
        }
        guard let value = Double(String(decoding: ascii, as: UTF8.self)) else { return .failure(.notANumber) }
        guard value.isFinite else { return .failure(.overflow) }
        return .value(value)
    }

    /// "," under point / "." under comma in the integer part: grouping-like, decimal-like, or garbage.
    private static func classifyOtherMark(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                          format: NumberFormat) -> NumberFailure {
        let other: UInt8 = format.decimalMark == .point ? UInt8(ascii: ",") : UInt8(ascii: ".")
        var i = start
        if i < end, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
        // Split the remainder on `other`; any other character makes it not a number.
        var groups: [Int] = []
        var run = 0
        while i < end {
            let c = b[i]
            if isDigit(c) { run += 1 } else if c == other { groups.append(run); run = 0 } else { return .notANumber }
            i += 1
        }
        groups.append(run)
        guard let head = groups.first, head >= 1, groups.count >= 2 else { return .notANumber }
        let groupingLike = head <= 3 && groups.dropFirst().allSatisfy { $0 == 3 }
        if format.decimalMark == .point {
            if groupingLike { return .groupingLikeUnderPoint }
            return groups.count == 2 && groups[1] > 0 ? .decimalCommaUnderPoint : .notANumber
        } else {
            if groupingLike { return .groupingLikeUnderComma }
            return groups.count == 2 && groups[1] > 0 ? .decimalPointUnderComma : .notANumber
        }
    }

    /// Text that names a non-number ("NaN", "inf", "Infinity", "NA", "N/A", "-", "..") vs plain garbage.
    private static func classifyNonNumeric(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> NumberFailure {
        var text = ""
        for k in start..<min(end, start + 12) { text.unicodeScalars.append(Unicode.Scalar(b[k])) }
        let key = text.lowercased().trimmingSign()
        let names: Set<String> = ["nan", "inf", "infinity", "na", "n/a", "-", "..", "...", "null", "none"]
        return names.contains(key) ? .nonFinite : .notANumber
    }
}

extension String {
    fileprivate func trimmingSign() -> String {
        guard count > 1, let f = first, f == "-" || f == "+" else { return self }
        return String(dropFirst())
    }
}

// MARK: - Years

/// Result of parsing a year field.
enum YearParse {
    case year(Int)
    case empty
    /// Not a whole number of digits ("2023.5", "FY2023", "2023-01").
    case notAYear
    /// A whole number outside the accepted range.
    case outOfRange(Int)
}

enum YearGrammar {
    /// Years chitieu accepts: annual health statistics and plan horizons. Outside this range the cell is
    /// almost surely a typo or another column (1850, 20233) rather than data.
    static let accepted = 1900...2100

    /// `[0-9]+` after trimming spaces, then a range check. No sign, no decimal, no grouping.
    static func parse(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> YearParse {
        var i = start
        var e = end
        while i < e, NumberGrammar.isBlank(b[i]) { i += 1 }
        while e > i, NumberGrammar.isBlank(b[e - 1]) { e -= 1 }
        if i == e { return .empty }
        if e - i > 9 { return .notAYear }
        var value = 0
        while i < e {
            let c = b[i]
            guard NumberGrammar.isDigit(c) else { return .notAYear }
            value = value * 10 + Int(c &- 48)
            i += 1
        }
        return accepted.contains(value) ? .year(value) : .outOfRange(value)
    }

    /// Message and hint for a failed year field.
    static func describe(_ parse: YearParse, text: String) -> (message: String, hint: String) {
        switch parse {
        case .empty:
            return ("year is empty", "Every row needs a four-digit calendar year")
        case .outOfRange(let y):
            return ("year \(y) is outside \(accepted.lowerBound)–\(accepted.upperBound)",
                    "Check the cell; chitieu reads annual data for \(accepted.lowerBound)–\(accepted.upperBound) only")
        case .notAYear, .year:
            return ("year \"\(text)\" is not a whole calendar year",
                    "Write the year as four digits (e.g. 2023); fractional, fiscal or dated periods are not supported")
        }
    }
}
