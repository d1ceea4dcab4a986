import Foundation
import IndicatorData

/// One regional backtest error on the model scale with the variance its forecast already had before the
/// regional dispersion (national slope uncertainty and trend drift): the input of `fitDispersion`.
public struct DispersionError: Sendable, Hashable {
    public var indicator: String
    public var region: String
    /// h = year − the region's last observed year.
    public var horizon: Int
    public var error: Double
    public var knownVariance: Double

    public init(indicator: String, region: String, horizon: Int, error: Double, knownVariance: Double) {
        self.indicator = indicator
        self.region = region
        self.horizon = horizon
        self.error = error
        self.knownVariance = knownVariance
    }
}

// MARK: - Fitting

extension BorrowingCalibration {
    /// Candidate a and b: 0 and 10^(−6…0) in half-decade steps (coarse grid; then refined).
    static let coarseGrid: [Double] = [0] + stride(from: -6.0, through: 0.0, by: 0.5).map { Foundation.pow(10, $0) }
    /// Fewer errors than this in a group → no dispersion for it (its indicators keep the older variance).
    public static let minimumErrors = 50

    /// Fits σ²_prov(h) = a + b·h and ν for one group by minimising the mean interval score
    ///
    ///     ½(W₈₀ + W₉₅),  W_α = 2q·s + (2/α)·(|e| − q·s)⁺,  s = √(v_known + a + b·h),  q = t_ν(1 − α/2)
    ///
    /// over ν ∈ `Calibration.degreesOfFreedomGrid`, a, b ≥ 0 (Gneiting & Raftery 2007, eq. 43: the interval
    /// score is proper, so its minimiser is the calibrated interval when the t shape fits). The search is a
    /// coarse grid on log a × log b (half decades, and 0), then a pattern search in log space around the best
    /// point (steps ¼, ⅛, 1/16 decade).
    /// - Throws: `CalibrationError.notEnoughErrors` below `minimumErrors` errors.
    /// - Complexity: O(|ν grid| · ~250 · N) for N errors.
    public static func fitDispersion(group: String, errors: [DispersionError]) throws -> BorrowingDispersion {
        let usable = errors.filter { $0.error.isFinite && $0.knownVariance.isFinite && $0.knownVariance >= 0 }
        guard usable.count >= minimumErrors else {
            throw CalibrationError.notEnoughErrors(
                "\(group): \(usable.count) regional backtest errors, fewer than \(minimumErrors)")
        }
        let e = usable.map { abs($0.error) }, v = usable.map(\.knownVariance), h = usable.map { Double(Swift.max($0.horizon, 0)) }
        var best: (score: Double, a: Double, b: Double, nu: Double)?
        for nu in Calibration.degreesOfFreedomGrid {
            let q = (tQuantile(0.9, nu), tQuantile(0.975, nu))
            func score(_ a: Double, _ b: Double) -> Double { meanIntervalScore(e, v, h, a, b, q) }
            var here = (score: Double.infinity, a: 0.0, b: 0.0)
            for a in coarseGrid {
                for b in coarseGrid {
                    let s = score(a, b)
                    if s < here.score { here = (s, a, b) }
                }
            }
            here = refine(here, score: score)
            if best == nil || here.score < (best?.score ?? .infinity) { best = (here.score, here.a, here.b, nu) }
        }
        guard let chosen = best else { throw CalibrationError.notEnoughErrors("\(group): no dispersion fitted") }
        let q = (tQuantile(0.9, chosen.nu), tQuantile(0.975, chosen.nu))
        var in80 = 0, in95 = 0
        for i in e.indices {
            let s = (v[i] + chosen.a + chosen.b * h[i]).squareRoot()
            if e[i] <= q.0 * s { in80 += 1 }
            if e[i] <= q.1 * s { in95 += 1 }
        }
        let n = Double(e.count)
        return BorrowingDispersion(group: group, levelVariance: chosen.a, variancePerYear: chosen.b,
                                   degreesOfFreedom: chosen.nu,
                                   series: Set(usable.map { "\($0.indicator)|\($0.region)" }).count,
                                   errors: usable.count, coverage80: Double(in80) / n, coverage95: Double(in95) / n)
    }

