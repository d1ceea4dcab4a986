import Attainment
import Foundation
import IndicatorData
import LinearAlgebra
import Projection
import Testing
@testable import Scenarios

/// A calibrated log-linear doctors trend (test values, not data): 10.5 per 10,000 at the 2023 anchor,
/// +1 % a year, with a drift variance and Student-t tails, as the shipped calibration gives.
func physiciansFit(slope: Double = 0.01) throws -> TrendFit {
    let cov = try Matrix(columns: [[0.2, 0.03], [0.03, 0.01]])
    let calibration = IntervalCalibration.additive(driftVariance: 0.004, exponent: 1.5, degreesOfFreedom: 6,
                                                   label: "test calibration", slopeAttenuation: 0.5)
    return TrendFit(key: SeriesKey(indicator: "physicians_per_10k", region: "VN-28"), transform: .log,
                    window: 2016...2023, anchorYear: 2023, points: 8, coefficients: [Foundation.log(10.5), slope],
                    unscaledCovariance: cov, sigma: 0.04, degreesOfFreedom: 6, method: .trend, weighting: "ols",
                    calibration: calibration)
}

/// Doctors per 10,000, 2019–2023 (test values).
let physiciansSeries = Series(indicator: "physicians_per_10k", region: "VN-28", unit: "per 10,000",
                              observations: [(2019, 10.0), (2021, 10.2), (2023, 10.5)].map {
    Observation(year: $0.0, value: $0.1, provenance: Provenance(file: "test", line: 0, source: "test value"))
})

let physiciansTargets = [(2025, 11.5, "11,5"), (2030, 12.0, "12,0")].map {
    Target(indicator: "physicians_per_10k", region: "VN-28", year: $0.0, value: $0.1, comparator: .greaterOrEqual,
           kind: .level, text: $0.2, provenance: Provenance(file: "t", line: 0, source: "test target"))
}

/// Runs a 2023–2030 scenario with `doctors` (nil: no resources section) on the test fit, 2 % population
/// growth (SD 0.3 %) from 600,000.
func runDoctors(_ doctors: ResourceSpec?, draws: Int = 400, seed: UInt64 = 7) throws -> ScenarioResult {
    let scenario = Scenario(name: doctors == nil ? "trend" : "doctors", baseYear: 2023, horizon: 2030, draws: draws,
                            seed: seed, population: .growth(base: 600_000, rate: 0.02, sd: 0.003),
                            resources: doctors.map { [.doctors: $0] } ?? [:])
    let inputs = ScenarioInputs(catalogue: testCatalogue, series: ["physicians_per_10k": physiciansSeries],
                                fits: ["physicians_per_10k": try physiciansFit()], targets: physiciansTargets)
    return try ScenarioRunner(scenario: scenario, inputs: inputs).run()
}

func doctorsAttainment(_ r: ScenarioResult) -> [ScenarioAttainment] {
    r.attainment.filter { $0.indicator == "physicians_per_10k" }
}

@Suite("Resources: business as usual is the scorecard, levers change it")
struct ResourceLeverTests {
    /// The BAU resource gives the scorecard's row (`Scorecard.row`, the builder `chitieu attain` uses) on the
    /// same fit: median, intervals and P exactly (same PredictiveDistribution object, analytic).
    @Test func businessAsUsualIsTheScorecard() throws {
        let result = try runDoctors(ResourceSpec(attrition: 0.03))
        let row = Scorecard.row(indicator: try #require(testCatalogue["physicians_per_10k"]), targets: physiciansTargets,
                                baseline: physiciansSeries.observations.last, fit: try physiciansFit())
        let scenario = doctorsAttainment(result)
        #expect(scenario.count == 2)
        for (a, m) in zip(scenario, row.milestones) {
            let median = try #require(a.median), expected = try #require(m.projectedMedian)
            #expect(abs(median - expected) <= 1e-9 * expected, "\(a.year): \(median) vs \(expected)")
            #expect(a.pi80 == m.pi80 && a.pi95 == m.pi95, "\(a.year)")
            #expect(a.probability == m.probability && a.probabilityMethod == "analytic", "\(a.year)")
            #expect(a.verdict == m.chitieu)
        }
        #expect(result.resources.first?.businessAsUsual == true)
        // And the same as a run with no resources section at all (the indicator as a plain BAU trend).
        #expect(doctorsAttainment(try runDoctors(nil)).map(\.probability) == scenario.map(\.probability))
    }

