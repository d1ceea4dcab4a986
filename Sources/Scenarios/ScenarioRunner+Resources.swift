import Foundation
import IndicatorData
import Projection

// MARK: - Resources: business as usual is the scorecard's trend; levers change it

extension ScenarioRunner {
    /// What one resource contributes to a run.
    struct ResourceRun {
        var rows: [ScenarioRow]
        var projected: Projected?
        var summary: ResourceSummary
        var notes: [String]
    }

    /// The base-year stock and how it was obtained.
    struct StartValue {
        var stock: Double
        var source: String
        var derivation: String
    }

    /// Runs one resource.
    ///
    /// With a trend for the resource's density indicator (the scorecard's fit), business as usual is that
    /// trend: `runTrend` with the `bau` lever, the same predictive distribution, intervals and analytic P as
    /// `chitieu attain`. A lever is a `ResourceChange` of that path (see its formulas): per Monte Carlo draw j,
    /// the BAU density D_j(t) (the trend's draw, stream `trend:<code>`), the population P_j(t) (growth
    /// g + sd_g·z, stream `population`, shared by every resource) and the attrition a_j (a + sd_a·z, stream
    /// `attrition:<resource>`) give S_j(t) = D_j(t)·P_j(t)/10⁴, Δ_j and D′_j(t) = D_j(t) + 10⁴·Δ_j(t)/P_j(t).
    /// Business as usual and the lever use the same draws (common random numbers), so D′_j ≥ D_j draw by draw
    /// for any lever that adds staff. The lever's median, intervals and P(attain) use business as usual as a
    /// control variate (`ControlVariate`): the analytic BAU value plus the paired Monte Carlo difference.
    ///
    /// Without a trend, a resource with a start stock and `hires` runs the plain stock-flow model
    /// (`StockFlow.run`) with Monte Carlo over attrition and population; otherwise it is not projected.
    func runResource(_ resource: Resource, spec: ResourceSpec, population: PopulationProjection) -> ResourceRun {
        guard let fit = inputs.fits[resource.indicator] else {
            return runStockFlowOnly(resource, spec: spec, population: population)
        }
        let s = scenario
        let code = resource.indicator
        let base = resourceBase(resource, spec: spec, fit: fit, population: population)
        var notes = base.notes
        var projected = base.bau.projected
        var rows = base.isBAU ? base.bau.rows : []
        if !base.isBAU {
            notes.append("\(resource.rawValue): the lever adds \(describe(base.change)) to business as usual; median, "
                + "intervals and P(attain) are the analytic business-as-usual values plus the paired Monte Carlo "
                + "difference (common random numbers)")
            if spec.attritionSD == 0 {
                notes.append("\(resource.rawValue): attrition fixed at \(formatPercent(spec.attrition)) a year (no "
                    + "attrition_sd in the file): the lever's part carries no attrition uncertainty; add "
                    + "`attrition_sd: 0.01` to draw it")
            }
            projected = leverProjection(resource, change: base.change, spec: spec, bau: base.bau.projected,
                                        start: base.start, population: population)
            for year in s.years { rows += controlledIntervalRows(indicator: code, year: year, projected: projected) }
        }
        let delta = base.change.stockChange(bauStock: base.bauStock, attrition: spec.attrition)
        let paths = centralPaths(bauStock: base.bauStock, delta: delta, population: base.people,
                                 attrition: spec.attrition, leverAttrition: base.change.leverAttrition(spec.attrition))
        rows.insert(ScenarioRow(scenario: s.name, region: s.region, indicator: code, year: s.baseYear, kind: "central",
                                level: nil, value: 1e4 * base.start.stock / base.people[0], method: projected.method), at: 0)
        rows += pathRows(resource, path: paths.lever, method: projected.method)
        let costs = ResourceCosting.costs(of: paths.lever, unitCosts: spec.costs)
        let increment = spec.costs.isZero ? nil
            : incrementalCost(scenario: costs, bau: ResourceCosting.costs(of: paths.bau, unitCosts: spec.costs))
        rows += costRows(resource, costs: costs, increment: increment, method: projected.method)
        let endMedian = reportedMedian(projected, year: s.horizon)
        let summary = ResourceSummary(
            resource: resource, startStock: base.start.stock, startStockSource: base.start.source,
            startStockDerivation: base.start.derivation, startDensity: 1e4 * base.start.stock / base.people[0],
            endDensity: endMedian ?? .nan, attrition: spec.attrition, attritionSD: spec.attritionSD,
            netHires: base.netHires, netHiresSource: base.netHiresSource, businessAsUsual: base.isBAU,
            totalCost: costs.last?.cumulative ?? 0, increment: increment,
            densityGain: endMedian.map { $0 - (base.bau.projected.central[s.horizon] ?? .nan) },
            costSource: spec.costs.source)
        return ResourceRun(rows: rows, projected: projected, summary: summary, notes: notes)
    }

