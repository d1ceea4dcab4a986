import Foundation
import IndicatorData
import Testing
@testable import Scenarios

/// Every crash site of issue 13 ("Scenario files that cannot lie or crash"): before the fix each of these
/// trapped (Double→Int conversion, integer overflow) or allocated without bound. Each test runs the site
/// in-process, so a regression kills the test run rather than passing.
@Suite("Scenario crash sites")
struct ScenarioCrashSiteTests {
    func parse(_ yaml: String) throws -> Scenario {
        try ScenarioParser.parse(yaml: yaml, file: "s.yaml", catalogue: testCatalogue)
    }

    func message(_ yaml: String) -> String {
        do { _ = try parse(yaml); return "" } catch { return "\(error)" }
    }

    func runner(_ scenario: Scenario) -> ScenarioRunner {
        ScenarioRunner(scenario: scenario, inputs: ScenarioInputs(catalogue: testCatalogue, series: [:], fits: [:], targets: []))
    }

    /// A scenario built in code (the runner's own guard, not the parser's) with a given population.
    func inCode(base: Double?, baseYear: Int = 2023, horizon: Int = 2030, draws: Int = 10) -> Scenario {
        Scenario(name: "x", baseYear: baseYear, horizon: horizon, draws: draws,
                 population: .growth(base: base, rate: 0.01, sd: 0),
                 resources: [.doctors: ResourceSpec(start: .density(10), hires: .constant(5), attrition: 0.03)])
    }

    // MARK: - Population (ScenarioRunner.swift `Int(base.rounded())`, ScenarioRunner+Levers.swift)

    @Test(arguments: [1e20, 1e300])
    func hugePopulationInAFileIsRefused(base: Double) {
        let m = message("name: x\nhorizon: 2030\npopulation: {growth: 0.01, base: \(base)}\n")
        #expect(m.hasPrefix("s.yaml:3:34: population.base: must be from 1 to 2000000000 persons in base_year"), "\(m)")
    }

    /// Built in code the runner does not trap: the label prints the number, not `Int(1e20)`.
    @Test(arguments: [1e20, 1e300])
    func hugePopulationInCodeDoesNotTrap(base: Double) throws {
        let result = try runner(inCode(base: base)).run()
        #expect(result.notes.contains { $0.contains("population model: 1e+") }, "\(result.notes)")
    }

    // MARK: - PopulationProjection.logLinear (`Int(base.rounded())` at ≈ 2e19)

    @Test func populationSeriesOf2e19IsRefusedNotTrapped() {
        let series = Series(indicator: "population_avg", region: "VN-28", unit: "persons", observations: (2010...2020).map {
            Observation(year: $0, value: 2e19 * Foundation.pow(1.01, Double($0 - 2010)),
                        provenance: Provenance(file: "p.csv", line: $0 - 2008, source: "test"))
        })
        #expect {
            _ = try PopulationProjection.logLinear(series, baseYear: 2023)
        } throws: { error in
            "\(error)".contains("more than 2000000000 persons")
        }
    }

    // MARK: - Years (ScenarioParser+Sections `horizon - baseYear`, Scenario.years allocation)

    @Test(arguments: ["base_year: -9223372036854775808", "base_year: 99999", "base_year: 0", "base_year: 2023.5",
                      "base_year: 1e3", "base_year: \"2023\""])
    func absurdBaseYearsAreRefused(line: String) {
        let m = message("name: x\nhorizon: 2030\n\(line)\n")
        #expect(m.hasPrefix("s.yaml:3:12: base_year: must be "), "\(m)")
    }

    @Test(arguments: ["9223372036854775807", "1e9", "99999", "3000", "2101", "2023"])
    func absurdHorizonsAreRefused(horizon: String) {
        let m = message("name: x\nhorizon: \(horizon)\n")
        #expect(m.hasPrefix("s.yaml:2:10: horizon: must be "), "\(m)")
    }

    /// Built in code, an absurd horizon is refused by the runner before any allocation.
    @Test(arguments: [[Int.min, 2030], [2023, Int.max], [2023, 99999], [0, 2030]])
    func absurdYearsInCodeAreRefused(years: [Int]) {
        let scenario = inCode(base: 1e6, baseYear: years[0], horizon: years[1])
        #expect(scenario.years.isEmpty)
        #expect(throws: ScenarioError.self) { try runner(scenario).run() }
    }

    /// `--draws` overrides the file after parsing: the runner refuses draws × years beyond 10⁷.
    @Test func drawYearsAreBounded() {
        #expect(message("name: x\nhorizon: 2100\ndraws: 1000000\n").contains("draws: × 77 projected years"))
        #expect(throws: ScenarioError.self) { try runner(inCode(base: 1e6, horizon: 2100, draws: 1_000_000)).run() }
    }
}
