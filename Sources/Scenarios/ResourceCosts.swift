import Foundation

/// Unit costs of one resource, in the scenario's currency.
///
/// Costing follows the ingredients approach of the OneHealth Tool (unit cost × quantity, per year):
/// the stock costs `perStockYear` per unit per year (salary per staff-year, running cost per bed-year),
/// every entrant costs `perEntrant` once, in the year it enters service (training cost per graduate, capital
/// cost per bed added). Missing unit costs count as 0 and the output says which costs were given.
public struct UnitCosts: Sendable, Hashable {
    public var perStockYear: Double
    public var perEntrant: Double
    /// Where the numbers come from; "illustrative" costs must say so and are printed with every total.
    public var source: String

    public init(perStockYear: Double = 0, perEntrant: Double = 0, source: String = "") {
        self.perStockYear = perStockYear
        self.perEntrant = perEntrant
        self.source = source
    }

    public var isZero: Bool { perStockYear == 0 && perEntrant == 0 }
}

/// Cost of one resource in one year.
public struct ResourceCostYear: Sendable, Hashable {
    public let year: Int
    /// perStockYear × S_t (the end-of-year stock stands for the year's staff-years or bed-years).
    public let stockCost: Double
    /// perEntrant × A_t.
    public let entryCost: Double
    public var total: Double { stockCost + entryCost }
    /// Σ total from the first projected year to this year.
    public let cumulative: Double
}

public enum ResourceCosting {
    /// Annual and cumulative costs of a stock-flow path (the base-year row costs nothing: it is history).
    public static func costs(of path: [StockFlowYear], unitCosts: UnitCosts) -> [ResourceCostYear] {
        var cumulative = 0.0
        return path.dropFirst().map { row in
            let stockCost = unitCosts.perStockYear * row.stock
            let entryCost = unitCosts.perEntrant * row.entrants
            cumulative += stockCost + entryCost
            return ResourceCostYear(year: row.year, stockCost: stockCost, entryCost: entryCost, cumulative: cumulative)
        }
    }

    /// Cumulative cost divided by the density gained, D_T − D₀ (per 10,000): the cost of one point of
    /// density. `nil` when the density does not rise (no gain to price).
    public static func costPerDensityPoint(path: [StockFlowYear], costs: [ResourceCostYear]) -> Double? {
        guard let first = path.first, let last = path.last, let total = costs.last?.cumulative else { return nil }
        let gain = last.density - first.density
        guard gain > 0 else { return nil }
        return total / gain
    }

    /// Total cost over the horizon of a stock-flow plan at the given unit costs (the "budget needed").
    public static func totalCost(of path: [StockFlowYear], unitCosts: UnitCosts) -> Double {
        costs(of: path, unitCosts: unitCosts).last?.cumulative ?? 0
    }
}
