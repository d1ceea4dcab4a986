import Foundation
import IndicatorData

/// The map between an indicator's natural scale and the scale on which its trend is linear in time.
///
/// - `identity`: z = y (life expectancy, heights).
/// - `log`: z = ln y, for rates and ratios that decline proportionally (mortality, TFR, incidence,
///   densities); a slope b means an average annual rate of change of e^b − 1 (UNICEF's AARR is
///   −100·(e^b − 1) = 100·(1 − e^b)).
/// - `logit(lower:upper:)`: z = ln((y − L)/(U − y)), for bounded percentages and coverage; projections
///   and every interval endpoint stay strictly inside (L, U) after back-transforming.
///
/// Intervals are computed on the model scale and back-transformed endpoint by endpoint: the transforms
/// are strictly increasing, so quantiles map to quantiles (the back-transformed mean is the median, not the
/// mean, on the natural scale; chitieu reports it as the central projection and says so).
public enum Transform: Sendable, Hashable, CustomStringConvertible {
    case identity
    case log
    case logit(lower: Double, upper: Double)

    /// Builds the transform for a model scale and the indicator's natural bounds.
    /// Logit needs both bounds; a missing upper bound falls back to 0–100 only for percentages
    /// (the catalogue gives bounds for every logit indicator).
    public init(scale: ModelScale, lower: Double?, upper: Double?) throws {
        switch scale {
        case .linear: self = .identity
        case .log: self = .log
        case .logit:
            guard let lower, let upper, lower < upper else {
                throw ProjectionError.invalidModel(
                    "the logit scale needs a lower and an upper bound (lower < upper); "
                        + "set them in the indicator catalogue or use --model linear or log")
            }
            self = .logit(lower: lower, upper: upper)
        }
    }

    /// z = g(y). Throws when y is outside the transform's domain (y ≤ 0 for log, y ∉ (L, U) for logit).
    public func forward(_ y: Double) throws -> Double {
        switch self {
        case .identity:
            guard y.isFinite else { throw ProjectionError.outsideDomain(value: y, transform: description) }
            return y
        case .log:
            guard y > 0, y.isFinite else { throw ProjectionError.outsideDomain(value: y, transform: description) }
            return Foundation.log(y)
        case .logit(let l, let u):
            guard y > l, y < u else { throw ProjectionError.outsideDomain(value: y, transform: description) }
            return Foundation.log((y - l) / (u - y))
        }
    }

    /// y = g⁻¹(z).
    public func inverse(_ z: Double) -> Double {
        switch self {
        case .identity: return z
        case .log: return Foundation.exp(z)
        case .logit(let l, let u):
            // Stable logistic: avoid exp overflow for large |z|.
            if z >= 0 { return l + (u - l) / (1 + Foundation.exp(-z)) }
            let e = Foundation.exp(z)
            return l + (u - l) * e / (1 + e)
        }
    }

    public var description: String {
        switch self {
        case .identity: return "linear"
        case .log: return "log"
        case .logit(let l, let u): return "logit[\(formatBound(l)),\(formatBound(u))]"
        }
    }

    /// The model scale this transform implements.
    public var scale: ModelScale {
        switch self {
        case .identity: return .linear
        case .log: return .log
        case .logit: return .logit
        }
    }
}

private func formatBound(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
}
