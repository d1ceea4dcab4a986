import Foundation
import IndicatorData
import Projection

// MARK: - Start stock, net hiring, central paths and costs of a resource

extension ScenarioRunner {
    /// The base-year stock: the file's `start_stock`/`start_density` if given, else the data's head count in
    /// the base year, else the observed density there × population, else the trend's base-year median ×
    /// population (S₀ = D₀·P₀/10⁴).
    func startValue(_ resource: Resource, spec: ResourceSpec, population: PopulationProjection,
                    fit: TrendFit?) -> StartValue {
        let s = scenario
        let p0 = population.base
        let fitted = population.model == "given" ? "" : "fitted "
        func derived(_ density: Double, _ what: String) -> StartValue {
            let stock = density * p0 / 1e4
            return StartValue(stock: stock, source: "derived from density × population",
                              derivation: "\(format(rounded(stock))) = \(what) \(format(density)) per 10,000 × "
                                  + "\(fitted)\(s.baseYear) population \(format(p0.rounded())) / 10,000")
        }
        switch spec.start {
        case .stock(let stock)?:
            return StartValue(stock: stock, source: "given", derivation: "\(format(stock)) given in the scenario file")
        case .density(let density)?:
            return derived(density, "density")
        case nil:
            break
        }
        if let code = resource.countIndicator, let count = inputs.series[code]?.value(in: s.baseYear) {
            return StartValue(stock: count, source: "data: \(code)",
                              derivation: "\(format(count)) = the data's \(code) in \(s.baseYear)")
        }
        if let density = inputs.series[resource.indicator]?.value(in: s.baseYear) {
            return derived(density, "observed density")
        }
        let median = fit?.predictive(year: s.baseYear).median ?? .nan
        return derived(median, "the trend's median density")
    }

    /// h̄, the net yearly intake of business as usual (`NetHires.implied`), and where it comes from: the
    /// history of the head count, else of density × population (the first and last observed years), else
    /// the business-as-usual median path from the start stock to the horizon.
    func netHires(_ resource: Resource, spec: ResourceSpec, population: PopulationProjection, start: StartValue,
                  bauEnd: Double) -> (Double, String) {
        let a = spec.attrition
        func history(_ series: Series?, _ stock: (Observation) -> Double, _ what: String) -> (Double, String)? {
            guard let obs = series?.observations, obs.count >= 2, let first = obs.first, let last = obs.last,
                  let h = NetHires.implied(from: (first.year, stock(first)), to: (last.year, stock(last)), attrition: a)
            else { return nil }
            return (h, "net hiring implied by the history of \(what), \(first.year)–\(last.year)")
        }
        if let code = resource.countIndicator, let h = history(inputs.series[code], { $0.value }, code) {
            return h
        }
        if let h = history(inputs.series[resource.indicator],
                           { $0.value * population.population(in: $0.year) / 1e4 },
                           "\(resource.indicator) × population") {
            return h
        }
        let s = scenario
        let h = NetHires.implied(from: (s.baseYear, start.stock), to: (s.horizon, bauEnd), attrition: a) ?? .nan
        return (h, "fewer than two observed years: implied by the business-as-usual median path \(s.baseYear)–\(s.horizon)")
    }

    /// Central stock-flow years of business as usual (S_t = median density × central population) and of the
    /// lever (S_t + Δ_t), with net entrants A_t = S_t − (1 − a)·S_{t−1} and leavers a·S_{t−1}.
    func centralPaths(bauStock: [Double], delta: [Double], population: [Double], attrition a: Double,
                      leverAttrition aLever: Double) -> (bau: [StockFlowYear], lever: [StockFlowYear]) {
        func path(_ stock: [Double], _ rate: Double) -> [StockFlowYear] {
            stock.indices.map { t in
                let previous = t > 0 ? stock[t - 1] : stock[0]
                let leavers = t > 0 ? rate * previous : 0
                return StockFlowYear(year: scenario.baseYear + t, entrants: t > 0 ? stock[t] - (previous - leavers) : 0,
                                     leavers: leavers, stock: stock[t], population: population[t],
                                     density: 1e4 * stock[t] / population[t])
            }
        }
        let lever = zip(bauStock, delta).map { $0 + $1 }
        return (path(bauStock, a), path(lever, aLever))
    }

    /// stock, entrants, leavers and population rows of a central path (base year included for the stock).
    func pathRows(_ resource: Resource, path: [StockFlowYear], method: String) -> [ScenarioRow] {
        var rows: [ScenarioRow] = []
        for row in path {
            for (name, kind, value) in [(resource.rawValue, "stock", row.stock), (resource.rawValue, "entrants", row.entrants),
                                        (resource.rawValue, "leavers", row.leavers), ("population", "central", row.population)] {
                rows.append(ScenarioRow(scenario: scenario.name, region: scenario.region, indicator: name, year: row.year,
                                        kind: kind, level: nil, value: value, method: method))
            }
        }
        return rows
    }

    /// The increment of the scenario's costs over business as usual's, year by year.
    func incrementalCost(scenario costs: [ResourceCostYear], bau: [ResourceCostYear]) -> IncrementalCost {
        IncrementalCost(baseYear: scenario.baseYear, years: costs.map(\.year),
                        annual: zip(costs, bau).map { $0.total - $1.total }, discountRate: scenario.discountRate)
    }

    /// cost_stock, cost_entry, cost_total, cost_cumulative and, with a business-as-usual to compare with,
    /// cost_increment, cost_increment_cumulative and cost_increment_discounted (cumulative present value).
    func costRows(_ resource: Resource, costs: [ResourceCostYear], increment: IncrementalCost?,
                  method: String) -> [ScenarioRow] {
        var rows: [ScenarioRow] = []
        func add(_ year: Int, _ kind: String, _ value: Double) {
            rows.append(ScenarioRow(scenario: scenario.name, region: scenario.region, indicator: resource.rawValue,
                                    year: year, kind: kind, level: nil, value: value, method: method))
        }
        for c in costs {
            add(c.year, "cost_stock", c.stockCost)
            add(c.year, "cost_entry", c.entryCost)
            add(c.year, "cost_total", c.total)
            add(c.year, "cost_cumulative", c.cumulative)
        }
        if let increment {
            let cumulative = increment.cumulative, discounted = increment.discountedCumulative
            for (i, year) in increment.years.enumerated() {
                add(year, "cost_increment", increment.annual[i])
                add(year, "cost_increment_cumulative", cumulative[i])
                add(year, "cost_increment_discounted", discounted[i])
            }
        }
        return rows
    }

    /// ", data: 539 physicians_count in 2024 = 8.91 per 10,000 at the modelled 2024 population" when the data
    /// hold a head count for the resource, so a disagreement with the density-derived stock is visible.
    func observedCount(_ resource: Resource, population: PopulationProjection) -> String {
        guard let code = resource.countIndicator, let count = inputs.series[code],
              let last = count.observations.last else { return "" }
        let density = 1e4 * last.value / population.population(in: last.year)
        return "; the data's \(code) is \(format(last.value)) in \(last.year) = "
            + String(format: "%.2f", density) + " per 10,000 at the modelled \(last.year) population"
    }
}
