import Foundation
import IndicatorData
import LinearAlgebra

/// How a projection was produced; every reported number carries it.
public enum ProjectionMethod: Sendable, Hashable, CustomStringConvertible {
    /// The series' own trend, fitted by (weighted) least squares on the model scale.
    case trend
    /// Too few provincial points: the national slope on the model scale, anchored at the provincial
    /// level (shift method), interval widened by the provincial-vs-national dispersion.
    case nationalSlopeShift(national: SeriesKey)
    /// Too few points, but the region's own long series on another basis (e.g. GSO Department-of-Health
    /// densities): its slope, anchored at the plan-basis level (`TrendFitter.fitOwnSlopeShift`).
    case ownSlopeShift(source: SeriesKey, basis: String)
    /// Too few points: a subnational parent's slope (a district borrowing its province's), shift method.
    case parentSlopeShift(parent: SeriesKey)
    /// A value held constant (no trend), e.g. a single observation with no national series.
    case hold
    /// The last observed level held, with the spread that regions of the same indicator family showed
    /// around their held level (`TrendFitter.levelHeld`): a reference-class forecast.
    case referenceClassLevelHeld(group: String)

    public var description: String {
        switch self {
        case .trend: return "own-trend"
        case .nationalSlopeShift(let national): return "national-slope-shift(\(national.region))"
        case .ownSlopeShift(_, let basis): return "own slope, shifted to plan baseline (\(basis))"
        case .parentSlopeShift(let parent): return "parent-slope-shift(\(parent.region))"
        case .hold: return "hold-last"
        case .referenceClassLevelHeld(let group): return "reference-class level-held(\(group))"
        }
    }
}

/// Widens the classical (W)LS predictive scale for the forecast horizon h = year − anchor, from rolling-origin
/// backtests (see `Calibration`). `.none` keeps the classical interval.
///
/// The predictive scale on the model scale is
///
///     scale(h) = √( k(h)² · v₀(h) + τ² · h^γ ),    v₀(h) = σ̂²(1 + x₀ᵀ(XᵀWX)⁻¹x₀) + extra
///
/// with Student t tails, min(ν, n − 2) degrees of freedom. The shipped calibration uses the **additive**
/// trend-drift term τ²·h^γ with k ≡ 1: the risk that the trend itself changes after the last observation
/// (a local linear trend whose slope wanders, Harvey 1989, *Forecasting, Structural Time Series Models and
/// the Kalman Filter*, §2.3.2; γ is estimated instead of fixed at 3). It does not depend on the in-sample
/// misfit σ̂, so a bumpy series is not widened twice and a smooth model estimate is not left too narrow.
/// The multiplicative k(h) (factors) is kept for older calibration files.
public struct IntervalCalibration: Sendable, Hashable {
    /// factors[h − 1] for h = 1…factors.count; horizons beyond the table use the last factor; empty = 1.
    public let factors: [Double]
    /// Where the constants came from (family, data, command), printed with every calibrated number.
    public let label: String
    /// Student t degrees of freedom fitted to the backtest errors' tails (`nil` keeps the fit's n − 2).
    /// The predictive uses min(this, n − 2), so a short series keeps its wider classical tails.
    public let degreesOfFreedom: Double?
    /// τ² of the additive trend-drift variance τ²·h^γ (model scale squared); 0 = no additive term.
    public let driftVarianceCoefficient: Double
    /// γ of τ²·h^γ.
    public let driftExponent: Double
    /// κ ∈ [0, 1] multiplying the fitted slope for projected years: location a + κ·b·h for h ≥ 1 (in-sample
    /// years keep the fitted line). 1 = the fitted trend (`.none`, older files). Fitted per family by
    /// `Calibration.fitAdditive`: after 2012 fitted declines slowed more often than they sped up, so the
    /// full slope put P(attain) too high (Benchmarks/calibration/slope.py).
    public let slopeAttenuation: Double
    /// The dispersion of regions around a shifted national trend for this indicator's family
    /// (`TrendFitter.fitBorrowingNational` uses it; own-trend fits ignore it). nil: the older shift variance.
    public let borrowing: BorrowingDispersion?
    /// The dispersion of regions around their held level for this family (`TrendFitter.levelHeld`).
    public let referenceClass: BorrowingDispersion?
    /// The dispersion of regions around their own other-basis slope shifted to a later anchor
    /// (`TrendFitter.fitOwnSlopeShift`).
    public let ownSlope: BorrowingDispersion?

