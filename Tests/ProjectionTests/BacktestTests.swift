import Foundation
import IndicatorData
@testable import Projection
import Testing

/// Loads the bundled international series (Datasets/intl/intl_series.csv, a copy of shared/data; README §8)
/// and, optionally, the Viet Nam national series of the same indicators.
func loadBacktestSeries(vietnam: Bool = false) throws -> [Series] {
    let catalogue = try BundledData.catalogue()
    var urls = [try BundledData.file("intl/intl_series.csv")]
    if vietnam { urls.append(try BundledData.file("national/vietnam_national.csv")) }
    let collection = try SeriesReader.read(contentsOf: urls, options: ReadOptions(catalogue: catalogue))
    let calibrated = Set(IndicatorFamily.members.values.flatMap { $0 })
    return collection.series.filter { calibrated.contains($0.indicator) }
}

@Suite("Backtest harness")
struct BacktestTests {
    /// README §8: OLS intervals cover 37 % (80 %) and 54 % (95 %) of 2,005 held-out points. The Python
    /// prototype (Benchmarks/calibration/grid.py, numpy 2 / scipy 1.x) gives 2,005 points, 37.3 % / 53.6 %;
    /// drift 63.5 % / 76.4 %. Tolerance: one percentage point, as the issue asks.
    @Test func reproducesReadmeOLSBaseline() throws {
        let series = try loadBacktestSeries()
        let (points, _) = Backtest.run(series, catalogue: try BundledData.catalogue(), options: .readmeBaseline)
        #expect(points.count == 2005, "held-out points: expected 2005, got \(points.count)")
        let all = try #require(Backtest.scores(points, perLeadTime: false).first { $0.method == .ols && $0.group == "all" })
        #expect(abs(all.coverage80 - 0.37) <= 0.01, "OLS 80 % coverage: expected 0.37 ± 0.01, got \(all.coverage80)")
        #expect(abs(all.coverage95 - 0.54) <= 0.01, "OLS 95 % coverage: expected 0.54 ± 0.01, got \(all.coverage95)")
        let drift = try #require(Backtest.scores(points, perLeadTime: false).first { $0.method == .drift && $0.group == "all" })
        #expect(abs(drift.coverage80 - 0.64) <= 0.01, "drift 80 %: expected 0.64 ± 0.01, got \(drift.coverage80)")
        #expect(abs(drift.coverage95 - 0.77) <= 0.01, "drift 95 %: expected 0.77 ± 0.01, got \(drift.coverage95)")
    }

