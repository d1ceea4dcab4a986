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
    /// Half-width of a hold target's band (`Target.holdTolerance`); 0 otherwise.
    public var tolerance: Double

    public init(year: Int, target: Double?, comparator: IndicatorData.Comparator?, tolerance: Double = 0) {
        self.year = year
        self.target = target
        self.comparator = comparator
        self.tolerance = tolerance
    }
}

/// What the batch path needs to know of a series besides its transform and calibration, so that its
/// predictive is the plan's: the scale the calibration constants were fitted on (`native`; when it differs
/// from the fit's transform the drift variance is converted by the delta method, `ScaleConversion`) and the
/// indicator's natural bounds (the predictive is censored at them, `PredictiveDistribution`).
public struct BatchSeriesDetails: Sendable, Hashable {
    public var native: Transform?
    public var lowerBound: Double?
    public var upperBound: Double?

    public init(native: Transform? = nil, lowerBound: Double? = nil, upperBound: Double? = nil) {
        self.native = native
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    public static let plain = BatchSeriesDetails()
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
    /// P(attain) from the predictive (`PredictiveDistribution.probability(meeting:value:tolerance:)`, hold
    /// bands included); nil without a target.
    public var probability: Double?
    /// The predictive distribution of the milestone year (the plan's formula: `TrendFit.predictive`).
    public var predictive: PredictiveDistribution
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
///
/// Memory: the fits are kept as three numbers per series (intercept, slope, σ̂); result rows are produced
/// in series order and handed to the caller one by one (`forEachResult`), so a million series never hold
/// two million result rows at once.
public enum BatchProjection {
    /// Projects every series to the milestone years.
    ///
    /// - Parameters:
    ///   - series: the series (any indicators; each needs ≥ `minimumPoints` observations).
    ///   - transformFor: the transform to use for a series (from the catalogue or a `--model` option).
    ///   - milestones: per series key, the milestone years with their targets.
    ///   - calibrationFor: the interval calibration for a series' indicator (`.none` = OLS).
    /// - Returns: one result per (series, milestone), in the order of `series` then milestone year, and the
    ///   keys of series skipped with the reason.
    public static func run(series: [Series], transformFor: (Series) throws -> Transform,
                           milestones: (SeriesKey) -> [BatchMilestone],
                           calibrationFor: (Series) -> IntervalCalibration = { _ in .none },
                           minimumPoints: Int = 3) throws -> (results: [BatchResult], skipped: [(SeriesKey, String)]) {
        var results: [BatchResult] = []
        let skipped = try forEachResult(series: series, transformFor: transformFor, milestones: milestones,
                                        calibrationFor: calibrationFor, minimumPoints: minimumPoints) {
            results.append($0)
        }
        return (results, skipped)
    }

    /// The streaming form of `run`: calls `body` with each result, in the order of `series` then milestone
    /// year, and returns the skipped series with the reason.
    /// - Throws: errors of the fit (`RegressionError`, `LinearAlgebraError`) and whatever `body` throws.
    public static func forEachResult(series: [Series], transformFor: (Series) throws -> Transform,
                                     milestones: (SeriesKey) -> [BatchMilestone],
                                     calibrationFor: (Series) -> IntervalCalibration = { _ in .none },
                                     minimumPoints: Int = 3,
                                     _ body: (BatchResult) throws -> Void) throws -> [(SeriesKey, String)] {
        var columns = SeriesColumns()
        for s in series { columns.appendSeries(s) }
        return try forEachResult(columns: columns, transformFor: { try transformFor(series[$0]) },
                                 milestones: { ArraySlice(milestones(series[$0].key)) },
                                 calibrationFor: { calibrationFor(series[$0]) }, minimumPoints: minimumPoints, body)
    }

    /// The batch path on columns (`SeriesReader.readColumns`): series are addressed by their index in
    /// `columns`, results come in that order then milestone year, and the skipped series are returned
    /// with the reason.
    /// - Throws: errors of the fit (`RegressionError`, `LinearAlgebraError`) and whatever `body` throws.
    /// - Complexity: O(total observations) plus one `fitMany` per distinct year set; O(series) memory.
    public static func forEachResult(columns: SeriesColumns, transformFor: (Int) throws -> Transform,
                                     milestones: (Int) -> ArraySlice<BatchMilestone>,
                                     calibrationFor: (Int) -> IntervalCalibration = { _ in .none },
                                     detailsFor: (Int) -> BatchSeriesDetails = { _ in .plain },
                                     weighting: Weighting = .none, minimumPoints: Int = 3,
                                     _ body: (BatchResult) throws -> Void) throws -> [(SeriesKey, String)] {
        let (fits, skipped) = try fit(columns: columns, transformFor: transformFor, calibrationFor: calibrationFor,
                                      detailsFor: detailsFor,
                                      weighting: weighting, minimumPoints: minimumPoints)
        try fits.forEachResult(in: 0..<fits.count, milestones: milestones, body)
        return skipped
    }

    /// Fits every series of `columns` (the first stage of `forEachResult`); the results are then produced
    /// by `BatchFits.forEachResult(in:milestones:_:)`, for any range of series and from any thread.
    ///
    /// `weighting` is applied as `TrendFitter` applies it: recency weights λ^(last − year) make each group's
    /// fit a WLS with those weights shared by the group (same years, same weights), so σ̂ is of the weighted
    /// residuals and the covariance is (XᵀWX)⁻¹, exactly as for a single `TrendFitter.fit`.
    /// - Returns: the fits and the skipped series with the reason.
    /// - Throws: errors of the fit (`RegressionError`, `LinearAlgebraError`).
    public static func fit(columns: SeriesColumns, transformFor: (Int) throws -> Transform,
                           calibrationFor: (Int) -> IntervalCalibration = { _ in .none },
                           detailsFor: (Int) -> BatchSeriesDetails = { _ in .plain },
                           weighting: Weighting = .none,
                           minimumPoints: Int = 3) throws -> (fits: BatchFits, skipped: [(SeriesKey, String)]) {
        var skipped: [(SeriesKey, String)] = []
        // Group by year set. Consecutive series usually share their years, so the previous series' group
        // is tried first without building a `years` array.
        var groupOf: [[Int]: Int] = [:]
        var groupYears: [[Int]] = []
        var members: [[Int]] = []
        var previous = -1
        let allYears = columns.years
        for index in 0..<columns.count {
            let r = columns.range(index)
            guard r.count >= minimumPoints else {
                skipped.append((columns.keys[index], "\(r.count) point(s), need at least \(minimumPoints)"))
                continue
            }
            if previous >= 0, groupYears[previous].elementsEqual(allYears[r]) {
                members[previous].append(index)
                continue
            }
            let years = Array(allYears[r])
            let g: Int
            if let existing = groupOf[years] {
                g = existing
            } else {
                g = groupYears.count
                groupOf[years] = g
                groupYears.append(years)
                members.append([])
            }
            members[g].append(index)
            previous = g
        }
        var fits = [SeriesFit?](repeating: nil, count: columns.count)
        var groups: [GroupFit] = []
        for (g, years) in groupYears.enumerated() {
            if let group = try fitGroup(years: years, members: members[g], index: groups.count, columns: columns,
                                        transformFor: transformFor, calibrationFor: calibrationFor,
                                        detailsFor: detailsFor, weighting: weighting,
                                        into: &fits, skipped: &skipped) {
                groups.append(group)
            }
        }
        return (BatchFits(keys: columns.keys, fits: fits, groups: groups), skipped)
    }

    // MARK: - Fitting

    /// What one series' fit leaves for the output stage.
    struct SeriesFit: Sendable {
        var group: Int
        var intercept: Double
        var slope: Double
        var sigma: Double
        var transform: Transform
        var calibration: IntervalCalibration
        var degreesOfFreedom: Double
        var q80: Double
        var q95: Double
        var lowerBound: Double?
        var upperBound: Double?
    }

    /// What a group shares: its years and the unscaled covariance of (intercept, slope).
    struct GroupFit: Sendable {
        var first: Int
        var last: Int
        var points: Int
        var c00: Double
        var c01: Double
        var c11: Double
    }

    private static func fitGroup(years: [Int], members: [Int], index: Int, columns: SeriesColumns,
                                 transformFor: (Int) throws -> Transform,
                                 calibrationFor: (Int) -> IntervalCalibration,
                                 detailsFor: (Int) -> BatchSeriesDetails, weighting: Weighting,
                                 into fits: inout [SeriesFit?], skipped: inout [(SeriesKey, String)]) throws -> GroupFit? {
        guard let last = years.last, let first = years.first else { return nil }
        let n = years.count
        let t = years.map { Double($0 - last) }
        let design = try Matrix(columns: [Array(repeating: 1, count: n), t])
        var transforms: [Transform] = []
        var kept: [Int] = []
        var z: [Double] = []
        z.reserveCapacity(n * members.count)
        transforms.reserveCapacity(members.count)
        kept.reserveCapacity(members.count)
        let values = columns.values
        for index in members {
            do {
                let transform = try transformFor(index)
                let start = z.count
                do {
                    for k in columns.range(index) { z.append(try transform.forward(values[k])) }
                } catch {
                    z.removeSubrange(start...)
                    throw error
                }
                transforms.append(transform)
                kept.append(index)
            } catch {
                skipped.append((columns.keys[index], "\(error)"))
            }
        }
        guard !kept.isEmpty else { return nil }
        let responses = try Matrix(rows: n, columns: kept.count, columnMajor: z)
        let weights: [Double]?
        switch weighting {
        case .none: weights = nil
        case .recency(let lambda): weights = years.map { Foundation.pow(lambda, Double(last - $0)) }
        }
        let fit = try LinearModel.fitMany(design: design, responses: responses, weights: weights, hasIntercept: true,
                                          refine: false)
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
        let sigma = fit.sigma
        for (position, seriesIndex) in kept.enumerated() {
            guard beta.indices.contains(2 * position + 1), sigma.indices.contains(position) else { continue }
            let details = detailsFor(seriesIndex)
            var calibration = calibrationFor(seriesIndex)
            if let native = details.native {
                calibration = calibration.converted(from: native, to: transforms[position],
                                                    intercept: beta[2 * position], slope: beta[2 * position + 1])
            }
            let df = calibration.degreesOfFreedom(residual: residualDF)
            let (q80, q95) = try tQuantiles(df)
            fits[seriesIndex] = SeriesFit(group: index, intercept: beta[2 * position], slope: beta[2 * position + 1],
                                          sigma: sigma[position], transform: transforms[position],
                                          calibration: calibration, degreesOfFreedom: df, q80: q80, q95: q95,
                                          lowerBound: details.lowerBound, upperBound: details.upperBound)
        }
        return GroupFit(first: first, last: last, points: n, c00: c[0, 0], c01: c[0, 1], c11: c[1, 1])
    }

    // MARK: - Output

    static func emit(_ key: SeriesKey, fit: SeriesFit, group: GroupFit, milestones: ArraySlice<BatchMilestone>,
                     _ body: (BatchResult) throws -> Void) rethrows {
        let transform = fit.transform
        for milestone in milestones {
            let h = Double(milestone.year - group.last)
            let leverage = group.c00 + 2 * h * group.c01 + h * h * group.c11
            let location = fit.calibration.location(intercept: fit.intercept, slope: fit.slope,
                                                    horizon: milestone.year - group.last)
            let scale = fit.calibration.predictiveScale(baseVariance: fit.sigma * fit.sigma * (1 + leverage),
                                                        horizon: milestone.year - group.last)
            let base = (fit.sigma * fit.sigma * (1 + leverage)).squareRoot()
            let p = PredictiveDistribution(year: milestone.year, location: location, scale: scale,
                                           meanScale: fit.sigma * leverage.squareRoot(),
                                           degreesOfFreedom: fit.degreesOfFreedom, transform: transform,
                                           calibrationFactor: base > 0 ? scale / base : 1,
                                           lowerBound: fit.lowerBound, upperBound: fit.upperBound)
            var probability: Double?
            if let target = milestone.target, let comparator = milestone.comparator {
                probability = p.probability(meeting: comparator, value: target, tolerance: milestone.tolerance)
            }
            // Intervals as `PredictiveDistribution.predictionInterval` computes them (clamped to the bounds),
            // with the group's cached t quantiles.
            try body(BatchResult(
                key: key, year: milestone.year, target: milestone.target, comparator: milestone.comparator,
                median: p.median,
                lower80: p.clamped(transform.inverse(location - fit.q80 * scale)),
                upper80: p.clamped(transform.inverse(location + fit.q80 * scale)),
                lower95: p.clamped(transform.inverse(location - fit.q95 * scale)),
                upper95: p.clamped(transform.inverse(location + fit.q95 * scale)),
                probability: probability, predictive: p, points: group.points, window: group.first...group.last,
                scale: transform.scale))
        }
    }
}

/// The fitted batch: three numbers per series plus what each year-set group shares. Results for any range
/// of series can be produced independently (the CSV writer formats parts of a window on all cores).
public struct BatchFits: Sendable {
    let keys: [SeriesKey]
    let fits: [BatchProjection.SeriesFit?]
    let groups: [BatchProjection.GroupFit]

    /// Number of series (fitted or skipped).
    public var count: Int { keys.count }

    /// Calls `body` with the results of the series in `range` (skipped series give none), in series order
    /// then milestone year.
    public func forEachResult(in range: Range<Int>, milestones: (Int) -> ArraySlice<BatchMilestone>,
                              _ body: (BatchResult) throws -> Void) rethrows {
        for index in range where fits.indices.contains(index) {
            guard let fit = fits[index], groups.indices.contains(fit.group) else { continue }
            try BatchProjection.emit(keys[index], fit: fit, group: groups[fit.group], milestones: milestones(index),
                                     body)
        }
    }
}
