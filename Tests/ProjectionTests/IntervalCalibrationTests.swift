import Foundation
import IndicatorData
@testable import Projection
import Testing

@Suite("Interval calibration")
struct IntervalCalibrationTests {
    /// A made-up declining series (test input only, not data).
    static let series = Series(indicator: "u5mr", region: "T", unit: "per 1000",
                               observations: zip(2009...2023, [40.1, 38.0, 36.9, 35.2, 33.0, 32.4, 30.1, 29.5, 27.9,
                                                               27.0, 25.1, 24.6, 23.0, 22.5, 21.1])
                                   .map { Observation(year: $0.0, value: $0.1, provenance: Provenance(file: "test", line: 0, source: "test")) })
    static let additive = IntervalCalibration.additive(driftVariance: 0.0009, exponent: 1.75, degreesOfFreedom: 5,
                                                       label: "test")

    /// `.none` is the classical interval: scale² = σ̂²(1 + x₀ᵀ(XᵀX)⁻¹x₀), df n − 2, factor 1.
    @Test func noneIsClassical() throws {
        let fit = try TrendFitter.fit(Self.series, indicator: nil, options: TrendOptions(scale: .log, weighting: .none))
        let p = fit.predictive(year: 2030)
        let classical = fit.sigma * (1 + fit.leverage(year: 2030)).squareRoot()
        #expect(abs(p.scale - classical) <= 1e-15 * classical && p.degreesOfFreedom == 13 && p.calibrationFactor == 1)
    }

    /// Additive: scale² = v₀ + τ²·h^γ exactly, df min(ν, n − 2); in-sample years (h ≤ 0) get no drift term.
    @Test func additiveScale() throws {
        var options = TrendOptions(scale: .log)
        options.calibration = Self.additive
        let fit = try TrendFitter.fit(Self.series, indicator: nil, options: options)
        let p = fit.predictive(year: 2030)
        let v0 = fit.sigma * fit.sigma * (1 + fit.leverage(year: 2030))
        let expected = (v0 + 0.0009 * pow(7, 1.75)).squareRoot()
        #expect(abs(p.scale - expected) <= 1e-14 * expected, "scale \(p.scale) expected \(expected)")
        #expect(p.degreesOfFreedom == 5)
        #expect(abs(p.calibrationFactor - expected / v0.squareRoot()) < 1e-12)
        #expect(Self.additive.driftVariance(horizon: 0) == 0 && Self.additive.driftVariance(horizon: -3) == 0)
    }

    /// The batch path (one LAPACK call per year set) gives the same intervals as `TrendFit.predictive` with an
    /// additive calibration: both use `IntervalCalibration.predictiveScale`. Relative 1e-9: QR vs SVD drivers.
    @Test func batchMatchesSingleFit() throws {
        let options = TrendOptions(scale: .log, weighting: .none, calibration: Self.additive)
        let fit = try TrendFitter.fit(Self.series, indicator: nil, options: options)
        let (results, skipped) = try BatchProjection.run(
            series: [Self.series], transformFor: { _ in .log },
            milestones: { _ in [BatchMilestone(year: 2030, target: 20, comparator: .lessThan)] },
            calibrationFor: { _ in Self.additive })
        #expect(skipped.isEmpty)
        let r = try #require(results.first)
        let p = fit.predictive(year: 2030)
        let (lo, hi) = p.predictionInterval(level: 0.95)
        for (seen, expected) in [(r.lower95, lo), (r.upper95, hi), (r.probability ?? .nan, p.cdf(20))] {
            #expect(abs(seen - expected) <= 1e-9 * abs(expected), "batch \(seen) single \(expected)")
        }
    }
}
