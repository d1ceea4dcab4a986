import Foundation
import IndicatorData
import Projection
import Statistics

extension ScenarioRunner {
    // MARK: - Trend levers

    /// Central path from the lever; Monte Carlo around it on the model scale:
    ///
    ///     σ_j = σ̂·√(ν/χ²_ν),  β_j − β̂ = σ_j·L·(z₁, z₂)ᵀ with LLᵀ = (XᵀWX)⁻¹,
    ///     dev_j(t) = k(h)·(Δa + Δb·(t − anchor) + √(σ_j² + extra)·ε_t),   y_j(t) = g⁻¹(g(central_t) + dev_j(t))
    ///
    /// — the posterior predictive of the normal linear model under the flat prior, whose marginal is the
    /// Student-t prediction interval of `TrendFit.predictive` (Gelman et al., "Bayesian Data Analysis", 3rd
    /// ed., §14.2), times the interval calibration factor k(h). The lever moves the centre; the trend's
    /// uncertainty around it is kept (an accelerated or capped path is as uncertain as the trend it modifies).
    func runTrend(code: String, fit: TrendFit, spec: TrendLeverSpec, targets: [Target])
        -> (rows: [ScenarioRow], projected: Projected) {
        let years = scenario.years
        let entry = inputs.catalogue[code]
        let path = LeverPath(fit: fit, spec: spec, years: years, observed: inputs.series[code], targets: targets,
                             bounds: (entry?.lowerBound, entry?.upperBound))
        // Cholesky of the 2×2 unscaled covariance, read back from the leverage x₀ᵀCx₀ at t = 0, ±1.
        let c00 = max(0, fit.leverage(year: fit.anchorYear))
        let lPlus = fit.leverage(year: fit.anchorYear + 1), lMinus = fit.leverage(year: fit.anchorYear - 1)
        let c11 = max(0, (lPlus + lMinus) / 2 - c00), c01 = (lPlus - lMinus) / 4
        let l00 = c00.squareRoot()
        let l10 = l00 > 0 ? c01 / l00 : 0
        let l11 = max(0, c11 - l10 * l10).squareRoot()
        var rng = MonteCarloStreams.generator(seed: scenario.seed, label: "trend:\(code)")
        var draws: [Int: [Double]] = [:]
        for year in years { draws[year] = [] ; draws[year]?.reserveCapacity(scenario.draws) }
        for _ in 0..<scenario.draws {
            let z1 = MonteCarloStreams.normal(&rng), z2 = MonteCarloStreams.normal(&rng)
            var sigma = fit.sigma
            if let chi = MonteCarloStreams.chiSquare(degreesOfFreedom: fit.degreesOfFreedom, &rng), chi > 0 {
                sigma = fit.sigma * (fit.degreesOfFreedom / chi).squareRoot()
            }
            let da = sigma * l00 * z1
            let db = sigma * (l10 * z1 + l11 * z2)
            let noise = (sigma * sigma + fit.extraVariance).squareRoot()
            for year in years {
                let eps = MonteCarloStreams.normal(&rng)
                let k = fit.calibration.factor(horizon: year - fit.anchorYear)
                let dev = k * (da + db * Double(year - fit.anchorYear) + noise * eps)
                draws[year]?.append(path.perturbed(year: year, deviation: dev))
            }
        }
        let method = spec.lever == .bau ? "bau: \(fit.modelLabel)" : "\(spec.lever) on \(fit.modelLabel)"
        var rows: [ScenarioRow] = []
        for year in years {
            rows += intervalRows(indicator: code, year: year, central: path.central[year] ?? .nan,
                                 draws: draws[year] ?? [], method: method)
        }
        return (rows, Projected(central: path.central, draws: draws, method: method))
    }

    // MARK: - Resources

