import Foundation
import IndicatorData
import Projection
import Statistics

extension ScenarioRunner {
    // MARK: - Trend levers

    /// Central path from the lever; Monte Carlo around it on the model scale:
    ///
    ///     m_j = √(ν/χ²_ν),  (Δa, Δb)ᵀ = σ̂·L·(z₁, z₂)ᵀ with LLᵀ = (XᵀWX)⁻¹,
    ///     dev_j(t) = m_j·k(h)·(Δa + Δb·(t − anchor) + √(σ̂² + extra)·ε_t),   y_j(t) = g⁻¹(c_t + dev_j(t))
    ///
    /// with c_t the lever's centre on the model scale and ν the predictive's degrees of freedom (the
    /// calibration's ν when it fits one, else n − 2). Given m_j the deviation is normal with variance
    /// m_j²k²(σ̂²(1 + x₀ᵀ(XᵀWX)⁻¹x₀) + extra), so its marginal is exactly the Student-t predictive of
    /// `TrendFit.predictive` (a normal scale mixture with inverse-χ² mixing; Gelman et al., "Bayesian Data
    /// Analysis", 3rd ed., §14.2), and years share the coefficient draw. The lever moves the centre; the trend's
    /// uncertainty around it is kept (an accelerated or capped path is as uncertain as the trend it modifies).
    /// Interval rows are the predictive's analytic quantiles (capped: capping is monotone, so it commutes
    /// with quantiles); the draws serve P(attain) where the analytic form does not apply.
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
        let df = fit.calibration.degreesOfFreedom(residual: fit.degreesOfFreedom)
        var rng = MonteCarloStreams.generator(seed: scenario.seed, label: "trend:\(code)")
        var draws: [Int: [Double]] = [:]
        for year in years { draws[year] = [] ; draws[year]?.reserveCapacity(scenario.draws) }
        let noise = (fit.sigma * fit.sigma + fit.extraVariance).squareRoot()
        for _ in 0..<scenario.draws {
            let z1 = MonteCarloStreams.normal(&rng), z2 = MonteCarloStreams.normal(&rng)
            var mix = 1.0
            if let chi = MonteCarloStreams.chiSquare(degreesOfFreedom: df, &rng), chi > 0 {
                mix = (df / chi).squareRoot()
            }
            let da = fit.sigma * l00 * z1
            let db = fit.sigma * (l10 * z1 + l11 * z2)
            for year in years {
                let eps = MonteCarloStreams.normal(&rng)
                let k = fit.calibration.factor(horizon: year - fit.anchorYear)
                let dev = mix * k * (da + db * Double(year - fit.anchorYear) + noise * eps)
                draws[year]?.append(path.perturbed(year: year, deviation: dev))
            }
        }
        let method = spec.lever == .bau ? "bau: \(fit.modelLabel)" : "\(spec.lever) on \(fit.modelLabel)"
        var rows: [ScenarioRow] = []
        var predictive: [Int: PredictiveDistribution] = [:]
        for year in years {
            let central = path.central[year] ?? .nan
            guard let p = path.predictive(year: year) else {
                rows += intervalRows(indicator: code, year: year, central: central, draws: draws[year] ?? [],
                                     method: method)
                continue
            }
            predictive[year] = p
            rows.append(ScenarioRow(scenario: scenario.name, region: scenario.region, indicator: code, year: year,
                                    kind: "central", level: nil, value: central, method: method))
            for level in [80, 95] {
                let interval = p.predictionInterval(level: Double(level) / 100)
                for (kind, value) in [("lower", interval.lower), ("upper", interval.upper)] {
                    rows.append(ScenarioRow(scenario: scenario.name, region: scenario.region, indicator: code,
                                            year: year, kind: kind, level: level,
                                            value: Swift.min(Swift.max(value, path.lower), path.upper),
                                            method: method + "; analytic t interval"))
                }
            }
        }
        return (rows, Projected(central: path.central, draws: draws, method: method, predictive: predictive,
                                lower: path.lower, upper: path.upper))
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
        let derivation: String
        var notes: [String] = []
        switch spec.start {
        case .stock(let stock):
            startStock = stock
            stockSource = "given"
            derivation = "\(format(stock)) given in the scenario file"
        case .density(let density):
            startStock = density * population.base / 1e4
            stockSource = "derived from density × population"
            derivation = "\(format((startStock * 10).rounded() / 10)) = density \(format(density)) per 10,000 "
                + "× \(population.model == "given" ? "" : "fitted ")\(s.baseYear) population \(format(population.base.rounded())) / 10,000"
        }
        notes.append("\(resource.rawValue): start stock in \(s.baseYear) \(derivation)"
            + observedCount(resource, population: population))
        if spec.attritionSD == 0 {
            notes.append("\(resource.rawValue): attrition fixed at \(formatPercent(spec.attrition)) a year (no attrition_sd "
                + "in the file): its intervals carry population-growth uncertainty only; add `attrition_sd: 0.01` to draw it")
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
            resource: resource, startStock: startStock, startStockSource: stockSource, startStockDerivation: derivation,
            startDensity: centralPath.first?.density ?? .nan, endDensity: centralPath.last?.density ?? .nan,
            attrition: spec.attrition, attritionSD: spec.attritionSD,
            totalCost: costs.last?.cumulative ?? 0,
            costPerDensityPoint: spec.costs.isZero ? nil : ResourceCosting.costPerDensityPoint(path: centralPath, costs: costs),
            costSource: spec.costs.source)
        return (rows, Projected(central: central, draws: draws, method: method), summary, notes)
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
