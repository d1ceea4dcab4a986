import Attainment
import Foundation
import IndicatorData
import LinearAlgebra
import Projection
import PropertyBased
import Testing

/// Verdicts agree with the numbers beside them (issue 14, item 4).
@Suite("Verdicts agree with their numbers")
struct VerdictConsistencyTests {
    let doctors = Indicator(code: "physicians_per_10k", planRow: "1", group: .input, nameVi: "Bác sĩ",
                            nameEn: "Physicians per 10,000", unit: "per 10,000 population", direction: .higherIsBetter,
                            lowerBound: 0, upperBound: nil, scale: .log, nationalSeries: "physicians_per_10k",
                            nationalComparable: true, provincialSeries: nil, note: "")

    /// A national-slope-shift fit (national slope +2.7 %/yr) under the workforce calibration κ = 0: the
    /// projection is flat, so the ladders see no progress — not "on track" from the discarded national slope.
    @Test func laddersUseTheProjectionsSlopeStrength() throws {
        let slope = log(1.027)
        func fit(kappa: Double) throws -> TrendFit {
            TrendFit(key: SeriesKey(indicator: "physicians_per_10k", region: "VN-28"), transform: .log,
                     window: 2001...2016, anchorYear: 2023, points: 16, coefficients: [log(10.5), slope],
                     unscaledCovariance: try Matrix(rowMajor: [[1, 0], [0, 0.0005]]), sigma: 0.03,
                     degreesOfFreedom: 14, method: .nationalSlopeShift(national: SeriesKey(indicator: "physicians_per_10k",
                                                                                            region: "VN")),
                     weighting: "ols",
                     calibration: .additive(driftVariance: 0.006, exponent: 1.25, degreesOfFreedom: 5, label: "test",
                                            slopeAttenuation: kappa))
        }
        let target = makeTarget("physicians_per_10k", year: 2030, value: 12, comparator: .greaterOrEqual)
        let first = Observation(year: 2019, value: 9.5, provenance: testProvenance)
        let baseline = Observation(year: 2023, value: 10.5, provenance: testProvenance)
        let flat = Scorecard.row(indicator: doctors, targets: [target], baseline: baseline, fit: try fit(kappa: 0),
                                 draws: 2_000, reference: first)
        let m = try #require(flat.milestones.first)
        #expect(abs(m.projectedMedian! - 10.5) < 1e-9)
        #expect(m.rates?.observed == 0 && m.jme == .noProgress)
        #expect(m.openSDG.category == .limitedProgress && m.openSDG.value == 0)
        // UNSD: expected 2030 value = the flat projection 10.5: (10.5 − 9.5)/(12 − 9.5) = 0.4 → fair progress.
        #expect(abs((m.unsdRatio ?? 0) - 0.4) < 1e-9 && m.unsd == .fairProgress)
        #expect(flat.warnings.contains { $0.contains("κ = 0") && $0.contains("national-slope-shift(VN)") })
        // At full strength the same ladders say on track: the slope is what changed, nothing else.
        let full = try #require(Scorecard.row(indicator: doctors, targets: [target], baseline: baseline,
                                              fit: try fit(kappa: 1), draws: 2_000, reference: first).milestones.first)
        #expect(abs((full.rates?.observed ?? 0) - 2.7) < 1e-9 && full.jme == .onTrack)
        #expect(full.openSDG.category == .onTrack)
    }

    /// Kon Tum's beds: 40.0 in 2023 (the plan's value), 39.3 in 2024. "≥ 40" is not met at the latest
    /// observation, whatever the 2023 value says.
    @Test func metStatusUsesTheLatestObservation() throws {
        let beds = makeIndicator(code: "hospital_beds_per_10k", direction: .higherIsBetter, scale: .log)
        let fit = try makeFit(intercept: log(39.3), slope: 0.01, covariance: [[0.1, 0], [0, 0.001]], sigma: 0.02,
                              df: 8, window: 2015...2024)
        let target = makeTarget("hospital_beds_per_10k", year: 2030, value: 40, comparator: .greaterOrEqual)
        let row = Scorecard.row(indicator: beds, targets: [target],
                                baseline: Observation(year: 2023, value: 40.0, provenance: testProvenance), fit: fit,
                                draws: 2_000, latest: Observation(year: 2024, value: 39.3, provenance: testProvenance))
        let m = try #require(row.milestones.first)
        #expect(m.latest == LatestObservationStatus(year: 2024, value: 39.3, met: false))
        #expect(m.metAtBaseline == false)
        #expect(m.unsd != .targetMet && m.openSDG.category != .targetAchieved)
    }

    /// A target met at the latest observation whose projection gives P < 0.5 is "unlikely"/"off track", with
    /// the met status and a note beside it (issue 14: "Met (at baseline)" next to P 0.07).
    @Test func metButUnlikelyIsNotMet() throws {
        let ind = makeIndicator(code: "x", direction: .higherIsBetter, scale: .log)
        let fit = try makeFit(intercept: log(1.0), slope: -0.04, covariance: [[0.05, 0], [0, 0.001]], sigma: 0.02,
                              df: 10)
        let target = makeTarget("x", year: 2030, value: 0.957, comparator: .greaterOrEqual, text: "≥ 0.957")
        let row = Scorecard.row(indicator: ind, targets: [target],
                                baseline: Observation(year: 2023, value: 1.0, provenance: testProvenance), fit: fit,
                                draws: 2_000)
        let m = try #require(row.milestones.first)
        let p = try #require(m.probability)
        #expect(p < 0.5 && m.latest?.met == true)
        #expect(!m.chitieu.isFavourable && m.chitieu == ChitieuVerdict.classify(probability: p))
        #expect(m.warnings.contains { $0.contains("already met in 2023") && $0.contains("the verdict follows P") })
    }

    /// Generated: for any trend, κ, target and latest value, chitieu's verdict is `classify(P)` and never
    /// favourable (likely/uncertain) beside P < 0.5; for a log fit the ladders' rate is κ·b.
    @Test func noFavourableVerdictBesideALowProbability() async {
        await propertyCheck(count: 300, input: Gen.double(in: -0.15...0.15), Gen.double(in: 0...1),
                            Gen.double(in: 0.5...2), Gen.double(in: 0.8...1.25), Gen.bool) { slope, kappa, ratio, latestRatio, higher in
            let direction: Direction = higher ? .higherIsBetter : .lowerIsBetter
            let ind = makeIndicator(code: "x", direction: direction, scale: .log)
            let calibration = IntervalCalibration.additive(driftVariance: 0.004, exponent: 1.5, degreesOfFreedom: 6,
                                                           label: "generated", slopeAttenuation: kappa)
            guard let fit = try? makeFit(intercept: log(20), slope: slope, covariance: [[0.08, 0.005], [0.005, 0.002]],
                                         sigma: 0.05, df: 10, calibration: calibration) else { return }
            let targets = [2025, 2030].map {
                makeTarget("x", year: $0, value: 20 * ratio, comparator: higher ? .greaterOrEqual : .lessOrEqual)
            }
            let row = Scorecard.row(indicator: ind, targets: targets,
                                    baseline: Observation(year: 2023, value: 20, provenance: testProvenance), fit: fit,
                                    draws: 500,
                                    latest: Observation(year: 2023, value: 20 * latestRatio, provenance: testProvenance))
            for m in row.milestones {
                #expect(m.chitieu == ChitieuVerdict.classify(probability: m.probability))
                if let p = m.probability, p < 0.5 { #expect(!m.chitieu.isFavourable, "P \(p), verdict \(m.chitieu)") }
                let expected = AnnualRate.observed(slope: kappa * slope, convention: RateConvention(direction: direction))
                #expect(abs((m.rates?.observed ?? .nan) - expected) < 1e-9)
            }
        }
    }
}
