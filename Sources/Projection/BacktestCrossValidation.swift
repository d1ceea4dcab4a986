import Foundation
import IndicatorData

// MARK: - Calibration from rolling origins

extension Backtest {
    /// Rolling origins used to fit calibration constants: every year 2000–2014, so horizons up to 10 reach
    /// the last data year (2024); 2000 is the first year of IMR, MMR and TB.
    public static let calibrationOrigins = Array(2000...2014)

    /// Fits the additive `Calibration` (`Calibration.fitAdditive`) from rolling-origin backtests of `series`
    /// (model horizons 1…maximumHorizon), with trend fits weighted by `weighting` (the projection default).
    /// `progress` is called with (series done, series count) as in `run`.
    public static func fitCalibration(_ series: [Series], catalogue: IndicatorCatalogue?,
                                      origins: [Int] = calibrationOrigins, maximumHorizon: Int = 10,
                                      minimumPoints: Int = 5, minimumSeries: Int = 10,
                                      weighting: Weighting = TrendOptions.defaultWeighting,
                                      provenance: CalibrationProvenance? = nil,
                                      progress: ((Int, Int) -> Void)? = nil) throws -> Calibration {
        let options = BacktestOptions(origins: origins, horizons: 1...maximumHorizon, minimumPoints: minimumPoints,
                                      firstYear: 1990, lastScoredYear: nil, weighting: weighting)
        let (points, _) = run(series, catalogue: catalogue, options: options, progress: progress)
        return try Calibration.fitAdditive(errors: forecastErrors(points, maximumHorizon: maximumHorizon),
                                           maximumHorizon: maximumHorizon, minimumSeries: minimumSeries,
                                           provenance: provenance)
    }

    // MARK: - Country cross-validation

    /// Assigns regions to `folds` folds: a seeded Fisher–Yates shuffle (SplitMix64) of the sorted region
    /// codes, then round-robin. Deterministic for a given seed.
    public static func foldAssignment(regions: [String], folds: Int, seed: UInt64) -> [String: Int] {
        var order = Array(Set(regions)).sorted()
        var rng = SplitMix64(seed: seed)
        if order.count > 1 {
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                let j = Int(rng.next() % UInt64(i + 1))
                order.swapAt(i, j)
            }
        }
        var out: [String: Int] = [:]
        for (i, region) in order.enumerated() { out[region] = i % max(1, folds) }
        return out
    }

    /// Country-split cross-validation: for each fold, calibrate on the other folds' countries (rolling
    /// origins, all their years) and score the fold's countries at `options` (e.g. origin 2012, lead 1–10).
    /// No series is scored with constants fitted on it.
    /// - Parameter progress: called with (series fits done, total) over the scoring run and every fold's
    ///   calibration run: total = n + Σ training-fold sizes.
    /// - Returns: held-out points with OLS, drift and calibrated forecasts, and the per-fold calibrations.
    /// - Throws: `CalibrationError` when a training fold has too few errors.
    public static func crossValidate(_ series: [Series], catalogue: IndicatorCatalogue?, options: BacktestOptions,
                                     folds: Int, seed: UInt64, progress: ((Int, Int) -> Void)? = nil) throws
        -> (points: [BacktestPoint], calibrations: [Calibration]) {
        guard folds >= 2 else {
            throw CalibrationError.notEnoughErrors("cross-validation needs at least 2 folds; use --cv-folds 2 or more")
        }
        let assignment = foldAssignment(regions: series.map(\.region), folds: folds, seed: seed)
        let trainings = (0..<folds).map { fold in series.filter { assignment[$0.region] != fold } }
        let total = series.count + trainings.map(\.count).reduce(0, +)
        var offset = 0
        let step: (Int, Int) -> Void = { done, _ in progress?(offset + done, total) }
        let (scored, _) = run(series, catalogue: catalogue, options: options, progress: progress == nil ? nil : step)
        offset = series.count
        var all: [BacktestPoint] = []
        var calibrations: [Calibration] = []
        for (fold, training) in trainings.enumerated() {
            let calibration = try fitCalibration(training, catalogue: catalogue, weighting: options.weighting,
                                                 progress: progress == nil ? nil : step)
            offset += training.count
            calibrations.append(calibration)
            let held = scored.filter { assignment[$0.key.region] == fold }
            all += applying(calibration, to: held)
        }
        return (all.sorted { ($0.key, $0.origin, $0.year) < ($1.key, $1.origin, $1.year) }, calibrations)
    }
}

// MARK: - Seeded generator

/// SplitMix64 (Steele, Lea & Flood 2014): a small seeded generator for fold assignment.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
