import Foundation
import IndicatorData

// MARK: - open-sdg ProgressMeasure

/// The progress measure of the open-sdg platform (Statistics Canada's method), as its **current** code
/// computes it: open-sdg/sdg-build `sdg/IndicatorProgress.py` (`SeriesProgress.methodology_1`,
/// `methodology_2`, `is_target_achieved`, `get_score`, `get_progress_status`), documented in open-sdg
/// `docs/progress-methodology.md` (commit 26d2e38700e4fee329fea4823e908c4298064693). Statistics Canada's
/// earlier `cif-data-donnees-cic/ProgressMeasure.py` (commit 049928e800298171e4660e116e394143a8dac88a)
/// divided CAGR_o by CAGR_r without the direction, so a series that had met its target and then worsened
/// got a positive ratio ("on track"); the current code fixes that and so does this type.
///
/// **With a target** (methodology 2):
/// 1. target achieved if the current value is ≤ target (direction negative) or ≥ target (positive);
/// 2. CAGR_o = (v_t / v_0)^(1/(t − t₀)) − 1, CAGR_r = (T / v_0)^(1/(t_T − t₀)) − 1,
///    **R = s·d·CAGR_o / |CAGR_r|**, d = +1 when higher is better and −1 when lower is better, s = −1 for a
///    negative base value (all values negative), +1 otherwise;
/// 3. R ≥ 0.95 on track; 0.6 ≤ R < 0.95 progress needs acceleration; 0 ≤ R < 0.6 limited progress;
///    R < 0 deterioration. A target of 0 and a base value of 0 are replaced by 0.001 (the docs' "special
///    considerations"); base and current values of opposite signs are not assessable.
///
/// **Without a target** (methodology 1): s·d·CAGR_o against 0.015, 0.005 and 0 (the limit scaling factor C
/// of the docs is not applied: chitieu has no catalogue "limit" for it).
///
/// **Score**: a piecewise-linear map of R onto [−5, 5] through (−0.6, −5), (0.6, 0), (1.3, 5) — the code's
/// `max(4.1667·R − 2.5, −5)` below 0.6 and `min(7.1429·R − 4.2857, 5)` above — and of the signed CAGR (no
/// target) through (−0.02, −5), (0, −2.5), (0.005, 0), (0.015, 2.5), (0.02, 5); a met target scores 5.
///
/// Category names are the docs' ("On track", "Progress made but acceleration needed", "Limited progress",
/// "Deterioration"); the code calls them substantial_progress, moderate_progress, limited_progress,
/// deterioration (see `docs/verdicts.md`).
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

    /// R = s·d·CAGR_o / |CAGR_r| (`nil` when CAGR_r is 0 or either rate is not finite).
    public static func ratio(observedGrowth o: Double, requiredGrowth r: Double, direction: Direction,
                             baseSign s: Double = 1) -> Double? {
        guard o.isFinite, r.isFinite, r != 0 else { return nil }
        let d: Double = direction == .higherIsBetter ? 1 : -1
        return s * d * o / Swift.abs(r)
    }

    /// The category and score of a ratio R, or `targetAchieved` (score 5) when `achieved`.
    public static func measure(ratio: Double?, achieved: Bool) -> Measure {
        if achieved { return Measure(category: .targetAchieved, value: nil, score: 5) }
        guard let ratio, ratio.isFinite else { return Measure(category: .notAssessable, value: nil, score: nil) }
        return Measure(category: status(ratio, high: 0.95, med: 0.6, low: 0), value: ratio,
                       score: piecewise(ratio, [(-0.6, -5), (0.6, 0), (1.3, 5)]))
    }

    /// `is_target_achieved`: v ≤ T (lower is better) or v ≥ T (higher is better); strictness is not honoured.
    public static func isAchieved(currentValue v: Double, target: Double, direction: Direction) -> Bool {
        let t = target == 0 ? 0.001 : target
        return direction == .lowerIsBetter ? v <= t : v >= t
    }

    /// Methodology 2 (quantitative target) from two observations.
    public static func measure(baseValue: Double, baseYear: Int, currentValue: Double, currentYear: Int,
                               target: Double, targetYear: Int, direction: Direction) -> Measure {
        let t = target == 0 ? 0.001 : target
        if isAchieved(currentValue: currentValue, target: t, direction: direction) {
            return measure(ratio: nil, achieved: true)
        }
        let base = baseValue == 0 ? 0.001 : baseValue
        guard currentYear > baseYear, targetYear > baseYear, base.isFinite, currentValue.isFinite,
              (base > 0) == (currentValue > 0), (base > 0) == (t > 0) else {
            return Measure(category: .notAssessable, value: nil, score: nil)
        }
        let o = growth(currentValue, base, Double(currentYear), Double(baseYear))
        let r = growth(t, base, Double(targetYear), Double(baseYear))
        return measure(ratio: ratio(observedGrowth: o, requiredGrowth: r, direction: direction,
                                    baseSign: base < 0 ? -1 : 1), achieved: false)
    }

    /// Methodology 1 (no target): s·d·CAGR against 0.015 / 0.005 / 0.
    public static func measure(baseValue: Double, baseYear: Int, currentValue: Double, currentYear: Int,
                               direction: Direction) -> Measure {
        let base = baseValue == 0 ? 0.001 : baseValue
        guard currentYear > baseYear, base.isFinite, currentValue.isFinite, currentValue != 0,
              (base > 0) == (currentValue > 0) else {
            return Measure(category: .notAssessable, value: nil, score: nil)
        }
        let d: Double = direction == .higherIsBetter ? 1 : -1
        let g = (base < 0 ? -1 : 1) * d * growth(currentValue, base, Double(currentYear), Double(baseYear))
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
