import Foundation
import IndicatorData
import LinearAlgebra
import Regression
import Statistics

/// One milestone to evaluate for every series of a batch (a target year, its value and comparator).
public struct BatchMilestone: Sendable, Hashable {
    public var year: Int
    public var target: Double?
    public var comparator: IndicatorData.Comparator?

    public init(year: Int, target: Double?, comparator: IndicatorData.Comparator?) {
        self.year = year
        self.target = target
        self.comparator = comparator
    }
}

/// Results for one series and one milestone year, in the batch output's columns.
public struct BatchResult: Sendable {
    public var key: SeriesKey
    public var year: Int
    public var target: Double?
    public var comparator: IndicatorData.Comparator?
    /// Back-transformed central projection (the predictive median).
    public var median: Double
    public var lower80: Double
    public var upper80: Double
    public var lower95: Double
    public var upper95: Double
    /// P(attain) from the Student t predictive (nil without a target).
    public var probability: Double?
    public var points: Int
    public var window: ClosedRange<Int>
    public var scale: ModelScale
}

/// The batch path: thousands to millions of series projected at once.
///
/// Series are grouped by their exact set of years; each group shares one design X = [1, year − last], so
/// the whole group is fitted by ONE multi-right-hand-side LAPACK least-squares call
/// (`LinearModel.fitMany`), and the t quantiles are computed once per group. Per series the remaining cost is
/// O(n) for the transform and O(1) per milestone.
public enum BatchProjection {
    /// Projects every series to the milestone years.
    ///
    /// - Parameters:
    ///   - series: the series (any indicators; each needs ≥ `minimumPoints` observations).
    ///   - scaleFor: the transform to use for a series (from the catalogue or a `--model` option).
    ///   - milestones: per series key, the milestone years with their targets.
    ///   - calibration: the interval calibration for a series' indicator (`.none` = OLS).
    /// - Returns: one result per (series, milestone), in the order of `series` then milestone year, and the
    ///   keys of series skipped with the reason.
    public static func run(series: [Series], transformFor: (Series) throws -> Transform,
                           milestones: (SeriesKey) -> [BatchMilestone],
                           calibrationFor: (Series) -> IntervalCalibration = { _ in .none },
                           minimumPoints: Int = 3) throws -> (results: [BatchResult], skipped: [(SeriesKey, String)]) {
        var groups: [[Int]: [Int]] = [:]
        var skipped: [(SeriesKey, String)] = []
        for (index, s) in series.enumerated() {
            guard s.count >= minimumPoints else {
                skipped.append((s.key, "\(s.count) point(s), need at least \(minimumPoints)"))
                continue
            }
            groups[s.years, default: []].append(index)
        }
        var results: [[BatchResult]] = Array(repeating: [], count: series.count)
        for (years, members) in groups {
            try fitGroup(years: years, members: members, series: series, transformFor: transformFor,
                         milestones: milestones, calibrationFor: calibrationFor, into: &results, skipped: &skipped)
        }
        return (results.flatMap { $0 }, skipped)
    }

    private static func fitGroup(years: [Int], members: [Int], series: [Series],
                                 transformFor: (Series) throws -> Transform,
                                 milestones: (SeriesKey) -> [BatchMilestone],
                                 calibrationFor: (Series) -> IntervalCalibration,
                                 into results: inout [[BatchResult]], skipped: inout [(SeriesKey, String)]) throws {
        guard let last = years.last, let first = years.first else { return }
        let n = years.count
        let t = years.map { Double($0 - last) }
        let design = try Matrix(columns: [Array(repeating: 1, count: n), t])
        var transforms: [Transform] = []
        var kept: [Int] = []
        var z: [Double] = []
        z.reserveCapacity(n * members.count)
        for index in members {
            let s = series[index]
            do {
                let transform = try transformFor(s)
                var column: [Double] = []
                column.reserveCapacity(n)
                for v in s.values { column.append(try transform.forward(v)) }
                z.append(contentsOf: column)
                transforms.append(transform)
                kept.append(index)
            } catch {
                skipped.append((s.key, "\(error)"))
            }
        }
        guard !kept.isEmpty else { return }
        let responses = try Matrix(rows: n, columns: kept.count, columnMajor: z)
        let fit = try LinearModel.fitMany(design: design, responses: responses, hasIntercept: true, refine: false)
        let residualDF = Double(fit.degreesOfFreedom)
        // t quantiles per distinct degrees of freedom (calibration may cap ν below n − 2).
        var quantiles: [Double: (q80: Double, q95: Double)] = [:]
        func tQuantiles(_ df: Double) throws -> (q80: Double, q95: Double) {
            if let cached = quantiles[df] { return cached }
            let student = try StudentT(degreesOfFreedom: df)
            let q = (student.quantile(0.9), student.quantile(0.975))
            quantiles[df] = q
            return q
        }
        let c = fit.unscaledCovariance
        let beta = fit.coefficients.storage
        for (position, index) in kept.enumerated() {
            let s = series[index]
            let transform = transforms[position]
            let calibration = calibrationFor(s)
            let a = beta[2 * position], b = beta[2 * position + 1]
            let sigma = fit.sigma[position]
            let df = calibration.degreesOfFreedom(residual: residualDF)
            let (q80, q95) = try tQuantiles(df)
            var rows: [BatchResult] = []
            for milestone in milestones(s.key) {
                let h = Double(milestone.year - last)
                let leverage = c[0, 0] + 2 * h * c[0, 1] + h * h * c[1, 1]
                let location = a + b * h
                let scale = calibration.predictiveScale(baseVariance: sigma * sigma * (1 + leverage),
                                                        horizon: milestone.year - last)
                var probability: Double?
                if let target = milestone.target, let comparator = milestone.comparator {
                    let p = PredictiveDistribution(year: milestone.year, location: location, scale: scale,
                                                   meanScale: sigma * leverage.squareRoot(),
                                                   degreesOfFreedom: df, transform: transform)
                    switch comparator {
                    case .lessThan, .lessOrEqual: probability = p.cdf(target)
                    case .greaterThan, .greaterOrEqual: probability = p.survival(target)
                    case .equal: probability = nil
                    }
                }
                rows.append(BatchResult(
                    key: s.key, year: milestone.year, target: milestone.target, comparator: milestone.comparator,
                    median: transform.inverse(location),
                    lower80: transform.inverse(location - q80 * scale), upper80: transform.inverse(location + q80 * scale),
                    lower95: transform.inverse(location - q95 * scale), upper95: transform.inverse(location + q95 * scale),
                    probability: probability, points: n, window: first...last, scale: transform.scale))
            }
            results[index] = rows
        }
    }
}
