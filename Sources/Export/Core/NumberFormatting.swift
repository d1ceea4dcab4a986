import Foundation

/// How a `Cell.number` is written.
public enum NumberStyle: Sendable, Equatable, Hashable {
    /// The shortest decimal string that reads back as the identical `Double` (Swift's `description`,
    /// which implements the shortest round-trip algorithm), written in plain positional notation when
    /// the decimal exponent is within ±20 so spreadsheet and CSV readers that reject exponents still
    /// parse it; beyond that the exponent form (`1e+25`) is kept. The default: a tidy CSV read back
    /// gives the same numbers to the last bit.
    case shortest
    /// A fixed number of digits after the decimal point (0...17), e.g. `.decimals(1)` writes `23.5`.
    case decimals(Int)
    /// A number of significant digits (1...17), e.g. `.significant(3)` writes `0.0123` and `12300`.
    case significant(Int)
}

/// Locale-independent number formatting shared by every writer (point decimal, no grouping).
public enum NumberFormatting {
    /// Formats `x` with `style`; `nil` for NaN and ±infinity (writers show those as missing).
    /// Digit counts outside 0...17 (decimals) or 1...17 (significant) are clamped to that range.
    public static func format(_ x: Double, style: NumberStyle = .shortest) -> String? {
        guard x.isFinite else { return nil }
        switch style {
        case .shortest:
            return shortest(x)
        case .decimals(let n):
            return fixed(x, decimals: min(max(n, 0), 17))
        case .significant(let n):
            let digits = min(max(n, 1), 17)
            if x == 0 { return fixed(0, decimals: digits - 1) }
            let magnitude = Int(floor(log10(abs(x))))
            let decimals = digits - 1 - magnitude
            if decimals >= 0 { return fixed(x, decimals: min(decimals, 17)) }
            let scale = pow(10.0, Double(-decimals))
            return fixed((x / scale).rounded() * scale, decimals: 0)
        }
    }

    /// `String(format: "%.*f")` without a locale (always a point), with `-0` written as `0`.
    static func fixed(_ x: Double, decimals: Int) -> String {
        let s = String(format: "%.\(decimals)f", x)
        if s.hasPrefix("-"), s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(s.dropFirst()) }
        return s
    }

    /// The shortest round-trip representation, expanded to positional notation for |exponent| ≤ 20,
    /// integral values without a trailing `.0`, and `-0` written as `0`.
    static func shortest(_ x: Double) -> String {
        if x == 0 { return "0" }
        let description = x.description
        let negative = description.hasPrefix("-")
        let body = negative ? String(description.dropFirst()) : description
        let parts = body.split(separator: "e", maxSplits: 1).map(String.init)
        let mantissa = parts.first ?? body
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        if abs(exponent) > 20 { return description }
        // Digits without the point, and where the point goes after applying the exponent.
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let integerPart = pieces.first ?? ""
        let fractionPart = pieces.count > 1 ? pieces[1] : ""
        let digits = integerPart + fractionPart
        let point = integerPart.count + exponent
        var result: String
        if point <= 0 {
            result = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            result = digits + String(repeating: "0", count: point - digits.count)
        } else {
            let splitIndex = digits.index(digits.startIndex, offsetBy: point)
            result = String(digits[..<splitIndex]) + "." + String(digits[splitIndex...])
        }
        if result.contains(".") {
            while result.hasSuffix("0") { result.removeLast() }
            if result.hasSuffix(".") { result.removeLast() }
        }
        // Leading zeros of the integer part ("012.5" cannot occur from description, but "00.5" could
        // after shifting): keep exactly one digit before the point.
        while result.count > 1, result.hasPrefix("0"), !result.hasPrefix("0.") { result.removeFirst() }
        return negative ? "-" + result : result
    }
}
