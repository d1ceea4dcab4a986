import Foundation
import IndicatorData
import LinearAlgebra
import Regression

/// Fits linear trends on the model scale: z(year) = a + b·(year − anchor), anchor = last year in the window.
public enum TrendFitter {
    /// Fits a series' own trend.
    ///
    /// The design is [1, year − anchor]; with recency weights the fit is WLS with w = λ^(anchor − year).
    /// Every fit goes through the LAPACK-backed `Regression.LinearModel`.
    ///
    /// - Parameters:
    ///   - series: the observations (any order; years unique).
    ///   - indicator: catalogue entry giving the default scale and the logit bounds (optional: without it,
    ///     `options.scale` must be given, and logit needs bounds 0–100).
    ///   - options: scale, window, weighting, driver, calibration.
    /// - Throws: `ProjectionError.tooShort` below `options.minimumPoints` points in the window,
    ///   `.outsideDomain` for a value the scale cannot take (0 on the log scale, 100 % on logit), and the
    ///   regression layer's errors.
    public static func fit(_ series: Series, indicator: Indicator?, options: TrendOptions = TrendOptions()) throws
        -> TrendFit {
        let transform = try Self.transform(for: indicator, options: options, series: series)
        let used = options.window.map { series.window($0) } ?? series
        guard used.count >= options.minimumPoints, let first = used.firstYear, let last = used.lastYear else {
            throw ProjectionError.tooShort(key: series.key.description, points: used.count,
                                           minimum: options.minimumPoints)
        }
        var warnings: [String] = []
        if used.count < options.warnBelowPoints {
            warnings.append("\(series.key): only \(used.count) points in \(first)–\(last); the interval rests on "
                + "\(used.count - 2) residual degree(s) of freedom and is very wide")
        }
        let t = used.years.map { Double($0 - last) }
        let z = try used.values.map { try transform.forward($0) }
        let weights: [Double]?
        switch options.weighting {
        case .none: weights = nil
        case .recency(let lambda): weights = used.years.map { Foundation.pow(lambda, Double(last - $0)) }
        }
        let design = try Matrix(columns: [Array(repeating: 1, count: t.count), t])
        let model = try LinearModel(design: design, response: z, weights: weights, hasIntercept: true)
        let fit = try model.fit(driver: options.driver)
        let calibration = calibrationOnScale(options.calibration, indicator: indicator, series: series,
                                             transform: transform, coefficients: fit.coefficients,
                                             warnings: &warnings)
        var trend = TrendFit(
            key: series.key, transform: transform, window: first...last, anchorYear: last, points: used.count,
            coefficients: fit.coefficients, unscaledCovariance: fit.unscaledCovariance, sigma: fit.sigma,
            degreesOfFreedom: Double(fit.degreesOfFreedom), method: .trend,
            weighting: options.weighting.description, calibration: calibration, warnings: warnings,
            lowerBound: indicator?.lowerBound, upperBound: indicator?.upperBound)
        let alternative = used.observations.filter { $0.provenance.flag == "alt" }
        trend.alternativeYears = alternative.map(\.year)
        return alternative.isEmpty ? trend : trend.appending(warnings: alternative.map {
            "\(series.key): \($0.year) = \(String(format: "%g", $0.value)) is from an alternative source (\($0.provenance.source); "
                + "Datasets/national/alt_sources.csv says why it measures the same thing)"
        })
    }

    /// The calibration for a fit on `transform`: the shipped constants belong to the indicator's catalogue
    /// scale, so on any other scale (`--model`, `--model auto`) their drift variance is converted by the
    /// delta method (`ScaleConversion`) and a warning names both scales. Without a catalogue entry the
    /// constants are taken to be on the fit's scale.
    static func calibrationOnScale(_ calibration: IntervalCalibration, indicator: Indicator?, series: Series,
                                   transform: Transform, coefficients: [Double],
                                   warnings: inout [String]) -> IntervalCalibration {
        guard calibration.driftVarianceCoefficient > 0, let indicator, coefficients.count == 2,
              let native = try? Self.transform(for: indicator, options: TrendOptions(), series: series),
              native != transform else { return calibration }
        warnings.append("\(series.key): calibration constants belong to the \(native) scale (catalogue); on the "
            + "\(transform) scale their trend-drift variance is converted by the delta method, "
            + "τ² × (g\u{2081}'(ŷ)/g\u{2080}'(ŷ))² at the projected level")
        return calibration.converted(from: native, to: transform, intercept: coefficients[0], slope: coefficients[1])
    }

