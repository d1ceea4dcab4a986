import Foundation
import Testing
@testable import Scenarios

/// Bisection where no closed form is used (`StockFlowSolver.numericHires`).
@Suite("Numeric hires (bisection)")
struct StockFlowNumericTests {
    let population = PopulationProjection(base: 1e6, baseYear: 2023, growth: 0.01, label: "test").path(horizon: 7)

    /// Parity: constant hires by bisection equal the closed form (the hand case, 68.4596) within the
    /// stated tolerance.
    @Test func bisectionMatchesClosedForm() throws {
        let closed = try StockFlowSolver.constantHires(startStock: 1050, targetDensity: 12, years: 7, attrition: 0.03,
                                                       targetPopulation: population[7])
        let numeric = try StockFlowSolver.numericHires(startStock: 1050, targetDensity: 12, years: 7, attrition: 0.03,
                                                       population: population, tolerance: 1e-9) { .constant($0) }
        #expect(abs(numeric.hires - closed.hires) <= 0.5e-9, "closed \(closed.hires), bisection \(numeric.hires)")
        #expect(numeric.method == "bisection, tolerance 1e-09 hires: |H − H*| ≤ 5e-10")
        #expect(abs(numeric.multiplier - closed.multiplier) < 1e-9)
    }

    /// Hires growing 5 % a year: the solved schedule, run through the stock-flow model, reaches the target
    /// density to 1e-9.
    @Test func growingHiresReachTarget() throws {
        let schedule: (Double) -> HireSchedule = { h in .list((1...7).map { h * Foundation.pow(1.05, Double($0 - 1)) }) }
        let s = try StockFlowSolver.numericHires(startStock: 1050, targetDensity: 12, years: 7, attrition: 0.03,
                                                 population: population, tolerance: 1e-10, schedule: schedule)
        let path = StockFlow.run(StockFlowParameters(startStock: 1050, hires: schedule(s.hires), attrition: 0.03),
                                 baseYear: 2023, population: population)
        #expect(abs((path.last?.density ?? 0) - 12) < 1e-9)
        #expect(s.hires < 68.46)   // growing hires start lower than the constant answer
    }

    @Test func badInputsSayWhatToDo() throws {
        #expect(throws: ScenarioError.unsolvable("the tolerance must be a positive number (got 0.0)")) {
            _ = try StockFlowSolver.numericHires(startStock: 1050, targetDensity: 12, years: 7, attrition: 0.03,
                                                 population: population, tolerance: 0) { .constant($0) }
        }
        #expect(throws: ScenarioError.unsolvable("the population path has 8 years; 6 are needed")) {
            _ = try StockFlowSolver.numericHires(startStock: 1050, targetDensity: 12, years: 5, attrition: 0.03,
                                                 population: population) { .constant($0) }
        }
        #expect(throws: ScenarioError.unsolvable(
            "attrition must be in [0, 1) (got 1.5); write it as a fraction: 0.03 for 3 %")) {
            _ = try StockFlowSolver.numericHires(startStock: 1050, targetDensity: 12, years: 7, attrition: 1.5,
                                                 population: population) { .constant($0) }
        }
    }
}
