import Attainment
import Foundation
import IndicatorData
import Projection
import Testing

@Suite("P(attain) per target and statuses")
struct MilestoneAttainmentTests {
    let predictive = PredictiveDistribution(year: 2030, location: log(25), scale: 0.1, meanScale: 0.05,
                                            degreesOfFreedom: 10, transform: .log)

    /// Strictness matters for observed values only: 25 vs "<25" is not met, vs "<=25" is met.
    @Test func strictVersusNonStrictAtTheBoundary() {
        let strict = makeTarget(year: 2030, value: 25, comparator: .lessThan, kind: .strict)
        let loose = makeTarget(year: 2030, value: 25, comparator: .lessOrEqual)
        #expect(strict.isMet(observed: 25) == false)
        #expect(loose.isMet(observed: 25) == true)
        #expect(strict.isMet(observed: 24.999) == true)
        let up = makeTarget(year: 2030, value: 90, comparator: .greaterThan, kind: .strict)
        #expect(up.isMet(observed: 90, direction: .higherIsBetter) == false)
        #expect(makeTarget(year: 2030, value: 90, comparator: .greaterOrEqual).isMet(observed: 90,
                                                                                   direction: .higherIsBetter) == true)
        // Unprinted level target: comparator from the direction, non-strict.
        let level = makeTarget(year: 2030, value: 90, comparator: nil)
        #expect(level.isMet(observed: 90, direction: .higherIsBetter) == true)
        #expect(level.isMet(observed: 89.9, direction: .higherIsBetter) == false)
        #expect(level.resolvedComparator(direction: .lowerIsBetter) == .lessOrEqual)
        // Continuous predictive: P is the same for < and <=, and is the median's 0.5 here.
        let p1 = Attainment.assess(target: strict, direction: .lowerIsBetter, predictive: predictive).probability
        let p2 = Attainment.assess(target: loose, direction: .lowerIsBetter, predictive: predictive).probability
        #expect(p1 == p2)
        #expect(abs((p1 ?? 0) - 0.5) < 1e-12)
    }

    @Test func greaterUsesSurvivalAndHoldUsesTheBand() throws {
        let up = makeTarget(year: 2030, value: 27, comparator: .greaterOrEqual)
        let p = try #require(Attainment.assess(target: up, direction: .higherIsBetter, predictive: predictive).probability)
        #expect(abs(p - predictive.survival(27)) < 1e-15)
        #expect(abs(p + predictive.cdf(27) - 1) < 1e-12)
        // TFR 2.1 held: band ±0.05 (half a unit of the printed decimal).
        let tfr = PredictiveDistribution(year: 2030, location: log(2.1), scale: 0.05, meanScale: 0.02,
                                         degreesOfFreedom: 20, transform: .log)
        let hold = makeTarget(year: 2030, value: 2.1, comparator: .equal, kind: .hold, text: "2,1")
        #expect(hold.holdTolerance == 0.05)
        let ph = try #require(Attainment.assess(target: hold, direction: .lowerIsBetter, predictive: tfr).probability)
        #expect(abs(ph - (tfr.cdf(2.15) - tfr.cdf(2.05))) < 1e-12)
        #expect(ph > 0.3 && ph < 0.42)  // ±0.05 around 2.1 is ±0.47 predictive SD on the log scale
    }

    @Test func statusesInsteadOfNumbers() {
        let q = Attainment.assess(target: makeTarget(year: 2030, value: nil, comparator: nil, kind: .qualitative,
                                                     text: "Loại trừ sốt rét"),
                                  direction: .lowerIsBetter, predictive: predictive)
        #expect(q.probability == nil)
        #expect(q.status == .qualitative(note: "Loại trừ sốt rét"))
        let none = Attainment.assess(target: makeTarget(year: 2030, value: nil, comparator: nil, kind: .none,
                                                        note: "national only"),
                                     direction: .lowerIsBetter, predictive: predictive)
        #expect(none.probability == nil && none.status == .noTarget(note: "national only"))
        let cond = Attainment.assess(target: makeTarget(year: 2030, value: 25, comparator: .lessOrEqual,
                                                        kind: .conditional, note: "if 12 vaccines are deployed"),
                                     direction: .lowerIsBetter, predictive: predictive)
        #expect(cond.probability != nil)
        #expect(cond.status == .conditional(condition: "if 12 vaccines are deployed"))
        let noFit = Attainment.assess(target: makeTarget(year: 2030, value: 25, comparator: .lessOrEqual),
                                      direction: .lowerIsBetter, predictive: nil, reason: "only 1 data point")
        #expect(noFit.probability == nil)
        #expect(noFit.status.description == "assessment not possible: only 1 data point")
    }

    @Test func suspiciousComparatorIsWarned() {
        let t = makeTarget("dtp3", year: 2030, value: 90, comparator: .lessThan, kind: .strict, text: "<90")
        let a = Attainment.assess(target: t, direction: .higherIsBetter, predictive: predictive)
        #expect(a.warnings.contains { $0.contains("catalogue says higher is better") && $0.contains("<90") })
        let ok = Attainment.assess(target: t, direction: .lowerIsBetter, predictive: predictive)
        #expect(ok.warnings.isEmpty)
    }

    @Test func alreadyMetAtBaseline() {
        let t = makeTarget(year: 2030, value: 25, comparator: .lessThan, kind: .strict)
        #expect(Attainment.assess(target: t, direction: .lowerIsBetter, predictive: predictive,
                                  baseline: 24).metAtBaseline == true)
        #expect(Attainment.assess(target: t, direction: .lowerIsBetter, predictive: predictive,
                                  baseline: 25).metAtBaseline == false)
    }
}
