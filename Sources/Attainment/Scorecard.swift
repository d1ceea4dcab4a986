import Foundation
import IndicatorData
import Projection

// MARK: - Scorecard builder

/// Builds scorecard rows from a trend fit and the plan's targets. Independent of files and of the CLI.
///
/// Conventions (all in `docs/verdicts.md`): chitieu's verdict comes from P(attain) only; whether the latest
/// observation already meets a target is a separate status; the pace ladders judge the projection's own
/// pace (`ProjectionPace`).
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
    ///   - baseline: the observed baseline (normally the plan's 2023); the start of the required rates.
    ///   - fit: the trend; `nil` → every numeric milestone gets "assessment not possible" with `reason`.
    ///   - reference: the observed value at the start of the comparison period for the UNSD ladder (its
    ///     "base year"); when `nil`, an own-trend fit's median at the first year of its window (a warning
    ///     says so), or for a borrowed slope the latest observation (the ratio is then the share of the
    ///     remaining gap the projection closes).
    ///   - logSlope: the projection's annual log growth, when the caller knows it better than
    ///     `ProjectionPace` (applies to every milestone). Normally `nil`.
    ///   - latest: the latest observation (default `baseline`): "met" status, UNSD/open-sdg current value.
    ///   - draws, seed: Monte Carlo size and seed for the joint probability.
    ///   - reason: why there is no fit (shown when `fit` is `nil`).
    public static func row(indicator: Indicator, targets: [Target], baseline: Observation?, fit: TrendFit?,
                           draws: Int = defaultDraws, seed: UInt64 = defaultSeed, reference: Observation? = nil,
                           logSlope: Double? = nil, latest: Observation? = nil,
                           reason: String = "no usable series for this indicator") -> ScorecardRow {
        let direction = indicator.direction
        let convention = RateConvention(direction: direction)
        var warnings: [String] = fit?.warnings ?? []
        let sorted = targets.sorted(by: { $0.year < $1.year })

        func pace(_ year: Int) -> ProjectionPace? {
            guard let fit else { return nil }
            if let logSlope { return ProjectionPace(logGrowth: logSlope, fromYear: fit.anchorYear, toYear: year) }
            return ProjectionPace(fit: fit, year: year)
        }
        let lastPace = sorted.last.flatMap { pace($0.year) }
        if let fit { warnings.append(ProjectionPace.note(fit: fit, pace: lastPace, convention: convention)) }

        // Base point of the UNSD ladder: the reference, else an own trend's fitted value at its window start,
        // else (a borrowed slope has no regional history) the latest observation.
        var base: (year: Int, value: Double)?
        if let reference {
            base = (reference.year, reference.value)
        } else if let fit, case .trend = fit.method {
            let y0 = fit.window.lowerBound
            base = (y0, fit.predictive(year: y0).median)
            if baseline != nil { warnings.append("the UNSD ladder uses the fitted value in \(y0) as its base value") }
        } else if let start = latest ?? baseline {
            base = (start.year, start.value)
        }

        let context = LadderContext(indicator: indicator, baseline: baseline, latest: latest ?? baseline, base: base,
                                    convention: convention)
        let milestones = sorted.map { target in
            milestone(target: target, fit: fit, pace: pace(target.year), context: context, reason: reason)
        }
        let joint = jointProbability(milestones: milestones, targets: sorted, direction: direction, fit: fit,
                                     draws: draws, seed: seed, warnings: &warnings)
        let status: AttainmentStatus = fit == nil ? .assessmentNotPossible(reason: reason) : .assessed
        return ScorecardRow(
            planRow: indicator.planRow, indicator: indicator.code, nameVi: indicator.nameVi, nameEn: indicator.nameEn,
            unit: indicator.unit, direction: direction, baselineYear: baseline?.year, baselineValue: baseline?.value,
            baselineFlag: baseline?.provenance.flag, milestones: milestones, joint: joint,
            observedRate: lastPace.map { AnnualRate.observed(slope: $0.logGrowth, convention: convention) },
            rateConvention: convention, status: status, modelLabel: fit?.modelLabel,
            window: fit?.window.yearsText, method: fit?.method.description,
            dataSource: baseline?.provenance.source ?? "", warnings: warnings)
    }

    /// P(meeting the first two milestones that carry a probability together), by Monte Carlo.
    static func jointProbability(milestones: [ScorecardMilestone], targets: [Target], direction: Direction,
                                 fit: TrendFit?, draws: Int, seed: UInt64,
                                 warnings: inout [String]) -> JointAttainmentResult? {
        guard let fit else { return nil }
        let assessed = milestones.filter { $0.probability != nil }
        let ts = targets.filter { t in assessed.contains { $0.year == t.year } }
        guard ts.count >= 2,
              let a = JointMilestone(target: ts[0], direction: direction, transform: fit.transform),
              let b = JointMilestone(target: ts[1], direction: direction, transform: fit.transform) else { return nil }
        do {
            return try JointAttainment.estimate(fit: fit, first: a, second: b, draws: draws, seed: seed)
        } catch {
            warnings.append("joint probability not computed: \(error)")
            return nil
        }
    }

    static func milestone(target: Target, fit: TrendFit?, pace: ProjectionPace?, context: LadderContext,
                          reason: String) -> ScorecardMilestone {
        let direction = context.indicator.direction
        let predictive = fit?.predictive(year: target.year)
        let assessment = Attainment.assess(target: target, direction: direction, predictive: predictive,
                                           reason: reason, baseline: context.latest?.value)
        var warnings = assessment.warnings
        let numeric = assessment.status.carriesProbability || {
            if case .assessmentNotPossible = assessment.status { return true } else { return false }
        }()
        let latest = numeric ? LatestObservationStatus(target: target, direction: direction,
                                                       observation: context.latest) : nil
        if let note = latest?.note(target: target, probability: assessment.probability) { warnings.append(note) }
        let ladders = numeric ? context.ladders(target: target, pace: pace, expected: predictive?.median,
                                                warnings: &warnings) : .notAssessable

        let hasProjection = predictive != nil && target.kind != .qualitative
        let p80 = hasProjection ? predictive?.predictionInterval(level: 0.8) : nil
        let p95 = hasProjection ? predictive?.predictionInterval(level: 0.95) : nil
        return ScorecardMilestone(
            year: target.year, targetText: target.text, targetValue: target.value, comparator: assessment.comparator,
            kind: target.kind, status: assessment.status,
            projectedMedian: hasProjection ? predictive?.median : nil,
            pi80: p80.map { ClosedInterval(lower: $0.lower, upper: $0.upper) },
            pi95: p95.map { ClosedInterval(lower: $0.lower, upper: $0.upper) },
            probability: assessment.probability, metAtBaseline: latest?.met, rates: ladders.rates,
            jme: ladders.jme, unsd: ladders.unsd, unsdRatio: ladders.unsdRatio, openSDG: ladders.openSDG,
            chitieu: ChitieuVerdict.classify(probability: assessment.probability), warnings: warnings,
            latest: latest)
    }
}
