import IndicatorData

/// One tidy output row: (scenario, region, indicator, year, kind, level) → value.
///
/// Kinds: `observed`, `central` (deterministic: the lever path or the stock-flow run at the central
/// parameters), `lower`/`upper` (Monte Carlo quantiles at `level` 80 or 95 — the only rows that depend on
/// the seed), and for resources `stock`, `entrants`, `leavers`, `population`, `cost_stock`, `cost_entry`,
/// `cost_total`, `cost_cumulative`; for the budget `budget`, `preventive_spending`.
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

    /// Whether the row depends on the Monte Carlo (and so on the seed).
    public var isMonteCarlo: Bool { kind == "lower" || kind == "upper" }
}

/// Attainment of one target under a scenario.
public struct ScenarioAttainment: Sendable, Hashable {
    public let scenario: String
    public let indicator: String
    public let planRow: String
    public let year: Int
    /// As printed in the plan, e.g. ">30".
    public let targetText: String
    public let comparator: Comparator
    public let target: Double
    public let central: Double
    public let lower80: Double
    public let upper80: Double
    /// Fraction of Monte Carlo draws that meet the target (seed-dependent).
    public let probability: Double
    /// Whether the central path meets it.
    public let centralMeets: Bool
    public let method: String
}

/// Cost and density gain of one resource over the horizon.
public struct ResourceSummary: Sendable, Hashable {
    public let resource: Resource
    public let startStock: Double
    /// "given" or "derived from density × population".
    public let startStockSource: String
    public let startDensity: Double
    public let endDensity: Double
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
