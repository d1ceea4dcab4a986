import Foundation
import IndicatorData
import Projection
import Statistics

extension ScenarioRunner {
    // MARK: - Trend levers

    /// Central path from the lever; Monte Carlo around it on the model scale (`TrendDraws`: correlated
    /// deviations whose marginal is exactly the fit's Student-t predictive), y_j(t) = g⁻¹(c_t + dev_j(t)) with
    /// c_t the lever's centre on the model scale. The lever moves the centre; the trend's uncertainty around
    /// it is kept (an accelerated or capped path is as uncertain as the trend it modifies).
    /// Interval rows are the predictive's analytic quantiles (capped: capping is monotone, so it commutes
    /// with quantiles); the draws serve P(attain) where the analytic form does not apply, so they are made
    /// only where a number needs them: a year without a model-scale centre (a held path), a target at a
    /// cap, or `draws: true` (a resource lever's control variate).
    func runTrend(code: String, fit: TrendFit, spec: TrendLeverSpec, targets: [Target], draws needed: Bool = false)
        -> (rows: [ScenarioRow], projected: Projected) {
        let years = scenario.years
        let entry = inputs.catalogue[code]
        let path = LeverPath(fit: fit, spec: spec, years: years, observed: inputs.series[code], targets: targets,
                             bounds: (entry?.lowerBound, entry?.upperBound))
        var draws: [Int: [Double]] = [:]
        if needed || years.contains(where: { path.location[$0] == nil })
            || (spec != .bau && targets.contains(where: { !Self.inside($0, lower: path.lower, upper: path.upper) })) {
            let mc = TrendDraws(fit: fit, years: years, draws: scenario.draws, seed: scenario.seed, label: "trend:\(code)")
            for (i, year) in years.enumerated() {
                draws[year] = mc.deviations(year: i).map { path.perturbed(year: year, deviation: $0) }
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
                                            value: spec == .bau ? value : Swift.min(Swift.max(value, path.lower), path.upper),
                                            method: method + "; analytic t interval"))
                }
            }
        }
        return (rows, Projected(central: path.central, draws: draws, method: method, predictive: predictive,
                                isBusinessAsUsual: spec == .bau, lower: path.lower, upper: path.upper))
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