    /// Stock-flow at the central parameters, and per draw with attrition a_j = a + sd_a·z (clamped to
    /// [0, 0.999]) and growth g_j = g + sd_g·z (the population stream is shared by every resource, so the
    /// densities of one draw use the same population).
    func runResource(_ resource: Resource, spec: ResourceSpec, population: PopulationProjection)
        -> (rows: [ScenarioRow], projected: Projected, summary: ResourceSummary, notes: [String]) {
        let s = scenario
        let horizon = s.horizon - s.baseYear
        let startStock: Double
        let stockSource: String
        var notes: [String] = []
        switch spec.start {
        case .stock(let stock):
            startStock = stock
            stockSource = "given"
        case .density(let density):
            startStock = density * population.base / 1e4
            stockSource = "derived from density × population"
            notes.append("\(resource.rawValue): start stock \(format((startStock * 10).rounded() / 10)) in \(s.baseYear) "
                + "derived from density \(format(density)) per 10,000 × population \(Int(population.base.rounded()))")
        }
        let parameters = StockFlowParameters(startStock: startStock, hires: spec.hires, attrition: spec.attrition,
                                             pipelineDelay: spec.pipelineDelay, pipelineArrivals: spec.pipelineArrivals)
        let centralPath = StockFlow.run(parameters, baseYear: s.baseYear, population: population.path(horizon: horizon))
        let costs = ResourceCosting.costs(of: centralPath, unitCosts: spec.costs)

        var attritionRNG = MonteCarloStreams.generator(seed: s.seed, label: "attrition:\(resource.rawValue)")
        var populationRNG = MonteCarloStreams.generator(seed: s.seed, label: "population")
        var draws: [Int: [Double]] = [:]
        for _ in 0..<s.draws {
            let za = MonteCarloStreams.normal(&attritionRNG), zg = MonteCarloStreams.normal(&populationRNG)
            var p = parameters
            p.attrition = min(0.999, max(0, spec.attrition + spec.attritionSD * za))
            let growth = population.growth + population.growthSD * zg
            for row in StockFlow.run(p, baseYear: s.baseYear, population: population.path(horizon: horizon, growth: growth))
                .dropFirst() {
                draws[row.year, default: []].append(row.density)
            }
        }
        let indicator = resource.indicator
        let method = "stock-flow \(resource.rawValue)"
        var rows: [ScenarioRow] = []
        func add(_ name: String, _ year: Int, _ kind: String, _ value: Double) {
            rows.append(ScenarioRow(scenario: s.name, region: s.region, indicator: name, year: year, kind: kind,
                                    level: nil, value: value, method: method))
        }
        var central: [Int: Double] = [:]
        for row in centralPath {
            central[row.year] = row.density
            add(resource.rawValue, row.year, "stock", row.stock)
            add(resource.rawValue, row.year, "entrants", row.entrants)
            add(resource.rawValue, row.year, "leavers", row.leavers)
            add("population", row.year, "central", row.population)
            if row.year == s.baseYear {
                add(indicator, row.year, "central", row.density)
            } else {
                rows += intervalRows(indicator: indicator, year: row.year, central: row.density,
                                     draws: draws[row.year] ?? [], method: method)
            }
        }
        for c in costs {
            add(resource.rawValue, c.year, "cost_stock", c.stockCost)
            add(resource.rawValue, c.year, "cost_entry", c.entryCost)
            add(resource.rawValue, c.year, "cost_total", c.total)
            add(resource.rawValue, c.year, "cost_cumulative", c.cumulative)
        }
        let summary = ResourceSummary(
            resource: resource, startStock: startStock, startStockSource: stockSource,
            startDensity: centralPath.first?.density ?? .nan, endDensity: centralPath.last?.density ?? .nan,
            totalCost: costs.last?.cumulative ?? 0,
            costPerDensityPoint: ResourceCosting.costPerDensityPoint(path: centralPath, costs: costs),
            costSource: spec.costs.source)
        return (rows, Projected(central: central, draws: draws, method: method), summary, notes)
    }

    // MARK: - Budget

    /// The preventive share is a policy choice, not a forecast: its path is the lever's value every year,
    /// with no uncertainty (P(attain) is 0 or 1).
    func runBudget(_ budget: BudgetSpec) -> (rows: [ScenarioRow], projected: Projected) {
        let s = scenario
        var rows: [ScenarioRow] = []
        var central: [Int: Double] = [:]
        var draws: [Int: [Double]] = [:]
        let method = "budget lever"
        for (i, year) in s.years.enumerated() {
            let amount = budget.annual.intake(year: i + 1)
            let share = 100 * budget.preventiveShare
            central[year] = share
            draws[year] = Array(repeating: share, count: s.draws)
            for (name, kind, value) in [("budget", "budget", amount),
                                        ("budget", "preventive_spending", amount * budget.preventiveShare),
                                        ("preventive_budget_share_pct", "central", share)] {
                rows.append(ScenarioRow(scenario: s.name, region: s.region, indicator: name, year: year, kind: kind,
                                        level: nil, value: value, method: method))
            }
        }
        return (rows, Projected(central: central, draws: draws, method: method))
    }
}
