import Attainment
import Foundation
import IndicatorData
import Testing

@Suite("Verdict ladders at and around their thresholds")
struct VerdictTests {
    /// JME/TEAM ladder: on track iff current ≥ required; some progress from 0.5 %/yr.
    @Test func jmeLadder() throws {
        // Kon Tum stunting: required 1.95 %/yr.
        let required = try AnnualRate.required(baseline: 28.7, baselineYear: 2023, target: 25, targetYear: 2030)
        #expect(JMEProgress.classify(observed: required, required: required) == .onTrack)
        #expect(JMEProgress.classify(observed: required.nextDown, required: required) == .someProgress)
        #expect(JMEProgress.classify(observed: 0.5, required: required) == .someProgress)
        #expect(JMEProgress.classify(observed: 0.5.nextDown, required: required) == .noProgress)
        #expect(JMEProgress.classify(observed: -0.5, required: required) == .noProgress)
        #expect(JMEProgress.classify(observed: (-0.5).nextDown, required: required) == .worsening)
        #expect(JMEProgress.classify(observed: 0.1, required: -1) == .onTrack)  // already below the target
        #expect(JMEProgress.classify(observed: nil, required: required) == .assessmentNotPossible)
        #expect(JMEProgress.classify(nil) == .assessmentNotPossible)
    }

