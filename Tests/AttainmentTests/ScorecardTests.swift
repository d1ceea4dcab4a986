import Attainment
import Foundation
import IndicatorData
import Projection
import Testing

@Suite("Scorecard rows")
struct ScorecardTests {
    let stunting = makeIndicator(code: "stunting_u5_pct", direction: .lowerIsBetter, scale: .log)
    let baseline = Observation(year: 2023, value: 28.7,
                               provenance: Provenance(file: "kontum.csv", line: 4, source: "Kon Tum 2023 report",
                                                      flag: "provisional"))

    func targets() -> [Target] {
        [makeTarget("stunting_u5_pct", year: 2030, value: 25, comparator: .lessThan, kind: .strict, text: "<25"),
         makeTarget("stunting_u5_pct", year: 2025, value: 28, comparator: .lessThan, kind: .strict, text: "<28")]
    }

    @Test func rowFromAFit() throws {
        let fit = try makeFit(intercept: log(28.7), slope: log(1 - 0.015), covariance: [[0.2, 0.02], [0.02, 0.004]],
                              sigma: 0.03, df: 12, window: 2010...2023)
        let row = Scorecard.row(indicator: stunting, targets: targets(), baseline: baseline, fit: fit, draws: 20_000,
                                seed: 9)
        #expect(row.milestones.map(\.year) == [2025, 2030])
        #expect(row.baselineFlag == "provisional" && row.dataSource == "Kon Tum 2023 report")
        #expect(abs((row.observedRate ?? 0) - 1.5) < 1e-9)
        #expect(row.rateConvention == .reduction)
        let m30 = try #require(row.milestones.last)
        let rates = try #require(m30.rates)
        #expect(abs(rates.required - 1.95242130753025) < 1e-9 && rates.yearsLeft == 7)
        #expect(abs((rates.acceleration ?? 0) - 1.95242130753025 / 1.5) < 1e-9)
        #expect(m30.jme == .someProgress)
        let p = try #require(m30.probability)
        #expect(abs(p - fit.predictive(year: 2030).cdf(25)) < 1e-15)
        #expect(m30.chitieu == ChitieuVerdict.classify(probability: p))
        let pi = try #require(m30.pi95), pi80 = try #require(m30.pi80)
        #expect(pi.lower < pi80.lower && pi80.upper < pi.upper)
        let med = try #require(m30.projectedMedian)
        #expect(abs(med - 28.7 * pow(0.985, 7)) < 1e-9)
        let joint = try #require(row.joint)
        #expect(joint.firstYear == 2025 && joint.secondYear == 2030 && joint.seed == 9 && joint.draws == 20_000)
        #expect(row.modelLabel == "log-linear ols 2010–2023 (n=14)")
        #expect(row.window == "2010–2023" && row.method == "own-trend")
        #expect(row.status == .assessed)
    }

    @Test func noFitMeansAssessmentNotPossible() {
        let row = Scorecard.row(indicator: stunting, targets: targets(), baseline: baseline, fit: nil,
                                reason: "only 1 provincial data point and no comparable national series")
        #expect(row.status == .assessmentNotPossible(reason: "only 1 provincial data point and no comparable national series"))
        #expect(row.joint == nil && row.observedRate == nil)
        for m in row.milestones {
            #expect(m.probability == nil && m.projectedMedian == nil)
            #expect(m.jme == .assessmentNotPossible && m.chitieu == .notAssessed)
            #expect(m.status.label == "assessment-not-possible")
        }
    }

    @Test func qualitativeRowsGetAStatus() throws {
        let fit = try makeFit(intercept: log(5), slope: -0.1, covariance: [[0.2, 0.02], [0.02, 0.004]], sigma: 0.1,
                              df: 10)
        let t = makeTarget("malaria", year: 2030, value: nil, comparator: nil, kind: .qualitative,
                           text: "Loại trừ sốt rét")
        let row = Scorecard.row(indicator: makeIndicator(code: "malaria"), targets: [t], baseline: baseline, fit: fit)
        let m = try #require(row.milestones.first)
        #expect(m.status == .qualitative(note: "Loại trừ sốt rét"))
        #expect(m.probability == nil && m.projectedMedian == nil && m.chitieu == .notAssessed)
        #expect(row.joint == nil)
    }

    /// A linear fit's rate is the log-linear equivalent of the projected path from the anchor to the target
    /// year (`ProjectionPace`): 80 in 2023 → 87 in 2030, AARI = 100·((87/80)^(1/7) − 1).
    @Test func nonLogFitRateIsTheProjectedPace() throws {
        let fit = try makeFit(intercept: 80, slope: 1, covariance: [[0.2, 0.02], [0.02, 0.004]], sigma: 1, df: 10,
                              transform: .identity, window: 2013...2023)
        let ind = makeIndicator(code: "dtp3", direction: .higherIsBetter, scale: .linear)
        let t = makeTarget("dtp3", year: 2030, value: 95, comparator: .greaterOrEqual)
        let row = Scorecard.row(indicator: ind, targets: [t],
                                baseline: Observation(year: 2023, value: 80, provenance: testProvenance), fit: fit)
        #expect(row.rateConvention == .increase)
        let expected = 100 * (pow(87.0 / 80, 1.0 / 7) - 1)
        #expect(abs((row.observedRate ?? 0) - expected) < 1e-9)
        #expect(abs((row.milestones.first?.rates?.observed ?? 0) - expected) < 1e-9)
        #expect(row.warnings.contains { $0.contains("use the projection's pace") })
    }
    /// No projection: the required rate, years left and the status at the baseline are still computed (they
    /// need only the baseline and the target), the observed rate and the JME ladder are not, and the reason is
    /// the milestone's. Nurses 14.3 (2023) → ≥ 22 (2025): AARI = 100·((22/14.3)^(1/2) − 1) = 24.03 %.
    @Test func noFitStillHasRequiredRateYearsLeftAndReason() throws {
        let nurses = makeIndicator(code: "nurses_per_10k", direction: .higherIsBetter, scale: .log)
        let targets = [makeTarget("nurses_per_10k", year: 2025, value: 22, comparator: .greaterOrEqual),
                       makeTarget("nurses_per_10k", year: 2030, value: 14, comparator: .greaterOrEqual)]
        let row = Scorecard.row(indicator: nurses, targets: targets,
                                baseline: Observation(year: 2023, value: 14.3, provenance: testProvenance), fit: nil,
                                reason: "1 regional point(s) and no comparable series")
        let m25 = try #require(row.milestones.first), m30 = try #require(row.milestones.last)
        let rates = try #require(m25.rates)
        #expect(abs(rates.required - 100 * ((22 / 14.3).squareRoot() - 1)) < 1e-9 && rates.yearsLeft == 2)
        #expect(rates.observed == nil && rates.acceleration == nil && m25.jme == .assessmentNotPossible)
        #expect(m25.metAtBaseline == false && m30.metAtBaseline == true)
        #expect(m30.rates?.yearsLeft == 7 && (m30.rates?.required ?? 1) <= 0, "already met: no progress required")
        #expect(m25.status.reason == "1 regional point(s) and no comparable series")
        #expect(m25.probability == nil && m25.projectedMedian == nil && row.joint == nil)
        #expect(AttainmentStatus.assessed.reason == nil)
    }
}
