import Attainment
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
        /// The lever's predictive distribution per year (trend levers only; see `LeverPath.predictive`).
        var predictive: [Int: PredictiveDistribution] = [:]
        /// A resource lever's business-as-usual control variate per year (see `ControlVariate`).
        var control: [Int: ControlVariate] = [:]
        /// Business as usual on the fitted trend (`bau`, no caps): its numbers are the scorecard's, read from
        /// the predictive as they are (analytic P, quantiles not clamped), whatever the indicator's bounds.
        var isBusinessAsUsual = false
        /// Caps applied to every value (natural scale).
        var lower = -Double.infinity
        var upper = Double.infinity
    }

    // MARK: - Run

    /// - Parameter progress: called with (done, total) after each indicator or resource.
    /// - Throws: `ScenarioError` when the population cannot be projected or a lever year precedes the data.
    public func run(progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> ScenarioResult {
        let s = scenario
        try s.checkLimits()
        let population = try resolvePopulation()
        var rows: [ScenarioRow] = []
        var projected: [String: Projected] = [:]
        var notes: [String] = s.warnings + [population.label]
        if population.growthSD > 0 {
            notes.append("population growth is drawn in the Monte Carlo with SD \(formatPercent(population.growthSD)); "
                + "to state it instead, write `population: {growth: 0.02, growth_sd: 0.005}` in the scenario file")
        }
        var summaries: [ResourceSummary] = []
        let targetsByIndicator = inputs.regionTargets(region: s.region)

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
            if let p = out.projected { projected[resource.indicator] = p }
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
                notes.append("\(code): not projected: assessment not possible: \(reason)")
                continue
            }
            let spec = s.trends[code] ?? .bau
            if let start = spec.startYear, let last = inputs.series[code]?.lastYear, start < last,
               spec.lever != .bau {
                notes.append("\(code): start_year \(start) is before the last observation (\(last)); "
                    + "the lever overrides observed years from \(start) on")
            }
            let numeric = (targetsByIndicator[code] ?? []).filter { $0.value != nil && $0.kind != .qualitative }
            let out = runTrend(code: code, fit: fit, spec: spec, targets: numeric)
            rows += out.rows
            projected[code] = out.projected
        }

        let attainment = attain(projected: projected, targets: targetsByIndicator)
        summaries = summaries.map { withMilestone($0, attainment: attainment, projected: projected) }
        let costed = summaries.filter { $0.totalCost > 0 }
        for summary in costed where summary.costSource.lowercased().contains("illustrative") {
            notes.append("\(summary.resource.rawValue) unit costs are ILLUSTRATIVE (\(summary.costSource)); "
                + "replace them with the province's figures before using the totals")
        }
        return ScenarioResult(
            name: s.name, description: s.description, region: s.region, seed: s.seed, draws: s.draws,
            baseYear: s.baseYear, horizon: s.horizon, population: population, rows: rows, attainment: attainment,
            resources: summaries, discountRate: s.discountRate, currency: s.budget?.currency ?? "VND", notes: notes)
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
                                            label: "population model: \(format(base.rounded())) in \(s.baseYear) (given), "
                                                + "growth \(formatPercent(rate)) a year (given, SD \(formatPercent(sd)))")
            }
            guard let series = inputs.series["population_avg"] else {
                throw ScenarioError.missingData(
                    "population growth is given but not the base-year population, and the data have no population_avg "
                        + "series for \(s.region); add `base:` under population")
            }
            let fitted = try PopulationProjection.logLinear(series, baseYear: s.baseYear)
            return PopulationProjection(base: fitted.base, baseYear: s.baseYear, growth: rate, growthSD: sd,
                                        label: "population model: \(format(fitted.base.rounded())) in \(s.baseYear) (log-linear fit to "
                                            + "population_avg, window \(fitted.fitWindow?.yearsText ?? "?")), "
                                            + "growth \(formatPercent(rate)) a year (given, SD \(formatPercent(sd)); the fit's own growth "
                                            + "is \(formatPercent(fitted.growth)), SE \(formatPercent(fitted.growthSD)))",
                                        model: "given growth, fitted base", fitWindow: fitted.fitWindow, points: fitted.points)
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
                                   kind: "lower", level: level, value: quantile(sorted: sorted, tail), method: method,
                                   isMonteCarlo: true))
            out.append(ScenarioRow(scenario: scenario.name, region: scenario.region, indicator: indicator, year: year,
                                   kind: "upper", level: level, value: quantile(sorted: sorted, 1 - tail), method: method,
                                   isMonteCarlo: true))
        }
        return out
    }

    // MARK: - Attainment

    /// One entry per target of the region in (base_year, horizon], judged as `chitieu attain` judges it:
    ///
    /// - status, resolved comparator, "already met" and comparator warnings from `Attainment.assess`;
    /// - P(attain) = `Attainment.probability` on the lever's predictive distribution (a trend's predictive
    ///   moved to the lever's centre; exactly the scorecard's for `bau`, resources at business as usual
    ///   included) when the target lies strictly inside the caps, so capping cannot change which values meet it;
    /// - a resource lever: the analytic business-as-usual P plus the paired Monte Carlo difference
    ///   (`ControlVariate`), with its standard error;
    /// - otherwise (no trend, the budget lever, targets at a cap) the share of Monte Carlo draws meeting it,
    ///   `Comparator.isMet` with the hold tolerance, with standard error √(p(1 − p)/N);
    /// - no projection: "assessment not possible: <reason>" (the fit's failure, as in the scorecard).
    func attain(projected: [String: Projected], targets: [String: [Target]]) -> [ScenarioAttainment] {
        var out: [ScenarioAttainment] = []
        let s = scenario
        for code in targets.keys.sorted(by: { (planKey(targets[$0], $0), $0) < (planKey(targets[$1], $1), $1) }) {
            guard let entry = inputs.catalogue[code] else { continue }
            let p = projected[code]
            for t in (targets[code] ?? []).sorted(by: { $0.year < $1.year }) where t.year > s.baseYear && t.year <= s.horizon {
                let e = estimate(t, entry: entry, projected: p)
                let central = p?.central[t.year]
                var centralMeets: Bool?
                if let central, let value = t.value, let comparator = e.m.comparator {
                    centralMeets = comparator.isMet(central, target: value, tolerance: t.holdTolerance)
                }
                let m = e.m
                out.append(ScenarioAttainment(
                    scenario: s.name, indicator: code, planRow: t.planRow.isEmpty ? entry.planRow : t.planRow,
                    year: t.year, targetText: t.text, kind: t.kind, comparator: m.comparator, target: t.value,
                    status: m.status, central: central, median: e.median, pi80: e.pi80, pi95: e.pi95, distribution: e.distribution,
                    probability: m.probability, probabilitySE: e.se, probabilityMethod: e.method,
                    metAtBaseline: m.metAtBaseline,
                    verdict: ChitieuVerdict.classify(probability: m.probability,
                                                     metAtBaseline: m.status.carriesProbability ? m.metAtBaseline : nil),
                    centralMeets: centralMeets, method: p?.method ?? "", warnings: m.warnings))
            }
        }
        return out
    }

    /// P(attain), its standard error and method, median and intervals of one target (see `attain`).
    struct Estimate {
        var m: MilestoneAttainment
        var se: Double?
        var method: String
        var median: Double?
        var pi80: ClosedInterval?
        var pi95: ClosedInterval?
        var distribution: ScenarioQuantiles?
    }

    func estimate(_ t: Target, entry: Indicator, projected p: Projected?) -> Estimate {
        let reason = inputs.unassessable[entry.code] ?? "no data to fit a trend"
        let baseline = inputs.baseline(entry.code, year: scenario.baseYear)
        let predictive = p?.predictive[t.year]
        let control = p?.control[t.year]
        let analytic = predictive != nil
            && (p?.isBusinessAsUsual == true || p.map { Self.inside(t, lower: $0.lower, upper: $0.upper) } == true)
        let m0 = Attainment.assess(target: t, direction: entry.direction,
                                   predictive: analytic ? predictive : control?.predictive, reason: reason,
                                   baseline: baseline)
        var e = Estimate(m: m0, se: nil, method: m0.probability == nil ? "" : "analytic")
        let draws = p?.draws[t.year] ?? []
        if !analytic, !draws.isEmpty, AttainmentStatus(target: t).carriesProbability, let value = t.value,
           let comparator = m0.comparator {
            let meets = { (x: Double) in comparator.isMet(x, target: value, tolerance: t.holdTolerance) }
            let share: Double, se: Double
            if let control, let bau = m0.probability {
                (share, se) = control.probability(bau: bau, meets: meets)
                e.method = "control variate"
            } else {
                share = Double(draws.filter(meets).count) / Double(draws.count)
                se = (share * (1 - share) / Double(draws.count)).squareRoot()
                e.method = "Monte Carlo"
            }
            e.m = MilestoneAttainment(target: t, comparator: comparator, status: AttainmentStatus(target: t),
                                      probability: share, metAtBaseline: m0.metAtBaseline, warnings: m0.warnings)
            e.se = se
        }
        guard t.kind != .qualitative, let p else { return e }
        func clamp(_ x: Double) -> Double {
            p.isBusinessAsUsual ? x : Swift.min(Swift.max(x, p.lower), p.upper)
        }
        // The distribution is kept whole (`ScenarioQuantiles`); median and intervals are read from it.
        if let predictive {
            e.distribution = .predictive(predictive, lower: p.isBusinessAsUsual ? -.infinity : p.lower,
                                         upper: p.isBusinessAsUsual ? .infinity : p.upper)
        } else if let control {
            e.distribution = .grid { clamp(control.quantile($0)) }
        } else if !draws.isEmpty {
            let sorted = draws.filter { !$0.isNaN }.sorted()
            if !sorted.isEmpty { e.distribution = .grid { clamp(quantile(sorted: sorted, $0)) } }
        }
        e.median = e.distribution?.median
        e.pi80 = e.distribution?.interval(level: 0.8)
        e.pi95 = e.distribution?.interval(level: 0.95)
        return e
    }

    /// A resource summary with P(attain) of its density indicator's last milestone within the horizon, under
    /// the scenario and (analytic) under business as usual.
    func withMilestone(_ summary: ResourceSummary, attainment: [ScenarioAttainment],
                       projected: [String: Projected]) -> ResourceSummary {
        let code = summary.resource.indicator
        guard let a = attainment.last(where: { $0.indicator == code && $0.probability != nil }),
              let entry = inputs.catalogue[code],
              let target = inputs.targets.first(where: { $0.region == scenario.region && $0.indicator == code
                  && $0.year == a.year && $0.text == a.targetText }) else { return summary }
        let p = projected[code]
        let bau = p?.control[a.year]?.predictive ?? (summary.businessAsUsual ? p?.predictive[a.year] : nil)
        let bauP = bau.flatMap { Attainment.assess(target: target, direction: entry.direction, predictive: $0).probability }
        return summary.with(milestoneYear: a.year, bauProbability: bauP, probability: a.probability)
    }

    /// Plan-row order (`PlanRowOrder`), so the scorecard reads in the order of the plan's appendix.
    func planKey(_ targets: [Target]?, _ code: String) -> Int {
        PlanRowOrder.key(targets: targets, catalogueRow: inputs.catalogue[code]?.planRow)
    }

    /// Whether every value that meets (or misses) `target` lies strictly inside the caps, so that capping a
    /// value cannot change the comparison and the uncapped predictive gives P(attain) exactly.
    static func inside(_ target: Target, lower: Double, upper: Double) -> Bool {
        guard let value = target.value else { return true }
        let tol = target.holdTolerance
        return value - tol > lower && value + tol < upper
    }
}
