import Attainment
import Projection

/// The predictive distribution of one scenario milestone, kept whole so that an interval at any level can be
/// asked of it later (as the plan's milestones keep their `PredictiveDistribution`), not only the 80 % and
/// 95 % a run prints.
///
/// - `predictive`: a trend lever's predictive, its quantiles clamped to the lever's caps:
///   q′(p) = min(max(F⁻¹(p), lower), upper); exact at every level.
/// - `grid`: Monte Carlo draws (or the control-variate quantile of a resource lever) summarised by their
///   quantiles at p = k/200, k = 1 … 199 (Hyndman & Fan type 7 on the draws); levels up to 99 %, with linear
///   interpolation between grid points (exact at 80 % and 95 %, whose tails 0.1 and 0.025 are grid points).
///   200 numbers per milestone instead of every draw, so 700 regions × 26 indicators stay in memory.
public enum ScenarioQuantiles: Sendable, Hashable {
    case predictive(PredictiveDistribution, lower: Double, upper: Double)
    case grid([Double])

    /// Grid resolution: quantiles at k / `gridSteps`.
    public static let gridSteps = 200

    /// The grid of a quantile function `q` (draws or control variate).
    public static func grid(_ q: (Double) -> Double) -> ScenarioQuantiles {
        .grid((1..<gridSteps).map { q(Double($0) / Double(gridSteps)) })
    }

    /// The p-quantile; nil outside the grid's range (p < 0.005 or p > 0.995 for a grid).
    public func quantile(_ p: Double) -> Double? {
        switch self {
        case .predictive(let d, let lower, let upper):
            return Swift.min(Swift.max(d.quantile(p), lower), upper)
        case .grid(let values):
            let h = p * Double(Self.gridSteps)
            let k = h.rounded()
            // Snap tails such as (1 − 0.8)/2 = 0.09999999999999998 onto their grid point.
            if abs(h - k) < 1e-9 { return values.indices.contains(Int(k) - 1) ? values[Int(k) - 1] : nil }
            let lo = Int(h.rounded(.down))
            guard lo >= 1, lo + 1 <= values.count else { return nil }
            let w = h - Double(lo)
            return values[lo - 1] + w * (values[lo] - values[lo - 1])
        }
    }

    /// The median.
    public var median: Double? { quantile(0.5) }

    /// The central interval at `level` (0.8 = 80 %); nil where the grid does not reach (level > 0.99).
    public func interval(level: Double) -> ClosedInterval? {
        guard level > 0, level < 1 else { return nil }
        switch self {
        case .predictive(let d, let lower, let upper):
            let i = d.predictionInterval(level: level)
            return ClosedInterval(lower: Swift.min(Swift.max(i.lower, lower), upper),
                                  upper: Swift.min(Swift.max(i.upper, lower), upper))
        case .grid:
            guard let a = quantile((1 - level) / 2), let b = quantile((1 + level) / 2) else { return nil }
            return ClosedInterval(lower: a, upper: b)
        }
    }
}