    /// When the constants were fitted on another scale than the fit's: the delta-method conversion of the
    /// drift variance (`ScaleConversion`); `nil` = the constants are on the fit's scale.
    public let conversion: ScaleConversion?

    public init(factors: [Double], label: String, degreesOfFreedom: Double? = nil,
                driftVarianceCoefficient: Double = 0, driftExponent: Double = 0, slopeAttenuation: Double = 1,
                borrowing: BorrowingDispersion? = nil, referenceClass: BorrowingDispersion? = nil,
                ownSlope: BorrowingDispersion? = nil, conversion: ScaleConversion? = nil) {
        self.factors = factors
        self.label = label
        self.degreesOfFreedom = degreesOfFreedom
        self.driftVarianceCoefficient = driftVarianceCoefficient
        self.driftExponent = driftExponent
        self.slopeAttenuation = slopeAttenuation
        self.borrowing = borrowing
        self.referenceClass = referenceClass
        self.ownSlope = ownSlope
        self.conversion = conversion
    }

    /// This calibration with the regional dispersions of `BorrowingCalibration` for a sparse region.
    public func with(borrowing: BorrowingDispersion?, referenceClass: BorrowingDispersion?,
                     ownSlope: BorrowingDispersion? = nil) -> IntervalCalibration {
        IntervalCalibration(factors: factors, label: label, degreesOfFreedom: degreesOfFreedom,
                            driftVarianceCoefficient: driftVarianceCoefficient, driftExponent: driftExponent,
                            slopeAttenuation: slopeAttenuation, borrowing: borrowing, referenceClass: referenceClass,
                            ownSlope: ownSlope, conversion: conversion)
    }

    /// This calibration with slope attenuation κ = 1: the fitted slope kept in full (the own-slope shift
    /// keeps the region's own slope; its regional dispersion was fitted around the full slope).
    public func keepingSlope() -> IntervalCalibration {
        IntervalCalibration(factors: factors, label: label, degreesOfFreedom: degreesOfFreedom,
                            driftVarianceCoefficient: driftVarianceCoefficient, driftExponent: driftExponent,
                            slopeAttenuation: 1, borrowing: borrowing, referenceClass: referenceClass,
                            ownSlope: ownSlope, conversion: conversion.map {
                                ScaleConversion(native: $0.native, fitted: $0.fitted, intercept: $0.intercept,
                                                slope: $0.slope, slopeAttenuation: 1)
                            })
    }

    /// These constants, fitted on `native`, applied to a fit on `fitted` with coefficients (a, b): the drift
    /// variance is converted by the delta method (`ScaleConversion`); the same calibration when the scales
    /// agree or there is no drift term.
    public func converted(from native: Transform, to fitted: Transform, intercept: Double,
                          slope: Double) -> IntervalCalibration {
        guard native != fitted, driftVarianceCoefficient > 0 else { return self }
        return IntervalCalibration(
            factors: factors, label: label, degreesOfFreedom: degreesOfFreedom,
            driftVarianceCoefficient: driftVarianceCoefficient, driftExponent: driftExponent,
            slopeAttenuation: slopeAttenuation, borrowing: borrowing, referenceClass: referenceClass,
            ownSlope: ownSlope, conversion: ScaleConversion(native: native, fitted: fitted, intercept: intercept, slope: slope,
                                        slopeAttenuation: slopeAttenuation))
    }

    /// The factor on the slope at horizon h: κ for h ≥ 1 (projected years), 1 for in-sample years.
    public func slopeFactor(horizon h: Int) -> Double { h >= 1 ? slopeAttenuation : 1 }

    /// The projected location a + κ·b·h (`slopeFactor`) on the model scale — the one formula every consumer
    /// (`TrendFit.predictive`, the batch path, backtests) uses.
    public func location(intercept a: Double, slope b: Double, horizon h: Int) -> Double {
        a + slopeFactor(horizon: h) * b * Double(h)
    }

    /// The additive calibration τ²·h^γ with Student t tails ν (no multiplicative factor).
    public static func additive(driftVariance tau2: Double, exponent gamma: Double, degreesOfFreedom: Double?,
                                label: String, slopeAttenuation: Double = 1) -> IntervalCalibration {
        IntervalCalibration(factors: [], label: label, degreesOfFreedom: degreesOfFreedom,
                            driftVarianceCoefficient: tau2, driftExponent: gamma, slopeAttenuation: slopeAttenuation)
    }

