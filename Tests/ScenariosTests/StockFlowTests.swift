import Foundation
import Testing
@testable import Scenarios

@Suite("Stock-flow model and solve")
struct StockFlowTests {
    /// The issue's hand case. Timing convention: S_t = (1 − a)·S_{t−1} + H (attrition on the carried-in
    /// stock, hires join at the end of the year), so S_T = S₀(1 − a)^T + H·(1 − (1 − a)^T)/a.
    ///   P₀ = 1,000,000, g = 1 %:   P₇ = 10⁶·1.01⁷ = 1,072,135.35
    ///   S₀ = 10.5·P₀/10⁴ = 1,050;  S* = 12.0·P₇/10⁴ = 1,286.562
    ///   (1 − a)^7 = 0.97⁷ = 0.807983; S₀·0.807983 = 848.382
    ///   H = 0.03·(1,286.562 − 848.382)/(1 − 0.807983) = 13.1454/0.192017 = 68.46 hires a year.
    /// "About 68" in the issue; to the hire, 68 a year ends at 11.97 per 10,000 (short), 69 at 12.03: the
    /// whole number that reaches the target is 69.
    @Test func issueHandCase() throws {
        let p7 = 1e6 * Foundation.pow(1.01, 7)
        let solution = try StockFlowSolver.constantHires(startStock: 1050, targetDensity: 12.0, years: 7,
                                                         attrition: 0.03, targetPopulation: p7)
        #expect(abs(solution.hires - 68.45957617830) < 1e-8, "H = \(solution.hires)")
        #expect(solution.wholeHires == 69)
        #expect(abs(solution.targetStock - 1286.5624225284) < 1e-9)
        let population = PopulationProjection(base: 1e6, baseYear: 2023, growth: 0.01, label: "test")
        func density(_ h: Double) -> Double {
            StockFlow.run(StockFlowParameters(startStock: 1050, hires: .constant(h), attrition: 0.03),
                          baseYear: 2023, population: population.path(horizon: 7)).last?.density ?? .nan
        }
        #expect(abs(density(68) - 11.9726) < 1e-4)
        #expect(abs(density(69) - 12.0323) < 1e-4)
    }

    /// Solve, then run with the solved hires: the density in the target year equals D* to 1e-9.
    @Test(arguments: [(0.03, 0, 0.0), (0.0, 0, 0.0), (0.05, 2, 30.0), (0.1, 3, 0.0)])
    func solveThenRun(attrition: Double, delay: Int, arrivals: Double) throws {
        let population = PopulationProjection(base: 580_000, baseYear: 2023, growth: 0.0185, label: "test")
        let solution = try StockFlowSolver.constantHires(
            startStock: 539, targetDensity: 12.0, years: 7, attrition: attrition,
            targetPopulation: population.population(in: 2030), pipelineDelay: delay, pipelineArrivals: arrivals)
        let path = StockFlow.run(
            StockFlowParameters(startStock: 539, hires: .constant(solution.hires), attrition: attrition,
                                pipelineDelay: delay, pipelineArrivals: arrivals),
            baseYear: 2023, population: population.path(horizon: 7))
        let reached = try #require(path.last?.density)
        #expect(abs(reached - 12.0) < 1e-9, "reached \(reached), error \(reached - 12.0)")
    }

    /// a = 0: H = (S* − S₀)/T.
    @Test func zeroAttritionIsLinear() throws {
        let solution = try StockFlowSolver.constantHires(startStock: 100, targetDensity: 20, years: 5, attrition: 0,
                                                         targetPopulation: 100_000)
        #expect(abs(solution.hires - (200 - 100) / 5.0) < 1e-12)
    }

    @Test func pipelineLongerThanHorizonIsRefused() {
        #expect {
            _ = try StockFlowSolver.constantHires(startStock: 100, targetDensity: 20, years: 3, attrition: 0.03,
                                                  targetPopulation: 1e5, pipelineDelay: 3)
        } throws: { error in
            "\(error)".contains("pipeline of 3 year(s) delivers no new intake within 3 year(s)")
        }
    }

    /// AARR = 1 − (y_T/y₀)^(1/n) (a fraction, as `aarr:` in a scenario file): stunting 20 % → 15 % in 7
    /// years needs 4.0264 % a year (python 3.11: `1-0.75**(1/7)` = 0.04026439021129735).
    @Test func requiredAARR() throws {
        let r = try StockFlowSolver.requiredAARR(from: 20, to: 15, years: 7)
        #expect(abs(r - (1 - Foundation.pow(0.75, 1.0 / 7))) < 1e-14)
        #expect(abs(r - 0.04026439021129735) < 1e-14)
        #expect { _ = try StockFlowSolver.requiredAARR(from: 0, to: 15, years: 7) } throws: {
            "\($0)".contains("AARR needs positive values")
        }
    }

    /// Bisection finds the closed-form answer within its tolerance (parity of the two paths).
    @Test func bisectionMatchesClosedForm() throws {
        let population = PopulationProjection(base: 1e6, baseYear: 2023, growth: 0.01, label: "test")
        let h = try StockFlowSolver.bisect(lower: 0, upper: 1000, tolerance: 1e-9) { h in
            (StockFlow.run(StockFlowParameters(startStock: 1050, hires: .constant(h), attrition: 0.03),
                           baseYear: 2023, population: population.path(horizon: 7)).last?.density ?? .nan) - 12.0
        }
        #expect(abs(h - 68.45957617830) < 1e-8)
        #expect { _ = try StockFlowSolver.bisect(lower: 0, upper: 1, tolerance: 1e-6) { $0 + 1 } } throws: {
            "\($0)".contains("no solution between 0.0 and 1.0")
        }
    }

    /// Costs: salary on the end-of-year stock, training per entrant; cost per density point = total / gain.
    @Test func costs() throws {
        let path = StockFlow.run(StockFlowParameters(startStock: 100, hires: .constant(10), attrition: 0.1),
                                 baseYear: 2023, population: [1e5, 1e5])
        // S₁ = 0.9·100 + 10 = 100: stock cost 100·2 = 200, entry cost 10·5 = 50.
        let costs = ResourceCosting.costs(of: path, unitCosts: UnitCosts(perStockYear: 2, perEntrant: 5))
        #expect(costs.count == 1)
        #expect(costs.first?.total == 250)
        #expect(ResourceCosting.costPerDensityPoint(path: path, costs: costs) == nil)  // no gain
        let grow = StockFlow.run(StockFlowParameters(startStock: 100, hires: .constant(20), attrition: 0.1),
                                 baseYear: 2023, population: [1e5, 1e5])
        let growCosts = ResourceCosting.costs(of: grow, unitCosts: UnitCosts(perStockYear: 2, perEntrant: 5))
        // S₁ = 110, density 10 → 11: (220 + 100)/1 = 320 per point.
        let perPoint = try #require(ResourceCosting.costPerDensityPoint(path: grow, costs: growCosts))
        #expect(abs(perPoint - 320) < 1e-9)
    }
}