    /// Country-split cross-validation (6 folds, seed 42, origin 2012, lead 1–10, scored to 2022): the issue's goals.
    @Test func crossValidatedCoverageMeetsGoals() throws {
        let series = try loadBacktestSeries(vietnam: true)
        let options = BacktestOptions(origins: [2012], horizons: 1...10, lastScoredYear: 2022)
        let (points, calibrations) = try Backtest.crossValidate(series, catalogue: try BundledData.catalogue(),
                                                                 options: options, folds: 6, seed: 42)
        #expect(calibrations.count == 6)
        let scores = Backtest.scores(points, perLeadTime: false)
        let cal = try #require(scores.first { $0.method == .calibrated && $0.group == "all" })
        let ols = try #require(scores.first { $0.method == .ols && $0.group == "all" })
        #expect((0.75...0.85).contains(cal.coverage80), "calibrated 80 % coverage \(cal.coverage80) outside 0.75–0.85")
        #expect(cal.coverage95 >= 0.90, "calibrated 95 % coverage \(cal.coverage95) below 0.90")
        #expect(cal.winkler80 < ols.winkler80 && cal.winkler95 < ols.winkler95,
                "calibrated Winkler \(cal.winkler80)/\(cal.winkler95) not below OLS \(ols.winkler80)/\(ols.winkler95)")
        // The issue's goal: better than the random walk with drift too (measured before slope attenuation
        // 2.34/3.46 vs 2.54/4.76; README has the current numbers).
        let drift = try #require(scores.first { $0.method == .drift && $0.group == "all" })
        #expect(cal.winkler80 < drift.winkler80 && cal.winkler95 < drift.winkler95,
                "calibrated Winkler \(cal.winkler80)/\(cal.winkler95) not below drift \(drift.winkler80)/\(drift.winkler95)")
        // P(attain) for ±10 % synthetic targets: Brier at least as good as OLS (measured 0.109 vs 0.130) and, the
        // issue's goal, no decile (≥ 20 values) off by more than 0.1 (0.16 before slope attenuation).
        let rc = Backtest.reliability(points, method: .calibrated), ro = Backtest.reliability(points, method: .ols)
        #expect(rc.brier < ro.brier, "Brier calibrated \(rc.brier) vs OLS \(ro.brier)")
        #expect(rc.worstGap <= 0.1, "worst reliability gap \(rc.worstGap)")
    }

    /// The plain OLS fit (no recency weights, as statistics packages print) on the issue protocol with
    /// underweight: 2,067 points, 38.6 % / 54.9 % (the CLI test checks the same through `--weights none`).
    @Test func unweightedBaselineWithUnderweight() throws {
        let series = try loadBacktestSeries()
        var options = BacktestOptions.readmeBaseline
        options.excludedIndicators = []
        let (points, _) = Backtest.run(series, catalogue: try BundledData.catalogue(), options: options)
        let all = try #require(Backtest.scores(points, perLeadTime: false).first { $0.method == .ols && $0.group == "all" })
        #expect(points.count == 2067 && abs(all.coverage80 - 0.386) < 0.001, "\(points.count) \(all.coverage80)")
    }

    @Test func foldAssignmentIsSeededAndBalanced() {
        let regions = (0..<25).map { "R\($0)" }
        let a = Backtest.foldAssignment(regions: regions, folds: 6, seed: 7)
        #expect(a == Backtest.foldAssignment(regions: regions.reversed(), folds: 6, seed: 7))
        #expect(a != Backtest.foldAssignment(regions: regions, folds: 6, seed: 8))
        let sizes = Dictionary(grouping: a.values) { $0 }.mapValues(\.count)
        #expect(sizes.values.allSatisfy { (4...5).contains($0) }, "fold sizes \(sizes)")
    }

    @Test func crossValidationRefusesOneFold() throws {
        #expect(throws: CalibrationError.notEnoughErrors("cross-validation needs at least 2 folds; use --cv-folds 2 or more")) {
            _ = try Backtest.crossValidate([], catalogue: nil, options: BacktestOptions(), folds: 1, seed: 1)
        }
    }

    /// Drift baseline on an exact line: zero variance, location continues the line (FPP3 §5.2).
    @Test func driftOnAStraightLine() throws {
        let d = DriftModel(years: [2000, 2001, 2002, 2004], z: [1, 2, 3, 5])
        #expect(d.drift == 1 && d.variance == 0)
        let f = try #require(d.forecast(horizon: 3))
        #expect(f.location == 8 && f.scale == 0)
    }

    @Test func winklerScore() {
        #expect(Backtest.winkler(0, 1, 0.5, alpha: 0.2) == 1)
        #expect(abs(Backtest.winkler(0, 1, 1.5, alpha: 0.2) - 6) < 1e-12)   // 1 + (2/0.2)·0.5
        #expect(abs(Backtest.winkler(0, 1, -1, alpha: 0.05) - 41) < 1e-12)  // 1 + 40·1
    }
}

@Suite("Calibration constants")
struct CalibrationTests {
    /// The shipped Datasets/calibration/calibration.json loads; factors grow with the horizon; an indicator
    /// without a family falls back to the pooled calibration and says so in its label.
    @Test func shippedConstantsLoad() throws {
        let calibration = try Calibration.load(from: try BundledData.file("calibration/calibration.json"))
        let mortality = calibration.intervalCalibration(forIndicator: "u5mr")
        #expect(mortality.label.contains("family mortality"))
        #expect(mortality.factor(horizon: 7) == 1)  // additive form: no multiplicative factor
        #expect(mortality.driftVariance(horizon: 10) > mortality.driftVariance(horizon: 1))
        #expect(mortality.driftVariance(horizon: 0) == 0)
        #expect(calibration.provenance?.weighting == TrendOptions.defaultWeighting.argument)
        // A useful interval: on a perfectly smooth log series (v₀ = 0) the 95 % interval at h = 7 spans
        // upper/lower = exp(2·q·τ·7^(γ/2)); for mortality it must be a factor below 2.5, not ×100.
        let q = tQuantile(0.975, calibration.entry(forIndicator: "u5mr").calibration.degreesOfFreedom)
        let ratio = exp(2 * q * mortality.predictiveScale(baseVariance: 0, horizon: 7))
        #expect(ratio > 1.2 && ratio < 2.5, "95 % ratio at h = 7: \(ratio)")
        let beds = calibration.intervalCalibration(forIndicator: "hospital_beds_per_10k")
        #expect(beds.label.contains("pooled (no family for hospital_beds_per_10k)"))
        #expect(beds.degreesOfFreedom(residual: 2) == min(2, calibration.pooled.degreesOfFreedom))
    }

