import Foundation
import IndicatorData
import Projection

// MARK: - Scorecard builder

/// Builds scorecard rows from a trend fit and the plan's targets. Independent of files and of the CLI.
public enum Scorecard {
    /// Default Monte Carlo size for the joint probability: SE ≤ 0.0016 at 10⁵ draws.
    public static let defaultDraws = 100_000
    /// Default seed, echoed in every result.
    public static let defaultSeed: UInt64 = 20_251_231

    /// Fills one scorecard row.
    ///
    /// - Parameters:
    ///   - indicator: catalogue entry (names, unit, direction).
    ///   - targets: the plan's targets for this indicator and region (normally 2025 and 2030); sorted by year.
    ///   - baseline: the observed baseline (normally 2023); used for "already met", the required rates and
    ///     the latest value of the UNSD and open-sdg ladders.
    ///   - fit: the trend; `nil` → every numeric milestone gets "assessment not possible" with `reason`.
    ///   - reference: the observed value at the start of the comparison period for the UNSD and open-sdg
    ///     ladders (their "base year"); when `nil`, the fitted trend's median at the first year of the fit
    ///     window is used, and a warning says so.
    ///   - logSlope: slope of ln(y) on year for the observed AARR. When `nil`: the fit's slope if the fit
    ///     is log-scale; otherwise the log-linear equivalent of the fitted trend between the window's ends,
    ///     (ln ŷ(end) − ln ŷ(start)) / (end − start), with a warning.
    ///   - draws, seed: Monte Carlo size and seed for the joint probability.
    ///   - reason: why there is no fit (shown when `fit` is `nil`).
    public static func row(indicator: Indicator, targets: [Target], baseline: Observation?, fit: TrendFit?,
                           draws: Int = defaultDraws, seed: UInt64 = defaultSeed, reference: Observation? = nil,
                           logSlope: Double? = nil,
                           reason: String = "no usable series for this indicator") -> ScorecardRow {
        let direction = indicator.direction
        let convention = RateConvention(direction: direction)
        var warnings: [String] = fit?.warnings ?? []

        // Observed rate.
        var slope = logSlope
        if slope == nil, let fit {
            if case .log = fit.transform {
                slope = fit.slope
            } else {
                let w = fit.window
                let start = fit.predictive(year: w.lowerBound).median
                let end = fit.predictive(year: w.upperBound).median
                if w.upperBound > w.lowerBound, start > 0, end > 0 {
                    slope = (Foundation.log(end) - Foundation.log(start)) / Double(w.upperBound - w.lowerBound)
                    warnings.append("AARR from the \(fit.transform) trend's fitted values at \(w.lowerBound) and "
                        + "\(w.upperBound) (log-linear equivalent), not from a log-scale regression")
                }
            }
        }
        let observed = slope.map { AnnualRate.observed(slope: $0, convention: convention) }

        // Base point of the pace-based ladders.
        var base: (year: Int, value: Double)?
        if let reference {
            base = (reference.year, reference.value)
        } else if let fit {
            let y0 = fit.window.lowerBound
            base = (y0, fit.predictive(year: y0).median)
            if baseline != nil {
                warnings.append("UNSD and open-sdg ladders use the fitted value in \(y0) as their base value")
            }
        }

        var milestones: [ScorecardMilestone] = []
        for target in targets.sorted(by: { $0.year < $1.year }) {
            milestones.append(milestone(target: target, direction: direction, fit: fit, baseline: baseline,
                                        base: base, observed: observed, convention: convention, reason: reason))
        }

        // Joint probability of the first two milestones that carry a probability.
        var joint: JointAttainmentResult?
        if let fit {
            let assessed = milestones.filter { $0.probability != nil }
            let ts = targets.sorted(by: { $0.year < $1.year }).filter { t in assessed.contains { $0.year == t.year } }
            if ts.count >= 2,
               let a = JointMilestone(target: ts[0], direction: direction, transform: fit.transform),
               let b = JointMilestone(target: ts[1], direction: direction, transform: fit.transform) {
                do {
                    joint = try JointAttainment.estimate(fit: fit, first: a, second: b, draws: draws, seed: seed)
                } catch {
                    warnings.append("joint probability not computed: \(error)")
                }
            }
        }

        let status: AttainmentStatus = fit == nil ? .assessmentNotPossible(reason: reason) : .assessed
        return ScorecardRow(
            planRow: indicator.planRow, indicator: indicator.code, nameVi: indicator.nameVi, nameEn: indicator.nameEn,
            unit: indicator.unit, direction: direction, baselineYear: baseline?.year, baselineValue: baseline?.value,
            baselineFlag: baseline?.provenance.flag, milestones: milestones, joint: joint, observedRate: observed,
            rateConvention: convention, status: status, modelLabel: fit?.modelLabel,
            window: fit.map { "\($0.window.lowerBound)–\($0.window.upperBound)" }, method: fit?.method.description,
            dataSource: baseline?.provenance.source ?? "", warnings: warnings)
    }

