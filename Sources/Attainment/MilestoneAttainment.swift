import Foundation
import IndicatorData
import Projection

// MARK: - P(attain) for one milestone

/// The probability that one target of the plan is met, from the predictive distribution of its year.
///
/// With Y the indicator's value in the target year and F its predictive CDF (Student t on the model scale,
/// back-transformed; see `PredictiveDistribution`):
///
/// - `<` and `<=` → P = F(T) (the distribution is continuous, so strictness does not change P;
///   it matters only for observed values, see `Target.isMet(observed:direction:)`),
/// - `>` and `>=` → P = 1 − F(T), computed as `survival(T)` to keep small tails accurate,
/// - `=` (hold)   → P = F(T + tol) − F(T − tol), tol = `Target.holdTolerance`.
public struct MilestoneAttainment: Sendable, Hashable {
    public let target: Target
    /// The comparator actually used (printed, or from the direction for unprinted `level` targets).
    public let comparator: IndicatorData.Comparator?
    public let status: AttainmentStatus
    /// P(attain); `nil` unless `status.carriesProbability` and a projection exists.
    public let probability: Double?
    /// Whether the observed baseline already meets the target (strictness honoured); `nil` when unknown.
    public let metAtBaseline: Bool?
    public let warnings: [String]

    public init(target: Target, comparator: IndicatorData.Comparator?, status: AttainmentStatus, probability: Double?,
                metAtBaseline: Bool?, warnings: [String]) {
        self.target = target
        self.comparator = comparator
        self.status = status
        self.probability = probability
        self.metAtBaseline = metAtBaseline
        self.warnings = warnings
    }
}

public enum Attainment {
    /// P(attain) of a numeric target under a predictive distribution (formulas on `MilestoneAttainment`).
    /// - Returns: `nil` when the target has no value.
    public static func probability(value: Double, comparator: IndicatorData.Comparator, tolerance: Double = 0,
                                   predictive: PredictiveDistribution) -> Double {
        predictive.probability(meeting: comparator, value: value, tolerance: tolerance)
    }

    /// Assesses one target: status from its kind, P(attain) from `predictive` (when given and the kind
    /// carries a number), whether the observed baseline already meets it, and warnings (a comparator that
    /// points against the catalogue direction; a target year not after the baseline).
    /// - Parameters:
    ///   - predictive: the predictive distribution for `target.year`, `nil` when there is no projection.
    ///   - reason: why there is no projection (shown in the status when `predictive` is `nil`).
    ///   - baseline: the observed baseline value, to judge "already met".
    public static func assess(target: Target, direction: Direction, predictive: PredictiveDistribution?,
                              reason: String = "no projection for this indicator",
                              baseline: Double? = nil) -> MilestoneAttainment {
        var warnings: [String] = []
        if let w = target.comparatorWarning(direction: direction) { warnings.append(w) }
        var status = AttainmentStatus(target: target)
        let comparator = target.resolvedComparator(direction: direction)
        let met = baseline.flatMap { target.isMet(observed: $0, direction: direction) }
        var p: Double?
        if status.carriesProbability {
            if let value = target.value, let comparator {
                if let predictive {
                    if predictive.year != target.year {
                        warnings.append("predictive distribution is for \(predictive.year), target is for \(target.year)")
                    }
                    p = probability(value: value, comparator: comparator, tolerance: target.holdTolerance,
                                    predictive: predictive)
                    if let q = p, !q.isFinite {
                        p = nil
                        status = .assessmentNotPossible(
                            reason: "the target \(target.text) is outside the range of the \(predictive.transform) scale")
                    }
                } else {
                    status = .assessmentNotPossible(reason: reason)
                }
            } else {
                status = .assessmentNotPossible(reason: "the target \"\(target.text)\" has no number to compare")
            }
        }
        return MilestoneAttainment(target: target, comparator: comparator, status: status, probability: p,
                                   metAtBaseline: met, warnings: warnings)
    }
}

// MARK: - Target regions on the model scale

/// The set of model-scale values z that meet a target, [lower, upper] (either end may be infinite).
/// Because every transform g is strictly increasing, y ⋚ T ⇔ g(y) ⋚ g(T): Monte Carlo draws are compared
/// on the model scale, with no back-transform (no exp) per draw. Targets outside the transform's domain
/// map to ±∞ (for a log scale "< 0" is never met, "> 0" always).
struct ModelScaleRegion: Sendable, Hashable {
    var lower: Double
    var upper: Double

    init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    init(value: Double, comparator: IndicatorData.Comparator, tolerance: Double, transform: Transform) {
        func g(_ y: Double) -> Double {
            switch transform {
            case .identity: return y
            case .log: return y <= 0 ? -.infinity : Foundation.log(y)
            case .logit(let l, let u):
                if y <= l { return -.infinity }
                if y >= u { return .infinity }
                return Foundation.log((y - l) / (u - y))
            }
        }
        switch comparator {
        case .lessThan, .lessOrEqual: self.init(lower: -.infinity, upper: g(value))
        case .greaterThan, .greaterOrEqual: self.init(lower: g(value), upper: .infinity)
        case .equal: self.init(lower: g(value - tolerance), upper: g(value + tolerance))
        }
    }
}
