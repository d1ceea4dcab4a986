import Foundation
import IndicatorData
import Statistics

/// The predictive distribution of an indicator's value in one year, as a location–scale Student t on
/// the model scale, back-transformed to the natural scale.
///
///     z_year ~ location + scale · T_df,      y = g⁻¹(z)
///
/// For an OLS trend, location = x₀ᵀβ̂ and scale = σ̂·√(1 + x₀ᵀ(XᵀX)⁻¹x₀) — the classical prediction
/// interval (Seber & Lee 2003, §5.3). A calibrated scale (`IntervalCalibration.predictiveScale`) is wider;
/// `calibrationFactor` records scale / classical scale; it is 1 for the uncalibrated OLS interval.
///
/// **Bounds.** An indicator with natural bounds [L, U] (the catalogue's `lower_bound`/`upper_bound`, e.g. a
/// percentage) keeps every reported value inside them whatever the model scale: on a linear or log scale the
/// t distribution has mass beyond a bound, which is reported **at** the bound (the distribution of the
/// censored value min(max(Y, L), U), whose quantiles are the clamped quantiles). The median, quantiles and
/// intervals are clamped; `cdf`/`survival` are those of the latent Y inside [L, U] (so P(Y ≥ U) is the mass
/// piled at U) and 0 or 1 strictly outside. A logit scale is inside its bounds already.
public struct PredictiveDistribution: Sendable, Hashable {
    public let year: Int
    /// Centre on the model scale.
    public let location: Double
    /// Predictive standard deviation of a new observation on the model scale, calibration included.
    public let scale: Double
    /// Standard error of the fitted mean on the model scale (confidence interval of the trend line).
    public let meanScale: Double
    /// Student t degrees of freedom (`.infinity` for a normal predictive).
    public let degreesOfFreedom: Double
    public let transform: Transform
    /// Calibrated scale / classical (W)LS predictive scale (1 = uncalibrated).
    public let calibrationFactor: Double
    /// Natural bounds of the indicator (`nil` = unbounded on that side); see the type's documentation.
    public let lowerBound: Double?
    public let upperBound: Double?

    public init(year: Int, location: Double, scale: Double, meanScale: Double, degreesOfFreedom: Double,
                transform: Transform, calibrationFactor: Double = 1, lowerBound: Double? = nil,
                upperBound: Double? = nil) {
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.year = year
        self.location = location
        self.scale = scale
        self.meanScale = meanScale
        self.degreesOfFreedom = degreesOfFreedom
        self.transform = transform
        self.calibrationFactor = calibrationFactor
    }

    /// The central projection on the natural scale: g⁻¹(location), the predictive median (within the bounds).
    public var median: Double { clamped(transform.inverse(location)) }

    /// `y` moved inside [lowerBound, upperBound].
    public func clamped(_ y: Double) -> Double {
        var v = y
        if let lowerBound, v < lowerBound { v = lowerBound }
        if let upperBound, v > upperBound { v = upperBound }
        return v
    }

    /// 0 or 1 for a value strictly outside the bounds (P(Y ≤ value)), `nil` inside.
    private func outsideBounds(_ value: Double) -> Double? {
        if let lowerBound, value < lowerBound { return 0 }
        if let upperBound, value > upperBound { return 1 }
        return nil
    }

    private func standardCDF(_ t: Double) -> Double {
        if degreesOfFreedom.isInfinite { return Normal.cdf(t) }
        return (try? StudentT(degreesOfFreedom: degreesOfFreedom))?.cdf(t) ?? .nan
    }

    private func standardQuantile(_ p: Double) -> Double {
        if degreesOfFreedom.isInfinite { return Normal.quantile(p) }
        return (try? StudentT(degreesOfFreedom: degreesOfFreedom))?.quantile(p) ?? .nan
    }

    /// P(Y ≤ value) on the natural scale. Values at or beyond the transform's bounds give 0 or 1.
    public func cdf(_ value: Double) -> Double {
        if let outside = outsideBounds(value) { return outside }
        switch transform {
        case .log where value <= 0: return 0
        case .logit(let l, _) where value <= l: return 0
        case .logit(_, let u) where value >= u: return 1
        default: break
        }
        guard let z = try? transform.forward(value) else { return .nan }
        guard scale > 0 else { return z >= location ? 1 : 0 }
        return standardCDF((z - location) / scale)
    }

    /// P(Y > value) = 1 − cdf(value), computed from the upper tail to keep small probabilities accurate.
    public func survival(_ value: Double) -> Double {
        if let outside = outsideBounds(value) { return 1 - outside }
        switch transform {
        case .log where value <= 0: return 1
        case .logit(let l, _) where value <= l: return 1
        case .logit(_, let u) where value >= u: return 0
        default: break
        }
        guard let z = try? transform.forward(value) else { return .nan }
        guard scale > 0 else { return z < location ? 1 : 0 }
        return standardCDF(-(z - location) / scale)
    }

    /// The p-quantile of a new observation on the natural scale.
    public func quantile(_ p: Double) -> Double {
        clamped(transform.inverse(location + scale * standardQuantile(p)))
    }

    /// Central prediction interval at `level` (e.g. 0.8, 0.95) on the natural scale.
    public func predictionInterval(level: Double) -> (lower: Double, upper: Double) {
        let q = standardQuantile(0.5 + level / 2)
        return (clamped(transform.inverse(location - scale * q)), clamped(transform.inverse(location + scale * q)))
    }

    /// Central confidence interval of the trend line at `level` on the natural scale.
    public func meanInterval(level: Double) -> (lower: Double, upper: Double) {
        let q = standardQuantile(0.5 + level / 2)
        return (clamped(transform.inverse(location - meanScale * q)),
                clamped(transform.inverse(location + meanScale * q)))
    }
}

// MARK: - P(attain)

extension PredictiveDistribution {
    /// The probability that the value in `year` meets `comparator value` — the one formula of P(attain)
    /// (plan, scenarios and the batch path all call it):
    ///
    /// - `<`, `<=` → F(T) (continuous: strictness does not change P);
    /// - `>`, `>=` → 1 − F(T), as `survival(T)` to keep small tails accurate;
    /// - `=` (hold) → F(T + tol) − F(T − tol), the band of half a printed unit (`Target.holdTolerance`).
    public func probability(meeting comparator: IndicatorData.Comparator, value: Double, tolerance: Double) -> Double {
        switch comparator {
        case .lessThan, .lessOrEqual: return cdf(value)
        case .greaterThan, .greaterOrEqual: return survival(value)
        case .equal: return Swift.max(0, cdf(value + tolerance) - cdf(value - tolerance))
        }
    }
}
