import Attainment
import IndicatorData

/// One tidy output row: (scenario, region, indicator, year, kind, level) → value.
///
/// Kinds: `observed`, `central` (deterministic: the lever path or the stock-flow run at the central
/// parameters), `lower`/`upper` (interval ends at `level` 80 or 95: for trend levers the analytic quantiles
/// of the lever's predictive distribution; for resources Monte Carlo quantiles, the only rows that depend on
/// the seed, flagged by `isMonteCarlo`), and for resources `stock`, `entrants`, `leavers`, `population`,
/// `cost_stock`, `cost_entry`, `cost_total`, `cost_cumulative`; for the budget `budget`, `preventive_spending`.
public struct ScenarioRow: Sendable, Hashable {
    public let scenario: String
    public let region: String
    public let indicator: String
    public let year: Int
    public let kind: String
    /// Interval level in percent for `lower`/`upper`, nil otherwise.
    public let level: Int?
    public let value: Double
    /// Which lever or model produced the value.
    public let method: String
    /// Whether the value is a Monte Carlo estimate (and so depends on the seed).
    public var isMonteCarlo: Bool = false
}

/// Attainment of one target under a scenario, with the Attainment module's definitions: status from the
/// target's kind (`AttainmentStatus`), comparator resolved from the catalogue direction, P(attain) from
/// `Attainment.assess` where the scenario's distribution is a (shifted) trend predictive, else the share of
/// Monte Carlo draws meeting the target under the same comparator and hold tolerance; verdict from
/// `ChitieuVerdict.classify`.
public struct ScenarioAttainment: Sendable, Hashable {
    public let scenario: String
    public let indicator: String
    public let planRow: String
    public let year: Int
    /// As printed in the plan, e.g. ">30".
    public let targetText: String
    public let kind: TargetKind
    public let comparator: Comparator?
    public let target: Double?
    public let status: AttainmentStatus
    /// The deterministic central path (lever path or stock-flow at the central parameters); nil without one.
    public let central: Double?
    /// Projected median and prediction intervals (analytic for trend levers, draw quantiles otherwise).
    public let median: Double?
    public let pi80: ClosedInterval?
    public let pi95: ClosedInterval?
    /// The whole predictive distribution the median and intervals are read from (any level on demand).
    public let distribution: ScenarioQuantiles?
    /// P(attain); nil unless the status carries a probability and a projection exists.
    public let probability: Double?
    /// Monte Carlo standard error √(p(1 − p)/N) of `probability`; nil when it is analytic.
    public let probabilitySE: Double?
    /// "analytic" (Attainment.probability on the lever's predictive), "Monte Carlo" or "" (no probability).
    public let probabilityMethod: String
    public let metAtBaseline: Bool?
    public let verdict: ChitieuVerdict
    /// Whether the central path meets the target (nil without a central value or comparator).
    public let centralMeets: Bool?
    public let method: String
    public let warnings: [String]
}

/// One resource under a scenario: where its stock starts, the business-as-usual hiring the lever is
/// measured against, and what the lever costs and buys over business as usual.
public struct ResourceSummary: Sendable, Hashable {
    public let resource: Resource
    public let startStock: Double
    /// "given", "data: <count series>", "derived from density × population".
    public let startStockSource: String
    /// The full derivation, e.g. "635.0 = density 10.5 per 10,000 × fitted 2023 population 604663 (…)".
    public let startStockDerivation: String
    public let startDensity: Double
    /// Central density at the horizon under the scenario (the reported median where there is a trend).
    public let endDensity: Double
    public let attrition: Double
    /// 0 when the attrition is held fixed in the Monte Carlo (no `attrition_sd` in the file).
    public let attritionSD: Double
    /// h̄: the net yearly intake business as usual stands for (`NetHires.implied`), nil without a trend.
    public let netHires: Double?
    /// Where h̄ comes from ("history: … 2016–2023" or "the business-as-usual median path …").
    public let netHiresSource: String
    /// Whether the resource runs business as usual (no lever): its numbers are the scorecard's.
    public let businessAsUsual: Bool
    /// Σ scenario cost over the horizon (stock-years and entrants at the unit costs; levels, not increments).
    public let totalCost: Double
    /// The cost over business as usual; nil without a trend to compare with or without unit costs.
    public let increment: IncrementalCost?
    /// Median density at the horizon minus business as usual's (points per 10,000); nil without a trend.
    public let densityGain: Double?
    /// The milestone year and P(attain) under business as usual and under the scenario for the resource's
    /// last target within the horizon; nil without one.
    public let milestoneYear: Int?
    public let bauProbability: Double?
    public let probability: Double?
    public let costSource: String

