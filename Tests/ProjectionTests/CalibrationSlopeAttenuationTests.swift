import Foundation
import IndicatorData
@testable import Projection
import Testing

/// Slope attenuation κ: projected location a + κ·b·h (Benchmarks/calibration/slope.py).
@Suite("Calibration slope attenuation")
struct CalibrationSlopeAttenuationTests {
    /// A made-up declining series (test input only, not data).
    static let series = Series(indicator: "u5mr", region: "T", unit: "per 1000",
                               observations: zip(2009...2023, [40.1, 38.0, 36.9, 35.2, 33.0, 32.4, 30.1, 29.5, 27.9,
                                                               27.0, 25.1, 24.6, 23.0, 22.5, 21.1])
                                   .map { Observation(year: $0.0, value: $0.1, provenance: Provenance(file: "test", line: 0, source: "test")) })
    static let attenuated = IntervalCalibration.additive(driftVariance: 0.0009, exponent: 1.75, degreesOfFreedom: 5,
                                                         label: "test", slopeAttenuation: 0.5)

    /// Projected years: a + κ·b·h; in-sample years keep the fitted line; the scale is unchanged by κ.
    @Test func predictiveAttenuatesProjectedSlope() throws {
        let fit = try TrendFitter.fit(Self.series, indicator: nil,
                                      options: TrendOptions(scale: .log, calibration: Self.attenuated))
        let plain = try TrendFitter.fit(Self.series, indicator: nil, options: TrendOptions(
            scale: .log, calibration: .additive(driftVariance: 0.0009, exponent: 1.75, degreesOfFreedom: 5, label: "t")))
        let p = fit.predictive(year: 2030)
        #expect(abs(p.location - (fit.intercept + 0.5 * fit.slope * 7)) < 1e-12)
        #expect(abs(p.scale - plain.predictive(year: 2030).scale) < 1e-15)
        #expect(abs(fit.predictive(year: 2020).location - (fit.intercept + fit.slope * -3)) < 1e-12)
        #expect(IntervalCalibration.none.slopeAttenuation == 1)
    }

    /// The batch path uses the same attenuated location as `TrendFit.predictive` (relative 1e-9: drivers).
    @Test func batchMatchesSingleFit() throws {
        let fit = try TrendFitter.fit(Self.series, indicator: nil,
                                      options: TrendOptions(scale: .log, weighting: .none, calibration: Self.attenuated))
        let (results, _) = try BatchProjection.run(
            series: [Self.series], transformFor: { _ in .log },
            milestones: { _ in [BatchMilestone(year: 2030, target: 20, comparator: .lessThan)] },
            calibrationFor: { _ in Self.attenuated })
        let r = try #require(results.first)
        let p = fit.predictive(year: 2030)
        let (lo, hi) = p.predictionInterval(level: 0.95)
        for (seen, expected) in [(r.lower95, lo), (r.upper95, hi), (r.probability ?? .nan, p.cdf(20))] {
            #expect(abs(seen - expected) <= 1e-9 * abs(expected), "batch \(seen) single \(expected)")
        }
    }

    /// Errors of a trend whose true continuation has half the fitted slope: e = ε − 0.5·b·h, ε exact t₅
    /// quantiles. The fit must choose κ = 0.5 (the unbiased location) and keep the variance of ε.
    @Test func recoversSlopeAttenuation() throws {
        var errors: [ForecastError] = []
        for h in 1...6 {
            let scale = (0.0004 + 0.0001 * Double(h * h)).squareRoot()
            for i in 1...399 {
                let slopeTerm = 0.02 * Double(i % 5 - 2) * Double(h)
                errors.append(ForecastError(indicator: "u5mr", region: "R\(i % 12)", horizon: h,
                                            error: scale * tQuantile(Double(i) / 400, 5) - 0.5 * slopeTerm,
                                            baseVariance: 0.0004, residualDegreesOfFreedom: 30, slopeTerm: slopeTerm))
            }
        }
        let c = try Calibration.fitAdditive(errors: errors, maximumHorizon: 6, minimumSeries: 10)
        let m = try #require(c.families.first { $0.group == "mortality" })
        #expect(m.slopeAttenuation == 0.5, "κ \(String(describing: m.slopeAttenuation))")
        #expect(abs(m.driftVariance / 0.0001 - 1) < 0.1, "τ² \(m.driftVariance)")
        #expect(c.intervalCalibration(forIndicator: "u5mr").label.contains("κ=0.5"))
    }

    /// A file without `slopeAttenuation` (written before it existed) loads with κ = 1; κ outside 0–1 is refused
    /// with the group and the value.
    @Test func oldFilesLoadAndBadKappaIsRefused() throws {
        let shipped = try Data(contentsOf: try BundledData.file("calibration/calibration.json"))
        func rewrite(_ kappa: Double?) throws -> URL {
            var json = try #require(try JSONSerialization.jsonObject(with: shipped) as? [String: Any])
            var pooled = try #require(json["pooled"] as? [String: Any])
            pooled["slopeAttenuation"] = kappa
            json["pooled"] = pooled
            var families = try #require(json["families"] as? [[String: Any]])
            for i in families.indices { families[i]["slopeAttenuation"] = nil }
            json["families"] = families
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("cal-\(UUID().uuidString).json")
            try JSONSerialization.data(withJSONObject: json).write(to: url)
            return url
        }
        let old = try rewrite(nil)
        defer { try? FileManager.default.removeItem(at: old) }
        let loaded = try Calibration.load(from: old)
        #expect(loaded.intervalCalibration(forIndicator: "u5mr").slopeAttenuation == 1)
        #expect(loaded.intervalCalibration(forIndicator: "hospital_beds_per_10k").slopeAttenuation == 1)
        let bad = try rewrite(1.5)
        defer { try? FileManager.default.removeItem(at: bad) }
        #expect {
            _ = try Calibration.load(from: bad)
        } throws: { error in
            "\(error)".contains("pooled.slopeAttenuation: κ must be from 0 to 1, got 1.5")
        }
    }
}