    /// The transform for an indicator under the given options.
    public static func transform(for indicator: Indicator?, options: TrendOptions, series: Series) throws -> Transform {
        guard let scale = options.scale ?? indicator?.scale else {
            throw ProjectionError.invalidModel(
                "\(series.key): no model scale: the indicator is not in the catalogue; pass --model linear|log|logit")
        }
        var lower = indicator?.lowerBound
        var upper = indicator?.upperBound
        if scale == .logit, indicator == nil || upper == nil {
            // A percentage without catalogue bounds: the natural 0–100 range.
            lower = lower ?? 0
            upper = upper ?? 100
        }
        return try Transform(scale: scale, lower: lower, upper: upper)
    }

    /// Borrows the national trend for a sparse provincial series (shift method).
    ///
    /// The projection starts from the province's last observed level z_p (model scale, year y_p) and follows
    /// the national slope b_N: ẑ(y) = z_p + κ·b_N·(y − y_p) (κ = the family's slope attenuation). With the
    /// calibrated regional dispersion (`options.calibration.borrowing`, the default of the command line) its
    /// predictive variance, h = y − y_p, is
    ///
    ///     σ_N²·κ²·h²·c_bb + τ²·h^γ + a + b·h,   Student t with ν_prov degrees of freedom
    ///
    /// σ_N²·κ²·h²·c_bb is the uncertainty of the slope used, κ·b̂_N (c_bb its unscaled variance; with κ = 0 the
    /// national slope is not used and adds no variance), τ²·h^γ the national
    /// trend-drift risk of the family (`IntervalCalibration`), and a + b·h the dispersion of provinces around
    /// the shifted national trend (`BorrowingDispersion`), estimated from other provinces' rolling-origin
    /// backtests, so it is there even with one provincial point. Measured on Viet Nam provinces
    /// (`SubnationalBacktest`, Datasets/calibration/README.md), the province's own gap variance (≥ 3 points)
    /// did not improve the interval score and is not used.
    ///
    /// Without a dispersion (`--intervals ols`, or a calibration without `borrowing`) the older variance is
    /// kept: σ_N²·(2 + h²·c_bb) + δ² (+ τ²·h^γ), σ_N standing in for the province's noise and δ² the sample
    /// variance of the province's gaps to the national line when it has ≥ 3 points (else 0, with a warning).
    /// The method is labelled; it is never presented as a provincial fit.
    public static func fitBorrowingNational(
        provincial: Series, national: Series, indicator: Indicator?, options: TrendOptions = TrendOptions()
    ) throws -> TrendFit {
        let nationalFit = try fit(national, indicator: indicator, options: options)
        let transform = nationalFit.transform
        guard let anchorObservation = provincial.observations.last else {
            throw ProjectionError.tooShort(key: provincial.key.description, points: 0, minimum: 1)
        }
        let anchorYear = anchorObservation.year
        let anchorLevel = try transform.forward(anchorObservation.value)
        var warnings = nationalFit.warnings
        warnings.append("\(provincial.key): \(provincial.count) provincial point(s); projected with the national "
            + "slope from \(national.region) (\(nationalFit.modelLabel)) shifted to the provincial level in \(anchorYear)")
        var conversionNote: [String] = []  // the national fit's warnings already carry it
        let slopeVariance = nationalFit.unscaledCovariance.rows == 2 ? nationalFit.unscaledCovariance[1, 1] : 0
        let dispersion = options.calibration.borrowing
        var gapVariance = 0.0
        if let dispersion {
            warnings.append("\(provincial.key): the interval includes the dispersion of provinces around the shifted "
                + "national trend, estimated from other provinces (group \(dispersion.group): \(dispersion.label))")
        } else {
            gapVariance = try Self.gapVariance(provincial, around: nationalFit)
            if provincial.count < 3 {
                warnings.append("\(provincial.key): fewer than 3 provincial points, so the interval cannot include "
                    + "the provincial-vs-national dispersion and understates the uncertainty")
            }
        }
        // Without a dispersion: leverage(y) = 1 (the anchor observation's noise) + (y − y_p)²·c_bb. With it, the
        // anchor's noise is in a, and the slope used is κ·b_N, so its variance is κ²·c_bb·σ_N².
        let kappa = options.calibration.slopeAttenuation
        let unscaled = dispersion == nil ? try Matrix(rowMajor: [[1, 0], [0, slopeVariance]])
            : try Matrix(rowMajor: [[0, 0], [0, kappa * kappa * slopeVariance]])
        var borrowed = TrendFit(
            key: provincial.key, transform: transform, window: nationalFit.window, anchorYear: anchorYear,
            points: nationalFit.points, coefficients: [anchorLevel, nationalFit.slope], unscaledCovariance: unscaled,
            sigma: nationalFit.sigma, degreesOfFreedom: nationalFit.degreesOfFreedom,
            method: .nationalSlopeShift(national: national.key), weighting: nationalFit.weighting,
            extraVariance: gapVariance,
            calibration: calibrationOnScale(options.calibration, indicator: indicator, series: provincial,
                                            transform: transform, coefficients: [anchorLevel, nationalFit.slope],
                                            warnings: &conversionNote),
            dispersion: dispersion, warnings: warnings, lowerBound: indicator?.lowerBound,
            upperBound: indicator?.upperBound)
        borrowed.alternativeYears = nationalFit.alternativeYears
        return borrowed
    }