    public init(resource: Resource, startStock: Double, startStockSource: String, startStockDerivation: String,
                startDensity: Double, endDensity: Double, attrition: Double, attritionSD: Double, netHires: Double?,
                netHiresSource: String, businessAsUsual: Bool, totalCost: Double, increment: IncrementalCost?,
                densityGain: Double?, milestoneYear: Int? = nil, bauProbability: Double? = nil,
                probability: Double? = nil, costSource: String) {
        self.resource = resource
        self.startStock = startStock
        self.startStockSource = startStockSource
        self.startStockDerivation = startStockDerivation
        self.startDensity = startDensity
        self.endDensity = endDensity
        self.attrition = attrition
        self.attritionSD = attritionSD
        self.netHires = netHires
        self.netHiresSource = netHiresSource
        self.businessAsUsual = businessAsUsual
        self.totalCost = totalCost
        self.increment = increment
        self.densityGain = densityGain
        self.milestoneYear = milestoneYear
        self.bauProbability = bauProbability
        self.probability = probability
        self.costSource = costSource
    }

    /// A copy with the milestone's P(attain) under business as usual and under the scenario.
    func with(milestoneYear: Int, bauProbability: Double?, probability: Double?) -> ResourceSummary {
        ResourceSummary(resource: resource, startStock: startStock, startStockSource: startStockSource,
                        startStockDerivation: startStockDerivation, startDensity: startDensity, endDensity: endDensity,
                        attrition: attrition, attritionSD: attritionSD, netHires: netHires,
                        netHiresSource: netHiresSource, businessAsUsual: businessAsUsual, totalCost: totalCost,
                        increment: increment, densityGain: densityGain, milestoneYear: milestoneYear,
                        bauProbability: bauProbability, probability: probability, costSource: costSource)
    }

    /// P(attain) gained over business as usual, in percentage points: 100·(P − P_BAU).
    public var probabilityGainPoints: Double? {
        guard let p = probability, let b = bauProbability else { return nil }
        return 100 * (p - b)
    }

    /// Discounted cost over business as usual per point of density gained (per 10,000): PV / (D′_T − D_T);
    /// nil without a gain or a cost.
    public var costPerDensityPoint: Double? {
        guard let pv = increment?.presentValue, let gain = densityGain, gain > 0, pv != 0 else { return nil }
        return pv / gain
    }

    /// Discounted cost over business as usual per percentage point of P(attain) gained: PV / (100·ΔP);
    /// nil without a gain or a cost.
    public var costPerProbabilityPoint: Double? {
        guard let pv = increment?.presentValue, let gain = probabilityGainPoints, gain > 0, pv != 0 else { return nil }
        return pv / gain
    }
}

/// Everything a scenario run produces.
public struct ScenarioResult: Sendable {
    public let name: String
    public let description: String
    public let region: String
    public let seed: UInt64
    public let draws: Int
    public let baseYear: Int
    public let horizon: Int
    public let population: PopulationProjection
    public let rows: [ScenarioRow]
    public let attainment: [ScenarioAttainment]
    public let resources: [ResourceSummary]
    /// Σ resource totals over the horizon.
    public var totalCost: Double { resources.reduce(0) { $0 + $1.totalCost } }
    /// Σ over resources of the cost over business as usual (nil when no resource has one).
    public var incrementalCost: IncrementalCost? { IncrementalCost.sum(resources.compactMap(\.increment)) }
    /// The discount rate of the cost increments (`discount_rate:`, default `Scenario.defaultDiscountRate`).
    public let discountRate: Double
    public let currency: String
    /// Notes and warnings printed with the output (derived stocks, illustrative costs, unassessable targets).
    public let notes: [String]
}
