import Foundation
import IndicatorData

// MARK: - open-sdg ProgressMeasure

/// The progress measure of the open-sdg platform, as implemented in `sdg-build`
/// (open-sdg/sdg-build `sdg/ProgressMeasure.py`, commit 27c0bf031b11add6def719a67c6083b1216664b8,
/// functions `growth_calculation`, `methodology_1`, `methodology_2`, `get_progress_status`) and documented
/// with its score in open-sdg `docs/progress-methodology.md` (Statistics Canada's method):
///
/// **With a target** (methodology 2):
/// 1. target achieved if the current value is ≤ target (direction negative) or ≥ target (positive);
/// 2. CAGR_o = (v_t / v_0)^(1/(t − t₀)) − 1, CAGR_r = (T / v_0)^(1/(t_T − t₀)) − 1, R = CAGR_o / CAGR_r;
/// 3. R ≥ 0.95 on track; 0.6 ≤ R < 0.95 progress needs acceleration; 0 ≤ R < 0.6 limited progress;
///    R < 0 deterioration. A target of 0 is replaced by 0.001 (as `config_defaults` does).
///
/// **Without a target** (methodology 1): CAGR_o (sign flipped when lower is better) against 0.015,
/// 0.005 and 0.
///
/// **Score** (docs, "Aggregated progress status"): a piecewise-linear map of R onto [−5, 5] through
/// (−0.6, −5), (0.6, 0), (1.3, 5) — so R = 0 ↦ −2.5 and R = 0.95 ↦ 2.5, the category boundaries — and of
/// CAGR (no target) through (−0.02, −5), (0, −2.5), (0.005, 0), (0.015, 2.5), (0.02, 5); a met target
/// scores 5. The limit scaling factor C of the docs is not applied (the cited code does not apply it).
public enum OpenSDGProgress: String, Sendable, Hashable, Codable, CaseIterable {
    case targetAchieved = "target_achieved"
    case onTrack = "on_track"
    case progressNeedsAcceleration = "progress_needs_acceleration"
    case limitedProgress = "limited_progress"
    case deterioration = "deterioration"
    case notAssessable = "not_assessable"

    /// The measure with its score.
    public struct Measure: Sendable, Hashable, Codable {
        public let category: OpenSDGProgress
        /// R (with a target) or direction-signed CAGR (without); `nil` when target achieved / not assessable.
        public let value: Double?
        /// Score in [−5, 5]; `nil` when not assessable.
        public let score: Double?
    }

    static func growth(_ current: Double, _ base: Double, _ t1: Double, _ t0: Double) -> Double {
        Foundation.pow(current / base, 1 / (t1 - t0)) - 1
    }

    /// Methodology 2 (quantitative target).
    public static func measure(baseValue: Double, baseYear: Int, currentValue: Double, currentYear: Int,
                               target: Double, targetYear: Int, direction: Direction) -> Measure {
        let t = target == 0 ? 0.001 : target
        let achieved = direction == .lowerIsBetter ? currentValue <= t : currentValue >= t
        if achieved { return Measure(category: .targetAchieved, value: nil, score: 5) }
        guard currentYear > baseYear, targetYear > baseYear, baseValue > 0, currentValue > 0, t > 0 else {
            return Measure(category: .notAssessable, value: nil, score: nil)
        }
        let o = growth(currentValue, baseValue, Double(currentYear), Double(baseYear))
        let r = growth(t, baseValue, Double(targetYear), Double(baseYear))
        guard r != 0 else { return Measure(category: .notAssessable, value: nil, score: nil) }
        let ratio = o / r
        return Measure(category: status(ratio, high: 0.95, med: 0.6, low: 0), value: ratio,
                       score: piecewise(ratio, [(-0.6, -5), (0.6, 0), (1.3, 5)]))
    }

    /// Methodology 1 (no target): direction-signed CAGR against 0.015 / 0.005 / 0.
    public static func measure(baseValue: Double, baseYear: Int, currentValue: Double, currentYear: Int,
                               direction: Direction) -> Measure {
        guard currentYear > baseYear, baseValue > 0, currentValue > 0 else {
            return Measure(category: .notAssessable, value: nil, score: nil)
        }
        var g = growth(currentValue, baseValue, Double(currentYear), Double(baseYear))
        if direction == .lowerIsBetter { g = -g }
        return Measure(category: status(g, high: 0.015, med: 0.005, low: 0), value: g,
                       score: piecewise(g, [(-0.02, -5), (0, -2.5), (0.005, 0), (0.015, 2.5), (0.02, 5)]))
    }

    /// `get_progress_status`: ≥ high on track, [med, high) acceleration, [low, med) limited, < low deterioration.
    static func status(_ v: Double, high: Double, med: Double, low: Double) -> OpenSDGProgress {
        guard v.isFinite else { return .notAssessable }
        if v >= high { return .onTrack }
        if v >= med { return .progressNeedsAcceleration }
        if v >= low { return .limitedProgress }
        return .deterioration
    }

    /// Linear interpolation through the knots, clamped at the ends.
    static func piecewise(_ x: Double, _ knots: [(Double, Double)]) -> Double? {
        guard x.isFinite, let first = knots.first, let last = knots.last else { return nil }
        if x <= first.0 { return first.1 }
        if x >= last.0 { return last.1 }
        for (a, b) in zip(knots, knots.dropFirst()) where x <= b.0 {
            return a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0)
        }
        return last.1
    }
}
