import Foundation
import IndicatorData

// MARK: - UNSD SDG Progress Chart 2023 (ratio method)

/// The UN Statistics Division's SDG Progress Chart 2023 trend assessment for indicators with a numeric
/// target (Progress Chart Technical Note 2023,
/// https://unstats.un.org/sdgs/files/report/2023/Progress_Chart_Technical_Note_2023.pdf, as restated by
/// EUSTAT's SDG platform, EUSTAT-DES/site `_pages/en/metodologia.md`):
///
///     CAGR_a   = (v_t / v_b)^(1/(t − b)) − 1                 actual growth, base year b → latest year t
///     v^e_Y    = v_t · (1 + CAGR_a)^(Y − t)                  expected value in the target year Y
///     ratio    = (v^e_Y − v_b) / (v*_Y − v_b)                 actual (expected) change / required change
///
/// | category | ratio |
/// |---|---|
/// | target met | the latest value already meets the target (exception 1), or the target is 0 % or 100 % and the latest value is within one percentage point of it (exception 2) |
/// | substantial progress / on track | ratio ≥ 0.95 |
/// | fair progress, but acceleration needed | 0.10 ≤ ratio < 0.95 |
/// | limited or no progress | 0 ≤ ratio < 0.10 |
/// | deterioration | ratio < 0 (the expected value moves away from the target) |
///
/// The note's published cut-offs are 0.95 and 0.10; the split of the lowest band at 0 (moving the wrong
/// way) into "deterioration" follows the chart's legend. Not assessable: fewer than two years, non-positive
/// values (CAGR undefined), or a target equal to the base value that is not yet met.
///
/// Exceptions 1 and 2 as restated by EUSTAT (`_pages/en/metodologia.md`, "Excepciones" 1–2: "Cuando el
/// valor del último año es cercano (diferencia máxima de 1%) al 0% o 100%, siendo éste el objetivo, se
/// considera que se ha alcanzado la meta"). The scorecard feeds `ratio(baseValue:expectedValue:target:)`
/// with the projection's median as v^e_Y (the projection's own pace, κ and borrowed slope included) instead
/// of the two-point CAGR extrapolation; `docs/verdicts.md` lists this departure.
public enum UNSDProgress: String, Sendable, Hashable, Codable, CaseIterable {
    case targetMet = "target met"
    case substantialProgress = "substantial progress/on track"
    case fairProgress = "fair progress, acceleration needed"
    case limitedProgress = "limited or no progress"
    case deterioration = "deterioration"
    case notAssessable = "not assessable"

    public static let onTrackCut = 0.95
    public static let fairCut = 0.10

    /// The progress ratio (`nil` when undefined).
    public static func ratio(baseValue vb: Double, baseYear b: Int, latestValue vt: Double, latestYear t: Int,
                             target: Double, targetYear: Int) -> Double? {
        guard t > b, vb > 0, vt > 0, vb.isFinite, vt.isFinite, target.isFinite, target != vb else { return nil }
        let cagr = Foundation.pow(vt / vb, 1 / Double(t - b)) - 1
        let expected = vt * Foundation.pow(1 + cagr, Double(targetYear - t))
        return (expected - vb) / (target - vb)
    }

    /// The progress ratio from an expected target-year value: (v^e_Y − v_b) / (v*_Y − v_b) (`nil` when undefined).
    public static func ratio(baseValue vb: Double, expectedValue ve: Double, target: Double) -> Double? {
        guard vb.isFinite, ve.isFinite, target.isFinite, target != vb else { return nil }
        return (ve - vb) / (target - vb)
    }

    /// Exception 2: a target of 0 % or 100 % counts as met when the latest value is within one percentage
    /// point of it (|v_t − v*| ≤ 1). `percentage` says the indicator is a percentage on 0–100.
    public static func withinOnePointOfBound(latestValue vt: Double, target: Double, percentage: Bool) -> Bool {
        guard percentage, target == 0 || target == 100, vt.isFinite else { return false }
        return Swift.abs(vt - target) <= 1
    }

    /// Classifies a series' base and latest values against a target. `met` tells whether the latest value
    /// already meets the target (use `Target.isMet(observed:direction:)`, which honours strictness).
    public static func classify(baseValue: Double, baseYear: Int, latestValue: Double, latestYear: Int,
                                target: Double, targetYear: Int, met: Bool) -> UNSDProgress {
        if met { return .targetMet }
        guard let r = ratio(baseValue: baseValue, baseYear: baseYear, latestValue: latestValue,
                            latestYear: latestYear, target: target, targetYear: targetYear) else {
            return .notAssessable
        }
        return classify(ratio: r)
    }

    /// The category of a ratio (cut-offs 0.95, 0.10, 0).
    public static func classify(ratio r: Double) -> UNSDProgress {
        guard r.isFinite else { return .notAssessable }
        if r >= onTrackCut { return .substantialProgress }
        if r >= fairCut { return .fairProgress }
        if r >= 0 { return .limitedProgress }
        return .deterioration
    }
}
