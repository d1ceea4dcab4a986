import Foundation
import IndicatorData
import Projection
import Statistics

/// Runs a scenario: trend levers for outcome indicators, stock-flow for resources, the budget lever, Monte
/// Carlo over trend coefficients and new-observation noise, attrition and population growth; then the
/// probability of attaining each target.
public struct ScenarioRunner: Sendable {
    public let scenario: Scenario
    public let inputs: ScenarioInputs

    public init(scenario: Scenario, inputs: ScenarioInputs) {
        self.scenario = scenario
        self.inputs = inputs
    }

    /// Draws by (indicator, year), and the central path.
    struct Projected {
        var central: [Int: Double]
        var draws: [Int: [Double]]
        var method: String
    }

    // MARK: - Run

    /// - Parameter progress: called with (done, total) after each indicator or resource.
    /// - Throws: `ScenarioError` when the population cannot be projected or a lever year precedes the data.
    public func run(progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> ScenarioResult {
        let s = scenario
        let population = try resolvePopulation()
        var rows: [ScenarioRow] = []
        var projected: [String: Projected] = [:]
        var notes: [String] = [population.label]
        var summaries: [ResourceSummary] = []
        let targetsByIndicator = inputs.numericTargets(region: s.region)

        // Which indicators get a trend projection: every numeric target's and every lever's indicator,
        // except those a resource or the budget lever determines.
        var determined = Set(s.resources.keys.map(\.indicator))
        if s.budget != nil { determined.insert("preventive_budget_share_pct") }
        let trendCodes = Set(targetsByIndicator.keys).union(s.trends.keys).subtracting(determined).sorted()
        let total = trendCodes.count + s.resources.count
        var done = 0

        for resource in s.resources.keys.sorted() {
            guard let spec = s.resources[resource] else { continue }
            let out = runResource(resource, spec: spec, population: population)
            rows += out.rows
            projected[resource.indicator] = out.projected
            summaries.append(out.summary)
            notes += out.notes
            done += 1
            progress?(done, total)
        }
        if let budget = s.budget {
            let out = runBudget(budget)
            rows += out.rows
            projected["preventive_budget_share_pct"] = out.projected
        }
        for code in trendCodes {
            defer { done += 1; progress?(done, total) }
            guard let fit = inputs.fits[code] else {
                let reason = inputs.unassessable[code] ?? "no data to fit a trend"
                notes.append("\(code): not projected (\(reason))")
                continue
            }
            let spec = s.trends[code] ?? .bau
            if let start = spec.startYear, let last = inputs.series[code]?.lastYear, start < last,
               spec.lever != .bau {
                notes.append("\(code): start_year \(start) is before the last observation (\(last)); "
                    + "the lever overrides observed years from \(start) on")
            }
            let out = runTrend(code: code, fit: fit, spec: spec, targets: targetsByIndicator[code] ?? [])
            rows += out.rows
            projected[code] = out.projected
        }

        let attainment = attain(projected: projected, targets: targetsByIndicator)
        let costed = summaries.filter { $0.totalCost > 0 }
        for summary in costed where summary.costSource.lowercased().contains("illustrative") {
            notes.append("\(summary.resource.rawValue) unit costs are ILLUSTRATIVE (\(summary.costSource)); "
                + "replace them with the province's figures before using the totals")
        }
        return ScenarioResult(
            name: s.name, description: s.description, region: s.region, seed: s.seed, draws: s.draws,
            baseYear: s.baseYear, horizon: s.horizon, population: population, rows: rows, attainment: attainment,
            resources: summaries, currency: s.budget?.currency ?? "VND", notes: notes)
    }

    // MARK: - Population

    func resolvePopulation() throws -> PopulationProjection {
        let s = scenario
        switch s.population {
        case .series(let code):
            guard let series = inputs.series[code] else {
                throw ScenarioError.missingData(
                    "no `\(code)` series for \(s.region) in the data; give `population: {growth: 0.012, base: …}` "
                        + "or add the series")
            }
            return try PopulationProjection.logLinear(series, baseYear: s.baseYear)
        case .growth(let base, let rate, let sd):
            if let base {
                return PopulationProjection(base: base, baseYear: s.baseYear, growth: rate, growthSD: sd,
                                            label: "population \(Int(base.rounded())) in \(s.baseYear) (given), "
                                                + "growth \(formatPercent(rate)) a year (given)")
            }
            guard let series = inputs.series["population_avg"] else {
                throw ScenarioError.missingData(
                    "population growth is given but not the base-year population, and the data have no population_avg "
                        + "series for \(s.region); add `base:` under population")
            }
            let fitted = try PopulationProjection.logLinear(series, baseYear: s.baseYear)
            return PopulationProjection(base: fitted.base, baseYear: s.baseYear, growth: rate, growthSD: sd,
                                        label: "population \(Int(fitted.base.rounded())) in \(s.baseYear) "
                                            + "(log-linear fit to population_avg), growth \(formatPercent(rate)) a year (given)")
        }
    }

    // MARK: - Summaries of draws

    /// central, and lower/upper rows at 80 % and 95 % from the draws.
    func intervalRows(indicator: String, year: Int, central: Double, draws: [Double], method: String) -> [ScenarioRow] {
        var out = [ScenarioRow(scenario: scenario.name, region: scenario.region, indicator: indicator, year: year,
                               kind: "central", level: nil, value: central, method: method)]
        let sorted = draws.filter { !$0.isNaN }.sorted()
        guard !sorted.isEmpty else { return out }
        for level in [80, 95] {
            let tail = (1 - Double(level) / 100) / 2
            out.append(ScenarioRow(scenario: scenario.name, region: scenario.region, indicator: indicator, year: year,
                                   kind: "lower", level: level, value: quantile(sorted: sorted, tail), method: method))
            out.append(ScenarioRow(scenario: scenario.name, region: scenario.region, indicator: indicator, year: year,
                                   kind: "upper", level: level, value: quantile(sorted: sorted, 1 - tail), method: method))
        }
        return out
    }

    // MARK: - Attainment

    /// P(attain) = share of draws meeting the target (`Comparator.isMet`, hold targets within half a unit of
    /// the printed precision), for targets after the base year and up to the horizon.
    func attain(projected: [String: Projected], targets: [String: [Target]]) -> [ScenarioAttainment] {
        var out: [ScenarioAttainment] = []
        for code in targets.keys.sorted() {
            guard let p = projected[code] else { continue }
            for t in (targets[code] ?? []).sorted(by: { $0.year < $1.year }) {
                guard let value = t.value, let comparator = t.comparator, let central = p.central[t.year],
                      let draws = p.draws[t.year], !draws.isEmpty else { continue }
                let tol = t.holdTolerance
                let met = draws.filter { comparator.isMet($0, target: value, tolerance: tol) }.count
                let sorted = draws.sorted()
                out.append(ScenarioAttainment(
                    scenario: scenario.name, indicator: code, planRow: t.planRow, year: t.year, targetText: t.text,
                    comparator: comparator, target: value, central: central,
                    lower80: quantile(sorted: sorted, 0.1), upper80: quantile(sorted: sorted, 0.9),
                    probability: Double(met) / Double(draws.count),
                    centralMeets: comparator.isMet(central, target: value, tolerance: tol), method: p.method))
            }
        }
        return out
    }
}
