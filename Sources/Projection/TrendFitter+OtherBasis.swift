import Foundation
import IndicatorData
import LinearAlgebra

// MARK: - Own slope on another basis, shifted to the plan's level

extension TrendFitter {
    /// Projects a sparse plan-basis series with the slope of the **same region's** long series measured on
    /// another basis (e.g. Kon Tum's doctors per 10,000 from the GSO Department-of-Health counts, 2002–2016,
    /// below the plan's all-sector 10.5 in 2023). The two bases differ in level — a level break, not a
    /// trend — so only the slope b_O of the long series' own fit is used, kept in full (κ = 1), shifted to
    /// the plan's last observed level z_p (model scale, year y_p), h = y − y_p:
    ///
    ///     ẑ(y) = z_p + b_O·h,   variance σ_O²·h²·c_bb + τ²·h^γ + a + b·h,   Student t with ν_own
    ///
    /// The long series is fitted by OLS (no recency weights): the province's long-run slope. On held-out
    /// provinces the recency-weighted slope (λ = 0.8) scored slightly worse (Winkler 80: workforce 0.974 vs
    /// 0.963, beds 0.580 vs 0.573).
    ///
    /// σ_O²·h²·c_bb is the uncertainty of the slope used (σ_O the long series' residual SD, c_bb its slope's
    /// unscaled variance), τ²·h^γ the family's trend-drift variance (`IntervalCalibration`), and a + b·h the
    /// dispersion of provinces around their own slope shifted to a later anchor (`ownSlope` in
    /// Datasets/calibration/borrowing.json), fitted on rolling-origin backtests of Viet Nam provinces
    /// (`SubnationalBacktest.runOwnSlope`, Datasets/calibration/README.md): the anchor's noise and the drift
    /// of the province's pace after its long series ends. This is the shift method of `fitBorrowingNational`
    /// with the region's own series in place of the parent's: the province's own pace is better evidence
    /// for the province than the nation's, when it is long enough.
    ///
    /// Without that dispersion (`--intervals ols`) the older variance is kept: σ_O²·(2 + h²·c_bb) + δ²
    /// (+ τ²·h^γ), δ² the sample variance of the plan points' gaps to the long trend line (≥ 3 plan points;
    /// otherwise 0 and a warning says the interval cannot include a drift between the bases).
    ///
    /// - Parameters:
    ///   - plan: the plan-basis series (the anchor is its last observation).
    ///   - otherBasis: the region's long series on the other basis (a derived density, say).
    ///   - basis: its label ("GSO DoH basis"), shown in the method "own slope, shifted to plan baseline (…)".
    /// - Throws: as `fit` for the long series; `ProjectionError.tooShort` for an empty plan series.
    public static func fitOwnSlopeShift(plan: Series, otherBasis: Series, basis: String, indicator: Indicator?,
                                        options: TrendOptions = TrendOptions()) throws -> TrendFit {
        var longRun = options
        longRun.weighting = .none
        let long = try fit(otherBasis, indicator: indicator, options: longRun)
        guard let anchor = plan.observations.last else {
            throw ProjectionError.tooShort(key: plan.key.description, points: 0, minimum: 1)
        }
        let transform = long.transform
        let level = try transform.forward(anchor.value)
        var warnings = long.warnings
        warnings.append("\(plan.key): \(plan.count) plan-basis point(s); projected with the region's own slope from "
            + "\(otherBasis.indicator) (\(basis), \(long.modelLabel)) shifted to the plan's level in \(anchor.year): "
            + "the bases differ in level (a level break, not a trend), so only the slope is used")
        warnings += FitOutliers.flag(otherBasis, fit: long).map(\.description)
        let slopeVariance = long.unscaledCovariance.rows == 2 ? long.unscaledCovariance[1, 1] : 0
        let dispersion = options.calibration.ownSlope
        var gap = 0.0
        if let dispersion {
            warnings.append("\(plan.key): the interval includes the dispersion of provinces around their own slope "
                + "shifted to a later level, estimated from other provinces (group \(dispersion.group): "
                + "\(dispersion.label))")
        } else {
            gap = try gapVariance(plan, around: long)
            if plan.observations.count < 3 {
                warnings.append("\(plan.key): fewer than 3 plan-basis points, so the interval cannot include a drift "
                    + "between the plan's basis and \(basis)")
            }
        }
        // Without a dispersion: leverage(y) = 1 (the anchor's noise) + h²·c_bb; with it the anchor's noise is in a.
        let unscaled = try Matrix(rowMajor: [[dispersion == nil ? 1 : 0, 0], [0, slopeVariance]])
        return TrendFit(
            key: plan.key, transform: transform, window: long.window, anchorYear: anchor.year, points: long.points,
            coefficients: [level, long.slope], unscaledCovariance: unscaled,
            sigma: long.sigma, degreesOfFreedom: long.degreesOfFreedom,
            method: .ownSlopeShift(source: otherBasis.key, basis: basis), weighting: long.weighting,
            extraVariance: gap, calibration: options.calibration.keepingSlope(), dispersion: dispersion,
            warnings: warnings, lowerBound: indicator?.lowerBound, upperBound: indicator?.upperBound)
    }
}
