import Foundation
import IndicatorData

// MARK: - Annual rates of change (UNICEF AARR)

/// Average annual rates of change on the relative (log) scale, as UNICEF computes the average annual rate
/// of reduction (AARR).
///
/// **Observed rate (regression-based).** Fit ln(yₜ) = a + b·t by least squares over the observations of the
/// window; then
///
///     AARR = 100 · (1 − e^b)        (% per year; positive = decline)
///
/// (UNICEF Technical Note "How to calculate average annual rate of reduction (AARR) of underweight
/// prevalence", 2007, https://data.unicef.org/resources/technical-note-calculate-average-annual-rate-reduction-aarr-underweight-prevalence/ ;
/// its worked example has a slope of −0.06613, hence AARR = 6.4 %/yr, as restated by NIPN,
/// http://www.nipn-nutrition-platforms.org/UNICEF-Technical-Note-no185-2007-How-to-calculate-Average-Annual-Rate-of ).
/// chitieu takes b from a log-scale `TrendFit` (fitted by the LAPACK core), never from a hand-rolled slope.
///
/// **Required rate.** From a baseline y₀ in year Y₀ to a target T in year Y:
///
///     required AARR = 100 · (1 − (T / y₀)^(1 / (Y − Y₀)))
///
/// (the constant relative decline that joins the two points; WHO/UNICEF "required AARR",
/// https://www.nipn-nutrition-platforms.org/2-How-to-calculate-the-AARR-and-the-required-AARR-to-reach-the-target ).
/// Example from the Kon Tum plan: stunting 28.7 % in 2023 → < 25 % by 2030 needs
/// 100·(1 − (25/28.7)^(1/7)) ≈ 1.95 %/yr.
///
/// **Increasing indicators.** For higher-is-better indicators (coverage, staff per 10,000) a "reduction"
/// rate is negative when things improve, which reads badly. chitieu then reports the **average annual
/// rate of increase** AARI = 100·(e^b − 1) and the required AARI = 100·((T/y₀)^(1/(Y−Y₀)) − 1), i.e.
/// both signs flipped so that **positive always means movement in the desired direction**. `RateConvention`
/// says which of the two a number is.
public enum RateConvention: String, Sendable, Hashable, Codable {
    /// AARR: 100·(1 − e^b), positive = decline (lower-is-better indicators).
    case reduction = "AARR"
    /// AARI: 100·(e^b − 1), positive = increase (higher-is-better indicators).
    case increase = "AARI"

    /// The convention for an indicator's direction: positive = improvement.
    public init(direction: Direction) {
        self = direction == .lowerIsBetter ? .reduction : .increase
    }
}

public enum AnnualRate {
    /// Observed annual rate from the slope b of ln(y) on year: AARR = 100(1 − e^b) or AARI = 100(e^b − 1).
    /// - Parameter slope: b, per year, on the natural-log scale (e.g. `TrendFit.slope` of a log fit).
    /// - Complexity: O(1).
    public static func observed(slope b: Double, convention: RateConvention = .reduction) -> Double {
        // expm1 keeps small rates accurate: 1 − e^b = −expm1(b).
        switch convention {
        case .reduction: return -100 * Foundation.expm1(b)
        case .increase: return 100 * Foundation.expm1(b)
        }
    }

    /// Required annual rate to go from `baseline` in `baselineYear` to `target` in `targetYear`:
    /// 100·(1 − (T/y₀)^(1/n)) (reduction) or 100·((T/y₀)^(1/n) − 1) (increase), n = Y − Y₀.
    /// - Throws: `AttainmentError.nonPositiveValue` when y₀ ≤ 0 or T ≤ 0 (a relative rate is undefined;
    ///   a target of 0, "eliminate", has no finite required rate), `.targetYearNotAfterBaseline` when n ≤ 0.
    public static func required(baseline y0: Double, baselineYear: Int, target: Double, targetYear: Int,
                                convention: RateConvention = .reduction) throws -> Double {
        guard y0 > 0, y0.isFinite else { throw AttainmentError.nonPositiveValue(what: "the baseline", value: y0) }
        guard target > 0, target.isFinite else {
            throw AttainmentError.nonPositiveValue(what: "the target", value: target)
        }
        let n = targetYear - baselineYear
        guard n > 0 else {
            throw AttainmentError.targetYearNotAfterBaseline(baselineYear: baselineYear, targetYear: targetYear)
        }
        // (T/y0)^(1/n) − 1 = expm1(ln(T/y0)/n), accurate for small rates.
        let g = Foundation.expm1(Foundation.log(target / y0) / Double(n))
        return convention == .reduction ? -100 * g : 100 * g
    }
}

// MARK: - Rate assessment

/// Observed and required rates side by side, with the acceleration they imply.
public struct RateAssessment: Sendable, Hashable, Codable {
    public let convention: RateConvention
    /// Observed rate (% per year, positive = desired direction), from the log-scale trend slope; `nil` when
    /// there is no projection (the required rate and the years left need none).
    public let observed: Double?
    /// Required rate (% per year, positive = desired direction) from the baseline to the target.
    public let required: Double
    /// Years between the baseline and the target year.
    public let yearsLeft: Int

    public init(convention: RateConvention, observed: Double?, required: Double, yearsLeft: Int) {
        self.convention = convention
        self.observed = observed
        self.required = required
        self.yearsLeft = yearsLeft
    }

    /// Builds the assessment from a log-scale slope and the baseline/target pair.
    /// - Throws: as `AnnualRate.required`.
    public init(slope: Double, direction: Direction, baseline: Double, baselineYear: Int, target: Double,
                targetYear: Int) throws {
        let convention = RateConvention(direction: direction)
        self.init(convention: convention,
                  observed: AnnualRate.observed(slope: slope, convention: convention),
                  required: try AnnualRate.required(baseline: baseline, baselineYear: baselineYear,
                                                    target: target, targetYear: targetYear,
                                                    convention: convention),
                  yearsLeft: targetYear - baselineYear)
    }

    /// Acceleration factor = required / observed: how many times faster than the current pace progress
    /// must be. Defined only when the observed rate is in the desired direction (observed > 0) and the
    /// target still needs progress (required > 0); `nil` otherwise — a trend going the wrong way cannot be
    /// "accelerated" by a factor (a negative ratio would read as progress), and a target already met
    /// needs no acceleration. Values ≤ 1 mean the current pace suffices.
    public var acceleration: Double? {
        guard let observed, observed > 0, required > 0, observed.isFinite, required.isFinite else { return nil }
        return required / observed
    }

    /// True when the required rate is ≤ 0: the baseline already meets the target level.
    public var alreadyAtTarget: Bool { required <= 0 }
}