    /// The t degrees of freedom for a fit with `residualDegreesOfFreedom`: min(ν, n − 2), or n − 2 without ν.
    public func degreesOfFreedom(residual residualDegreesOfFreedom: Double) -> Double {
        guard let nu = degreesOfFreedom else { return residualDegreesOfFreedom }
        return Swift.min(nu, residualDegreesOfFreedom)
    }

    public static let none = IntervalCalibration(factors: [], label: "uncalibrated OLS")

    /// The multiplicative factor k(h) for horizon h (≥ 1 year ahead); 1 for h ≤ 0 (in-sample years) or an
    /// empty table.
    public func factor(horizon h: Int) -> Double {
        guard h >= 1, let last = factors.last else { return 1 }
        return h <= factors.count ? factors[h - 1] : last
    }

    /// The additive trend-drift variance τ²·h^γ for horizon h, on the fit's scale (times r(h)² of the
    /// `conversion` when the constants were fitted on another scale); 0 for h ≤ 0 (in-sample years) or
    /// without it.
    public func driftVariance(horizon h: Int) -> Double {
        guard h >= 1, driftVarianceCoefficient > 0 else { return 0 }
        let r = conversion?.ratio(horizon: h) ?? 1
        return driftVarianceCoefficient * Foundation.pow(Double(h), driftExponent) * r * r
    }

    /// The calibrated predictive scale √(max(k(h), 1)²·v₀ + τ²·h^γ) from the classical predictive variance
    /// v₀ — the one formula every consumer (`TrendFit.predictive`, the batch path, backtests) uses. k is
    /// floored at 1 so that a calibrated interval is never narrower than the classical one on the same scale
    /// (the drift term is ≥ 0 and the t degrees of freedom are min(ν, n − 2)).
    public func predictiveScale(baseVariance v0: Double, horizon h: Int) -> Double {
        let k = Swift.max(factor(horizon: h), 1)
        return (k * k * Swift.max(v0, 0) + driftVariance(horizon: h)).squareRoot()
    }
}

/// A fitted linear trend z = a + b·(year − anchorYear) on the model scale, with everything needed for
/// intervals, attainment probabilities and Monte Carlo: coefficients, their unscaled covariance
/// (XᵀWX)⁻¹, σ̂ and the residual degrees of freedom.
public struct TrendFit: Sendable {
    public let key: SeriesKey
    public let transform: Transform
    /// Years actually used (first…last observation in the fit window).
    public let window: ClosedRange<Int>
    /// t = year − anchorYear; the anchor is the last observed year in the window.
    public let anchorYear: Int
    /// Number of observations the slope was fitted on (for the national-slope shift: the national series').
    public let points: Int
    /// [a, b]: level at the anchor year and slope per year, model scale.
    public let coefficients: [Double]
    /// (XᵀWX)⁻¹, 2 × 2: multiply by σ̂² for the coefficients' covariance.
    public let unscaledCovariance: Matrix
    /// Residual standard deviation σ̂ on the model scale (with weights: of the weighted residuals).
    public let sigma: Double
    /// Residual degrees of freedom n − 2.
    public let degreesOfFreedom: Double
    public let method: ProjectionMethod
    /// Weighting used in the fit, e.g. "ols" or "recency λ=0.9".
    public let weighting: String
    /// Extra predictive variance on the model scale added to every projected year (e.g. the
    /// provincial-vs-national dispersion for the shift method); 0 for an own-trend fit.
    public let extraVariance: Double
    public let calibration: IntervalCalibration
    /// The regional dispersion σ²_prov(h) = a + b·h of a borrowed or reference-class fit: added to the
    /// predictive variance for a year h after the anchor, and its ν sets the t tails. nil for own-trend fits.
    public let dispersion: BorrowingDispersion?
    /// Human-readable warnings (short series, …), printed to stderr and in JSON metadata.
    public let warnings: [String]
    /// Natural bounds of the indicator (catalogue), kept by every predictive (`PredictiveDistribution`).
    public let lowerBound: Double?
    public let upperBound: Double?
    /// Years of the fitted series taken from an alternative source (`NationalAlternatives`, observation flag
    /// `alt`): named in `modelLabel`, so the model column says where those points came from.
    public var alternativeYears: [Int] = []

