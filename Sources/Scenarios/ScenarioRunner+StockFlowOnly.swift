import Foundation
import IndicatorData

// MARK: - A resource with no trend to build on

extension ScenarioRunner {
    /// A resource whose density indicator has no trend (no data for the region): with a start stock and
    /// `hires` the plain stock-flow model `StockFlow.run`, with Monte Carlo over attrition a_j = a + sd_a·z
    /// (clamped to [0, 0.999]) and growth g_j = g + sd_g·z (the population stream is shared by every resource);
    /// there is no business as usual to compare with, so no cost increment. Without both, not projected
    /// (the scorecard's "assessment not possible").
    func runStockFlowOnly(_ resource: Resource, spec: ResourceSpec, population: PopulationProjection) -> ResourceRun {
        let s = scenario
        let code = resource.indicator
        let reason = inputs.unassessable[code] ?? "no data to fit a trend"
        let start = startValue(resource, spec: spec, population: population, fit: nil)
        guard let hires = spec.hires, spec.start != nil else {
            let summary = ResourceSummary(
                resource: resource, startStock: start.stock, startStockSource: start.source,
                startStockDerivation: start.derivation, startDensity: .nan, endDensity: .nan,
                attrition: spec.attrition, attritionSD: spec.attritionSD, netHires: nil, netHiresSource: "",
                businessAsUsual: spec.isBusinessAsUsual, totalCost: 0, increment: nil, densityGain: nil,
                costSource: spec.costs.source)
            return ResourceRun(rows: [], projected: nil, summary: summary, notes: [
                "\(resource.rawValue): not projected: no \(code) trend (\(reason)) and no start stock with `hires` "
                    + "to run the stock-flow model on"])
        }
        let horizon = s.horizon - s.baseYear
        let parameters = StockFlowParameters(
            startStock: start.stock, hires: hires, attrition: spec.attrition + spec.attritionChange,
            pipelineDelay: spec.pipelineDelay, pipelineArrivals: spec.pipelineArrivals ?? 0)
        let centralPath = StockFlow.run(parameters, baseYear: s.baseYear, population: population.path(horizon: horizon))
        var attritionRNG = MonteCarloStreams.generator(seed: s.seed, label: "attrition:\(resource.rawValue)")
        var populationRNG = MonteCarloStreams.generator(seed: s.seed, label: "population")
        var draws: [Int: [Double]] = [:]
        for _ in 0..<s.draws {
            let za = MonteCarloStreams.normal(&attritionRNG), zg = MonteCarloStreams.normal(&populationRNG)
            var p = parameters
            p.attrition = min(0.999, max(0, parameters.attrition + spec.attritionSD * za))
            let growth = population.growth + population.growthSD * zg
            for row in StockFlow.run(p, baseYear: s.baseYear, population: population.path(horizon: horizon, growth: growth))
                .dropFirst() {
                draws[row.year, default: []].append(row.density)
            }
        }
        let method = "stock-flow \(resource.rawValue) (no \(code) trend to build on)"
        var rows: [ScenarioRow] = []
        var central: [Int: Double] = [:]
        for row in centralPath {
            central[row.year] = row.density
            if row.year == s.baseYear {
                rows.append(ScenarioRow(scenario: s.name, region: s.region, indicator: code, year: row.year,
                                        kind: "central", level: nil, value: row.density, method: method))
            } else {
                rows += intervalRows(indicator: code, year: row.year, central: row.density,
                                     draws: draws[row.year] ?? [], method: method)
            }
        }
        rows += pathRows(resource, path: centralPath, method: method)
        let costs = ResourceCosting.costs(of: centralPath, unitCosts: spec.costs)
        rows += costRows(resource, costs: costs, increment: nil, method: method)
        let summary = ResourceSummary(
            resource: resource, startStock: start.stock, startStockSource: start.source,
            startStockDerivation: start.derivation, startDensity: centralPath.first?.density ?? .nan,
            endDensity: centralPath.last?.density ?? .nan, attrition: spec.attrition, attritionSD: spec.attritionSD,
            netHires: nil, netHiresSource: "", businessAsUsual: false, totalCost: costs.last?.cumulative ?? 0,
            increment: nil, densityGain: nil, costSource: spec.costs.source)
        var notes = ["\(resource.rawValue): start stock in \(s.baseYear) \(start.derivation)"
                        + observedCount(resource, population: population),
                     "\(resource.rawValue): no \(code) trend (\(reason)): the plain stock-flow model from the start "
                        + "stock, with no business as usual to compare with (no cost increment)"]
        if spec.attritionSD == 0 {
            notes.append("\(resource.rawValue): attrition fixed at \(formatPercent(spec.attrition)) a year (no "
                + "attrition_sd in the file): its intervals carry population-growth uncertainty only; add "
                + "`attrition_sd: 0.01` to draw it")
        }
        return ResourceRun(rows: rows, projected: Projected(central: central, draws: draws, method: method),
                           summary: summary, notes: notes)
    }
}
