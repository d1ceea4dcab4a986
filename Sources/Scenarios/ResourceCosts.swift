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

// MARK: - Cost over business as usual

/// The cost of a scenario as the increment over business as usual, year by year, with its discounted sum.
///
/// With unit costs c_s (per stock-year) and c_e (per entrant), the increment of year t is
///
///     ΔC_t = c_s·(S′_t − S_t) + c_e·(A′_t − A_t)
///
/// (scenario minus business as usual, stocks and entrants on the central paths), the cumulative cost
/// Σ ΔC_t, and the present value at rate r, PV = Σ_t ΔC_t / (1 + r)^(t − t₀), t₀ the base year: costs are
/// discounted to the base year, as in WHO-CHOICE (Tan-Torres Edejer et al., WHO 2003, ch. 4; default
/// r = 3 %, `Scenario.defaultDiscountRate`).
public struct IncrementalCost: Sendable, Hashable {
    public let baseYear: Int
    public let years: [Int]
    /// ΔC_t for each of `years`.
    public let annual: [Double]
    public let discountRate: Double

    public init(baseYear: Int, years: [Int], annual: [Double], discountRate: Double) {
        self.baseYear = baseYear
        self.years = years
        self.annual = annual
        self.discountRate = discountRate
    }

    /// Σ ΔC_t up to and including each year.
    public var cumulative: [Double] {
        var sum = 0.0
        return annual.map { sum += $0; return sum }
    }

    /// Σ ΔC_t / (1 + r)^(t − t₀) up to and including each year.
    public var discountedCumulative: [Double] {
        var sum = 0.0
        return zip(years, annual).map { year, cost in
            sum += cost / Foundation.pow(1 + discountRate, Double(year - baseYear))
            return sum
        }
    }

    /// Undiscounted total over the horizon.
    public var total: Double { annual.reduce(0, +) }
    /// Present value at the base year.
    public var presentValue: Double { discountedCumulative.last ?? 0 }

    /// The year-by-year sum of several increments on the same years (e.g. every resource of a scenario).
    public static func sum(_ parts: [IncrementalCost]) -> IncrementalCost? {
        guard let first = parts.first else { return nil }
        var annual = [Double](repeating: 0, count: first.years.count)
        for part in parts where part.years == first.years {
            for i in annual.indices { annual[i] += part.annual[i] }
        }
        return IncrementalCost(baseYear: first.baseYear, years: first.years, annual: annual,
                               discountRate: first.discountRate)
    }
}
