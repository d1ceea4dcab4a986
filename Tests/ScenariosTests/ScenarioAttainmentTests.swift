import Attainment
import Foundation
import IndicatorData
import LinearAlgebra
import Projection
import Testing
@testable import Scenarios

/// A fit with everything that changes the predictive law switched on: a calibration with horizon factors
/// and its own t degrees of freedom, and extra variance (as the shift method adds). Values are chosen for
/// the test, not data.
func calibratedFit() throws -> TrendFit {
    let cov = try Matrix(columns: [[0.3455, 0.04545], [0.04545, 0.01212]])
    return TrendFit(key: SeriesKey(indicator: "stunting_u5_pct", region: "VN-28"), transform: .logit(lower: 0, upper: 100),
                    window: 2011...2020, anchorYear: 2020, points: 10, coefficients: [-1.2, -0.06],
                    unscaledCovariance: cov, sigma: 0.08, degreesOfFreedom: 8, method: .trend, weighting: "ols",
                    extraVariance: 0.004,
                    calibration: IntervalCalibration(factors: [1.2, 1.4, 1.6], label: "test", degreesOfFreedom: 4))
}

func target(_ year: Int, _ value: Double, _ comparator: IndicatorData.Comparator, kind: TargetKind = .strict,
            indicator: String = "stunting_u5_pct") -> Target {
    Target(indicator: indicator, region: "VN-28", year: year, value: value, comparator: comparator, kind: kind,
           text: "\(comparator.rawValue)\(value)", provenance: Provenance(file: "test", line: 0, source: "test target"))
}

@Suite("Scenario attainment: the scorecard's definitions")
struct ScenarioAttainmentTests {
    let trendTargets = [target(2025, 21, .lessThan), target(2030, 19, .lessThan)]

    func scenario(_ lever: TrendLeverSpec, draws: Int = 2000, seed: UInt64 = 3) -> Scenario {
        Scenario(name: "t", baseYear: 2020, horizon: 2030, draws: draws, seed: seed,
                 population: .growth(base: 1e6, rate: 0.01, sd: 0), trends: ["stunting_u5_pct": lever])
    }

    func run(_ lever: TrendLeverSpec, fit: TrendFit, targets: [Target], draws: Int = 2000,
             unassessable: [String: String] = [:]) throws -> ScenarioResult {
        let inputs = ScenarioInputs(catalogue: testCatalogue, series: ["stunting_u5_pct": stuntingSeries],
                                    fits: ["stunting_u5_pct": fit], unassessable: unassessable, targets: targets)
        return try ScenarioRunner(scenario: scenario(lever, draws: draws), inputs: inputs).run()
    }

