import Foundation
import IndicatorData
import Testing
@testable import Scenarios

/// A two-entry catalogue for parser and runner tests (values as in Datasets/indicators.csv).
let testCatalogue: [String: Indicator] = [
    "stunting_u5_pct": Indicator(code: "stunting_u5_pct", planRow: "21", group: .impact, nameVi: "", nameEn: "Stunting",
                                 unit: "%", direction: .lowerIsBetter, lowerBound: 0, upperBound: 100, scale: .logit,
                                 nationalSeries: nil, nationalComparable: true, provincialSeries: nil, note: ""),
    "physicians_per_10k": Indicator(code: "physicians_per_10k", planRow: "1", group: .input, nameVi: "",
                                    nameEn: "Physicians", unit: "per 10,000", direction: .higherIsBetter,
                                    lowerBound: 0, upperBound: nil, scale: .log, nationalSeries: nil,
                                    nationalComparable: true, provincialSeries: nil, note: ""),
]

@Suite("Scenario files")
struct ScenarioParserTests {
    static let valid = """
        name: Workforce expansion
        horizon: 2030
        seed: 7
        population: {growth: 0.01, base: 1000000}
        trends:
          stunting_u5_pct: {accelerate: 1.5, start_year: 2024, cap: [0, 100]}
        resources:
          doctors:
            start_density: 10.5
            hires: 70
            attrition: 3%
            salary: 1.0e8
            cost_source: "illustrative, replace with the province's figures"
        budget: {annual: 1.0e12, preventive_share: 0.30}
        """

    func parse(_ yaml: String) throws -> Scenario {
        try ScenarioParser.parse(yaml: yaml, file: "scenario.yaml", catalogue: testCatalogue)
    }

    /// Parses `yaml` and returns the error message, or "" when it parsed.
    func message(_ yaml: String) -> String {
        do { _ = try parse(yaml); return "" } catch { return "\(error)" }
    }

    @Test func validFile() throws {
        let s = try parse(Self.valid)
        #expect(s.name == "Workforce expansion")
        #expect(s.baseYear == 2023 && s.horizon == 2030 && s.seed == 7 && s.draws == 1000)
        #expect(s.trends["stunting_u5_pct"] == TrendLeverSpec(lever: .accelerate(1.5), startYear: 2024, capLower: 0,
                                                               capUpper: 100))
        let doctors = try #require(s.resources[.doctors])
        #expect(doctors.attrition == 0.03)
        #expect(doctors.start == .density(10.5))
        #expect(doctors.hires == .constant(70))
        #expect(s.budget?.preventiveShare == 0.30)
    }

    @Test func unknownLever() {
        let m = message(Self.valid.replacingOccurrences(of: "{accelerate: 1.5,", with: "{speedup: 1.5,"))
        #expect(m.hasPrefix("scenario.yaml:6:21: trends.stunting_u5_pct: unknown lever (got \"speedup\"). Use one of: bau, aarr"), "\(m)")
    }

    @Test func negativeAttrition() {
        let m = message(Self.valid.replacingOccurrences(of: "attrition: 3%", with: "attrition: -0.02"))
        #expect(m == "scenario.yaml:11:16: resources.doctors.attrition: must be from 0 to below 1 (a fraction: 0.03 = 3 %) "
            + "(got \"-0.02\"). Write it as a fraction: 0.03 for 3 % (or \"3%\")", "\(m)")
    }

    @Test func attritionAtLeastOne() {
        let m = message(Self.valid.replacingOccurrences(of: "attrition: 3%", with: "attrition: 1.2"))
        #expect(m.hasPrefix("scenario.yaml:11:16: resources.doctors.attrition: must be from 0 to below 1 (a fraction: 0.03 = 3 %) "
            + "(got \"1.2\")"), "\(m)")
        let hundred = message(Self.valid.replacingOccurrences(of: "attrition: 3%", with: "attrition: 100%"))
        #expect(hundred.hasPrefix("scenario.yaml:11:16: resources.doctors.attrition: must be from 0 to below 1"), "\(hundred)")
        #expect(hundred.contains("(got \"100%\")"), "\(hundred)")
    }

    @Test func unknownIndicator() {
        let m = message(Self.valid.replacingOccurrences(of: "  stunting_u5_pct:", with: "  stunting_pct:"))
        #expect(m.hasPrefix("scenario.yaml:6:3: trends: unknown indicator (got \"stunting_pct\"). Did you mean stunting_u5_pct?"), "\(m)")
    }

    @Test func yearBeforeTheData() {
        let m = message(Self.valid.replacingOccurrences(of: "start_year: 2024", with: "start_year: 2019"))
        #expect(m == "scenario.yaml:6:50: trends.stunting_u5_pct.start_year: must be from 2023 to the horizon 2030 "
            + "(got \"2019\"). The scenario builds on data up to base_year 2023; use a later year", "\(m)")
        let values = message(Self.valid.replacingOccurrences(of: "{accelerate: 1.5, start_year: 2024, cap: [0, 100]}",
                                                             with: "{values: {2020: 18.0, 2030: 12.0}}"))
        #expect(values.hasPrefix("scenario.yaml:6:30: trends.stunting_u5_pct.values year: must be from 2024 to the horizon 2030 "
            + "(got \"2020\")"), "\(values)")
    }

    @Test func missingField() {
        let m = message(Self.valid.replacingOccurrences(of: "horizon: 2030\n", with: ""))
        #expect(m == "scenario.yaml:1:1: missing field `horizon`: add `horizon: 2030  # the last projected year`", "\(m)")
        let attrition = message(Self.valid.replacingOccurrences(of: "    attrition: 3%\n", with: ""))
        #expect(attrition.hasPrefix("scenario.yaml:9:5: missing field `attrition` in resources.doctors"), "\(attrition)")
    }

    @Test func yamlSyntaxError() {
        let m = message(Self.valid.replacingOccurrences(of: "cap: [0, 100]}", with: "cap: [0, 100}"))
        #expect(m.hasPrefix("scenario.yaml:6:"), "\(m)")
        #expect(m.contains("YAML syntax error:"), "\(m)")
        #expect(m.contains("Check indentation"), "\(m)")
    }

    @Test func capOutsideBounds() {
        let m = message(Self.valid.replacingOccurrences(of: "cap: [0, 100]", with: "cap: [0, 120]"))
        #expect(m.hasPrefix("scenario.yaml:6:65: trends.stunting_u5_pct.cap[1]: must be from 0 to 100 (stunting_u5_pct in its "
            + "unit: %) (got \"120\")"), "\(m)")
    }

    @Test func unknownTopLevelKeyAndCostsWithoutSource() {
        let m = message(Self.valid + "\nhorizn: 2030\n")
        #expect(m.hasPrefix("scenario.yaml:15:1: the scenario: unknown key (got \"horizn\"). Use one of: name,"), "\(m)")
        let c = message(Self.valid.replacingOccurrences(
            of: "    cost_source: \"illustrative, replace with the province's figures\"\n", with: ""))
        #expect(c.contains("gives unit costs without `cost_source`"), "\(c)")
    }

    @Test func hireListTooShort() {
        let m = message(Self.valid.replacingOccurrences(of: "hires: 70", with: "hires: [70, 70]"))
        #expect(m.hasPrefix("scenario.yaml:10:12: resources.doctors.hires: lists 2 value(s) but the scenario projects 7"), "\(m)")
    }
}