    /// A lever that changes nothing (extra intake 0, attrition change 0) is business as usual exactly.
    @Test func nullLeverEqualsBusinessAsUsual() throws {
        let bau = try runDoctors(ResourceSpec(attrition: 0.03))
        let null = try runDoctors(ResourceSpec(extraHires: .constant(0), attrition: 0.03, attritionSD: 0.01))
        #expect(doctorsAttainment(null) == doctorsAttainment(bau))
        let rows = { (r: ScenarioResult) in r.rows.filter { $0.indicator == "physicians_per_10k" }.map { "\($0.year) \($0.kind) \($0.level ?? 0) \($0.value)" } }
        #expect(rows(null) == rows(bau))
        #expect(null.resources.first?.increment == nil || null.resources.first?.increment?.annual.allSatisfy { $0 == 0 } == true)
    }

    /// `hires` is the total intake: hires = h̄ + 10 adds 10 a year to business as usual, as `extra_hires: 10`.
    @Test func totalHiresAreMeasuredFromNetHiring() throws {
        let bau = try runDoctors(ResourceSpec(attrition: 0.03))
        let hBar = try #require(bau.resources.first?.netHires)
        // History 2019 → 2023 at the modelled population: h̄ = (S₂₀₂₃ − 0.97⁴·S₂₀₁₉) / Σ_{j<4} 0.97^j.
        let p = { (year: Int) in 600_000 * Foundation.pow(1.02, Double(year - 2023)) }
        let expected = (10.5 * p(2023) / 1e4 - Foundation.pow(0.97, 4) * 10.0 * p(2019) / 1e4)
            / (1 + 0.97 + 0.97 * 0.97 + 0.97 * 0.97 * 0.97)
        #expect(abs(hBar - expected) < 1e-9 * expected, "h̄ \(hBar) vs \(expected)")
        let total = try runDoctors(ResourceSpec(hires: .constant(hBar + 10), attrition: 0.03))
        let extra = try runDoctors(ResourceSpec(extraHires: .constant(10), attrition: 0.03))
        for (a, b) in zip(doctorsAttainment(total), doctorsAttainment(extra)) {
            #expect(abs((a.median ?? 0) - (b.median ?? 0)) < 1e-9 && abs((a.probability ?? 0) - (b.probability ?? 0)) < 1e-12)
        }
        #expect(bau.notes.contains { $0.contains("net hiring implied by the history of physicians_per_10k × population, 2019–2023") })
    }

