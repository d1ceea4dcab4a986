import Foundation
import IndicatorData
import Projection
import PropertyBased
import Statistics
import Testing

/// A scale choice cannot break calibration or bounds (issue 14, item 5).
@Suite("Calibration on every scale; bounds on every scale")
struct ScaleCalibrationTests {
    static let percent = Indicator(code: "coverage_pct", planRow: "12", group: .outcome, nameVi: "Tỉ lệ",
                                   nameEn: "Coverage", unit: "% of population", direction: .higherIsBetter,
                                   lowerBound: 0, upperBound: 100, scale: .logit, nationalSeries: nil,
                                   nationalComparable: true, provincialSeries: nil, note: "")
    /// The shipped pooled constants (Datasets/calibration/calibration.json, group "pooled"): τ² = 0.0011892,
    /// γ = 2.25, ν = 2, κ = 0.5 — the calibration health insurance coverage gets.
    static let pooled = IntervalCalibration.additive(driftVariance: 0.0011892043282552263, exponent: 2.25,
                                                     degreesOfFreedom: 2, label: "pooled", slopeAttenuation: 0.5)

    /// The delta-method ratio g₁'(ŷ)/g₀'(ŷ) at the issue's number: logit[0,100] constants on a linear fit at
    /// ŷ = 97.6 % give (97.6 × 2.4)/100 = 2.3424; log constants on a linear fit give ŷ; linear constants on a
    /// log fit give 1/ŷ. Tolerance 1e-12: closed forms in double precision.
    @Test func deltaMethodRatio() {
        let logitToLinear = ScaleConversion(native: .logit(lower: 0, upper: 100), fitted: .identity, intercept: 97.6,
                                            slope: 0, slopeAttenuation: 1)
        #expect(abs(logitToLinear.ratio(horizon: 3) - 2.3424) < 1e-12)
        let logToLinear = ScaleConversion(native: .log, fitted: .identity, intercept: 40, slope: -2, slopeAttenuation: 0.5)
        #expect(abs(logToLinear.ratio(horizon: 4) - 36) < 1e-12)  // ŷ = 40 − 0.5·2·4
        let linearToLog = ScaleConversion(native: .identity, fitted: .log, intercept: log(70), slope: 0.01,
                                          slopeAttenuation: 1)
        #expect(abs(linearToLog.ratio(horizon: 5) - 1 / (70 * exp(0.05))) < 1e-12)
        #expect(ScaleConversion(native: .log, fitted: .log, intercept: 1, slope: 1, slopeAttenuation: 1)
            .ratio(horizon: 9) == 1)
        // Near a logit bound the ratio is taken 0.5 % of the range inside it, never 0.
        let atBound = ScaleConversion(native: .logit(lower: 0, upper: 100), fitted: .identity, intercept: 106,
                                      slope: 0, slopeAttenuation: 1)
        #expect(abs(atBound.ratio(horizon: 2) - 99.5 * 0.5 / 100) < 1e-12)
    }

    /// Parity with a finite difference: the ratio is the derivative of g₁∘g₀⁻¹ at g₀(ŷ) (generated levels).
    @Test func ratioIsTheDerivativeOfTheScaleChange() async {
        let pairs: [(Transform, Transform)] = [(.logit(lower: 0, upper: 100), .identity), (.log, .identity),
                                               (.identity, .log), (.logit(lower: 0, upper: 100), .log),
                                               (.log, .logit(lower: 0, upper: 100))]
        await propertyCheck(count: 200, input: Gen.double(in: 2...98), Gen.int(in: 0...4)) { y, which in
            let (native, fitted) = pairs[which]
            guard let z0 = try? native.forward(y), let z1 = try? fitted.forward(y) else { return }
            let conversion = ScaleConversion(native: native, fitted: fitted, intercept: z1, slope: 0,
                                             slopeAttenuation: 1)
            let e = 1e-6
            let derivative = ((try? fitted.forward(native.inverse(z0 + e))) ?? .nan)
                - ((try? fitted.forward(native.inverse(z0 - e))) ?? .nan)
            // Central difference: error O(e²) ≈ 1e-12 relative; 1e-6 allows for cancellation.
            #expect(abs(conversion.ratio(horizon: 1) - derivative / (2 * e)) <= 1e-6 * max(1, abs(derivative / (2 * e))))
        }
    }

    /// A generated percentage series, fitted on each scale with the pooled calibration: every median and
    /// interval endpoint stays in [0, 100] to 2040, and the calibrated interval is never narrower than the
    /// classical (W)LS one on the same scale (model-scale half-width, same level).
    @Test(arguments: [ModelScale.linear, .log, .logit])
    func boundedAndNeverNarrower(scale: ModelScale) async {
        await propertyCheck(count: 60, input: Gen.double(in: 3...97), Gen.double(in: -4...4), Gen.double(in: 0...4),
                            Gen.bool) { level, slope, noise, recency in
            let series = Self.series(level: level, slope: slope, noise: noise)
            let weighting: Weighting = recency ? .recency(lambda: 0.8) : .none
            let options = TrendOptions(scale: scale, weighting: weighting, calibration: Self.pooled)
            guard let calibrated = try? TrendFitter.fit(series, indicator: Self.percent, options: options) else { return }
            var classicalOptions = options
            classicalOptions.calibration = .none
            guard let classical = try? TrendFitter.fit(series, indicator: Self.percent, options: classicalOptions)
            else { return }
            Self.expectBoundedAndWider(calibrated, classical)
        }
    }

    /// `--model auto` obeys the same rules: the chosen scale's fit stays in bounds and is never narrower.
    @Test func autoRespectsBoundsAndCalibration() async {
        await propertyCheck(count: 40, input: Gen.double(in: 3...97), Gen.double(in: -4...4), Gen.double(in: 0...4)) {
            level, slope, noise in
            let series = Self.series(level: level, slope: slope, noise: noise)
            let base = TrendOptions(calibration: Self.pooled)
            let choice = ModelSelection.choose(series: series, indicator: Self.percent, base: base)
            #expect(choice.options.calibration == Self.pooled)
            guard let calibrated = try? TrendFitter.fit(series, indicator: Self.percent, options: choice.options)
            else { return }
            var classicalOptions = choice.options
            classicalOptions.calibration = .none
            guard let classical = try? TrendFitter.fit(series, indicator: Self.percent, options: classicalOptions)
            else { return }
            Self.expectBoundedAndWider(calibrated, classical)
        }
    }

    /// The issue's case: health insurance on the linear scale no longer leaves 100 % and is widened.
    @Test func linearPercentageIsWidenedAndBounded() throws {
        let series = Series(indicator: "coverage_pct", region: "VN-28", unit: "%", observations: [
            (2013, 70.0), (2018, 88.0), (2021, 91.0), (2023, 93.5),
        ].map { Observation(year: $0.0, value: $0.1, provenance: Provenance(file: "t", line: 1, source: "t")) })
        let options = TrendOptions(scale: .linear, weighting: .recency(lambda: 0.8), calibration: Self.pooled)
        let fit = try TrendFitter.fit(series, indicator: Self.percent, options: options)
        #expect(fit.calibration.conversion?.native == .logit(lower: 0, upper: 100))
        #expect(fit.warnings.contains { $0.contains("delta method") })
        let p = fit.predictive(year: 2030)
        #expect(p.predictionInterval(level: 0.95).upper <= 100 && p.median <= 100)
        // The drift variance added is τ²·h^γ·r(h)², r at the projected level (the delta method).
        let r = try #require(fit.calibration.conversion).ratio(horizon: 7)
        let v0 = pow(p.scale / p.calibrationFactor, 2)
        let drift = 0.0011892043282552263 * pow(7, 2.25) * r * r
        #expect(r > 0 && p.calibrationFactor > 1)
        #expect(abs(p.scale * p.scale - v0 - drift) < 1e-9 * max(1, drift), "drift \(drift), r \(r)")
        #expect(p.survival(100.5) == 0 && p.cdf(-1) == 0)
    }

    // MARK: - Helpers

    static func series(level: Double, slope: Double, noise: Double) -> Series {
        let observations = (2010...2023).map { year -> Observation in
            let t = Double(year - 2023)
            let value = min(max(level + slope * t + noise * sin(1.7 * Double(year)), 0.5), 99.5)
            return Observation(year: year, value: value, provenance: Provenance(file: "gen", line: year, source: "gen"))
        }
        return Series(indicator: "coverage_pct", region: "R", unit: "%", observations: observations)
    }

    static func expectBoundedAndWider(_ calibrated: TrendFit, _ classical: TrendFit) {
        for year in 2024...2040 {
            let p = calibrated.predictive(year: year), q = classical.predictive(year: year)
            for level in [0.8, 0.95] {
                let pi = p.predictionInterval(level: level)
                #expect(pi.lower >= 0 && pi.upper <= 100 && pi.lower <= pi.upper,
                        "\(calibrated.transform) \(year) \(level): [\(pi.lower), \(pi.upper)]")
                // Model-scale half-widths: scale × t quantile (df min(ν, n − 2) ≤ n − 2).
                let zp = p.scale * ((try? StudentT(degreesOfFreedom: p.degreesOfFreedom).quantile(0.5 + level / 2)) ?? .nan)
                let zq = q.scale * ((try? StudentT(degreesOfFreedom: q.degreesOfFreedom).quantile(0.5 + level / 2)) ?? .nan)
                #expect(zp >= zq * (1 - 1e-12), "\(calibrated.transform) \(year): calibrated \(zp) < classical \(zq)")
            }
            #expect(p.median >= 0 && p.median <= 100)
        }
    }
}
