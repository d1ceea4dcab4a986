import Attainment
import Foundation
import IndicatorData
import Testing

@Suite("Annual rates (UNICEF AARR)")
struct AnnualRateTests {
    /// UNICEF Technical Note (2007) worked example: slope −0.06613 of ln(prevalence) on year → AARR 6.4 %
    /// (https://data.unicef.org/resources/technical-note-calculate-average-annual-rate-reduction-aarr-underweight-prevalence/,
    /// restated at http://www.nipn-nutrition-platforms.org/UNICEF-Technical-Note-no185-2007-How-to-calculate-Average-Annual-Rate-of).
    /// Exact value 100(1 − e^−0.06613) = 6.399082…; the note prints one decimal.
    @Test func unicefWorkedExample() {
        let aarr = AnnualRate.observed(slope: -0.06613)
        #expect(abs(aarr - 6.399082481077601) < 1e-12, "seen \(aarr)")
        #expect((aarr * 10).rounded() / 10 == 6.4)
    }

    /// The Kon Tum plan's own arithmetic: stunting 28.7 % (2023) → < 25 % by 2030 needs ≈ 1.95 %/yr.
    @Test func stuntingRequiredRate() throws {
        let r = try AnnualRate.required(baseline: 28.7, baselineYear: 2023, target: 25, targetYear: 2030)
        #expect(abs(r - 1.95242130753025) < 1e-12, "seen \(r)")
        #expect((r * 100).rounded() / 100 == 1.95)
    }

    /// Higher-is-better: rates of increase, positive = improvement. 80 → 90 in 5 years: 2.3836 %/yr.
    @Test func increasingIndicatorUsesRateOfIncrease() throws {
        let r = try AnnualRate.required(baseline: 80, baselineYear: 2020, target: 90, targetYear: 2025,
                                        convention: .increase)
        #expect(abs(r - 2.3836255539609663) < 1e-12)
        #expect(abs(AnnualRate.observed(slope: 0.02, convention: .increase) - 100 * (exp(0.02) - 1)) < 1e-12)
        #expect(RateConvention(direction: .higherIsBetter) == .increase)
        #expect(RateConvention(direction: .lowerIsBetter) == .reduction)
    }

    @Test func accelerationAndYearsLeft() throws {
        let a = try RateAssessment(slope: log(1 - 0.01), direction: .lowerIsBetter, baseline: 28.7,
                                   baselineYear: 2023, target: 25, targetYear: 2030)
        #expect(abs((a.observed ?? .nan) - 1) < 1e-12)
        #expect(a.yearsLeft == 7)
        #expect(abs((a.acceleration ?? 0) - 1.95242130753025) < 1e-9)
        // Wrong-way trend: no acceleration factor.
        let w = RateAssessment(convention: .reduction, observed: -0.3, required: 2, yearsLeft: 7)
        #expect(w.acceleration == nil)
        // Already at target: no acceleration needed.
        let m = RateAssessment(convention: .reduction, observed: 1, required: -0.5, yearsLeft: 7)
        #expect(m.acceleration == nil && m.alreadyAtTarget)
    }

    @Test func badInputsSayWhatToDo() {
        #expect {
            _ = try AnnualRate.required(baseline: 0, baselineYear: 2023, target: 25, targetYear: 2030)
        } throws: { error in
            "\(error)".contains("the baseline is 0.0") && "\(error)".contains("needs a positive value")
        }
        #expect {
            _ = try AnnualRate.required(baseline: 10, baselineYear: 2023, target: 0, targetYear: 2030)
        } throws: { error in "\(error)".contains("the target is 0.0") }
        #expect {
            _ = try AnnualRate.required(baseline: 10, baselineYear: 2023, target: 5, targetYear: 2023)
        } throws: { error in "\(error)".contains("target year 2023 is not after the baseline year 2023") }
    }
}