    /// Business as usual gives the scorecard's P(attain) exactly: `Attainment.assess` on `fit.predictive`.
    @Test func bauEqualsScorecardProbability() throws {
        let fit = try calibratedFit()
        let result = try run(.bau, fit: fit, targets: trendTargets)
        #expect(result.attainment.count == 2)
        for a in result.attainment {
            let t = try #require(trendTargets.first { $0.year == a.year })
            let expected = try #require(Attainment.assess(target: t, direction: .lowerIsBetter,
                                                          predictive: fit.predictive(year: a.year)).probability)
            let seen = try #require(a.probability)
            #expect(seen == expected, "year \(a.year): expected \(expected), seen \(seen)")
            #expect(a.probabilityMethod == "analytic" && a.probabilitySE == nil)
            #expect(a.verdict == ChitieuVerdict.classify(probability: expected))
            let pi = fit.predictive(year: a.year).predictionInterval(level: 0.95)
            #expect(a.pi95 == ClosedInterval(lower: pi.lower, upper: pi.upper))
        }
    }

    /// Closed form against Monte Carlo: the share of trend draws meeting each target is within 4 standard
    /// errors of the analytic P, for the calibrated fit with extra variance, under bau and a shifted lever.
    /// (4 SE: a false alarm has probability ≈ 6e-5 per comparison at a fixed seed.)
    @Test(arguments: [TrendLeverSpec.bau, TrendLeverSpec(lever: .accelerate(1.5), startYear: 2022)])
    func drawsMatchAnalyticPredictive(_ lever: TrendLeverSpec) throws {
        let fit = try calibratedFit()
        let runner = ScenarioRunner(
            scenario: scenario(lever, draws: 20_000),
            inputs: ScenarioInputs(catalogue: testCatalogue, series: ["stunting_u5_pct": stuntingSeries],
                                   fits: ["stunting_u5_pct": fit], targets: trendTargets))
        let out = runner.runTrend(code: "stunting_u5_pct", fit: fit, spec: lever, targets: trendTargets, draws: true)
        for year in [2021, 2023, 2025, 2030] {
            let predictive = try #require(out.projected.predictive[year])
            let draws = try #require(out.projected.draws[year])
            let values: [Double] = [predictive.quantile(0.1), predictive.median, predictive.quantile(0.9)]
            for value in values {
                let p: Double = predictive.cdf(value)
                let met: Int = draws.filter { $0 < value }.count
                let share = Double(met) / Double(draws.count)
                let se: Double = (p * (1 - p) / Double(draws.count)).squareRoot()
                #expect(abs(share - p) <= 4 * se, "\(year) at \(value): analytic \(p), draws \(share), SE \(se)")
            }
        }
    }

    @Test func accelerateOneEqualsBau() throws {
        let fit = try calibratedFit()
        let bau = try run(.bau, fit: fit, targets: trendTargets)
        let one = try run(TrendLeverSpec(lever: .accelerate(1), startYear: 2022), fit: fit, targets: trendTargets)
        #expect(bau.attainment.map(\.probability) == one.attainment.map(\.probability))
        #expect(bau.attainment.map(\.pi95) == one.attainment.map(\.pi95))
        #expect(bau.rows.map(\.value) == one.rows.map(\.value))
    }

    /// A target at a cap: capping could change which values meet it, so P comes from the draws, with its SE.
    @Test func targetAtCapUsesDraws() throws {
        let capped = TrendLeverSpec(lever: .bau, capLower: 19, capUpper: 100)
        let result = try run(capped, fit: try calibratedFit(), targets: [target(2030, 19, .lessOrEqual, kind: .level)])
        let a = try #require(result.attainment.first)
        #expect(a.probabilityMethod == "Monte Carlo")
        let p = try #require(a.probability), se = try #require(a.probabilitySE)
        #expect(abs(se - (p * (1 - p) / 2000).squareRoot()) < 1e-15)
        #expect((a.pi95?.lower ?? 0) >= 19)
    }

    /// No fit: every numeric target says "assessment not possible: <reason>", as in the scorecard; a
    /// qualitative target stays qualitative.
    @Test func noFitGetsReason() throws {
        let qualitative = Target(indicator: "physicians_per_10k", region: "VN-28", year: 2030, value: nil, comparator: nil,
                                 kind: .qualitative, text: "more doctors",
                                 provenance: Provenance(file: "test", line: 0, source: "test"))
        let inputs = ScenarioInputs(catalogue: testCatalogue, series: [:], fits: [:],
                                    unassessable: ["stunting_u5_pct": "2 data point(s); at least 3 are needed"],
                                    targets: trendTargets + [qualitative])
        let result = try ScenarioRunner(scenario: scenario(.bau), inputs: inputs).run()
        let stunting = result.attainment.filter { $0.indicator == "stunting_u5_pct" }
        #expect(stunting.count == 2)
        for a in stunting {
            #expect(a.status.description == "assessment not possible: 2 data point(s); at least 3 are needed")
            #expect(a.probability == nil && a.median == nil && a.verdict == .notAssessed)
        }
        let q = try #require(result.attainment.first { $0.indicator == "physicians_per_10k" })
        #expect(q.status.label == "qualitative" && q.probability == nil)
    }

    /// "Already met" from the baseline, strictness honoured, as `Target.isMet` (scorecard definition).
    @Test func alreadyMetFromBaseline() throws {
        let fit = try calibratedFit()
        let inputs = ScenarioInputs(
            catalogue: testCatalogue, series: ["stunting_u5_pct": stuntingSeries], fits: ["stunting_u5_pct": fit],
            targets: [target(2025, 22, .lessThan), target(2030, 22, .lessOrEqual, kind: .level)])
        let result = try ScenarioRunner(scenario: scenario(.bau), inputs: inputs).run()
        #expect(result.attainment.map(\.metAtBaseline) == [false, true])
        // The met status is reported beside the verdict; the verdict itself comes from P only (issue 14).
        let last = try #require(result.attainment.last)
        #expect(last.verdict == ChitieuVerdict.classify(probability: last.probability))
    }
}