    /// Business as usual of a resource and the lever read against it.
    struct ResourceBase {
        var bau: (rows: [ScenarioRow], projected: Projected)
        var start: StartValue
        /// Central population P_0 … P_T.
        var people: [Double]
        /// S_0 (the start stock) and S_t = BAU median density × central population / 10⁴.
        var bauStock: [Double]
        var netHires: Double
        var netHiresSource: String
        var change: ResourceChange
        var isBAU: Bool
        var notes: [String]
    }

    func resourceBase(_ resource: Resource, spec: ResourceSpec, fit: TrendFit,
                      population: PopulationProjection) -> ResourceBase {
        let s = scenario
        let code = resource.indicator
        let isBAU = spec.isBusinessAsUsual
        // The trend's draws are needed only as the lever's control variate.
        let bau = runTrend(code: code, fit: fit, spec: .bau, targets: [], draws: !isBAU)
        let start = startValue(resource, spec: spec, population: population, fit: fit)
        let people = population.path(horizon: s.horizon - s.baseYear)
        let medians = s.years.map { bau.projected.central[$0] ?? .nan }
        let bauStock = [start.stock] + zip(medians, people.dropFirst()).map { $0 * $1 / 1e4 }
        let (hBar, hSource) = netHires(resource, spec: spec, population: population, start: start,
                                       bauEnd: bauStock.last ?? .nan)
        let change = resourceChange(spec, netHires: hBar)
        let notes = ["\(resource.rawValue): start stock in \(s.baseYear) \(start.derivation)"
                        + observedCount(resource, population: population),
                     "\(resource.rawValue): business as usual is the \(code) trend (\(fit.modelLabel)), as in the "
                        + "scorecard; it stands for a net intake h̄ = ΔS + a·S = \(format(rounded(hBar))) a year at "
                        + "attrition \(formatPercent(spec.attrition)) (\(hSource))"]
        return ResourceBase(bau: bau, start: start, people: people, bauStock: bauStock, netHires: hBar,
                            netHiresSource: hSource, change: change, isBAU: isBAU || change.isNull, notes: notes)
    }

    /// The lever relative to business as usual: extra intake E_t = `extra_hires`, or `hires` − h̄, or 0;
    /// `pipeline_arrivals` − h̄ for the years before the delay.
    func resourceChange(_ spec: ResourceSpec, netHires hBar: Double) -> ResourceChange {
        let years = scenario.horizon - scenario.baseYear
        var extra = [Double](repeating: 0, count: max(0, years))
        if let e = spec.extraHires {
            extra = (1...max(1, years)).prefix(years).map { e.intake(year: $0) }
        } else if let h = spec.hires {
            extra = (1...max(1, years)).prefix(years).map { h.intake(year: $0) - hBar }
        }
        return ResourceChange(extraIntake: extra, attritionChange: spec.attritionChange,
                              pipelineDelay: spec.pipelineDelay,
                              arrivalsChange: spec.pipelineArrivals.map { $0 - hBar } ?? 0)
    }

    /// "+25 a year from 2024, attrition −1.00 pt" for the notes.
    func describe(_ change: ResourceChange) -> String {
        var parts: [String] = []
        let extra = change.extraIntake
        if let first = extra.first, extra.allSatisfy({ $0 == first }), first != 0 {
            parts.append("\(first > 0 ? "+" : "")\(format(rounded(first))) entrants a year")
        } else if extra.contains(where: { $0 != 0 }) {
            parts.append("entrants by year " + extra.map { format(rounded($0)) }.joined(separator: ", "))
        }
        if change.pipelineDelay > 0 {
            parts.append("after a pipeline delay of \(change.pipelineDelay) year(s)")
        }
        if change.attritionChange != 0 {
            parts.append("attrition \(change.attritionChange > 0 ? "+" : "−")\(formatPercent(abs(change.attritionChange)))")
        }
        return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
    }