    public init(key: SeriesKey, transform: Transform, window: ClosedRange<Int>, anchorYear: Int, points: Int,
                coefficients: [Double], unscaledCovariance: Matrix, sigma: Double, degreesOfFreedom: Double,
                method: ProjectionMethod, weighting: String, extraVariance: Double = 0,
                calibration: IntervalCalibration = .none, dispersion: BorrowingDispersion? = nil,
                warnings: [String] = [], lowerBound: Double? = nil, upperBound: Double? = nil) {
        self.dispersion = dispersion
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.key = key
        self.transform = transform
        self.window = window
        self.anchorYear = anchorYear
        self.points = points
        self.coefficients = coefficients
        self.unscaledCovariance = unscaledCovariance
        self.sigma = sigma
        self.degreesOfFreedom = degreesOfFreedom
        self.method = method
        self.weighting = weighting
        self.extraVariance = extraVariance
        self.calibration = calibration
        self.warnings = warnings
    }

    /// Level on the model scale at the anchor year.
    public var intercept: Double { coefficients.first ?? .nan }
    /// Slope per year on the model scale.
    public var slope: Double { coefficients.count > 1 ? coefficients[1] : 0 }

    /// x₀ᵀ(XᵀWX)⁻¹x₀ for x₀ = [1, t].
    public func leverage(year: Int) -> Double {
        let t = Double(year - anchorYear)
        guard unscaledCovariance.rows == 2, unscaledCovariance.columns == 2 else {
            return unscaledCovariance.rows == 1 ? unscaledCovariance[0, 0] : 0
        }
        return unscaledCovariance[0, 0] + 2 * t * unscaledCovariance[0, 1] + t * t * unscaledCovariance[1, 1]
    }

    /// The t degrees of freedom of every predictive of this fit: the regional dispersion's ν when the fit
    /// has one, else min(ν, n − 2) with a calibration that fits ν, else n − 2. Monte Carlo consumers
    /// (`JointAttainment`, scenarios) use the same number so their marginals match `predictive(year:)`.
    public var predictiveDegreesOfFreedom: Double {
        dispersion?.degreesOfFreedom ?? calibration.degreesOfFreedom(residual: degreesOfFreedom)
    }

    /// The variance of a new observation around the trend line at horizon h, model scale: σ̂² + extra, or with
    /// a regional dispersion a + b·h + extra (the region's noise, estimated from other regions).
    public func noiseVariance(horizon h: Int) -> Double {
        (dispersion.map { $0.variance(horizon: h) } ?? sigma * sigma) + extraVariance
    }

    /// The predictive distribution of a new observation in `year`:
    /// location a + κ·b·t (κ = the calibration's slope attenuation for t ≥ 1, else 1), scale √(k(h)²·v₀ + τ²·h^γ) with v₀ = σ̂²(1 + x₀ᵀ(XᵀWX)⁻¹x₀) + extra
    /// (`IntervalCalibration.predictiveScale`), Student t with n − 2 df (with a calibration that fits ν:
    /// min(ν, n − 2) df). Uncalibrated (`.none`): the classical prediction interval.
    ///
    /// With a regional dispersion (borrowed and reference-class fits) the new observation's noise is the
    /// region's, estimated from other regions, instead of σ̂²: v₀ = σ̂²·x₀ᵀ(XᵀWX)⁻¹x₀ + extra + a + b·h and
    /// the tails are the dispersion's ν (`predictiveDegreesOfFreedom`).
    public func predictive(year: Int) -> PredictiveDistribution {
        let location = calibration.location(intercept: intercept, slope: slope, horizon: year - anchorYear)
        let meanVariance = sigma * sigma * leverage(year: year)
        let baseVariance = noiseVariance(horizon: year - anchorYear) + meanVariance
        let scale = calibration.predictiveScale(baseVariance: baseVariance, horizon: year - anchorYear)
        let base = baseVariance.squareRoot()
        return PredictiveDistribution(year: year, location: location, scale: scale,
                                      meanScale: meanVariance.squareRoot(),
                                      degreesOfFreedom: predictiveDegreesOfFreedom,
                                      transform: transform, calibrationFactor: base > 0 ? scale / base : 1,
                                      lowerBound: lowerBound, upperBound: upperBound)
    }

    /// "log-linear OLS 2010–2023 (n=14)": which model and window produced a number.
    public var modelLabel: String {
        let scaleName: String
        switch transform {
        case .identity: scaleName = "linear"
        case .log: scaleName = "log-linear"
        case .logit: scaleName = "logit-linear"
        }
        let alt = alternativeYears.isEmpty ? ""
            : "; " + alternativeYears.map(String.init).joined(separator: ", ") + " from an alternative source"
        return "\(scaleName) \(weighting) \(window.yearsText) (n=\(points)\(alt))"
    }
}

extension ClosedRange where Bound == Int {
    /// A fit window as every output names it: "2010–2023".
    public var yearsText: String { "\(lowerBound)–\(upperBound)" }
}