    /// Hand case: extra 10 a year, attrition 0 (so Δ_t = 10·t), salary 1, training 5, discount 3 %:
    /// ΔC_t = 10·t + 50, PV = Σ ΔC_t / 1.03^t.
    @Test func incrementalCostHandCase() throws {
        let spec = ResourceSpec(extraHires: .constant(10), attrition: 0,
                                costs: UnitCosts(perStockYear: 1, perEntrant: 5, source: "test"))
        let increment = try #require(try runDoctors(spec).resources.first?.increment)
        let expected = (1...7).map { 10 * Double($0) + 50 }
        for (seen, want) in zip(increment.annual, expected) { #expect(abs(seen - want) < 1e-7, "\(seen) vs \(want)") }
        let pv = (1...7).reduce(0.0) { $0 + (10 * Double($1) + 50) / Foundation.pow(1.03, Double($1)) }
        #expect(abs(increment.presentValue - pv) < 1e-7 && increment.discountRate == 0.03)
        #expect(abs(increment.total - expected.reduce(0, +)) < 1e-7)
    }

    /// The trend draws' marginal is the calibrated predictive (drift variance τ²h^γ and t tails included):
    /// the share of draws below each predictive quantile is within 4 SE of its level (fixed seed; a false
    /// alarm has probability ≈ 6e-5 per comparison).
    @Test func trendDrawsHaveThePredictiveMarginal() throws {
        let fit = try physiciansFit()
        let years = Array(2024...2030)
        let mc = TrendDraws(fit: fit, years: years, draws: 20_000, seed: 5, label: "trend:physicians_per_10k")
        for (i, year) in years.enumerated() {
            let p = fit.predictive(year: year)
            let values = mc.deviations(year: i).map { fit.transform.inverse(p.location + $0) }
            for level in [0.05, 0.25, 0.5, 0.75, 0.95] {
                let share = Double(values.filter { $0 < p.quantile(level) }.count) / Double(values.count)
                let se = (level * (1 - level) / Double(values.count)).squareRoot()
                #expect(abs(share - level) <= 4 * se, "\(year) q\(level): share \(share)")
            }
        }
    }

    /// Cost per point of density and per percentage point of P(attain) gained, against the BAU run's numbers.
    @Test func costPerPointGained() throws {
        let bau = try runDoctors(ResourceSpec(attrition: 0.03))
        let spec = ResourceSpec(extraHires: .constant(20), attrition: 0.03,
                                costs: UnitCosts(perStockYear: 1e8, perEntrant: 5e8, source: "illustrative"))
        let lever = try runDoctors(spec)
        let s = try #require(lever.resources.first)
        let bau2030 = try #require(doctorsAttainment(bau).last), lever2030 = try #require(doctorsAttainment(lever).last)
        #expect(s.milestoneYear == 2030 && s.bauProbability == bau2030.probability && s.probability == lever2030.probability)
        let pv = try #require(s.increment?.presentValue)
        let gain = try #require(lever2030.median) - (try #require(bau2030.median))
        #expect(pv > 0 && gain > 0)
        #expect(abs(try #require(s.densityGain) - gain) < 1e-9)
        #expect(abs(try #require(s.costPerDensityPoint) - pv / gain) < 1e-6 * pv / gain)
        let pGain = 100 * (try #require(lever2030.probability) - (try #require(bau2030.probability)))
        #expect(abs(try #require(s.costPerProbabilityPoint) - pv / pGain) < 1e-6 * pv / pGain)
        #expect(lever.incrementalCost?.presentValue == pv && lever.discountRate == Scenario.defaultDiscountRate)
        #expect(bau.resources.first?.costPerProbabilityPoint == nil)
    }

    /// The lever keys: extra intake, attrition change, discount rate; no start stock or hires = BAU.
    @Test func leverKeysParse() throws {
        let yaml = """
            name: Levers
            horizon: 2030
            discount_rate: 0.05
            resources:
              doctors: {extra_hires: 12, attrition: 0.03, attrition_change: -0.01}
              nurses: {attrition: 0.03}
              beds: {extra_additions: 20, attrition: 0}
            """
        let s = try ScenarioParser.parse(yaml: yaml, file: "s.yaml", catalogue: testCatalogue)
        #expect(s.discountRate == 0.05)
        #expect(s.resources[.doctors]?.extraHires == .constant(12) && s.resources[.doctors]?.attritionChange == -0.01)
        #expect(s.resources[.nurses]?.isBusinessAsUsual == true && s.resources[.nurses]?.start == nil)
        #expect(s.resources[.beds]?.extraHires == .constant(20))
        let both = yaml.replacingOccurrences(of: "extra_hires: 12", with: "extra_hires: 12, hires: 50")
        #expect(throws: ScenarioError.self) { try ScenarioParser.parse(yaml: both, file: "s.yaml", catalogue: testCatalogue) }
        do {
            _ = try ScenarioParser.parse(yaml: both, file: "s.yaml", catalogue: testCatalogue)
        } catch {
            #expect("\(error)".contains("give `hires` (the total a year) or `extra_hires` (on top of business as usual), not both"),
                    "\(error)")
        }
        let rate = yaml.replacingOccurrences(of: "discount_rate: 0.05", with: "discount_rate: 1.5")
        #expect(throws: ScenarioError.self) { try ScenarioParser.parse(yaml: rate, file: "s.yaml", catalogue: testCatalogue) }
    }

    /// h̄ = ΔS + a·S for one year; the k-year annuity form otherwise (hand values).
    @Test func netHiresFormula() throws {
        let h1 = try #require(NetHires.implied(from: (2020, 1000), to: (2021, 1100), attrition: 0.03))
        #expect(abs(h1 - 130) < 1e-9)   // 1100 − 0.97·1000
        let h2 = try #require(NetHires.implied(from: (2020, 1000), to: (2022, 1100), attrition: 0.03))
        #expect(abs(h2 - (1100 - 940.9) / 1.97) < 1e-9)
        #expect(NetHires.implied(from: (2020, 1000), to: (2020, 1000), attrition: 0.03) == nil)
    }
}
