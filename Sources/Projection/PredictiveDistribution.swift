import Foundation
import Statistics

/// The predictive distribution of an indicator's value in one year, as a location–scale Student t on
/// the model scale, back-transformed to the natural scale.
///
///     z_year ~ location + scale · T_df,      y = g⁻¹(z)
///
/// For an OLS trend, location = x₀ᵀβ̂ and scale = σ̂·√(1 + x₀ᵀ(XᵀX)⁻¹x₀) — the classical prediction
/// interval (Seber & Lee 2003, §5.3). A calibrated scale (`IntervalCalibration.predictiveScale`) is wider;
/// `calibrationFactor` records scale / classical scale; it is 1 for the uncalibrated OLS interval.
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

    public init(year: Int, location: Double, scale: Double, meanScale: Double, degreesOfFreedom: Double,
                transform: Transform, calibrationFactor: Double = 1) {
        self.year = year
        self.location = location
        self.scale = scale
        self.meanScale = meanScale
        self.degreesOfFreedom = degreesOfFreedom
        self.transform = transform
        self.calibrationFactor = calibrationFactor
    }

    /// The central projection on the natural scale: g⁻¹(location), the predictive median.
    public var median: Double { transform.inverse(location) }

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
        transform.inverse(location + scale * standardQuantile(p))
    }

    /// Central prediction interval at `level` (e.g. 0.8, 0.95) on the natural scale.
    public func predictionInterval(level: Double) -> (lower: Double, upper: Double) {
        let q = standardQuantile(0.5 + level / 2)
        return (transform.inverse(location - scale * q), transform.inverse(location + scale * q))
    }

    /// Central confidence interval of the trend line at `level` on the natural scale.
    public func meanInterval(level: Double) -> (lower: Double, upper: Double) {
        let q = standardQuantile(0.5 + level / 2)
        return (transform.inverse(location - meanScale * q), transform.inverse(location + meanScale * q))
    }
}