    @Test func unreadableFileSaysHowToRegenerate() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).json")
        try Data("{}".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            _ = try Calibration.load(from: url)
        } throws: { error in
            "\(error)".contains("version: missing") && "\(error)".contains("chitieu backtest --fit-calibration")
        }
    }

    /// Errors built as exact quantiles of √(v₀ + τ²h^γ)·T₅ with τ² = 0.01, γ = 2 and v₀ = 0.0004: the
    /// additive fit must find ν = 5, γ = 2 and τ² within 5 % (grid and finite-sample quantiles).
    @Test func recoversAdditive() throws {
        var errors: [ForecastError] = []
        for h in 1...6 {
            let scale = (0.0004 + 0.01 * Double(h * h)).squareRoot()
            for i in 1...399 {
                errors.append(ForecastError(indicator: "u5mr", region: "R\(i % 12)", horizon: h,
                                            error: scale * tQuantile(Double(i) / 400, 5), baseVariance: 0.0004,
                                            residualDegreesOfFreedom: 30))
            }
        }
        let c = try Calibration.fitAdditive(errors: errors, maximumHorizon: 6, minimumSeries: 10)
        let m = try #require(c.families.first { $0.group == "mortality" })
        #expect(m.degreesOfFreedom == 5 && m.driftExponent == 2, "ν \(m.degreesOfFreedom) γ \(m.driftExponent)")
        #expect(abs(m.driftVariance / 0.01 - 1) < 0.05, "τ² \(m.driftVariance)")
        #expect(m.coverage80.allSatisfy { abs($0 - 0.8) < 0.02 }, "coverage80 \(m.coverage80)")
        #expect(c.fallbacks["fertility"] == "0 series < 10, uses pooled")
    }

    @Test func additiveFitRefusesTooFewErrors() throws {
        let errors = (1...20).map { _ in ForecastError(indicator: "u5mr", region: "R", horizon: 1, error: 0.1,
                                                  baseVariance: 0.01, residualDegreesOfFreedom: 10) }
        #expect(throws: CalibrationError.notEnoughErrors(
            "pooled: 20 backtest errors, fewer than 50; add longer series or earlier origins")) {
            _ = try Calibration.fitAdditive(errors: errors)
        }
    }

    @Test func negativeDriftVarianceIsRefused() throws {
        var calibration = try Calibration.load(from: try BundledData.file("calibration/calibration.json"))
        calibration.pooled.driftVariance = -1
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("neg-\(UUID().uuidString).json")
        try calibration.jsonData().write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            _ = try Calibration.load(from: url)
        } throws: { error in
            "\(error)".contains("pooled.driftVariance: τ² must be from 0 to 10, got -1.0")
        }
    }

    /// Selection quantile equals the sorted (type 7) quantile, with ties and at the ends.
    @Test func selectionQuantileMatchesSort() {
        var rng = SplitMix64(seed: 3)
        for n in [1, 2, 7, 100, 1001] {
            let values = (0..<n).map { _ in Double(rng.next() % 50) }
            for p in [0.0, 0.5, 0.8, 0.95, 1.0] {
                var copy = values
                #expect(selectQuantile(&copy, p) == sortedQuantile(values.sorted(), p), "n \(n) p \(p)")
            }
        }
    }

    /// Fitting on errors drawn as exact t₃ quantiles scaled by 2: ν = 3 and k ≈ 2 at every horizon.
    @Test func recoversScaledT() throws {
        var errors: [StandardizedError] = []
        for h in 1...3 {
            for i in 1...399 {
                let u = 2 * tQuantile(Double(i) / 400, 3)
                errors.append(StandardizedError(indicator: "u5mr", region: "R\(i % 12)", horizon: h, u: u))
            }
        }
        let c = try Calibration.fit(errors: errors, maximumHorizon: 3, minimumSeries: 10)
        let m = try #require(c.families.first { $0.group == "mortality" })
        #expect(m.degreesOfFreedom == 3)
        #expect(m.factors.allSatisfy { abs($0 - 2) < 0.05 }, "factors \(m.factors)")
        #expect(c.fallbacks["fertility"] == "0 series < 10, uses pooled")
    }
}
