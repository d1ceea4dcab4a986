import Foundation
import IndicatorData
import LinearAlgebra

// MARK: - Own slope on another basis, shifted to the plan's level

extension TrendFitter {
    /// Projects a sparse plan-basis series with the slope of the **same region's** long series measured on
    /// another basis (e.g. Kon Tum's doctors per 10,000 from the GSO Department-of-Health counts, 2002–2016,
    /// below the plan's all-sector 10.5 in 2023). The two bases differ in level — a level break, not a
    /// trend — so only the slope b_O of the long series' own fit is used, shifted to the plan's last
    /// observed level z_p (model scale, year y_p):
    ///
    ///     ẑ(y) = z_p + b_O·(y − y_p),   variance σ_O²·(1 + 1 + (y − y_p)²·c_bb) + δ²
    ///
    /// σ_O is the long series' residual SD (the region's own year-to-year noise), c_bb its slope's unscaled
    /// variance, δ² the sample variance of the plan points' gaps to the long trend line (≥ 3 plan points;
    /// otherwise 0 and a warning says the interval cannot include a drift between the bases). This is the
    /// shift method of `fitBorrowingNational` with the region's own series in place of the parent's: the
    /// province's own pace is better evidence for the province than the nation's, when it is long enough.
    ///
    /// - Parameters:
    ///   - plan: the plan-basis series (the anchor is its last observation).
    ///   - otherBasis: the region's long series on the other basis (a derived density, say).
    ///   - basis: its label ("GSO DoH basis"), shown in the method `own-slope-shift(GSO DoH basis)`.
    /// - Throws: as `fit` for the long series; `ProjectionError.tooShort` for an empty plan series.
    public static func fitOwnSlopeShift(plan: Series, otherBasis: Series, basis: String, indicator: Indicator?,
                                        options: TrendOptions = TrendOptions()) throws -> TrendFit {
        let long = try fit(otherBasis, indicator: indicator, options: options)
        guard let anchor = plan.observations.last else {
            throw ProjectionError.tooShort(key: plan.key.description, points: 0, minimum: 1)
        }
        let transform = long.transform
        let level = try transform.forward(anchor.value)
        var warnings = long.warnings
        warnings.append("\(plan.key): \(plan.count) plan-basis point(s); projected with the region's own slope from "
            + "\(otherBasis.indicator) (\(basis), \(long.modelLabel)) shifted to the plan's level in \(anchor.year): "
            + "the bases differ in level (a level break, not a trend), so only the slope is used")
        let dispersion = try gapVariance(plan, around: long)
        if plan.observations.count < 3 {
            warnings.append("\(plan.key): fewer than 3 plan-basis points, so the interval cannot include a drift "
                + "between the plan's basis and \(basis)")
        }
        warnings += FitOutliers.flag(otherBasis, fit: long).map(\.description)
        let slopeVariance = long.unscaledCovariance.rows == 2 ? long.unscaledCovariance[1, 1] : 0
        return TrendFit(
            key: plan.key, transform: transform, window: long.window, anchorYear: anchor.year, points: long.points,
            coefficients: [level, long.slope], unscaledCovariance: try Matrix(rowMajor: [[1, 0], [0, slopeVariance]]),
            sigma: long.sigma, degreesOfFreedom: long.degreesOfFreedom,
            method: .ownSlopeShift(source: otherBasis.key, basis: basis), weighting: long.weighting,
            extraVariance: dispersion, calibration: options.calibration, warnings: warnings)
    }
}
