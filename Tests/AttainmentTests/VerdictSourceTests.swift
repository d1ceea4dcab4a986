import Attainment
import Foundation
import IndicatorData
import Testing

/// The direction rule of open-sdg's current code and UNSD's second exception, with each source's numbers.
@Suite("Verdict ladders: the sources' edge cases")
struct VerdictSourceTests {
    /// open-sdg/sdg-build `sdg/IndicatorProgress.py`, `SeriesProgress.methodology_2`:
    /// `return self.sign * self.direction * cagr_o / abs(cagr_r)`. Lower is better, base 18 in 2015 already
    /// below the target 20, current 22 in 2023: CAGR_o = (22/18)^(1/8) − 1 = 0.025401, CAGR_r = (20/18)^(1/15)
    /// − 1 = 0.0070488, R = −3.6036 → deterioration. The older Statistics Canada `ProgressMeasure.py`
    /// (`ratio = cagr_o / cagr_r`) gave +3.6036, "on track", for a series that met its target and worsened.
    @Test func metThenWorsenedIsDeterioration() throws {
        let m = OpenSDGProgress.measure(baseValue: 18, baseYear: 2015, currentValue: 22, currentYear: 2023,
                                        target: 20, targetYear: 2030, direction: .lowerIsBetter)
        #expect(m.category == .deterioration)
        let r = try #require(m.value)
        // Tolerance 1e-12: the same closed form in double precision (python3 gives -3.603623991049732).
        #expect(abs(r - (-3.603623991049732)) < 1e-12, "R \(r)")
        #expect(m.score == -5)  // max(4.1667·R − 2.5, −5)
        // Higher is better: 96 (met ≥ 95) → 93: R = −5.6757, deterioration (old rule: +5.68, on track).
        let up = OpenSDGProgress.measure(baseValue: 96, baseYear: 2015, currentValue: 93, currentYear: 2023,
                                         target: 95, targetYear: 2030, direction: .higherIsBetter)
        #expect(up.category == .deterioration)
        #expect(abs((up.value ?? 0) - (-5.675664237593733)) < 1e-9)
    }

    /// The code's thresholds {high 0.95, med 0.6, low 0} and its score lines `min(7.1429·R − 4.2857, 5)`
    /// (R ≥ 0.6) and `max(4.1667·R − 2.5, −5)` (R < 0.6); the coefficients are rounded in the source, hence
    /// the 1e-4 tolerance against chitieu's exact knots (−0.6, −5), (0.6, 0), (1.3, 5).
    @Test func openSDGThresholdsAndScore() {
        for (r, category) in [(0.95, OpenSDGProgress.onTrack), (0.95.nextDown, .progressNeedsAcceleration),
                              (0.6, .progressNeedsAcceleration), (0.6.nextDown, .limitedProgress),
                              (0, .limitedProgress), (-1e-9, .deterioration)] {
            #expect(OpenSDGProgress.measure(ratio: r, achieved: false).category == category, "R = \(r)")
        }
        for r in [-0.9, -0.3, 0, 0.3, 0.6, 0.78, 1.0, 1.3, 2] {
            let score = OpenSDGProgress.measure(ratio: r, achieved: false).score ?? .nan
            let source = r >= 0.6 ? min(7.1429 * r - 4.2857, 5) : max(4.1667 * r - 2.5, -5)
            #expect(abs(score - source) < 1e-4, "R \(r): chitieu \(score), source \(source)")
        }
        #expect(OpenSDGProgress.measure(ratio: -3, achieved: true).category == .targetAchieved)
        #expect(OpenSDGProgress.measure(ratio: -3, achieved: true).score == 5)
        // Direction d and sign s of the ratio.
        #expect(OpenSDGProgress.ratio(observedGrowth: -0.02, requiredGrowth: -0.01, direction: .lowerIsBetter) == 2)
        #expect(OpenSDGProgress.ratio(observedGrowth: 0.02, requiredGrowth: -0.01, direction: .lowerIsBetter) == -2)
        #expect(OpenSDGProgress.ratio(observedGrowth: 0.02, requiredGrowth: 0.01, direction: .higherIsBetter) == 2)
        #expect(OpenSDGProgress.ratio(observedGrowth: 0.02, requiredGrowth: 0.01, direction: .higherIsBetter,
                                      baseSign: -1) == -2)
        #expect(OpenSDGProgress.ratio(observedGrowth: 0.02, requiredGrowth: 0, direction: .higherIsBetter) == nil)
        // A target of 0 is replaced by 0.001 (`config_defaults` / the docs): 0.0005 meets it.
        #expect(OpenSDGProgress.isAchieved(currentValue: 0.0005, target: 0, direction: .lowerIsBetter))
        #expect(!OpenSDGProgress.isAchieved(currentValue: 0.002, target: 0, direction: .lowerIsBetter))
    }

    /// UNSD exception 2 (Progress Chart Technical Note 2023, as restated by EUSTAT `_pages/en/metodologia.md`,
    /// "Excepciones" 2): a 0 % or 100 % target counts as met within one percentage point of it.
    @Test func unsdWithinOnePointOfBound() {
        #expect(UNSDProgress.withinOnePointOfBound(latestValue: 99, target: 100, percentage: true))
        #expect(UNSDProgress.withinOnePointOfBound(latestValue: 99.4, target: 100, percentage: true))
        #expect(!UNSDProgress.withinOnePointOfBound(latestValue: 98.9, target: 100, percentage: true))
        #expect(UNSDProgress.withinOnePointOfBound(latestValue: 0.8, target: 0, percentage: true))
        #expect(!UNSDProgress.withinOnePointOfBound(latestValue: 1.2, target: 0, percentage: true))
        #expect(!UNSDProgress.withinOnePointOfBound(latestValue: 94.5, target: 95, percentage: true))  // not a bound
        #expect(!UNSDProgress.withinOnePointOfBound(latestValue: 0.8, target: 0, percentage: false))  // per 100,000
    }

    /// UNSD ratio from an expected value: the 2023 note's ratio (v^e − v_b)/(v* − v_b); with the note's own
    /// extrapolation v^e = 23.3238 (base 40, latest 30, 2015→2023, target 20 by 2030) it equals the
    /// two-point ratio 0.8338 of `VerdictTests.unsdRatio`.
    @Test func unsdRatioFromExpectedValue() throws {
        let cagr = pow(30.0 / 40, 1.0 / 8) - 1
        let expected = 30 * pow(1 + cagr, 7)
        let r = try #require(UNSDProgress.ratio(baseValue: 40, expectedValue: expected, target: 20))
        let twoPoint = try #require(UNSDProgress.ratio(baseValue: 40, baseYear: 2015, latestValue: 30,
                                                       latestYear: 2023, target: 20, targetYear: 2030))
        #expect(abs(r - twoPoint) < 1e-12 && abs(r - 0.8338085191684131) < 1e-12)
        #expect(UNSDProgress.ratio(baseValue: 20, expectedValue: 25, target: 20) == nil)
    }
}
