import Foundation

/// Inverse questions on the stock-flow model, in closed form where one exists.
public enum StockFlowSolver {
    /// The answer to "what constant intake H reaches density D* in year T?".
    public struct HiresSolution: Sendable, Hashable {
        /// Constant intake per year (fractional; round up to reach the target with whole people).
        public let hires: Double
        /// ⌈hires⌉: the whole number of hires per year that reaches the target.
        public var wholeHires: Int { Int(hires.rounded(.up)) }
        /// S* = D*·P_T/10⁴.
        public let targetStock: Double
        /// P_T.
        public let targetPopulation: Double
        /// S₀(1 − a)^T: what is left of today's stock in year T.
        public let survivingStock: Double
        /// Σ A_t (1 − a)^{T−t} over the pipeline years (graduates already in training).
        public let pipelineContribution: Double
        /// Σ (1 − a)^{T−t} over the years whose entrants the new intake supplies (the multiplier of H).
        public let multiplier: Double
        /// "closed form" or "bisection (tolerance …)".
        public let method: String
    }

    /// Largest |H| returned: beyond it the answer is not a workforce but an artefact of the inputs (and
    /// ⌈H⌉ would not fit an `Int`).
    static let maxHires = 1e12

    static func checkMagnitude(_ hires: Double) throws {
        guard hires.isFinite, abs(hires) <= maxHires else {
            throw ScenarioError.unsolvable("the answer, \(hires) hires a year, is beyond any workforce (|H| ≤ 1e12); "
                + "check the population, densities, growth and years")
        }
    }

    /// Σ_{j=0}^{n−1} (1 − a)^j = (1 − (1 − a)^n)/a, and n when a = 0.
    static func geometricSum(attrition a: Double, terms n: Int) -> Double {
        guard n > 0 else { return 0 }
        if a == 0 { return Double(n) }
        return (1 - Foundation.pow(1 - a, Double(n))) / a
    }

    /// Constant intake per year H (from year 1) so that the density in year T equals `targetDensity`.
    ///
    /// Under the timing convention of `StockFlowParameters` (attrition on the carried-in stock, entrants
    /// join at the end of the year, intake of year k enters service in year k + d):
    ///
    ///     S_T = S₀(1 − a)^T + Q·(1 − a)^{T−d}·G(d) + H·G(T − d),   G(n) = (1 − (1 − a)^n)/a  (= n if a = 0)
    ///     H   = (S* − S₀(1 − a)^T − Q·(1 − a)^{T−d}·G(d)) / G(T − d),   S* = D*·P_T/10⁴
    ///
    /// With d = 0 this is the textbook H = a·(S* − S₀(1 − a)^T)/(1 − (1 − a)^T), and (S* − S₀)/T when a = 0.
    ///
    /// - Parameters:
    ///   - startStock: S₀ at the end of the base year.
    ///   - targetDensity: D* per 10,000.
    ///   - years: T ≥ 1, years from the base year to the target year.
    ///   - attrition: a in [0, 1).
    ///   - targetPopulation: P_T.
    ///   - pipelineDelay: d ≥ 0 years; must be < T.
    ///   - pipelineArrivals: Q entrants per year in years 1 … d.
    /// - Throws: `ScenarioError.unsolvable` when T ≤ d (no intake can arrive in time) or the inputs are out
    ///   of range. A negative H is returned as is (the stock already exceeds the target: fewer leavers need
    ///   replacing than leave); the CLI says so.
    public static func constantHires(startStock: Double, targetDensity: Double, years: Int, attrition: Double,
                                     targetPopulation: Double, pipelineDelay: Int = 0,
                                     pipelineArrivals: Double = 0) throws -> HiresSolution {
        guard years >= 1 else {
            throw ScenarioError.unsolvable("the target year must be after the base year (got \(years) year(s))")
        }
        guard attrition >= 0, attrition < 1 else {
            throw ScenarioError.unsolvable(
                "attrition must be in [0, 1) (got \(attrition)); write it as a fraction: 0.03 for 3 %")
        }
        guard pipelineDelay >= 0, pipelineDelay < years else {
            throw ScenarioError.unsolvable(
                "a training pipeline of \(pipelineDelay) year(s) delivers no new intake within \(years) year(s); "
                    + "shorten the pipeline or choose a later target year")
        }
        guard targetPopulation > 0, startStock >= 0, targetDensity >= 0,
              targetPopulation.isFinite, startStock.isFinite, targetDensity.isFinite else {
            throw ScenarioError.unsolvable("population must be finite and > 0, stock and density finite and ≥ 0")
        }
        let a = attrition, T = years, d = pipelineDelay
        let targetStock = targetDensity * targetPopulation / 1e4
        let surviving = startStock * Foundation.pow(1 - a, Double(T))
        let pipeline = pipelineArrivals * Foundation.pow(1 - a, Double(T - d)) * geometricSum(attrition: a, terms: d)
        let multiplier = geometricSum(attrition: a, terms: T - d)
        let hires = (targetStock - surviving - pipeline) / multiplier
        try checkMagnitude(hires)
        return HiresSolution(hires: hires, targetStock: targetStock, targetPopulation: targetPopulation,
                             survivingStock: surviving, pipelineContribution: pipeline, multiplier: multiplier,
                             method: "closed form")
    }