    /// The lever's draws and central path on top of business as usual.
    func leverProjection(_ resource: Resource, change: ResourceChange, spec: ResourceSpec, bau: Projected,
                         start: StartValue, population: PopulationProjection) -> Projected {
        let s = scenario
        let years = s.years
        let horizon = s.horizon - s.baseYear
        var attritionRNG = MonteCarloStreams.generator(seed: s.seed, label: "attrition:\(resource.rawValue)")
        var populationRNG = MonteCarloStreams.generator(seed: s.seed, label: "population")
        let bauDraws = years.map { bau.draws[$0] ?? [] }
        var draws = [[Double]](repeating: [], count: years.count)
        for i in years.indices { draws[i].reserveCapacity(s.draws) }
        var stock = [Double](repeating: start.stock, count: horizon + 1)
        for j in 0..<s.draws {
            let za = MonteCarloStreams.normal(&attritionRNG), zg = MonteCarloStreams.normal(&populationRNG)
            let a = min(0.999, max(0, spec.attrition + spec.attritionSD * za))
            let people = population.path(horizon: horizon, growth: population.growth + population.growthSD * zg)
            for i in years.indices { stock[i + 1] = bauDraws[i][j] * people[i + 1] / 1e4 }
            let delta = change.stockChange(bauStock: stock, attrition: a)
            for i in years.indices {
                draws[i].append(cap(bauDraws[i][j] + 1e4 * delta[i + 1] / people[i + 1], bau))
            }
        }
        let people = population.path(horizon: horizon)
        var bauStock = [start.stock]
        for (i, year) in years.enumerated() { bauStock.append((bau.central[year] ?? .nan) * people[i + 1] / 1e4) }
        let delta = change.stockChange(bauStock: bauStock, attrition: spec.attrition)
        var out = Projected(central: [:], draws: [:], method: "stock-flow change on \(bau.method)",
                            lower: bau.lower, upper: bau.upper)
        for (i, year) in years.enumerated() {
            out.central[year] = cap((bau.central[year] ?? .nan) + 1e4 * delta[i + 1] / people[i + 1], bau)
            out.draws[year] = draws[i]
            if let p = bau.predictive[year], let control = bau.draws[year] {
                out.control[year] = ControlVariate(predictive: p, control: control, draws: draws[i])
            }
        }
        return out
    }

    func cap(_ x: Double, _ p: Projected) -> Double { Swift.min(Swift.max(x, p.lower), p.upper) }

    /// The median a projection reports for `year`: control-variate, analytic, or the draws' median.
    func reportedMedian(_ p: Projected, year: Int) -> Double? {
        if let c = p.control[year] { return cap(c.quantile(0.5), p) }
        if let predictive = p.predictive[year] { return cap(predictive.median, p) }
        guard let d = p.draws[year], !d.isEmpty else { return nil }
        return quantile(sorted: d.filter { !$0.isNaN }.sorted(), 0.5)
    }

    /// central and 80 %/95 % lower/upper rows from the control-variate quantiles.
    func controlledIntervalRows(indicator: String, year: Int, projected p: Projected) -> [ScenarioRow] {
        let s = scenario
        var out = [ScenarioRow(scenario: s.name, region: s.region, indicator: indicator, year: year, kind: "central",
                               level: nil, value: p.central[year] ?? .nan, method: p.method)]
        guard let c = p.control[year] else { return out }
        for level in [80, 95] {
            let tail = (1 - Double(level) / 100) / 2
            for (kind, q) in [("lower", tail), ("upper", 1 - tail)] {
                out.append(ScenarioRow(scenario: s.name, region: s.region, indicator: indicator, year: year,
                                       kind: kind, level: level, value: cap(c.quantile(q), p),
                                       method: p.method + "; control variate", isMonteCarlo: true))
            }
        }
        return out
    }

    func rounded(_ x: Double) -> Double { (x * 10).rounded() / 10 }
}
