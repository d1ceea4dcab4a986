import Foundation
import IndicatorData
import LinearAlgebra
import Projection
import Testing

// MARK: - Helpers shared by the Attainment tests

let testProvenance = Provenance(file: "test", line: 1, source: "unit test")

func makeTarget(_ indicator: String = "x", year: Int, value: Double?, comparator: IndicatorData.Comparator?,
                kind: TargetKind = .level, text: String? = nil, note: String = "") -> Target {
    Target(indicator: indicator, region: "VN-28", year: year, value: value, comparator: comparator, kind: kind,
           text: text ?? "\(comparator?.rawValue ?? "")\(value.map { String($0) } ?? "")", note: note,
           provenance: testProvenance)
}

func makeIndicator(code: String = "x", direction: Direction = .lowerIsBetter, scale: ModelScale = .log) -> Indicator {
    Indicator(code: code, planRow: "7", group: .outcome, nameVi: "Tỷ lệ", nameEn: "Rate", unit: "%",
              direction: direction, lowerBound: 0, upperBound: 100, scale: scale, nationalSeries: nil,
              nationalComparable: true, provincialSeries: nil, note: "")
}

/// A trend with given parameters (model scale), anchored at 2023.
func makeFit(intercept: Double, slope: Double, covariance: [[Double]], sigma: Double, df: Double,
             transform: Transform = .log, window: ClosedRange<Int> = 2009...2023, extraVariance: Double = 0,
             calibration: IntervalCalibration = .none) throws -> TrendFit {
    TrendFit(key: SeriesKey(indicator: "x", region: "VN-28"), transform: transform, window: window,
             anchorYear: window.upperBound, points: Int(df.isFinite ? df : 100) + 2, coefficients: [intercept, slope],
             unscaledCovariance: try Matrix(rowMajor: covariance), sigma: sigma, degreesOfFreedom: df,
             method: .trend, weighting: "ols", extraVariance: extraVariance, calibration: calibration)
}

/// OLS of g(y) on [1, year − last year] in closed form (2 × 2 normal equations; fine for these
/// well-conditioned 15-point test series), returning the TrendFit the projection layer would build.
func olsFit(years: [Int], values: [Double], transform: Transform = .log) throws -> TrendFit {
    let last = try #require(years.max())
    let t = years.map { Double($0 - last) }
    let z = try values.map { try transform.forward($0) }
    let n = Double(t.count)
    let st = t.reduce(0, +), stt = t.map { $0 * $0 }.reduce(0, +)
    let det = n * stt - st * st
    let inv = [[stt / det, -st / det], [-st / det, n / det]]
    let sz = z.reduce(0, +), stz = zip(t, z).map { $0 * $1 }.reduce(0, +)
    let a = inv[0][0] * sz + inv[0][1] * stz
    let b = inv[1][0] * sz + inv[1][1] * stz
    var rss = 0.0
    for (ti, zi) in zip(t, z) { let r = zi - a - b * ti; rss += r * r }
    let df = n - 2
    return TrendFit(key: SeriesKey(indicator: "x", region: "r"), transform: transform,
                    window: (years.min() ?? last)...last, anchorYear: last, points: t.count, coefficients: [a, b],
                    unscaledCovariance: try Matrix(rowMajor: inv), sigma: (rss / df).squareRoot(),
                    degreesOfFreedom: df, method: .trend, weighting: "ols")
}

/// Reads a small comma-separated fixture with a header into rows of strings.
func readCSV(_ name: String) throws -> [[String: String]] {
    let base = try #require(Bundle.module.resourceURL)
    let text = try String(contentsOf: base.appendingPathComponent("Fixtures/peer_mc/\(name)"), encoding: .utf8)
    let lines = text.split(whereSeparator: \.isNewline).map(String.init)
    let header = try #require(lines.first).split(separator: ",").map(String.init)
    return lines.dropFirst().map { line in
        Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
    }
}

/// |seen − expected| ≤ k·se, with a message showing both and the size of the error in SE units.
func expectWithin(_ seen: Double, _ expected: Double, se: Double, k: Double, _ what: String,
                  sourceLocation: SourceLocation = #_sourceLocation) {
    let z = se > 0 ? abs(seen - expected) / se : (seen == expected ? 0 : .infinity)
    #expect(z <= k, "\(what): seen \(seen), expected \(expected), |Δ| = \(abs(seen - expected)) = \(z) SE (limit \(k))",
            sourceLocation: sourceLocation)
}