    static func milestone(target: Target, direction: Direction, fit: TrendFit?, baseline: Observation?,
                          base: (year: Int, value: Double)?, observed: Double?, convention: RateConvention,
                          reason: String) -> ScorecardMilestone {
        let predictive = fit?.predictive(year: target.year)
        let assessment = Attainment.assess(target: target, direction: direction, predictive: predictive,
                                           reason: reason, baseline: baseline?.value)
        var warnings = assessment.warnings
        let numeric = assessment.status.carriesProbability || {
            if case .assessmentNotPossible = assessment.status { return true } else { return false }
        }()

        var rates: RateAssessment?
        if numeric, let value = target.value, let baseline, let observed {
            do {
                let required = try AnnualRate.required(baseline: baseline.value, baselineYear: baseline.year,
                                                       target: value, targetYear: target.year,
                                                       convention: convention)
                rates = RateAssessment(convention: convention, observed: observed, required: required,
                                       yearsLeft: target.year - baseline.year)
            } catch {
                warnings.append("required rate not computed: \(error)")
            }
        }

        var unsd = UNSDProgress.notAssessable
        var unsdRatio: Double?
        var open = OpenSDGProgress.Measure(category: .notAssessable, value: nil, score: nil)
        if numeric, let value = target.value, let baseline, let base {
            let met = assessment.metAtBaseline ?? false
            unsdRatio = UNSDProgress.ratio(baseValue: base.value, baseYear: base.year, latestValue: baseline.value,
                                           latestYear: baseline.year, target: value, targetYear: target.year)
            unsd = UNSDProgress.classify(baseValue: base.value, baseYear: base.year, latestValue: baseline.value,
                                         latestYear: baseline.year, target: value, targetYear: target.year, met: met)
            open = OpenSDGProgress.measure(baseValue: base.value, baseYear: base.year, currentValue: baseline.value,
                                           currentYear: baseline.year, target: value, targetYear: target.year,
                                           direction: direction)
        }
        let jme: JMEProgress = rates.map { JMEProgress.classify($0) } ?? .assessmentNotPossible

        let p80 = predictive?.predictionInterval(level: 0.8)
        let p95 = predictive?.predictionInterval(level: 0.95)
        let hasProjection = predictive != nil && target.kind != .qualitative
        return ScorecardMilestone(
            year: target.year, targetText: target.text, targetValue: target.value, comparator: assessment.comparator,
            kind: target.kind, status: assessment.status,
            projectedMedian: hasProjection ? predictive?.median : nil,
            pi80: hasProjection ? p80.map { ClosedInterval(lower: $0.lower, upper: $0.upper) } : nil,
            pi95: hasProjection ? p95.map { ClosedInterval(lower: $0.lower, upper: $0.upper) } : nil,
            probability: assessment.probability, metAtBaseline: assessment.metAtBaseline, rates: rates, jme: jme,
            unsd: unsd, unsdRatio: unsdRatio, openSDG: open,
            chitieu: ChitieuVerdict.classify(probability: assessment.probability,
                                             metAtBaseline: assessment.status.carriesProbability
                                                 ? assessment.metAtBaseline : nil),
            warnings: warnings)
    }
}