    /// δ²: sample variance of a series' gaps to another fit's trend line on that fit's model scale (≥ 3 points,
    /// else 0): a province around the national trend, or a plan-basis series around its own other-basis trend.
    static func gapVariance(_ series: Series, around trend: TrendFit) throws -> Double {
        let gaps = try series.observations.map { observation -> Double in
            let level = trend.intercept + trend.slope * Double(observation.year - trend.anchorYear)
            return try trend.transform.forward(observation.value) - level
        }
        guard gaps.count >= 3 else { return 0 }
        let mean = gaps.reduce(0, +) / Double(gaps.count)
        return gaps.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(gaps.count - 1)
    }

    /// A reference-class forecast for a series with one (or a few) points and no usable comparator: the last
    /// observed level z_p held, with the family's national trend-drift variance and the dispersion regions of
    /// the same family showed around their held level,
    ///
    ///     ẑ(y) = z_p,   variance τ²·h^γ + a′ + b′·h,   Student t with ν′,   h = y − y_p
    ///
    /// (τ², γ from `options.calibration`; a′, b′, ν′ from `options.calibration.referenceClass`, fitted by
    /// `SubnationalBacktest` on Viet Nam provinces: "what a province's value did h years after one
    /// observation, knowing nothing else"; Kahneman & Tversky's reference-class forecasting, as put into
    /// practice by Flyvbjerg 2006, *Project Management Journal* 37(3)). Labelled
    /// "reference-class level-held"; it is not a trend.
    ///
    /// - Throws: `ProjectionError.tooShort` for an empty series, `.invalidModel` when the calibration has no
    ///   reference class for the indicator's family (the backtest supports it only with the dispersion), and
    ///   `.outsideDomain` for a value the scale cannot take.
    public static func levelHeld(_ series: Series, indicator: Indicator?, options: TrendOptions = TrendOptions())
        throws -> TrendFit {
        let transform = try Self.transform(for: indicator, options: options, series: series)
        guard let last = series.observations.last else {
            throw ProjectionError.tooShort(key: series.key.description, points: 0, minimum: 1)
        }
        guard let dispersion = options.calibration.referenceClass else {
            throw ProjectionError.invalidModel(
                "\(series.key): no reference class is calibrated for this indicator's family (Datasets/calibration/"
                    + "borrowing.json); a level held with the national drift variance alone covered too little")
        }
        let level = try transform.forward(last.value)
        let warning = "\(series.key): \(series.count) point(s) and no usable comparator; reference-class forecast: "
            + "the \(last.year) level held, with the spread of provinces around their held level (group "
            + "\(dispersion.group): \(dispersion.label)); not a trend"
        return TrendFit(
            key: series.key, transform: transform, window: last.year...last.year, anchorYear: last.year, points: 1,
            coefficients: [level, 0], unscaledCovariance: try Matrix(rowMajor: [[0, 0], [0, 0]]), sigma: 0,
            degreesOfFreedom: dispersion.degreesOfFreedom,
            method: .referenceClassLevelHeld(group: dispersion.group), weighting: "none",
            calibration: options.calibration, dispersion: dispersion, warnings: [warning],
            lowerBound: indicator?.lowerBound, upperBound: indicator?.upperBound)
    }
}
