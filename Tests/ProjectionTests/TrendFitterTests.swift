import Foundation
import IndicatorData
import LinearAlgebra
import Projection
import Testing
import TestSupport

/// Reads the bundled national series (real data) once.
enum NationalData {
    static func collection() throws -> SeriesCollection {
        let url = datasetsDirectory().appendingPathComponent("national/vietnam_national.csv")
        return try SeriesReader.read(contentsOf: url, displayName: "vietnam_national.csv")
    }

    static func series(_ code: String, region: String = "VN") throws -> Series {
        try #require(try collection()[code, region])
    }
}

struct FixtureError: Error { let line: String }

/// statsmodels reference values recorded by Tests/RegressionTests/Fixtures/statsmodels/make_fixtures.py
/// (statsmodels 0.15.0; see VERSIONS.txt there): `get_prediction(X_new).summary_frame(alpha)`.
struct StatsmodelsPrediction {
    let caseName: String, alpha: Double, year: Int
    let mean: Double, meanSE: Double, obsLower: Double, obsUpper: Double

    static func load() throws -> [StatsmodelsPrediction] {
        let url = packageRoot().appendingPathComponent("Tests/RegressionTests/Fixtures/statsmodels/predictions.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
        return try lines.map { line in
            let f = line.split(separator: ",").map(String.init)
            guard f.count == 10, let alpha = Double(f[1]), let year = Int(f[2]), let mean = Double(f[4]),
                  let se = Double(f[5]), let lo = Double(f[8]), let hi = Double(f[9]) else {
                throw FixtureError(line: String(line))
            }
            return StatsmodelsPrediction(caseName: f[0], alpha: alpha, year: year, mean: mean, meanSE: se,
                                         obsLower: lo, obsUpper: hi)
        }
    }
}

func expectRelative(_ seen: Double, _ expected: Double, _ tolerance: Double, _ what: String,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    let error = abs(seen - expected) / max(abs(expected), 1e-300)
    #expect(error <= tolerance, "\(what): expected \(expected), seen \(seen), relative error \(error)",
            sourceLocation: sourceLocation)
}

@Suite("Trend fits on the model scale")
struct TrendFitterTests {
    /// The four statsmodels cases, fitted through TrendFitter on the bundled data file (not the fixture's copy
    /// of the inputs): same numbers to 1e-9 relative (both are LAPACK least squares on ~20–34 points; the
    /// differences seen are ~1e-14, the tolerance leaves room for a different BLAS).
    @Test("TrendFitter reproduces statsmodels OLS/WLS get_prediction on real national series",
          arguments: [
            ("u5mr_log_ols", "u5mr", 2000, 2023, ModelScale.log, Weighting.none),
            ("tfr_ols", "tfr", 2000, 2023, .linear, .none),
            ("life_expectancy_ols", "life_expectancy", 2000, 2019, .linear, .none),
            ("imr_log_wls", "imr", 2000, 2023, .log, .recency(lambda: 0.9)),
          ])
    func statsmodelsParity(_ caseName: String, _ code: String, _ first: Int, _ last: Int, _ scale: ModelScale,
                           _ weighting: Weighting) throws {
        let series = try NationalData.series(code)
        let options = TrendOptions(scale: scale, window: first...last, weighting: weighting)
        let fit = try TrendFitter.fit(series, indicator: nil, options: options)
        #expect(fit.points == last - first + 1)
        #expect(fit.modelLabel.contains("\(first)–\(last)"))
        let reference = try StatsmodelsPrediction.load().filter { $0.caseName == caseName }
        #expect(reference.count == 14)
        for r in reference {
            let p = fit.predictive(year: r.year)
            expectRelative(p.location, r.mean, 1e-9, "\(caseName) \(r.year) mean")
            expectRelative(p.meanScale, r.meanSE, 1e-9, "\(caseName) \(r.year) mean_se")
            let pi = p.predictionInterval(level: 1 - r.alpha)
            let lower = scale == .log ? Foundation.log(pi.lower) : pi.lower
            let upper = scale == .log ? Foundation.log(pi.upper) : pi.upper
            expectRelative(lower, r.obsLower, 1e-9, "\(caseName) \(r.year) obs_ci_lower (α=\(r.alpha))")
            expectRelative(upper, r.obsUpper, 1e-9, "\(caseName) \(r.year) obs_ci_upper (α=\(r.alpha))")
        }
    }