    /// Pattern search in log10 space from the grid optimum; a zero coordinate is tried at 10⁻⁶ too.
    static func refine(_ start: (score: Double, a: Double, b: Double), score: (Double, Double) -> Double)
        -> (score: Double, a: Double, b: Double) {
        var current = start
        for step in [0.25, 0.125, 0.0625] {
            var improved = true
            while improved {
                improved = false
                for (da, db) in [(step, 0.0), (-step, 0.0), (0.0, step), (0.0, -step)] {
                    let a = moved(current.a, da), b = moved(current.b, db)
                    let s = score(a, b)
                    if s < current.score - 1e-12 {
                        current = (s, a, b)
                        improved = true
                    }
                }
            }
        }
        return current
    }

    private static func moved(_ x: Double, _ decades: Double) -> Double {
        guard decades != 0 else { return x }
        guard x > 0 else { return decades > 0 ? 1e-6 : 0 }
        return x * Foundation.pow(10, decades)
    }

    /// ½(W₈₀ + W₉₅) averaged over the errors (|e| given), scale √(v + a + b·h).
    static func meanIntervalScore(_ e: [Double], _ v: [Double], _ h: [Double], _ a: Double, _ b: Double,
                                  _ q: (Double, Double)) -> Double {
        var total = 0.0
        for i in e.indices {
            let s = (v[i] + a + b * h[i]).squareRoot()
            let h80 = q.0 * s, h95 = q.1 * s
            total += 2 * h80 + 10 * Swift.max(0, e[i] - h80) + 2 * h95 + 40 * Swift.max(0, e[i] - h95)
        }
        return e.isEmpty ? .infinity : total / Double(2 * e.count)
    }

    /// Fits the shift, level-held and own-slope dispersions per group from `SubnationalBacktest.run` (and
    /// `runOwnSlope`) points. A group with too few errors gets none (its indicators keep the older shift
    /// variance; no reference class; no own slope with calibrated intervals).
    public static func fit(points: [BacktestPoint], provenance: BorrowingProvenance?) throws -> BorrowingCalibration {
        func fitAll(_ method: BacktestMethod) throws -> [BorrowingDispersion] {
            let errors = SubnationalBacktest.dispersionErrors(points, method: method)
            let groups = Dictionary(grouping: errors) { group(forIndicator: $0.indicator) }
            return try groups.keys.sorted().compactMap { name in
                let members = groups[name] ?? []
                guard members.count >= minimumErrors else { return nil }
                return try fitDispersion(group: name, errors: members)
            }
        }
        let ownSlope = try fitAll(.ownSlopeDispersion)
        return BorrowingCalibration(
            method: "regional dispersion a + b·h and Student t ν around the shifted national trend, around the "
                + "held level and around the region's own other-basis slope shifted to its anchor, per family, by "
                + "interval score on rolling-origin backtests of regions",
            shift: try fitAll(.shiftDispersion), levelHeld: try fitAll(.levelHeldDispersion),
            ownSlope: ownSlope.isEmpty ? nil : ownSlope, provenance: provenance)
    }
}

// MARK: - Region cross-validation

extension SubnationalBacktest {
    /// Region-split cross-validation: regions (all but the national one) are assigned to `folds` folds
    /// (`Backtest.foldAssignment`, seeded); for each fold the dispersions are fitted on the other folds'
    /// points and applied to the fold's. No region is scored with constants fitted on it.
    /// - Returns: held-out points with every subnational forecast, and the per-fold constants.
    /// - Throws: `CalibrationError` for fewer than 2 folds or a failing fit.
    public static func crossValidate(_ points: [BacktestPoint], folds: Int, seed: UInt64) throws
        -> (points: [BacktestPoint], calibrations: [BorrowingCalibration]) {
        guard folds >= 2 else {
            throw CalibrationError.notEnoughErrors("cross-validation needs at least 2 folds; use --cv-folds 2 or more")
        }
        let assignment = Backtest.foldAssignment(regions: points.map(\.key.region), folds: folds, seed: seed)
        var all: [BacktestPoint] = []
        var calibrations: [BorrowingCalibration] = []
        for fold in 0..<folds {
            let training = points.filter { assignment[$0.key.region] != fold }
            let calibration = try BorrowingCalibration.fit(points: training, provenance: nil)
            calibrations.append(calibration)
            all += applying(calibration, to: points.filter { assignment[$0.key.region] == fold })
        }
        return (all.sorted { ($0.key, $0.origin, $0.year, $0.points) < ($1.key, $1.origin, $1.year, $1.points) },
                calibrations)
    }
}
