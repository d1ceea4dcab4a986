import Foundation

// MARK: - Timing convention

/// A stock-flow model of one health-workforce cadre (doctors, nurses, pharmacists) or of hospital beds,
/// in the style of iHRIS Plan and the OneHealth Tool's human-resources module (IntraHealth, "iHRIS Plan
/// user manual", supply model; Avenir Health / WHO, "OneHealth Tool manual", Human Resources module):
/// next year's stock is this year's stock less attrition plus new entrants.
///
/// **Timing convention (used everywhere, including `StockFlowSolver`).** Year 0 is the base year t₀.
/// `S_t` is the stock at the end of year t₀ + t. During year t a fraction `a` of the stock carried in from
/// the previous year leaves (attrition is applied to the stock at the start of the year); the entrants
/// `A_t` of year t join at the end of the year and do not attrite that year:
///
///     S_t = (1 − a)·S_{t−1} + A_t,   t = 1 … T
///
/// With a training pipeline of `d` years, the intake (hires, student places) decided in year k enters
/// service in year k + d: `A_t = H_{t−d}` for t > d; in years 1 … d the entrants are the graduates already
/// in training (`pipelineArrivals` per year, default 0). With d = 0, `A_t = H_t`. Unrolled:
///
///     S_T = S₀(1 − a)^T + Σ_{t=1..T} A_t (1 − a)^{T−t}
///
/// Density per 10,000 population in year t is `D_t = 10⁴·S_t / P_t`, with P_t the population of year t.
public struct StockFlowParameters: Sendable, Hashable {
    /// Stock at the end of the base year (persons or beds).
    public var startStock: Double
    /// Intake per year from year 1 (t₀ + 1); see `HireSchedule`.
    public var hires: HireSchedule
    /// Annual attrition (retirement, death, migration, leaving the public sector) as a fraction in [0, 1).
    public var attrition: Double
    /// Years from intake to entering service (0 = hires join the stock the year they are hired).
    public var pipelineDelay: Int
    /// Entrants per year in years 1 … d from intakes already in training before the base year.
    public var pipelineArrivals: Double

    public init(startStock: Double, hires: HireSchedule, attrition: Double, pipelineDelay: Int = 0,
                pipelineArrivals: Double = 0) {
        self.startStock = startStock
        self.hires = hires
        self.attrition = attrition
        self.pipelineDelay = pipelineDelay
        self.pipelineArrivals = pipelineArrivals
    }
}

/// Intake per year: one number every year, or a year-by-year list starting at t₀ + 1.
public enum HireSchedule: Sendable, Hashable {
    case constant(Double)
    case list([Double])

    /// Intake of year t (1-based). A list shorter than the horizon holds its last value; scenario
    /// validation refuses such lists, so this only matters for direct API use.
    public func intake(year t: Int) -> Double {
        switch self {
        case .constant(let h): return h
        case .list(let values):
            guard t >= 1, let last = values.last else { return 0 }
            return t <= values.count ? values[t - 1] : last
        }
    }
}

/// One year of a stock-flow projection.
public struct StockFlowYear: Sendable, Hashable {
    public let year: Int
    /// Entrants joining at the end of the year (`A_t`).
    public let entrants: Double
    /// Leavers during the year (`a·S_{t−1}`).
    public let leavers: Double
    /// Stock at the end of the year (`S_t`).
    public let stock: Double
    public let population: Double
    /// 10⁴·S_t / P_t.
    public let density: Double
}

// MARK: - Simulation

public enum StockFlow {
    /// Entrants in year t under the pipeline rule `A_t = H_{t−d}` (t > d), `pipelineArrivals` otherwise.
    public static func entrants(_ p: StockFlowParameters, year t: Int) -> Double {
        t > p.pipelineDelay ? p.hires.intake(year: t - p.pipelineDelay) : p.pipelineArrivals
    }

    /// Runs the recursion `S_t = (1 − a)·S_{t−1} + A_t` for t = 1 … horizon.
    ///
    /// - Parameters:
    ///   - parameters: start stock, hires, attrition, pipeline.
    ///   - baseYear: t₀ (the year of `startStock`).
    ///   - population: P_t for t = 0 … horizon (`population[0]` is the base year).
    /// - Returns: horizon + 1 rows, the first one the base year.
    /// - Complexity: O(horizon).
    public static func run(_ parameters: StockFlowParameters, baseYear: Int, population: [Double]) -> [StockFlowYear] {
        let a = parameters.attrition
        var rows: [StockFlowYear] = []
        var stock = parameters.startStock
        for (t, p) in population.enumerated() {
            if t == 0 {
                rows.append(StockFlowYear(year: baseYear, entrants: 0, leavers: 0, stock: stock, population: p,
                                          density: 1e4 * stock / p))
                continue
            }
            let leavers = a * stock
            let arriving = entrants(parameters, year: t)
            stock = (stock - leavers) + arriving
            rows.append(StockFlowYear(year: baseYear + t, entrants: arriving, leavers: leavers, stock: stock,
                                      population: p, density: 1e4 * stock / p))
        }
        return rows
    }
}