    /// Strictly inside for realistic widths; with absurd inflation the logistic saturates to the bound in
    /// floating point (1/(1+e^-40) == 1.0), so the endpoints may touch the bound but never cross it.
    @Test("logit intervals stay inside the indicator's bounds, even far out and heavily inflated")
    func logitInsideBounds() throws {
        let series = try NationalData.series("dtp3_pct")
        let plain = try TrendFitter.fit(series, indicator: nil, options: TrendOptions(scale: .logit))
        for year in 2020...2060 {
            let pi = plain.predictive(year: year).predictionInterval(level: 0.95)
            #expect(pi.lower > 0 && pi.upper < 100 && pi.lower < pi.upper, "\(year): \(pi)")
        }
        let calibration = IntervalCalibration(factors: [5, 10, 20], label: "test inflation")
        let fit = try TrendFitter.fit(series, indicator: nil,
                                      options: TrendOptions(scale: .logit, calibration: calibration))
        for year in 2020...2060 {
            let pi = fit.predictive(year: year).predictionInterval(level: 0.95)
            #expect(pi.lower >= 0 && pi.upper <= 100 && pi.lower < pi.upper, "\(year): \(pi)")
        }
        let p = fit.predictive(year: 2030)
        #expect(p.cdf(100) == 1 && p.cdf(0) == 0 && p.survival(100) == 0)
    }

    @Test("a series with fewer than 3 points is refused with a message saying what to do")
    func tooShort() throws {
        let series = try NationalData.series("hospital_beds_per_10k")   // 2019 and 2020 only
        #expect(series.count == 2)
        do {
            _ = try TrendFitter.fit(series, indicator: nil, options: TrendOptions(scale: .log))
            Issue.record("expected tooShort")
        } catch let error as ProjectionError {
            #expect(error == .tooShort(key: series.key.description, points: 2, minimum: 3))
            #expect(error.description.contains("Widen --window or add data"))
        }
    }

    @Test("3 or 4 points fit but warn that the interval rests on few degrees of freedom")
    func shortSeriesWarns() throws {
        let series = try NationalData.series("u5mr").window(2019...2022)
        let fit = try TrendFitter.fit(series, indicator: nil, options: TrendOptions(scale: .log))
        #expect(fit.degreesOfFreedom == 2)
        #expect(fit.warnings.contains { $0.contains("only 4 points") && $0.contains("2 residual degree(s)") })
    }

    @Test("a value outside the scale's domain is an error naming the value and the way out")
    func outsideDomain() throws {
        let provenance = Provenance(file: "t.csv", line: 2, source: "test")
        let series = Series(indicator: "x", region: "R", unit: "", observations: (2010...2015).map {
            Observation(year: $0, value: $0 == 2012 ? 0 : 5, provenance: provenance)
        })
        #expect(throws: ProjectionError.outsideDomain(value: 0, transform: "log")) {
            _ = try TrendFitter.fit(series, indicator: nil, options: TrendOptions(scale: .log))
        }
        #expect(ProjectionError.outsideDomain(value: 0, transform: "log").description.contains("--model linear"))
        #expect(throws: ProjectionError.self) {
            _ = try TrendFitter.fit(series, indicator: nil, options: TrendOptions())
        }
    }

    @Test("recency weights: λ = 1 equals OLS exactly; a bad λ is refused with the accepted form")
    func recencyWeights() throws {
        let series = try NationalData.series("tfr")
        let ols = try TrendFitter.fit(series, indicator: nil, options: TrendOptions(scale: .log))
        let one = try TrendFitter.fit(series, indicator: nil,
                                      options: TrendOptions(scale: .log, weighting: .recency(lambda: 1)))
        #expect(abs(ols.slope - one.slope) < 1e-14 && abs(ols.sigma - one.sigma) < 1e-14)
        #expect(throws: ProjectionError.self) { _ = try Weighting(parsing: "recency:1.5") }
        #expect(try Weighting(parsing: "recency:0.9") == .recency(lambda: 0.9))
        #expect(try TrendOptions.parseWindow("2010:2023") == 2010...2023)
        #expect(throws: ProjectionError.self) { _ = try TrendOptions.parseWindow("2023:2010") }
    }
}
