import Foundation
import IndicatorData

// MARK: - The pace ladders of one milestone

/// The three pace ladders of one milestone, each fed with the projection's own pace (`ProjectionPace`).
struct LadderVerdicts {
    var rates: RateAssessment?
    var jme: JMEProgress
    var unsd: UNSDProgress
    var unsdRatio: Double?
    var openSDG: OpenSDGProgress.Measure

    static let notAssessable = LadderVerdicts(
        rates: nil, jme: .assessmentNotPossible, unsd: .notAssessable, unsdRatio: nil,
        openSDG: OpenSDGProgress.Measure(category: .notAssessable, value: nil, score: nil))
}

/// What the ladders of every milestone of a row share.
struct LadderContext {
    let indicator: Indicator
    /// The plan's baseline: start of the required rates (JME, open-sdg CAGR_r).
    let baseline: Observation?
    /// The latest observation: "met" status and the current value of UNSD and open-sdg.
    let latest: Observation?
    /// UNSD's base-year value.
    let base: (year: Int, value: Double)?
    let convention: RateConvention

    /// A percentage on 0–100 (UNSD exception 2 applies).
    var isPercentage: Bool {
        indicator.lowerBound == 0 && indicator.upperBound == 100 && indicator.unit.contains("%")
    }

    /// The ladders of `target`:
    /// - JME: observed AARR/AARI from the pace, required from the baseline (`AnnualRate.required`);
    /// - open-sdg: R = d·(e^pace − 1)/|CAGR_r|, CAGR_r from the baseline to the target; achieved when the
    ///   latest value meets the target (≤/≥);
    /// - UNSD: ratio (v^e − v_b)/(v* − v_b) with v^e the projected median; met by exceptions 1 and 2.
    func ladders(target: Target, pace: ProjectionPace?, expected: Double?,
                 warnings: inout [String]) -> LadderVerdicts {
        guard let value = target.value else { return .notAssessable }
        let direction = indicator.direction
        var result = LadderVerdicts.notAssessable
        // The required rate and the years left need only the baseline and the target: computed with or
        // without a projection (the observed rate and the JME ladder need the projection's pace).
        if let baseline {
            do {
                let required = try AnnualRate.required(baseline: baseline.value, baselineYear: baseline.year,
                                                       target: value, targetYear: target.year,
                                                       convention: convention)
                let observed = pace.map { AnnualRate.observed(slope: $0.logGrowth, convention: convention) }
                let rates = RateAssessment(convention: convention, observed: observed, required: required,
                                           yearsLeft: target.year - baseline.year)
                result.rates = rates
                if pace != nil { result.jme = JMEProgress.classify(rates) }
            } catch {
                warnings.append("required rate not computed: \(error)")
            }
        }
        if let latest {
            let achieved = OpenSDGProgress.isAchieved(currentValue: latest.value, target: value, direction: direction)
            var ratio: Double?
            if let baseline, let pace, baseline.value > 0, target.year > baseline.year {
                let t = value == 0 ? 0.001 : value
                let required = Foundation.pow(t / baseline.value, 1 / Double(target.year - baseline.year)) - 1
                ratio = OpenSDGProgress.ratio(observedGrowth: pace.compoundGrowth, requiredGrowth: required,
                                              direction: direction)
            }
            result.openSDG = OpenSDGProgress.measure(ratio: ratio, achieved: achieved)

            let met = (target.isMet(observed: latest.value, direction: direction) ?? false)
                || UNSDProgress.withinOnePointOfBound(latestValue: latest.value, target: value, percentage: isPercentage)
            if let base, let expected {
                result.unsdRatio = UNSDProgress.ratio(baseValue: base.value, expectedValue: expected, target: value)
            }
            result.unsd = met ? .targetMet : result.unsdRatio.map { UNSDProgress.classify(ratio: $0) } ?? .notAssessable
        }
        return result
    }
}