    /// First-year intake H of a hires schedule `schedule(H)` (e.g. H·(1 + r)^(t−1), growing at r a year)
    /// so that the density in year T equals `targetDensity`, by bisection on the stock-flow run itself
    /// (`StockFlow.run`), for schedules with no closed form used here.
    ///
    /// f(H) = D_T(H) − D* is increasing in H whenever the schedule is (every intake ≥ 0 slope in H), so
    /// the root is bracketed by doubling [−M, M] from M = max(1, S*) (at most 60 doublings) and then bisected
    /// to a bracket narrower than `tolerance` (hires per year): |H − H*| ≤ tolerance/2.
    /// - Parameters:
    ///   - population: P_t for t = 0 … T (index 0 = base year).
    ///   - schedule: the intake schedule for a first-year intake H (must be increasing in H).
    /// - Throws: `ScenarioError.unsolvable` for out-of-range inputs, a pipeline longer than the horizon, or
    ///   no root within the bracket.
    public static func numericHires(startStock: Double, targetDensity: Double, years: Int, attrition: Double,
                                    population: [Double], pipelineDelay: Int = 0, pipelineArrivals: Double = 0,
                                    tolerance: Double = 1e-6,
                                    schedule: (Double) -> HireSchedule) throws -> HiresSolution {
        // Reuse the closed form's input checks (its answer is discarded).
        let targetPopulation = population.last ?? .nan
        _ = try constantHires(startStock: startStock, targetDensity: targetDensity, years: years, attrition: attrition,
                              targetPopulation: targetPopulation, pipelineDelay: pipelineDelay,
                              pipelineArrivals: pipelineArrivals)
        guard population.count == years + 1 else {
            throw ScenarioError.unsolvable("the population path has \(population.count) years; \(years + 1) are needed")
        }
        guard tolerance > 0, tolerance.isFinite else {
            throw ScenarioError.unsolvable("the tolerance must be a positive number (got \(tolerance))")
        }
        func finalStock(_ h: Double) -> Double {
            let p = StockFlowParameters(startStock: startStock, hires: schedule(h), attrition: attrition,
                                        pipelineDelay: pipelineDelay, pipelineArrivals: pipelineArrivals)
            return StockFlow.run(p, baseYear: 0, population: population).last?.stock ?? .nan
        }
        let targetStock = targetDensity * targetPopulation / 1e4
        var m = max(1, targetStock)
        var doublings = 0
        while finalStock(m) < targetStock || finalStock(-m) > targetStock, doublings < 60 {
            m *= 2
            doublings += 1
        }
        let h = try bisect(lower: -m, upper: m, tolerance: tolerance) { finalStock($0) - targetStock }
        let none = finalStock(0)
        let noPipeline = StockFlow.run(
            StockFlowParameters(startStock: startStock, hires: .constant(0), attrition: attrition,
                                pipelineDelay: pipelineDelay, pipelineArrivals: 0),
            baseYear: 0, population: population).last?.stock ?? .nan
        let surviving = startStock * Foundation.pow(1 - attrition, Double(years))
        try checkMagnitude(h)
        return HiresSolution(hires: h, targetStock: targetStock, targetPopulation: targetPopulation,
                             survivingStock: surviving, pipelineContribution: none - noPipeline,
                             multiplier: finalStock(1) - none,
                             method: "bisection, tolerance \(tolerance) hires: |H − H*| ≤ \(tolerance / 2)")
    }

    /// The average annual rate of reduction needed to go from y₀ to the target y_T in n years
    /// (UNICEF, "Technical note: how to calculate average annual rate of reduction (AARR)", 2007):
    ///
    ///     AARR = 1 − (y_T / y₀)^(1/n)   (a fraction a year, as `aarr:` in a scenario file: 0.04 = 4 %;
    ///                                   negative = the value must rise)
    ///
    /// - Throws: `ScenarioError.unsolvable` for n < 1 or non-positive or non-finite values.
    public static func requiredAARR(from current: Double, to target: Double, years n: Int) throws -> Double {
        guard n >= 1 else { throw ScenarioError.unsolvable("the target year must be after the base year") }
        guard current > 0, target > 0, current.isFinite, target.isFinite else {
            throw ScenarioError.unsolvable(
                "AARR needs positive values (got \(current) → \(target)); for a percentage that can reach 0, "
                    + "state the target as a level instead")
        }
        return 1 - Foundation.pow(target / current, 1 / Double(n))
    }

    /// Bisection for the root of a monotone function on [lower, upper].
    ///
    /// Stops when the bracket is narrower than `tolerance` and returns its midpoint, so the answer is within
    /// `tolerance / 2` of a root. Used where no closed form exists (e.g. the hires that make P(density ≥ D*)
    /// reach a probability under Monte Carlo uncertainty, a monotone step function of H with common random
    /// numbers).
    /// - Throws: `ScenarioError.unsolvable` when f(lower) and f(upper) have the same sign.
    public static func bisect(lower: Double, upper: Double, tolerance: Double, maxIterations: Int = 200,
                              _ f: (Double) -> Double) throws -> Double {
        var lo = lower, hi = upper
        let flo = f(lo), fhi = f(hi)
        if flo == 0 { return lo }
        if fhi == 0 { return hi }
        guard (flo < 0) != (fhi < 0) else {
            throw ScenarioError.unsolvable(
                "no solution between \(lower) and \(upper): the condition is \(flo < 0 ? "never" : "always") met "
                    + "in that range; widen the search range")
        }
        let increasing = flo < 0
        for _ in 0..<maxIterations where hi - lo > tolerance {
            let mid = (lo + hi) / 2
            let fm = f(mid)
            if (fm < 0) == increasing { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }
}