    /// UNSD 2023 ratio: base 40 (2015), latest 30 (2023), target 20 (2030): CAGR −3.53 %/yr,
    /// expected 2030 value 23.32, ratio 16.68/20 = 0.8338 → fair progress.
    @Test func unsdRatio() throws {
        let r = try #require(UNSDProgress.ratio(baseValue: 40, baseYear: 2015, latestValue: 30, latestYear: 2023,
                                                target: 20, targetYear: 2030))
        #expect(abs(r - 0.8338085191684131) < 1e-12)
        #expect(UNSDProgress.classify(baseValue: 40, baseYear: 2015, latestValue: 30, latestYear: 2023, target: 20,
                                      targetYear: 2030, met: false) == .fairProgress)
        #expect(UNSDProgress.classify(ratio: 0.95) == .substantialProgress)
        #expect(UNSDProgress.classify(ratio: 0.95.nextDown) == .fairProgress)
        #expect(UNSDProgress.classify(ratio: 0.10) == .fairProgress)
        #expect(UNSDProgress.classify(ratio: 0.10.nextDown) == .limitedProgress)
        #expect(UNSDProgress.classify(ratio: 0) == .limitedProgress)
        #expect(UNSDProgress.classify(ratio: -1e-9) == .deterioration)
        // Moving away: 40 → 44 with a target of 20.
        #expect(UNSDProgress.classify(baseValue: 40, baseYear: 2015, latestValue: 44, latestYear: 2023, target: 20,
                                      targetYear: 2030, met: false) == .deterioration)
        #expect(UNSDProgress.classify(baseValue: 40, baseYear: 2015, latestValue: 19, latestYear: 2023, target: 20,
                                      targetYear: 2030, met: true) == .targetMet)
        #expect(UNSDProgress.classify(baseValue: 40, baseYear: 2023, latestValue: 30, latestYear: 2023, target: 20,
                                      targetYear: 2030, met: false) == .notAssessable)
    }

    /// open-sdg methodology 2: CAGR_o = (30/40)^(1/8) − 1, CAGR_r = (20/40)^(1/15) − 1, R = 0.78217 →
    /// progress needs acceleration; score 0 + 5·(R − 0.6)/0.7.
    @Test func openSDGWithTarget() {
        let m = OpenSDGProgress.measure(baseValue: 40, baseYear: 2015, currentValue: 30, currentYear: 2023,
                                        target: 20, targetYear: 2030, direction: .lowerIsBetter)
        #expect(m.category == .progressNeedsAcceleration)
        #expect(abs((m.value ?? 0) - 0.7821661772402505) < 1e-12)
        #expect(abs((m.score ?? 0) - 5 * (0.7821661772402505 - 0.6) / 0.7) < 1e-12)
        let achieved = OpenSDGProgress.measure(baseValue: 40, baseYear: 2015, currentValue: 20, currentYear: 2023,
                                               target: 20, targetYear: 2030, direction: .lowerIsBetter)
        #expect(achieved.category == .targetAchieved && achieved.score == 5)
        let worse = OpenSDGProgress.measure(baseValue: 40, baseYear: 2015, currentValue: 41, currentYear: 2023,
                                            target: 20, targetYear: 2030, direction: .lowerIsBetter)
        #expect(worse.category == .deterioration)
        // Score knots and category boundaries (R = 0 ↦ −2.5, R = 0.95 ↦ 2.5).
        func cat(_ r: Double) -> OpenSDGProgress {
            // R is reproduced by choosing the current value: CAGR_o = R·CAGR_r.
            let cr = pow(20.0 / 40, 1.0 / 15) - 1
            let current = 40 * pow(1 + r * cr, 8)
            return OpenSDGProgress.measure(baseValue: 40, baseYear: 2015, currentValue: current, currentYear: 2023,
                                           target: 20, targetYear: 2030, direction: .lowerIsBetter).category
        }
        #expect(cat(0.96) == .onTrack)
        #expect(cat(0.94) == .progressNeedsAcceleration)
        #expect(cat(0.61) == .progressNeedsAcceleration)
        #expect(cat(0.59) == .limitedProgress)
        #expect(cat(0.01) == .limitedProgress)
        #expect(cat(-0.01) == .deterioration)
    }

    @Test func openSDGWithoutTarget() {
        // Higher is better, 100 → 102 over 1 year: CAGR 2 % → on track, score 5.
        let m = OpenSDGProgress.measure(baseValue: 100, baseYear: 2022, currentValue: 102, currentYear: 2023,
                                        direction: .higherIsBetter)
        #expect(m.category == .onTrack && abs((m.score ?? 0) - 5) < 1e-9)
        let slow = OpenSDGProgress.measure(baseValue: 100, baseYear: 2022, currentValue: 101, currentYear: 2023,
                                           direction: .higherIsBetter)
        #expect(slow.category == .progressNeedsAcceleration)
        #expect(abs((slow.score ?? 0) - 1.25) < 1e-9)
        let down = OpenSDGProgress.measure(baseValue: 100, baseYear: 2022, currentValue: 101, currentYear: 2023,
                                           direction: .lowerIsBetter)
        #expect(down.category == .deterioration)
        // A base value of 0 is replaced by 0.001 (docs, "Special considerations"): 0.001 → 1 is a rise.
        #expect(OpenSDGProgress.measure(baseValue: 0, baseYear: 2022, currentValue: 1, currentYear: 2023,
                                        direction: .lowerIsBetter).category == .deterioration)
        #expect(OpenSDGProgress.measure(baseValue: 2, baseYear: 2022, currentValue: -1, currentYear: 2023,
                                        direction: .lowerIsBetter).category == .notAssessable)
    }

    @Test func chitieuLadder() {
        #expect(ChitieuVerdict.classify(probability: 0.8) == .likely)
        #expect(ChitieuVerdict.classify(probability: 0.8.nextDown) == .uncertain)
        #expect(ChitieuVerdict.classify(probability: 0.5) == .uncertain)
        #expect(ChitieuVerdict.classify(probability: 0.5.nextDown) == .unlikely)
        #expect(ChitieuVerdict.classify(probability: 0.2) == .unlikely)
        #expect(ChitieuVerdict.classify(probability: 0.2.nextDown) == .offTrack)
        // Met at the latest observation does not change the verdict: it comes from P only (issue 14).
        #expect(ChitieuVerdict.classify(probability: 0.1, metAtBaseline: true) == .offTrack)
        #expect(ChitieuVerdict.classify(probability: 0.5, metAtBaseline: true) == .uncertain)
        #expect(ChitieuVerdict.classify(probability: nil) == .notAssessed)
    }
}
