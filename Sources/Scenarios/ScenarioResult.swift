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

/// Cost and density gain of one resource over the horizon.
public struct ResourceSummary: Sendable, Hashable {
    public let resource: Resource
    public let startStock: Double
    /// "given" or "derived from density × population".
    public let startStockSource: String
    /// The full derivation, e.g. "635.0 = density 10.5 per 10,000 × fitted 2023 population 604663 (…)".
    public let startStockDerivation: String
    public let startDensity: Double
    public let endDensity: Double
    public let attrition: Double
    /// 0 when the attrition is held fixed in the Monte Carlo (no `attrition_sd` in the file).
    public let attritionSD: Double
    public let totalCost: Double
    /// totalCost / (endDensity − startDensity), nil without a gain.
    public let costPerDensityPoint: Double?
    public let costSource: String
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
    public let currency: String
    /// Notes and warnings printed with the output (derived stocks, illustrative costs, unassessable targets).
    public let notes: [String]
}
