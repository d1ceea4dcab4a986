import Foundation
import IndicatorData
import Testing
@testable import Scenarios

/// What a scenario run must say about its inputs: the start stock's derivation, the population model and
/// whether attrition is uncertain.
@Suite("Scenario statements")
struct ScenarioStatementsTests {
    /// An exactly exponential series, 1 % a year from 500,000 in 2010 (test values, not data): the fit must
    /// return growth 1 % with SE 0, and its window and size must be stated.
    static let population = Series(indicator: "population_avg", region: "VN-28", unit: "persons",
                                   observations: (2010...2020).map {
        Observation(year: $0, value: 500_000 * Foundation.pow(1.01, Double($0 - 2010)),
                    provenance: Provenance(file: "test", line: 0, source: "test"))
    })

    static let count = Series(indicator: "physicians_count", region: "VN-28", unit: "persons", observations: [
        Observation(year: 2021, value: 539, provenance: Provenance(file: "test", line: 0, source: "test")),
    ])

    func run(_ doctors: String) throws -> ScenarioResult {
        let yaml = """
            name: Statements
            base_year: 2020
            horizon: 2025
            population: {series: population_avg}
            resources:
              doctors: {\(doctors)}
            """
        let scenario = try ScenarioParser.parse(yaml: yaml, file: "s.yaml", catalogue: testCatalogue)
        let inputs = ScenarioInputs(catalogue: testCatalogue,
                                    series: ["population_avg": Self.population, "physicians_count": Self.count],
                                    fits: [:], targets: [])
        return try ScenarioRunner(scenario: scenario, inputs: inputs).run()
    }

    @Test func populationModelStated() throws {
        let result = try run("start_density: 10, hires: 20, attrition: 0.03")
        let p = result.population
        #expect(p.model == "log-linear OLS" && p.fitWindow == 2010...2020 && p.points == 11)
        #expect(abs(p.growth - 0.01) < 1e-12 && p.growthSD < 1e-9)
        #expect(p.label.contains("window 2010–2020 (n=11): growth 1.00 % a year (SE 0.00 %)"), "\(p.label)")
        #expect(result.notes.first == p.label)
    }

    @Test func startStockDerivationAndObservedCount() throws {
        let result = try run("start_density: 10, hires: 20, attrition: 0.03")
        let doctors = try #require(result.resources.first)
        let base = 500_000 * Foundation.pow(1.01, 10.0)
        #expect(abs(doctors.startStock - 10 * base / 1e4) < 1e-9)
        #expect(doctors.startStockDerivation.hasPrefix("\(format((doctors.startStock * 10).rounded() / 10)) = density 10 per 10,000 × fitted 2020 population \(Int(base.rounded()))"),
                "\(doctors.startStockDerivation)")
        let density2021 = 1e4 * 539 / (base * 1.01)
        #expect(result.notes.contains { $0.contains("the data's physicians_count is 539 in 2021 = "
            + String(format: "%.2f", density2021) + " per 10,000") }, "\(result.notes)")
    }

    @Test func fixedAttritionIsSaid() throws {
        let fixed = try run("start_stock: 500, hires: 20, attrition: 0.03")
        #expect(fixed.resources.first?.attritionSD == 0)
        #expect(fixed.notes.contains("doctors: attrition fixed at 3.00 % a year (no attrition_sd in the file): its intervals "
            + "carry population-growth uncertainty only; add `attrition_sd: 0.01` to draw it"))
        #expect(fixed.resources.first?.startStockDerivation == "500 given in the scenario file")
        let drawn = try run("start_stock: 500, hires: 20, attrition: 0.03, attrition_sd: 0.01")
        #expect(drawn.resources.first?.attritionSD == 0.01)
        #expect(!drawn.notes.contains { $0.contains("attrition fixed") })
    }

    /// A resource's targets get P(attain) from the stock-flow draws, with the Monte Carlo SE.
    @Test func resourceProbabilityFromDraws() throws {
        let yaml = """
            name: R
            base_year: 2020
            horizon: 2025
            draws: 500
            population: {growth: 0.01, base: 1000000}
            resources:
              doctors: {start_density: 10, hires: 60, attrition: 0.03, attrition_sd: 0.01}
            """
        let scenario = try ScenarioParser.parse(yaml: yaml, file: "s.yaml", catalogue: testCatalogue)
        let t = target(2025, 11, .greaterOrEqual, kind: .level, indicator: "physicians_per_10k")
        let result = try ScenarioRunner(scenario: scenario, inputs: ScenarioInputs(
            catalogue: testCatalogue, series: [:], fits: [:], targets: [t])).run()
        let a = try #require(result.attainment.first)
        let p = try #require(a.probability)
        #expect(a.probabilityMethod == "Monte Carlo" && p > 0 && p < 1)
        #expect(a.probabilitySE == (p * (1 - p) / 500).squareRoot())
    }
}
