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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        appendShortest(x, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `shortest(x)` as UTF-8 bytes, for writers that build their output as bytes.
    ///
    /// Works on the bytes of Swift's `description` (the shortest round-trip digits, SwiftDtoa): splits the
    /// mantissa and the decimal exponent, moves the point by the exponent when |exponent| ≤ 20, then drops
    /// trailing fractional zeros and a trailing point. No intermediate strings: the batch path writes
    /// millions of numbers and the string-splitting version was a third of its run time.
    /// - Complexity: O(number of digits), one small allocation (the description) per call.
    public static func appendShortest(_ x: Double, to out: inout [UInt8]) {
        if x == 0 { out.append(0x30); return }
        var description = x.description
        description.withUTF8 { d in appendExpanded(d, to: &out) }
    }

    /// The expansion step of `appendShortest` on the bytes of a `Double.description`.
    private static func appendExpanded(_ d: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let n = d.count
        let negative = n > 0 && d[0] == UInt8(ascii: "-")
        let bodyStart = negative ? 1 : 0
        // Mantissa end (the "e", or the end) and the decimal exponent.
        var mantissaEnd = bodyStart
        while mantissaEnd < n, d[mantissaEnd] != UInt8(ascii: "e") { mantissaEnd += 1 }
        var exponent = 0
        if mantissaEnd < n {
            var i = mantissaEnd + 1
            var expNegative = false
            if i < n, d[i] == UInt8(ascii: "-") || d[i] == UInt8(ascii: "+") {
                expNegative = d[i] == UInt8(ascii: "-")
                i += 1
            }
            while i < n, d[i] &- 48 < 10 { exponent = exponent * 10 + Int(d[i] &- 48); i += 1 }
            if expNegative { exponent = -exponent }
        }
        if abs(exponent) > 20 {
            out.append(contentsOf: d)
            return
        }
        if mantissaEnd == n {
            // No exponent: the description is already positional ("12.5", "0.001", "12.0"); only a
            // trailing ".0" (or trailing zeros after the point, which SwiftDtoa does not produce) goes.
            let start = out.count
            out.append(contentsOf: d)
            guard d.contains(UInt8(ascii: ".")) else { return }
            while out.count > start + bodyStart, out[out.count - 1] == UInt8(ascii: "0") { out.removeLast() }
            if out.count > start + bodyStart, out[out.count - 1] == UInt8(ascii: ".") { out.removeLast() }
            return
        }
        // Integer and fraction digits of the mantissa.
        var pointIndex = bodyStart
        while pointIndex < mantissaEnd, d[pointIndex] != UInt8(ascii: ".") { pointIndex += 1 }
        let integerCount = pointIndex - bodyStart
        let fractionStart = min(pointIndex + 1, mantissaEnd)
        var fractionEnd = fractionStart
        while fractionEnd < mantissaEnd, d[fractionEnd] != UInt8(ascii: ".") { fractionEnd += 1 }
        let digitCount = integerCount + (fractionEnd - fractionStart)
        @inline(__always) func digit(_ k: Int) -> UInt8 {
            k < integerCount ? d[bodyStart + k] : d[fractionStart + k - integerCount]
        }
        let point = integerCount + exponent
        if negative { out.append(UInt8(ascii: "-")) }
        let resultStart = out.count
        var hasPoint = false
        if point <= 0 {
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "."))
            hasPoint = true
            for _ in 0..<(-point) { out.append(UInt8(ascii: "0")) }
            for k in 0..<digitCount { out.append(digit(k)) }
        } else if point >= digitCount {
            for k in 0..<digitCount { out.append(digit(k)) }
            for _ in 0..<(point - digitCount) { out.append(UInt8(ascii: "0")) }
        } else {
            for k in 0..<point { out.append(digit(k)) }
            out.append(UInt8(ascii: "."))
            hasPoint = true
            for k in point..<digitCount { out.append(digit(k)) }
        }
        if hasPoint {
            while out.count > resultStart, out[out.count - 1] == UInt8(ascii: "0") { out.removeLast() }
            if out.count > resultStart, out[out.count - 1] == UInt8(ascii: ".") { out.removeLast() }
        }
        // Keep exactly one digit before the point ("00.5" cannot come from description, but be safe).
        var leading = 0
        while out.count - (resultStart + leading) > 1, out[resultStart + leading] == UInt8(ascii: "0"),
              out[resultStart + leading + 1] != UInt8(ascii: ".") {
            leading += 1
        }
        if leading > 0 { out.removeSubrange(resultStart..<(resultStart + leading)) }
    }
}
